// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Scanner frames (plain C++) <-> QImage.
//
//   Frame                      QImage
//   Gray, depth 1 (lineart)    Format_Mono, colour table {0: white, 1: black} (SANE's 1 = black)
//   Gray, depth 8              Format_Grayscale8
//   Gray, depth 16             Format_Grayscale16
//   Rgb,  depth 8              Format_RGB888
//   Rgb,  depth 16             Format_RGBX64 (alpha 0xffff)
//
// 16-bit frames stay 16-bit: nothing is lost at this step; whoever stores or OCRs the page
// decides whether to reduce it (QImage::convertToFormat). Dots per metre come from the dpi.

#include "scanner/ScanTypes.h"

#include <QImage>

namespace sohoa::imaging {

// Throws sohoa::UserError(ErrorKind::Device) for a frame that does not describe an image
// (bad size, depth or buffer), ErrorKind::Processing when the image cannot be allocated.
QImage toImage(const scanner::Frame& frame);

// The reverse, mainly for tests and imports: Mono/MonoLSB -> Gray depth 1 (dark = 1),
// Grayscale8 -> Gray 8, Grayscale16 -> Gray 16, 64-bit formats -> Rgb 16 (alpha dropped),
// anything else -> Rgb 8. Lines are packed (no padding). A null image gives an empty frame.
scanner::Frame fromImage(const QImage& image, double dpi);

} // namespace sohoa::imaging
