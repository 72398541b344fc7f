// SPDX-License-Identifier: GPL-3.0-or-later
// The TWAIN session and driver against a scripted data source: a fake DSM entry that plays a
// source (two sources to list, 100/200/300 dpi only, pages in padded memory strips, a paper jam
// on demand) and records every triplet it receives.

#include "scanner/twain/TwainDriver.h"
#include "scanner/twain/TwainSession.h"

#include <QTest>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace sohoa::scanner;
using namespace sohoa::scanner::twain;

namespace {

std::string capName(TW_UINT16 cap)
{
    static const std::map<TW_UINT16, std::string> names{{CAP_XFERCOUNT, "XFERCOUNT"},
                                                        {ICAP_PIXELTYPE, "PIXELTYPE"},
                                                        {ICAP_UNITS, "UNITS"},
                                                        {ICAP_XFERMECH, "XFERMECH"},
                                                        {CAP_FEEDERENABLED, "FEEDERENABLED"},
                                                        {CAP_FEEDERLOADED, "FEEDERLOADED"},
                                                        {CAP_DUPLEXENABLED, "DUPLEXENABLED"},
                                                        {ICAP_XRESOLUTION, "XRESOLUTION"},
                                                        {ICAP_YRESOLUTION, "YRESOLUTION"},
                                                        {ICAP_PIXELFLAVOR, "PIXELFLAVOR"},
                                                        {ICAP_BITDEPTH, "BITDEPTH"}};
    return names.at(cap);
}

// One page as the source holds it: rows without padding, in TWAIN's sample conventions.
struct SourcePage
{
    int width = 0;
    int height = 0;
    TW_UINT16 pixelType = TWPT_RGB;
    std::vector<std::uint8_t> rows;

    int bitsPerPixel() const { return pixelType == TWPT_BW ? 1 : pixelType == TWPT_GRAY ? 8 : 24; }
    std::size_t rowBytes() const { return (std::size_t(width) * bitsPerPixel() + 7) / 8; }
};

SourcePage makePage(int width, int height, TW_UINT16 pixelType, int seed)
{
    SourcePage page{width, height, pixelType, {}};
    page.rows.resize(page.rowBytes() * height);
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
        page.rows[i] = static_cast<std::uint8_t>(i * 7 + seed * 31);
    }
    return page;
}

struct Recorded
{
    Triplet triplet;
    TW_UINT16 rc;
    TW_UINT16 pending;
};

// The scripted data source behind a fake DSM_Entry.
class ScriptedSource final : public DsmPlatform
{
public:
    // Script.
    std::vector<SourcePage> pages;
    bool hasFeeder = false;
    int jamOnPage = 0; // 1-based; 0: no jam
    int stripRows = 3;
    int padding = 3; // bytes after each row's pixels
    TW_UINT16 pixelFlavor = TWPF_CHOCOLATE;
    std::function<void(int stripsSoFar)> afterStrip;

    // Record.
    std::vector<std::string> log;
    std::vector<Recorded> triplets;
    int strips = 0;
    int liveAllocations = 0;
    double dpi = 100.0;
    TW_UINT16 pixelType = TWPT_RGB;

    TW_UINT16 entry(TW_IDENTITY* origin, TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat,
                    TW_UINT16 msg, TW_MEMREF data) override
    {
        std::string line = tripletName(Triplet{dg, dat, msg});
        line.erase(0, line.find('/') + 1); // "DAT_x/MSG_y"
        if (dat == DAT_CAPABILITY) {
            line += " " + capName(static_cast<TW_CAPABILITY*>(data)->Cap);
        }
        log.push_back(line);
        const bool toSource = dest != nullptr;
        if (toSource && std::strcmp(dest->ProductName, openName_.c_str()) != 0) {
            return TWRC_FAILURE;
        }
        const TW_UINT16 rc = answer(origin, dat, msg, data);
        const TW_UINT16 pending =
            dat == DAT_PENDINGXFERS ? static_cast<TW_PENDINGXFERS*>(data)->Count : 0;
        triplets.push_back(Recorded{Triplet{dg, dat, msg}, rc, pending});
        return rc;
    }

