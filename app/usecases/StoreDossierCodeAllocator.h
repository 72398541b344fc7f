// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/DossierCodeAllocator.h"
#include "storage/Store.h"

namespace sohoa::usecases {

// Dossier codes from the blocks the provincial hub reserved to this workstation
// (docs/SYNC-PROTOCOL.md §8): the lowest unused number of the agency's day. With none left (an
// install never online, or a day busier than its blocks) a provisional code
// `<agency>-<yymmdd>-P<4 digits>`, counted per install, agency and day, which the hub replaces
// at the next sync. Must be called inside the transaction that saves the dossier, so a failed
// save does not consume a number.
class StoreDossierCodeAllocator final : public domain::DossierCodeAllocator
{
public:
    explicit StoreDossierCodeAllocator(storage::Store& store) : store_(store) {}
    domain::DossierCode allocate(const domain::AgencyCode& agency, QDate received) override;

private:
    storage::Store& store_;
};

} // namespace sohoa::usecases
