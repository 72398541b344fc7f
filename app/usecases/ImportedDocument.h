// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/PdfSignatureProbe.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace sohoa::usecases {

// A digitally signed PDF, exactly as read from its file. Rendering or rewriting it would break
// its signatures, so it is kept whole as a document, never turned into pages or re-recognized.
struct ImportedDocument
{
    QByteArray bytes;
    QString fileName; // without folders; it may carry a citizen's name, so store it encrypted only
    std::vector<pdf::PdfSignature> signatures;
};

} // namespace sohoa::usecases
