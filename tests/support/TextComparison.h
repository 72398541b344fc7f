// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sohoa::testing {

// NFC, every whitespace run folded to one space, trimmed: how texts are compared.
QString foldForComparison(const QString& text);
// Character error rate: Levenshtein distance over code points / length of the truth,
// both sides folded first.
double characterErrorRate(const QString& truth, const QString& recognized);

} // namespace sohoa::testing
