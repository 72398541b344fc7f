// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/NameCasing.h"

#include <QStringList>

namespace sohoa::identity {

QString toNameCase(QStringView name)
{
    const QString composed = name.toString().simplified().normalized(QString::NormalizationForm_C);
    QStringList words = composed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& word : words) {
        word = word.trimmed().toLower();
        if (!word.isEmpty())
            word[0] = word[0].toUpper();
    }
    words.removeAll(QString());
    return words.join(QLatin1Char(' ')).normalized(QString::NormalizationForm_C);
}

} // namespace sohoa::identity
