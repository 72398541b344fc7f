// SPDX-License-Identifier: GPL-3.0-or-later
// Character error rate of recognized text files against their truth, as the tests compute it
// (NFC, whitespace folded, Levenshtein over code points). Prints the CER of each pair and, on
// the last line, the mean — in percent.
// Usage: sohoa-bench-cer TRUTH.txt RECOGNIZED.txt [TRUTH2.txt RECOGNIZED2.txt ...]
#include "support/TextComparison.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>

namespace {
QString readUtf8(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3 || args.size() % 2 == 0) {
        std::fprintf(stderr, "usage: %s TRUTH RECOGNIZED [TRUTH RECOGNIZED ...]\n", argv[0]);
        return 2;
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const double cer =
            sohoa::testing::characterErrorRate(readUtf8(args[i]), readUtf8(args[i + 1])) * 100;
        std::printf("%s %.2f\n", qPrintable(args[i + 1]), cer);
        sum += cer;
        ++pairs;
    }
    std::printf("mean %.2f\n", sum / pairs);
    return 0;
}
