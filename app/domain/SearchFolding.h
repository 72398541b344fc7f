// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sohoa::domain {

// Vietnamese text as the search index keeps it, so that a query typed without diacritics
// finds text with them: lower case, tone and vowel marks removed, and đ/Đ -> d (Unicode
// decomposition leaves đ alone: it is a letter of its own, not d plus a mark).
QString foldForSearch(QStringView text);
// A query folded the same way and split into words.
QStringList searchTerms(QStringView query);

} // namespace sohoa::domain
