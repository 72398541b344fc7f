// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/OfficerOption.h"

#include "cli/CliContext.h"

namespace sohoa::cli {

QCommandLineOption officerOption()
{
    return QCommandLineOption(QStringLiteral("officer"),
                              CliContext::tr("Officer ID for the dossier history."),
                              QStringLiteral("ID"));
}

QString officerId(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("officer")))
        return parser.value(QStringLiteral("officer"));
    for (const char* variable : {"SOHOA_OFFICER", "USER", "USERNAME"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("officer");
}

} // namespace sohoa::cli
