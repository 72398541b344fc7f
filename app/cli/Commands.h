// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::cli {

class CliContext;

// Each sohoa-cli command: parses its own options, calls use cases in app/, prints. Returns
// the process exit code; failures the user can act on are thrown as UserError.
int runVersion(CliContext& context);
int runDevices(CliContext& context);
int runScan(CliContext& context);
int runOcr(CliContext& context);
int runDigitize(CliContext& context);
int runExtract(CliContext& context);
int runStore(CliContext& context);
int runProfile(CliContext& context);
int runSign(CliContext& context);
int runVerify(CliContext& context);
int runTrust(CliContext& context);
int runTimestamp(CliContext& context);
int runEnrol(CliContext& context);
int runSync(CliContext& context);
int runLookup(CliContext& context);
int runReuse(CliContext& context);
int runConflicts(CliContext& context);
int runConflict(CliContext& context);

} // namespace sohoa::cli
