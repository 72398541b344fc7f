// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/IdCardGenerator.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace sohoa::testing {

namespace {

constexpr double kCardWidthMm = 85.6;
constexpr double kCardHeightMm = 54.0;
constexpr double kA4WidthMm = 210.0;
constexpr double kA4HeightMm = 297.0;

template <size_t N> QString pick(QRandomGenerator& random, const std::array<const char*, N>& list)
{
    return QString::fromUtf8(list[random.bounded(static_cast<quint32>(N))]);
}

// A few province codes of birth registration with the province's name.
constexpr std::array<const char*, 10> kProvinceCodes = {"001", "079", "031", "048", "040",
                                                        "038", "036", "092", "026", "075"};
constexpr std::array<const char*, 16> kFamilyNames = {
    "Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
    "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
constexpr std::array<const char*, 8> kMaleMiddle = {"Văn",  "Hữu",   "Đức",  "Minh",
                                                    "Quốc", "Thanh", "Xuân", "Gia"};
constexpr std::array<const char*, 8> kFemaleMiddle = {"Thị",  "Ngọc", "Thu", "Thanh",
                                                      "Minh", "Hoài", "Kim", "Diệu"};
constexpr std::array<const char*, 14> kMaleGiven = {"An",   "Bình",  "Cường", "Dũng", "Đạt",
                                                    "Hiếu", "Khánh", "Nam",   "Phúc", "Quân",
                                                    "Sơn",  "Tuấn",  "Việt",  "Lộc"};
constexpr std::array<const char*, 14> kFemaleGiven = {"Hà",     "Hạnh", "Hương", "Lan",  "Linh",
                                                      "Mai",    "Thảo", "Trang", "Uyên", "Yến",
                                                      "Nguyệt", "Thủy", "Ánh",   "Quỳnh"};
constexpr std::array<const char*, 8> kCommunes = {"Tân Lập",  "Đông Hòa", "Phú Mỹ",    "Hòa Bình",
                                                  "An Khánh", "Yên Sở",   "Xuân Đỉnh", "Cát Linh"};
constexpr std::array<const char*, 8> kDistricts = {"Đan Phượng", "Thanh Trì",  "Gia Lâm",
                                                   "Hải Hậu",    "Nghĩa Hưng", "Quỳnh Lưu",
                                                   "Triệu Sơn",  "Cẩm Lệ"};
constexpr std::array<const char*, 8> kProvinces = {"Hà Nội",    "Nam Định", "Nghệ An", "Thanh Hóa",
                                                   "Hải Phòng", "Đà Nẵng",  "Cần Thơ", "Huế"};

QString communePart(QRandomGenerator& random)
{
    return QStringLiteral("Xã %1, Huyện %2, Tỉnh %3")
        .arg(pick(random, kCommunes), pick(random, kDistricts), pick(random, kProvinces));
}

QString streetPart(QRandomGenerator& random)
{
    switch (random.bounded(3)) {
    case 0:
        return QStringLiteral("Số %1 Ngõ %2")
            .arg(random.bounded(1, 200))
            .arg(random.bounded(1, 90));
    case 1:
        return QStringLiteral("Thôn %1").arg(random.bounded(1, 12));
    default:
        return QStringLiteral("Tổ %1").arg(random.bounded(1, 30));
    }
}

QDate randomDate(QRandomGenerator& random, QDate from, QDate to)
{
    return from.addDays(random.bounded(static_cast<int>(from.daysTo(to)) + 1));
}

void registerFonts()
{
    static const bool done = [] {
        for (const char* file :
             {"dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf",
              "liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf",
              "liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSerif-Bold.ttf"})
            QFontDatabase::addApplicationFont(QStringLiteral("/usr/share/fonts/truetype/") +
                                              QString::fromLatin1(file));
        return true;
    }();
    Q_UNUSED(done);
}

// Draws on the card in millimetres; fonts in points.
class CardPainter
{
public:
    CardPainter(QImage& card, double pixelsPerMm, const QString& family)
        : painter_(&card), k_(pixelsPerMm), family_(family)
    {
        painter_.setRenderHint(QPainter::Antialiasing);
        painter_.setRenderHint(QPainter::TextAntialiasing);
    }

    QPainter& painter() { return painter_; }
    double px(double mm) const { return mm * k_; }

    QFont font(double points, bool bold) const
    {
        QFont font(family_);
        font.setPixelSize(std::max(1, static_cast<int>(std::lround(points / 72.0 * 25.4 * k_))));
        font.setBold(bold);
        return font;
    }

    // Returns the x (mm) where the text ends.
    double text(double xMm, double baselineMm, const QString& text, double points, bool bold,
                QColor colour = Qt::black)
    {
        const QFont f = font(points, bold);
        painter_.setFont(f);
        painter_.setPen(colour);
        painter_.drawText(QPointF(px(xMm), px(baselineMm)), text);
        return xMm + QFontMetricsF(f).horizontalAdvance(text) / k_;
    }

    void centred(double centreMm, double baselineMm, const QString& line, double points, bool bold,
                 QColor colour = Qt::black)
    {
        const double width = QFontMetricsF(font(points, bold)).horizontalAdvance(line) / k_;
        text(centreMm - width / 2, baselineMm, line, points, bold, colour);
    }

    // Words from `xMm` (after a label ending at `startMm`) wrapping back to `xMm` within
    // `rightMm`; returns the baseline of the last line.
    double wrapped(double xMm, double startMm, double baselineMm, double rightMm,
                   const QString& value, double points, bool bold, double lineStepMm)
    {
        const QFontMetricsF metrics(font(points, bold));
        const double space = metrics.horizontalAdvance(QLatin1Char(' ')) / k_;
        double x = startMm;
        double baseline = baselineMm;
        for (const QString& word : value.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const double width = metrics.horizontalAdvance(word) / k_;
            if (x + width > rightMm && x > xMm + 0.1) {
                x = xMm;
                baseline += lineStepMm;
            }
            x = text(x, baseline, word, points, bold) + space;
        }
        return baseline;
    }

private:
    QPainter painter_;
    double k_;
    QString family_;
};

constexpr double kLabelPt = 5.5;
constexpr double kValuePt = 7.5;
constexpr double kIdPt = 10.0;
const QColor kLabelColour(40, 40, 40);

void drawHeader(CardPainter& card, double centreMm)
{
    card.centred(centreMm, 4.2, QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 5.5, true);
    card.centred(centreMm, 6.9, QStringLiteral("Độc lập - Tự do - Hạnh phúc"), 5.0, false);
    card.centred(centreMm, 10.6, QStringLiteral("CĂN CƯỚC CÔNG DÂN"), 7.5, true,
                 QColor(150, 20, 20));
    card.centred(centreMm, 13.2, QStringLiteral("Citizen Identity Card"), 5.0, false);
}

void drawPhoto(CardPainter& card, QRectF mm)
{
    QPainter& p = card.painter();
    const QRectF box(card.px(mm.x()), card.px(mm.y()), card.px(mm.width()), card.px(mm.height()));
    p.fillRect(box, QColor(200, 205, 210));
    p.save();
    p.setClipRect(box);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(140, 145, 150));
    p.drawEllipse(QPointF(box.center().x(), box.top() + box.height() * 0.38), box.width() * 0.22,
                  box.height() * 0.2);
    p.drawEllipse(QPointF(box.center().x(), box.bottom()), box.width() * 0.42, box.height() * 0.3);
    p.restore();
}

void drawEmblem(CardPainter& card, QPointF centreMm, double radiusMm)
{
    QPainter& p = card.painter();
    p.setPen(QPen(QColor(200, 160, 30), card.px(0.3)));
    p.setBrush(QColor(200, 30, 30));
    p.drawEllipse(QPointF(card.px(centreMm.x()), card.px(centreMm.y())), card.px(radiusMm),
                  card.px(radiusMm));
}

// The QR module grid of the payload's UTF-8 bytes.
ZXing::BitMatrix qrMatrix(const QString& payload)
{
    return ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
        .setEncoding(ZXing::CharacterSet::UTF8)
        .setMargin(0)
        .encode(payload.toStdString(), 1, 1);
}

void drawQr(CardPainter& card, const QString& payload, QRectF mm, QrCondition condition,
            QRandomGenerator& random)
{
    if (condition == QrCondition::Removed)
        return;
    const ZXing::BitMatrix matrix = qrMatrix(payload);
    QPainter& p = card.painter();
    const QRectF box(card.px(mm.x()), card.px(mm.y()), card.px(mm.width()), card.px(mm.height()));
    p.fillRect(box, Qt::white);
    const int quiet = 2;
    const double module = box.width() / (matrix.width() + 2 * quiet);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y))
                p.fillRect(QRectF(box.left() + (x + quiet) * module,
                                  box.top() + (y + quiet) * module, module + 0.5, module + 0.5),
                           Qt::black);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    const double inner = matrix.width() * module;
    const QPointF origin(box.left() + quiet * module, box.top() + quiet * module);
    if (condition == QrCondition::Glare) {
        QRadialGradient glare(box.center(), box.width() * 0.55);
        glare.setColorAt(0, QColor(255, 255, 255, 255));
        glare.setColorAt(0.6, QColor(255, 255, 255, 240));
        glare.setColorAt(1, QColor(255, 255, 255, 0));
        p.setPen(Qt::NoPen);
        p.setBrush(glare);
        p.drawEllipse(box.center(), box.width() * 0.55, box.height() * 0.45);
    } else if (condition == QrCondition::Damaged) {
        // Two finder patterns scratched off and blocks of modules missing.
        const double finder = 8 * module;
        p.fillRect(QRectF(origin, QSizeF(finder, finder)), Qt::white);
        p.fillRect(QRectF(origin.x() + inner - finder, origin.y(), finder, finder), Qt::white);
        p.fillRect(QRectF(origin.x(), origin.y() + inner - finder, finder, finder), Qt::white);
        for (int i = 0; i < 6; ++i) {
            const double w = inner * (0.1 + random.generateDouble() * 0.15);
            p.fillRect(QRectF(origin.x() + random.generateDouble() * (inner - w),
                              origin.y() + random.generateDouble() * (inner - w), w, w),
                       i % 2 ? Qt::black : Qt::white);
        }
    }
}

