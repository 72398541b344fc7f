// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

namespace sohoa::testing {

// A page of Vietnamese text drawn by Qt with a real font, and the text it shows.
struct RenderedPage
{
    QImage image;  // RGB888, A4 at `dpi`
    QString truth; // lines joined with '\n', NFC
    int dpi = 0;
};

// Draws `lines` (one paragraph line each) in Liberation Serif at `pointSize`.
RenderedPage renderPage(const QStringList& lines, int dpi, int pointSize = 13);
// The lines of tests/data/vietnamese_page.txt.
QStringList samplePageLines();
// Writes the image as binary PNM (P6), the format SANE's pnm backend reads.
bool writePnm(const QImage& image, const QString& path);

} // namespace sohoa::testing
