// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfObjectWriter.h"

#include "domain/UserError.h"
#include "pdf/PdfSyntax.h"

#include <QIODevice>
#include <stdexcept>

namespace sohoa::pdf {

namespace {
constexpr qint64 notWritten = -1;

QByteArray xrefLine(qint64 offset, int generation, char type)
{
    return QByteArray::number(offset).rightJustified(10, '0') + ' ' +
           QByteArray::number(generation).rightJustified(5, '0') + ' ' + type + "\r\n";
}
} // namespace

PdfObjectWriter::PdfObjectWriter(QIODevice& out) : out_(out)
{
    if (!out_.isOpen() || !out_.isWritable())
        throw UserError(ErrorKind::Processing, tr("The PDF output is not open for writing."));
    write(QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
}

PdfObjectWriter::PdfObjectWriter(QIODevice& out, const PreviousRevision& previous)
    : out_(out), previous_(previous), position_(previous.fileSize),
      nextNumber_(previous.objectCount)
{
    if (!out_.isOpen() || !out_.isWritable())
        throw UserError(ErrorKind::Processing, tr("The PDF output is not open for writing."));
}

int PdfObjectWriter::reserve()
{
    entries_[nextNumber_] = {notWritten, 0};
    return nextNumber_++;
}

void PdfObjectWriter::beginObject(int number, int generation)
{
    if (finished_)
        throw std::logic_error("PdfObjectWriter: object written after finish()");
    entries_[number] = {position_, generation};
    write(QByteArray::number(number) + ' ' + QByteArray::number(generation) + " obj\n");
}

void PdfObjectWriter::beginReserved(int number)
{
    const auto entry = entries_.find(number);
    if (entry == entries_.end() || entry->second.offset != notWritten)
        throw std::logic_error("PdfObjectWriter: object not reserved or written twice");
    beginObject(number, 0);
}

void PdfObjectWriter::writeObject(int number, const QByteArray& body)
{
    beginReserved(number);
    write(body + "\nendobj\n");
}

void PdfObjectWriter::replaceObject(int number, int generation, const QByteArray& body)
{
    if (!previous_ || number < 1 || number >= previous_->objectCount || entries_.contains(number))
        throw std::logic_error("PdfObjectWriter: not an object of the previous revision");
    beginObject(number, generation);
    write(body + "\nendobj\n");
}

void PdfObjectWriter::writeStream(int number, const QByteArray& dictionaryEntries,
                                  const QByteArray& data)
{
    beginReserved(number);
    write("<< " + dictionaryEntries + " /Length " + QByteArray::number(data.size()) +
          " >>\nstream\n");
    write(data); // not joined to the dictionary: a page image should not be copied
    write(QByteArrayLiteral("\nendstream\nendobj\n"));
}

QByteArray PdfObjectWriter::crossReferenceTable() const
{
    QByteArray xref = "xref\n";
    if (!previous_) {
        xref += "0 " + QByteArray::number(nextNumber_) + '\n' + xrefLine(0, 65535, 'f');
        for (const auto& [number, entry] : entries_)
            xref += xrefLine(entry.offset, entry.generation, 'n');
        return xref;
    }
    // An update lists only its own objects: one subsection per run of consecutive numbers.
    for (auto run = entries_.begin(); run != entries_.end();) {
        auto end = run;
        int count = 0;
        QByteArray lines;
        for (; end != entries_.end() && end->first == run->first + count; ++end, ++count)
            lines += xrefLine(end->second.offset, end->second.generation, 'n');
        xref += QByteArray::number(run->first) + ' ' + QByteArray::number(count) + '\n' + lines;
        run = end;
    }
    return xref;
}

void PdfObjectWriter::finish(const QByteArray& trailerEntries)
{
    if (finished_)
        throw std::logic_error("PdfObjectWriter: finish() called twice");
    for (const auto& [number, entry] : entries_) {
        if (entry.offset == notWritten)
            throw std::logic_error("PdfObjectWriter: a reserved object was never written");
    }
    // The file identifier only needs to be unique; a digest of everything written before the
    // xref (which includes the creation or signing date) is that, and needs no random source.
    // An update keeps the first identifier, which names the document (ISO 32000-1, 14.4).
    const QByteArray id = syntax::hexString(digest_.result());
    const QByteArray firstId =
        previous_ && !previous_->firstId.isEmpty() ? syntax::hexString(previous_->firstId) : id;
    const qint64 xrefOffset = position_;

    write(crossReferenceTable());
    QByteArray trailer =
        "trailer\n<< /Size " + QByteArray::number(nextNumber_) + ' ' + trailerEntries;
    if (previous_)
        trailer += " /Prev " + QByteArray::number(previous_->lastXref);
    write(trailer + " /ID [" + firstId + ' ' + id + "] >>\nstartxref\n" +
          QByteArray::number(xrefOffset) + "\n%%EOF\n");
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
