// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF/A-2b checker, specified by example: a minimal PDF/A-2b file built here with qpdf has
// no finding; each rule broken on a copy of it is found under its clause; a signature added by
// incremental update is accepted; and the searchable PDF writer's output passes.
#include "pdf/GlyphlessFont.h"
#include "pdf/SearchablePdfWriter.h"
#include "pdfa/PdfaChecker.h"
#include "support/ToolRunner.h"

#include <QBuffer>
#include <QColorSpace>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

using sohoa::testing::checkPdfA2b;
using sohoa::testing::PdfaFinding;

namespace {

const QString title = QStringLiteral("Giấy khai sinh");
constexpr char pdfDate[] = "D:20250515093000+07'00'";
constexpr char sohoaNamespace[] = "http://example.org/sohoa/1.0/";

QString listed(const std::vector<PdfaFinding>& findings)
{
    QStringList lines;
    for (const PdfaFinding& finding : findings)
        lines << sohoa::testing::toString(finding);
    return lines.join(QLatin1Char('\n'));
}

bool hasClause(const std::vector<PdfaFinding>& findings, const QString& clause)
{
    return std::any_of(findings.begin(), findings.end(),
                       [&clause](const PdfaFinding& finding) { return finding.clause == clause; });
}

struct XmpOptions
{
    QString part = QStringLiteral("2");
    QString date = QStringLiteral("2025-05-15T09:30:00+07:00"); // CreateDate and ModifyDate
    bool identificationAsAttributes = false;
    QString extra; // more rdf:Description elements
};

// XMP as SoHoa writes it: title, dates, producer, PDF/A identification, and a custom property
// declared in an extension schema. Dates are attributes, the rest elements, so both RDF forms
// are exercised.
QByteArray xmpPacket(const XmpOptions& options = {})
{
    const QString identification =
        options.identificationAsAttributes
            ? QStringLiteral("  <rdf:Description rdf:about=\"\" "
                             "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"%1\" "
                             "pdfaid:conformance=\"B\"/>\n")
                  .arg(options.part)
            : QStringLiteral("  <rdf:Description rdf:about=\"\" "
                             "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                             "   <pdfaid:part>%1</pdfaid:part>\n"
                             "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                             "  </rdf:Description>\n")
                  .arg(options.part);
    const QString xml = QStringLiteral(R"(<?xpacket begin="%1" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%2</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmp:CreateDate="%3" xmp:ModifyDate="%3"/>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>SoHoa test</pdf:Producer>
  </rdf:Description>
%4  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>SoHoa dossier reference</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>%5</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>sohoa</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>DossierCode</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>Dossier the document belongs to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:sohoa="%5" sohoa:DossierCode="000.00.21.H08-250515-0001"/>
%6 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)");
    return xml
        .arg(QString(QChar(0xFEFF)), title, options.date, identification,
             QLatin1String(sohoaNamespace), options.extra)
        .toUtf8();
}

// Sets the entries of `entries` (PDF syntax, direct objects only) on a stream's dictionary.
void setEntries(QPDFObjectHandle stream, const char* entries)
{
    for (auto& [key, value] : QPDFObjectHandle::parse(entries).getDictAsMap())
        stream.getDict().replaceKey(key, value);
}

QByteArray written(QPDF& pdf, const std::function<void(QPDFWriter&)>& configure = {})
{
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setMinimumPDFVersion("1.7");
    writer.setDecodeLevel(qpdf_dl_none);    // streams stay as built, LZW included
    writer.setNewlineBeforeEndstream(true); // which PDF/A requires and qpdf omits by default
    writer.setDeterministicID(true);
    if (configure)
        configure(writer);
    writer.write();
    const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char*>(buffer->getBuffer()),
                      static_cast<qsizetype>(buffer->getSize()));
}

// One page: a 2 x 2 RGB "scan" drawn full size and two characters of invisible text in SoHoa's
// glyphless font; sRGB output intent; XMP and document information that agree.
QByteArray compliantPdf()
{
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle root = pdf.getRoot();

    const QByteArray icc = QColorSpace(QColorSpace::SRgb).iccProfile();
    QPDFObjectHandle profile = pdf.newStream(icc.toStdString());
    setEntries(profile, "<< /N 3 >>");
    QPDFObjectHandle intent = QPDFObjectHandle::parse(
        "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) >>");
    intent.replaceKey("/DestOutputProfile", profile);
    root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray(std::vector{intent}));

