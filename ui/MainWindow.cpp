// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "domain/UserError.h"
#include "ui/DossierTableModel.h"
#include "ui/IdleWatcher.h"
#include "ui/UnlockDialog.h"
#include "usecases/DossierQueries.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace sohoa::ui {

MainWindow::MainWindow(std::unique_ptr<storage::Store> store, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)), storePath_(store_->path())
{
    setWindowTitle(tr("SoHoa — dossier digitization"));
    model_ = new DossierTableModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("dossiers"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();

    auto* lockedPage = new QWidget(this);
    auto* lockedLayout = new QVBoxLayout(lockedPage);
    auto* lockedText = new QLabel(tr("The store is locked. Dossiers are hidden until it is "
                                     "unlocked again."));
    lockedText->setAlignment(Qt::AlignCenter);
    auto* unlockButton = new QPushButton(tr("Unlock…"));
    unlockButton->setObjectName(QStringLiteral("unlock"));
    connect(unlockButton, &QPushButton::clicked, this, &MainWindow::askToUnlock);
    lockedLayout->addStretch();
    lockedLayout->addWidget(lockedText);
    lockedLayout->addWidget(unlockButton, 0, Qt::AlignCenter);
    lockedLayout->addStretch();

    pages_ = new QStackedWidget(this);
    pages_->addWidget(table_);
    pages_->addWidget(lockedPage);
    setCentralWidget(pages_);

    QMenu* fileMenu = menuBar()->addMenu(tr("&Dossiers"));
    fileMenu->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refresh);
    fileMenu->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lock);
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    idle_ = new IdleWatcher(this);
    connect(idle_, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(idle_, &IdleWatcher::screenLocked, this, &MainWindow::lock);
    resize(960, 600);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::setAutoLockAfter(int milliseconds)
{
    idle_->setTimeout(milliseconds);
}

void MainWindow::lock()
{
    if (isLocked())
        return;
    model_->setDossiers({});
    store_.reset();
    pages_->setCurrentIndex(1);
    statusBar()->showMessage(tr("Locked"));
}

void MainWindow::unlockWith(std::unique_ptr<storage::Store> store)
{
    store_ = std::move(store);
    pages_->setCurrentIndex(0);
    refresh();
    if (idle_->timeout() > 0)
        idle_->setTimeout(idle_->timeout());
}

void MainWindow::askToUnlock()
{
    UnlockDialog dialog(storePath_, UnlockDialog::Mode::Unlock, this);
    if (dialog.exec() == QDialog::Accepted)
        unlockWith(dialog.takeStore());
}

void MainWindow::refresh()
{
    if (isLocked())
        return;
    try {
        model_->setDossiers(usecases::DossierQueries::list(*store_));
        statusBar()->showMessage(tr("%n dossier(s)", nullptr, model_->rowCount()));
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
}

} // namespace sohoa::ui
