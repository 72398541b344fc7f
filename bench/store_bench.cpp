// SPDX-License-Identifier: GPL-3.0-or-later
// The encrypted store against the same SQLCipher library without a key, same schema, same
// PRAGMAs, SQLCipher's defaults (HMAC on): unlock+open time, look-up of an applicant's
// dossiers by ID number and by name (typed with and without diacritics) p50/p99, and the
// write throughput of page blobs. Prints a Markdown table.
// Usage: sohoa-bench-store DIR [DOSSIERS=100000] [PAGES_PER_DOSSIER=10]
#include "domain/SearchFolding.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>
#include <vector>

using namespace sohoa;
using storage::SecureBytes;
using storage::Store;

namespace {
const QStringList kFamily = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
                             "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
const QStringList kMiddle = {"Văn",   "Thị",   "Đức", "Minh", "Ngọc", "Thu",
                             "Quang", "Thanh", "Hữu", "Xuân", "Hoài", "Bảo"};
const QStringList kGiven = {"An",    "Bình", "Châu", "Dũng",  "Đạt",  "Giang", "Hằng", "Hùng",
                            "Khánh", "Lan",  "Linh", "Mai",   "Nam",  "Nga",   "Phúc", "Quân",
                            "Sơn",   "Tâm",  "Thảo", "Trang", "Tuấn", "Uyên",  "Việt", "Yến"};

QString nameOf(int n)
{
    return kFamily[n % kFamily.size()] + ' ' + kMiddle[(n / 16) % kMiddle.size()] + ' ' +
           kGiven[(n / 192) % kGiven.size()] + ' ' + kGiven[(n / 4608) % kGiven.size()];
}
QString idOf(int n)
{
    return QStringLiteral("0792%1").arg(n, 8, 10, QLatin1Char('0'));
}

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
};
Percentiles percentiles(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

Percentiles timeQueries(int count, const std::function<void(int)>& query)
{
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        query(i);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return percentiles(ms);
}

struct Results
{
    double fillSeconds = 0;
    double openMs = 0;
    Percentiles byId, byNameMarks, byNamePlain;
    double blobMBps = 0;
};

Results run(const std::function<std::unique_ptr<Store>()>& open, int dossiers, int pagesEach)
{
    Results r;
    QRandomGenerator random(766);
    {
        auto store = open();
        QElapsedTimer timer;
        timer.start();
        const QByteArray smallBlob(512, 'x');
        constexpr int kBatch = 1000;
        for (int first = 0; first < dossiers; first += kBatch) {
            store->inTransaction([&] {
                for (int n = first; n < std::min(dossiers, first + kBatch); ++n) {
                    storage::DossierRecord d;
                    d.uuid = QStringLiteral("u%1").arg(n);
                    d.code = QStringLiteral("000.00.00.H26-2611%1").arg(n, 8, 10, QLatin1Char('0'));
                    d.agencyCode = QStringLiteral("000.00.00.H26");
                    d.procedureCode = QStringLiteral("1.001193");
                    d.procedureName = QStringLiteral("Đăng ký khai sinh");
                    d.applicantKind = 1;
                    d.applicantIdentifier = idOf(n);
                    d.applicantName = nameOf(n);
                    d.applicantNameFolded = domain::foldForSearch(d.applicantName);
                    d.state = QStringLiteral("captured");
                    d.receivedAt = QDateTime::currentDateTimeUtc();
                    storage::ComponentRecord c;
                    c.dossierId = store->insertDossier(d);
                    c.code = QStringLiteral("TP1");
                    c.name = QStringLiteral("Giấy tờ");
                    const std::int64_t componentId = store->insertComponent(c);
                    for (int p = 1; p <= pagesEach; ++p) {
                        auto blob = store->newBlob(QStringLiteral("image/png"));
                        blob->append(smallBlob);
                        storage::PageRecord page;
                        page.componentId = componentId;
                        page.sequence = p;
                        page.imageBlobId = blob->finish().id;
                        store->insertPage(page);
                    }
                }
            });
        }
        r.fillSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

        // Page blobs as a scan produces them: 2 MiB each, one transaction per page. The fill
        // left hundreds of MB for the kernel to write back, which would stall the first fsyncs
        // of whichever contender comes next; flush first, then take the median of 5 rounds.
        const QByteArray page(2 * 1024 * 1024, Qt::Uninitialized);
        QByteArray noise = page;
        for (char& byte : noise)
            byte = static_cast<char>(random.bounded(256));
        ::sync();
        std::vector<double> rounds;
        constexpr int kPagesPerRound = 24;
        for (int round = 0; round < 5; ++round) {
            timer.start();
            for (int i = 0; i < kPagesPerRound; ++i)
                store->inTransaction([&] {
                    auto blob = store->newBlob(QStringLiteral("image/png"));
                    blob->append(noise);
                    blob->finish();
                });
            rounds.push_back(kPagesPerRound * 2.0 /
                             (static_cast<double>(timer.nsecsElapsed()) / 1e9));
        }
        std::sort(rounds.begin(), rounds.end());
        r.blobMBps = rounds[rounds.size() / 2];
    }
    // Unlock (after the KDF) and open: median of 20.
    std::vector<double> opens;
    QElapsedTimer timer;
    for (int i = 0; i < 20; ++i) {
        timer.start();
        auto store = open();
        store->dossiersOfApplicant(idOf(0)); // touches the schema and a first index page
        opens.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    r.openMs = percentiles(opens).p50;

    auto store = open();
    r.byId = timeQueries(2000, [&](int) {
        store->dossiersOfApplicant(idOf(static_cast<int>(random.bounded(dossiers))));
    });
    r.byNameMarks = timeQueries(2000, [&](int) {
        const QString typed = nameOf(static_cast<int>(random.bounded(dossiers)));
        store->dossiersByNamePrefix(domain::foldForSearch(typed), 20);
    });
    r.byNamePlain = timeQueries(2000, [&](int) {
        const QString typed =
            domain::foldForSearch(nameOf(static_cast<int>(random.bounded(dossiers))));
        store->dossiersByNamePrefix(domain::foldForSearch(typed), 20);
    });
    return r;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: %s DIR [DOSSIERS] [PAGES_PER_DOSSIER]\n", argv[0]);
        return 2;
    }
    const QDir dir(args[1]);
    const int dossiers = args.size() > 2 ? args[2].toInt() : 100000;
    const int pagesEach = args.size() > 3 ? args[3].toInt() : 10;
    const QString encrypted = dir.filePath(QStringLiteral("encrypted.store"));
    const QString plain = dir.filePath(QStringLiteral("plain.store"));
    const SecureBytes passphrase = SecureBytes::fromString("benchmark passphrase");
    Store::create(encrypted, passphrase, QStringLiteral("bench"),
                  storage::KdfParams::cheapForTests());

    const Results e = run([&] { return Store::open(encrypted, passphrase); }, dossiers, pagesEach);
    const Results p =
        run([&] { return Store::openUnencryptedForBenchmark(plain); }, dossiers, pagesEach);

    const auto row = [](const char* what, double enc, double pl, const char* unit) {
        std::printf("| %s | %.3f %s | %.3f %s | %.2f |\n", what, enc, unit, pl, unit,
                    pl > 0 ? enc / pl : 0.0);
    };
    std::printf("| %d dossiers, %d page records | SQLCipher | same library, no key | ratio |\n",
                dossiers, dossiers * pagesEach);
    std::printf("| --- | --- | --- | --- |\n");
    row("fill (1000 dossiers per transaction)", e.fillSeconds, p.fillSeconds, "s");
    row("unlock + open after the KDF, median", e.openMs, p.openMs, "ms");
    row("dossiers by ID number, p50", e.byId.p50, p.byId.p50, "ms");
    row("dossiers by ID number, p99", e.byId.p99, p.byId.p99, "ms");
    row("by name with diacritics, p50", e.byNameMarks.p50, p.byNameMarks.p50, "ms");
    row("by name with diacritics, p99", e.byNameMarks.p99, p.byNameMarks.p99, "ms");
    row("by name without diacritics, p50", e.byNamePlain.p50, p.byNamePlain.p50, "ms");
    row("by name without diacritics, p99", e.byNamePlain.p99, p.byNamePlain.p99, "ms");
    std::printf(
        "| page blob writes (2 MiB pages, median of 5 rounds) | %.1f MB/s | %.1f MB/s | %.2f |\n",
        e.blobMBps, p.blobMBps, p.blobMBps / e.blobMBps);
    return 0;
}
