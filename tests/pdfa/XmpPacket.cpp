// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfa/XmpPacket.h"

#include <QXmlStreamReader>

namespace sohoa::testing::pdfa {

namespace {

constexpr char16_t xmlNamespace[] = u"http://www.w3.org/XML/1998/namespace";

bool isRdf(const XmlElement& element, QStringView local)
{
    return element.is(rdfNamespace, local);
}

// Attributes that carry properties, not RDF syntax (rdf:about, rdf:parseType) or xml:lang.
void addAttributeProperties(const XmlElement& element, std::vector<XmpProperty>& out)
{
    for (const XmlElement::Attribute& attribute : element.attributes) {
        if (attribute.ns.isEmpty() || attribute.ns == rdfNamespace || attribute.ns == xmlNamespace)
            continue;
        out.push_back(
            {attribute.ns, attribute.name, attribute.qualified, nullptr, attribute.value});
    }
}

void addElementProperties(const XmlElement& element, std::vector<XmpProperty>& out)
{
    for (const XmlElement& child : element.children)
        out.push_back({child.ns, child.name, child.qualified, &child, {}});
}

const XmlElement* findRdf(const XmlElement& element)
{
    if (isRdf(element, u"RDF"))
        return &element;
    for (const XmlElement& child : element.children) {
        if (const XmlElement* found = findRdf(child))
            return found;
    }
    return nullptr;
}

} // namespace

const XmlElement::Attribute* XmlElement::attribute(QStringView uri, QStringView local) const
{
    for (const Attribute& candidate : attributes) {
        if (candidate.ns == uri && candidate.name == local)
            return &candidate;
    }
    return nullptr;
}

QString XmpProperty::simpleValue() const
{
    if (element == nullptr)
        return attributeValue;
    if (const XmlElement::Attribute* resource = element->attribute(rdfNamespace, u"resource"))
        return resource->value;
    const std::vector<const XmlElement*> list = items();
    if (list.empty())
        return element->text;
    for (const XmlElement* item : list) {
        const XmlElement::Attribute* language = item->attribute(xmlNamespace, u"lang");
        if (language != nullptr && language->value == u"x-default")
            return item->text;
    }
    return list.front()->text;
}

std::vector<const XmlElement*> XmpProperty::items() const
{
    std::vector<const XmlElement*> list;
    if (element == nullptr)
        return list;
    for (const XmlElement& array : element->children) {
        if (!isRdf(array, u"Alt") && !isRdf(array, u"Seq") && !isRdf(array, u"Bag"))
            continue;
        for (const XmlElement& item : array.children) {
            if (isRdf(item, u"li"))
                list.push_back(&item);
        }
        break;
    }
    return list;
}

std::vector<XmpProperty> XmpPacket::fieldsOf(const XmlElement& element)
{
    std::vector<XmpProperty> fields;
    const XmlElement::Attribute* parseType = element.attribute(rdfNamespace, u"parseType");
    if (parseType != nullptr && parseType->value == u"Resource") {
        addAttributeProperties(element, fields);
        addElementProperties(element, fields);
    } else if (element.children.size() == 1 && isRdf(element.children.front(), u"Description")) {
        addAttributeProperties(element.children.front(), fields);
        addElementProperties(element.children.front(), fields);
    } else {
        addAttributeProperties(element, fields);
    }
    return fields;
}

const XmpProperty* XmpPacket::find(QStringView ns, QStringView name) const
{
    for (const XmpProperty& property : properties_) {
        if (property.ns == ns && property.name == name)
            return &property;
    }
    return nullptr;
}

XmpPacket XmpPacket::parse(const QByteArray& xml)
{
    XmpPacket packet;
    auto document = std::make_unique<XmlElement>(); // holds the document element
    // Ancestors of the element being read; only the innermost one gains children, so the
    // pointers stay valid.
    std::vector<XmlElement*> open{document.get()};
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            XmlElement element;
            element.ns = reader.namespaceUri().toString();
            element.name = reader.name().toString();
            element.qualified = reader.qualifiedName().toString();
            for (const QXmlStreamAttribute& attribute : reader.attributes())
                element.attributes.push_back(
                    {attribute.namespaceUri().toString(), attribute.name().toString(),
                     attribute.qualifiedName().toString(), attribute.value().toString()});
            open.back()->children.push_back(std::move(element));
            open.push_back(&open.back()->children.back());
            break;
        }
        case QXmlStreamReader::Characters:
            open.back()->text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            open.back()->text = open.back()->text.trimmed();
            open.pop_back();
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        QString error = reader.errorString();
        if (error.endsWith(u'.'))
            error.chop(1);
        packet.error_ = QStringLiteral("%1 (line %2, column %3)")
                            .arg(error)
                            .arg(reader.lineNumber())
                            .arg(reader.columnNumber());
        return packet;
    }
    const XmlElement* rdf = findRdf(*document);
    if (rdf == nullptr) {
        packet.error_ = QStringLiteral("there is no rdf:RDF element");
        return packet;
    }
    for (const XmlElement& description : rdf->children) {
        if (!isRdf(description, u"Description"))
            continue;
        addAttributeProperties(description, packet.properties_);
        addElementProperties(description, packet.properties_);
    }
    packet.root_ = std::move(document);
    return packet;
}

} // namespace sohoa::testing::pdfa
