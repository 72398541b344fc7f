// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 19005-2, 6.6: the catalog's XMP packet, PDF/A identification, extension schemas, and the
// XMP's agreement with the document information dictionary.
#include "pdfa/PdfaChecks.h"
#include "pdfa/XmpPacket.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace sohoa::testing::pdfa {

namespace {

constexpr char16_t dcNs[] = u"http://purl.org/dc/elements/1.1/";
constexpr char16_t xmpNs[] = u"http://ns.adobe.com/xap/1.0/";
constexpr char16_t pdfNs[] = u"http://ns.adobe.com/pdf/1.3/";
constexpr char16_t pdfaidNs[] = u"http://www.aiim.org/pdfa/ns/id/";
constexpr char16_t extensionNs[] = u"http://www.aiim.org/pdfa/ns/extension/";
constexpr char16_t schemaNs[] = u"http://www.aiim.org/pdfa/ns/schema#";
constexpr char16_t propertyNs[] = u"http://www.aiim.org/pdfa/ns/property#";

// Schemas predefined by the XMP Specification (2005) and ISO 19005 (6.6.2.3.1): their
// properties need no extension schema. An empty list accepts any name in the namespace.
struct PredefinedSchema
{
    const char16_t* ns;
    std::vector<const char*> names;
};

const std::vector<PredefinedSchema>& predefinedSchemas()
{
    static const std::vector<PredefinedSchema> schemas = {
        {dcNs,
         {"contributor", "coverage", "creator", "date", "description", "format", "identifier",
          "language", "publisher", "relation", "rights", "source", "subject", "title", "type"}},
        {xmpNs,
         {"Advisory", "BaseURL", "CreateDate", "CreatorTool", "Identifier", "Label", "MetadataDate",
          "ModifyDate", "Nickname", "Rating", "Thumbnails"}},
        {u"http://ns.adobe.com/xap/1.0/rights/",
         {"Certificate", "Marked", "Owner", "UsageTerms", "WebStatement"}},
        {u"http://ns.adobe.com/xap/1.0/mm/",
         {"DerivedFrom", "DocumentID", "History", "InstanceID", "LastURL", "ManagedFrom", "Manager",
          "ManageTo", "ManageUI", "ManagerVariant", "RenditionClass", "RenditionOf",
          "RenditionParams", "SaveID", "VersionID", "Versions"}},
        {u"http://ns.adobe.com/xap/1.0/bj/", {"JobRef"}},
        {u"http://ns.adobe.com/xap/1.0/t/pg/",
         {"MaxPageSize", "NPages", "Fonts", "Colorants", "PlateNames"}},
        {u"http://ns.adobe.com/xmp/1.0/DynamicMedia/", {}},
        {pdfNs, {"Keywords", "PDFVersion", "Producer", "Trapped"}},
        {u"http://ns.adobe.com/photoshop/1.0/", {}},
        {u"http://ns.adobe.com/camera-raw-settings/1.0/", {}},
        {u"http://ns.adobe.com/tiff/1.0/", {}},
        {u"http://ns.adobe.com/exif/1.0/", {}},
        {u"http://ns.adobe.com/exif/1.0/aux/", {}},
        {pdfaidNs, {"part", "amd", "corr", "conformance"}},
        {extensionNs, {"schemas"}},
    };
    return schemas;
}

// Namespace URI -> property names declared in pdfaExtension:schemas.
using Declarations = std::map<QString, std::set<QString>>;

const XmpProperty* fieldNamed(const std::vector<XmpProperty>& fields, QStringView ns,
                              QStringView name)
{
    for (const XmpProperty& field : fields) {
        if (field.ns == ns && field.name == name)
            return &field;
    }
    return nullptr;
}

// 6.6.2.3.3: every schema names its namespace, prefix and description; every property its
// name, value type, category and description.
void readDeclarations(const XmpPacket& packet, const QString& where, Declarations& declared,
                      Report& report)
{
    for (const XmpProperty& container : packet.properties()) {
        if (container.ns != extensionNs || container.name != u"schemas")
            continue;
        for (const XmlElement* item : container.items()) {
            const std::vector<XmpProperty> schema = XmpPacket::fieldsOf(*item);
            for (const char16_t* required : {u"namespaceURI", u"prefix", u"schema"}) {
                if (fieldNamed(schema, schemaNs, required) == nullptr)
                    report.add("6.6.2.3.3",
                               QStringLiteral("An extension schema in %1 has no pdfaSchema:%2.")
                                   .arg(where, QString::fromUtf16(required)));
            }
            const XmpProperty* uri = fieldNamed(schema, schemaNs, u"namespaceURI");
            const XmpProperty* properties = fieldNamed(schema, schemaNs, u"property");
            if (uri == nullptr || properties == nullptr)
                continue;
            std::set<QString>& names = declared[uri->simpleValue()];
            for (const XmlElement* entry : properties->items()) {
                const std::vector<XmpProperty> property = XmpPacket::fieldsOf(*entry);
                for (const char16_t* required :
                     {u"name", u"valueType", u"category", u"description"}) {
                    if (fieldNamed(property, propertyNs, required) == nullptr)
                        report.add("6.6.2.3.3", QStringLiteral("A property of extension schema "
                                                               "%1 in %2 has no pdfaProperty:%3.")
                                                    .arg(uri->simpleValue(), where,
                                                         QString::fromUtf16(required)));
                }
                if (const XmpProperty* name = fieldNamed(property, propertyNs, u"name"))
                    names.insert(name->simpleValue());
            }
        }
    }
}

bool isPredefined(const XmpProperty& property)
{
    for (const PredefinedSchema& schema : predefinedSchemas()) {
        if (property.ns != schema.ns)
            continue;
        if (schema.names.empty())
            return true;
        for (const char* name : schema.names) {
            if (property.name == QLatin1String(name))
                return true;
        }
        return false;
    }
    return false;
}

// 6.6.2.3.1: properties outside the predefined schemas are declared in an extension schema.
void checkPropertiesDeclared(const XmpPacket& packet, const QString& where,
                             const Declarations& declared, Report& report)
{
    for (const XmpProperty& property : packet.properties()) {
        if (isPredefined(property))
            continue;
        const auto schema = declared.find(property.ns);
        if (schema == declared.end() || schema->second.count(property.name) == 0)
            report.add("6.6.2.3.1", QStringLiteral("XMP property %1 (%2) in %3 is neither "
                                                   "predefined nor declared in an extension "
                                                   "schema.")
                                        .arg(property.qualified, property.ns, where));
    }
}

// 6.6.4: pdfaid:part 2 and pdfaid:conformance B, with the prefix the standard requires.
void checkIdentification(const XmpPacket& packet, Report& report)
{
    const struct
    {
        const char16_t* name;
        const char* expected;
    } entries[] = {{u"part", "2"}, {u"conformance", "B"}};
    for (const auto& entry : entries) {
        const QString qualified = QStringLiteral("pdfaid:") + QString::fromUtf16(entry.name);
        const XmpProperty* property = packet.find(pdfaidNs, entry.name);
        if (property == nullptr) {
            report.add("6.6.4", QStringLiteral("The XMP has no %1.").arg(qualified));
        } else if (property->simpleValue() != QLatin1String(entry.expected)) {
            report.add("6.6.4",
                       QStringLiteral("%1 is \"%2\", not %3.")
                           .arg(qualified, property->simpleValue(), QLatin1String(entry.expected)));
        } else if (property->qualified != qualified) {
            report.add("6.6.4", QStringLiteral("The PDF/A identification is written %1, not "
                                               "with the prefix pdfaid.")
                                    .arg(property->qualified));
        }
    }
}

struct Moment
{
    QDateTime time;
    bool zoned = false;
};

QDateTime makeTime(const QRegularExpressionMatch& match, int first, std::optional<int> offset)
{
    const auto field = [&match, first](int index, int fallback) {
        const QString text = match.captured(first + index);
        return text.isEmpty() ? fallback : text.toInt();
    };
    const QDate date(field(0, 0), field(1, 1), field(2, 1));
    const QTime time(field(3, 0), field(4, 0), field(5, 0));
    return offset ? QDateTime(date, time, QTimeZone(*offset)) : QDateTime(date, time, Qt::UTC);
}

// "D:YYYYMMDDHHmmSSOHH'mm'", every part after the year optional (ISO 32000-1, 7.9.4).
std::optional<Moment> parsePdfDate(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?)"
                       R"((?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    std::optional<int> offset;
    const QString sign = match.captured(7);
    if (!sign.isEmpty()) {
        const int seconds = match.captured(8).toInt() * 3600 + match.captured(9).toInt() * 60;
        offset = sign == u"-" ? -seconds : seconds;
    }
    Moment moment{makeTime(match, 1, offset), offset.has_value()};
    return moment.time.isValid() ? std::optional(moment) : std::nullopt;
}

