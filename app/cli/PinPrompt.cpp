// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PinPrompt.h"

#include "cli/CliContext.h"

#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace sohoa::cli {

namespace {

constexpr std::size_t kMaxPinLength = 64;

// Reads one line from the terminal with echo off, straight into locked memory.
storage::SecureBytes readHiddenLine()
{
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    storage::SecureBytes buffer(kMaxPinLength);
    std::size_t length = 0;
    char c = 0;
    while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n' && c != '\r')
        if (length < kMaxPinLength)
            buffer.data()[length++] = static_cast<unsigned char>(c);
    c = 0;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    storage::SecureBytes pin(length);
    std::copy_n(buffer.data(), length, pin.data());
    return pin;
}

} // namespace

storage::SecureBytes readPin(const QString& environmentVariable, const QString& tokenLabel)
{
    if (!environmentVariable.isEmpty()) {
        const QByteArray variable = environmentVariable.toLocal8Bit();
        const char* value = std::getenv(variable.constData());
        if (!value || !*value)
            CliContext::usageError(CliContext::tr("The variable %1 named by --pin-env is not set.")
                                       .arg(environmentVariable));
        return storage::SecureBytes::fromString(value);
    }
    if (!isatty(STDIN_FILENO))
        CliContext::usageError(
            CliContext::tr("The token PIN is needed: run at a terminal, or give --pin-env VAR."));
    QTextStream(stderr) << CliContext::tr("PIN of token %1: ").arg(tokenLabel);
    return readHiddenLine();
}

} // namespace sohoa::cli