    void useEntryPoint(const TW_ENTRYPOINT&) override { log.push_back("(entry point)"); }
    TW_HANDLE allocate(TW_UINT32 bytes) override
    {
        ++liveAllocations;
        return std::calloc(bytes, 1);
    }
    void release(TW_HANDLE handle) override
    {
        --liveAllocations;
        std::free(handle);
    }
    TW_MEMREF lock(TW_HANDLE handle) override { return handle; }
    void unlock(TW_HANDLE) override {}
    TW_HANDLE parentWindow() override { return &window_; }
    TW_MEMREF nextEvent() override { return &window_; }
    void dispatchEvent(TW_MEMREF) override { ++dispatched; }

    int dispatched = 0;

private:
    TW_UINT16 answer(TW_IDENTITY* origin, TW_UINT16 dat, TW_UINT16 msg, TW_MEMREF data)
    {
        switch (dat) {
        case DAT_PARENT:
            if (msg == MSG_OPENDSM) {
                origin->SupportedGroups |= DF_DSM2;
            }
            return TWRC_SUCCESS;
        case DAT_ENTRYPOINT:
        case DAT_USERINTERFACE:
            if (dat == DAT_USERINTERFACE && msg == MSG_ENABLEDS) {
                if (static_cast<TW_USERINTERFACE*>(data)->ShowUI != 0) {
                    return fail(TWCC_BADVALUE);
                }
                eventsBeforeReady_ = 2;
            }
            return TWRC_SUCCESS;
        case DAT_IDENTITY:
            return identity(msg, static_cast<TW_IDENTITY*>(data));
        case DAT_STATUS:
            static_cast<TW_STATUS*>(data)->ConditionCode = condition_;
            condition_ = TWCC_SUCCESS;
            return TWRC_SUCCESS;
        case DAT_CAPABILITY:
            return msg == MSG_SET ? setCap(*static_cast<TW_CAPABILITY*>(data))
                                  : getCap(*static_cast<TW_CAPABILITY*>(data));
        case DAT_EVENT: {
            auto* event = static_cast<TW_EVENT*>(data);
            if (eventsBeforeReady_-- > 0) {
                return TWRC_NOTDSEVENT; // a window message that is not the source's
            }
            event->TWMessage = MSG_XFERREADY;
            return TWRC_DSEVENT;
        }
        case DAT_IMAGEINFO:
            return imageInfo(*static_cast<TW_IMAGEINFO*>(data));
        case DAT_SETUPMEMXFER: {
            auto* setup = static_cast<TW_SETUPMEMXFER*>(data);
            *setup = TW_SETUPMEMXFER{16, 1 << 20, 0};
            const SourcePage& page = pages.at(current_);
            setup->Preferred = static_cast<TW_UINT32>((page.rowBytes() + padding) * stripRows);
            return TWRC_SUCCESS;
        }
        case DAT_IMAGEMEMXFER:
            return strip(*static_cast<TW_IMAGEMEMXFER*>(data));
        case DAT_PENDINGXFERS: {
            auto* pending = static_cast<TW_PENDINGXFERS*>(data);
            if (msg == MSG_ENDXFER) {
                ++current_;
                row_ = 0;
            } else {
                current_ = static_cast<int>(pages.size());
            }
            const int left = hasFeeder ? static_cast<int>(pages.size()) - current_ : 0;
            pending->Count = static_cast<TW_UINT16>(left);
            return TWRC_SUCCESS;
        }
        default:
            return fail(TWCC_BADPROTOCOL);
        }
    }

    TW_UINT16 fail(TW_UINT16 condition)
    {
        condition_ = condition;
        return TWRC_FAILURE;
    }

    TW_UINT16 identity(TW_UINT16 msg, TW_IDENTITY* id)
    {
        static const char* const names[] = {"Fake Flatbed 1000", "Fake Feeder 2000"};
        if (msg == MSG_GETFIRST || msg == MSG_GETNEXT) {
            listed_ = msg == MSG_GETFIRST ? 0 : listed_ + 1;
            if (listed_ >= 2) {
                return TWRC_ENDOFLIST;
            }
            id->Id = static_cast<TW_UINT32>(listed_ + 1);
            std::strcpy(id->Manufacturer, "Fake Co");
            std::strcpy(id->ProductName, names[listed_]);
            return TWRC_SUCCESS;
        }
        if (msg == MSG_OPENDS) {
            openName_ = id->ProductName;
        } else if (msg == MSG_CLOSEDS) {
            openName_.clear();
        }
        return TWRC_SUCCESS;
    }

