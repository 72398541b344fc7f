// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfSignatureWriter.h"

#include "domain/UserError.h"
#include "pdf/PdfObjectWriter.h"
#include "pdf/PdfSyntax.h"
#include "pdf/SigningTarget.h"
#include "pdf/StampLayout.h"
#include "pdf/StampPlacement.h"
#include "pdf/SubsetFont.h"

#include <QBuffer>

namespace sohoa::pdf {

namespace {

constexpr char fontResource[] = "F0";
// Annotation flags: Print (4) + Locked (128), as PDF/A and signature widgets want.
constexpr int printedAndLocked = 132;

QByteArray array(const std::vector<QByteArray>& items)
{
    QByteArray text = "[";
    for (const QByteArray& item : items)
        text += item + ' ';
    if (text.size() > 1)
        text.chop(1);
    return text + ']';
}

QByteArray numbers(std::initializer_list<double> values)
{
    std::vector<QByteArray> items;
    for (const double value : values)
        items.push_back(syntax::number(value));
    return array(items);
}

// "Signature1", "Signature2"...: the first not already a field name.
QString newFieldName(const QStringList& taken)
{
    for (int n = 1;; ++n) {
        const QString name = QStringLiteral("Signature%1").arg(n);
        if (!taken.contains(name))
            return name;
    }
}

} // namespace

PreparedSignature PdfSignatureWriter::prepare(const QByteArray& original,
                                              const SignatureRequest& request, const QString& name)
{
    if (request.stamp.lines.isEmpty() || !request.signingTime.isValid() ||
        request.cmsCapacity <= 0 || request.stamp.fontSizePt <= 0)
        throw UserError(ErrorKind::Processing,
                        tr("The signature stamp needs text, a signing time and a font size."));
    const SigningTarget target = SigningTarget::read(original, name);
    SubsetFont font(TrueTypeFont::fromFile(
        request.stamp.fontFile.isEmpty() ? QString::fromLatin1(SignatureStamp::defaultFontFile)
                                         : request.stamp.fontFile));
    const StampDrawing drawing =
        drawStamp(request.stamp.lines, request.stamp.fontSizePt, font, fontResource);
    const StampPlacement placement =
        placeStamp(target.frame, drawing.width, drawing.height, target.signatureRects);

    // The update starts on a line of its own; the original bytes stay as they are.
    QByteArray bytes = original;
    if (!bytes.endsWith('\n') && !bytes.endsWith('\r'))
        bytes += '\n';
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly | QIODevice::Append);
    PreviousRevision revision = target.revision;
    revision.fileSize = bytes.size();
    PdfObjectWriter writer(buffer, revision);

    const int signature = writer.reserve();
    const int widget = writer.reserve();
    const int appearance = writer.reserve();
    const int fontObject = writer.reserve();

    const qint64 signatureOffset = writer.bytesWritten();
    writer.writeObject(signature, PreparedSignature::signatureDictionary(request.signingTime,
                                                                         request.cmsCapacity));
    const PdfRect& rect = placement.rect;
    writer.writeObject(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " +
                                   syntax::textString(newFieldName(target.fieldNames)) + " /V " +
                                   syntax::reference(signature) + " /F " +
                                   QByteArray::number(printedAndLocked) + " /P " +
                                   target.pageReference + " /Rect " +
                                   numbers({rect.left, rect.bottom, rect.right, rect.top}) +
                                   " /AP << /N " + syntax::reference(appearance) + " >> >>");
    const auto& m = placement.matrix;
    writer.writeStream(appearance,
                       "/Type /XObject /Subtype /Form /BBox " +
                           numbers({0, 0, drawing.width, drawing.height}) + " /Matrix " +
                           numbers({m[0], m[1], m[2], m[3], m[4], m[5]}) +
                           " /Resources << /Font << /" + fontResource + ' ' +
                           syntax::reference(fontObject) + " >> >> /Filter /FlateDecode",
                       syntax::flate(drawing.content));
    writeEmbeddedFont(writer, fontObject, font.program(), font.encoder());

    std::vector<QByteArray> annotations = target.annotations;
    annotations.push_back(syntax::reference(widget));
    writer.replaceObject(target.page.number, target.page.generation,
                         target.page.with({{"/Annots", array(annotations)}}));
    std::vector<QByteArray> fields = target.fields;
    fields.push_back(syntax::reference(widget));
    const QByteArray form = target.acroForm.with({{"/Fields", array(fields)}, {"/SigFlags", "3"}});
    if (target.acroForm.number != 0)
        writer.replaceObject(target.acroForm.number, target.acroForm.generation, form);
    else
        writer.replaceObject(target.catalog.number, target.catalog.generation,
                             target.catalog.with({{"/AcroForm", form}}));

    QByteArray trailer = "/Root " + target.rootReference;
    if (!target.infoReference.isEmpty())
        trailer += " /Info " + target.infoReference;
    writer.finish(trailer);
    buffer.close();
    return PreparedSignature(std::move(bytes), signatureOffset);
}

} // namespace sohoa::pdf
