// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa: the counter officer's desktop application.
#include "platform/LogPolicy.h"
#include "platform/ProcessSetup.h"
#include "platform/Translations.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"

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
    using Mode = sohoa::ui::UnlockDialog::Mode;
    sohoa::ui::UnlockDialog unlock(storePath,
                                   QFileInfo::exists(storePath) ? Mode::Unlock : Mode::Create);
    if (unlock.exec() != QDialog::Accepted)
        return 0;
    if (!unlock.recoveryKey().isEmpty())
        QMessageBox::information(
            nullptr, QApplication::translate("Gui", "Agency recovery key"),
            QApplication::translate("Gui", "Print this recovery key and keep it in the agency's "
                                           "safe. It opens the store if every passphrase is "
                                           "lost, and it is shown only this once:\n\n%1")
                .arg(unlock.recoveryKey()));
    sohoa::ui::MainWindow window(unlock.takeStore());
    // Unattended counters lock themselves: SOHOA_AUTO_LOCK_MINUTES, 5 by default, 0 = never.
    const int minutes = qEnvironmentVariableIsSet("SOHOA_AUTO_LOCK_MINUTES")
                            ? qEnvironmentVariableIntValue("SOHOA_AUTO_LOCK_MINUTES")
                            : 5;
    window.setAutoLockAfter(minutes * 60 * 1000);
    window.show();
    return QApplication::exec();
}
