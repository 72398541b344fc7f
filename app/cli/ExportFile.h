// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sohoa::cli {

// Writes a file the user explicitly asked for (--out, --text, --out-dir): the only plaintext
// SoHoa ever puts on disk. Written atomically; throws UserError when it cannot be written.
void writeExportFile(const QString& path, const QByteArray& bytes);

// Reads a whole file the user named (a PDF to sign or verify, a certificate file); throws
// UserError (NotFound) when it cannot be read.
QByteArray readUserFile(const QString& path);

} // namespace sohoa::cli
