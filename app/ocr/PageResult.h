// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imaging/PagePipeline.h"
#include "ocr/PageText.h"

namespace sohoa::ocr {

// What the pool made of one page: the page as cleaned before recognition (turned upright,
// deskewed, cropped, with its blank flag and the transforms that produced it from the original)
// and the text read from exactly that image, whose boxes are in its pixels.
struct PageResult
{
    imaging::CleanedPage page;
    PageText text;
};

} // namespace sohoa::ocr