    QPDFObjectHandle metadata = pdf.newStream(xmpPacket().toStdString());
    setEntries(metadata, "<< /Type /Metadata /Subtype /XML >>");
    root.replaceKey("/Metadata", metadata);
    root.replaceKey("/Lang", QPDFObjectHandle::newString("vi"));

    const QByteArray& program = sohoa::pdf::glyphless::trueTypeFont();
    QPDFObjectHandle fontFile = pdf.newStream(program.toStdString());
    fontFile.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(program.size()));
    QByteArray glyphMap;
    for (int cid = 0; cid < 128; ++cid)
        glyphMap.append('\0').append(static_cast<char>(sohoa::pdf::glyphless::emptyGlyph));
    QPDFObjectHandle descriptor = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /FontDescriptor /FontName /SohoaGlyphless /Flags 5 /FontBBox [0 -200 500 800]"
        " /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"));
    descriptor.replaceKey("/FontFile2", fontFile);
    QPDFObjectHandle cidFont = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SohoaGlyphless /CIDSystemInfo"
        " << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [0 127 500] >>"));
    cidFont.replaceKey("/FontDescriptor", descriptor);
    cidFont.replaceKey("/CIDToGIDMap", pdf.newStream(glyphMap.toStdString()));
    QPDFObjectHandle toUnicode =
        pdf.newStream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                      "1 beginbfrange <0000> <007F> <0000> endbfrange\n"
                      "endcmap CMapName currentdict /CMap defineresource pop end end\n");
    QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Font /Subtype /Type0 /BaseFont /SohoaGlyphless-Identity-H"
        " /Encoding /Identity-H >>"));
    font.replaceKey("/DescendantFonts", QPDFObjectHandle::newArray(std::vector{cidFont}));
    font.replaceKey("/ToUnicode", toUnicode);

    QPDFObjectHandle image = pdf.newStream(std::string("\xff\0\0\0\xff\0\0\0\xff\xff\xff\xff", 12));
    setEntries(image, "<< /Type /XObject /Subtype /Image /Width 2 /Height 2"
                      " /ColorSpace /DeviceRGB /BitsPerComponent 8 >>");
    QPDFObjectHandle contents =
        pdf.newStream(std::string("q 100 0 0 100 50 50 cm /Im0 Do Q\n"
                                  "BT 3 Tr /F0 12 Tf 50 150 Td <00410042> Tj ET\n"));
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary(
        {{"/XObject", QPDFObjectHandle::newDictionary({{"/Im0", image}})},
         {"/Font", QPDFObjectHandle::newDictionary({{"/F0", font}})}});
    QPDFObjectHandle page = pdf.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] >>"));
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", contents);
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);

    QPDFObjectHandle info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title.toStdString()));
    info.replaceKey("/Producer", QPDFObjectHandle::newString("SoHoa test"));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfDate));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfDate));
    pdf.getTrailer().replaceKey("/Info", info);
    return written(pdf);
}

// Opens a copy of `original`, lets `change` edit it, writes it out again.
QByteArray changed(const QByteArray& original, const std::function<void(QPDF&)>& change,
                   const std::function<void(QPDFWriter&)>& configure = {})
{
    QPDF pdf;
    pdf.processMemoryFile("fixture", original.constData(), static_cast<size_t>(original.size()));
    change(pdf);
    return written(pdf, configure);
}

using Mutation = std::function<QByteArray(const QByteArray&)>;

Mutation viaQpdf(const std::function<void(QPDF&)>& change)
{
    return [change](const QByteArray& original) { return changed(original, change); };
}

QPDFObjectHandle firstPage(QPDF& pdf)
{
    return pdf.getAllPages().front();
}

QPDFObjectHandle resource(QPDF& pdf, const char* category, const char* name)
{
    return firstPage(pdf).getKey("/Resources").getKey(category).getKey(name);
}

