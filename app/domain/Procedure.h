// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ComponentSpec.h"
#include "domain/ProcedureCode.h"
#include "domain/ResultSpec.h"

#include <QString>
#include <QStringView>
#include <vector>

namespace sohoa::domain {

// An administrative procedure as published in the national database (thủ tục hành chính):
// what the applicant brings, what the agency returns and how long it may take.
struct Procedure
{
    ProcedureCode code;
    QString name;
    QString field; // lĩnh vực, e.g. "Hộ tịch"
    std::vector<ComponentSpec> components;
    std::vector<ResultSpec> results;
    // The statutory maximum in working days; 0 means "the same working day".
    int processingDays = 0;
    // Whether the result is handed over on paper (the denominator of the electronic result
    // rate, Decision 766/QĐ-TTg).
    bool givesPaperResult = true;

    // nullptr when the code is not one of this procedure's components (or results).
    const ComponentSpec* findComponent(QStringView componentCode) const;
    const ResultSpec* findResult(QStringView resultCode) const;

    bool operator==(const Procedure& other) const = default;
};

} // namespace sohoa::domain
