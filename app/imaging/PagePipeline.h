// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The cleaning of one scanned page before OCR and storage, in a fixed order:
//   0. duplex reordering: a batch-level step (the order of the sheets' backs), done before pages
//      reach this pipeline;
//   1. rotation by a quarter turn (the officer's, or from orientation detection);
//   2. deskew;
//   3. crop to the document;
//   4. blank-page detection (a flag, the page is kept).
// Each step is recorded as a domain::PageTransform; the stored original never changes, and the
// cleaned image is apply(original, transforms), so undoing a step is dropping its transform.

#include "domain/PageTransform.h"
#include "imaging/BlankPageDetector.h"
#include "imaging/DocumentCropper.h"
#include "imaging/SkewEstimator.h"

#include <QImage>
#include <vector>

namespace sohoa::imaging {

struct PipelineOptions
{
    bool deskew = true;
    bool crop = true;
    bool detectBlank = true;
    // Smaller skews are left alone: rotating resamples every pixel for no visible gain.
    double minDeskewDegrees = 0.05;
    SkewOptions skew;
    CropOptions cropping;
    BlankOptions blank;

    // Only the quarter turn (when one is asked for): pages are read as they came.
    static PipelineOptions turnOnly()
    {
        PipelineOptions options;
        options.deskew = options.crop = options.detectBlank = false;
        return options;
    }
};

struct CleanedPage
{
    QImage cleaned;
    std::vector<domain::PageTransform> transforms; // in the order applied
    bool blank = false;
    double blankScore = 0.0;
};

class PagePipeline
{
public:
    explicit PagePipeline(PipelineOptions options = {});

    // `rotationClockwise`: a multiple of 90 (e.g. ocr::PageText::rotation or the officer's
    // choice); anything else throws UserError(InvalidInput) like domain::PageTransform::rotate.
    CleanedPage process(const QImage& original, int rotationClockwise = 0) const;

    // Replays recorded transforms on the original. Deskew turns about the centre, keeps the size
    // and dpi, and fills the uncovered corners with white (PDF/A allows no transparency); it
    // yields 8-bit grey for grey pages, RGB32 otherwise. Crops are clipped to the image.
    static QImage apply(const QImage& original,
                        const std::vector<domain::PageTransform>& transforms);
    static QImage apply(const QImage& image, const domain::PageTransform& transform);

private:
    PipelineOptions options_;
};

} // namespace sohoa::imaging
