// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QMainWindow>
#include <memory>

class QTableView;

namespace sohoa::ui {

class DossierTableModel;

// The counter's main window: for now the list of dossiers in the unlocked store.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<storage::Store> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    DossierTableModel* dossierModel() const { return model_; }

public slots:
    void refresh();

private:
    std::unique_ptr<storage::Store> store_;
    DossierTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
};

} // namespace sohoa::ui