    TW_UINT32 readOneValue(const TW_CAPABILITY& cap) const
    {
        TW_ONEVALUE one{};
        std::memcpy(&one, cap.hContainer, sizeof one);
        return one.ItemType == TWTY_FIX32 ? one.Item : (one.Item & 0xffffu);
    }

    TW_UINT16 setCap(const TW_CAPABILITY& cap)
    {
        const TW_UINT32 value = readOneValue(cap);
        switch (cap.Cap) {
        case CAP_FEEDERENABLED:
            return hasFeeder ? TWRC_SUCCESS : fail(TWCC_CAPUNSUPPORTED);
        case CAP_DUPLEXENABLED:
            return value == 0 ? TWRC_SUCCESS : fail(TWCC_BADVALUE);
        case ICAP_XRESOLUTION:
        case ICAP_YRESOLUTION: {
            const double wanted = toDouble(fix32FromBits(value));
            if (wanted != 100.0 && wanted != 200.0 && wanted != 300.0) {
                return fail(TWCC_BADVALUE);
            }
            dpi = wanted;
            return TWRC_SUCCESS;
        }
        case ICAP_PIXELTYPE:
            pixelType = static_cast<TW_UINT16>(value);
            return TWRC_SUCCESS;
        case ICAP_XFERMECH:
            return value == TWSX_MEMORY ? TWRC_SUCCESS : fail(TWCC_BADVALUE);
        default:
            return TWRC_SUCCESS;
        }
    }

    TW_UINT16 getCap(TW_CAPABILITY& cap)
    {
        switch (cap.Cap) {
        case ICAP_XRESOLUTION: {
            const std::size_t bytes = offsetof(TW_ENUMERATION, ItemList) + 3 * 4;
            cap.ConType = TWON_ENUMERATION;
            cap.hContainer = allocate(static_cast<TW_UINT32>(bytes));
            auto* list = static_cast<std::uint8_t*>(cap.hContainer);
            const TW_ENUMERATION head{TWTY_FIX32, 3, 0, 0, {0}};
            std::memcpy(list, &head, offsetof(TW_ENUMERATION, ItemList));
            for (int i = 0; i < 3; ++i) {
                const TW_UINT32 bits = fix32Bits(toFix32(100.0 * (i + 1)));
                std::memcpy(list + offsetof(TW_ENUMERATION, ItemList) + i * 4, &bits, 4);
            }
            return TWRC_SUCCESS;
        }
        case ICAP_PIXELFLAVOR:
            return oneValue(cap, TWTY_UINT16, pixelFlavor);
        case CAP_FEEDERENABLED:
            return hasFeeder ? oneValue(cap, TWTY_BOOL, 1) : fail(TWCC_CAPUNSUPPORTED);
        case CAP_FEEDERLOADED:
            return oneValue(cap, TWTY_BOOL, pages.empty() ? 0 : 1);
        default:
            return fail(TWCC_CAPUNSUPPORTED);
        }
    }

    TW_UINT16 oneValue(TW_CAPABILITY& cap, TW_UINT16 type, TW_UINT32 value)
    {
        cap.ConType = TWON_ONEVALUE;
        cap.hContainer = allocate(sizeof(TW_ONEVALUE));
        encodeOneValue(cap.hContainer, type, value);
        return TWRC_SUCCESS;
    }

    TW_UINT16 imageInfo(TW_IMAGEINFO& info)
    {
        const SourcePage& page = pages.at(current_);
        info = TW_IMAGEINFO{};
        info.XResolution = info.YResolution = toFix32(dpi);
        info.ImageWidth = page.width;
        info.ImageLength = page.height;
        info.SamplesPerPixel = page.pixelType == TWPT_RGB ? 3 : 1;
        info.BitsPerPixel = static_cast<TW_INT16>(page.bitsPerPixel());
        info.PixelType = static_cast<TW_INT16>(page.pixelType);
        info.Compression = TWCP_NONE;
        return TWRC_SUCCESS;
    }

