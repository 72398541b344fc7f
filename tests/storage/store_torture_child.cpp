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
        store->inTransaction([&] {
            DossierRecord dossier = sohoa::testing::tortureDossier(next);
            ComponentRecord component;
            component.dossierId = store->insertDossier(dossier);
            component.code = QStringLiteral("TP1");
            component.name = QStringLiteral("Giấy tờ");
            PageRecord page;
            page.componentId = store->insertComponent(component);
            page.sequence = 1;
            auto blob = store->newBlob(QStringLiteral("image/png"));
            blob->append(sohoa::testing::torturePageBytes(next));
            page.imageBlobId = blob->finish().id;
            store->insertPage(page);
            store->appendEvent({0, dossier.uuid, QDateTime::currentDateTimeUtc(), "torture",
                                "created", QString::number(next)});
        });
        std::printf("%d\n", next);
        std::fflush(stdout);
    }
}
