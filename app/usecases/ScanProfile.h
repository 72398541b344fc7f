// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Page.h"
#include "imaging/PagePipeline.h"
#include "pdf/PdfImageEncoder.h"
#include "scanner/ScanTypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace sohoa::usecases {

// What lies on the glass: Circular 05/2025 sets the minimum resolution by it.
enum class Material
{
    Papers,  // administrative papers (văn bản hành chính): 200 dpi
    Drawings // maps and drawings (bản đồ, bản vẽ): 300 dpi
};

// A named settings preset for scanning (hồ sơ quét): how the scanner is set, how the pages are
// cleaned and how their images are stored. Plain value; ScanProfileRepository keeps them.
struct ScanProfile
{
    Q_DECLARE_TR_FUNCTIONS(ScanProfile)

public:
    QString id;   // stable, ASCII: lower-case letters, digits and '-' (e.g. "van-ban")
    QString name; // the officer's name for it; empty on a built-in: its translated name
    Material material = Material::Papers;
    scanner::Source source = scanner::Source::Flatbed;
    scanner::ColorMode mode = scanner::ColorMode::Color;
    int dpi = domain::Page::kAdministrativeDpi;
    bool deskew = true;
    bool crop = false;
    bool detectBlank = true;
    double blankThreshold = imaging::BlankOptions{}.maxInkCoverage; // share of the page in ink
    int jpegQuality = pdf::PdfImageOptions{}.jpegQuality;

    // The settings by the names the command line uses ("dpi", "blank-threshold", ...), in
    // display order; JSON uses the same names with '_' for '-'.
    static QStringList keys();
    QJsonValue value(const QString& key) const;
    // Parses and checks one setting (bounded, like the workstation settings); throws
    // UserError(InvalidInput) naming the setting and what it accepts.
    void set(const QString& key, const QString& text);

    QJsonObject toJson() const;
    // Every value goes through set(), so a stored profile is held to the same bounds.
    static ScanProfile fromJson(const QJsonObject& object);
    static void requireValidId(const QString& id);

    imaging::PipelineOptions pipelineOptions() const;
    pdf::PdfImageOptions imageOptions() const;

    bool operator==(const ScanProfile& other) const = default;
};

std::string_view materialName(Material material) noexcept;
std::optional<Material> parseMaterial(std::string_view text);

} // namespace sohoa::usecases
