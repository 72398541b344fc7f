// SPDX-License-Identifier: GPL-3.0-or-later
// The child of the crash-torture test: commits one dossier with one page per transaction, as
// fast as it can, and reports each on stdout only after COMMIT returned. The parent kills it
// with SIGKILL at random moments and checks that everything reported survived.
// Usage: store_torture_child STORE (passphrase in SOHOA_PASSPHRASE)
#include "TortureRecords.h"
#include "storage/Store.h"

#include <cstdio>
#include <cstdlib>

using namespace sohoa::storage;

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    const char* passphrase = std::getenv("SOHOA_PASSPHRASE");
    auto store = Store::open(QString::fromLocal8Bit(argv[1]),
                             SecureBytes::fromString(passphrase ? passphrase : ""));
    int next = static_cast<int>(store->listDossiers().size()) + 1;
    for (;; ++next) {
        sohoa::testing::commitTortureDossier(*store, next);
        std::printf("%d\n", next);
        std::fflush(stdout);
    }
}
