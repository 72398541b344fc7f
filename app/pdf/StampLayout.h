// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

namespace sohoa::pdf {

class SubsetFont;

// The stamp drawn upright in the box [0 0 width height] (points): its content stream and size.
struct StampDrawing
{
    QByteArray content;
    double width = 0;
    double height = 0;
};

// Lays out `lines` top to bottom, left-aligned, in black, at `fontSize` points in `font`
// (named `fontResource` in the appearance's resources), with the font's own line spacing and
// a small padding, so the box fits the text.
StampDrawing drawStamp(const QStringList& lines, double fontSize, SubsetFont& font,
                       QByteArrayView fontResource);

} // namespace sohoa::pdf
