// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

namespace sohoa::testing {

// One way a file falls short of PDF/A-2b (ISO 19005-2, level B), or of SoHoa's own stricter
// rules for its digitized copies (no transparency, searchable text, XMP equal to the document
// information dictionary). Messages of SoHoa's own rules start with "SoHoa rule:".
struct PdfaFinding
{
    QString clause;  // of ISO 19005-2, e.g. "6.2.11.4.1"; "6.1" for damage qpdf reports
    QString message; // plain English, naming the object concerned
};

// "[clause] message", as the command-line checker prints it.
QString toString(const PdfaFinding& finding);

// Checks the structure of a complete PDF file (an incremental update included) against the
// clauses of ISO 19005-2 that SoHoa's files can get wrong: scanned images, an invisible text
// layer in an embedded font, XMP, an output intent, and a signature added later. It is not a
// full validator: content streams are parsed for colour and inline images only, and font
// programs for their widths only. No PDF/A validator is packaged in Debian; this is built on
// libqpdf instead. An empty result means no finding.
std::vector<PdfaFinding> checkPdfA2b(const QByteArray& pdf);

} // namespace sohoa::testing
