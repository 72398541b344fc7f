// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli scan against SANE's real test backend: a flatbed page, a feeder batch to empty,
// manual duplex in document order, and injected faults that end with the officer's message.
#include "CliRunner.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

class TestCliScan : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;

    QStringList scanArgs(const QString& dir, const QStringList& extra) const
    {
        return QStringList{
                   QStringLiteral("scan"),  QStringLiteral("--device"), QStringLiteral("test:0"),
                   QStringLiteral("--dpi"), QStringLiteral("50"),       QStringLiteral("--out-dir"),
                   cli_.path(dir)} +
               extra;
    }

private slots:
    void flatbedGivesOnePage()
    {
        const QJsonArray pages =
            cli_.runJson(scanArgs(QStringLiteral("flatbed"), {})).object().value("pages").toArray();
        QCOMPARE(pages.size(), 1);
        QVERIFY(!QImage(pages.first()["path"].toString()).isNull());
    }

    void feederRunsUntilEmpty()
    {
        // SANE's test feeder holds 10 sheets.
        const QJsonArray pages =
            cli_.runJson(scanArgs(QStringLiteral("adf"),
                                  {QStringLiteral("--source"), QStringLiteral("adf")}))
                .object()
                .value("pages")
                .toArray();
        QCOMPARE(pages.size(), 10);
    }

    void manualDuplexComesOutInDocumentOrder()
    {
        const ToolResult result =
            cli_.run(scanArgs(QStringLiteral("duplex"),
                              {QStringLiteral("--source"), QStringLiteral("adf"),
                               QStringLiteral("--max-pages"), QStringLiteral("3"),
                               QStringLiteral("--manual-duplex"), QStringLiteral("--json")}),
                     QStringLiteral("en"), "\n");
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.err.contains("Turn the stack over"));
        const QJsonArray pages =
            QJsonDocument::fromJson(result.out).object().value("pages").toArray();
        QCOMPARE(pages.size(), 6);
        // Sheet by sheet: front, then its back (the back pass arrives last sheet first).
        for (int i = 0; i < pages.size(); ++i) {
            QCOMPARE(pages[i]["side"].toString(),
                     i % 2 == 0 ? QStringLiteral("front") : QStringLiteral("back"));
            QVERIFY(pages[i]["path"].toString().endsWith(
                QStringLiteral("page-%1.png").arg(i + 1, 4, 10, QLatin1Char('0'))));
        }
    }

    void manualDuplexNeedsAFeeder()
    {
        const ToolResult result =
            cli_.run(scanArgs(QStringLiteral("nofeeder"), {QStringLiteral("--manual-duplex")}));
        QCOMPARE(result.exitCode, 2);
    }

    void faultsEndWithTheirMessage_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("jam") << "SANE_STATUS_JAMMED"
                             << "jam";
        QTest::newRow("cover") << "SANE_STATUS_COVER_OPEN"
                               << "cover";
        QTest::newRow("busy") << "SANE_STATUS_DEVICE_BUSY"
                              << "busy";
        QTest::newRow("no paper") << "SANE_STATUS_NO_DOCS"
                                  << "feeder";
    }

    void faultsEndWithTheirMessage()
    {
        QFETCH(QString, status);
        QFETCH(QString, words);
        const ToolResult result = cli_.run(
            scanArgs(QStringLiteral("fault"),
                     {QStringLiteral("--source"), QStringLiteral("adf"), QStringLiteral("--set"),
                      QStringLiteral("read-return-value=%1").arg(status)}));
        QCOMPARE(result.exitCode, 6);
        QVERIFY2(QString::fromUtf8(result.err).contains(words, Qt::CaseInsensitive),
                 result.err.constData());
        // The Vietnamese message is there too.
        const ToolResult vietnamese = cli_.run(
            scanArgs(QStringLiteral("fault-vi"),
                     {QStringLiteral("--source"), QStringLiteral("adf"), QStringLiteral("--set"),
                      QStringLiteral("read-return-value=%1").arg(status)}),
            QStringLiteral("vi"));
        QCOMPARE(vietnamese.exitCode, 6);
        QVERIFY(vietnamese.err != result.err);
    }
};

QTEST_GUILESS_MAIN(TestCliScan)
#include "test_cli_scan.moc"
