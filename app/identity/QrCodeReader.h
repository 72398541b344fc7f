// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QRect>
#include <QString>
#include <functional>
#include <vector>

namespace sohoa::identity {

// One QR code found on a page.
struct QrCode
{
    QByteArray bytes; // the payload's raw bytes, as encoded
    QString text;     // the bytes decoded as UTF-8 (zxing's own decoding when they are not
                      // UTF-8), NFC
    QRect box;        // pixels in the page image
};

// Finds QR codes with zxing-cpp: the image as it is first, then (when nothing wanted was
// found) other zooms and binarizers: half size for a whole page, enlarged for a smaller image
// such as a card cut out of a page. Stops at the first
// attempt that finds a code `isWanted` accepts (any code when it is empty) and returns the
// codes found by then, without duplicates. The payload is decoded from its raw bytes as UTF-8
// (zbar-style decoders guess Shift-JIS or Big5 for Vietnamese text).
std::vector<QrCode> readQrCodes(const QImage& image,
                                const std::function<bool(const QrCode&)>& isWanted = {});

} // namespace sohoa::identity