    TW_UINT16 strip(TW_IMAGEMEMXFER& xfer)
    {
        if (current_ + 1 == jamOnPage) {
            return fail(TWCC_PAPERJAM);
        }
        const SourcePage& page = pages.at(current_);
        const std::size_t stride = page.rowBytes() + padding;
        const int rows = std::min(stripRows, page.height - row_);
        if (xfer.Memory.Length < stride * rows) {
            return fail(TWCC_LOWMEMORY);
        }
        auto* out = static_cast<std::uint8_t*>(xfer.Memory.TheMem);
        std::memset(out, 0xa5, stride * rows); // padding holds junk, as in real sources
        for (int r = 0; r < rows; ++r) {
            std::memcpy(out + r * stride, page.rows.data() + (row_ + r) * page.rowBytes(),
                        page.rowBytes());
        }
        xfer.Compression = TWCP_NONE;
        xfer.BytesPerRow = static_cast<TW_UINT32>(stride);
        xfer.Columns = static_cast<TW_UINT32>(page.width);
        xfer.Rows = static_cast<TW_UINT32>(rows);
        xfer.XOffset = 0;
        xfer.YOffset = static_cast<TW_UINT32>(row_);
        xfer.BytesWritten = static_cast<TW_UINT32>(stride * rows);
        row_ += rows;
        ++strips;
        if (afterStrip) {
            afterStrip(strips);
        }
        return row_ == page.height ? TWRC_XFERDONE : TWRC_SUCCESS;
    }

    int window_ = 0;
    int listed_ = 0;
    int current_ = 0;
    int row_ = 0;
    int eventsBeforeReady_ = 0;
    TW_UINT16 condition_ = TWCC_SUCCESS;
    std::string openName_;
};

// Lets TwainDriver "load" the scripted source without owning it.
class Borrowed final : public DsmPlatform
{
public:
    explicit Borrowed(ScriptedSource& source) : s_(source) {}
    TW_UINT16 entry(TW_IDENTITY* o, TW_IDENTITY* d, TW_UINT32 dg, TW_UINT16 dat, TW_UINT16 msg,
                    TW_MEMREF data) override
    {
        return s_.entry(o, d, dg, dat, msg, data);
    }
    void useEntryPoint(const TW_ENTRYPOINT& e) override { s_.useEntryPoint(e); }
    TW_HANDLE allocate(TW_UINT32 bytes) override { return s_.allocate(bytes); }
    void release(TW_HANDLE h) override { s_.release(h); }
    TW_MEMREF lock(TW_HANDLE h) override { return s_.lock(h); }
    void unlock(TW_HANDLE h) override { s_.unlock(h); }
    TW_HANDLE parentWindow() override { return s_.parentWindow(); }
    TW_MEMREF nextEvent() override { return s_.nextEvent(); }
    void dispatchEvent(TW_MEMREF e) override { s_.dispatchEvent(e); }

private:
    ScriptedSource& s_;
};

TwainDriver driverFor(ScriptedSource& source)
{
    return TwainDriver([&source] { return std::make_unique<Borrowed>(source); });
}

class Sink : public PageSink
{
public:
    std::vector<Frame> pages;
    std::vector<int> stripsAtDelivery;
    const ScriptedSource* source = nullptr;
    std::function<void()> afterPage;

    void onPage(Frame&& frame) override
    {
        pages.push_back(std::move(frame));
        stripsAtDelivery.push_back(source != nullptr ? source->strips : 0);
        if (afterPage) {
            afterPage();
        }
    }
};

// Every recorded triplet was legal where it was sent (replayed on a fresh state machine).
void verifyLegal(const ScriptedSource& source)
{
    TwainStateMachine machine;
    machine.dsmLoaded();
    for (const Recorded& r : source.triplets) {
        machine.check(r.triplet);
        machine.completed(r.triplet, r.rc, r.pending);
        if (r.triplet.dat == DAT_EVENT && r.rc == TWRC_DSEVENT) {
            machine.sourceMessage(MSG_XFERREADY);
        }
    }
    QCOMPARE(machine.state(), TwainState::DsmLoaded);
}

bool contains(const std::vector<std::string>& log, const std::string& line)
{
    return std::find(log.begin(), log.end(), line) != log.end();
}

// The frame SoHoa expects from a source page (padding dropped).
void verifyFrame(const Frame& frame, const SourcePage& page, bool invert)
{
    QCOMPARE(frame.width, page.width);
    QCOMPARE(frame.height, page.height);
    QCOMPARE(frame.bytesPerLine, static_cast<int>(page.rowBytes()));
    QVERIFY(frame.inconsistency().empty());
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
        auto expected = static_cast<std::uint8_t>(invert ? ~page.rows[i] : page.rows[i]);
        if (page.pixelType == TWPT_BW && page.width % 8 != 0 && (i + 1) % page.rowBytes() == 0) {
            expected &= static_cast<std::uint8_t>(0xff00u >> (page.width % 8));
        }
        QCOMPARE(frame.pixels[i], expected);
    }
}

