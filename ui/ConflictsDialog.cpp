// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConflictsDialog.h"

#include "domain/UserError.h"
#include "ui/DialogParts.h"
#include "usecases/DossierStateNames.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sohoa::ui {

ConflictsDialog::ConflictsDialog(storage::Store& store, QWidget* parent)
    : QDialog(parent), store_(store)
{
    setWindowTitle(tr("SoHoa — conflicts with the provincial hub"));
    auto* layout = new QVBoxLayout(this);
    auto* panes = new QHBoxLayout;
    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("conflicts"));
    panes->addWidget(list_, 1);
    details_ = new QLabel;
    details_->setObjectName(QStringLiteral("details"));
    details_->setWordWrap(true);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    details_->setTextFormat(Qt::PlainText);
    panes->addWidget(details_, 2);
    layout->addLayout(panes);
    error_ = addErrorLine(*layout);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    acceptHub_ = buttons->addButton(tr("Take the hub's version"), QDialogButtonBox::ActionRole);
    reapply_ = buttons->addButton(tr("Make my changes again"), QDialogButtonBox::ActionRole);
    connect(acceptHub_, &QPushButton::clicked, this, &ConflictsDialog::acceptHub);
    connect(reapply_, &QPushButton::clicked, this, &ConflictsDialog::reapply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(list_, &QListWidget::currentRowChanged, this, &ConflictsDialog::showSelected);
    resize(760, 360);
    reload();
}

QString ConflictsDialog::errorText() const
{
    return error_->text();
}

void ConflictsDialog::reload()
{
    try {
        conflicts_ = usecases::SyncConflicts::list(store_);
    } catch (const UserError& error) {
        conflicts_.clear();
        error_->setText(error.message());
    }
    list_->clear();
    for (const usecases::SyncConflict& conflict : conflicts_)
        list_->addItem(conflict.dossierCode);
    if (!conflicts_.empty())
        list_->setCurrentRow(0);
    showSelected();
}

const usecases::SyncConflict* ConflictsDialog::selected() const
{
    const int row = list_->currentRow();
    return row >= 0 && row < conflictCount() ? &conflicts_.at(static_cast<std::size_t>(row))
                                             : nullptr;
}

bool ConflictsDialog::select(const QString& dossierCode)
{
    for (int row = 0; row < conflictCount(); ++row)
        if (conflicts_.at(static_cast<std::size_t>(row)).dossierCode == dossierCode) {
            list_->setCurrentRow(row);
            return true;
        }
    return false;
}

void ConflictsDialog::showSelected()
{
    const usecases::SyncConflict* conflict = selected();
    acceptHub_->setEnabled(conflict != nullptr);
    reapply_->setEnabled(conflict != nullptr);
    if (conflict == nullptr) {
        details_->setText(tr("No dossier is in conflict with the provincial hub."));
        return;
    }
    QStringList lines{conflict->reason,
                      QString(),
                      tr("On this counter: %1 (version %2)")
                          .arg(usecases::dossierStateDisplayName(conflict->localState))
                          .arg(conflict->localVersion),
                      conflict->hub.version > 0
                          ? tr("On the hub: %1 (version %2)")
                                .arg(usecases::dossierStateDisplayName(conflict->hub.state))
                                .arg(conflict->hub.version)
                          : tr("On the hub: not known yet (sync first)"),
                      QString(),
                      tr("Not sent:")};
    for (const usecases::UnsentChange& change : conflict->changes)
        lines << QStringLiteral("  • %1 %2 (%3)")
                     .arg(change.operation, change.subject,
                          QLocale().toString(change.writtenAt.toLocalTime(), QLocale::ShortFormat));
    details_->setText(lines.join(QLatin1Char('\n')));
}

void ConflictsDialog::acceptHub()
{
    settle(false);
}

void ConflictsDialog::reapply()
{
    settle(true);
}

void ConflictsDialog::settle(bool reapplyChanges)
{
    const usecases::SyncConflict* conflict = selected();
    if (conflict == nullptr)
        return;
    error_->clear();
    try {
        if (reapplyChanges)
            usecases::SyncConflicts::reapply(store_, conflict->dossierCode, store_.unlockedSlot());
        else
            usecases::SyncConflicts::acceptHub(store_, conflict->dossierCode,
                                               store_.unlockedSlot());
    } catch (const UserError& error) {
        error_->setText(error.message());
        return;
    }
    emit settled();
    reload();
}

} // namespace sohoa::ui
