// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRect>
#include <optional>

namespace sohoa::identity {

// Where a card lies on a flatbed page: the bounding rectangle (pixels, with a small margin)
// and how far its top edge is turned from the horizontal (degrees, clockwise positive).
struct CardRegion
{
    QRect rect;
    double angleDegrees = 0;
};

// Finds the largest solid blob darker than the paper: a card placed on the glass. nullopt when
// nothing card-like stands out (e.g. the image already is the card, or a text page).
std::optional<CardRegion> locateCard(const QImage& page);

} // namespace sohoa::identity
