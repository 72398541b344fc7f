// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::testing {

// An SQLite VFS for tests that behaves like a disk losing power: it passes every call to the
// real VFS but remembers, per file, what each write since that file's last xSync overwrote.
// simulatePowerLoss() puts those bytes back and cuts each file to its size at the last sync,
// as if the page cache never reached the platter, and empties the shared-memory index (it
// lives in RAM-backed pages whose content after a crash is unreliable). With `honourSyncs`
// false, syncs are ignored — a control proving that the simulation really loses data.
void installPowerLossVfs(bool honourSyncs);
void simulatePowerLoss();

} // namespace sohoa::testing
