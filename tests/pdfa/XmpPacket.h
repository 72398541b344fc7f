// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace sohoa::testing::pdfa {

inline constexpr char16_t rdfNamespace[] = u"http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// One XML element, kept whole: RDF spells the same property several ways (attribute, element,
// nested description), and reading them needs the tree.
struct XmlElement
{
    QString ns;        // namespace URI
    QString name;      // local name
    QString qualified; // prefix:name, for messages
    struct Attribute
    {
        QString ns, name, qualified, value;
    };
    std::vector<Attribute> attributes;
    QString text; // character data directly inside, trimmed
    std::vector<XmlElement> children;

    bool is(QStringView uri, QStringView local) const { return ns == uri && name == local; }
    const Attribute* attribute(QStringView uri, QStringView local) const;
};

// A property or a structure field: an attribute of a description or a child element.
struct XmpProperty
{
    QString ns, name, qualified;
    const XmlElement* element = nullptr; // null when written as an attribute
    QString attributeValue;

    // The text of a simple value, of an rdf:Alt's x-default item, or of an array's first item.
    QString simpleValue() const;
    // The items of an rdf:Alt, rdf:Seq or rdf:Bag value (none for other values).
    std::vector<const XmlElement*> items() const;
};

// An XMP packet parsed as XML (namespace-aware), with its top-level properties: those of every
// rdf:Description directly inside rdf:RDF.
class XmpPacket
{
public:
    static XmpPacket parse(const QByteArray& xml);

    bool isValid() const { return error_.isEmpty(); }
    QString error() const { return error_; }
    const std::vector<XmpProperty>& properties() const { return properties_; }
    // The first top-level property with this name, or null.
    const XmpProperty* find(QStringView ns, QStringView name) const;

    // Fields of an element used as a structure: rdf:parseType="Resource", a nested
    // rdf:Description, or attributes.
    static std::vector<XmpProperty> fieldsOf(const XmlElement& element);

private:
    std::unique_ptr<XmlElement> root_; // owned here so the properties may point into it
    std::vector<XmpProperty> properties_;
    QString error_;
};

} // namespace sohoa::testing::pdfa
