// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sohoa::sync {

// A hub certificate's pin (docs/SYNC-PROTOCOL.md §13): "sha256/" and the base64 SHA-256 of
// its SubjectPublicKeyInfo, as HTTP public-key pinning wrote them. Pinning the key, not the
// certificate, lets the province renew the certificate without touching the counters.
// `certificateDer` is the certificate in DER; an unreadable one gives an empty pin.
QString certificatePin(const QByteArray& certificateDer);

} // namespace sohoa::sync
