// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "domain/UserError.h"
#include "ui/DossierTableModel.h"
#include "usecases/DossierQueries.h"

#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace sohoa::ui {

MainWindow::MainWindow(std::unique_ptr<storage::Store> store, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store))
{
    setWindowTitle(tr("SoHoa — dossier digitization"));
    model_ = new DossierTableModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("dossiers"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    setCentralWidget(table_);

    QMenu* fileMenu = menuBar()->addMenu(tr("&Dossiers"));
    fileMenu->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refresh);
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    resize(960, 600);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    try {
        model_->setDossiers(usecases::DossierQueries::list(*store_));
        statusBar()->showMessage(tr("%n dossier(s)", nullptr, model_->rowCount()));
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
}

} // namespace sohoa::ui
