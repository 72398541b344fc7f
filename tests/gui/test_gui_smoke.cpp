// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI shell, offscreen: the unlock dialog refuses a wrong passphrase and opens the store
// with the right one; the main window lists the store's dossiers.
#include "storage/Store.h"
#include "support/SampleDossier.h"
#include "ui/DossierTableModel.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"
#include "usecases/StoreAccess.h"
#include "usecases/WorkstationSettings.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;

namespace {
constexpr auto kPassphrase = "mật khẩu của cán bộ";

storage::SecureBytes secret(const char* text)
{
    return storage::SecureBytes::fromString(text);
}

void addDossier(storage::Store& store, const QString& code, const QString& name)
{
    storage::DossierRecord d = testing::sampleDossier(code);
    d.applicantName = name;
    d.receivedAt = QDateTime::currentDateTime();
    store.inTransaction([&] { store.insertDossier(d); });
}

// Types into a line edit with key events that carry the text (QTest::keyClicks aborts on
// non-ASCII characters in Qt 6.4).
void typeText(QLineEdit* field, const QString& text)
{
    field->setFocus();
    for (const QChar character : text)
        QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(character),
                            Qt::NoModifier);
}
} // namespace

class TestGuiSmoke : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void unlocksAndListsDossiers()
    {
        const QString path = dir_.filePath(QStringLiteral("gui.store"));
        usecases::StoreAccess::create(path, secret(kPassphrase), QStringLiteral("officer"),
                                      QStringLiteral("000.00.00.H26"));
        {
            auto store = usecases::StoreAccess::open(path, secret(kPassphrase));
            addDossier(*store, QStringLiteral("000.00.00.H26-261123-0001"),
                       QStringLiteral("Nguyễn Thị Hằng"));
            addDossier(*store, QStringLiteral("000.00.00.H26-261123-0002"),
                       QStringLiteral("Lê Văn Đức"));
        }

        ui::UnlockDialog dialog(path, ui::UnlockDialog::Mode::Unlock);
        dialog.show();
        auto* passphrase = dialog.findChild<QLineEdit*>(QStringLiteral("passphrase"));
        QVERIFY(passphrase);

        typeText(passphrase, QStringLiteral("sai mật khẩu"));
        QTest::keyClick(passphrase, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(dialog.takeStore() == nullptr);

        passphrase->clear();
        typeText(passphrase, QString::fromUtf8(kPassphrase));
        QTest::keyClick(passphrase, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        ui::MainWindow window(dialog.takeStore());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* table = window.findChild<QTableView*>(QStringLiteral("dossiers"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 2);
        QStringList names;
        for (int row = 0; row < 2; ++row)
            names << table->model()->index(row, ui::DossierTableModel::Applicant).data().toString();
        QVERIFY(names.contains(QStringLiteral("Lê Văn Đức")));
        QVERIFY(names.contains(QStringLiteral("Nguyễn Thị Hằng")));
    }

    void locksWhenIdleAndHidesTheDossiers()
    {
        const QString path = dir_.filePath(QStringLiteral("idle.store"));
        usecases::StoreAccess::create(path, secret(kPassphrase), QStringLiteral("officer"),
                                      QStringLiteral("000.00.00.H26"));
        {
            auto store = usecases::StoreAccess::open(path, secret(kPassphrase));
            addDossier(*store, QStringLiteral("000.00.00.H26-261123-0009"),
                       QStringLiteral("Đỗ Thị Mai"));
        }
        ui::MainWindow window(usecases::StoreAccess::open(path, secret(kPassphrase)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.dossierModel()->rowCount(), 1);
        QCOMPARE(window.autoLockAfter(), 5 * 60 * 1000); // the store's default

        window.setAutoLockAfter(300);
        // Input keeps it open...
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(150);
            QTest::mouseMove(window.centralWidget(), QPoint(10 + i, 10 + i));
        }
        QVERIFY(!window.isLocked());
        // ...no input locks it, and nothing personal stays on screen.
        QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
        QCOMPARE(window.dossierModel()->rowCount(), 0);
        auto* unlock = window.findChild<QPushButton*>(QStringLiteral("unlock"));
        QVERIFY(unlock && unlock->isVisible());

        // The agency's setting, changed meanwhile, applies from the next unlock.
        auto store = usecases::StoreAccess::open(path, secret(kPassphrase));
        usecases::WorkstationSettings::set(*store, QStringLiteral("officer"),
                                           QStringLiteral("auto-lock-minutes"), 2);
        window.unlockWith(std::move(store));
        QVERIFY(!window.isLocked());
        QCOMPARE(window.dossierModel()->rowCount(), 1);
        QCOMPARE(window.autoLockAfter(), 2 * 60 * 1000);
    }

    void firstRunCreatesTheStore()
    {
        const QString path = dir_.filePath(QStringLiteral("new.store"));
        ui::UnlockDialog dialog(path, ui::UnlockDialog::Mode::Create);
        dialog.show();
        auto* passphrase = dialog.findChild<QLineEdit*>(QStringLiteral("passphrase"));
        auto* confirmation = dialog.findChild<QLineEdit*>(QStringLiteral("confirmation"));
        QVERIFY(passphrase && confirmation);
        passphrase->setText(QStringLiteral("một cụm mật khẩu dài"));
        confirmation->setText(QStringLiteral("một cụm mật khẩu khác"));
        QTest::keyClick(passphrase, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFile::exists(path));

        confirmation->setText(passphrase->text());
        QTest::keyClick(passphrase, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.takeStore() != nullptr);
        QVERIFY(QFile::exists(path));
    }
};

QTEST_MAIN(TestGuiSmoke)
#include "test_gui_smoke.moc"
