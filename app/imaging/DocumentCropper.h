// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the document lies on a flatbed scan: an ID card somewhere on the glass, a sheet smaller
// than the glass on a grey lid. A page that fills the scan needs no crop.

#include <QImage>
#include <QPolygonF>
#include <QRect>
#include <optional>

namespace sohoa::imaging {

struct CropOptions
{
    // How far (grey levels) the document must differ from the lid; a card's tint is about 20
    // levels from a white lid.
    int contrast = 10;
    // Smaller regions are marks, not documents (a card scaled down to a third is still larger).
    double minSideMm = 20.0;
    // A document is a solid region: its pixels fill at least this share of its bounding box
    // (a card rotated by a few degrees fills about 0.9; a line of text or a fill triangle less).
    double minFill = 0.6;
    // Anything else on the glass beyond this share of the document's area means the "document"
    // is only part of a page (a photo on a letter): no crop.
    double maxOutsideShare = 0.02;
    // No crop when the document already covers this share of the scan in both directions.
    double fullShare = 0.95;
};

class DocumentCropper
{
public:
    explicit DocumentCropper(CropOptions options = {});

    // The document's bounding box in the page's pixels, or nothing when the page should stay whole.
    // `scanned`: the part of the page the scanner saw, in page pixels (after deskew the corners
    // are white fill, which is neither lid nor document); empty means all of it.
    std::optional<QRect> find(const QImage& page, const QPolygonF& scanned = {}) const;

private:
    CropOptions options_;
};

} // namespace sohoa::imaging
