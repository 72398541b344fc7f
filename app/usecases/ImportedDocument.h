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

} // namespace sohoa::usecases
