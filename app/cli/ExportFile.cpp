// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ExportFile.h"

#include "cli/CliContext.h"
#include "domain/UserError.h"

#include <QFile>
#include <QSaveFile>

namespace sohoa::cli {

void writeExportFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw UserError(ErrorKind::InvalidInput,
                        CliContext::tr("Cannot write %1: %2").arg(path, file.errorString()));
}

QByteArray readUserFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UserError(ErrorKind::NotFound, CliContext::tr("Cannot read the file %1.").arg(path));
    return file.readAll();
}

} // namespace sohoa::cli
