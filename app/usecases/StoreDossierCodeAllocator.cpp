// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/StoreDossierCodeAllocator.h"

namespace sohoa::usecases {

domain::DossierCode StoreDossierCodeAllocator::allocate(const domain::AgencyCode& agency,
                                                        QDate received)
{
    while (const auto number = store_.takeReservedNumber(agency.toString(), received)) {
        const domain::DossierCode code =
            domain::DossierCode::make(agency, received, number->sequence, number->sequenceWidth);
        // A store from before code blocks numbered its dossiers itself: skip a number it used.
        if (!store_.dossierCodeExists(code.toString()))
            return code;
    }
    // makeProvisional refuses a 5th digit with a UserError: 9999 provisional codes a day.
    return domain::DossierCode::makeProvisional(
        agency, received, store_.nextDossierSequence(agency.toString(), received));
}

} // namespace sohoa::usecases
