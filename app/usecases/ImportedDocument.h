// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/PdfSignatureProbe.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace sohoa::usecases {

// A PDF kept exactly as read from its file, never turned into pages or re-recognized: a
// digitally signed one (rendering or rewriting it would break its signatures), or, when asked,
// one that is searchable already.
struct ImportedDocument
{
    QByteArray bytes;
    QString fileName; // without folders; it may carry a citizen's name, so store it encrypted only
    std::vector<pdf::PdfSignature> signatures;
};

// How the signatures of a kept signed PDF verified when it was imported.
struct KeptSignatureCheck
{
    QString fileName; // the document's name in the dossier
    QString verdict;  // "valid", "indeterminate", "modified" or "invalid"
    QString message;  // the verifier's one line for the officer
};

} // namespace sohoa::usecases
