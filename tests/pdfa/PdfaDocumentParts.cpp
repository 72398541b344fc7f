// SPDX-License-Identifier: GPL-3.0-or-later
// Small object helpers, the walk over every object, and what the pages reach.
#include "pdfa/PdfaChecks.h"

#include <map>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>

namespace sohoa::testing::pdfa {

QString describe(QPDFObjectHandle object)
{
    if (!object.isIndirect())
        return QStringLiteral("a direct object");
    return QStringLiteral("object %1 %2").arg(object.getObjectID()).arg(object.getGeneration());
}

QString nameOf(QPDFObjectHandle object)
{
    return object.isName() ? QString::fromStdString(object.getName()).mid(1) : QString();
}

bool isName(QPDFObjectHandle object, const char* name)
{
    return object.isName() && object.getName() == std::string("/") + name;
}

std::vector<std::string> filtersOf(QPDFObjectHandle stream)
{
    std::vector<std::string> names;
    QPDFObjectHandle filter = stream.getDict().getKey("/Filter");
    std::vector<QPDFObjectHandle> items =
        filter.isArray() ? filter.getArrayAsVector() : std::vector<QPDFObjectHandle>{filter};
    for (QPDFObjectHandle item : items) {
        if (item.isName())
            names.push_back(item.getName().substr(1));
    }
    return names;
}

QByteArray decodedData(QPDFObjectHandle stream)
{
    const std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_specialized);
    return QByteArray(reinterpret_cast<const char*>(data->getBuffer()),
                      static_cast<qsizetype>(data->getSize()));
}

void forEachObject(
    QPDF& pdf, const std::function<void(QPDFObjectHandle object, QPDFObjectHandle owner)>& visit)
{
    for (QPDFObjectHandle owner : pdf.getAllObjects()) {
        // Direct objects cannot form cycles, so no visited set is needed below an indirect one.
        std::vector<QPDFObjectHandle> pending{owner};
        while (!pending.empty()) {
            QPDFObjectHandle object = pending.back();
            pending.pop_back();
            visit(object, owner);
            if (object.isStream()) {
                pending.push_back(object.getDict());
            } else if (object.isArray()) {
                for (QPDFObjectHandle item : object.getArrayAsVector()) {
                    if (!item.isIndirect())
                        pending.push_back(item);
                }
            } else if (object.isDictionary()) {
                for (auto& [key, value] : object.getDictAsMap()) {
                    if (!value.isIndirect())
                        pending.push_back(value);
                }
            }
        }
    }
}

namespace {

class PartsCollector
{
public:
    explicit PartsCollector(DocumentParts& parts) : parts_(parts) {}

    void addContent(QPDFObjectHandle contents, QPDFObjectHandle resources, const QString& where)
    {
        if (!firstVisit(contents))
            return;
        parts_.contents.push_back({contents, resources, where});
        addResources(resources, where);
    }

    // A form XObject (or tiling pattern, or appearance stream); without resources of its own it
    // uses those it is drawn with.
    void addForm(QPDFObjectHandle form, QPDFObjectHandle inherited, const QString& where)
    {
        if (!form.isStream())
            return;
        QPDFObjectHandle own = form.getDict().getKey("/Resources");
        addContent(form, own.isDictionary() ? own : inherited, where);
    }

    void addResources(QPDFObjectHandle resources, const QString& where)
    {
        if (!resources.isDictionary() || !firstVisit(resources))
            return;
        parts_.resources.push_back({resources, where});
        for (auto& [name, xobject] : entries(resources, "/XObject")) {
            if (xobject.isStream() && isName(xobject.getDict().getKey("/Subtype"), "Form"))
                addForm(xobject, resources, where + QStringLiteral(", form ") + qName(name));
        }
        for (auto& [name, pattern] : entries(resources, "/Pattern")) {
            if (pattern.isStream()) // tiling patterns have content; shading patterns do not
                addForm(pattern, resources, where + QStringLiteral(", pattern ") + qName(name));
        }
        for (auto& [name, state] : entries(resources, "/ExtGState")) {
            QPDFObjectHandle mask =
                state.isDictionary() ? state.getKey("/SMask") : QPDFObjectHandle::newNull();
            if (mask.isDictionary())
                addForm(mask.getKey("/G"), resources,
                        where + QStringLiteral(", soft mask of ") + qName(name));
        }
        for (auto& [name, font] : entries(resources, "/Font")) {
            if (!font.isDictionary() || !isName(font.getKey("/Subtype"), "Type3"))
                continue;
            QPDFObjectHandle own = font.getKey("/Resources");
            for (auto& [glyph, procedure] : entries(font, "/CharProcs")) {
                if (procedure.isStream())
                    addContent(procedure, own.isDictionary() ? own : resources,
                               where + QStringLiteral(", Type 3 glyph ") + qName(glyph));
            }
        }
    }

private:
    static std::map<std::string, QPDFObjectHandle> entries(QPDFObjectHandle dictionary,
                                                           const char* key)
    {
        QPDFObjectHandle value = dictionary.getKey(key);
        return value.isDictionary() ? value.getDictAsMap()
                                    : std::map<std::string, QPDFObjectHandle>{};
    }

    static QString qName(const std::string& name) { return QString::fromStdString(name); }

    bool firstVisit(QPDFObjectHandle object)
    {
        return !object.isIndirect() || seen_.insert(object.getObjGen()).second;
    }

    DocumentParts& parts_;
    std::set<QPDFObjGen> seen_;
};

} // namespace

DocumentParts collectParts(QPDF& pdf)
{
    DocumentParts parts;
    PartsCollector collector(parts);
    int number = 0;
    for (QPDFObjectHandle page : pdf.getAllPages()) {
        ++number;
        parts.pages.push_back(page);
        const QString where = QStringLiteral("page %1").arg(number);
        // Resources may be inherited from the page tree.
        QPDFObjectHandle resources = QPDFPageObjectHelper(page).getAttribute("/Resources", false);
        QPDFObjectHandle contents = page.getKey("/Contents");
        if (contents.isStream() || contents.isArray())
            collector.addContent(contents, resources, where);
        else
            collector.addResources(resources, where);

        QPDFObjectHandle annotations = page.getKey("/Annots");
        if (!annotations.isArray())
            continue;
        for (QPDFObjectHandle annotation : annotations.getArrayAsVector()) {
            if (!annotation.isDictionary())
                continue;
            parts.annotations.push_back({annotation, number});
            QPDFObjectHandle appearances = annotation.getKey("/AP");
            if (!appearances.isDictionary())
                continue;
            for (auto& [key, appearance] : appearances.getDictAsMap()) {
                const QString at =
                    where + QStringLiteral(", appearance %1 of annotation %2")
                                .arg(QString::fromStdString(key), describe(annotation));
                if (appearance.isStream()) {
                    collector.addForm(appearance, QPDFObjectHandle::newNull(), at);
                } else if (appearance.isDictionary()) { // one stream per state
                    for (auto& [state, stream] : appearance.getDictAsMap())
                        collector.addForm(stream, QPDFObjectHandle::newNull(), at);
                }
            }
        }
    }
    return parts;
}

} // namespace sohoa::testing::pdfa
