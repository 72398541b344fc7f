// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/StoreRecords.h"

#include <QAbstractTableModel>
#include <vector>

namespace sohoa::ui {

// The dossiers of the store as rows: code, applicant, procedure, pages, status.
class DossierTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Code,
        Applicant,
        Procedure,
        Pages,
        Status,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setDossiers(std::vector<storage::DossierSummary> dossiers);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<storage::DossierSummary> dossiers_;
};

} // namespace sohoa::ui
