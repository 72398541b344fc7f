// SPDX-License-Identifier: GPL-3.0-or-later
// Writes A4 pages of real Vietnamese administrative text (lines of the seed documents) as
// PNG files (or colour PPM, what SANE's pnm backend scans) with their truth text beside them:
// input for the OCR and scanning benchmarks. Each page starts with its number, so no two pages
// are alike (the OCR cache would answer a repeated page without reading it).
// Usage: sohoa-bench-render-pages SEED.txt OUT_DIR PAGES [DPI] [png|ppm]
#include "support/RenderedPage.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <cstdio>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: %s SEED.txt OUT_DIR PAGES [DPI] [png|ppm]\n", argv[0]);
        return 2;
    }
    QFile seed(args[1]);
    if (!seed.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 3;
    }
    // Lines that fit the page width at 13 pt, without the layout's leftover whitespace.
    QStringList lines;
    for (const QString& raw : QString::fromUtf8(seed.readAll()).split(QLatin1Char('\n'))) {
        const QString line = raw.simplified();
        if (line.size() >= 20 && line.size() <= 85)
            lines << line;
    }
    const int pages = args[3].toInt();
    const int dpi = args.size() > 4 ? args[4].toInt() : 300;
    const bool ppm = args.size() > 5 && args[5] == QLatin1String("ppm");
    constexpr int kLinesPerPage = 28;
    QDir().mkpath(args[2]);
    for (int page = 0; page < pages && !lines.isEmpty(); ++page) {
        QStringList pageLines{QStringLiteral("Trang %1").arg(page + 1)};
        for (int i = 1; i < kLinesPerPage; ++i)
            pageLines << lines[(page * kLinesPerPage + i) % lines.size()];
        const sohoa::testing::RenderedPage rendered = sohoa::testing::renderPage(pageLines, dpi);
        const QString base = QDir(args[2]).filePath(
            QStringLiteral("page-%1").arg(page + 1, 3, 10, QLatin1Char('0')));
        if (ppm)
            rendered.image.convertToFormat(QImage::Format_RGB888)
                .save(base + QStringLiteral(".ppm"));
        else
            rendered.image.save(base + QStringLiteral(".png"));
        QFile truth(base + QStringLiteral(".txt"));
        if (truth.open(QIODevice::WriteOnly))
            truth.write(rendered.truth.toUtf8());
    }
    return 0;
}