void drawBackground(QImage& card, double pixelsPerMm)
{
    QPainter p(&card);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient tint(0, 0, card.width(), card.height());
    tint.setColorAt(0, QColor(226, 236, 242));
    tint.setColorAt(1, QColor(238, 232, 218));
    QPainterPath shape;
    const double radius = 3 * pixelsPerMm;
    shape.addRoundedRect(QRectF(card.rect()).adjusted(1, 1, -1, -1), radius, radius);
    p.fillPath(shape, tint);
    p.setPen(QPen(QColor(150, 160, 170), std::max(1.0, 0.2 * pixelsPerMm)));
    p.drawPath(shape);
}

// Layout 1: QR top right, emblem top left, label and value on one line.
QRectF drawLabelThenValue(CardPainter& card, const IdCardIdentity& identity,
                          const QString& printedName)
{
    drawEmblem(card, QPointF(8, 8), 5);
    drawHeader(card, 40);
    drawPhoto(card, QRectF(3, 16, 18.5, 25));
    const double x = 24;
    const double right = 84;
    const double step = 3.3;
    double end = card.text(x, 19.5, QStringLiteral("Số / No.:"), kLabelPt, false, kLabelColour);
    card.text(end + 1.2, 19.8, identity.idNumber, kIdPt, true);
    end = card.text(x, 24, QStringLiteral("Họ và tên / Full name:"), kLabelPt, false, kLabelColour);
    double y = card.wrapped(x, end + 1, 24, right, printedName.toUpper(), kValuePt, true, step);
    y += 3.8;
    end = card.text(x, y, QStringLiteral("Ngày sinh / Date of birth:"), kLabelPt, false,
                    kLabelColour);
    card.text(end + 1, y, identity.dateOfBirth.toString(QStringLiteral("dd/MM/yyyy")), kValuePt,
              false);
    y += 3.8;
    end = card.text(x, y, QStringLiteral("Giới tính / Sex:"), kLabelPt, false, kLabelColour);
    card.text(end + 1, y,
              identity.sex == domain::Sex::Female ? QStringLiteral("Nữ") : QStringLiteral("Nam"),
              kValuePt, false);
    end =
        card.text(50, y, QStringLiteral("Quốc tịch / Nationality:"), kLabelPt, false, kLabelColour);
    card.text(end + 1, y, identity.nationality, kValuePt, false);
    y += 3.8;
    end = card.text(x, y, QStringLiteral("Quê quán / Place of origin:"), kLabelPt, false,
                    kLabelColour);
    y = card.wrapped(x, end + 1, y, right, identity.placeOfOrigin, kValuePt - 0.5, false, step);
    y += 3.8;
    end = card.text(x, y, QStringLiteral("Nơi thường trú / Place of residence:"), kLabelPt, false,
                    kLabelColour);
    card.wrapped(x, end + 1, y, right, identity.address, kValuePt - 0.5, false, step);
    card.text(3, 45.5, QStringLiteral("Có giá trị đến:"), 4.5, false, kLabelColour);
    card.text(3, 47.8, QStringLiteral("Date of expiry"), 4.5, false, kLabelColour);
    card.text(3, 51, identity.expiryDate.toString(QStringLiteral("dd/MM/yyyy")), 5.5, false);
    return QRectF(68.5, 2, 15.5, 15.5);
}

