// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ManualDuplexOrder.h"

#include "domain/UserError.h"

namespace sohoa::usecases {

int ManualDuplexOrder::backPosition(int k, int fronts)
{
    if (k > fronts)
        requireComplete(fronts, k);
    return 2 * (fronts - k + 1);
}

void ManualDuplexOrder::requireComplete(int fronts, int backs)
{
    if (fronts == backs)
        return;
    throw UserError(ErrorKind::InvalidInput,
                    tr("The first pass had %1 sheet(s) but the second pass %2: a sheet was "
                       "added, lost or fed twice. The pages scanned so far are kept; check the "
                       "stack and scan again.")
                        .arg(fronts)
                        .arg(backs));
}

} // namespace sohoa::usecases
