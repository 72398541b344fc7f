// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TimestampClient.h"

#include <QByteArray>

namespace sohoa::signing {

// A PAdES signature container after the time-stamp step.
struct TimestampedCms
{
    QByteArray cms; // B-T when `timestamp.token` is set, else the B-B input unchanged
    TimestampResult timestamp;
};

// Step two of signing (after CadesSignedData::create): asks the TSA for a token over the
// signature value and adds it as the signature time-stamp. An unreachable TSA leaves the B-B
// container as it was, with the reason, for the "awaiting time-stamp" queue. Throws UserError
// for a TSA that answers with garbage or a container that cannot be read.
class SignatureTimestamper
{
public:
    static TimestampedCms addTimestamp(const QByteArray& cms, const TimestampClient& tsa);
};

} // namespace sohoa::signing
