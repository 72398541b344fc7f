// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UnlockDialog.h"

#include "domain/UserError.h"
#include "ui/DialogParts.h"
#include "usecases/StoreAccess.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sohoa::ui {

namespace {
// The demo agency for a store created from the GUI; enrolment with the hub replaces it.
constexpr auto kDefaultAgency = "000.00.00.H26";

storage::SecureBytes secretOf(QLineEdit* field)
{
    const QByteArray utf8 = field->text().toUtf8();
    return storage::SecureBytes::fromString(std::string_view(utf8.constData(), utf8.size()));
}
} // namespace

UnlockDialog::UnlockDialog(QString storePath, Mode mode, QWidget* parent)
    : QDialog(parent), storePath_(std::move(storePath)), mode_(mode)
{
    setWindowTitle(mode_ == Mode::Create ? tr("SoHoa — create the encrypted store")
                                         : tr("SoHoa — unlock"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(mode_ == Mode::Create
                                 ? tr("Choose a passphrase for the new store %1.").arg(storePath_)
                                 : tr("Enter the passphrase of the store %1.").arg(storePath_));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    passphrase_ = new QLineEdit;
    passphrase_->setObjectName(QStringLiteral("passphrase"));
    passphrase_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase:"), passphrase_);
    if (mode_ == Mode::Create) {
        confirmation_ = new QLineEdit;
        confirmation_->setObjectName(QStringLiteral("confirmation"));
        confirmation_->setEchoMode(QLineEdit::Password);
        form->addRow(tr("Repeat it:"), confirmation_);
    }
    layout->addLayout(form);

    error_ = addErrorLine(*layout);
    addOkCancel(*this, *layout, mode_ == Mode::Create ? tr("Create") : tr("Unlock"));
}

QString UnlockDialog::errorText() const
{
    return error_->text();
}

void UnlockDialog::accept()
{
    error_->clear();
    try {
        if (mode_ == Mode::Create) {
            if (passphrase_->text() != confirmation_->text()) {
                error_->setText(tr("The two passphrases differ."));
                return;
            }
            const storage::SecureBytes recoveryKey = usecases::StoreAccess::create(
                storePath_, secretOf(passphrase_),
                qEnvironmentVariable("USER", QStringLiteral("officer")),
                QString::fromLatin1(kDefaultAgency));
            recoveryKey_ = QString::fromLatin1(reinterpret_cast<const char*>(recoveryKey.data()),
                                               static_cast<qsizetype>(recoveryKey.size()));
        }
        store_ = usecases::StoreAccess::open(storePath_, secretOf(passphrase_));
    } catch (const UserError& error) {
        error_->setText(error.message());
        passphrase_->selectAll();
        passphrase_->setFocus();
        return;
    }
    passphrase_->clear();
    if (confirmation_)
        confirmation_->clear();
    QDialog::accept();
}

} // namespace sohoa::ui
