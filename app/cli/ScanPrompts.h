// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QString;

namespace sohoa::cli {

class CliContext;

// The questions a scan asks the officer between scanner passes, on the terminal.

// Between the two passes of a manual duplex scan: asks the officer to turn the stack over and
// waits for Enter.
void askToTurnStack(CliContext& context);

// After a pass (ended normally, or by `problem`): asks whether more sheets are loaded. Enter
// scans them; "q" or the end of input finishes the batch.
bool askForMoreSheets(CliContext& context, const QString& problem);

} // namespace sohoa::cli
