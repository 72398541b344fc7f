// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ScanPrompts.h"

#include "cli/CliContext.h"

#include <QTextStream>

namespace sohoa::cli {

void askToTurnStack(CliContext& context)
{
    context.printError(CliContext::tr("Turn the stack over, put it back in the feeder (last "
                                      "sheet on top), then press Enter."));
    QTextStream(stdin).readLine();
}

bool askForMoreSheets(CliContext& context, const QString& problem)
{
    if (!problem.isEmpty())
        context.printError(problem);
    context.printError(CliContext::tr("Load the next sheets and press Enter to scan them, or "
                                      "type q and press Enter to finish."));
    QTextStream in(stdin);
    const QString answer = in.readLine();
    return !answer.isNull() &&
           answer.trimmed().compare(QLatin1String("q"), Qt::CaseInsensitive) != 0;
}

} // namespace sohoa::cli