// The options of a feeder batch; tests add what they need.
ScanOptions feederOptions(ColorMode mode = ColorMode::Color)
{
    ScanOptions options;
    options.source = Source::Adf;
    options.mode = mode;
    return options;
}
} // namespace

class TestTwainSession : public QObject
{
    Q_OBJECT

private slots:
    void listsSources()
    {
        ScriptedSource source;
        TwainDriver driver = driverFor(source);
        const std::vector<DeviceInfo> devices = driver.listDevices();
        QCOMPARE(devices.size(), std::size_t{2});
        QCOMPARE(devices[0].id, std::string("Fake Flatbed 1000"));
        QCOMPARE(devices[1].model, std::string("Fake Feeder 2000"));
        QCOMPARE(devices[1].vendor, std::string("Fake Co"));
        QCOMPARE(devices[0].driver, std::string("twain"));
        const std::vector<std::string> expected{
            "DAT_PARENT/MSG_OPENDSM",    "DAT_ENTRYPOINT/MSG_GET",   "(entry point)",
            "DAT_IDENTITY/MSG_GETFIRST", "DAT_IDENTITY/MSG_GETNEXT", "DAT_IDENTITY/MSG_GETNEXT",
            "DAT_PARENT/MSG_CLOSEDSM"};
        QCOMPARE(source.log, expected);
        verifyLegal(source);
    }

    void flatbedScanExactSequence()
    {
        ScriptedSource source;
        source.pages = {makePage(5, 4, TWPT_RGB, 1)};
        TwainDriver driver = driverFor(source);
        Sink sink;
        ScanOptions options;
        options.dpi = 240; // snaps to 200
        CancelToken cancel;
        driver.scan("Fake Feeder 2000", options, sink, cancel);

        QCOMPARE(sink.pages.size(), std::size_t{1});
        const Frame& frame = sink.pages[0];
        QCOMPARE(frame.format, Frame::Format::Rgb);
        QCOMPARE(frame.depth, 8);
        QCOMPARE(frame.dpi, 200.0);
        verifyFrame(frame, source.pages[0], false);

        const std::vector<std::string> expected{
            "DAT_PARENT/MSG_OPENDSM",
            "DAT_ENTRYPOINT/MSG_GET",
            "(entry point)",
            "DAT_IDENTITY/MSG_GETFIRST",
            "DAT_IDENTITY/MSG_GETNEXT",
            "DAT_IDENTITY/MSG_OPENDS",
            "DAT_CAPABILITY/MSG_SET XFERCOUNT",
            "DAT_CAPABILITY/MSG_SET FEEDERENABLED",
            "DAT_STATUS/MSG_GET", // no feeder at all: a flatbed, go on
            "DAT_CAPABILITY/MSG_SET UNITS",
            "DAT_CAPABILITY/MSG_SET PIXELTYPE",
            "DAT_CAPABILITY/MSG_SET BITDEPTH",
            "DAT_CAPABILITY/MSG_GET XRESOLUTION",
            "DAT_CAPABILITY/MSG_SET XRESOLUTION",
            "DAT_CAPABILITY/MSG_SET YRESOLUTION",
            "DAT_CAPABILITY/MSG_SET XFERMECH",
            "DAT_CAPABILITY/MSG_GET PIXELFLAVOR",
            "DAT_USERINTERFACE/MSG_ENABLEDS",
            "DAT_EVENT/MSG_PROCESSEVENT",
            "DAT_EVENT/MSG_PROCESSEVENT",
            "DAT_EVENT/MSG_PROCESSEVENT", // MSG_XFERREADY
            "DAT_IMAGEINFO/MSG_GET",
            "DAT_SETUPMEMXFER/MSG_GET",
            "DAT_IMAGEMEMXFER/MSG_GET",
            "DAT_IMAGEMEMXFER/MSG_GET", // 4 rows in strips of 3
            "DAT_PENDINGXFERS/MSG_ENDXFER",
            "DAT_USERINTERFACE/MSG_DISABLEDS",
            "DAT_IDENTITY/MSG_CLOSEDS",
            "DAT_PARENT/MSG_CLOSEDSM"};
        QCOMPARE(source.log, expected);
        QCOMPARE(source.dispatched, 2);
        QCOMPARE(source.liveAllocations, 0);
        verifyLegal(source);
    }

