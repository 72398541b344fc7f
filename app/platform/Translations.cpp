// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace sohoa::platform {

QString userLanguage()
{
    const QString wanted = qEnvironmentVariable("SOHOA_LANG").trimmed().toLower();
    return wanted.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("vi");
}

void installTranslations(QCoreApplication& app)
{
    if (userLanguage() == QLatin1String("en"))
        return; // English is the source language
    auto* translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/sohoa_vi.qm")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace sohoa::platform
