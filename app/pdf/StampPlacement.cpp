// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/StampPlacement.h"

#include <algorithm>

namespace sohoa::pdf {

namespace {

struct Point
{
    double x;
    double y;
};

// The page as the reader sees it: an upright frame with (0, 0) at the bottom left of the
// displayed page. A viewer turns the page clockwise by /Rotate, so upright coordinates turn
// counter-clockwise by the same angle into user space.
class UprightFrame
{
public:
    explicit UprightFrame(const PageFrame& page) : rotation_(((page.rotation % 360) + 360) % 360)
    {
        const PdfRect& box = page.visibleBox;
        if (rotation_ % 90 != 0)
            rotation_ = 0; // not a valid /Rotate: readers ignore it
        // Where the displayed page's bottom left corner lies, and the turn's cosine and sine.
        switch (rotation_) {
        case 90:
            origin_ = {box.right, box.bottom};
            sin_ = 1;
            break;
        case 180:
            origin_ = {box.right, box.top};
            cos_ = -1;
            break;
        case 270:
            origin_ = {box.left, box.top};
            sin_ = -1;
            break;
        default:
            origin_ = {box.left, box.bottom};
            cos_ = 1;
            break;
        }
        const bool sideways = rotation_ == 90 || rotation_ == 270;
        width_ = sideways ? box.height() : box.width();
        height_ = sideways ? box.width() : box.height();
    }

    double width() const { return width_; }
    double height() const { return height_; }
    std::array<double, 6> rotationMatrix() const { return {cos_, sin_, -sin_, cos_, 0, 0}; }

    PdfRect toUser(const PdfRect& upright) const
    {
        return bounds(toUser(Point{upright.left, upright.bottom}),
                      toUser(Point{upright.right, upright.top}));
    }
    PdfRect toUpright(const PdfRect& user) const
    {
        return bounds(toUpright(Point{user.left, user.bottom}),
                      toUpright(Point{user.right, user.top}));
    }

private:
    Point toUser(Point p) const
    {
        return {origin_.x + p.x * cos_ - p.y * sin_, origin_.y + p.x * sin_ + p.y * cos_};
    }
    Point toUpright(Point p) const
    {
        const double dx = p.x - origin_.x;
        const double dy = p.y - origin_.y;
        return {dx * cos_ + dy * sin_, -dx * sin_ + dy * cos_};
    }
    static PdfRect bounds(Point a, Point b)
    {
        return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
    }

    int rotation_;
    Point origin_{};
    double cos_ = 0;
    double sin_ = 0;
    double width_ = 0;
    double height_ = 0;
};

} // namespace

StampPlacement placeStamp(const PageFrame& page, double width, double height,
                          const std::vector<PdfRect>& taken)
{
    const UprightFrame frame(page);
    std::vector<PdfRect> occupied;
    for (const PdfRect& rect : taken)
        occupied.push_back(frame.toUpright(rect));

    const double right = frame.width() - stampMargin;
    PdfRect stamp{right - width, 0, right, frame.height() - stampMargin};
    for (bool moved = true; moved;) {
        moved = false;
        stamp.bottom = stamp.top - height;
        for (const PdfRect& other : occupied) {
            if (stamp.overlaps(other)) {
                stamp.top = other.bottom - stampGap;
                moved = true;
                break;
            }
        }
    }
    return {frame.toUser(stamp), frame.rotationMatrix()};
}

} // namespace sohoa::pdf
