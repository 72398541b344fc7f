// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ExportFile.h"

#include "cli/CliContext.h"
#include "domain/UserError.h"

#include <QSaveFile>

namespace sohoa::cli {

void writeExportFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw UserError(ErrorKind::InvalidInput,
                        CliContext::tr("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace sohoa::cli