// ISO 8601 as XMP writes it: "YYYY-MM-DDThh:mm:ss.s+hh:mm", later parts optional.
std::optional<Moment> parseXmpDate(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?)"
        R"((Z|[+-]\d{2}:\d{2})?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    std::optional<int> offset;
    const QString zone = match.captured(7);
    if (zone == u"Z") {
        offset = 0;
    } else if (!zone.isEmpty()) {
        const int seconds = zone.mid(1, 2).toInt() * 3600 + zone.mid(4, 2).toInt() * 60;
        offset = zone.startsWith(u'-') ? -seconds : seconds;
    }
    Moment moment{makeTime(match, 1, offset), offset.has_value()};
    return moment.time.isValid() ? std::optional(moment) : std::nullopt;
}

// Same instant when both carry a zone; otherwise the same wall-clock time.
bool sameMoment(const QString& pdfDate, const QString& xmpDate)
{
    const std::optional<Moment> a = parsePdfDate(pdfDate);
    const std::optional<Moment> b = parseXmpDate(xmpDate);
    if (!a || !b)
        return false;
    if (a->zoned && b->zoned)
        return a->time == b->time;
    return a->time.date() == b->time.date() && a->time.time() == b->time.time();
}

// ISO 19005-1, 6.7.3 makes every document information entry with an XMP equivalent equal to
// it. ISO 19005-2 validators no longer test this, but readers show one or the other, so SoHoa
// keeps them equal.
void checkInfoAgreement(QPDF& pdf, const XmpPacket& packet, Report& report)
{
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (!info.isDictionary())
        return;
    const struct
    {
        const char* key;
        const char16_t* ns;
        const char16_t* name;
        const char* xmpName;
        bool date;
    } mappings[] = {
        {"/Title", dcNs, u"title", "dc:title", false},
        {"/Author", dcNs, u"creator", "dc:creator", false},
        {"/Subject", dcNs, u"description", "dc:description", false},
        {"/Keywords", pdfNs, u"Keywords", "pdf:Keywords", false},
        {"/Creator", xmpNs, u"CreatorTool", "xmp:CreatorTool", false},
        {"/Producer", pdfNs, u"Producer", "pdf:Producer", false},
        {"/CreationDate", xmpNs, u"CreateDate", "xmp:CreateDate", true},
        {"/ModDate", xmpNs, u"ModifyDate", "xmp:ModifyDate", true},
    };
    for (const auto& mapping : mappings) {
        QPDFObjectHandle entry = info.getKey(mapping.key);
        if (!entry.isString())
            continue;
        const QString key = QString::fromLatin1(mapping.key);
        const QString value = QString::fromStdString(entry.getUTF8Value());
        const XmpProperty* property = packet.find(mapping.ns, mapping.name);
        if (property == nullptr) {
            report.add("19005-1 6.7.3",
                       QStringLiteral("SoHoa rule: the document information dictionary has %1 "
                                      "but the XMP has no %2.")
                           .arg(key, QLatin1String(mapping.xmpName)));
            continue;
        }
        QString xmpValue = property->simpleValue();
        if (mapping.name == std::u16string_view(u"creator")) { // an rdf:Seq of names
            QStringList names;
            for (const XmlElement* item : property->items())
                names << item->text;
            xmpValue = names.join(QStringLiteral(", "));
        }
        const bool equal = mapping.date ? sameMoment(value, xmpValue) : value == xmpValue;
        if (!equal)
            report.add("19005-1 6.7.3",
                       QStringLiteral("SoHoa rule: %1 \"%2\" in the document information "
                                      "dictionary differs from %3 \"%4\" in the XMP.")
                           .arg(key, value, QLatin1String(mapping.xmpName), xmpValue));
    }
}

