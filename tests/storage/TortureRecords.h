// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "support/SampleDossier.h"

#include <QByteArray>

namespace sohoa::testing {

// Dossier number n of the crash-torture run, and its page's bytes: derived from n alone, so
// the parent can check what the child wrote without talking to it.
inline storage::DossierRecord tortureDossier(int n)
{
    storage::DossierRecord d =
        sampleDossier(QStringLiteral("000.00.00.H26-261123-%1").arg(n, 6, 10, QLatin1Char('0')));
    d.uuid = QStringLiteral("torture-%1").arg(n);
    d.receivedAt = QDateTime(QDate(2026, 11, 23), QTime(8, 0));
    return d;
}

inline QByteArray torturePageBytes(int n)
{
    // 4 KiB to about 600 KiB, so pages span one to three blob chunks.
    const int size = 4096 + (n * 7919) % (600 * 1024);
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = static_cast<quint32>(n) * 2654435761U + 1U;
    for (char& byte : bytes) {
        state = state * 1664525U + 1013904223U;
        byte = static_cast<char>(state >> 24);
    }
    return bytes;
}

// Commits dossier n with its one page and its audit event in one transaction.
inline void commitTortureDossier(storage::Store& store, int n)
{
    store.inTransaction([&] {
        storage::ComponentRecord component;
        component.dossierId = store.insertDossier(tortureDossier(n));
        component.code = QStringLiteral("TP1");
        component.name = QStringLiteral("Giấy tờ");
        storage::PageRecord page;
        page.componentId = store.insertComponent(component);
        page.sequence = 1;
        auto blob = store.newBlob(QStringLiteral("image/png"));
        blob->append(torturePageBytes(n));
        page.imageBlobId = blob->finish().id;
        store.insertPage(page);
        store.appendEvent({0, tortureDossier(n).uuid, QDateTime::currentDateTimeUtc(),
                           QStringLiteral("torture"), QStringLiteral("created"),
                           QString::number(n)});
    });
}

} // namespace sohoa::testing
