// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TextComparison.h"

#include <QRegularExpression>
#include <algorithm>
#include <vector>

namespace sohoa::testing {

QString foldForComparison(const QString& text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return text.normalized(QString::NormalizationForm_C)
        .replace(whitespace, QStringLiteral(" "))
        .trimmed();
}

double characterErrorRate(const QString& truth, const QString& recognized)
{
    const QList<uint> a = foldForComparison(truth).toUcs4();
    const QList<uint> b = foldForComparison(recognized).toUcs4();
    if (a.isEmpty())
        return b.isEmpty() ? 0.0 : 1.0;
    std::vector<qsizetype> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[static_cast<std::size_t>(j)] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const qsizetype substitution = previous[uj - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[uj] = std::min({previous[uj] + 1, current[uj - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return static_cast<double>(previous.back()) / static_cast<double>(a.size());
}

} // namespace sohoa::testing
