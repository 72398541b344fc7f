// SPDX-License-Identifier: GPL-3.0-or-later
// The chip ID card's QR payload: seven '|'-separated fields, checked against the personal ID
// rules; names come back in title case and NFC whatever form the code held them in.
#include "identity/IdCardQrPayload.h"

#include <QTest>

using namespace sohoa;
using identity::IdCardQrPayload;

namespace {
const QString kPayload = QStringLiteral(
    "001090012345|123456789|NGUYỄN VĂN AN|01021990|Nam|Thôn 3, Xã Tân Lập, Huyện Đan Phượng, "
    "Thành phố Hà Nội|15032021");

QString withField(int index, const QString& value)
{
    QStringList parts = kPayload.split(QLatin1Char('|'));
    parts[index] = value;
    return parts.join(QLatin1Char('|'));
}
} // namespace

class TestIdCardQrPayload : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheSevenFields()
    {
        const auto payload = IdCardQrPayload::tryParse(kPayload);
        QVERIFY(payload.has_value());
        QCOMPARE(payload->idNumber, QStringLiteral("001090012345"));
        QCOMPARE(payload->oldIdNumber, QStringLiteral("123456789"));
        QCOMPARE(payload->fullName, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(payload->dateOfBirth, QDate(1990, 2, 1));
        QCOMPARE(payload->sex, domain::Sex::Male);
        QCOMPARE(payload->address,
                 QStringLiteral("Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội"));
        QCOMPARE(payload->issueDate, QDate(2021, 3, 15));
    }

    void oldIdMayBeEmpty()
    {
        const auto payload = IdCardQrPayload::tryParse(withField(1, QString()));
        QVERIFY(payload.has_value());
        QVERIFY(payload->oldIdNumber.isEmpty());
    }

    void decomposedTextComesBackComposed()
    {
        const QString decomposed = kPayload.normalized(QString::NormalizationForm_D);
        QVERIFY(decomposed != kPayload);
        const auto payload = IdCardQrPayload::tryParse(decomposed);
        QVERIFY(payload.has_value());
        QCOMPARE(payload->fullName.toUtf8(), QStringLiteral("Nguyễn Văn An").toUtf8());
        QCOMPARE(payload->address, payload->address.normalized(QString::NormalizationForm_C));
    }

    void femaleBornIn2000s()
    {
        QString text = withField(0, QStringLiteral("079305001234"));
        text = QStringList{text.split('|').mid(0, 3).join('|'), QStringLiteral("09092005"),
                           QStringLiteral("Nữ"), text.split('|').mid(5).join('|')}
                   .join('|');
        const auto payload = IdCardQrPayload::tryParse(text);
        QVERIFY(payload.has_value());
        QCOMPARE(payload->sex, domain::Sex::Female);
    }

    void refusesWhatDoesNotHoldUp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("six fields") << kPayload.section(QLatin1Char('|'), 0, 5);
        QTest::newRow("eight fields") << kPayload + QStringLiteral("|x");
        QTest::newRow("unknown province") << withField(0, QStringLiteral("003090012345"));
        QTest::newRow("short id") << withField(0, QStringLiteral("00109001234"));
        QTest::newRow("sex digit says female") << withField(0, QStringLiteral("001190012345"));
        QTest::newRow("birth year disagrees") << withField(0, QStringLiteral("001091012345"));
        QTest::newRow("old id of 8 digits") << withField(1, QStringLiteral("12345678"));
        QTest::newRow("no name") << withField(2, QStringLiteral("  "));
        QTest::newRow("30 February") << withField(3, QStringLiteral("30021990"));
        QTest::newRow("sex unknown") << withField(4, QStringLiteral("X"));
        QTest::newRow("issue date unreal") << withField(6, QStringLiteral("32132021"));
        QTest::newRow("issued before birth") << withField(6, QStringLiteral("01011980"));
    }

    void refusesWhatDoesNotHoldUp()
    {
        QFETCH(QString, text);
        QString why;
        QVERIFY(!IdCardQrPayload::tryParse(text, &why).has_value());
        QVERIFY(!why.isEmpty());
        // Messages never repeat the ID number or the name.
        QVERIFY(!why.contains(QLatin1String("0012345")));
        QVERIFY(!why.contains(QStringLiteral("NGUYỄN")));
    }
};

QTEST_GUILESS_MAIN(TestIdCardQrPayload)
#include "test_id_card_qr_payload.moc"
