// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the checks behind checkPdfA2b(): the report they add to, what the pages reach, and
// one entry point per group of ISO 19005-2 clauses.
#pragma once

#include "pdfa/PdfaChecker.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <vector>

namespace sohoa::testing::pdfa {

class Report
{
public:
    void add(const char* clause, const QString& message);
    // The findings in the order found, each reported once.
    std::vector<PdfaFinding> take();

private:
    std::vector<PdfaFinding> findings_;
};

// "object 12 0" for an indirect object, "a direct object" otherwise.
QString describe(QPDFObjectHandle object);
// The name without its slash, or an empty string when the object is not a name.
QString nameOf(QPDFObjectHandle object);
bool isName(QPDFObjectHandle object, const char* name);
// The filter names of a stream, whether /Filter is a name or an array.
std::vector<std::string> filtersOf(QPDFObjectHandle stream);
// Decoded stream data; throws when qpdf cannot decode it.
QByteArray decodedData(QPDFObjectHandle stream);

// Visits every object of the file once: each indirect object and everything nested directly in
// it (dictionary values, array items, stream dictionaries). `owner` is the indirect object.
void forEachObject(
    QPDF& pdf, const std::function<void(QPDFObjectHandle object, QPDFObjectHandle owner)>& visit);

// A content stream (page contents, form XObject, appearance stream, tiling pattern, Type 3
// glyph) with the resources it is drawn with.
struct ContentStream
{
    QPDFObjectHandle contents; // a stream or an array of streams
    QPDFObjectHandle resources;
    QString where;
};

struct Resources
{
    QPDFObjectHandle dictionary;
    QString where; // the first content stream found using them
};

struct Annotation
{
    QPDFObjectHandle dictionary;
    int page = 0; // 1-based
};

// Everything the pages reach, each indirect object once.
struct DocumentParts
{
    std::vector<QPDFObjectHandle> pages;
    std::vector<ContentStream> contents;
    std::vector<Resources> resources;
    std::vector<Annotation> annotations;
};

DocumentParts collectParts(QPDF& pdf);

// 6.1: header, trailer, end of file, streams, names and implementation limits.
void checkFileStructure(const QByteArray& bytes, QPDF& pdf, Report& report);
// 6.6: the XMP packet and its agreement with the document information dictionary.
void checkMetadata(QPDF& pdf, Report& report);
// 6.2.2–6.2.10: output intent, colour spaces, images, XObjects, graphics state, transparency.
void checkGraphics(QPDF& pdf, const DocumentParts& parts, Report& report);
// 6.2.11: fonts.
void checkFonts(const DocumentParts& parts, Report& report);
// 6.1.12, 6.3–6.5, 6.8–6.10: annotations, forms, signatures, actions, embedded files,
// optional content, alternate presentations.
void checkInteractive(const QByteArray& bytes, QPDF& pdf, const DocumentParts& parts,
                      Report& report);

} // namespace sohoa::testing::pdfa
