// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/RevisionParameter.h"

#include "server/ApiError.h"

namespace sohoa::hub {

long long sinceRevision(const std::string& since)
{
    // 18 digits always fit a long long.
    if (since.size() > 18 || since.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError::malformed(QStringLiteral("since"), QStringLiteral("not a number"));
    return since.empty() ? 0 : std::stoll(since);
}

} // namespace sohoa::hub
