// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AgencyCode.h"
#include "domain/DossierCode.h"

#include <QDate>

namespace sohoa::domain {

// Hands out dossier codes (cấp mã hồ sơ): the next sequence number of the agency's day. The
// store implements it so that numbers are unique and never reused, even across restarts.
class DossierCodeAllocator
{
public:
    virtual ~DossierCodeAllocator() = default;

    // Throws UserError when no code can be allocated (e.g. the day's sequence is exhausted).
    virtual DossierCode allocate(const AgencyCode& agency, QDate received) = 0;

protected:
    DossierCodeAllocator() = default;
    DossierCodeAllocator(const DossierCodeAllocator&) = default;
    DossierCodeAllocator& operator=(const DossierCodeAllocator&) = default;
};

} // namespace sohoa::domain
