// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/IncrementalPdf.h"

#include "pdf/PdfSyntax.h"

#include <QRegularExpression>
#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace sohoa::testing {

namespace {

// Fixed width, so the real offsets can be written over it once the file is complete.
constexpr char kByteRangePlaceholder[] = "/ByteRange [0 0000000000 0000000000 0000000000]";

QByteArray streamObject(const QByteArray& operators)
{
    return "<< /Length " + QByteArray::number(operators.size()) + " >>\nstream\n" + operators +
           "\nendstream";
}

QByteArray references(const std::vector<int>& numbers)
{
    QByteArray text = "[";
    for (int number : numbers)
        text += pdf::syntax::reference(number) + ' ';
    text.chop(1);
    return text + "]";
}

QByteArray signatureDictionary(const SignatureFieldOptions& options)
{
    const QByteArray subFilter =
        options.subFilter.isEmpty() ? QByteArray(IncrementalPdf::kSubFilter) : options.subFilter;
    const QByteArray signingTime = options.signingTime.isValid()
                                       ? pdf::syntax::date(options.signingTime)
                                       : "(" + QByteArray(IncrementalPdf::kSigningTime) + ")";
    const qsizetype contentsBytes =
        options.contentsBytes > 0 ? options.contentsBytes : IncrementalPdf::kContentsBytes;
    return "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /" + subFilter + " /M " + signingTime +
           " " + kByteRangePlaceholder + " /Contents <" + QByteArray(2 * contentsBytes, '0') +
           "> >>";
}

// The first capture of `pattern` in `pdf` after the last `keyword`; empty when absent.
QByteArray lastValueAfter(const QByteArray& pdf, const char* keyword, const char* pattern)
{
    const qsizetype at = pdf.lastIndexOf(keyword);
    if (at < 0)
        return {};
    const auto match = QRegularExpression(QLatin1String(pattern))
                           .match(QString::fromLatin1(pdf.mid(at + qstrlen(keyword))));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

QByteArray padded(qint64 value)
{
    return QByteArray::number(value).rightJustified(10, ' ');
}

} // namespace

IncrementalPdf::IncrementalPdf()
{
    bytes_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    staged_ = {{1, "<< /Type /Catalog /Pages 2 0 R >>"},
               {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
               {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>"},
               {4, streamObject("0 0 1 rg 20 20 160 60 re f")}};
    size_ = 5;
    appendUpdate();
}

IncrementalPdf::IncrementalPdf(const QByteArray& existing) : bytes_(existing)
{
    root_ = lastValueAfter(existing, "trailer", R"(/Root\s+(\d+\s+\d+\s+R))");
    info_ = lastValueAfter(existing, "trailer", R"(/Info\s+(\d+\s+\d+\s+R))");
    size_ = lastValueAfter(existing, "trailer", R"(/Size\s+(\d+))").toInt();
    lastXref_ = lastValueAfter(existing, "startxref", R"(^\s*(\d+))").toLongLong();
    if (root_.isEmpty() || size_ == 0 || lastXref_ == 0)
        throw std::runtime_error("IncrementalPdf: no classic trailer to continue from");
}

IncrementalPdf IncrementalPdf::withField(const QString& name, const SignatureFieldOptions& options)
{
    IncrementalPdf pdf;
    pdf.addSignatureField(name, options);
    pdf.appendUpdate();
    return pdf;
}

int IncrementalPdf::newObject(const QByteArray& body)
{
    staged_.emplace_back(size_, body);
    return size_++;
}

void IncrementalPdf::addSignatureField(const QString& name, const SignatureFieldOptions& options)
{
    QByteArray field = "<< /Type /Annot /Subtype /Widget /T " + pdf::syntax::textString(name) +
                       " /Rect [0 0 0 0] /F 132 /P 3 0 R";
    if (options.withValue) {
        field += " /V " + pdf::syntax::reference(newObject(signatureDictionary(options)));
        anySigned_ = true;
    }
    int topLevel = 0;
    if (options.parentName.isEmpty()) {
        topLevel = newObject(field + " /FT /Sig >>");
        widgets_.push_back(topLevel);
    } else {
        // The kid inherits /FT from its parent, which holds no value itself.
        topLevel = size_++;
        const int kid = newObject(field + " /Parent " + pdf::syntax::reference(topLevel) + " >>");
        staged_.emplace_back(topLevel, "<< /FT /Sig /T " +
                                           pdf::syntax::textString(options.parentName) +
                                           " /Kids [" + pdf::syntax::reference(kid) + "] >>");
        widgets_.push_back(kid);
    }
    if (options.listedInAcroForm)
        acroFormFields_.push_back(topLevel);
    pageChanged_ = true;
}

void IncrementalPdf::appendPageRedraw(const QByteArray& operators)
{
    appendReplacement(4, streamObject(operators));
}

void IncrementalPdf::appendReplacement(int number, const QByteArray& body)
{
    staged_.emplace_back(number, body);
    size_ = std::max(size_, number + 1);
    appendUpdate();
}

void IncrementalPdf::appendInfo(const QString& title)
{
    info_ =
        pdf::syntax::reference(newObject("<< /Title " + pdf::syntax::textString(title) + " >>"));
    appendUpdate();
}

void IncrementalPdf::appendUpdate()
{
    const bool first = lastXref_ == 0;
    if (pageChanged_) {
        QByteArray catalog = "<< /Type /Catalog /Pages 2 0 R";
        if (!acroFormFields_.empty())
            catalog += " /AcroForm << /Fields " + references(acroFormFields_) +
                       (anySigned_ ? " /SigFlags 3" : "") + " >>";
        staged_.emplace_back(1, catalog + " >>");
        staged_.emplace_back(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] "
                                "/Contents 4 0 R /Annots " +
                                    references(widgets_) + " >>");
        pageChanged_ = false;
    }

    const qint64 updateStart = bytes_.size();
    QByteArray xref = "xref\n";
    if (first)
        xref += "0 1\n0000000000 65535 f \n";
    for (const auto& [number, body] : staged_) {
        xref += QByteArray::number(number) + " 1\n" +
                QByteArray::number(bytes_.size()).rightJustified(10, '0') + " 00000 n \n";
        bytes_ += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    }
    staged_.clear();
    const qint64 xrefOffset = bytes_.size();
    bytes_ += xref + "trailer\n<< /Size " + QByteArray::number(size_) + " /Root " + root_;
    if (!info_.isEmpty())
        bytes_ += " /Info " + info_;
    if (!first)
        bytes_ += " /Prev " + QByteArray::number(lastXref_);
    bytes_ += " >>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    lastXref_ = xrefOffset;
    fixByteRanges(updateStart);
}

void IncrementalPdf::fixByteRanges(qint64 updateStart)
{
    const qint64 width = static_cast<qint64>(std::strlen(kByteRangePlaceholder));
    for (qint64 at = bytes_.indexOf(kByteRangePlaceholder, updateStart); at >= 0;
         at = bytes_.indexOf(kByteRangePlaceholder, at + width)) {
        const qint64 contentsStart = bytes_.indexOf("/Contents <", at) + 10;
        const qint64 contentsEnd = bytes_.indexOf('>', contentsStart) + 1;
        const QByteArray range = "/ByteRange [0 " + padded(contentsStart) + " " +
                                 padded(contentsEnd) + " " + padded(bytes_.size() - contentsEnd) +
                                 "]";
        bytes_.replace(at, width, range);
        contentsStart_ = contentsStart;
        contentsEnd_ = contentsEnd;
        signedEnd_ = bytes_.size();
    }
}

QByteArray IncrementalPdf::signedBytes() const
{
    return bytes_.left(contentsStart_) + bytes_.mid(contentsEnd_, signedEnd_ - contentsEnd_);
}

void IncrementalPdf::setSignatureContents(const QByteArray& container)
{
    const QByteArray hex = container.toHex();
    const qsizetype room = contentsEnd_ - contentsStart_ - 2;
    if (hex.size() > room)
        throw std::runtime_error("IncrementalPdf: the signature does not fit in /Contents");
    bytes_.replace(contentsStart_ + 1, room, hex + QByteArray(room - hex.size(), '0'));
}

void IncrementalPdf::appendSignature(const QString& name,
                                     const std::function<QByteArray(const QByteArray&)>& sign,
                                     const QByteArray& subFilter)
{
    SignatureFieldOptions options;
    options.signingTime = QDateTime::currentDateTimeUtc();
    options.contentsBytes = 16384;
    options.subFilter = subFilter;
    addSignatureField(name, options);
    appendUpdate();
    setSignatureContents(sign(signedBytes()));
}

} // namespace sohoa::testing
