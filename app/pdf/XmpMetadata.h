// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sohoa::pdf {

struct PdfMetadata;

// The XMP packet of a PDF/A-2b file: PDF/A identification (part 2, conformance B), the same
// title, producer and dates as the document information dictionary (ISO 19005-2 6.6.2.3
// requires them to agree), the language, and the dossier and component codes in SoHoa's own
// schema, which PDF/A requires to be described inside the packet (extension schema).
QByteArray xmpPacket(const PdfMetadata& meta, const QString& producer, const QDateTime& created);

// The XMP form of a date: ISO 8601 with the UTC offset, to the second, as the PDF date is.
QString xmpDate(const QDateTime& time);

} // namespace sohoa::pdf
