// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 19005-2, 6.1.12 and 6.3–6.10: annotations, forms and signatures, actions and triggers,
// embedded files, optional content, alternate presentations.
#include "pdfa/PdfaChecks.h"

#include <QStringList>
#include <cctype>
#include <set>

namespace sohoa::testing::pdfa {

namespace {

// The field type of a widget, inherited through /Parent.
QString fieldType(QPDFObjectHandle field)
{
    for (int depth = 0; depth < 32 && field.isDictionary(); ++depth) {
        QPDFObjectHandle type = field.getKey("/FT");
        if (type.isName())
            return nameOf(type);
        field = field.getKey("/Parent");
    }
    return {};
}

// 6.3.1–6.3.3, 6.4.1.
void checkAnnotation(const Annotation& annotation, Report& report)
{
    // ISO 32000-1 annotation types but 3D, Sound, Screen and Movie.
    static const QStringList permitted =
        QStringLiteral("Text Link FreeText Line Square Circle Polygon PolyLine Highlight "
                       "Underline Squiggly StrikeOut Stamp Caret Ink Popup FileAttachment Widget "
                       "PrinterMark TrapNet Watermark Redact")
            .split(u' ');
    QPDFObjectHandle dictionary = annotation.dictionary;
    const QString subtype = nameOf(dictionary.getKey("/Subtype"));
    const QString what = QStringLiteral("page %1: %2 annotation %3")
                             .arg(annotation.page)
                             .arg(subtype, describe(dictionary));
    if (!permitted.contains(subtype))
        report.add("6.3.1", QStringLiteral("%1 is of a type PDF/A-2 does not permit.").arg(what));

    // Printed as shown, never hidden.
    QPDFObjectHandle flags = dictionary.getKey("/F");
    if (subtype != u"Popup") {
        if (!flags.isInteger()) {
            report.add("6.3.2",
                       QStringLiteral("%1 has no /F flags (Print must be set).").arg(what));
        } else {
            const long long value = flags.getIntValue();
            if ((value & 4) == 0)
                report.add("6.3.2",
                           QStringLiteral("%1 does not print (Print flag clear).").arg(what));
            if ((value & (1 | 2 | 32 | 256)) != 0)
                report.add("6.3.2", QStringLiteral("%1 has the Invisible, Hidden, NoView or "
                                                   "ToggleNoView flag set.")
                                        .arg(what));
            if (subtype == u"Text" && (value & (8 | 16)) != (8 | 16))
                report.add("6.3.2",
                           QStringLiteral("%1 lacks the NoZoom and NoRotate flags.").arg(what));
        }
    }
    QPDFObjectHandle alpha = dictionary.getKey("/CA");
    if (alpha.isNumber() && alpha.getNumericValue() != 1.0)
        report.add("6.2.10", QStringLiteral("SoHoa rule: %1 sets /CA %2 (no transparency).")
                                 .arg(what)
                                 .arg(alpha.getNumericValue()));

    // One normal appearance, unless the annotation has no area or is a Popup or Link.
    QPDFObjectHandle appearance = dictionary.getKey("/AP");
    if (!appearance.isDictionary()) {
        QPDFObjectHandle rect = dictionary.getKey("/Rect");
        std::vector<double> corners;
        for (QPDFObjectHandle corner :
             rect.isArray() ? rect.getArrayAsVector() : std::vector<QPDFObjectHandle>{}) {
            if (corner.isNumber())
                corners.push_back(corner.getNumericValue());
        }
        const bool empty =
            corners.size() == 4 && corners[0] == corners[2] && corners[1] == corners[3];
        if (!empty && subtype != u"Popup" && subtype != u"Link")
            report.add("6.3.3", QStringLiteral("%1 has no appearance (/AP).").arg(what));
    } else {
        for (const std::string& key : appearance.getKeys()) {
            if (key != "/N")
                report.add("6.3.3", QStringLiteral("%1 has appearance %2 besides /N.")
                                        .arg(what, QString::fromStdString(key)));
        }
        QPDFObjectHandle normal = appearance.getKey("/N");
        const bool button = subtype == u"Widget" && fieldType(dictionary) == u"Btn";
        if (button ? !normal.isDictionary() : !normal.isStream())
            report.add("6.3.3", QStringLiteral("The normal appearance of %1 is not %2.")
                                    .arg(what, button ? QStringLiteral("a dictionary of states")
                                                      : QStringLiteral("a stream")));
    }
    if (subtype == u"Widget" && dictionary.hasKey("/A"))
        report.add("6.4.1", QStringLiteral("%1 has an action (/A).").arg(what));
}

// 6.4.3: the signature covers the whole file, or the whole revision it was made for, except
// its own /Contents hex string.
void checkSignature(const QByteArray& bytes, QPDFObjectHandle signature, Report& report)
{
    const QString what = QStringLiteral("Signature %1").arg(describe(signature));
    QPDFObjectHandle range = signature.getKey("/ByteRange");
    QPDFObjectHandle contents = signature.getKey("/Contents");
    std::vector<long long> r;
    if (range.isArray() && range.getArrayNItems() == 4) {
        for (QPDFObjectHandle item : range.getArrayAsVector()) {
            if (item.isInteger())
                r.push_back(item.getIntValue());
        }
    }
    if (r.size() != 4 || !contents.isString()) {
        report.add("6.4.3", QStringLiteral("%1 lacks a /ByteRange of four integers or a "
                                           "/Contents string.")
                                .arg(what));
        return;
    }
    const long long gapStart = r[0] + r[1];
    const long long gapEnd = r[2];
    const long long end = r[2] + r[3];
    if (r[0] != 0 || r[1] <= 0 || gapEnd <= gapStart || r[3] < 0 || end > bytes.size()) {
        report.add("6.4.3", QStringLiteral("%1: /ByteRange [%2 %3 %4 %5] does not start at 0 or "
                                           "lies outside the file.")
                                .arg(what)
                                .arg(r[0])
                                .arg(r[1])
                                .arg(r[2])
                                .arg(r[3]));
        return;
    }
    const QByteArray gap = bytes.mid(gapStart, gapEnd - gapStart);
    bool exact = gap.size() == 2 + 2 * static_cast<qsizetype>(contents.getStringValue().size()) &&
                 gap.startsWith('<') && gap.endsWith('>');
    for (qsizetype i = 1; exact && i + 1 < gap.size(); ++i)
        exact = std::isxdigit(static_cast<unsigned char>(gap[i])) != 0;
    if (!exact)
        report.add("6.4.3", QStringLiteral("%1: the bytes /ByteRange leaves out are not exactly "
                                           "the /Contents hex string.")
                                .arg(what));
    QByteArray signedPart = bytes.left(static_cast<qsizetype>(end));
    for (int i = 0; i < 2 && (signedPart.endsWith('\n') || signedPart.endsWith('\r')); ++i)
        signedPart.chop(1);
    if (!signedPart.endsWith("%%EOF"))
        report.add("6.4.3", QStringLiteral("%1: /ByteRange does not run to the end of the file "
                                           "or of a revision (%%EOF).")
                                .arg(what));
}

// Signature dictionaries: typed /Sig or /DocTimeStamp, or the value of a signature field.
std::vector<QPDFObjectHandle> signatures(QPDF& pdf, const DocumentParts& parts)
{
    std::vector<QPDFObjectHandle> found;
    std::set<QPDFObjGen> seen;
    const auto add = [&](QPDFObjectHandle signature) {
        if (signature.isDictionary() &&
            (!signature.isIndirect() || seen.insert(signature.getObjGen()).second))
            found.push_back(signature);
    };
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (object.isDictionary() && (isName(object.getKey("/Type"), "Sig") ||
                                      isName(object.getKey("/Type"), "DocTimeStamp")))
            add(object);
    }
    for (const Annotation& annotation : parts.annotations) {
        QPDFObjectHandle dictionary = annotation.dictionary;
        if (fieldType(dictionary) == u"Sig")
            add(dictionary.getKey("/V"));
    }
    return found;
}

// 6.5.1 and 6.5.2 over every dictionary; 6.8 for embedded file specifications.
void checkActions(QPDF& pdf, Report& report)
{
    static const std::set<std::string> forbidden = {
        "/Launch",      "/Sound",     "/Movie", "/ResetForm",  "/ImportData", "/Hide",
        "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript"};
    static const std::set<std::string> navigation = {"/NextPage", "/PrevPage", "/FirstPage",
                                                     "/LastPage"};
    forEachObject(pdf, [&report](QPDFObjectHandle object, QPDFObjectHandle owner) {
        if (!object.isDictionary())
            return;
        const QString where = describe(owner);
        if (object.hasKey("/JS"))
            report.add("6.5.1", QStringLiteral("%1 holds JavaScript (/JS).").arg(where));
        // Structure elements also have /S; they are not actions.
        const bool structure = isName(object.getKey("/Type"), "StructElem") ||
                               (object.hasKey("/P") && object.hasKey("/K"));
        QPDFObjectHandle type = object.getKey("/S");
        if (type.isName() && !structure) {
            if (forbidden.count(type.getName()) > 0)
                report.add("6.5.1",
                           QStringLiteral("%1 holds a %2 action.").arg(where, nameOf(type)));
            QPDFObjectHandle named = object.getKey("/N");
            if (type.getName() == "/Named" &&
                !(named.isName() && navigation.count(named.getName()) > 0))
                report.add("6.5.1", QStringLiteral("%1 holds a named action other than "
                                                   "NextPage, PrevPage, FirstPage or LastPage.")
                                        .arg(where));
        }
        if (object.hasKey("/AA")) {
            if (isName(object.getKey("/Subtype"), "Widget") || object.hasKey("/FT"))
                report.add("6.4.1", QStringLiteral("The form field or widget %1 has additional "
                                                   "actions (/AA).")
                                        .arg(where));
            else if (isName(object.getKey("/Type"), "Catalog") ||
                     isName(object.getKey("/Type"), "Page"))
                report.add("6.5.2", QStringLiteral("The %1 (%2) has additional actions (/AA).")
                                        .arg(nameOf(object.getKey("/Type")).toLower(), where));
            else
                report.add("6.5.2", QStringLiteral("SoHoa rule: %1 has additional actions "
                                                   "(/AA).")
                                        .arg(where));
        }
        if (object.hasKey("/EF"))
            report.add("6.8", QStringLiteral("SoHoa rule: %1 is a file specification with an "
                                             "embedded file (/EF).")
                                  .arg(where));
    });
}

// Catalog entries: 6.1.12, 6.4.1, 6.4.2, 6.5.1, 6.8, 6.9, 6.10.
void checkCatalog(QPDF& pdf, const DocumentParts& parts, Report& report)
{
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle names = root.getKey("/Names");
    if (names.isDictionary()) {
        if (names.hasKey("/JavaScript"))
            report.add("6.5.1", QStringLiteral("The name dictionary has a /JavaScript tree."));
        if (names.hasKey("/EmbeddedFiles"))
            report.add("6.8", QStringLiteral("SoHoa rule: the name dictionary has "
                                             "/EmbeddedFiles."));
        if (names.hasKey("/AlternatePresentations"))
            report.add("6.10", QStringLiteral("The name dictionary has "
                                              "/AlternatePresentations."));
    }
    for (size_t i = 0; i < parts.pages.size(); ++i) {
        QPDFObjectHandle page = parts.pages[i];
        if (page.hasKey("/PresSteps"))
            report.add("6.10", QStringLiteral("Page %1 has /PresSteps.").arg(i + 1));
    }

    QPDFObjectHandle form = root.getKey("/AcroForm");
    if (form.isDictionary()) {
        QPDFObjectHandle need = form.getKey("/NeedAppearances");
        if (need.isBool() && need.getBoolValue())
            report.add("6.4.1", QStringLiteral("The interactive form has /NeedAppearances "
                                               "true."));
        if (form.hasKey("/XFA"))
            report.add("6.4.2", QStringLiteral("The interactive form has /XFA."));
    }
    QPDFObjectHandle rendering = root.getKey("/NeedsRendering");
    if (rendering.isBool() && rendering.getBoolValue())
        report.add("6.4.2", QStringLiteral("The catalog has /NeedsRendering true."));

    QPDFObjectHandle permissions = root.getKey("/Perms");
    if (permissions.isDictionary()) {
        for (const std::string& key : permissions.getKeys()) {
            if (key != "/DocMDP" && key != "/UR3")
                report.add("6.1.12", QStringLiteral("The permissions dictionary has %1.")
                                         .arg(QString::fromStdString(key)));
        }
    }

    // 6.9: every optional content configuration is named and has no /AS.
    QPDFObjectHandle optional = root.getKey("/OCProperties");
    if (optional.isDictionary()) {
        std::vector<QPDFObjectHandle> configurations{optional.getKey("/D")};
        if (!configurations.front().isDictionary())
            report.add("6.9", QStringLiteral("The optional content properties have no default "
                                             "configuration (/D)."));
        QPDFObjectHandle others = optional.getKey("/Configs");
        if (others.isArray()) {
            for (QPDFObjectHandle configuration : others.getArrayAsVector())
                configurations.push_back(configuration);
        }
        for (QPDFObjectHandle configuration : configurations) {
            if (!configuration.isDictionary())
                continue;
            if (!configuration.getKey("/Name").isString())
                report.add("6.9", QStringLiteral("Optional content configuration %1 has no "
                                                 "/Name.")
                                      .arg(describe(configuration)));
            if (configuration.hasKey("/AS"))
                report.add("6.9", QStringLiteral("Optional content configuration %1 has /AS.")
                                      .arg(describe(configuration)));
        }
    }
}

} // namespace

void checkInteractive(const QByteArray& bytes, QPDF& pdf, const DocumentParts& parts,
                      Report& report)
{
    checkCatalog(pdf, parts, report);
    for (const Annotation& annotation : parts.annotations)
        checkAnnotation(annotation, report);
    for (QPDFObjectHandle signature : signatures(pdf, parts))
        checkSignature(bytes, signature, report);
    checkActions(pdf, report);
}

} // namespace sohoa::testing::pdfa
