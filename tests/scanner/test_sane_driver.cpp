// SPDX-License-Identifier: GPL-3.0-or-later
// The SANE driver against SANE's virtual `test` and `pnm` backends, enabled through a private
// configuration directory (never /etc). Also the driver's pure helpers.
//
// About the `test` backend: its reader thread (sanei_thread, pthread build) is stopped with an
// *asynchronous* pthread_cancel when a page ends or is cancelled. Landing inside free() or
// strerror(), that leaves a malloc or locale lock held forever and a later scan, or exit(),
// hangs. So these tests let the reader finish first: the sink pauses a little on every progress
// report (made before each read), and scans that are aborted part-way (faults, cancellation)
// use images smaller than a pipe buffer (64 KiB), which the reader writes at once.

#include "imaging/FrameToImage.h"
#include "scanner/ScannerDriver.h"
#include "scanner/sane/FrameAssembly.h"
#include "scanner/sane/OptionValueParser.h"
#include "scanner/sane/SaneConfig.h"
#include "scanner/sane/SaneDriver.h"
#include "scanner/sane/SaneNames.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace sohoa::scanner;
namespace sn = sohoa::scanner::sane;

namespace {

// Collects pages and progress, and records the order of events.
class RecordingSink : public PageSink
{
public:
    std::vector<Frame> pages;
    std::vector<std::string> events; // "progress:<page>" / "page:<n>"
    std::vector<double> fractions;
    std::function<void(int pageCount)> afterPage;
    std::function<void(int page, double fraction)> afterProgress;
    const bool* scanReturned = nullptr;
    bool pageAfterReturn = false;

    void onPage(Frame&& frame) override
    {
        if (scanReturned != nullptr && *scanReturned) {
            pageAfterReturn = true;
        }
        pages.push_back(std::move(frame));
        events.push_back("page:" + std::to_string(pages.size()));
        if (afterPage) {
            afterPage(static_cast<int>(pages.size()));
        }
    }

    void onProgress(int page, double fraction) override
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(10)); // see the file comment
        if (events.empty() || events.back() != "progress:" + std::to_string(page)) {
            events.push_back("progress:" + std::to_string(page));
        }
        fractions.push_back(fraction);
        if (afterProgress) {
            afterProgress(page, fraction);
        }
    }
};

QString failureOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const ScanError& e) {
        qInfo("ScanError: %s", e.what());
        const std::string_view name = statusName(e.status());
        return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    }
    return QStringLiteral("no error");
}

ScanOptions options(Source source, ColorMode mode, double dpi,
                    std::vector<std::pair<std::string, std::string>> raw = {})
{
    ScanOptions o;
    o.source = source;
    o.mode = mode;
    o.dpi = dpi;
    o.rawOptions = std::move(raw);
    return o;
}

// Pixels the test backend computes for a scan-area extent in mm.
int pixelsFor(double dpi, double mm)
{
    return static_cast<int>(dpi * mm / 25.4);
}

bool allBytes(const Frame& f, std::uint8_t value)
{
    const std::size_t used = f.minBytesPerLine();
    for (int y = 0; y < f.height; ++y) {
        const std::uint8_t* line = f.pixels.data() + static_cast<std::size_t>(y) *
                                                         static_cast<std::size_t>(f.bytesPerLine);
        // Whole bytes only: the last byte of a 1-bit line may hold padding bits.
        const std::size_t whole = f.depth == 1 ? static_cast<std::size_t>(f.width) / 8 : used;
        for (std::size_t i = 0; i < whole; ++i) {
            if (line[i] != value) {
                return false;
            }
        }
    }
    return true;
}

// A colour-bar P6 image drawn here, byte for byte what the scan must give back.
std::vector<std::uint8_t> colourBars(int width, int height)
{
    static const std::uint8_t bars[8][3] = {{255, 255, 255}, {255, 255, 0}, {0, 255, 255},
                                            {0, 255, 0},     {255, 0, 255}, {255, 0, 0},
                                            {0, 0, 255},     {0, 0, 0}};
    std::vector<std::uint8_t> rgb;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const auto* c = bars[(x * 8) / width];
            // A diagonal ramp on top, so rows differ too.
            rgb.push_back(static_cast<std::uint8_t>((c[0] + y * 3) % 256));
            rgb.push_back(c[1]);
            rgb.push_back(static_cast<std::uint8_t>((c[2] + x) % 256));
        }
    }
    return rgb;
}

bool writePnm(const QString& path, const char* magic, int width, int height,
              const std::vector<std::uint8_t>& samples)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    const QByteArray header = QByteArray(magic) + "\n" + QByteArray::number(width) + " " +
                              QByteArray::number(height) + "\n255\n";
    file.write(header);
    file.write(reinterpret_cast<const char*>(samples.data()), static_cast<qint64>(samples.size()));
    return file.flush();
}

