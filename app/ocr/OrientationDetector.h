// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace sohoa::ocr {

// Finds pages fed in sideways or upside down (a stack turned the wrong way in the feeder,
// a landscape form on the flatbed), with Tesseract's orientation and script detection (OSD,
// package tesseract-ocr-osd). Not thread-safe: one per worker, like OcrEngine.
class OrientationDetector
{
public:
    // Below this OSD confidence the page is left as it is: turning a correct page is worse
    // than leaving a turned one (the officer can still rotate it by hand).
    static constexpr float kMinimumConfidence = 2.0F;

    explicit OrientationDetector(const QString& tessdataDir);
    ~OrientationDetector();
    OrientationDetector(const OrientationDetector&) = delete;
    OrientationDetector& operator=(const OrientationDetector&) = delete;

    // Quarter turns clockwise (0, 90, 180 or 270 degrees) that bring the page upright; 0 when
    // unsure, when the page has too little text to tell, or when OSD data is not installed.
    int uprightRotation(const QImage& image, int dpi);

private:
    std::unique_ptr<tesseract::TessBaseAPI> api_; // null when OSD data is missing
};

} // namespace sohoa::ocr