// 6.6.2.1: an XMP packet with its header and trailer, the header without the deprecated bytes
// and encoding attributes, well-formed XML.
std::optional<XmpPacket> readPacket(QPDFObjectHandle stream, const QString& where, Report& report)
{
    const QByteArray data = decodedData(stream);
    const qsizetype header = data.indexOf("<?xpacket begin=");
    if (header < 0 || !data.contains("<?xpacket end=")) {
        report.add("6.6.2.1", QStringLiteral("%1 is not wrapped in <?xpacket begin=...?> and "
                                             "<?xpacket end=...?>.")
                                  .arg(where));
    } else {
        const QByteArray attributes = data.mid(header, data.indexOf("?>", header) - header);
        if (attributes.contains("bytes=") || attributes.contains("encoding="))
            report.add("6.6.2.1", QStringLiteral("The xpacket header of %1 has a bytes or encoding "
                                                 "attribute.")
                                      .arg(where));
    }
    XmpPacket packet = XmpPacket::parse(data);
    if (!packet.isValid()) {
        report.add("6.6.2.1",
                   QStringLiteral("%1 is not well-formed XMP: %2.").arg(where, packet.error()));
        return std::nullopt;
    }
    return packet;
}

} // namespace

void checkMetadata(QPDF& pdf, Report& report)
{
    QPDFObjectHandle metadata = pdf.getRoot().getKey("/Metadata");
    if (!metadata.isStream()) {
        report.add("6.6.2.1", QStringLiteral("The catalog has no /Metadata stream."));
        return;
    }
    const QString where = QStringLiteral("the catalog's metadata (%1)").arg(describe(metadata));
    QPDFObjectHandle dictionary = metadata.getDict();
    if (!isName(dictionary.getKey("/Type"), "Metadata") ||
        !isName(dictionary.getKey("/Subtype"), "XML"))
        report.add("6.6.2.1",
                   QStringLiteral("%1 lacks /Type /Metadata or /Subtype /XML.").arg(where));
    // PDF/A-1 forbade it; SoHoa keeps the packet readable to tools that do not decode streams.
    if (dictionary.hasKey("/Filter"))
        report.add("6.6.2.1", QStringLiteral("SoHoa rule: %1 is compressed (/Filter).").arg(where));

    const std::optional<XmpPacket> packet = readPacket(metadata, where, report);
    if (!packet)
        return;
    checkIdentification(*packet, report);
    checkInfoAgreement(pdf, *packet, report);
    Declarations declared;
    readDeclarations(*packet, where, declared, report);
    checkPropertiesDeclared(*packet, where, declared, report);

    // Other metadata streams (pages, images, fonts) may use the catalog's extension schemas.
    for (QPDFObjectHandle stream : pdf.getAllObjects()) {
        if (!stream.isStreamOfType("/Metadata") || stream.getObjGen() == metadata.getObjGen())
            continue;
        const QString other = QStringLiteral("metadata %1").arg(describe(stream));
        const std::optional<XmpPacket> otherPacket = readPacket(stream, other, report);
        if (!otherPacket)
            continue;
        Declarations own = declared;
        readDeclarations(*otherPacket, other, own, report);
        checkPropertiesDeclared(*otherPacket, other, own, report);
    }
}

} // namespace sohoa::testing::pdfa
