// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Procedure.h"

namespace sohoa::domain {

const ComponentSpec* Procedure::findComponent(QStringView componentCode) const
{
    const QStringView wanted = componentCode.trimmed();
    for (const ComponentSpec& spec : components) {
        if (spec.code.toString() == wanted)
            return &spec;
    }
    return nullptr;
}

const ResultSpec* Procedure::findResult(QStringView resultCode) const
{
    // Result codes are upper-case; accept "kq.g15.000031" as typed.
    const QStringView wanted = resultCode.trimmed();
    for (const ResultSpec& result : results) {
        if (result.code.toString().compare(wanted, Qt::CaseInsensitive) == 0)
            return &result;
    }
    return nullptr;
}

} // namespace sohoa::domain
