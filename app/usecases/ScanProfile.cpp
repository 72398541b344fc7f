// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ScanProfile.h"

#include "domain/UserError.h"

#include <QRegularExpression>
#include <array>

namespace sohoa::usecases {

namespace {
// Below 50 dpi nothing is legible; above 1200 a flatbed page runs to gigabytes.
constexpr int kMinDpi = 50;
constexpr int kMaxDpi = 1200;
constexpr int kMaxNameLength = 80;
// 1 % of the page in ink is a short paragraph: past that "blank" means nothing.
constexpr double kMaxBlankThreshold = 0.01;

[[noreturn]] void refuse(const QString& message)
{
    throw UserError(ErrorKind::InvalidInput, message);
}

int boundedInt(const QString& key, const QString& text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        refuse(ScanProfile::tr("%1 must be a whole number from %2 to %3.")
                   .arg(key)
                   .arg(minimum)
                   .arg(maximum));
    return value;
}

bool onOff(const QString& key, const QString& text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("on") || word == QLatin1String("true") || word == QLatin1String("1"))
        return true;
    if (word == QLatin1String("off") || word == QLatin1String("false") ||
        word == QLatin1String("0"))
        return false;
    refuse(ScanProfile::tr("%1 must be on or off.").arg(key));
}

template <typename Value>
Value oneOf(const QString& key, const QString& text,
            std::optional<Value> (*parse)(std::string_view), const char* accepted)
{
    const auto value = parse(text.trimmed().toStdString());
    if (!value)
        refuse(ScanProfile::tr("%1 must be one of: %2.").arg(key, QLatin1String(accepted)));
    return *value;
}

QJsonValue token(std::string_view name)
{
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

// One row per setting: how it reads and how it is set, so show, set and JSON cannot drift.
struct Field
{
    const char* key;
    QJsonValue (*get)(const ScanProfile&);
    void (*put)(ScanProfile&, const QString& key, const QString& text);
};

const std::array<Field, 10> kFields{{
    {"name", [](const ScanProfile& p) { return QJsonValue(p.name); },
     [](ScanProfile& p, const QString&, const QString& text) {
         const QString name = text.trimmed();
         if (name.isEmpty() || name.size() > kMaxNameLength)
             refuse(ScanProfile::tr("A profile name has 1 to %1 characters.").arg(kMaxNameLength));
         p.name = name;
     }},
    {"material", [](const ScanProfile& p) { return token(materialName(p.material)); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.material = oneOf(key, text, &parseMaterial, "papers, drawings");
     }},
    {"source", [](const ScanProfile& p) { return token(scanner::sourceName(p.source)); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.source = oneOf(key, text, &scanner::parseSource, "flatbed, adf, adf-duplex");
     }},
    {"mode", [](const ScanProfile& p) { return token(scanner::colorModeName(p.mode)); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.mode = oneOf(key, text, &scanner::parseColorMode, "color, gray, lineart");
     }},
    {"dpi", [](const ScanProfile& p) { return QJsonValue(p.dpi); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.dpi = boundedInt(key, text, kMinDpi, kMaxDpi);
     }},
    {"deskew", [](const ScanProfile& p) { return QJsonValue(p.deskew); },
     [](ScanProfile& p, const QString& key, const QString& text) { p.deskew = onOff(key, text); }},
    {"crop", [](const ScanProfile& p) { return QJsonValue(p.crop); },
     [](ScanProfile& p, const QString& key, const QString& text) { p.crop = onOff(key, text); }},
    {"blank-detection", [](const ScanProfile& p) { return QJsonValue(p.detectBlank); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.detectBlank = onOff(key, text);
     }},
    {"blank-threshold", [](const ScanProfile& p) { return QJsonValue(p.blankThreshold); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         bool ok = false;
         const double value = text.trimmed().toDouble(&ok);
         if (!ok || value < 0.0 || value > kMaxBlankThreshold)
             refuse(ScanProfile::tr("%1 must be a number from 0 to %2 (the share of the page "
                                    "in ink).")
                        .arg(key)
                        .arg(kMaxBlankThreshold));
         p.blankThreshold = value;
     }},
    {"jpeg-quality", [](const ScanProfile& p) { return QJsonValue(p.jpegQuality); },
     [](ScanProfile& p, const QString& key, const QString& text) {
         p.jpegQuality = boundedInt(key, text, 1, 100);
     }},
}};

const Field* fieldNamed(const QString& key)
{
    for (const Field& field : kFields)
        if (key == QLatin1String(field.key))
            return &field;
    return nullptr;
}

QString jsonName(const char* key)
{
    return QString::fromLatin1(key).replace(QLatin1Char('-'), QLatin1Char('_'));
}
} // namespace

QStringList ScanProfile::keys()
{
    QStringList names;
    for (const Field& field : kFields)
        names << QString::fromLatin1(field.key);
    return names;
}

QJsonValue ScanProfile::value(const QString& key) const
{
    const Field* field = fieldNamed(key);
    return field != nullptr ? field->get(*this) : QJsonValue();
}

void ScanProfile::set(const QString& key, const QString& text)
{
    const Field* field = fieldNamed(key);
    if (field == nullptr)
        refuse(tr("Unknown profile setting %1; the settings are: %2.")
                   .arg(key, keys().join(QStringLiteral(", "))));
    field->put(*this, key, text);
}

QJsonObject ScanProfile::toJson() const
{
    QJsonObject object{{"id", id}};
    for (const Field& field : kFields)
        if (field.key != std::string_view("name") || !name.isEmpty())
            object.insert(jsonName(field.key), field.get(*this));
    return object;
}

ScanProfile ScanProfile::fromJson(const QJsonObject& object)
{
    ScanProfile profile;
    profile.id = object.value(QLatin1String("id")).toString();
    requireValidId(profile.id);
    for (const Field& field : kFields) {
        const QJsonValue stored = object.value(jsonName(field.key));
        if (!stored.isUndefined())
            profile.set(QString::fromLatin1(field.key), stored.toVariant().toString());
    }
    return profile;
}

void ScanProfile::requireValidId(const QString& id)
{
    // ASCII only: IDs appear in commands, settings and audit details on any keyboard.
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9-]{0,31}$"));
    if (!pattern.match(id).hasMatch())
        refuse(tr("A profile ID has 1 to 32 characters: lower-case ASCII letters, digits and "
                  "hyphens, starting with a letter (e.g. van-ban)."));
}

imaging::PipelineOptions ScanProfile::pipelineOptions() const
{
    imaging::PipelineOptions options;
    options.deskew = deskew;
    options.crop = crop;
    options.detectBlank = detectBlank;
    options.blank.maxInkCoverage = blankThreshold;
    return options;
}

pdf::PdfImageOptions ScanProfile::imageOptions() const
{
    pdf::PdfImageOptions options;
    options.jpegQuality = jpegQuality;
    return options;
}

std::string_view materialName(Material material) noexcept
{
    return material == Material::Drawings ? "drawings" : "papers";
}

std::optional<Material> parseMaterial(std::string_view text)
{
    const QString word =
        QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed().toLower();
    if (word == QLatin1String("papers") || word == QLatin1String("paper"))
        return Material::Papers;
    if (word == QLatin1String("drawings") || word == QLatin1String("drawing") ||
        word == QLatin1String("maps"))
        return Material::Drawings;
    return std::nullopt;
}

} // namespace sohoa::usecases
