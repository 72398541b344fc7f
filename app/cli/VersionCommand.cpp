// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "ocr/OcrEngine.h"
#include "storage/Store.h"

namespace sohoa::cli {

int runVersion(CliContext& context)
{
    QCommandLineParser parser;
    context.parse(parser, QStringLiteral("--version"));
    const QString qt = QString::fromLatin1(qVersion());
    const QString tesseract = ocr::OcrEngine::libraryVersion();
    const QString sqlite = storage::Store::libraryVersion();
    if (context.json()) {
        context.printJson(QJsonObject{{"sohoa", QStringLiteral(SOHOA_VERSION)},
                                      {"qt", qt},
                                      {"tesseract", tesseract},
                                      {"store_library", sqlite}});
    } else {
        context.printLine(QStringLiteral("sohoa-cli %1 (Qt %2, Tesseract %3, SQLCipher/SQLite %4)")
                              .arg(QStringLiteral(SOHOA_VERSION), qt, tesseract, sqlite));
    }
    return 0;
}

} // namespace sohoa::cli
