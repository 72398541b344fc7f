// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/CapturedPage.h"

#include <QCoreApplication>
#include <functional>

namespace sohoa::usecases {

// Reads existing files as pages: PNG, JPEG, TIFF (every page), PNM, and PDF (each page
// rendered at `pdfDpi`). Pages are handed over one by one, so a long file is never whole in RAM.
class ImageImport
{
    Q_DECLARE_TR_FUNCTIONS(ImageImport)

public:
    static constexpr int kDefaultPdfDpi = 200;
    // Dots per inch assumed for an image file that does not record its resolution.
    static constexpr int kAssumedImageDpi = 300;

    static void importFile(const QString& path, int pdfDpi,
                           const std::function<void(CapturedPage&&)>& onPage);
};

} // namespace sohoa::usecases
