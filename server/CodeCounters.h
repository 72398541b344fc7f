// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QDate>
#include <QString>
#include <optional>

namespace sohoa::hub {

// Numbers first..last of one agency's day.
struct SequenceRange
{
    int first = 0;
    int last = 0;
};

// The master counter of each (agency, day) (docs/SYNC-PROTOCOL.md §8.1): every dossier-code
// sequence number the province uses comes from it, whether in a workstation's reserved block
// or assigned by the hub to a provisional code, so no number is ever handed out twice.
class CodeCounters
{
public:
    // Digits of the sequence in the codes the hub makes (4: the common provincial width).
    static constexpr int kSequenceWidth = 4;

    // Takes up to `count` numbers, fewer when the day's counter would pass the width's
    // largest number; nullopt when none is left. Inside the caller's transaction: the
    // counter's row stays locked until it ends, which serializes concurrent takers.
    static std::optional<SequenceRange> take(PgConnection& connection, const QString& agency,
                                             QDate day, int count);
};

} // namespace sohoa::hub
