// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::domain {

// A correction applied to a scanned page (xử lý ảnh trang): recorded beside the stored image,
// never baked into its pixels, so that it can be reverted or replayed. Applied in list order.
// Stable text form for storage:
//   "rotate:90" | "rotate:180" | "rotate:270"   quarter turns clockwise
//   "deskew:-0.75"                              degrees counter-clockwise, 0.01° steps, |a| < 45
//   "crop:x,y,w,h"                              in pixels of the image as the previous steps left
//   it
class PageTransform
{
    Q_DECLARE_TR_FUNCTIONS(PageTransform)

public:
    enum class Kind
    {
        Rotate,
        Deskew,
        Crop
    };

    // Each factory throws UserError(InvalidInput) for values outside the ranges above; rotate()
    // accepts any multiple of 90 except full turns (-90 becomes 270).
    static PageTransform rotate(int degreesClockwise);
    static PageTransform deskew(double degrees);
    static PageTransform crop(const QRect& area);

    static PageTransform parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<PageTransform> tryParse(QStringView text, QString* whyNot = nullptr);

    Kind kind() const { return kind_; }
    int rotationDegrees() const { return kind_ == Kind::Rotate ? value_ : 0; }
    double deskewDegrees() const { return kind_ == Kind::Deskew ? value_ / 100.0 : 0.0; }
    QRect cropArea() const { return kind_ == Kind::Crop ? area_ : QRect(); }

    QString toString() const;

    bool operator==(const PageTransform& other) const = default;

private:
    PageTransform(Kind kind, int value, QRect area) : kind_(kind), value_(value), area_(area) {}
    Kind kind_;
    int value_;  // Rotate: degrees clockwise; Deskew: hundredths of a degree
    QRect area_; // Crop only
};

} // namespace sohoa::domain
