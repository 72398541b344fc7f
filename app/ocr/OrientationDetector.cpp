// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocr/OrientationDetector.h"

#include <tesseract/baseapi.h>

namespace sohoa::ocr {

namespace {
constexpr int kOsdDpi = 150;
} // namespace

OrientationDetector::OrientationDetector(const QString& tessdataDir)
    : api_(std::make_unique<tesseract::TessBaseAPI>())
{
    const QByteArray dataDir = tessdataDir.toLocal8Bit();
    if (api_->Init(dataDir.isEmpty() ? nullptr : dataDir.constData(), "osd",
                   tesseract::OEM_TESSERACT_ONLY) != 0) {
        api_.reset();
        return;
    }
    api_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    api_->SetVariable("debug_file", "/dev/null");
}

OrientationDetector::~OrientationDetector()
{
    if (api_)
        api_->End();
}

int OrientationDetector::uprightRotation(const QImage& image, int dpi)
{
    if (!api_ || image.isNull())
        return 0;
    // OSD needs only the shapes of the letters: grey at 150 dpi tells them apart, at a
    // quarter of a 300-dpi page's pixels and a third of its bytes.
    const int sourceDpi = dpi > 0 ? dpi : 300;
    QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    int osdDpi = sourceDpi;
    if (sourceDpi > kOsdDpi) {
        grey = grey.scaled(grey.width() * kOsdDpi / sourceDpi, grey.height() * kOsdDpi / sourceDpi,
                           Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        osdDpi = kOsdDpi;
    }
    api_->SetImage(grey.constBits(), grey.width(), grey.height(), 1,
                   static_cast<int>(grey.bytesPerLine()));
    api_->SetSourceResolution(osdDpi);
    int degrees = 0;
    float confidence = 0;
    const char* script = nullptr;
    float scriptConfidence = 0;
    const bool found =
        api_->DetectOrientationScript(&degrees, &confidence, &script, &scriptConfidence);
    api_->Clear();
    if (!found || confidence < kMinimumConfidence)
        return 0;
    // Tesseract reports how far the page is turned clockwise; undoing it is the rest of a
    // full turn.
    return (360 - degrees) % 360;
}

} // namespace sohoa::ocr