QPDFObjectHandle cidFont(QPDF& pdf)
{
    return resource(pdf, "/Font", "/F0").getKey("/DescendantFonts").getArrayItem(0);
}

void replaceXmp(QPDF& pdf, const QByteArray& xmp)
{
    pdf.getRoot()
        .getKey("/Metadata")
        .replaceStreamData(xmp.toStdString(), QPDFObjectHandle::newNull(),
                           QPDFObjectHandle::newNull());
}

void appendToContents(QPDF& pdf, const std::string& operators)
{
    QPDFObjectHandle contents = firstPage(pdf).getKey("/Contents");
    const std::shared_ptr<Buffer> data = contents.getStreamData();
    contents.replaceStreamData(
        std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) + operators,
        QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// A rectangle drawn in the sRGB output intent's colour space, as a normal appearance.
QPDFObjectHandle appearance(QPDF& pdf)
{
    QPDFObjectHandle stream = pdf.newStream(std::string("0 0 0 RG 1 1 38 38 re S\n"));
    setEntries(stream, "<< /Type /XObject /Subtype /Form /BBox [0 0 40 40] >>");
    return stream;
}

// Puts one annotation on page 1; `withAppearance` gives it a normal appearance stream.
void annotate(QPDF& pdf, const char* dictionary, bool withAppearance = true)
{
    QPDFObjectHandle annotation = pdf.makeIndirectObject(QPDFObjectHandle::parse(dictionary));
    if (withAppearance)
        annotation.replaceKey("/AP", QPDFObjectHandle::newDictionary({{"/N", appearance(pdf)}}));
    firstPage(pdf).replaceKey("/Annots", QPDFObjectHandle::newArray(std::vector{annotation}));
}

// Adds a stream holding `data` already encoded with `filter`, placed by `place`. qpdf decodes
// filtered data it is handed when it writes, so the filter goes into the written bytes instead,
// over a placeholder entry of the same length.
QByteArray withRawFilter(const QByteArray& original, const QByteArray& filter,
                         const QByteArray& data,
                         const std::function<void(QPDF&, QPDFObjectHandle)>& place)
{
    const QByteArray key = "/" + QByteArray(6, 'X'); // as long as "/Filter"
    const QByteArray value = "/" + QByteArray(filter.size(), 'Y');
    QByteArray out = changed(
        original,
        [&](QPDF& pdf) {
            QPDFObjectHandle stream = pdf.newStream(data.toStdString());
            stream.getDict().replaceKey(key.toStdString(),
                                        QPDFObjectHandle::newName(value.toStdString()));
            place(pdf, stream);
        },
        [](QPDFWriter& writer) { writer.setCompressStreams(false); });
    return out.replace(key + ' ' + value, "/Filter /" + filter);
}

// An LZW stream whose data decodes to "A": clear-table, 'A', end-of-data in 9-bit codes.
QByteArray lzwOfA()
{
    return QByteArray("\x80\x10\x60\x20", 4);
}

struct MutationCase
{
    const char* name;
    const char* clause;
    Mutation apply;
};

const std::vector<MutationCase>& mutationCases()
{
    static const std::vector<MutationCase> cases = {
        {"header without binary comment", "6.1.2",
         [](const QByteArray& pdf) {
             QByteArray out = pdf;
             const qsizetype comment = out.indexOf('\n') + 1;
             out.replace(comment + 1, 4, "abcd");
             return out;
         }},
        {"data after %%EOF", "6.1.3",
         [](const QByteArray& pdf) { return pdf + "\n% appended by a careless tool\n"; }},
        {"no file identifier", "6.1.3",
         [](const QByteArray& pdf) {
             QByteArray out = pdf;
             const qsizetype id = out.lastIndexOf("/ID [");
             const qsizetype end = out.indexOf(']', id) + 1;
             out.replace(id, end - id, QByteArray(end - id, ' '));
             return out;
         }},
        {"encrypted", "6.1.3",
         [](const QByteArray& pdf) {
             return changed(
                 pdf, [](QPDF&) {},
                 [](QPDFWriter& writer) {
                     writer.setDeterministicID(false);
                     writer.setR6EncryptionParameters("", "owner", true, true, true, true, true,
                                                      true, qpdf_r3p_full, false);
                 });
         }},
        {"damaged cross-reference offset", "6.1",
         [](const QByteArray& pdf) {
             QByteArray out = pdf;
             const qsizetype at = out.lastIndexOf("startxref\n") + 10;
             const qsizetype end = out.indexOf('\n', at);
             out.replace(at, end - at, QByteArray::number(out.mid(at, end - at).toLongLong() + 7));
             return out;
         }},
        {"stream length one too long", "6.1.7.1",
         [](const QByteArray& pdf) {
             QByteArray out = pdf;
             const qsizetype at = out.indexOf("/Length ") + 8;
             qsizetype end = at;
             while (std::isdigit(static_cast<unsigned char>(out[end])) != 0)
                 ++end;
             out.replace(at, end - at, QByteArray::number(out.mid(at, end - at).toLongLong() + 1));
             return out;
         }},
        {"stream data in an external file", "6.1.7.1", viaQpdf([](QPDF& pdf) {
             resource(pdf, "/XObject", "/Im0")
                 .getDict()
                 .replaceKey("/F", QPDFObjectHandle::newString("scan.raw"));
         })},
        {"LZW filter", "6.1.7.2",
         [](const QByteArray& pdf) {
             return withRawFilter(pdf, "LZWDecode", lzwOfA(),
                                  [](QPDF& file, QPDFObjectHandle stream) {
                                      file.getRoot().replaceKey("/SohoaTestData", stream);
                                  });
         }},
        {"no metadata", "6.6.2.1",
         viaQpdf([](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); })},
        {"compressed metadata", "6.6.2.1",
         [](const QByteArray& pdf) {
             return withRawFilter(pdf, "FlateDecode", qCompress(xmpPacket()).mid(4),
                                  [](QPDF& file, QPDFObjectHandle stream) {
                                      setEntries(stream, "<< /Type /Metadata /Subtype /XML >>");
                                      file.getRoot().replaceKey("/Metadata", stream);
                                  });
         }},
        {"XMP not well-formed", "6.6.2.1",
         viaQpdf([](QPDF& pdf) { replaceXmp(pdf, xmpPacket().replace("</dc:title>", "")); })},
        {"pdfaid:part 1", "6.6.4", viaQpdf([](QPDF& pdf) {
             XmpOptions options;
             options.part = QStringLiteral("1");
             replaceXmp(pdf, xmpPacket(options));
         })},
        {"undeclared XMP property", "6.6.2.3.1", viaQpdf([](QPDF& pdf) {
             XmpOptions options;
             options.extra = QStringLiteral("  <rdf:Description rdf:about=\"\" xmlns:sohoa=\"%1\" "
                                            "sohoa:ComponentCode=\"TP-HT-01\"/>\n")
                                 .arg(QLatin1String(sohoaNamespace));
             replaceXmp(pdf, xmpPacket(options));
         })},
        {"title differs from dc:title", "19005-1 6.7.3", viaQpdf([](QPDF& pdf) {
             pdf.getTrailer().getKey("/Info").replaceKey(
                 "/Title", QPDFObjectHandle::newUnicodeString("Giấy chứng tử"));
         })},
        {"creation date differs from xmp:CreateDate", "19005-1 6.7.3", viaQpdf([](QPDF& pdf) {
             pdf.getTrailer().getKey("/Info").replaceKey(
                 "/CreationDate", QPDFObjectHandle::newString("D:20250515103000+07'00'"));
         })},
        {"no output intent", "6.2.3",
         viaQpdf([](QPDF& pdf) { pdf.getRoot().removeKey("/OutputIntents"); })},
        {"output profile /N wrong", "6.2.3", viaQpdf([](QPDF& pdf) {
             pdf.getRoot()
                 .getKey("/OutputIntents")
                 .getArrayItem(0)
                 .getKey("/DestOutputProfile")
                 .getDict()
                 .replaceKey("/N", QPDFObjectHandle::newInteger(4));
         })},
        {"CMYK colour with an RGB output intent", "6.2.4.3",
         viaQpdf([](QPDF& pdf) { appendToContents(pdf, "0 0 0 1 k 0 0 10 10 re f\n"); })},
        {"undefined operator", "6.2.2",
         viaQpdf([](QPDF& pdf) { appendToContents(pdf, "1 2 frobnicate\n"); })},
        {"interpolated image", "6.2.8", viaQpdf([](QPDF& pdf) {
             resource(pdf, "/XObject", "/Im0")
                 .getDict()
                 .replaceKey("/Interpolate", QPDFObjectHandle::newBool(true));
         })},
        {"image with a soft mask", "6.2.10", viaQpdf([](QPDF& pdf) {
             QPDFObjectHandle mask = pdf.newStream(std::string(4, '\x80'));
             setEntries(mask, "<< /Type /XObject /Subtype /Image /Width 2 /Height 2"
                              " /ColorSpace /DeviceGray /BitsPerComponent 8 >>");
             resource(pdf, "/XObject", "/Im0").getDict().replaceKey("/SMask", mask);
         })},
        {"graphics state with constant alpha", "6.2.10", viaQpdf([](QPDF& pdf) {
             firstPage(pdf)
                 .getKey("/Resources")
                 .replaceKey("/ExtGState", QPDFObjectHandle::parse("<< /GS0 << /ca 0.5 >> >>"));
         })},
        {"page transparency group", "6.2.10", viaQpdf([](QPDF& pdf) {
             firstPage(pdf).replaceKey(
                 "/Group", QPDFObjectHandle::parse("<< /S /Transparency /CS /DeviceRGB >>"));
         })},
        {"font not embedded", "6.2.11.4.1", viaQpdf([](QPDF& pdf) {
             cidFont(pdf).getKey("/FontDescriptor").removeKey("/FontFile2");
         })},
        {"CIDFontType2 without CIDToGIDMap", "6.2.11.3.2",
         viaQpdf([](QPDF& pdf) { cidFont(pdf).removeKey("/CIDToGIDMap"); })},
        {"widths disagree with the font program", "6.2.11.5", viaQpdf([](QPDF& pdf) {
             cidFont(pdf).replaceKey("/W", QPDFObjectHandle::parse("[0 127 600]"));
         })},
        {"no ToUnicode", "6.2.11.7.2",
         viaQpdf([](QPDF& pdf) { resource(pdf, "/Font", "/F0").removeKey("/ToUnicode"); })},
        {"screen annotation", "6.3.1", viaQpdf([](QPDF& pdf) {
             annotate(pdf, "<< /Type /Annot /Subtype /Screen /Rect [10 10 50 50] /F 4 >>");
         })},
        {"annotation that does not print", "6.3.2", viaQpdf([](QPDF& pdf) {
             annotate(pdf, "<< /Type /Annot /Subtype /Square /Rect [10 10 50 50] >>");
         })},
        {"annotation without appearance", "6.3.3", viaQpdf([](QPDF& pdf) {
             annotate(pdf, "<< /Type /Annot /Subtype /Square /Rect [10 10 50 50] /F 4 >>", false);
         })},
        {"form needing appearances", "6.4.1", viaQpdf([](QPDF& pdf) {
             pdf.getRoot().replaceKey(
                 "/AcroForm", QPDFObjectHandle::parse("<< /Fields [] /NeedAppearances true >>"));
         })},
        {"widget with additional actions", "6.4.1", viaQpdf([](QPDF& pdf) {
             annotate(pdf, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name)"
                           " /Rect [10 10 50 50] /F 4"
                           " /AA << /K << /S /URI /URI (https://example.org/) >> >> >>");
         })},
        {"JavaScript open action", "6.5.1", viaQpdf([](QPDF& pdf) {
             pdf.getRoot().replaceKey(
                 "/OpenAction", QPDFObjectHandle::parse("<< /S /JavaScript /JS (app.alert(1)) >>"));
         })},
        {"page additional actions", "6.5.2", viaQpdf([](QPDF& pdf) {
             firstPage(pdf).replaceKey(
                 "/AA",
                 QPDFObjectHandle::parse("<< /O << /S /URI /URI (https://example.org/) >> >>"));
         })},
        {"embedded file", "6.8", viaQpdf([](QPDF& pdf) {
             QPDFObjectHandle file = pdf.newStream(std::string("not PDF/A"));
             setEntries(file, "<< /Type /EmbeddedFile >>");
             QPDFObjectHandle specification =
                 QPDFObjectHandle::parse("<< /Type /Filespec /F (note.txt) >>");
             specification.replaceKey("/EF", QPDFObjectHandle::newDictionary({{"/F", file}}));
             QPDFObjectHandle tree = QPDFObjectHandle::newDictionary(
                 {{"/Names", QPDFObjectHandle::newArray(std::vector{
                                 QPDFObjectHandle::newString("note.txt"), specification})}});
             pdf.getRoot().replaceKey("/Names",
                                      QPDFObjectHandle::newDictionary({{"/EmbeddedFiles", tree}}));
         })},
    };
    return cases;
}

