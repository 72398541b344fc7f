// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PageTransform.h"

#include "domain/UserError.h"

#include <QStringList>
#include <cmath>

namespace sohoa::domain {

namespace {
constexpr int kMaxDeskewHundredths = 4500; // exclusive
}

PageTransform PageTransform::rotate(int degreesClockwise)
{
    const int normalized = ((degreesClockwise % 360) + 360) % 360;
    if (degreesClockwise % 90 != 0 || normalized == 0)
        throw UserError(
            ErrorKind::InvalidInput,
            tr("A page can be rotated by 90, 180 or 270 degrees, not %1.").arg(degreesClockwise));
    return PageTransform(Kind::Rotate, normalized, QRect());
}

PageTransform PageTransform::deskew(double degrees)
{
    const double hundredths = std::round(degrees * 100.0);
    if (!std::isfinite(degrees) || std::abs(hundredths) >= kMaxDeskewHundredths)
        throw UserError(
            ErrorKind::InvalidInput,
            tr("A page can be straightened by less than 45 degrees, not %1.").arg(degrees));
    return PageTransform(Kind::Deskew, static_cast<int>(hundredths), QRect());
}

PageTransform PageTransform::crop(const QRect& area)
{
    if (!area.isValid() || area.x() < 0 || area.y() < 0)
        throw UserError(ErrorKind::InvalidInput,
                        tr("A crop area must be a non-empty rectangle inside the page."));
    return PageTransform(Kind::Crop, 0, area);
}

std::optional<PageTransform> PageTransform::tryParse(QStringView text, QString* whyNot)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QStringView kind = colon < 0 ? trimmed : trimmed.left(colon);
    const QStringView value = colon < 0 ? QStringView() : trimmed.mid(colon + 1);
    try {
        bool ok = false;
        if (kind == u"rotate") {
            const int degrees = value.toInt(&ok);
            if (ok)
                return rotate(degrees);
        } else if (kind == u"deskew") {
            const double degrees = value.toDouble(&ok);
            if (ok)
                return deskew(degrees);
        } else if (kind == u"crop") {
            const auto parts = value.split(QLatin1Char(','));
            int numbers[4] = {};
            ok = parts.size() == 4;
            for (qsizetype i = 0; ok && i < 4; ++i)
                numbers[i] = parts[i].trimmed().toInt(&ok);
            if (ok)
                return crop(QRect(numbers[0], numbers[1], numbers[2], numbers[3]));
        }
    } catch (const UserError& error) {
        if (whyNot)
            *whyNot = error.message();
        return std::nullopt;
    }
    if (whyNot)
        *whyNot = tr("\"%1\" is not a page correction (rotate:<degrees>, deskew:<degrees> or "
                     "crop:<x>,<y>,<width>,<height>).")
                      .arg(trimmed);
    return std::nullopt;
}

PageTransform PageTransform::parse(QStringView text)
{
    QString why;
    if (auto transform = tryParse(text, &why))
        return *transform;
    throw UserError(ErrorKind::InvalidInput, why);
}

QString PageTransform::toString() const
{
    switch (kind_) {
    case Kind::Rotate:
        return QStringLiteral("rotate:%1").arg(value_);
    case Kind::Deskew: {
        const int magnitude = std::abs(value_);
        return QStringLiteral("deskew:%1%2.%3")
            .arg(value_ < 0 ? QStringLiteral("-") : QString())
            .arg(magnitude / 100)
            .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    }
    case Kind::Crop:
        return QStringLiteral("crop:%1,%2,%3,%4")
            .arg(area_.x())
            .arg(area_.y())
            .arg(area_.width())
            .arg(area_.height());
    }
    return {};
}

} // namespace sohoa::domain
