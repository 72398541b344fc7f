// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfSignatureProbe.h"

#include "domain/UserError.h"
#include "pdf/PdfSyntax.h"

#include <new>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <set>
#include <string>

namespace sohoa::pdf {

namespace {

// Field trees nest a few levels; the cap only stops a hostile file from exhausting the stack.
constexpr int kMaxFieldDepth = 64;

QString nameValue(QPDFObjectHandle object)
{
    std::string value;
    if (!object.getValueAsName(value) || value.empty())
        return {};
    return QString::fromStdString(value.substr(1)); // qpdf keeps the leading slash
}

QString textValue(QPDFObjectHandle object)
{
    std::string value;
    return object.getValueAsUTF8(value) ? QString::fromStdString(value) : QString();
}

std::vector<qint64> integers(QPDFObjectHandle array)
{
    std::vector<qint64> values;
    if (!array.isArray())
        return values;
    for (QPDFObjectHandle item : array.aitems()) {
        long long value = 0;
        if (!item.getValueAsInt(value))
            return {};
        values.push_back(value);
    }
    return values;
}

// Pairs in increasing, non-overlapping order from byte 0 to the end of the file.
bool coversWholeFile(const std::vector<qint64>& range, qint64 fileSize)
{
    if (range.size() < 2 || range.size() % 2 != 0 || range.front() != 0)
        return false;
    qint64 end = 0;
    for (std::size_t index = 0; index < range.size(); index += 2) {
        const qint64 start = range[index];
        const qint64 length = range[index + 1];
        if (start < end || start > fileSize || length < 0 || length > fileSize - start)
            return false;
        end = start + length;
    }
    return end == fileSize;
}

// Calls `visit` on `field`, then on each /Parent up the tree, until it returns false. A loop of
// /Parent links in a damaged file ends the walk.
template <typename Visit> void walkUp(QPDFObjectHandle field, Visit&& visit)
{
    std::set<QPDFObjGen> seen;
    for (QPDFObjectHandle node = field; node.isDictionary(); node = node.getKey("/Parent")) {
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second)
            return;
        if (!visit(node))
            return;
    }
}

// /FT is inheritable: a widget kid or a terminal field may take it from an ancestor.
bool isSignatureField(QPDFObjectHandle field)
{
    bool signature = false;
    walkUp(field, [&signature](QPDFObjectHandle node) {
        if (!node.hasKey("/FT"))
            return true;
        signature = node.getKey("/FT").isNameAndEquals("/Sig");
        return false;
    });
    return signature;
}

QString qualifiedName(QPDFObjectHandle field)
{
    QStringList parts;
    walkUp(field, [&parts](QPDFObjectHandle node) {
        const QString part = textValue(node.getKey("/T"));
        if (!part.isEmpty())
            parts.prepend(part);
        return true;
    });
    return parts.join(QLatin1Char('.'));
}

class SignatureCollector
{
public:
    explicit SignatureCollector(qint64 fileSize) : fileSize_(fileSize) {}

    void visitField(QPDFObjectHandle field, int depth)
    {
        if (!field.isDictionary() || depth > kMaxFieldDepth)
            return;
        if (field.isIndirect() && !visitedFields_.insert(field.getObjGen()).second)
            return;
        addIfSigned(field);
        QPDFObjectHandle kids = field.getKey("/Kids");
        if (kids.isArray())
            for (QPDFObjectHandle kid : kids.aitems())
                visitField(kid, depth + 1);
    }

    // A widget may be missing from /Fields; its value sits on the widget (merged with its
    // field) or on an ancestor field.
    void visitWidget(QPDFObjectHandle annotation)
    {
        if (!annotation.isDictionary() || !annotation.getKey("/Subtype").isNameAndEquals("/Widget"))
            return;
        walkUp(annotation, [this](QPDFObjectHandle node) {
            if (!node.hasKey("/V"))
                return true;
            addIfSigned(node);
            return false;
        });
    }

    std::vector<PdfSignature> take() { return std::move(signatures_); }

private:
    void addIfSigned(QPDFObjectHandle field)
    {
        QPDFObjectHandle value = field.getKey("/V");
        if (!value.isDictionary() || !isSignatureField(field))
            return;
        // The same signature is reached from /Fields and from its widget: count it once.
        const QPDFObjGen identity = value.isIndirect() ? value.getObjGen() : field.getObjGen();
        if (identity.isIndirect() && !seenValues_.insert(identity).second)
            return;

        PdfSignature signature;
        signature.fieldName = qualifiedName(field);
        signature.type = nameValue(value.getKey("/Type"));
        signature.filter = nameValue(value.getKey("/Filter"));
        signature.subFilter = nameValue(value.getKey("/SubFilter"));
        signature.signingTime = syntax::parseDate(textValue(value.getKey("/M")));
        signature.byteRange = integers(value.getKey("/ByteRange"));
        std::string contents;
        if (value.getKey("/Contents").getValueAsString(contents))
            signature.contents = QByteArray::fromStdString(contents);
        signature.coversWholeFile = coversWholeFile(signature.byteRange, fileSize_);
        signatures_.push_back(std::move(signature));
    }

    qint64 fileSize_;
    std::set<QPDFObjGen> visitedFields_;
    std::set<QPDFObjGen> seenValues_;
    std::vector<PdfSignature> signatures_;
};

} // namespace

std::vector<PdfSignature> PdfSignatureProbe::signaturesIn(const QByteArray& pdf,
                                                          const QString& name)
{
    QPDF document;
    // Damage qpdf repairs is not the user's concern here; what it cannot repair throws.
    document.setSuppressWarnings(true);
    try {
        document.processMemoryFile("PDF", pdf.constData(), static_cast<std::size_t>(pdf.size()));
        SignatureCollector collector(pdf.size());
        QPDFObjectHandle fields =
            document.getRoot().getKeyIfDict("/AcroForm").getKeyIfDict("/Fields");
        if (fields.isArray())
            for (QPDFObjectHandle field : fields.aitems())
                collector.visitField(field, 0);
        for (QPDFObjectHandle page : document.getAllPages()) {
            QPDFObjectHandle annotations = page.getKeyIfDict("/Annots");
            if (annotations.isArray())
                for (QPDFObjectHandle annotation : annotations.aitems())
                    collector.visitWidget(annotation);
        }
        return collector.take();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& error) {
        const auto* qpdfError = dynamic_cast<const QPDFExc*>(&error);
        if (qpdfError && qpdfError->getErrorCode() == qpdf_e_password)
            throw UserError(ErrorKind::InvalidInput,
                            tr("%1 is protected by a password; SoHoa cannot open it.").arg(name));
        throw UserError(ErrorKind::InvalidInput,
                        tr("%1 is damaged: its PDF structure cannot be read.").arg(name));
    }
}

bool PdfSignatureProbe::modifiedAfterSigning(const std::vector<PdfSignature>& signatures)
{
    if (signatures.empty())
        return false;
    for (const PdfSignature& signature : signatures)
        if (signature.coversWholeFile)
            return false;
    return true;
}

} // namespace sohoa::pdf
