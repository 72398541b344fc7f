// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/StoreRecords.h"

namespace sohoa::testing {

// A captured birth-registration dossier (procedure 1.001193) of agency 000.00.00.H26, the
// record tests put straight into a store; callers change what their test is about.
inline storage::DossierRecord sampleDossier(const QString& code)
{
    storage::DossierRecord d;
    d.uuid = QStringLiteral("uuid-") + code;
    d.code = code;
    d.agencyCode = QStringLiteral("000.00.00.H26");
    d.procedureCode = QStringLiteral("1.001193");
    d.procedureName = QStringLiteral("Đăng ký khai sinh");
    d.applicantKind = 1;
    d.applicantIdentifier = QStringLiteral("001203004567");
    d.applicantName = QStringLiteral("Nguyễn Thị Hằng");
    d.state = QStringLiteral("captured");
    d.nationalStatus = 2;
    d.receivedAt = QDateTime::currentDateTimeUtc();
    return d;
}

} // namespace sohoa::testing