// Appends what signing appends, as an incremental update: a signature field merged with its
// widget (printed, with a normal appearance) on page 1, the signature dictionary with a
// zero-filled /Contents, and the AcroForm. /ByteRange then covers everything but /Contents,
// less `shortBy` bytes at the end.
QByteArray signedCopy(const QByteArray& original, qsizetype shortBy = 0)
{
    QPDF pdf;
    pdf.processMemoryFile("fixture", original.constData(), static_cast<size_t>(original.size()));
    QPDFObjectHandle trailer = pdf.getTrailer();
    const int size = static_cast<int>(trailer.getKey("/Size").getIntValue());
    const auto reference = [](int number) { return QByteArray::number(number) + " 0 R"; };
    const int signature = size;
    const int widget = size + 1;
    const int stream = size + 2;
    QPDFObjectHandle page = firstPage(pdf);
    QPDFObjectHandle root = pdf.getRoot();

    const QByteArray placeholder = "/ByteRange [0 0000000000 0000000000 0000000000]";
    const QByteArray drawing = "0 0 0 RG 1 1 98 28 re S";
    std::map<int, QByteArray> objects;
    objects[signature] = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached " +
                         placeholder + " /Contents <" + QByteArray(2 * 4096, '0') +
                         "> /M (D:20250515100000+07'00') >>";
    objects[widget] = "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V " +
                      reference(signature) + " /Rect [90 160 190 190] /F 132 /P " +
                      reference(page.getObjectID()) + " /AP << /N " + reference(stream) + " >> >>";
    objects[stream] = "<< /Type /XObject /Subtype /Form /BBox [0 0 100 30] /Length " +
                      QByteArray::number(drawing.size()) + " >>\nstream\n" + drawing +
                      "\nendstream";
    QByteArray pageBody = QByteArray::fromStdString(page.unparseResolved());
    objects[page.getObjectID()] = pageBody.chopped(2) + " /Annots [" + reference(widget) + "] >>";
    QByteArray rootBody = QByteArray::fromStdString(root.unparseResolved());
    objects[root.getObjectID()] =
        rootBody.chopped(2) + " /AcroForm << /Fields [" + reference(widget) + "] /SigFlags 3 >> >>";

    QByteArray out = original.endsWith('\n') ? original : original + '\n';
    QByteArray xref = "xref\n0 1\n0000000000 65535 f\r\n";
    for (auto& [number, body] : objects) {
        xref += QByteArray::number(number) + " 1\n" +
                QByteArray::number(out.size()).rightJustified(10, '0') + " 00000 n\r\n";
        out += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    }
    const qsizetype xrefOffset = out.size();
    const qsizetype previous = original.lastIndexOf("startxref\n") + 10;
    QPDFObjectHandle id = trailer.getKey("/ID");
    out += xref + "trailer\n<< /Size " + QByteArray::number(size + 3) + " /Root " +
           reference(root.getObjectID()) + " /Info " +
           reference(trailer.getKey("/Info").getObjectID()) + " /Prev " +
           original.mid(previous, original.indexOf('\n', previous) - previous) + " /ID [<" +
           QByteArray::fromStdString(id.getArrayItem(0).getStringValue()).toHex() + "> <" +
           QByteArray::fromStdString(id.getArrayItem(1).getStringValue()).toHex() +
           ">] >>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";

    const qsizetype range = out.indexOf(placeholder);
    const qsizetype gapStart = out.indexOf("/Contents <", range) + 10;
    const qsizetype gapEnd = out.indexOf('>', gapStart) + 1;
    const auto field = [](qsizetype value) { return QByteArray::number(value).leftJustified(10); };
    out.replace(range, placeholder.size(),
                "/ByteRange [0 " + field(gapStart) + ' ' + field(gapEnd) + ' ' +
                    field(out.size() - gapEnd - shortBy) + ']');
    return out;
}

