// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DossierTableModel.h"

#include "usecases/DossierStateNames.h"

namespace sohoa::ui {

void DossierTableModel::setDossiers(std::vector<storage::DossierSummary> dossiers)
{
    beginResetModel();
    dossiers_ = std::move(dossiers);
    endResetModel();
}

int DossierTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(dossiers_.size());
}

int DossierTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DossierTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole)
        return {};
    const storage::DossierSummary& d = dossiers_.at(static_cast<std::size_t>(index.row()));
    switch (index.column()) {
    case Code:
        return d.code;
    case Applicant:
        return d.applicantName.isEmpty() ? d.applicantIdentifier : d.applicantName;
    case Procedure:
        return d.procedureName.isEmpty()
                   ? d.procedureCode
                   : d.procedureCode + QStringLiteral(" — ") + d.procedureName;
    case Pages:
        return d.pageCount;
    case Status:
        return usecases::dossierStateDisplayName(d.state);
    default:
        return {};
    }
}

QVariant DossierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Dossier code");
    case Applicant:
        return tr("Applicant");
    case Procedure:
        return tr("Procedure");
    case Pages:
        return tr("Pages");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace sohoa::ui
