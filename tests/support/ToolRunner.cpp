// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/ToolRunner.h"

#include <QProcess>

namespace sohoa::testing {

ToolResult runTool(const QString& program, const QStringList& arguments,
                   const QProcessEnvironment& environment, const QByteArray& input)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (process.waitForStarted()) {
        process.write(input);
        process.closeWriteChannel();
    }
    ToolResult result;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out or failed to start: " + program.toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace sohoa::testing