// A two-page dossier scan with two OCR words a page, written by SoHoa's searchable PDF writer
// from images of `format` (Format_Mono: line art, which the writer stores as CCITT G4).
QByteArray writerOutput(QImage::Format format, sohoa::pdf::ImageEncoding encoding)
{
    QImage drawn(800, 600, QImage::Format_RGB32);
    drawn.fill(Qt::white);
    QPainter painter(&drawn);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(40);
    painter.setFont(font);
    painter.setPen(Qt::black);
    const QRect first(100, 60, 120, 50);
    const QRect second(240, 60, 110, 50);
    painter.drawText(first, Qt::AlignCenter, QStringLiteral("Giấy"));
    painter.drawText(second, Qt::AlignCenter, QStringLiteral("khai"));
    painter.end();
    const QImage image = drawn.convertToFormat(format);

    sohoa::ocr::Line line;
    line.words = {{QStringLiteral("Giấy"), first, 91.0F}, {QStringLiteral("khai"), second, 90.0F}};
    line.box = first.united(second);
    line.baselineY = 100;
    sohoa::ocr::PageText text;
    text.lines.push_back(line);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    sohoa::pdf::PdfMetadata meta;
    meta.title = title;
    meta.dossierCode = QStringLiteral("000.00.21.H08-250515-0001");
    meta.componentCode = QStringLiteral("TP-HT-01");
    meta.creationDate = QDateTime(QDate(2025, 5, 15), QTime(9, 30), QTimeZone(7 * 3600));
    sohoa::pdf::SearchablePdfWriter writer(buffer, meta, {encoding, 75});
    writer.addPage(image, 200, text);
    writer.addPage(image, 200, text);
    writer.finish();
    return bytes;
}

} // namespace

