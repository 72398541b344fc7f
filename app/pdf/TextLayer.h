// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/PageText.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sohoa::pdf {

class CidEncoder;

// Where the page's pixels land on the PDF page.
struct PageGeometry
{
    double pointsPerPixel = 1; // 72 / dpi
    double heightPoints = 0;   // PDF y grows upwards from the bottom edge
};

// The content-stream operators of the invisible text layer: one BT..ET object, render mode 3,
// each word placed at its box with horizontal scaling so its advance spans the box, and a real
// space between the words of a line so text extraction sees word breaks. Empty when the page
// has no text. `fontResource` names the glyphless Type0 font in the page resources.
QByteArray buildTextLayer(const ocr::PageText& text, const PageGeometry& geometry,
                          QByteArrayView fontResource, CidEncoder& encoder);

} // namespace sohoa::pdf
