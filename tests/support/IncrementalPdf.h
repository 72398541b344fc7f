// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <functional>
#include <vector>

namespace sohoa::testing {

struct SignatureFieldOptions
{
    bool withValue = true;        // false: an empty slot, no /V
    bool listedInAcroForm = true; // false: reachable only from the page's /Annots
    QString parentName;           // non-empty: the field is a kid of a parent field holding /FT
    // The signature dictionary; the defaults are IncrementalPdf's constants below.
    QDateTime signingTime;       // /M; invalid: kSigningTime
    QByteArray subFilter;        // empty: kSubFilter
    qsizetype contentsBytes = 0; // room in /Contents for the CMS container; 0: kContentsBytes

    static SignatureFieldOptions emptySlot()
    {
        SignatureFieldOptions options;
        options.withValue = false;
        return options;
    }
    static SignatureFieldOptions widgetOnly()
    {
        SignatureFieldOptions options;
        options.listedInAcroForm = false;
        return options;
    }
    static SignatureFieldOptions kidOf(const QString& parent)
    {
        SignatureFieldOptions options;
        options.parentName = parent;
        return options;
    }
};

// A hand-written one-page PDF (1 catalog, 2 page tree, 3 page, 4 content stream; a blue box)
// that grows by incremental updates, each with its own classic xref section, as signing tools
// append them. Signature dictionaries carry a /Contents of zeros until a test signs the bytes
// their /ByteRange covers (signedBytes) and writes the CMS in (setSignatureContents).
class IncrementalPdf
{
public:
    IncrementalPdf();
    // Continues a file another tool wrote or grew (e.g. pdfsig), whose last update ends with a
    // classic trailer; /Root and /Info carry over. Only the sample's object numbers are known,
    // so addSignatureField and appendPageRedraw need a file that began as the sample.
    explicit IncrementalPdf(const QByteArray& existing);
    // The sample after one update that adds the field `name`.
    static IncrementalPdf withField(const QString& name, const SignatureFieldOptions& options = {});

    // Staged for the next update: a signature field merged with its invisible widget on the
    // page.
    void addSignatureField(const QString& name, const SignatureFieldOptions& options = {});
    // Appends an update that replaces the page's content stream and nothing else.
    void appendPageRedraw(const QByteArray& operators);
    // Appends an update that replaces (or adds) object `number` with `body` and nothing else.
    void appendReplacement(int number, const QByteArray& body);
    // Appends an update with a new document information dictionary (/Info /Title).
    void appendInfo(const QString& title);

    // Appends the staged objects as one incremental update. Each new signature's /ByteRange
    // then covers the whole file except its own /Contents.
    void appendUpdate();

    const QByteArray& bytes() const { return bytes_; }

    // What the newest signature's /ByteRange covers: the file up to the end of its update,
    // without its /Contents hex string.
    QByteArray signedBytes() const;
    // Writes `container` (a DER CMS) into the newest signature's /Contents, zero padded.
    // Throws std::runtime_error when it does not fit.
    void setSignatureContents(const QByteArray& container);

    // Appends an update with the signature field `name` (/M now, `subFilter` or kSubFilter,
    // 16 KiB for the container) and writes `sign(signedBytes())` into it.
    void appendSignature(const QString& name,
                         const std::function<QByteArray(const QByteArray&)>& sign,
                         const QByteArray& subFilter = {});

    static constexpr const char* kSubFilter = "ETSI.CAdES.detached";
    static constexpr const char* kSigningTime = "D:20240501093000+07'00'";
    static constexpr qsizetype kContentsBytes = 128;

private:
    int newObject(const QByteArray& body);
    void fixByteRanges(qint64 updateStart);

    QByteArray bytes_;
    QByteArray root_ = "1 0 R";
    QByteArray info_; // the trailer's /Info reference; empty when there is none
    qint64 lastXref_ = 0;
    int size_ = 0; // next free object number
    // The newest signature: its /Contents string (with the angle brackets), its update's end.
    qint64 contentsStart_ = 0;
    qint64 contentsEnd_ = 0;
    qint64 signedEnd_ = 0;
    std::vector<std::pair<int, QByteArray>> staged_;
    std::vector<int> acroFormFields_;
    std::vector<int> widgets_;
    bool pageChanged_ = false;
    bool anySigned_ = false;
};

} // namespace sohoa::testing
