// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/RevisionComparison.h"

#include <algorithm>
#include <map>
#include <new>
#include <qpdf/QPDF.hh>
#include <set>
#include <string>
#include <vector>

namespace sohoa::signing {

namespace {

using ObjectIds = std::set<QPDFObjGen>;
using Keys = std::set<std::string>;

// Field trees nest a few levels; the cap only stops a hostile file's /Parent loop.
constexpr int kMaxFieldDepth = 64;

// Trailer entries that describe the file's layout, not the document: every update rewrites them.
const Keys kLayoutKeys = {"/Size", "/Prev",  "/ID",     "/XRefStm", "/Type",
                          "/W",    "/Index", "/Length", "/Filter",  "/DecodeParms"};
const Keys kFormKeysSigningMayChange = {"/Fields", "/SigFlags", "/DR", "/DA"};
// /M: the widget annotation's modification date.
const Keys kFieldKeysSigningMayChange = {"/V", "/AP", "/AS", "/MK", "/DA", "/M"};

// Calls `visit` on `node` and then up its /Parent chain until `visit` returns true.
template <typename Visit> bool anyUpTheFieldTree(QPDFObjectHandle node, Visit&& visit)
{
    for (int depth = 0; node.isDictionary() && depth < kMaxFieldDepth; ++depth) {
        if (visit(node))
            return true;
        node = node.getKey("/Parent");
    }
    return false;
}

// A signature field or its widget: /FT /Sig on the node or inherited from a parent field.
bool isSignatureNode(QPDFObjectHandle node)
{
    std::string fieldType;
    anyUpTheFieldTree(node, [&fieldType](QPDFObjectHandle current) {
        if (!current.hasKey("/FT"))
            return false;
        current.getKey("/FT").getValueAsName(fieldType);
        return true;
    });
    return fieldType == "/Sig";
}

bool holdsSignatureValue(QPDFObjectHandle node)
{
    return anyUpTheFieldTree(node, [](QPDFObjectHandle current) { return current.hasKey("/V"); });
}

// What a further signature adds: a signature field or widget whose field holds its value. An
// empty one is no signature, and its appearance could draw anything on the page.
bool isSignedSignatureNode(QPDFObjectHandle node)
{
    return isSignatureNode(node) && holdsSignatureValue(node);
}

bool sameBytes(QPDFObjectHandle a, QPDFObjectHandle b)
{
    const auto first = a.getRawStreamData();
    const auto second = b.getRawStreamData();
    return first->getSize() == second->getSize() &&
           std::equal(first->getBuffer(), first->getBuffer() + first->getSize(),
                      second->getBuffer());
}

// Deep equality of one indirect object's own content; references inside it compare by number,
// since the objects they name are compared on their own.
bool sameObject(QPDFObjectHandle a, QPDFObjectHandle b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    if (a.isStream() || b.isStream())
        return a.isStream() && b.isStream() &&
               a.getDict().unparseResolved() == b.getDict().unparseResolved() && sameBytes(a, b);
    return a.unparseResolved() == b.unparseResolved();
}

std::string valueText(QPDFObjectHandle dictionary, const std::string& key)
{
    return dictionary.isDictionary() ? dictionary.getKey(key).unparse() : std::string("null");
}

// `before` or `after` may be null: a dictionary that does not exist has no keys.
bool onlyKeysDiffer(QPDFObjectHandle before, QPDFObjectHandle after, const Keys& allowed)
{
    Keys keys;
    for (QPDFObjectHandle dictionary : {before, after})
        if (dictionary.isDictionary())
            keys.merge(dictionary.getKeys());
    for (const std::string& key : keys)
        if (!allowed.count(key) && valueText(before, key) != valueText(after, key))
            return false;
    return true;
}

// `after` keeps every entry of `before` and adds only signed signature fields or widgets.
bool grewBySignaturesOnly(QPDFObjectHandle before, QPDFObjectHandle after)
{
    std::multiset<std::string> kept;
    if (before.isArray())
        for (QPDFObjectHandle item : before.aitems())
            kept.insert(item.unparse());
    if (!after.isArray())
        return kept.empty();
    for (QPDFObjectHandle item : after.aitems()) {
        const auto found = kept.find(item.unparse());
        if (found != kept.end())
            kept.erase(found);
        else if (!isSignedSignatureNode(item))
            return false;
    }
    return kept.empty();
}

// Every indirect object reachable from the trailer.
ObjectIds reachableObjects(QPDF& pdf)
{
    ObjectIds reached;
    std::vector<QPDFObjectHandle> pending{pdf.getTrailer()};
    while (!pending.empty()) {
        QPDFObjectHandle object = pending.back();
        pending.pop_back();
        if (object.isIndirect() && !reached.insert(object.getObjGen()).second)
            continue;
        QPDFObjectHandle dictionary = object.isStream() ? object.getDict() : object;
        if (dictionary.isDictionary())
            for (auto& entry : dictionary.ditems())
                pending.push_back(entry.second);
        else if (object.isArray())
            for (QPDFObjectHandle item : object.aitems())
                pending.push_back(item);
    }
    return reached;
}

class UpdateInspector
{
public:
    UpdateInspector(QPDF& before, QPDF& after) : before_(before), after_(after) {}

