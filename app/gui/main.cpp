// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa: the counter officer's desktop application.
#include "domain/UserError.h"
#include "platform/LogPolicy.h"
#include "platform/ProcessSetup.h"
#include "platform/Translations.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"
#include "usecases/QuickUnlock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

int main(int argc, char** argv)
{
    sohoa::platform::ensureSingleThreadedOpenMp(argv);
    sohoa::platform::hardenProcess();
    sohoa::platform::returnLargeBuffersToTheSystem();
    sohoa::platform::installLogPolicy();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sohoa"));
    QApplication::setOrganizationName(QStringLiteral("SoHoa"));
    QApplication::setApplicationVersion(QStringLiteral(SOHOA_VERSION));
    sohoa::platform::installTranslations(app);

    QCommandLineParser parser;
    const QCommandLineOption storeOption(QStringLiteral("store"),
                                         QApplication::translate("Gui", "The encrypted store."),
                                         QStringLiteral("PATH"));
    parser.addOption(storeOption);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    // Embedded default: one encrypted store in the user's data folder.
    QString storePath = parser.value(storeOption);
    if (storePath.isEmpty()) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
        storePath = QDir(dataDir).filePath(QStringLiteral("sohoa.store"));
    }
    // Quick unlock, when the officer turned it on, only at start: after an idle lock the
    // passphrase is asked again, since the session itself is still open.
    std::unique_ptr<sohoa::storage::Store> store;
    bool firstRun = false;
    try {
        store = sohoa::usecases::QuickUnlock::open(storePath);
    } catch (const sohoa::UserError&) {
        // The passphrase dialog below reports what is wrong with the store.
    }
    if (!store) {
        using Mode = sohoa::ui::UnlockDialog::Mode;
        sohoa::ui::UnlockDialog unlock(storePath,
                                       QFileInfo::exists(storePath) ? Mode::Unlock : Mode::Create);
        if (unlock.exec() != QDialog::Accepted)
            return 0;
        if (!unlock.recoveryKey().isEmpty())
            QMessageBox::information(
                nullptr, QApplication::translate("Gui", "Agency recovery key"),
                QApplication::translate("Gui",
                                        "Print this recovery key and keep it in the agency's "
                                        "safe. It opens the store if every passphrase is "
                                        "lost, and it is shown only this once:\n\n%1")
                    .arg(unlock.recoveryKey()));
        store = unlock.takeStore();
        firstRun = !unlock.recoveryKey().isEmpty();
    }
    // Auto-lock and retention follow the store's settings (sohoa-cli store set ...).
    sohoa::ui::MainWindow window(std::move(store));
    window.show();
    // First run: the province's enrolment code, so that sync can start (Cancel works offline;
    // the Sync menu asks again).
    if (firstRun)
        window.enrol();
    return QApplication::exec();
}