// The frame's pixel bytes without line padding.
std::vector<std::uint8_t> packed(const Frame& f)
{
    std::vector<std::uint8_t> out;
    const std::size_t used = f.minBytesPerLine();
    for (int y = 0; y < f.height; ++y) {
        const auto* line = f.pixels.data() +
                           static_cast<std::size_t>(y) * static_cast<std::size_t>(f.bytesPerLine);
        out.insert(out.end(), line, line + used);
    }
    return out;
}

} // namespace

class TestSaneDriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<sn::SaneDriver> m_driver;

    std::vector<Frame> scanPages(const std::string& device, const ScanOptions& o)
    {
        RecordingSink sink;
        CancelToken cancel;
        m_driver->scan(device, o, sink, cancel);
        return std::move(sink.pages);
    }

    Frame scanOne(const std::string& device, const ScanOptions& o)
    {
        std::vector<Frame> pages = scanPages(device, o);
        if (pages.size() != 1) {
            throw std::runtime_error("expected one page, got " + std::to_string(pages.size()));
        }
        return std::move(pages.front());
    }

    std::string tmpPath(const char* name) const
    {
        return m_tmp.filePath(QString::fromUtf8(name)).toStdString();
    }

private slots:
    void initTestCase()
    {
        // QtTest treats SIGPIPE as a crash. libsane's reader threads may raise it when a scan is
        // cancelled; libsane ignores it itself only while the disposition is the default.
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY(m_tmp.isValid());
        const std::filesystem::path dir = tmpPath("sane.d");
        sn::PrivateConfigRequest request;
        request.extraBackends = {"test", "pnm"};
        const std::vector<std::string> listed = sn::writePrivateConfig(dir, request);
        QVERIFY(std::count(listed.begin(), listed.end(), "test") == 1);
        QVERIFY(std::count(listed.begin(), listed.end(), "pnm") == 1);
        sn::usePrivateConfig(dir); // before the first SaneDriver
        QCOMPARE(qEnvironmentVariable("SANE_CONFIG_DIR"),
                 QString::fromStdString(dir.string() + ":"));
    }

    // A fresh driver per test: libsane is initialised anew, so options set by one test
    // (the test backend remembers them while the library stays initialised) cannot leak.
    void init() { m_driver = std::make_unique<sn::SaneDriver>(); }
    void cleanup() { m_driver.reset(); }

    // ---- pure helpers -------------------------------------------------------------------

    void classifiesBackendWords()
    {
        QCOMPARE(sn::classifySource("Flatbed"), std::optional(Source::Flatbed));
        QCOMPARE(sn::classifySource("FlatBed"), std::optional(Source::Flatbed));
        QCOMPARE(sn::classifySource("Automatic Document Feeder"), std::optional(Source::Adf));
        QCOMPARE(sn::classifySource("ADF Front"), std::optional(Source::Adf));
        QCOMPARE(sn::classifySource("ADF Duplex"), std::optional(Source::AdfDuplex));
        QCOMPARE(sn::classifySource("Duplex"), std::optional(Source::AdfDuplex));
        QCOMPARE(sn::classifySource("ADF Back"), std::optional<Source>());
        QCOMPARE(sn::classifySource("Transparency Adapter"), std::optional<Source>());

        QCOMPARE(sn::classifyMode("Color"), std::optional(ColorMode::Color));
        QCOMPARE(sn::classifyMode("Colour"), std::optional(ColorMode::Color));
        QCOMPARE(sn::classifyMode("24bit Color[Fast]"), std::optional(ColorMode::Color));
        QCOMPARE(sn::classifyMode("Grey"), std::optional(ColorMode::Gray));
        QCOMPARE(sn::classifyMode("True Gray"), std::optional(ColorMode::Gray));
        QCOMPARE(sn::classifyMode("Lineart"), std::optional(ColorMode::Lineart));
        QCOMPARE(sn::classifyMode("Binary"), std::optional(ColorMode::Lineart));
        QCOMPARE(sn::classifyMode("Black & White"), std::optional(ColorMode::Lineart));
        QCOMPARE(sn::classifyMode("Color Lineart"), std::optional<ColorMode>());
        QCOMPARE(sn::classifyMode("Halftone"), std::optional<ColorMode>());
        QCOMPARE(sn::classifyMode("Gray[Error Diffusion]"), std::optional<ColorMode>());

        const std::vector<std::string> brother{"Automatic Document Feeder(left aligned)",
                                               "Automatic Document Feeder(centrally aligned)",
                                               "FlatBed"};
        QCOMPARE(sn::pickSource(brother, Source::Adf),
                 std::optional<std::string>("Automatic Document Feeder(left aligned)"));
        QCOMPARE(sn::pickSource(brother, Source::Flatbed), std::optional<std::string>("FlatBed"));
        QCOMPARE(sn::pickSource(brother, Source::AdfDuplex), std::optional<std::string>());
        const std::vector<std::string> fujitsu{"ADF Front", "ADF Back", "ADF Duplex", "ADF"};
        QCOMPARE(sn::pickSource(fujitsu, Source::Adf), std::optional<std::string>("ADF"));
        QCOMPARE(sn::pickSource(fujitsu, Source::AdfDuplex),
                 std::optional<std::string>("ADF Duplex"));
        const std::vector<std::string> modes{"Gray[Error Diffusion]", "True Gray", "Black & White",
                                             "24bit Color"};
        QCOMPARE(sn::pickMode(modes, ColorMode::Gray), std::optional<std::string>("True Gray"));
        QCOMPARE(sn::pickMode(modes, ColorMode::Lineart),
                 std::optional<std::string>("Black & White"));
        QCOMPARE(sn::pickMode(modes, ColorMode::Color), std::optional<std::string>("24bit Color"));
    }

    void parsesOptionValues()
    {
        QCOMPARE(sn::parseBool("yes"), std::optional(true));
        QCOMPARE(sn::parseBool(" FALSE "), std::optional(false));
        QCOMPARE(sn::parseBool("maybe"), std::optional<bool>());
        QCOMPARE(sn::parseInteger("-42"), std::optional(-42LL));
        QCOMPARE(sn::parseInteger("+7"), std::optional(7LL));
        QCOMPARE(sn::parseInteger("4x"), std::optional<long long>());
        QCOMPARE(sn::parseNumber("-42.17"), std::optional(-42.17));
        QCOMPARE(sn::parseNumber(""), std::optional<double>());
        QCOMPARE(sn::parseNumberList("1,2.5,3"), std::optional(std::vector<double>{1, 2.5, 3}));
        QCOMPARE(sn::parseNumberList("1,,3"), std::optional<std::vector<double>>());
    }

    void interleavesThreePassPlanes()
    {
        sn::ChannelPlane r{2, 2, 8, 3, {1, 2, 0, 3, 4, 0}};
        sn::ChannelPlane g{2, 2, 8, 2, {10, 20, 30, 40}};
        sn::ChannelPlane b{2, 3, 8, 2, {100, 101, 102, 103, 104, 105}}; // one extra line
        const Frame f = sn::interleavePlanes(r, g, b, 75.0);
        QCOMPARE(f.format, Frame::Format::Rgb);
        QCOMPARE(f.height, 2);
        QCOMPARE(f.bytesPerLine, 6);
        QCOMPARE(f.pixels,
                 (std::vector<std::uint8_t>{1, 10, 100, 2, 20, 101, 3, 30, 102, 4, 40, 103}));
        QCOMPARE(f.dpi, 75.0);

        sn::ChannelPlane r1{3, 1, 1, 1, {0b10100000}};
        sn::ChannelPlane g1{3, 1, 1, 1, {0b01000000}};
        sn::ChannelPlane b1{3, 1, 1, 1, {0b11100000}};
        const Frame bits = sn::interleavePlanes(r1, g1, b1, 0.0);
        QCOMPARE(bits.depth, 8);
        QCOMPARE(bits.pixels, (std::vector<std::uint8_t>{255, 0, 255, 0, 255, 255, 255, 0, 255}));

        sn::ChannelPlane narrow{1, 2, 8, 1, {1, 2}};
        QCOMPARE(failureOf([&] { (void)sn::interleavePlanes(r, g, narrow, 0.0); }),
                 QStringLiteral("IoError"));
    }

    void widensOneBitColour()
    {
        Frame f;
        f.format = Frame::Format::Rgb;
        f.width = 3;
        f.height = 1;
        f.depth = 1;
        f.bytesPerLine = 2;                  // 9 bits used
        f.pixels = {0b10010011, 0b10000000}; // R G B | R G B | R G B
        const Frame w = sn::widenOneBitRgb(f);
        QCOMPARE(w.depth, 8);
        QCOMPARE(w.bytesPerLine, 9);
        QCOMPARE(w.pixels, (std::vector<std::uint8_t>{255, 0, 0, 255, 0, 0, 255, 255, 255}));
    }

    void readsSystemBackendLists()
    {
        const std::filesystem::path sys = tmpPath("fake-etc");
        std::filesystem::create_directories(sys / "dll.d");
        {
            std::ofstream(sys / "dll.conf")
                << "# comment\nnet\n  epson2  # trailing\n\n#pnm\nnet\n";
            std::ofstream(sys / "dll.d" / "hplip") << "hpaio\n";
            std::ofstream(sys / "dll.d" / "hplip~") << "stale\n";
            std::ofstream(sys / "dll.d" / "extra.dpkg-old") << "old\n";
        }
        QCOMPARE(sn::systemBackends(sys), (std::vector<std::string>{"net", "epson2", "hpaio"}));

        sn::PrivateConfigRequest request;
        request.systemDir = sys;
        request.extraBackends = {"pnm", "net"};
        const std::filesystem::path dir = tmpPath("private-check");
        QCOMPARE(sn::writePrivateConfig(dir, request),
                 (std::vector<std::string>{"net", "epson2", "hpaio", "pnm"}));
        QVERIFY(std::filesystem::exists(dir / "dll.conf"));
        QVERIFY(!std::filesystem::exists(dir / "test.conf"));
        QCOMPARE(sn::configDirValue(dir), dir.string() + ":");

        request.extraBackends = {"bad/name"};
        QCOMPARE(failureOf([&] { (void)sn::writePrivateConfig(dir, request); }),
                 QStringLiteral("Invalid"));
    }

    // ---- devices --------------------------------------------------------------------------

    void listsVirtualDevices()
    {
        const std::vector<DeviceInfo> devices = m_driver->listDevices();
        const auto has = [&](const char* id) {
            return std::any_of(devices.begin(), devices.end(),
                               [id](const DeviceInfo& d) { return d.id == id; });
        };
        QVERIFY(has("test:0"));
        QVERIFY(has("pnm:0"));
        const auto test0 = std::find_if(devices.begin(), devices.end(),
                                        [](const DeviceInfo& d) { return d.id == "test:0"; });
        QCOMPARE(test0->driver, std::string("sane"));
        QCOMPARE(test0->vendor, std::string("Noname"));
        QVERIFY(!m_driver->libraryVersion().empty());
    }

    void capabilitiesOfTestDevice()
    {
        const Capabilities caps = m_driver->capabilities("test:0");
        const SourceCapabilities* flatbed = caps.find(Source::Flatbed);
        QVERIFY(flatbed != nullptr);
        QCOMPARE(flatbed->deviceName, std::string("Flatbed"));
        QVERIFY(flatbed->resolutions.isRange());
        QCOMPARE(flatbed->resolutions.min, 1.0);
        QCOMPARE(flatbed->resolutions.max, 1200.0);
        QCOMPARE(flatbed->resolutions.step, 1.0);
        for (const ColorMode m : {ColorMode::Color, ColorMode::Gray, ColorMode::Lineart}) {
            QVERIFY2(std::find(flatbed->modes.begin(), flatbed->modes.end(), m) !=
                         flatbed->modes.end(),
                     colorModeName(m).data());
        }
        QCOMPARE(flatbed->bitDepths, (std::vector<int>{1, 8, 16}));
        QCOMPARE(flatbed->maxWidthMm, 200.0);
        QCOMPARE(flatbed->maxHeightMm, 200.0);

        const SourceCapabilities* adf = caps.find(Source::Adf);
        QVERIFY(adf != nullptr);
        QCOMPARE(adf->deviceName, std::string("Automatic Document Feeder"));
        QVERIFY(caps.find(Source::AdfDuplex) == nullptr);
    }

    void capabilitiesOfPnmDevice()
    {
        const Capabilities caps = m_driver->capabilities("pnm:0");
        QCOMPARE(caps.sources.size(), std::size_t{1});
        const SourceCapabilities& only = caps.sources.front();
        QCOMPARE(only.source, Source::Flatbed);
        QVERIFY(!only.resolutions.values.empty()); // a word list: 75, 90, 100...
        QVERIFY(std::find(only.resolutions.values.begin(), only.resolutions.values.end(), 100.0) !=
                only.resolutions.values.end());
        QVERIFY(only.modes.empty()); // fixed by the file
    }

    // ---- flatbed scans of test:0 -----------------------------------------------------------

    void flatbedColour()
    {
        const Frame f = scanOne("test:0", options(Source::Flatbed, ColorMode::Color, 100));
        QCOMPARE(f.format, Frame::Format::Rgb);
        QCOMPARE(f.depth, 8);
        QCOMPARE(f.dpi, 100.0);
        // Scan area set to the whole 200 x 200 mm glass.
        QCOMPARE(f.width, pixelsFor(100, 200));
        QCOMPARE(f.height, pixelsFor(100, 200));
        QCOMPARE(f.bytesPerLine, f.width * 3);
        QCOMPARE(f.pixels.size(), std::size_t(f.bytesPerLine) * std::size_t(f.height));
        QVERIFY(allBytes(f, 0)); // "Solid black"

        const QImage img = sohoa::imaging::toImage(f);
        QCOMPARE(img.format(), QImage::Format_RGB888);
        QCOMPARE(img.size(), QSize(f.width, f.height));
        QCOMPARE(img.pixel(5, 5), qRgb(0, 0, 0));
        QCOMPARE(img.dotsPerMeterX(), 3937);
    }

    void snapsResolution()
    {
        const Frame f = scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 20.4));
        QCOMPARE(f.dpi, 20.0); // range 1..1200 in steps of 1
        const Frame big = scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 5000,
                                                    {{"br-x", "10"}, {"br-y", "10"}}));
        QCOMPARE(big.dpi, 1200.0);
        QCOMPARE(big.width, pixelsFor(1200, 10));
    }

    void flatbedGray()
    {
        const Frame black = scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 50));
        QCOMPARE(black.format, Frame::Format::Gray);
        QCOMPARE(black.depth, 8);
        QCOMPARE(black.width, pixelsFor(50, 200));
        QVERIFY(allBytes(black, 0));

        const Frame white = scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 50,
                                                      {{"test-picture", "Solid white"}}));
        QVERIFY(allBytes(white, 255));
        const QImage img = sohoa::imaging::toImage(white);
        QCOMPARE(img.format(), QImage::Format_Grayscale8);
        QCOMPARE(img.pixel(3, 3), qRgb(255, 255, 255));
    }

    void flatbedLineart()
    {
        // The test backend has no lineart mode: gray at depth 1 stands in for it.
        const Frame black = scanOne("test:0", options(Source::Flatbed, ColorMode::Lineart, 60));
        QCOMPARE(black.format, Frame::Format::Gray);
        QCOMPARE(black.depth, 1);
        QCOMPARE(black.width, pixelsFor(60, 200));
        QCOMPARE(black.bytesPerLine, (black.width + 7) / 8);
        QVERIFY(allBytes(black, 0xff)); // SANE: 1 = black
        QImage img = sohoa::imaging::toImage(black);
        QCOMPARE(img.format(), QImage::Format_Mono);
        QCOMPARE(img.pixel(0, 0), qRgb(0, 0, 0));
        QCOMPARE(img.pixel(black.width - 1, black.height - 1), qRgb(0, 0, 0));

        const Frame white = scanOne("test:0", options(Source::Flatbed, ColorMode::Lineart, 60,
                                                      {{"test-picture", "Solid white"}}));
        QVERIFY(allBytes(white, 0x00));
        img = sohoa::imaging::toImage(white);
        QCOMPARE(img.pixel(black.width - 1, 0), qRgb(255, 255, 255));
    }

    void sixteenBit()
    {
        const Frame gray =
            scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 40,
                                      {{"depth", "16"}, {"test-picture", "Solid white"}}));
        QCOMPARE(gray.format, Frame::Format::Gray);
        QCOMPARE(gray.depth, 16);
        QCOMPARE(gray.bytesPerLine, gray.width * 2);
        QVERIFY(allBytes(gray, 0xff));
        const QImage grayImg = sohoa::imaging::toImage(gray);
        QCOMPARE(grayImg.format(), QImage::Format_Grayscale16);
        QCOMPARE(reinterpret_cast<const quint16*>(grayImg.constScanLine(1))[2], quint16(0xffff));

        // Raw options stay set in the test backend while libsane stays initialised: state the
        // picture again.
        const Frame colour =
            scanOne("test:0", options(Source::Flatbed, ColorMode::Color, 40,
                                      {{"depth", "16"}, {"test-picture", "Solid black"}}));
        QCOMPARE(colour.format, Frame::Format::Rgb);
        QCOMPARE(colour.depth, 16);
        QCOMPARE(colour.bytesPerLine, colour.width * 6);
        QVERIFY(allBytes(colour, 0x00));
        QCOMPARE(sohoa::imaging::toImage(colour).format(), QImage::Format_RGBX64);
    }

    void oneBitColourIsWidened()
    {
        const Frame f =
            scanOne("test:0", options(Source::Flatbed, ColorMode::Color, 40,
                                      {{"depth", "1"}, {"test-picture", "Solid white"}}));
        QCOMPARE(f.format, Frame::Format::Rgb);
        QCOMPARE(f.depth, 8);
        QCOMPARE(f.bytesPerLine, f.width * 3);
        QVERIFY(allBytes(f, 0xff)); // colour bits: 1 = full intensity

        const Frame black =
            scanOne("test:0", options(Source::Flatbed, ColorMode::Color, 40,
                                      {{"depth", "1"}, {"test-picture", "Solid black"}}));
        QCOMPARE(black.depth, 8);
        QVERIFY(allBytes(black, 0x00));
    }

    void threePassMatchesSinglePass_data()
    {
        QTest::addColumn<QString>("order");
        QTest::newRow("RGB") << QStringLiteral("RGB");
        QTest::newRow("GBR") << QStringLiteral("GBR");
        QTest::newRow("BRG") << QStringLiteral("BRG");
    }

    void threePassMatchesSinglePass()
    {
        QFETCH(QString, order);
        const Frame single = scanOne("test:0", options(Source::Flatbed, ColorMode::Color, 30,
                                                       {{"test-picture", "Color pattern"}}));
        RecordingSink sink;
        CancelToken cancel;
        m_driver->scan("test:0",
                       options(Source::Flatbed, ColorMode::Color, 30,
                               {{"test-picture", "Color pattern"},
                                {"three-pass", "yes"},
                                {"three-pass-order", order.toStdString()}}),
                       sink, cancel);
        QCOMPARE(sink.pages.size(), std::size_t{1});
        const Frame& three = sink.pages.front();
        QCOMPARE(three.format, Frame::Format::Rgb);
        QCOMPARE(three.width, single.width);
        QCOMPARE(three.height, single.height);
        QVERIFY(!allBytes(single, 0)); // the pattern is not uniform
        QVERIFY(packed(three) == packed(single));
        // Progress runs once across the three passes.
        QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
        QCOMPARE(sink.fractions.back(), 1.0);
    }

    void handScannerGrowsUntilEof()
    {
        RecordingSink sink;
        CancelToken cancel;
        m_driver->scan("test:0",
                       options(Source::Flatbed, ColorMode::Gray, 30,
                               {{"hand-scanner", "yes"}, {"test-picture", "Solid white"}}),
                       sink, cancel);
        QCOMPARE(sink.pages.size(), std::size_t{1});
        const Frame& gray = sink.pages.front();
        // Height unknown in advance: progress says so.
        QVERIFY(!sink.fractions.empty());
        QVERIFY(sink.fractions.front() < 0.0);
        QCOMPARE(gray.format, Frame::Format::Gray);
        QCOMPARE(gray.width, pixelsFor(30, 110)); // fixed 11 cm
        QCOMPARE(gray.height, pixelsFor(30, 170));
        QVERIFY(allBytes(gray, 255));

        const Frame colour = scanOne(
            "test:0", options(Source::Flatbed, ColorMode::Color, 20, {{"hand-scanner", "yes"}}));
        QCOMPARE(colour.format, Frame::Format::Rgb);
        QCOMPARE(colour.width, pixelsFor(20, 110));
        QCOMPARE(colour.height, pixelsFor(20, 170));
    }

    // ---- feeder -------------------------------------------------------------------------

    void feederDeliversPagesOneAtATime()
    {
        RecordingSink sink;
        CancelToken cancel;
        bool returned = false;
        sink.scanReturned = &returned;
        ScanOptions o = options(Source::Adf, ColorMode::Gray, 25);
        o.maxPages = 3;
        m_driver->scan("test:0", o, sink, cancel);
        returned = true;
        QCOMPARE(sink.pages.size(), std::size_t{3});
        QVERIFY(!sink.pageAfterReturn);
        // Each page is handed over before the next one is read.
        const std::vector<std::string> order{"progress:1", "page:1",     "progress:2",
                                             "page:2",     "progress:3", "page:3"};
        QCOMPARE(sink.events, order);
        for (const Frame& f : sink.pages) {
            QCOMPARE(f.width, pixelsFor(25, 200));
            QCOMPARE(f.dpi, 25.0);
        }
    }

    void feederRunsUntilEmpty()
    {
        // The test backend's feeder holds 10 sheets.
        const std::vector<Frame> pages =
            scanPages("test:0", options(Source::Adf, ColorMode::Gray, 10));
        QCOMPARE(pages.size(), std::size_t{10});
    }

    void flatbedIgnoresMaxPages()
    {
        ScanOptions o = options(Source::Flatbed, ColorMode::Gray, 10);
        o.maxPages = 5;
        QCOMPARE(scanPages("test:0", o).size(), std::size_t{1});
    }

    void noFeederIsUnsupported()
    {
        QCOMPARE(failureOf([&] {
                     (void)scanPages("test:0", options(Source::AdfDuplex, ColorMode::Gray, 10));
                 }),
                 QStringLiteral("Unsupported"));
        QCOMPARE(
            failureOf([&] { (void)scanPages("pnm:0", options(Source::Adf, ColorMode::Color, 0)); }),
            QStringLiteral("Unsupported"));
    }

    // ---- faults -------------------------------------------------------------------------

    void faultsMapToStatuses_data()
    {
        QTest::addColumn<QString>("saneStatus");
        QTest::addColumn<QString>("expected");
        QTest::newRow("jammed") << "SANE_STATUS_JAMMED"
                                << "Jammed";
        QTest::newRow("no docs") << "SANE_STATUS_NO_DOCS"
                                 << "NoDocuments";
        QTest::newRow("cover open") << "SANE_STATUS_COVER_OPEN"
                                    << "CoverOpen";
        QTest::newRow("busy") << "SANE_STATUS_DEVICE_BUSY"
                              << "DeviceBusy";
        QTest::newRow("io") << "SANE_STATUS_IO_ERROR"
                            << "IoError";
        QTest::newRow("no mem") << "SANE_STATUS_NO_MEM"
                                << "NoMemory";
        QTest::newRow("denied") << "SANE_STATUS_ACCESS_DENIED"
                                << "AccessDenied";
        QTest::newRow("cancelled") << "SANE_STATUS_CANCELLED"
                                   << "Cancelled";
        QTest::newRow("inval") << "SANE_STATUS_INVAL"
                               << "Invalid";
        QTest::newRow("unsupported") << "SANE_STATUS_UNSUPPORTED"
                                     << "Unsupported";
    }

    void faultsMapToStatuses()
    {
        QFETCH(QString, saneStatus);
        QFETCH(QString, expected);
        for (const Source source : {Source::Flatbed, Source::Adf}) {
            RecordingSink sink;
            CancelToken cancel;
            const QString got = failureOf([&] {
                m_driver->scan("test:0",
                               options(source, ColorMode::Gray, 10,
                                       {{"read-return-value", saneStatus.toStdString()}}),
                               sink, cancel);
            });
            QCOMPARE(got, expected);
            QVERIFY(sink.pages.empty());
        }
    }

    void deliveredPagesStayDelivered()
    {
        // A fault (here: cancellation) after two feeder pages: both pages were handed over.
        RecordingSink sink;
        CancelToken cancel;
        sink.afterPage = [&cancel](int count) {
            if (count == 2) {
                cancel.cancel();
            }
        };
        const QString got = failureOf([&] {
            m_driver->scan("test:0", options(Source::Adf, ColorMode::Gray, 10), sink, cancel);
        });
        QCOMPARE(got, QStringLiteral("Cancelled"));
        QCOMPARE(sink.pages.size(), std::size_t{2});

        // The device is usable again afterwards.
        QCOMPARE(scanPages("test:0", options(Source::Flatbed, ColorMode::Gray, 10)).size(),
                 std::size_t{1});
    }

    void cancelStopsAPageInProgress()
    {
        RecordingSink sink;
        CancelToken cancel;
        sink.afterProgress = [&cancel](int, double fraction) {
            if (fraction > 0.0) {
                cancel.cancel();
            }
        };
        const QString got = failureOf([&] {
            // 118 x 118 x 3 bytes: below a pipe buffer, read 4 KiB at a time.
            m_driver->scan("test:0",
                           options(Source::Flatbed, ColorMode::Color, 15,
                                   {{"read-limit", "yes"}, {"read-limit-size", "4096"}}),
                           sink, cancel);
        });
        QCOMPARE(got, QStringLiteral("Cancelled"));
        QVERIFY(sink.pages.empty());
        QVERIFY(sink.fractions.back() < 0.5);
    }

    void cancelFromAnotherThread()
    {
        // The intended use: scan on a worker thread, cancel from the UI thread.
        std::mutex mutex;
        std::condition_variable changed;
        bool started = false;
        bool cancelled = false;
        RecordingSink sink;
        CancelToken cancel;
        sink.afterProgress = [&](int, double fraction) {
            if (fraction <= 0.0) {
                return;
            }
            std::unique_lock lock(mutex);
            started = true;
            changed.notify_all();
            changed.wait(lock, [&] { return cancelled; }); // hold the scan until cancelled
        };
        QString result;
        std::thread worker([&] {
            result = failureOf([&] {
                m_driver->scan("test:0",
                               options(Source::Adf, ColorMode::Color, 15,
                                       {{"read-limit", "yes"}, {"read-limit-size", "1024"}}),
                               sink, cancel);
            });
        });
        {
            std::unique_lock lock(mutex);
            QVERIFY(changed.wait_for(lock, std::chrono::seconds(30), [&] { return started; }));
            cancel.cancel();
            cancelled = true;
            changed.notify_all();
        }
        worker.join();
        QCOMPARE(result, QStringLiteral("Cancelled"));
        QVERIFY(sink.pages.empty());
    }

    void sinkExceptionEndsScanCleanly()
    {
        RecordingSink sink;
        CancelToken cancel;
        sink.afterPage = [](int) { throw std::runtime_error("disk full"); };
        bool thrown = false;
        try {
            m_driver->scan("test:0", options(Source::Adf, ColorMode::Gray, 10), sink, cancel);
        } catch (const std::runtime_error& e) {
            thrown = std::string(e.what()) == "disk full";
        }
        QVERIFY(thrown);
        QCOMPARE(sink.pages.size(), std::size_t{1});
        // The device was cancelled and closed: it scans again at once.
        QCOMPARE(scanPages("test:0", options(Source::Adf, ColorMode::Gray, 10)).size(),
                 std::size_t{10});
    }

    void cancelBeforeStart()
    {
        RecordingSink sink;
        CancelToken cancel;
        cancel.cancel();
        QCOMPARE(failureOf([&] {
                     m_driver->scan("test:0", options(Source::Flatbed, ColorMode::Gray, 10), sink,
                                    cancel);
                 }),
                 QStringLiteral("Cancelled"));
        cancel.reset();
        QVERIFY(!cancel.isCancelled());
    }

    void unknownDevice()
    {
        for (const char* id : {"test:99", "nosuchbackend:0", ""}) {
            QCOMPARE(failureOf([&] {
                         (void)scanPages(id, options(Source::Flatbed, ColorMode::Gray, 10));
                     }),
                     QStringLiteral("DeviceNotFound"));
        }
        QCOMPARE(failureOf([&] { (void)m_driver->capabilities("test:99"); }),
                 QStringLiteral("DeviceNotFound"));
    }

    void badRawOptions_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown name") << "no-such-option"
                                      << "1";
        QTest::newRow("not in word list") << "depth"
                                          << "7";
        QTest::newRow("not a number") << "depth"
                                      << "eight";
        QTest::newRow("out of range") << "resolution"
                                      << "5000";
        QTest::newRow("not in string list") << "test-picture"
                                            << "Kittens";
        QTest::newRow("not a bool") << "hand-scanner"
                                    << "maybe";
        QTest::newRow("inactive") << "three-pass-order"
                                  << "GBR";
        QTest::newRow("fraction for int") << "ppl-loss"
                                          << "1.5";
    }

    void badRawOptions()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QCOMPARE(failureOf([&] {
                     (void)scanPages("test:0",
                                     options(Source::Flatbed, ColorMode::Gray, 10,
                                             {{name.toStdString(), value.toStdString()}}));
                 }),
                 QStringLiteral("Invalid"));
    }

    void rawOptionsConvertTypes()
    {
        // FIXED (resolution, geometry), INT (ppl-loss), BOOL, case-insensitive string list,
        // and scanimage's "--name" spelling. (The backend rounds geometry to whole mm.)
        const Frame f = scanOne("test:0", options(Source::Flatbed, ColorMode::Gray, 300,
                                                  {{"resolution", "72.0"},
                                                   {"--br-x", "25.4"},
                                                   {"br-y", "12.7"},
                                                   {"ppl-loss", "2"},
                                                   {"read-limit", "on"},
                                                   {"test-picture", "solid WHITE"}}));
        QCOMPARE(f.dpi, 72.0);
        QCOMPARE(f.width, pixelsFor(72, 25) - 2);
        QCOMPARE(f.height, pixelsFor(72, 13));
        QCOMPARE(f.bytesPerLine, pixelsFor(72, 25)); // the lost pixels stay as line padding
        QVERIFY(allBytes(f, 255));
    }

    // ---- pnm:0 --------------------------------------------------------------------------

    void pnmColourRoundTrip_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("plain") << "plain";
        QTest::newRow("three-pass") << "three-pass";
        QTest::newRow("hand-scanner") << "hand-scanner";
    }

    void pnmColourRoundTrip()
    {
        QFETCH(QString, variant);
        constexpr int width = 64;
        constexpr int height = 48;
        const std::vector<std::uint8_t> rgb = colourBars(width, height);
        const QString path = m_tmp.filePath(QStringLiteral("bars.ppm"));
        QVERIFY(writePnm(path, "P6", width, height, rgb));

        std::vector<std::pair<std::string, std::string>> raw{{"filename", path.toStdString()}};
        if (variant != "plain") {
            raw.emplace_back(variant.toStdString(), "yes");
        }
        const Frame f = scanOne("pnm:0", options(Source::Flatbed, ColorMode::Color, 100, raw));
        QCOMPARE(f.format, Frame::Format::Rgb);
        QCOMPARE(f.depth, 8);
        QCOMPARE(f.width, width);
        QCOMPARE(f.height, height);
        QCOMPARE(f.dpi, 100.0);
        QVERIFY(packed(f) == rgb);

        const QImage img = sohoa::imaging::toImage(f);
        QCOMPARE(img.pixel(0, 0), qRgb(rgb[0], rgb[1], rgb[2]));
        const std::size_t last = rgb.size() - 3;
        QCOMPARE(img.pixel(width - 1, height - 1), qRgb(rgb[last], rgb[last + 1], rgb[last + 2]));
    }

    void pnmGrayRoundTrip()
    {
        constexpr int width = 33;
        constexpr int height = 7;
        std::vector<std::uint8_t> gray;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                gray.push_back(static_cast<std::uint8_t>((x * 7 + y * 31) % 256));
            }
        }
        const QString path = m_tmp.filePath(QStringLiteral("ramp.pgm"));
        QVERIFY(writePnm(path, "P5", width, height, gray));
        const Frame f = scanOne("pnm:0", options(Source::Flatbed, ColorMode::Gray, 0,
                                                 {{"filename", path.toStdString()}}));
        QCOMPARE(f.format, Frame::Format::Gray);
        QCOMPARE(f.width, width);
        QCOMPARE(f.height, height);
        QVERIFY(packed(f) == gray);
    }

    void pnmMissingFile()
    {
        const QString got = failureOf([&] {
            (void)scanPages("pnm:0", options(Source::Flatbed, ColorMode::Color, 0,
                                             {{"filename", tmpPath("no-such-file.ppm")}}));
        });
        QVERIFY2(got != QStringLiteral("no error"), qPrintable(got));
    }
};

QTEST_GUILESS_MAIN(TestSaneDriver)
#include "test_sane_driver.moc"
