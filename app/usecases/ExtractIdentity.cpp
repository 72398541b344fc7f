// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ExtractIdentity.h"

#include "usecases/ImageImport.h"

namespace sohoa::usecases {

std::vector<ExtractedPage> extractIdentity(const ExtractIdentityRequest& request)
{
    identity::IdentityExtractor extractor(request.options);
    std::vector<ExtractedPage> pages;
    for (const QString& input : request.inputs) {
        int number = 0;
        ImageImport::importFile(
            input, request.pdfInputDpi,
            [&](CapturedPage&& page) {
                pages.push_back(
                    ExtractedPage{input, ++number, extractor.extract(page.image, page.dpi)});
            },
            ImageImport::refuseSignedDocuments());
    }
    return pages;
}

} // namespace sohoa::usecases