    ChangesAfterSigning changes()
    {
        if (!onlyKeysDiffer(before_.getTrailer(), after_.getTrailer(), kLayoutKeys))
            return ChangesAfterSigning::OtherModifications;
        findPermittedContainers();
        ObjectIds compared = reachableObjects(before_);
        compared.merge(reachableObjects(after_));

        bool anyChange = false;
        for (const QPDFObjGen& id : compared) {
            QPDFObjectHandle old = before_.getObject(id);
            QPDFObjectHandle current = after_.getObject(id);
            if (sameObject(old, current))
                continue;
            if (!permitted(id, old, current))
                return ChangesAfterSigning::OtherModifications;
            anyChange = true;
        }
        return anyChange ? ChangesAfterSigning::FurtherSignaturesOnly : ChangesAfterSigning::None;
    }

private:
    // The catalog, the AcroForm with its /Fields, and each page with its /Annots may change,
    // each only as adding signatures requires; recorded here by object number.
    void findPermittedContainers()
    {
        QPDFObjectHandle oldRoot = before_.getRoot();
        QPDFObjectHandle root = after_.getRoot();
        QPDFObjectHandle oldForm = oldRoot.getKey("/AcroForm");
        QPDFObjectHandle form = root.getKey("/AcroForm");
        const bool formOk =
            onlyKeysDiffer(oldForm, form, kFormKeysSigningMayChange) &&
            grewBySignaturesOnly(oldForm.getKeyIfDict("/Fields"), form.getKeyIfDict("/Fields"));
        allow(root, formOk && onlyKeysDiffer(oldRoot, root, {"/AcroForm"}));
        allow(form, formOk);
        allow(form.getKeyIfDict("/Fields"), formOk);
        for (QPDFObjectHandle page : after_.getAllPages()) {
            QPDFObjectHandle oldPage = before_.getObject(page.getObjGen());
            const bool pageOk =
                onlyKeysDiffer(oldPage, page, {"/Annots"}) &&
                grewBySignaturesOnly(oldPage.getKeyIfDict("/Annots"), page.getKey("/Annots"));
            allow(page, pageOk);
            allow(page.getKey("/Annots"), pageOk);
        }
    }

    void allow(QPDFObjectHandle container, bool ok)
    {
        if (container.isIndirect())
            containers_[container.getObjGen()] = ok;
    }

    bool permitted(const QPDFObjGen& id, QPDFObjectHandle old, QPDFObjectHandle current)
    {
        if (current.isNull())
            return false; // removed, or a reference left dangling
        if (const auto container = containers_.find(id); container != containers_.end())
            return container->second;
        // A new signature, or an empty signature field signed now.
        if (isSignedSignatureNode(current))
            return old.isNull() || (!holdsSignatureValue(old) &&
                                    onlyKeysDiffer(old, current, kFieldKeysSigningMayChange));
        // A new object is reached only through references that changed, each checked on its
        // own: qpdf reads a reference to an object the signed revision lacks as null, so even
        // filling in a dangling reference changes the object that holds it.
        return old.isNull();
    }

    QPDF& before_;
    QPDF& after_;
    std::map<QPDFObjGen, bool> containers_;
};

void openInMemory(QPDF& pdf, const char* description, const QByteArray& bytes)
{
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(description, bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

ChangesAfterSigning RevisionComparison::changesAfter(const QByteArray& signedRevision,
                                                     const QByteArray& current)
{
    try {
        QPDF before;
        QPDF after;
        openInMemory(before, "signed revision", signedRevision);
        openInMemory(after, "current file", current);
        return UpdateInspector(before, after).changes();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
        return ChangesAfterSigning::Unknown;
    }
}

} // namespace sohoa::signing
