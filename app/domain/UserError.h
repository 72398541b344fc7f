// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <stdexcept>

namespace sohoa {

// What went wrong, as far as the person at the counter (or a script) must know.
// Each kind maps to a stable process exit code of sohoa-cli (docs/CLI.md).
enum class ErrorKind
{
    Usage = 2,        // the command line itself is wrong
    InvalidInput = 3, // a code, ID or file the user gave does not hold up
    NotFound = 4,     // unknown device, dossier, procedure...
    AccessDenied = 5, // wrong passphrase, locked store
    Device = 6,       // the scanner failed
    Storage = 7,      // the encrypted store failed
    Processing = 8,   // OCR, imaging or PDF production failed
    Network = 9,      // the provincial hub cannot be reached
};

// An error whose message is already translated into the user's language and fits one line.
// Every layer above storage/ and scanner/ throws this for anything the user can act on.
class UserError : public std::runtime_error
{
public:
    UserError(ErrorKind kind, const QString& message)
        : std::runtime_error(message.toStdString()), kind_(kind), message_(message)
    {
    }

    ErrorKind kind() const { return kind_; }
    QString message() const { return message_; }
    int exitCode() const { return static_cast<int>(kind_); }

private:
    ErrorKind kind_;
    QString message_;
};

} // namespace sohoa
