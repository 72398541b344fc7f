// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfObjectWriter.h"

#include "domain/UserError.h"
#include "pdf/PdfSyntax.h"

#include <QIODevice>
#include <stdexcept>

namespace sohoa::pdf {

namespace {
constexpr qint64 notWritten = -1;
}

PdfObjectWriter::PdfObjectWriter(QIODevice& out) : out_(out)
{
    if (!out_.isOpen() || !out_.isWritable())
        throw UserError(ErrorKind::Processing, tr("The PDF output is not open for writing."));
    write(QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
}

int PdfObjectWriter::reserve()
{
    offsets_.push_back(notWritten);
    return static_cast<int>(offsets_.size() - 1);
}

void PdfObjectWriter::beginObject(int number)
{
    if (finished_ || number <= 0 || static_cast<size_t>(number) >= offsets_.size() ||
        offsets_[static_cast<size_t>(number)] != notWritten)
        throw std::logic_error("PdfObjectWriter: object not reserved or written twice");
    offsets_[static_cast<size_t>(number)] = position_;
    write(QByteArray::number(number) + " 0 obj\n");
}

void PdfObjectWriter::writeObject(int number, const QByteArray& body)
{
    beginObject(number);
    write(body + "\nendobj\n");
}

void PdfObjectWriter::writeStream(int number, const QByteArray& dictionaryEntries,
                                  const QByteArray& data)
{
    beginObject(number);
    write("<< " + dictionaryEntries + " /Length " + QByteArray::number(data.size()) +
          " >>\nstream\n");
    write(data);
    write(QByteArrayLiteral("\nendstream\nendobj\n"));
}

void PdfObjectWriter::finish(const QByteArray& trailerEntries)
{
    if (finished_)
        throw std::logic_error("PdfObjectWriter: finish() called twice");
    for (const qint64 offset : offsets_) {
        if (offset == notWritten)
            throw std::logic_error("PdfObjectWriter: a reserved object was never written");
    }
    // The file identifier only needs to be unique; a digest of everything before the xref
    // (which includes the creation date) is that, and needs no random source.
    const QByteArray id = syntax::hexString(digest_.result());
    const qint64 xrefOffset = position_;

    QByteArray xref = "xref\n0 " + QByteArray::number(offsets_.size()) + '\n';
    xref += "0000000000 65535 f\r\n";
    for (size_t i = 1; i < offsets_.size(); ++i)
        xref += QByteArray::number(offsets_[i]).rightJustified(10, '0') + " 00000 n\r\n";
    write(xref);
    write("trailer\n<< /Size " + QByteArray::number(offsets_.size()) + ' ' + trailerEntries +
          " /ID [" + id + ' ' + id + "] >>\nstartxref\n" + QByteArray::number(xrefOffset) +
          "\n%%EOF\n");
    finished_ = true;
}

void PdfObjectWriter::write(const QByteArray& bytes)
{
    if (out_.write(bytes) != bytes.size())
        throw UserError(ErrorKind::Processing,
                        tr("Could not write the PDF: %1").arg(out_.errorString()));
    digest_.addData(bytes);
    position_ += bytes.size();
}

} // namespace sohoa::pdf
