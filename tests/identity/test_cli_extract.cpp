// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli extract on a generated chip ID card: one JSON document with the QR's fields,
// plain "field<TAB>value<TAB>source" lines without --json, and usage errors.
#include "cli/CliRunner.h"
#include "support/IdCardGenerator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

class TestCliExtract : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;
    GeneratedCard card_;
    QString cardPath_;

private slots:
    void initTestCase()
    {
        QRandomGenerator random(4242);
        IdCardStyle style;
        style.dpi = 300;
        style.rotationDegrees = 1.0;
        card_ = renderIdCard(randomIdentity(random), style, random);
        cardPath_ = cli_.path(QStringLiteral("the card.png"));
        QVERIFY(card_.image.save(cardPath_));
    }

    void jsonCarriesEachFieldWithSourceAndBox()
    {
        const QJsonObject result =
            cli_.runJson({QStringLiteral("extract"), cardPath_, QStringLiteral("--json")}).object();
        const QJsonArray documents = result.value("documents").toArray();
        QCOMPARE(documents.size(), 1);
        const QJsonObject document = documents.first().toObject();
        QCOMPARE(document.value("input").toString(), cardPath_);
        QCOMPARE(document.value("page").toInt(), 1);
        const QJsonObject fields = document.value("fields").toObject();
        const QJsonObject id = fields.value("id_number").toObject();
        QCOMPARE(id.value("value").toString(), card_.truth.idNumber);
        QCOMPARE(id.value("source").toString(), QStringLiteral("qr"));
        QCOMPARE(id.value("confidence").toDouble(), 1.0);
        const QJsonArray box = id.value("box").toArray();
        QCOMPARE(box.size(), 4);
        const QRect qrBox(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt());
        QVERIFY(qrBox.intersects(card_.qrBox));
        QCOMPARE(fields.value("full_name").toObject().value("value").toString(),
                 card_.truth.fullName);
        QCOMPARE(fields.value("date_of_birth").toObject().value("value").toString(),
                 card_.truth.dateOfBirth.toString(Qt::ISODate));
        QCOMPARE(fields.value("address").toObject().value("value").toString(), card_.truth.address);
        QVERIFY(document.value("disagreements").toArray().isEmpty());
    }

    void plainLinesWithoutJson()
    {
        const ToolResult result = cli_.run({QStringLiteral("extract"), cardPath_});
        QCOMPARE(result.exitCode, 0);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY2(out.contains(QStringLiteral("id_number\t%1\tqr").arg(card_.truth.idNumber)),
                 result.out.constData());
        QVERIFY(out.contains(QStringLiteral("full_name\t%1\tqr").arg(card_.truth.fullName)));
    }

    void usageErrors()
    {
        ToolResult result = cli_.run({QStringLiteral("extract")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
        result = cli_.run({QStringLiteral("extract"), cli_.path(QStringLiteral("missing.png"))});
        QCOMPARE(result.exitCode, 3);
    }
};

QTEST_MAIN(TestCliExtract)
#include "test_cli_extract.moc"
