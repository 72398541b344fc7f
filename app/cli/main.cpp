// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli: the headless face of SoHoa. Commands and exit codes are documented in docs/CLI.md.
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "domain/UserError.h"
#include "platform/LogPolicy.h"
#include "platform/ProcessSetup.h"
#include "platform/Translations.h"
#include "usecases/PageScanner.h"

#include <QGuiApplication>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace {
int runCommand(int argc, char** argv);

// Ends the process without running the libraries' exit handlers. libsane's backends may end a
// scan by cancelling their reader thread inside libc's locale code, leaving its lock taken;
// p11-kit's exit handler then waits on that lock forever (seen with SANE's test backend under
// load). By the time a command returns, its files are committed and the store is closed, so
// nothing is lost by skipping them.
[[noreturn]] void exitWithoutLibraryHandlers(int code)
{
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}
} // namespace

int main(int argc, char** argv)
{
    const int code = runCommand(argc, argv);
    if (sohoa::usecases::PageScanner::usedInThisProcess())
        exitWithoutLibraryHandlers(code);
    return code;
}

namespace {
int runCommand(int argc, char** argv)
{
    sohoa::platform::ensureSingleThreadedOpenMp(argv);
    sohoa::platform::hardenProcess();
    sohoa::platform::returnLargeBuffersToTheSystem();
    // Rendering PDF pages and test images needs a GUI platform, but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    sohoa::platform::installLogPolicy();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sohoa-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOHOA_VERSION));
    sohoa::platform::installTranslations(app);

    using Runner = int (*)(sohoa::cli::CliContext&);
    const std::map<QString, Runner> commands{
        {QStringLiteral("--version"), &sohoa::cli::runVersion},
        {QStringLiteral("version"), &sohoa::cli::runVersion},
        {QStringLiteral("devices"), &sohoa::cli::runDevices},
        {QStringLiteral("scan"), &sohoa::cli::runScan},
        {QStringLiteral("ocr"), &sohoa::cli::runOcr},
        {QStringLiteral("digitize"), &sohoa::cli::runDigitize},
        {QStringLiteral("extract"), &sohoa::cli::runExtract},
        {QStringLiteral("store"), &sohoa::cli::runStore},
        {QStringLiteral("profile"), &sohoa::cli::runProfile},
        {QStringLiteral("sign"), &sohoa::cli::runSign},
        {QStringLiteral("verify"), &sohoa::cli::runVerify},
        {QStringLiteral("trust"), &sohoa::cli::runTrust},
        {QStringLiteral("timestamp"), &sohoa::cli::runTimestamp},
        {QStringLiteral("enrol"), &sohoa::cli::runEnrol},
        {QStringLiteral("sync"), &sohoa::cli::runSync},
        {QStringLiteral("lookup"), &sohoa::cli::runLookup},
        {QStringLiteral("reuse"), &sohoa::cli::runReuse},
        {QStringLiteral("conflicts"), &sohoa::cli::runConflicts},
        {QStringLiteral("conflict"), &sohoa::cli::runConflict},
    };

    QStringList arguments = QCoreApplication::arguments();
    const QString name = arguments.value(1);
    const auto command = commands.find(name);
    sohoa::cli::CliContext context(arguments.mid(1));
    if (command == commands.end()) {
        context.printError(
            name.isEmpty()
                ? sohoa::cli::CliContext::tr(
                      "Usage: sohoa-cli COMMAND [OPTIONS] — commands: "
                      "--version, devices, scan, ocr, digitize, extract, "
                      "store, profile, sign, verify, trust, timestamp, enrol, sync, "
                      "conflicts, conflict, lookup, reuse")
                : sohoa::cli::CliContext::tr(
                      "Unknown command \"%1\". Commands: --version, devices, "
                      "scan, ocr, digitize, extract, store, profile, sign, verify, trust, "
                      "timestamp, enrol, sync, conflicts, conflict, lookup, reuse")
                      .arg(name));
        return static_cast<int>(sohoa::ErrorKind::Usage);
    }
    try {
        return command->second(context);
    } catch (const sohoa::UserError& error) {
        if (!error.message().isEmpty())
            context.printError(error.message());
        // --help is reported as a "usage" error with no message, but it succeeded.
        return error.message().isEmpty() ? 0 : error.exitCode();
    } catch (const std::exception& error) {
        context.printError(
            sohoa::cli::CliContext::tr("Internal error: %1").arg(QString::fromUtf8(error.what())));
        return static_cast<int>(sohoa::ErrorKind::Processing);
    }
}
} // namespace
