// SPDX-License-Identifier: GPL-3.0-or-later
// A network scanner for real: saned serves SANE's test backend on loopback, and sohoa-cli
// reaches it through the net backend (what provincial centres' shared scanners look like).
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace sohoa::testing;

namespace {
constexpr auto kNetDevice = "net:127.0.0.1:test:0";

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}
} // namespace

class TestCliNetworkScan : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;
    QProcess saned_;

    QStringList scanArgs(const QString& dir, const QStringList& extra) const
    {
        return QStringList{QStringLiteral("scan"),
                           QStringLiteral("--device"),
                           QString::fromLatin1(kNetDevice),
                           QStringLiteral("--dpi"),
                           QStringLiteral("50"),
                           QStringLiteral("--out-dir"),
                           cli_.path(dir)} +
               extra;
    }

    bool netDeviceListed()
    {
        const QJsonArray devices =
            cli_.runJson({QStringLiteral("devices")}).object().value("devices").toArray();
        for (const QJsonValue& device : devices)
            if (device["id"].toString() == QLatin1String(kNetDevice))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        // Server side: saned on the standard SANE port, serving only the test backend to
        // loopback clients. Client side: only the net backend, pointed at loopback.
        const QString server = cli_.path(QStringLiteral("server.d"));
        const QString client = cli_.path(QStringLiteral("client.d"));
        QVERIFY(QDir().mkpath(server) && QDir().mkpath(client));
        QVERIFY(writeFile(server + QStringLiteral("/dll.conf"), "test\n"));
        QVERIFY(writeFile(server + QStringLiteral("/saned.conf"), "127.0.0.1\nlocalhost\n"));
        QVERIFY(writeFile(client + QStringLiteral("/dll.conf"), "net\n"));
        QVERIFY(
            writeFile(client + QStringLiteral("/net.conf"), "connect_timeout = 5\n127.0.0.1\n"));

        QProcessEnvironment serverEnvironment = QProcessEnvironment::systemEnvironment();
        serverEnvironment.insert(QStringLiteral("SANE_CONFIG_DIR"), server);
        saned_.setProcessEnvironment(serverEnvironment);
        saned_.setProcessChannelMode(QProcess::MergedChannels);
        saned_.start(QStringLiteral("saned"),
                     {QStringLiteral("-l"), QStringLiteral("-d"), QStringLiteral("1"),
                      QStringLiteral("-p"), QStringLiteral("6566")});
        QVERIFY2(saned_.waitForStarted(), "saned (package sane-utils) did not start");
        cli_.environment().insert(QStringLiteral("SANE_CONFIG_DIR"), client);
        bool listed = false;
        for (int attempt = 0; attempt < 20 && !listed; ++attempt) {
            listed = netDeviceListed();
            if (!listed)
                QThread::msleep(250);
        }
        QVERIFY2(listed, saned_.readAll().constData());
    }

    void cleanupTestCase()
    {
        saned_.terminate();
        if (!saned_.waitForFinished(3000))
            saned_.kill();
    }

    void flatbedPageOverTheNetwork()
    {
        const QJsonArray pages =
            cli_.runJson(scanArgs(QStringLiteral("flatbed"), {})).object().value("pages").toArray();
        QCOMPARE(pages.size(), 1);
    }

    void feederBatchOverTheNetwork()
    {
        const QJsonArray pages =
            cli_.runJson(scanArgs(QStringLiteral("adf"),
                                  {QStringLiteral("--source"), QStringLiteral("adf"),
                                   QStringLiteral("--max-pages"), QStringLiteral("3")}))
                .object()
                .value("pages")
                .toArray();
        QCOMPARE(pages.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliNetworkScan)
#include "test_cli_network_scan.moc"
