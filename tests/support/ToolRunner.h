// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace sohoa::testing {

struct ToolResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion (2 minutes at most) and captures its output. `input` is its
// standard input, closed after it (a program that waits for a line never hangs a test).
ToolResult
runTool(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
        const QByteArray& input = {});

} // namespace sohoa::testing