    void feederPagesArriveOneByOne()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        source.pages = {makePage(7, 7, TWPT_GRAY, 1), makePage(7, 7, TWPT_GRAY, 2),
                        makePage(7, 7, TWPT_GRAY, 3)};
        TwainSession session(source);
        Sink sink;
        sink.source = &source;
        ScanOptions options = feederOptions(ColorMode::Gray);
        options.dpi = 300;
        CancelToken cancel;
        session.scan("Fake Feeder 2000", options, sink, cancel);

        QCOMPARE(sink.pages.size(), std::size_t{3});
        // 7 rows in strips of 3: each page is handed over right after its own third strip.
        QCOMPARE(sink.stripsAtDelivery, (std::vector<int>{3, 6, 9}));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(sink.pages[i].format, Frame::Format::Gray);
            QCOMPARE(sink.pages[i].depth, 8);
            QCOMPARE(sink.pages[i].dpi, 300.0);
            verifyFrame(sink.pages[i], source.pages[i], false);
        }
        QCOMPARE(session.state(), TwainState::DsmOpen);
        QVERIFY(!contains(source.log, "DAT_PENDINGXFERS/MSG_RESET"));
        QCOMPARE(source.liveAllocations, 0);
    }

    void lineartFollowsPixelFlavor_data()
    {
        QTest::addColumn<int>("flavor");
        QTest::addColumn<bool>("invert");
        QTest::newRow("chocolate: 0 is black") << int(TWPF_CHOCOLATE) << true;
        QTest::newRow("vanilla: 0 is white") << int(TWPF_VANILLA) << false;
    }

    void lineartFollowsPixelFlavor()
    {
        QFETCH(int, flavor);
        QFETCH(bool, invert);
        ScriptedSource source;
        source.pixelFlavor = static_cast<TW_UINT16>(flavor);
        source.pages = {makePage(13, 5, TWPT_BW, 4)};
        Sink sink;
        ScanOptions options;
        options.mode = ColorMode::Lineart;
        CancelToken cancel;
        driverFor(source).scan("Fake Flatbed 1000", options, sink, cancel);
        QCOMPARE(sink.pages.size(), std::size_t{1});
        QCOMPARE(sink.pages[0].depth, 1);
        QCOMPARE(sink.pages[0].bytesPerLine, 2);
        QCOMPARE(source.pixelType, TWPT_BW);
        verifyFrame(sink.pages[0], source.pages[0], invert);
    }

    void jamKeepsEarlierPages()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        source.jamOnPage = 3;
        source.pages = {makePage(4, 3, TWPT_RGB, 1), makePage(4, 3, TWPT_RGB, 2),
                        makePage(4, 3, TWPT_RGB, 3)};
        Sink sink;
        ScanOptions options = feederOptions();
        CancelToken cancel;
        try {
            driverFor(source).scan("Fake Feeder 2000", options, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::Jammed);
            QVERIFY2(e.detail().find("TWCC_PAPERJAM") != std::string::npos, e.what());
            QVERIFY2(e.detail().find("page 3") != std::string::npos, e.what());
        }
        QCOMPARE(sink.pages.size(), std::size_t{2});
        verifyFrame(sink.pages[1], source.pages[1], false);
        // The failed transfer never started: pending pages are discarded, then all closed.
        const std::vector<std::string> tail(source.log.end() - 6, source.log.end());
        QCOMPARE(tail, (std::vector<std::string>{
                           "DAT_IMAGEMEMXFER/MSG_GET", "DAT_STATUS/MSG_GET",
                           "DAT_PENDINGXFERS/MSG_RESET", "DAT_USERINTERFACE/MSG_DISABLEDS",
                           "DAT_IDENTITY/MSG_CLOSEDS", "DAT_PARENT/MSG_CLOSEDSM"}));
        QCOMPARE(source.liveAllocations, 0);
        verifyLegal(source);
    }

    void cancelBetweenPagesResets()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        source.pages = {makePage(4, 3, TWPT_GRAY, 1), makePage(4, 3, TWPT_GRAY, 2),
                        makePage(4, 3, TWPT_GRAY, 3)};
        CancelToken cancel;
        Sink sink;
        sink.afterPage = [&] { cancel.cancel(); };
        ScanOptions options = feederOptions(ColorMode::Gray);
        TwainSession session(source);
        try {
            session.scan("Fake Feeder 2000", options, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::Cancelled);
        }
        QCOMPARE(sink.pages.size(), std::size_t{1});
        QVERIFY(contains(source.log, "DAT_PENDINGXFERS/MSG_RESET"));
        QCOMPARE(session.state(), TwainState::DsmOpen);
    }

    void cancelDuringTransferEndsItFirst()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        source.pages = {makePage(4, 9, TWPT_GRAY, 1), makePage(4, 9, TWPT_GRAY, 2)};
        CancelToken cancel;
        source.afterStrip = [&](int strips) {
            if (strips == 2) {
                cancel.cancel();
            }
        };
        Sink sink;
        ScanOptions options = feederOptions(ColorMode::Gray);
        QVERIFY_THROWS_EXCEPTION(ScanError,
                                 driverFor(source).scan("Fake Feeder 2000", options, sink, cancel));
        QVERIFY(sink.pages.empty());
        const std::vector<std::string> tail(source.log.end() - 5, source.log.end());
        QCOMPARE(tail, (std::vector<std::string>{
                           "DAT_PENDINGXFERS/MSG_ENDXFER", "DAT_PENDINGXFERS/MSG_RESET",
                           "DAT_USERINTERFACE/MSG_DISABLEDS", "DAT_IDENTITY/MSG_CLOSEDS",
                           "DAT_PARENT/MSG_CLOSEDSM"}));
        verifyLegal(source);
    }

    void maxPagesStopsTheFeeder()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        source.pages = {makePage(4, 3, TWPT_RGB, 1), makePage(4, 3, TWPT_RGB, 2),
                        makePage(4, 3, TWPT_RGB, 3)};
        Sink sink;
        ScanOptions options = feederOptions();
        options.maxPages = 2;
        CancelToken cancel;
        driverFor(source).scan("Fake Feeder 2000", options, sink, cancel);
        QCOMPARE(sink.pages.size(), std::size_t{2});
        QVERIFY(contains(source.log, "DAT_PENDINGXFERS/MSG_RESET"));
        verifyLegal(source);
    }

    void emptyFeederIsNoDocuments()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        Sink sink;
        ScanOptions options = feederOptions();
        CancelToken cancel;
        try {
            driverFor(source).scan("Fake Feeder 2000", options, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::NoDocuments);
        }
        QVERIFY(!contains(source.log, "DAT_USERINTERFACE/MSG_ENABLEDS"));
        verifyLegal(source);
    }

    void missingFeederAndDuplexAreUnsupported()
    {
        ScriptedSource flatbedOnly;
        Sink sink;
        ScanOptions options = feederOptions();
        CancelToken cancel;
        try {
            driverFor(flatbedOnly).scan("Fake Flatbed 1000", options, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::Unsupported);
        }
        ScriptedSource simplex;
        simplex.hasFeeder = true;
        simplex.pages = {makePage(4, 3, TWPT_RGB, 1)};
        options.source = Source::AdfDuplex;
        try {
            driverFor(simplex).scan("Fake Feeder 2000", options, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::Unsupported);
        }
        verifyLegal(simplex);
    }

    void unknownSourceIsDeviceNotFound()
    {
        ScriptedSource source;
        Sink sink;
        CancelToken cancel;
        try {
            driverFor(source).scan("No Such Scanner", ScanOptions{}, sink, cancel);
            QFAIL("no error");
        } catch (const ScanError& e) {
            QCOMPARE(e.status(), ScanStatus::DeviceNotFound);
        }
        verifyLegal(source);
    }

    void capabilitiesPerSource()
    {
        ScriptedSource source;
        source.hasFeeder = true;
        const Capabilities caps = driverFor(source).capabilities("Fake Feeder 2000");
        QCOMPARE(caps.sources.size(), std::size_t{2}); // flatbed + feeder, no duplex
        const SourceCapabilities* adf = caps.find(Source::Adf);
        QVERIFY(adf != nullptr);
        QCOMPARE(adf->resolutions.values, (std::vector<double>{100, 200, 300}));
        verifyLegal(source);
    }

    void fix32RoundTrips()
    {
        QCOMPARE(toDouble(toFix32(200.0)), 200.0);
        QCOMPARE(toDouble(toFix32(-1.5)), -1.5);
        QCOMPARE(toFix32(0.5).Frac, TW_UINT16{0x8000});
        QCOMPARE(snapToSet(ResolutionSet{{}, 50, 600, 25}, 333), 325.0);
    }
};

QTEST_GUILESS_MAIN(TestTwainSession)
#include "test_twain_session.moc"
