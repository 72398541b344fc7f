// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PreparedSignature.h"

#include "domain/UserError.h"
#include "pdf/PdfSyntax.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <stdexcept>

namespace sohoa::pdf {

namespace {
// Four numbers of ten digits each: room for files up to 10 GB, overwritten in place.
constexpr char byteRangePlaceholder[] = "/ByteRange [0 0000000000 0000000000 0000000000]";
constexpr char contentsKey[] = "/Contents <";

QByteArray paddedNumber(qint64 value)
{
    return QByteArray::number(value).rightJustified(10, ' ');
}
} // namespace

QByteArray PreparedSignature::signatureDictionary(const QDateTime& signingTime, qsizetype capacity)
{
    // /Contents last: everything after it in the file is still covered by the byte range.
    return "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M " +
           syntax::date(signingTime) + ' ' + byteRangePlaceholder + ' ' + contentsKey +
           QByteArray(2 * capacity, '0') + "> >>";
}

PreparedSignature::PreparedSignature(QByteArray bytes, qint64 dictionaryOffset)
    : bytes_(std::move(bytes))
{
    const qint64 range = bytes_.indexOf(byteRangePlaceholder, dictionaryOffset);
    const qint64 contents = bytes_.indexOf(contentsKey, dictionaryOffset);
    if (range < 0 || contents < 0)
        throw std::logic_error("PreparedSignature: no signature dictionary at the offset");
    contentsStart_ = contents + qint64(sizeof(contentsKey)) - 2; // at "<"
    contentsEnd_ = bytes_.indexOf('>', contentsStart_) + 1;
    const std::array<qint64, 4> r = byteRange();
    const QByteArray filled = "/ByteRange [0 " + paddedNumber(r[1]) + ' ' + paddedNumber(r[2]) +
                              ' ' + paddedNumber(r[3]) + ']';
    bytes_.replace(range, filled.size(), filled);
}

PreparedSignature::PreparedSignature(QByteArray bytes, qint64 contentsStart, qint64 contentsEnd)
    : bytes_(std::move(bytes)), contentsStart_(contentsStart), contentsEnd_(contentsEnd)
{
    bytes_.replace(contentsStart_ + 1, contentsEnd_ - contentsStart_ - 2,
                   QByteArray(contentsEnd_ - contentsStart_ - 2, '0'));
}

PreparedSignature PreparedSignature::reopen(QByteArray signedPdf,
                                            const std::vector<qint64>& byteRange)
{
    const bool lastRevision =
        byteRange.size() == 4 && byteRange[0] == 0 && byteRange[1] > 0 &&
        byteRange[2] > byteRange[1] + 1 && byteRange[2] + byteRange[3] == signedPdf.size() &&
        signedPdf.at(byteRange[1]) == '<' && signedPdf.at(byteRange[2] - 1) == '>';
    if (!lastRevision)
        throw UserError(ErrorKind::Processing,
                        tr("The signature is no longer the last change of the file, so its "
                           "container cannot be rewritten."));
    return PreparedSignature(std::move(signedPdf), byteRange[1], byteRange[2]);
}

std::array<qint64, 4> PreparedSignature::byteRange() const
{
    return {0, contentsStart_, contentsEnd_, bytes_.size() - contentsEnd_};
}

QByteArray PreparedSignature::signedBytes() const
{
    return bytes_.left(contentsStart_) + bytes_.mid(contentsEnd_);
}

QByteArray PreparedSignature::sha256() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(bytes_).first(contentsStart_));
    hash.addData(QByteArrayView(bytes_).sliced(contentsEnd_));
    return hash.result();
}

QByteArray PreparedSignature::withSignature(const QByteArray& cmsDer) const
{
    if (cmsDer.isEmpty())
        throw UserError(ErrorKind::Processing, tr("The signature is empty; sign the file again."));
    if (cmsDer.size() > capacity())
        throw UserError(ErrorKind::Processing,
                        tr("The signature is %1 bytes but the PDF has room for %2; sign again "
                           "with more room reserved.")
                            .arg(cmsDer.size())
                            .arg(capacity()));
    QByteArray signedFile = bytes_;
    const QByteArray hex = cmsDer.toHex().toUpper();
    signedFile.replace(contentsStart_ + 1, hex.size(), hex);
    return signedFile;
}

} // namespace sohoa::pdf
