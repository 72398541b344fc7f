// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EnrolDialog.h"

#include "domain/UserError.h"
#include "ui/DialogParts.h"
#include "usecases/Enrolment.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace sohoa::ui {

namespace {
// An officer waits in front of the dialog: a hub that does not answer in this time is down.
constexpr std::chrono::seconds kEnrolmentTimeout{20};
} // namespace

EnrolDialog::EnrolDialog(storage::Store& store, QWidget* parent) : QDialog(parent), store_(store)
{
    setWindowTitle(tr("SoHoa — enrol with the provincial hub"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Enter the hub's address and the one-time enrolment code the "
                                "province gave for this workstation."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    server_ = new QLineEdit(usecases::Enrolment::savedServer(store_));
    server_->setObjectName(QStringLiteral("server"));
    server_->setPlaceholderText(QStringLiteral("https://hub.example.vn"));
    form->addRow(tr("Hub address:"), server_);
    code_ = new QLineEdit;
    code_->setObjectName(QStringLiteral("code"));
    code_->setPlaceholderText(QStringLiteral("XXXX-XXXX-XXXX-XXXX"));
    form->addRow(tr("Enrolment code:"), code_);
    name_ = new QLineEdit(QSysInfo::machineHostName());
    name_->setObjectName(QStringLiteral("name"));
    form->addRow(tr("Workstation name:"), name_);
    caFile_ = new QLineEdit;
    caFile_->setObjectName(QStringLiteral("caFile"));
    caFile_->setPlaceholderText(tr("only for a hub with its own CA"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &EnrolDialog::chooseCaFile);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(caFile_);
    caRow->addWidget(browse);
    form->addRow(tr("CA certificate:"), caRow);
    layout->addLayout(form);

    error_ = addErrorLine(*layout);
    addOkCancel(*this, *layout, tr("Enrol"));
}

QString EnrolDialog::errorText() const
{
    return error_->text();
}

void EnrolDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("The hub's CA certificate"), {},
                                                      tr("PEM certificates (*.pem *.crt)"));
    if (!file.isEmpty())
        caFile_->setText(file);
}

void EnrolDialog::accept()
{
    error_->clear();
    sync::HubConnection connection;
    connection.server = QUrl(server_->text().trimmed(), QUrl::StrictMode);
    connection.timeout = kEnrolmentTimeout;
    if (!connection.server.isValid() || connection.server.scheme() != QLatin1String("https")) {
        error_->setText(tr("The hub's address starts with https://, e.g. https://hub.example.vn."));
        return;
    }
    if (!caFile_->text().isEmpty()) {
        QFile pem(caFile_->text());
        if (!pem.open(QIODevice::ReadOnly)) {
            error_->setText(tr("Cannot read %1 (%2).").arg(pem.fileName(), pem.errorString()));
            return;
        }
        connection.caCertificates = pem.readAll();
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const sync::HubClient hub(connection);
        usecases::Enrolment::enrol(store_, hub, code_->text(), name_->text().trimmed(),
                                   store_.unlockedSlot());
    } catch (const UserError& error) {
        QApplication::restoreOverrideCursor();
        error_->setText(error.message());
        return;
    }
    QApplication::restoreOverrideCursor();
    code_->clear();
    QDialog::accept();
}

} // namespace sohoa::ui
