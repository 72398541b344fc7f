// SPDX-License-Identifier: GPL-3.0-or-later
// The demo identity: a working software signer whose certificate says it is a test signature.
#include "signing/CadesSignedData.h"
#include "signing/CertificateFacts.h"
#include "signing/DemoIdentity.h"
#include "signing/SoftwareKeySigner.h"
#include "support/TestCertificateAuthority.h"

#include <QCryptographicHash>
#include <QTest>

using namespace sohoa::signing;

class TestDemoIdentity : public QObject
{
    Q_OBJECT

private slots:
    void signsAndNamesItselfATestSignature()
    {
        const auto identity =
            DemoIdentity::create(QStringLiteral("Trần Thị Thử"), QStringLiteral("UBND xã Demo"));
        QCOMPARE(identity.certificateChain.size(), 1);
        const auto facts = CertificateFacts::read(identity.certificateChain.front());
        QVERIFY(facts.has_value());
        QCOMPARE(facts->subjectCommonName, QStringLiteral("Trần Thị Thử"));
        QCOMPARE(facts->subjectOrganization, QStringLiteral("UBND xã Demo"));
        QCOMPARE(facts->subjectOrganizationalUnit,
                 QStringLiteral("Chữ ký thử nghiệm — không có giá trị pháp lý"));
        QVERIFY(facts->meantForSigning());
        QVERIFY(facts->validAt(QDateTime::currentDateTimeUtc().addYears(9)));
        QVERIFY(DemoIdentity::isDemoCertificate(identity.certificateChain.front()));

        // The key belongs to the certificate: the CMS builder checks the signature it makes.
        SoftwareKeySigner signer(identity.privateKey, identity.certificateChain);
        const QByteArray digest =
            QCryptographicHash::hash("dossier bytes", QCryptographicHash::Sha256);
        QVERIFY(!CadesSignedData::create(digest, signer).isEmpty());
    }

    void aRealCertificateIsNotDemo()
    {
        sohoa::testing::TestCertificateAuthority authority;
        const auto issued = authority.issue({});
        QVERIFY(!DemoIdentity::isDemoCertificate(issued.certificateDer));
        QVERIFY(!DemoIdentity::isDemoCertificate(QByteArray("not a certificate")));
    }

    void eachStoreGetsItsOwnKey()
    {
        const auto first = DemoIdentity::create(QStringLiteral("A"), QStringLiteral("B"));
        const auto second = DemoIdentity::create(QStringLiteral("A"), QStringLiteral("B"));
        QVERIFY(!(first.privateKey == second.privateKey));
        QVERIFY(first.certificateChain != second.certificateChain);
    }
};

QTEST_GUILESS_MAIN(TestDemoIdentity)
#include "test_demo_identity.moc"
