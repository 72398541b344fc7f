// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/DossierCodeAllocator.h"
#include "storage/Store.h"

namespace sohoa::usecases {

// Dossier codes from the store's per-agency, per-day sequence. Must be called inside the
// transaction that saves the dossier, so a failed save does not consume a number.
// (Sync with the provincial hub later reserves blocks per workstation behind this interface.)
class StoreDossierCodeAllocator final : public domain::DossierCodeAllocator
{
public:
    explicit StoreDossierCodeAllocator(storage::Store& store) : store_(store) {}
    domain::DossierCode allocate(const domain::AgencyCode& agency, QDate received) override;

private:
    storage::Store& store_;
};

} // namespace sohoa::usecases
