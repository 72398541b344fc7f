// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "identity/IdentityExtractor.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sohoa::usecases {

struct ExtractIdentityRequest
{
    QStringList inputs;
    identity::ExtractionOptions options;
    int pdfInputDpi = 300; // QR modules and card print are small: render PDF pages finely
};

// The identity fields found on one page of one input file.
struct ExtractedPage
{
    QString input;
    int page = 0; // 1-based within the input
    identity::IdentityFields fields;
};

// Image or PDF files -> identity fields per page (sohoa-cli extract). Holds personal data:
// the caller shows it on request and never logs it.
std::vector<ExtractedPage> extractIdentity(const ExtractIdentityRequest& request);

} // namespace sohoa::usecases