// Layout 2: QR top left, labels on their own line above the values, sex before birth date.
QRectF drawLabelAboveValue(CardPainter& card, const IdCardIdentity& identity,
                           const QString& printedName)
{
    drawHeader(card, 52);
    drawPhoto(card, QRectF(3, 19, 18, 24));
    const double x = 24;
    const double right = 84;
    card.text(x, 16.8, QStringLiteral("Số định danh cá nhân / Personal identification number"),
              kLabelPt - 0.5, false, kLabelColour);
    card.text(x, 21, identity.idNumber, kIdPt, true);
    card.text(x, 24.5, QStringLiteral("Họ và tên / Full name"), kLabelPt, false, kLabelColour);
    double y = card.wrapped(x, x, 28, right, printedName.toUpper(), kValuePt, true, 3.3);
    y += 3.6;
    card.text(x, y, QStringLiteral("Giới tính / Sex"), kLabelPt, false, kLabelColour);
    card.text(x, y + 3.2,
              identity.sex == domain::Sex::Female ? QStringLiteral("Nữ") : QStringLiteral("Nam"),
              kValuePt, false);
    card.text(44, y, QStringLiteral("Ngày sinh / Date of birth"), kLabelPt, false, kLabelColour);
    card.text(44, y + 3.2, identity.dateOfBirth.toString(QStringLiteral("dd/MM/yyyy")), kValuePt,
              false);
    card.text(68, y, QStringLiteral("Quốc tịch / Nationality"), kLabelPt - 0.5, false,
              kLabelColour);
    card.text(68, y + 3.2, identity.nationality, kValuePt, false);
    y += 6.8;
    card.text(x, y, QStringLiteral("Nơi thường trú / Place of residence"), kLabelPt, false,
              kLabelColour);
    y = card.wrapped(x, x, y + 3.1, right, identity.address, kValuePt - 0.5, false, 3.0);
    y += 3.5;
    card.text(x, y, QStringLiteral("Quê quán / Place of origin"), kLabelPt, false, kLabelColour);
    card.wrapped(x, x, y + 3.1, right, identity.placeOfOrigin, kValuePt - 0.5, false, 3.0);
    card.text(3, 47, QStringLiteral("Có giá trị đến / Date of expiry"), 4.0, false, kLabelColour);
    card.text(3, 50.5, identity.expiryDate.toString(QStringLiteral("dd/MM/yyyy")), 5.5, false);
    return QRectF(3, 2, 15, 15);
}

