// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/StoreDossierCodeAllocator.h"

namespace sohoa::usecases {

domain::DossierCode StoreDossierCodeAllocator::allocate(const domain::AgencyCode& agency,
                                                        QDate received)
{
    const int sequence = store_.nextDossierSequence(agency.toString(), received);
    // DossierCode::make refuses a sequence wider than the configured width with a UserError.
    return domain::DossierCode::make(agency, received, sequence);
}

} // namespace sohoa::usecases
