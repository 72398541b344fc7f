// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::pdf {

class PdfObjectWriter;

// Writes the sRGB ICC profile and a PDF/A output intent (/S /GTS_PDFA1) naming it, and returns
// the intent's object number. PDF/A needs it because the page images are DeviceRGB/DeviceGray:
// the intent tells every reader, now and in fifty years, what those numbers mean as colours.
int writeSrgbOutputIntent(PdfObjectWriter& writer);

} // namespace sohoa::pdf
