// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/SigningTarget.h"

#include "domain/UserError.h"

#include <QRegularExpression>
#include <algorithm>
#include <new>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <stdexcept>

namespace sohoa::pdf {

namespace {

// Thrown inside read() when the file is readable but not as a signable PDF.
struct Unsignable : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

QByteArray unparsed(QPDFObjectHandle object)
{
    return QByteArray::fromStdString(object.unparse());
}

OriginalDictionary dictionaryOf(QPDFObjectHandle object)
{
    OriginalDictionary dictionary;
    if (!object.isDictionary())
        return dictionary;
    if (object.isIndirect()) {
        dictionary.number = object.getObjectID();
        dictionary.generation = object.getGeneration();
    }
    for (const std::string& key : object.getKeys())
        dictionary.entries.emplace_back(unparsed(QPDFObjectHandle::newName(key)),
                                        unparsed(object.getKey(key)));
    return dictionary;
}

std::vector<QByteArray> itemsOf(QPDFObjectHandle array)
{
    std::vector<QByteArray> items;
    if (array.isArray()) {
        for (QPDFObjectHandle item : array.aitems())
            items.push_back(unparsed(item));
    }
    return items;
}

PdfRect rectangleOf(QPDFObjectHandle array)
{
    if (!array.isRectangle())
        throw Unsignable("not a rectangle");
    const QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
    return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
            std::max(r.lly, r.ury)};
}

// /FT is inheritable: a widget may take it from its parent field.
bool isSignatureWidget(QPDFObjectHandle annotation)
{
    std::set<QPDFObjGen> seen;
    for (QPDFObjectHandle node = annotation; node.isDictionary(); node = node.getKey("/Parent")) {
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second)
            return false;
        if (node.hasKey("/FT"))
            return node.getKey("/FT").isNameAndEquals("/Sig");
    }
    return false;
}

PageFrame frameOf(QPDFObjectHandle page)
{
    QPDFPageObjectHelper helper(page);
    const PdfRect media = rectangleOf(helper.getMediaBox());
    const PdfRect crop = rectangleOf(helper.getCropBox()); // the MediaBox when absent
    const PdfRect visible{std::max(media.left, crop.left), std::max(media.bottom, crop.bottom),
                          std::min(media.right, crop.right), std::min(media.top, crop.top)};
    if (visible.width() <= 0 || visible.height() <= 0)
        throw Unsignable("page 1 shows nothing");
    QPDFObjectHandle rotate = helper.getAttribute("/Rotate", false);
    return {visible, rotate.isInteger() ? static_cast<int>(rotate.getIntValue()) : 0};
}

// The offset after the file's last "startxref".
qint64 lastXref(const QByteArray& pdf)
{
    static const QRegularExpression number(QStringLiteral("startxref\\s+(\\d+)\\s+%%EOF"));
    const qsizetype at = pdf.lastIndexOf("startxref");
    const QRegularExpressionMatch match =
        number.match(QString::fromLatin1(pdf.mid(at < 0 ? pdf.size() : at, 64)));
    if (!match.hasMatch())
        throw Unsignable("no startxref");
    return match.captured(1).toLongLong();
}

// The catalog, its /AcroForm and the names of the form's top-level fields.
void readForm(SigningTarget& target, QPDFObjectHandle root)
{
    target.catalog = dictionaryOf(root);
    QPDFObjectHandle form = root.getKey("/AcroForm");
    target.acroForm = dictionaryOf(form);
    if (!form.isDictionary())
        return;
    QPDFObjectHandle fields = form.getKey("/Fields");
    target.fields = itemsOf(fields);
    if (!fields.isArray())
        return;
    for (QPDFObjectHandle field : fields.aitems()) {
        std::string title;
        if (field.isDictionary() && field.getKey("/T").getValueAsUTF8(title))
            target.fieldNames << QString::fromStdString(title);
    }
}

// Page 1: its dictionary, what a reader shows of it, its annotations and signature widgets.
void readPage(SigningTarget& target, QPDFObjectHandle page)
{
    target.page = dictionaryOf(page);
    target.pageReference = unparsed(page);
    target.frame = frameOf(page);
    QPDFObjectHandle annotations = page.getKey("/Annots");
    target.annotations = itemsOf(annotations);
    if (!annotations.isArray())
        return;
    for (QPDFObjectHandle annotation : annotations.aitems()) {
        if (isSignatureWidget(annotation) && annotation.getKey("/Rect").isRectangle())
            target.signatureRects.push_back(rectangleOf(annotation.getKey("/Rect")));
    }
}

} // namespace

QByteArray
OriginalDictionary::with(const std::vector<std::pair<QByteArray, QByteArray>>& changes) const
{
    std::vector<std::pair<QByteArray, QByteArray>> result = entries;
    for (const auto& [key, value] : changes) {
        const auto found = std::find_if(result.begin(), result.end(),
                                        [&key](const auto& entry) { return entry.first == key; });
        if (found != result.end())
            found->second = value;
        else
            result.emplace_back(key, value);
    }
    QByteArray text = "<<";
    for (const auto& [key, value] : result)
        text += ' ' + key + ' ' + value;
    return text + " >>";
}

SigningTarget SigningTarget::read(const QByteArray& pdf, const QString& name)
{
    const auto encrypted = [&name] {
        return UserError(ErrorKind::InvalidInput,
                         tr("%1 is encrypted; SoHoa signs only PDFs without a password or "
                            "restrictions.")
                             .arg(name));
    };
    QPDF document;
    document.setSuppressWarnings(true);
    // No reconstruction: the update must extend the file as written.
    document.setAttemptRecovery(false);
    try {
        document.processMemoryFile("PDF", pdf.constData(), static_cast<std::size_t>(pdf.size()));
        if (document.isEncrypted())
            throw encrypted();
        SigningTarget target;
        QPDFObjectHandle trailer = document.getTrailer();
        QPDFObjectHandle size = trailer.getKey("/Size");
        QPDFObjectHandle root = trailer.getKey("/Root");
        if (!size.isInteger() || size.getIntValue() < 1 || !root.isIndirect() ||
            !root.isDictionary())
            throw Unsignable("trailer");
        target.revision.fileSize = pdf.size();
        target.revision.objectCount = static_cast<int>(size.getIntValue());
        target.revision.lastXref = lastXref(pdf);
        QPDFObjectHandle id = trailer.getKey("/ID");
        if (id.isArray() && id.getArrayNItems() == 2 && id.getArrayItem(0).isString())
            target.revision.firstId =
                QByteArray::fromStdString(id.getArrayItem(0).getStringValue());
        target.rootReference = unparsed(root);
        if (trailer.getKey("/Info").isIndirect())
            target.infoReference = unparsed(trailer.getKey("/Info"));

        readForm(target, root);
        const std::vector<QPDFObjectHandle>& pages = document.getAllPages();
        if (pages.empty() || !pages.front().isIndirect())
            throw Unsignable("no pages");
        readPage(target, pages.front());
        // qpdf reads objects when asked: damage met on the way shows up as warnings.
        if (document.anyWarnings())
            throw Unsignable("warnings");
        return target;
    } catch (const UserError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& error) {
        const auto* qpdfError = dynamic_cast<const QPDFExc*>(&error);
        if (qpdfError && qpdfError->getErrorCode() == qpdf_e_password)
            throw encrypted();
        throw UserError(ErrorKind::InvalidInput,
                        tr("%1 is damaged and cannot be signed; scan or export the document "
                           "again.")
                            .arg(name));
    }
}

} // namespace sohoa::pdf
