// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QDir>
#include <QFile>

namespace sohoa::testing {

CliRunner::CliRunner() : environment_(QProcessEnvironment::systemEnvironment())
{
    const QString saneDir = dir_.filePath(QStringLiteral("sane.d"));
    QDir().mkpath(saneDir);
    QFile dll(saneDir + QStringLiteral("/dll.conf"));
    if (dll.open(QIODevice::WriteOnly))
        dll.write("test\npnm\n");
    environment_.insert(QStringLiteral("SANE_CONFIG_DIR"), saneDir + QLatin1Char(':'));
    environment_.insert(QStringLiteral("SOHOA_PASSPHRASE"), QString::fromUtf8(kPassphrase));
    environment_.insert(QStringLiteral("SOHOA_OFFICER"), QStringLiteral("officer-test"));
    environment_.remove(QStringLiteral("OMP_THREAD_LIMIT")); // the CLI sets it itself
}

ToolResult CliRunner::run(const QStringList& arguments, const QString& language,
                          const QByteArray& input)
{
    QProcessEnvironment environment = environment_;
    environment.insert(QStringLiteral("SOHOA_LANG"), language);
    return runTool(qEnvironmentVariable("SOHOA_CLI"), arguments, environment, input);
}

int CliRunner::initStore()
{
    return run({QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--store"),
                storePath(), QStringLiteral("--officer"), QStringLiteral("canbo01"),
                QStringLiteral("--agency"), QStringLiteral("000.00.00.H26")})
        .exitCode;
}

QJsonDocument CliRunner::runJson(const QStringList& arguments)
{
    const ToolResult result = run(arguments + QStringList{QStringLiteral("--json")});
    if (result.exitCode != 0)
        qWarning("sohoa-cli %s failed (%d): %s", qPrintable(arguments.join(' ')), result.exitCode,
                 result.err.constData());
    return QJsonDocument::fromJson(result.out);
}

} // namespace sohoa::testing