class TestPdfaChecker : public QObject
{
    Q_OBJECT

private slots:
    void compliantFileHasNoFinding();
    void equivalentFormsPass_data();
    void equivalentFormsPass();
    void findsEachViolation_data();
    void findsEachViolation();
    void acceptsSignatureUpdate_data();
    void acceptsSignatureUpdate();
    void signatureMustCoverTheFile();
    void reportsUnreadableInput();
    void writerOutputIsPdfA2b_data();
    void writerOutputIsPdfA2b();
    void commandLineReportsPerFile();
};

void TestPdfaChecker::compliantFileHasNoFinding()
{
    QVERIFY(!QColorSpace(QColorSpace::SRgb).iccProfile().isEmpty());
    const std::vector<PdfaFinding> findings = checkPdfA2b(compliantPdf());
    QVERIFY2(findings.empty(), qPrintable(listed(findings)));
}

void TestPdfaChecker::equivalentFormsPass_data()
{
    QTest::addColumn<QByteArray>("xmp");
    XmpOptions attributes;
    attributes.identificationAsAttributes = true;
    QTest::newRow("pdfaid as attributes") << xmpPacket(attributes);
    XmpOptions utc;
    utc.date = QStringLiteral("2025-05-15T02:30:00Z"); // the Info dates' instant, in UTC
    QTest::newRow("XMP dates in UTC") << xmpPacket(utc);
}