// Two passes of a separable box blur over `area`.
void boxBlur(QImage& image, const QRect& area, int radius)
{
    if (radius <= 0)
        return;
    QImage patch = image.copy(area).convertToFormat(QImage::Format_RGB32);
    const int w = patch.width(), h = patch.height();
    std::vector<QRgb> line;
    for (int pass = 0; pass < 4; ++pass) {
        const bool horizontal = pass % 2 == 0;
        const int outer = horizontal ? h : w;
        const int inner = horizontal ? w : h;
        line.resize(static_cast<size_t>(inner));
        for (int o = 0; o < outer; ++o) {
            auto at = [&](int i) -> QRgb& {
                return reinterpret_cast<QRgb*>(
                    patch.scanLine(horizontal ? o : i))[horizontal ? i : o];
            };
            for (int i = 0; i < inner; ++i)
                line[static_cast<size_t>(i)] = at(i);
            int r = 0, g = 0, b = 0, n = 0;
            for (int i = -radius; i <= radius; ++i) {
                const QRgb c = line[static_cast<size_t>(std::clamp(i, 0, inner - 1))];
                r += qRed(c);
                g += qGreen(c);
                b += qBlue(c);
                ++n;
            }
            for (int i = 0; i < inner; ++i) {
                at(i) = qRgb(r / n, g / n, b / n);
                const QRgb out = line[static_cast<size_t>(std::clamp(i - radius, 0, inner - 1))];
                const QRgb in = line[static_cast<size_t>(std::clamp(i + radius + 1, 0, inner - 1))];
                r += qRed(in) - qRed(out);
                g += qGreen(in) - qGreen(out);
                b += qBlue(in) - qBlue(out);
            }
        }
    }
    QPainter painter(&image);
    painter.drawImage(area.topLeft(), patch);
}

