// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/LogPolicy.h"

#include <QRegularExpression>
#include <cstdio>

namespace sohoa::platform {

namespace {
void handleMessage(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    static const bool verbose = qEnvironmentVariableIntValue("SOHOA_DEBUG") == 1;
    if (!verbose && (type == QtDebugMsg || type == QtInfoMsg || type == QtWarningMsg))
        return;
    std::fputs((scrubbedForLog(message) + QLatin1Char('\n')).toUtf8().constData(), stderr);
}
} // namespace

QString scrubbedForLog(const QString& message)
{
    static const QRegularExpression longDigitRun(QStringLiteral("\\d{9,}"));
    QString out = message;
    QRegularExpressionMatchIterator it = longDigitRun.globalMatch(message);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype hidden = match.capturedLength() - 3;
        out.replace(match.capturedStart(), hidden, QString(hidden, QLatin1Char('*')));
    }
    return out;
}

void installLogPolicy()
{
    qInstallMessageHandler(&handleMessage);
}

} // namespace sohoa::platform
