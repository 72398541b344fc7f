// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRandomGenerator>
#include <QRect>

namespace sohoa::testing {

// Scanner-like pages for the imaging tests and benchmark, each with its truth.

// The page as a scanner would deliver it fed `degrees` clockwise: same size, white corners.
QImage turnedClockwise(const QImage& page, double degrees);

// Intersection over union of two rectangles (0 when both are empty).
double iou(const QRect& a, const QRect& b);

// Stamps `dpi` into the image's resolution fields.
void setDpi(QImage& image, int dpi);

// An empty A4 sheet as a feeder delivers it: paper tone with a faint texture, a dark line along
// one edge, dust specks, then Gaussian noise over everything.
QImage emptySheet(int dpi, QRandomGenerator& random);

// The same kind of sheet with one short mark: a page number or a single signature-like stroke.
QImage sheetWithOneMark(int dpi, int index, QRandomGenerator& random);

struct FlatbedScan
{
    QImage original;
    QRect sheetWhenStraight; // where the sheet lies once rotated and deskewed
};

// A text page on a grey lid larger than the page, turned `skew` degrees clockwise on the glass,
// and the whole scan delivered a quarter turn counter-clockwise (the page lay sideways).
FlatbedScan sidewaysSkewedSheet(double skew, int dpi, int firstLine = 0, int lineCount = 14);

// A blank sheet lying on a dark lid with a wide dark border around it: only the crop removes
// the border, so blank detection is right only after cropping.
QImage blankSheetOnDarkLid(int dpi);

} // namespace sohoa::testing