void TestPdfaChecker::equivalentFormsPass()
{
    QFETCH(QByteArray, xmp);
    const QByteArray pdf = changed(compliantPdf(), [&xmp](QPDF& file) { replaceXmp(file, xmp); });
    const std::vector<PdfaFinding> findings = checkPdfA2b(pdf);
    QVERIFY2(findings.empty(), qPrintable(listed(findings)));
}

void TestPdfaChecker::findsEachViolation_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < mutationCases().size(); ++i)
        QTest::newRow(mutationCases()[i].name) << static_cast<int>(i);
}

void TestPdfaChecker::findsEachViolation()
{
    QFETCH(int, index);
    const MutationCase& mutation = mutationCases()[static_cast<size_t>(index)];
    const std::vector<PdfaFinding> findings = checkPdfA2b(mutation.apply(compliantPdf()));
    QVERIFY2(hasClause(findings, QLatin1String(mutation.clause)),
             qPrintable(QStringLiteral("expected a finding under %1, got:\n%2")
                            .arg(QLatin1String(mutation.clause), listed(findings))));
}

void TestPdfaChecker::acceptsSignatureUpdate_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::newRow("minimal file") << compliantPdf();
    QTest::newRow("writer output")
        << writerOutput(QImage::Format_RGB32, sohoa::pdf::ImageEncoding::Jpeg);
}

