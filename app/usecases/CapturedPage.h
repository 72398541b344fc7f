// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

namespace sohoa::usecases {

// A page as it arrives from a scanner or an imported file, before it is stored.
struct CapturedPage
{
    QImage image;
    int dpi = 0;
    QString source; // "sane:<device>" or "file" — no file names, they may carry personal names
};

} // namespace sohoa::usecases
