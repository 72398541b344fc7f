// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/PdfObjectWriter.h"
#include "pdf/StampPlacement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace sohoa::pdf {

// A dictionary of the original file with each value as written there (references to other
// objects stay references), so a new version can change some entries and keep the rest.
struct OriginalDictionary
{
    int number = 0; // 0: a direct dictionary (or an absent one, with no entries)
    int generation = 0;
    std::vector<std::pair<QByteArray, QByteArray>> entries; // "/Key", value

    // "<< ... >>" with the entries of `changes` replacing those of the same key, or added.
    QByteArray with(const std::vector<std::pair<QByteArray, QByteArray>>& changes) const;
};

// What signing must know of the PDF it appends to, read with libqpdf: the revision to append
// to, the catalog and its interactive form, and page 1 with its visible frame and signatures.
class SigningTarget
{
    Q_DECLARE_TR_FUNCTIONS(SigningTarget)

public:
    // Throws sohoa::UserError (InvalidInput) naming the file `name` when `pdf` is encrypted or
    // cannot be read exactly as written: any damage qpdf would have to repair refuses it, since
    // an update to a repaired reading would not fit the original bytes.
    static SigningTarget read(const QByteArray& pdf, const QString& name);

    PreviousRevision revision;
    QByteArray rootReference;
    QByteArray infoReference; // empty when the trailer has no /Info
    OriginalDictionary catalog;
    OriginalDictionary acroForm;    // number 0 when written inside the catalog or absent
    std::vector<QByteArray> fields; // /AcroForm /Fields as written
    QStringList fieldNames;         // the /T of each top-level field
    OriginalDictionary page;        // page 1
    QByteArray pageReference;
    std::vector<QByteArray> annotations; // page 1's /Annots as written
    PageFrame frame;                     // page 1 as readers show it
    std::vector<PdfRect> signatureRects; // page 1's signature widgets
};

} // namespace sohoa::pdf
