// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"
#include "storage/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace sohoa::cli {

// What every sohoa-cli command shares: how it prints (one JSON document with --json, plain
// lines otherwise), how it reads the store passphrase, and how it reports usage errors.
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    explicit CliContext(QStringList arguments) : arguments_(std::move(arguments)) {}

    const QStringList& arguments() const { return arguments_; }

    // Adds --json and --help, parses, and throws UserError(Usage) on a bad command line.
    void parse(QCommandLineParser& parser, const QString& commandName);
    bool json() const { return json_; }

    void printJson(const QJsonObject& object) const;
    void printLine(const QString& line) const;
    // Static: warnings are printed from option helpers that have no context.
    static void printError(const QString& line);
    // The end of a "store ACTION" that changes something: `result` with --json, else one line.
    void printStoreActionDone(const QJsonObject& result, const QString& action) const;

    // How a command unlocks the store: --keyring (quick unlock from the session keyring), else
    // the passphrase from --passphrase-file FILE (first line) or SOHOA_PASSPHRASE.
    static QList<QCommandLineOption> unlockOptions();
    std::unique_ptr<storage::Store> openStore(const QCommandLineParser& parser,
                                              const QString& path) const;
    // The administrator's way in: the agency recovery key from --recovery-key-file FILE, else
    // SOHOA_RECOVERY_KEY.
    std::unique_ptr<storage::Store> openStoreWithRecoveryKey(const QCommandLineParser& parser,
                                                             const QString& path) const;
    storage::SecureBytes passphrase(const QCommandLineParser& parser) const;
    // A secret from the first line of the file given with --`fileOption`, else from the
    // environment variable; a usage error when neither is there.
    storage::SecureBytes secret(const QCommandLineParser& parser, const QString& fileOption,
                                const char* variable) const;

    [[noreturn]] static void usageError(const QString& message);
    // The value of a required option, or a usage error naming it.
    static QString required(const QCommandLineParser& parser, const QString& option);

private:
    QStringList arguments_;
    bool json_ = false;
};

} // namespace sohoa::cli
