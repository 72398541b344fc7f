// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ScanProfileBuiltIns.h"

namespace sohoa::usecases {

namespace {
ScanProfile builtIn(const char* id, Material material, scanner::Source source, int dpi)
{
    ScanProfile profile;
    profile.id = QString::fromLatin1(id);
    profile.material = material;
    profile.source = source;
    profile.dpi = dpi;
    return profile;
}

// Translated at each call, so the names follow the officer's language.
QString builtInName(const QString& id)
{
    if (id == QLatin1String("van-ban"))
        return ScanProfileBuiltIns::tr("Administrative papers");
    if (id == QLatin1String("ban-ve"))
        return ScanProfileBuiltIns::tr("Maps and drawings");
    if (id == QLatin1String("can-cuoc"))
        return ScanProfileBuiltIns::tr("ID card on the flatbed");
    if (id == QLatin1String("ho-so-day"))
        return ScanProfileBuiltIns::tr("Thick dossier on the feeder");
    return {};
}
} // namespace

QString ScanProfileBuiltIns::defaultId()
{
    return QStringLiteral("van-ban");
}

std::vector<ScanProfile> ScanProfileBuiltIns::all()
{
    using scanner::Source;
    // Colour throughout (Circular 05/2025: 24-bit, as the original); 200 dpi for papers,
    // 300 for drawings. A card is small: 300 dpi keeps its print and photo legible. On the
    // glass, papers are often smaller than the bed (receipts, certificates, A5 forms): the crop
    // cuts them out of the lid, and only then can a blank back be told (the lid is not ink).
    // A page that fills the glass is left whole. Feeder pages have no lid to cut.
    std::vector<ScanProfile> profiles{
        builtIn("van-ban", Material::Papers, Source::Flatbed, domain::Page::kAdministrativeDpi),
        builtIn("ban-ve", Material::Drawings, Source::Flatbed, domain::Page::kDrawingDpi),
        builtIn("can-cuoc", Material::Papers, Source::Flatbed, domain::Page::kDrawingDpi),
        builtIn("ho-so-day", Material::Papers, Source::Adf, domain::Page::kAdministrativeDpi),
    };
    profiles[0].crop = true;
    profiles[2].crop = true;
    profiles[2].detectBlank = false; // one side of one card: never blank
    return profiles;
}

std::optional<ScanProfile> ScanProfileBuiltIns::find(const QString& id)
{
    for (ScanProfile& profile : all())
        if (profile.id == id)
            return std::move(profile);
    return std::nullopt;
}

bool ScanProfileBuiltIns::isBuiltIn(const QString& id)
{
    return !builtInName(id).isEmpty();
}

QString ScanProfileBuiltIns::displayName(const ScanProfile& profile)
{
    if (!profile.name.isEmpty())
        return profile.name;
    const QString name = builtInName(profile.id);
    return name.isEmpty() ? profile.id : name;
}

} // namespace sohoa::usecases
