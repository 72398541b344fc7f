// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/XmpMetadata.h"

#include "pdf/SearchablePdfWriter.h"

namespace sohoa::pdf {

namespace {
constexpr auto kSohoaNamespace = "https://sohoa.vn/ns/dossier/1.0/";

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// Declares SoHoa's two properties so validators know their type (ISO 19005-2 6.6.2.3.1).
QString extensionSchema()
{
    QString properties;
    for (const auto& [name, description] :
         {std::pair{"dossierCode", "National dossier code (Decision 766/QĐ-TTg form)"},
          std::pair{"componentCode", "Dossier component or result code"}})
        properties += QStringLiteral("<rdf:li rdf:parseType=\"Resource\">"
                                     "<pdfaProperty:name>%1</pdfaProperty:name>"
                                     "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                                     "<pdfaProperty:category>external</pdfaProperty:category>"
                                     "<pdfaProperty:description>%2</pdfaProperty:description>"
                                     "</rdf:li>")
                          .arg(QLatin1String(name), escaped(QString::fromUtf8(description)));
    return QStringLiteral("<rdf:Description rdf:about=\"\" "
                          "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
                          "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
                          "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">"
                          "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                          "<pdfaSchema:schema>SoHoa dossier</pdfaSchema:schema>"
                          "<pdfaSchema:namespaceURI>%1</pdfaSchema:namespaceURI>"
                          "<pdfaSchema:prefix>sohoa</pdfaSchema:prefix>"
                          "<pdfaSchema:property><rdf:Seq>%2</rdf:Seq></pdfaSchema:property>"
                          "</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n")
        .arg(QLatin1String(kSohoaNamespace), properties);
}
} // namespace

QString xmpDate(const QDateTime& time)
{
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

QByteArray xmpPacket(const PdfMetadata& meta, const QString& producer, const QDateTime& created)
{
    QString body;
    body += QStringLiteral("<rdf:Description rdf:about=\"\" "
                           "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                           "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
                           "</rdf:Description>\n");
    body += QStringLiteral("<rdf:Description rdf:about=\"\" "
                           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                           "<dc:format>application/pdf</dc:format>");
    if (!meta.title.isEmpty())
        body += QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li>"
                               "</rdf:Alt></dc:title>")
                    .arg(escaped(meta.title));
    if (!meta.language.isEmpty())
        body += QStringLiteral("<dc:language><rdf:Bag><rdf:li>%1</rdf:li></rdf:Bag></dc:language>")
                    .arg(escaped(meta.language));
    body += QStringLiteral("</rdf:Description>\n");
    body += QStringLiteral("<rdf:Description rdf:about=\"\" "
                           "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                           "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                           "<xmp:CreateDate>%1</xmp:CreateDate><xmp:ModifyDate>%1</xmp:ModifyDate>"
                           "<pdf:Producer>%2</pdf:Producer></rdf:Description>\n")
                .arg(xmpDate(created), escaped(producer));
    if (!meta.dossierCode.isEmpty() || !meta.componentCode.isEmpty()) {
        body += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:sohoa=\"%1\">")
                    .arg(QLatin1String(kSohoaNamespace));
        if (!meta.dossierCode.isEmpty())
            body += QStringLiteral("<sohoa:dossierCode>%1</sohoa:dossierCode>")
                        .arg(escaped(meta.dossierCode));
        if (!meta.componentCode.isEmpty())
            body += QStringLiteral("<sohoa:componentCode>%1</sohoa:componentCode>")
                        .arg(escaped(meta.componentCode));
        body += QStringLiteral("</rdf:Description>\n");
        body += extensionSchema();
    }
    // The packet is written unfiltered so that archive tools can read it without a PDF parser;
    // the trailing padding lets an editor update it in place.
    const QString packet =
        QStringLiteral("<?xpacket begin=\"") + QChar(0xFEFF) +
        QStringLiteral("\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n") +
        body + QStringLiteral("</rdf:RDF>\n</x:xmpmeta>\n") + QString(2000, QLatin1Char(' ')) +
        QStringLiteral("\n<?xpacket end=\"w\"?>");
    return packet.toUtf8();
}

} // namespace sohoa::pdf
