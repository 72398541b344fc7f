// SPDX-License-Identifier: GPL-3.0-or-later
// Citizens' data never touches disk unencrypted: after digitizing a page that shows a known
// name and ID number, neither the store, its WAL and key file, the temporary and runtime
// folders, nor the program's (debug-level) log output contain them, in NFC or NFD.
#include "CliRunner.h"
#include "support/RenderedPage.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace sohoa::testing;

namespace {
const QString kName = QStringLiteral("Phạm Thị Hồng Nhung");
const QString kId = QStringLiteral("036198012345");

QList<QByteArray> needles()
{
    return {kId.toUtf8(), kName.normalized(QString::NormalizationForm_C).toUtf8(),
            kName.normalized(QString::NormalizationForm_D).toUtf8(),
            // UTF-16 copies, as Qt would hold them in memory dumps or temp files.
            QByteArray(reinterpret_cast<const char*>(kId.utf16()), kId.size() * 2),
            QByteArray(reinterpret_cast<const char*>(kName.utf16()), kName.size() * 2)};
}

// Files under `dir` whose bytes contain any needle.
QStringList leaksIn(const QString& dir)
{
    QStringList leaks;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QByteArray& needle : needles())
            if (bytes.contains(needle))
                leaks << file.fileName();
    }
    return leaks;
}
} // namespace

class TestCliSecrecy : public QObject
{
    Q_OBJECT

private slots:
    void nothingPersonalReachesDiskOrLogs()
    {
        CliRunner cli;
        QTemporaryDir inputs; // the test's own plaintext input lives apart from what is searched
        const QString storeDir = cli.path(QStringLiteral("store"));
        const QString tempDir = cli.path(QStringLiteral("tmp"));
        const QString runtimeDir = cli.path(QStringLiteral("runtime"));
        for (const QString& dir : {storeDir, tempDir, runtimeDir})
            QVERIFY(QDir().mkpath(dir));
        QFile::setPermissions(runtimeDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        cli.environment().insert(QStringLiteral("TMPDIR"), tempDir);
        cli.environment().insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
        cli.environment().insert(QStringLiteral("SOHOA_DEBUG"), QStringLiteral("1"));
        const QString store = storeDir + QStringLiteral("/counter.store");

        const RenderedPage page = renderPage({QStringLiteral("Họ và tên: ") + kName,
                                              QStringLiteral("Số định danh cá nhân: ") + kId,
                                              QStringLiteral("Đăng ký khai sinh cho con")},
                                             300);
        const QString pnm = inputs.filePath(QStringLiteral("card.pnm"));
        QVERIFY(writePnm(page.image, pnm));

        QByteArray logs;
        const auto run = [&](const QStringList& arguments) {
            const ToolResult result = cli.run(arguments);
            logs += result.out + result.err;
            return result.exitCode;
        };
        QCOMPARE(run({QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--store"),
                      store}),
                 0);
        QCOMPARE(
            run({QStringLiteral("digitize"), QStringLiteral("--store"), store,
                 QStringLiteral("--device"), QStringLiteral("pnm:0"), QStringLiteral("--set"),
                 QStringLiteral("filename=") + pnm, QStringLiteral("--procedure"),
                 QStringLiteral("1.001193"), QStringLiteral("--component"), QStringLiteral("TP1"),
                 QStringLiteral("--applicant-id"), kId, QStringLiteral("--applicant-name"), kName}),
            0);
        QCOMPARE(run({QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--store"),
                      store}),
                 0);

        // The store really holds the data (so the search below is meaningful)...
        const ToolResult list = cli.run(
            {QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--store"), store});
        QVERIFY(QString::fromUtf8(list.out).contains(kName));
        // ...and none of it is readable on disk or in what the program printed.
        QVERIFY(QFile::exists(store));
        QCOMPARE(leaksIn(storeDir), QStringList());
        QCOMPARE(leaksIn(tempDir), QStringList());
        QCOMPARE(leaksIn(runtimeDir), QStringList());
        for (const QByteArray& needle : needles())
            QVERIFY2(!logs.contains(needle), logs.constData());
    }
};

QTEST_MAIN(TestCliSecrecy)
#include "test_cli_secrecy.moc"
