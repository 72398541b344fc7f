// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace sohoa::usecases {

// Where each page of a manual duplex scan belongs in the document. A simplex feeder scans the
// fronts of a stack first; the officer turns the stack over and feeds it again, so the backs
// arrive last sheet first. Positions are known as each page arrives, so pages can be stored
// at once instead of being held until the second pass ends.
class ManualDuplexOrder
{
    Q_DECLARE_TR_FUNCTIONS(ManualDuplexOrder)

public:
    // 1-based position of the k-th front (k counts from 1 in scan order).
    static int frontPosition(int k) { return 2 * k - 1; }
    // 1-based position of the k-th back of a stack of `fronts` sheets. Throws UserError
    // (InvalidInput) when the second pass brings more pages than the first.
    static int backPosition(int k, int fronts);
    // Throws UserError (InvalidInput) when the passes disagree in length; the message says how.
    static void requireComplete(int fronts, int backs);
};

} // namespace sohoa::usecases
