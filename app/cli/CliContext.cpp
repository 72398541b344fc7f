// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliContext.h"

#include "domain/UserError.h"
#include "usecases/QuickUnlock.h"
#include "usecases/StoreAccess.h"

#include <QFile>
#include <QJsonArray>
#include <cstdio>

namespace sohoa::cli {

void CliContext::parse(QCommandLineParser& parser, const QString& commandName)
{
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print one JSON document on standard output."));
    parser.addOption(jsonOption);
    parser.addHelpOption();
    parser.setApplicationDescription(tr("sohoa-cli %1 — see docs/CLI.md").arg(commandName));
    if (!parser.parse(arguments_))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText());
        throw UserError(ErrorKind::Usage, QString());
    }
    json_ = parser.isSet(jsonOption);
}

void CliContext::printJson(const QJsonObject& object) const
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
}

void CliContext::printLine(const QString& line) const
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void CliContext::printError(const QString& line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void CliContext::printStoreActionDone(const QJsonObject& result, const QString& action) const
{
    if (json_)
        printJson(result);
    else
        printLine(tr("Done: store %1.").arg(action));
}

QList<QCommandLineOption> CliContext::unlockOptions()
{
    return {QCommandLineOption(QStringLiteral("passphrase-file"),
                               tr("Read the store passphrase from the first line of FILE "
                                  "(default: the SOHOA_PASSPHRASE variable)."),
                               QStringLiteral("FILE")),
            QCommandLineOption(QStringLiteral("keyring"),
                               tr("Unlock with the secret in your session keyring (after "
                                  "\"store keyring-on\") instead of the passphrase."))};
}

std::unique_ptr<storage::Store> CliContext::openStore(const QCommandLineParser& parser,
                                                      const QString& path) const
{
    if (!parser.isSet(QStringLiteral("keyring")))
        return usecases::StoreAccess::open(path, passphrase(parser));
    auto store = usecases::QuickUnlock::open(path);
    if (!store)
        throw UserError(ErrorKind::AccessDenied,
                        tr("Your session keyring holds no quick unlock for %1: use the "
                           "passphrase.")
                            .arg(path));
    return store;
}

std::unique_ptr<storage::Store>
CliContext::openStoreWithRecoveryKey(const QCommandLineParser& parser, const QString& path) const
{
    return usecases::StoreAccess::openWithRecoveryKey(
        path, secret(parser, QStringLiteral("recovery-key-file"), "SOHOA_RECOVERY_KEY"));
}

storage::SecureBytes CliContext::passphrase(const QCommandLineParser& parser) const
{
    return secret(parser, QStringLiteral("passphrase-file"), "SOHOA_PASSPHRASE");
}

storage::SecureBytes CliContext::secret(const QCommandLineParser& parser, const QString& fileOption,
                                        const char* variable) const
{
    if (parser.isSet(fileOption)) {
        const QString path = parser.value(fileOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw UserError(ErrorKind::InvalidInput, tr("Cannot read the file %1.").arg(path));
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        storage::SecureBytes value =
            storage::SecureBytes::fromString(std::string_view(line.constData(), line.size()));
        line.fill('\0');
        return value;
    }
    const QByteArray fromEnvironment = qgetenv(variable);
    if (fromEnvironment.isEmpty())
        usageError(tr("Missing secret: set %1 or use --%2 FILE.")
                       .arg(QString::fromLatin1(variable), fileOption));
    return storage::SecureBytes::fromString(
        std::string_view(fromEnvironment.constData(), fromEnvironment.size()));
}

void CliContext::usageError(const QString& message)
{
    throw UserError(ErrorKind::Usage, tr("Invalid command line: %1").arg(message));
}

QString CliContext::required(const QCommandLineParser& parser, const QString& option)
{
    const QString value = parser.value(option);
    if (value.isEmpty())
        usageError(tr("--%1 is required.").arg(option));
    return value;
}

} // namespace sohoa::cli