void addNoise(QImage& image, const QRect& area, int sigma, QRandomGenerator& random)
{
    if (sigma <= 0)
        return;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        QRgb* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = area.left(); x <= area.right(); ++x) {
            // Sum of uniforms: close enough to Gaussian for a scanner's noise.
            const double u =
                random.generateDouble() + random.generateDouble() + random.generateDouble() - 1.5;
            const int delta = static_cast<int>(std::lround(u * 2 * sigma));
            const QRgb c = row[x];
            row[x] =
                qRgb(std::clamp(qRed(c) + delta, 0, 255), std::clamp(qGreen(c) + delta, 0, 255),
                     std::clamp(qBlue(c) + delta, 0, 255));
        }
    }
}

} // namespace

QString IdCardIdentity::qrPayload() const
{
    return QStringList{idNumber,
                       oldId,
                       fullName,
                       dateOfBirth.toString(QStringLiteral("ddMMyyyy")),
                       sex == domain::Sex::Female ? QStringLiteral("Nữ") : QStringLiteral("Nam"),
                       address,
                       issueDate.toString(QStringLiteral("ddMMyyyy"))}
        .join(QLatin1Char('|'))
        .normalized(QString::NormalizationForm_C);
}

QStringList idCardFontFamilies()
{
    registerFonts();
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
            QStringLiteral("Liberation Serif")};
}

IdCardIdentity randomIdentity(QRandomGenerator& random)
{
    IdCardIdentity identity;
    identity.sex = random.bounded(2) == 0 ? domain::Sex::Male : domain::Sex::Female;
    identity.dateOfBirth = randomDate(random, QDate(1950, 1, 1), QDate(2006, 12, 31));
    const bool female = identity.sex == domain::Sex::Female;
    const int century = identity.dateOfBirth.year() >= 2000 ? 2 : 0;
    identity.idNumber =
        pick(random, kProvinceCodes) + QString::number(century + (female ? 1 : 0)) +
        QStringLiteral("%1").arg(identity.dateOfBirth.year() % 100, 2, 10, QLatin1Char('0')) +
        QStringLiteral("%1").arg(random.bounded(1000000), 6, 10, QLatin1Char('0'));
    if (random.bounded(2) == 0)
        identity.oldId =
            QStringLiteral("%1").arg(random.bounded(10000000, 999999999), 9, 10, QLatin1Char('0'));

    QStringList name{pick(random, kFamilyNames),
                     female ? pick(random, kFemaleMiddle) : pick(random, kMaleMiddle)};
    if (random.bounded(3) == 0)
        name << (female ? pick(random, kFemaleMiddle) : pick(random, kMaleMiddle));
    name << (female ? pick(random, kFemaleGiven) : pick(random, kMaleGiven));
    name.removeDuplicates();
    identity.fullName = name.join(QLatin1Char(' ')).normalized(QString::NormalizationForm_C);

    identity.placeOfOrigin = communePart(random).normalized(QString::NormalizationForm_C);
    identity.address = (streetPart(random) + QStringLiteral(", ") + communePart(random))
                           .normalized(QString::NormalizationForm_C);
    const QDate adult = identity.dateOfBirth.addYears(14);
    identity.issueDate = randomDate(random, std::max(adult, QDate(2021, 1, 1)), QDate(2024, 6, 30));
    const int age = identity.dateOfBirth.daysTo(identity.issueDate) / 365;
    const int milestone = age < 23 ? 25 : age < 38 ? 40 : 60;
    identity.expiryDate = identity.dateOfBirth.addYears(milestone);
    return identity;
}

