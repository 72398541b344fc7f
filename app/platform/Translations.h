// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace sohoa::platform {

// The user's language: SOHOA_LANG=vi|en, Vietnamese by default (the counters' language).
QString userLanguage();

// Loads the translation for userLanguage() into the application. The CLI and the GUI share
// one set of messages (Qt's tr() with English source text, Vietnamese in sohoa_vi.ts).
void installTranslations(QCoreApplication& app);

} // namespace sohoa::platform
