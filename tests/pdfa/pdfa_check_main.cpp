// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-pdfa-check FILE...: the PDF/A-2b checker from the command line, for tests and for
// looking at a file by hand. Prints "FILE: ok" or one "FILE: [clause] message" line per finding.
// Exit status: 0 every file passes, 1 a finding, 2 usage error or unreadable file.
#include "pdfa/PdfaChecker.h"

#include <QFile>
#include <cstdio>

namespace {

void print(FILE* stream, const QString& line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        print(stderr, QStringLiteral("usage: sohoa-pdfa-check FILE..."));
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            print(stderr, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
            status = 2;
            continue;
        }
        const std::vector<sohoa::testing::PdfaFinding> findings =
            sohoa::testing::checkPdfA2b(file.readAll());
        if (findings.empty())
            print(stdout, path + QStringLiteral(": ok"));
        for (const sohoa::testing::PdfaFinding& finding : findings)
            print(stdout, path + QStringLiteral(": ") + sohoa::testing::toString(finding));
        if (!findings.empty() && status == 0)
            status = 1;
    }
    return status;
}