GeneratedCard renderIdCard(const IdCardIdentity& identity, const IdCardStyle& style,
                           QRandomGenerator& random)
{
    registerFonts();
    const double pagePixelsPerMm = style.dpi / 25.4;
    const double cardPixelsPerMm = pagePixelsPerMm * style.scale;
    QImage card(static_cast<int>(std::lround(kCardWidthMm * cardPixelsPerMm)),
                static_cast<int>(std::lround(kCardHeightMm * cardPixelsPerMm)),
                QImage::Format_ARGB32_Premultiplied);
    card.fill(Qt::transparent);
    drawBackground(card, cardPixelsPerMm);
    QRectF qrMm;
    {
        CardPainter painter(card, cardPixelsPerMm, style.fontFamily);
        const QString printed = style.printedName.isEmpty() ? identity.fullName : style.printedName;
        qrMm = style.layout == CardLayout::LabelThenValue
                   ? drawLabelThenValue(painter, identity, printed)
                   : drawLabelAboveValue(painter, identity, printed);
        drawQr(painter, identity.qrPayload(), qrMm, style.qr, random);
    }

    GeneratedCard out;
    out.dpi = style.dpi;
    out.truth = identity;
    out.image =
        QImage(static_cast<int>(std::lround(kA4WidthMm * pagePixelsPerMm)),
               static_cast<int>(std::lround(kA4HeightMm * pagePixelsPerMm)), QImage::Format_RGB32);
    out.image.fill(Qt::white);
    const int dotsPerMeter = static_cast<int>(std::lround(style.dpi / 0.0254));
    out.image.setDotsPerMeterX(dotsPerMeter);
    out.image.setDotsPerMeterY(dotsPerMeter);

    const double cardWidthMm = kCardWidthMm * style.scale;
    const double cardHeightMm = kCardHeightMm * style.scale;
    const QPointF position = style.positionMm.value_or(
        QPointF(10 + random.generateDouble() * (kA4WidthMm - 20 - cardWidthMm),
                10 + random.generateDouble() * (kA4HeightMm - 20 - cardHeightMm)));
    QTransform place;
    place.translate(position.x() * pagePixelsPerMm, position.y() * pagePixelsPerMm);
    place.rotate(style.rotationDegrees);
    {
        QPainter painter(&out.image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setTransform(place);
        painter.drawImage(0, 0, card);
    }
    out.cardBox = place.mapRect(QRectF(card.rect())).toAlignedRect().intersected(out.image.rect());
    if (style.qr != QrCondition::Removed) {
        const QRectF qrPixels(qrMm.x() * cardPixelsPerMm, qrMm.y() * cardPixelsPerMm,
                              qrMm.width() * cardPixelsPerMm, qrMm.height() * cardPixelsPerMm);
        out.qrBox = place.mapRect(qrPixels).toAlignedRect();
    }

    const int margin = static_cast<int>(5 * pagePixelsPerMm);
    const QRect area =
        out.cardBox.adjusted(-margin, -margin, margin, margin).intersected(out.image.rect());
    boxBlur(out.image, area, static_cast<int>(std::lround(style.blurRadius)));
    addNoise(out.image, area, style.noiseSigma, random);
    if (style.jpegQuality > 0) {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        out.image.save(&buffer, "JPEG", style.jpegQuality);
        QImage decoded;
        decoded.loadFromData(jpeg, "JPEG");
        out.image = decoded.convertToFormat(QImage::Format_RGB32);
        out.image.setDotsPerMeterX(dotsPerMeter);
        out.image.setDotsPerMeterY(dotsPerMeter);
    }
    return out;
}

} // namespace sohoa::testing
