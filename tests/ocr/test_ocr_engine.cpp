// SPDX-License-Identifier: GPL-3.0-or-later
// In-process Tesseract: accuracy on a rendered Vietnamese page, the pool's priorities and
// cancellation, and one thread per engine (OpenMP limited before the library loads).
#include "domain/UserError.h"
#include "ocr/OcrPool.h"
#include "ocr/OrientationDetector.h"
#include "platform/ProcessSetup.h"
#include "support/RenderedPage.h"
#include "support/TextComparison.h"
#include "support/ToolRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QTest>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

using namespace sohoa;

namespace {
int threadCount()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/task"))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                .size());
}

// Recognizes one page on this thread while sampling the process's thread count; returns how
// many threads beyond the sampler and this one existed at the peak.
int extraThreadsDuringRecognition(const QImage& image, int dpi)
{
    ocr::OcrEngine engine({});
    std::atomic<bool> done{false};
    std::atomic<int> peak{0};
    std::thread sampler([&] {
        while (!done.load()) {
            peak.store(std::max(peak.load(), threadCount()));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const int baseline = threadCount();
    engine.recognize(image, dpi);
    done.store(true);
    sampler.join();
    return peak.load() - baseline;
}

testing::RenderedPage samplePage()
{
    return testing::renderPage(testing::samplePageLines(), 300);
}
} // namespace

class TestOcrEngine : public QObject
{
    Q_OBJECT

private slots:
    void recognizesVietnameseWithinOnePercentCer()
    {
        const testing::RenderedPage page = samplePage();
        ocr::OcrEngine engine({});
        const ocr::PageText text = engine.recognize(page.image, page.dpi);
        const double cer = testing::characterErrorRate(page.truth, text.plainText());
        qInfo("CER on the rendered page: %.3f %%", cer * 100);
        QVERIFY2(cer < 0.01, qPrintable(text.plainText()));
        // Words carry boxes inside the page, in reading order.
        QVERIFY(!text.lines.empty());
        QVERIFY(text.lines.front().box.top() < text.lines.back().box.top());
        QVERIFY(page.image.rect().contains(text.lines.front().words.front().box));
        QCOMPARE(text.plainText(), text.plainText().normalized(QString::NormalizationForm_C));
    }

    void visiblePageJumpsTheQueue()
    {
        const testing::RenderedPage page = testing::renderPage({QStringLiteral("Hồ sơ")}, 150);
        ocr::OcrPool pool({}, 1);
        std::vector<int> finished;
        std::mutex mutex;
        // Occupy the only worker, then queue two background pages and one visible page.
        const ocr::OcrTicket first = pool.submit(samplePage().image, 300);
        // Three different images: a cached answer would finish too fast to order the waiters.
        const ocr::OcrTicket background1 = pool.submit(page.image, 150);
        const ocr::OcrTicket background2 =
            pool.submit(testing::renderPage({QStringLiteral("Điều 1")}, 150).image, 150);
        const ocr::OcrTicket visible =
            pool.submit(testing::renderPage({QStringLiteral("Hồ sơ số 2")}, 150).image, 150,
                        ocr::OcrPriority::Visible);
        auto waitFor = [&](const ocr::OcrTicket& ticket, int id) {
            return std::thread([&, id] {
                ticket.result.wait();
                std::lock_guard lock(mutex);
                finished.push_back(id);
            });
        };
        std::thread a = waitFor(background1, 1), b = waitFor(background2, 2),
                    c = waitFor(visible, 3);
        a.join();
        b.join();
        c.join();
        first.result.wait();
        QCOMPARE(finished, (std::vector<int>{3, 1, 2}));
        QVERIFY(visible.result.get().text.plainText().contains(QStringLiteral("sơ")));
    }

    void cancelledPageIsNotRecognized()
    {
        ocr::OcrPool pool({}, 1);
        const ocr::OcrTicket busy = pool.submit(samplePage().image, 300);
        const ocr::OcrTicket cancelled = pool.submit(samplePage().image, 300);
        cancelled.cancel();
        QVERIFY(cancelled.result.get().text.lines.empty());
        QVERIFY(!busy.result.get().text.lines.empty());
    }

    void samePixelsAreRecognizedOnce()
    {
        const testing::RenderedPage page = testing::renderPage({QStringLiteral("Quyết định")}, 150);
        ocr::OcrPool pool({}, 1);
        const QString first = pool.submit(page.image, 150).result.get().text.plainText();
        QCOMPARE(pool.cacheHits(), std::size_t{0});
        QCOMPARE(pool.submit(page.image, 150).result.get().text.plainText(), first);
        QCOMPARE(pool.cacheHits(), std::size_t{1});
        // Anything that can change the result misses: another resolution, one changed pixel.
        pool.submit(page.image, 300).result.wait();
        QImage edited = page.image;
        edited.setPixel(0, 0, qRgb(0, 0, 0));
        pool.submit(edited, 150).result.wait();
        QCOMPARE(pool.cacheHits(), std::size_t{1});
    }

    void turnedPagesAreDetected()
    {
        const testing::RenderedPage page =
            testing::renderPage(testing::samplePageLines().mid(0, 8), 200);
        ocr::OrientationDetector detector({});
        for (const int turn : {0, 90, 180, 270}) {
            const QImage turned = page.image.transformed(QTransform().rotate(turn));
            QCOMPARE(detector.uprightRotation(turned, 200), (360 - turn) % 360);
        }
        // Nothing to read, nothing to turn.
        QImage blank(1654, 2339, QImage::Format_Grayscale8);
        blank.fill(Qt::white);
        QCOMPARE(detector.uprightRotation(blank, 200), 0);
    }

    void missingLanguageDataIsAClearError()
    {
        ocr::OcrSettings settings;
        settings.languages = QStringLiteral("xyz");
        QVERIFY_THROWS_EXCEPTION(sohoa::UserError, ocr::OcrEngine engine(settings));
    }

    void engineRunsOneThread()
    {
        // This process re-executed itself with OMP_THREAD_LIMIT=1 (see main below).
        QCOMPARE(qgetenv("OMP_THREAD_LIMIT"), QByteArray("1"));
        const testing::RenderedPage page = samplePage();
        QCOMPARE(extraThreadsDuringRecognition(page.image, page.dpi), 0);

        // Control: the same measurement in a process that skips the re-exec sees OpenMP's
        // threads, so the zero above is not a blind spot of the measurement.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("OMP_THREAD_LIMIT"));
        const testing::ToolResult control =
            testing::runTool(QCoreApplication::applicationFilePath(),
                             {QStringLiteral("--probe-without-limit")}, environment);
        QCOMPARE(control.exitCode, 0);
        QVERIFY2(control.out.trimmed().toInt() > 0, control.out.constData());
    }
};

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--probe-without-limit") == 0) {
        QGuiApplication app(argc, argv);
        const testing::RenderedPage page = samplePage();
        std::printf("%d\n", extraThreadsDuringRecognition(page.image, page.dpi));
        return 0;
    }
    platform::ensureSingleThreadedOpenMp(argv);
    QGuiApplication app(argc, argv);
    TestOcrEngine test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_ocr_engine.moc"
