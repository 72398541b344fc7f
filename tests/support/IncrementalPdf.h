// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

namespace sohoa::testing {

struct SignatureFieldOptions
{
    bool withValue = true;        // false: an empty slot, no /V
    bool listedInAcroForm = true; // false: reachable only from the page's /Annots
    QString parentName;           // non-empty: the field is a kid of a parent field holding /FT

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
// append them. Signature dictionaries carry a /Contents of zeros: finding a signature needs no
// CMS, only verifying it does, and that belongs to the signing feature's tests.
class IncrementalPdf
{
public:
    IncrementalPdf();
    // The sample after one update that adds the field `name`.
    static IncrementalPdf withField(const QString& name, const SignatureFieldOptions& options = {});

    // Staged for the next update: a signature field merged with its invisible widget on the
    // page.
    void addSignatureField(const QString& name, const SignatureFieldOptions& options = {});
    // Appends an update that replaces the page's content stream and nothing else.
    void appendPageRedraw(const QByteArray& operators);

    // Appends the staged objects as one incremental update. Each new signature's /ByteRange
    // then covers the whole file except its own /Contents.
    void appendUpdate();

    const QByteArray& bytes() const { return bytes_; }

    static constexpr const char* kSubFilter = "ETSI.CAdES.detached";
    static constexpr const char* kSigningTime = "D:20240501093000+07'00'";
    static constexpr qsizetype kContentsBytes = 128;

private:
    int newObject(const QByteArray& body);
    void fixByteRanges(qint64 updateStart);

    QByteArray bytes_;
    qint64 lastXref_ = 0;
    int size_ = 0; // next free object number
    std::vector<std::pair<int, QByteArray>> staged_;
    std::vector<int> acroFormFields_;
    std::vector<int> widgets_;
    bool pageChanged_ = false;
    bool anySigned_ = false;
};

} // namespace sohoa::testing
