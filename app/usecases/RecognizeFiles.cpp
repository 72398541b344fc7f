// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/RecognizeFiles.h"

#include "usecases/ImageImport.h"

namespace sohoa::usecases {

RecognizedDocument recognizeFiles(const RecognizeFilesRequest& request)
{
    ocr::OcrPool pool(request.ocr, request.jobs);
    DocumentRecognizer recognizer(pool);
    for (const QString& input : request.inputs)
        ImageImport::importFile(input, request.pdfInputDpi,
                                [&](CapturedPage&& page) { recognizer.addPage(std::move(page)); });
    return recognizer.finish(request.metadata, request.image);
}

} // namespace sohoa::usecases
