// SPDX-License-Identifier: GPL-3.0-or-later
// The child of the power-loss test: commits COUNT dossiers through the power-loss VFS,
// reporting each after COMMIT, then loses power (unsynced writes undone) and dies at once.
// Usage: store_powerloss_child STORE COUNT [--ignore-syncs] (passphrase in SOHOA_PASSPHRASE)
#include "PowerLossVfs.h"
#include "TortureRecords.h"
#include "storage/Store.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace sohoa::storage;

int main(int argc, char** argv)
{
    if (argc < 3)
        return 2;
    sohoa::testing::installPowerLossVfs(!(argc > 3 && std::strcmp(argv[3], "--ignore-syncs") == 0));
    const char* passphrase = std::getenv("SOHOA_PASSPHRASE");
    auto store = Store::open(QString::fromLocal8Bit(argv[1]),
                             SecureBytes::fromString(passphrase ? passphrase : ""));
    const int first = static_cast<int>(store->listDossiers().size()) + 1;
    const int count = std::atoi(argv[2]);
    for (int n = first; n < first + count; ++n) {
        sohoa::testing::commitTortureDossier(*store, n);
        std::printf("%d\n", n);
        std::fflush(stdout);
    }
    sohoa::testing::simulatePowerLoss();
    _exit(0); // no destructor may write again: the machine is off
}
