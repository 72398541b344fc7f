// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfa/PdfaChecker.h"

#include "pdfa/PdfaChecks.h"

#include <algorithm>
#include <exception>
#include <qpdf/QPDFExc.hh>

namespace sohoa::testing {

namespace pdfa {

void Report::add(const char* clause, const QString& message)
{
    // Messages may open with an object's description ("page 1: ..."); findings read as sentences.
    QString sentence = message;
    if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
    findings_.push_back({QString::fromLatin1(clause), sentence});
}

std::vector<PdfaFinding> Report::take()
{
    std::vector<PdfaFinding> unique;
    for (PdfaFinding& finding : findings_) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&](const PdfaFinding& f) {
            return f.clause == finding.clause && f.message == finding.message;
        });
        if (!seen)
            unique.push_back(std::move(finding));
    }
    findings_.clear();
    return unique;
}

} // namespace pdfa

QString toString(const PdfaFinding& finding)
{
    return QLatin1Char('[') + finding.clause + QStringLiteral("] ") + finding.message;
}

std::vector<PdfaFinding> checkPdfA2b(const QByteArray& bytes)
{
    pdfa::Report report;
    QPDF pdf;
    // Warnings are collected and reported as findings below, not printed.
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("PDF", bytes.constData(), static_cast<size_t>(bytes.size()));
    } catch (const std::exception& error) {
        report.add("6.1", QStringLiteral("qpdf cannot read the file: %1")
                              .arg(QString::fromStdString(error.what())));
        return report.take();
    }

    // One group failing on a damaged object must not hide what the others find.
    const auto guarded = [&report](const std::function<void()>& check) {
        try {
            check();
        } catch (const std::exception& error) {
            report.add("6.1", QStringLiteral("qpdf reports damage: %1")
                                  .arg(QString::fromStdString(error.what())));
        }
    };
    guarded([&] { pdfa::checkFileStructure(bytes, pdf, report); });
    guarded([&] { pdfa::checkMetadata(pdf, report); });
    pdfa::DocumentParts parts;
    guarded([&] { parts = pdfa::collectParts(pdf); });
    guarded([&] { pdfa::checkGraphics(pdf, parts, report); });
    guarded([&] { pdfa::checkFonts(parts, report); });
    guarded([&] { pdfa::checkInteractive(bytes, pdf, parts, report); });

    // Syntax qpdf had to repair (bad offsets, lengths or tokens) and streams it could not
    // decode while the checks read them.
    for (const QPDFExc& warning : pdf.getWarnings())
        report.add(
            "6.1",
            QStringLiteral("qpdf reports damage: %1").arg(QString::fromStdString(warning.what())));
    return report.take();
}

} // namespace sohoa::testing