void TestPdfaChecker::acceptsSignatureUpdate()
{
    QFETCH(QByteArray, original);
    const QByteArray signedPdf = signedCopy(original);
    QVERIFY(signedPdf.startsWith(original)); // an incremental update leaves the bytes alone
    const std::vector<PdfaFinding> findings = checkPdfA2b(signedPdf);
    QVERIFY2(findings.empty(), qPrintable(listed(findings)));
}

void TestPdfaChecker::signatureMustCoverTheFile()
{
    const std::vector<PdfaFinding> findings = checkPdfA2b(signedCopy(compliantPdf(), 10));
    QVERIFY2(hasClause(findings, QStringLiteral("6.4.3")), qPrintable(listed(findings)));
}

void TestPdfaChecker::reportsUnreadableInput()
{
    const std::vector<PdfaFinding> findings = checkPdfA2b("this is not a PDF file");
    QVERIFY2(hasClause(findings, QStringLiteral("6.1")), qPrintable(listed(findings)));
    QVERIFY(checkPdfA2b({}).size() > 0);
}

void TestPdfaChecker::writerOutputIsPdfA2b_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("encoding");
    using sohoa::pdf::ImageEncoding;
    QTest::newRow("colour, JPEG") << int(QImage::Format_RGB32) << int(ImageEncoding::Jpeg);
    QTest::newRow("gray, lossless")
        << int(QImage::Format_Grayscale8) << int(ImageEncoding::Lossless);
    QTest::newRow("line art") << int(QImage::Format_Mono) << int(ImageEncoding::Jpeg);
}

// SearchablePdfWriter's output, as written, is PDF/A-2b.
void TestPdfaChecker::writerOutputIsPdfA2b()
{
    QFETCH(int, format);
    QFETCH(int, encoding);
    const std::vector<PdfaFinding> findings = checkPdfA2b(writerOutput(
        static_cast<QImage::Format>(format), static_cast<sohoa::pdf::ImageEncoding>(encoding)));
    QVERIFY2(findings.empty(), qPrintable(listed(findings)));
}

void TestPdfaChecker::commandLineReportsPerFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.pdf"));
    const QString bad = dir.filePath(QStringLiteral("bad.pdf"));
    const auto save = [](const QString& path, const QByteArray& bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(save(good, compliantPdf()));
    QVERIFY(save(bad,
                 changed(compliantPdf(), [](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); })));
    const QString program = QStringLiteral(SOHOA_PDFA_CHECK);

    const sohoa::testing::ToolResult passing = sohoa::testing::runTool(program, {good});
    QCOMPARE(passing.exitCode, 0);
    QCOMPARE(passing.out, (good + QStringLiteral(": ok\n")).toUtf8());

    const sohoa::testing::ToolResult failing = sohoa::testing::runTool(program, {good, bad});
    QCOMPARE(failing.exitCode, 1);
    QVERIFY2(failing.out.startsWith((good + QStringLiteral(": ok\n")).toUtf8()),
             failing.out.constData());
    QVERIFY2(failing.out.contains((bad + QStringLiteral(": [6.6.2.1] ")).toUtf8()),
             failing.out.constData());

    QCOMPARE(
        sohoa::testing::runTool(program, {dir.filePath(QStringLiteral("missing.pdf"))}).exitCode,
        2);
    QCOMPARE(sohoa::testing::runTool(program, {}).exitCode, 2);
}

QTEST_MAIN(TestPdfaChecker)
#include "test_pdfa_checker.moc"
