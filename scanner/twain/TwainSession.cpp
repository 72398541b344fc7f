// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/TwainSession.h"

#include "scanner/ScanError.h"
#include "scanner/twain/MemoryFrameAssembly.h"
#include "scanner/twain/TwainStatus.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace sohoa::scanner::twain {

namespace {

constexpr Triplet kOpenDsm{DG_CONTROL, DAT_PARENT, MSG_OPENDSM};
constexpr Triplet kCloseDsm{DG_CONTROL, DAT_PARENT, MSG_CLOSEDSM};
constexpr Triplet kEntryPoint{DG_CONTROL, DAT_ENTRYPOINT, MSG_GET};
constexpr Triplet kStatus{DG_CONTROL, DAT_STATUS, MSG_GET};
constexpr Triplet kFirstSource{DG_CONTROL, DAT_IDENTITY, MSG_GETFIRST};
constexpr Triplet kNextSource{DG_CONTROL, DAT_IDENTITY, MSG_GETNEXT};
constexpr Triplet kOpenDs{DG_CONTROL, DAT_IDENTITY, MSG_OPENDS};
constexpr Triplet kCloseDs{DG_CONTROL, DAT_IDENTITY, MSG_CLOSEDS};
constexpr Triplet kGetCap{DG_CONTROL, DAT_CAPABILITY, MSG_GET};
constexpr Triplet kSetCap{DG_CONTROL, DAT_CAPABILITY, MSG_SET};
constexpr Triplet kEnable{DG_CONTROL, DAT_USERINTERFACE, MSG_ENABLEDS};
constexpr Triplet kDisable{DG_CONTROL, DAT_USERINTERFACE, MSG_DISABLEDS};
constexpr Triplet kEvent{DG_CONTROL, DAT_EVENT, MSG_PROCESSEVENT};
constexpr Triplet kEndXfer{DG_CONTROL, DAT_PENDINGXFERS, MSG_ENDXFER};
constexpr Triplet kReset{DG_CONTROL, DAT_PENDINGXFERS, MSG_RESET};
constexpr Triplet kSetupMem{DG_CONTROL, DAT_SETUPMEMXFER, MSG_GET};
constexpr Triplet kImageInfo{DG_IMAGE, DAT_IMAGEINFO, MSG_GET};
constexpr Triplet kMemXfer{DG_IMAGE, DAT_IMAGEMEMXFER, MSG_GET};

// Buffer for one strip when the source states no preference.
constexpr TW_UINT32 kDefaultStripBytes = 64 * 1024;

template <std::size_t N> void copyText(char (&to)[N], const char* from) noexcept
{
    std::strncpy(to, from, N - 1);
    to[N - 1] = '\0';
}

template <std::size_t N> std::string text(const char (&from)[N])
{
    return std::string(from, std::find(from, from + N, '\0'));
}

// A container the application allocates through the DSM and frees on every way out.
class DsmMemory
{
public:
    DsmMemory(DsmPlatform& platform, TW_HANDLE handle) : platform_(platform), handle_(handle) {}
    ~DsmMemory()
    {
        if (handle_ != nullptr) {
            platform_.release(handle_);
        }
    }
    DsmMemory(const DsmMemory&) = delete;
    DsmMemory& operator=(const DsmMemory&) = delete;

    TW_HANDLE get() const noexcept { return handle_; }

private:
    DsmPlatform& platform_;
    TW_HANDLE handle_;
};

std::optional<ColorMode> modeFromPixelType(double pixelType)
{
    if (pixelType == TWPT_BW) {
        return ColorMode::Lineart;
    }
    if (pixelType == TWPT_GRAY) {
        return ColorMode::Gray;
    }
    if (pixelType == TWPT_RGB) {
        return ColorMode::Color;
    }
    return std::nullopt;
}

} // namespace

// Keeps a source open for one operation and closes it (after ending any transfer and
// disabling it) on every way out.
class TwainSession::SourceScope
{
public:
    SourceScope(TwainSession& session, const std::string& deviceId) : session_(session)
    {
        session_.openSource(deviceId);
    }
    ~SourceScope() { session_.closeDownTo(TwainState::DsmOpen); }
    SourceScope(const SourceScope&) = delete;
    SourceScope& operator=(const SourceScope&) = delete;

private:
    TwainSession& session_;
};

TwainSession::TwainSession(DsmPlatform& platform) : platform_(platform)
{
    machine_.dsmLoaded();
    app_.Version.MajorNum = 1;
    app_.Version.Language = TWLG_USA;
    app_.Version.Country = TWCY_USA;
    copyText(app_.Version.Info, "SoHoa");
    app_.ProtocolMajor = TWON_PROTOCOLMAJOR;
    app_.ProtocolMinor = TWON_PROTOCOLMINOR;
    app_.SupportedGroups = DG_CONTROL | DG_IMAGE | DF_APP2;
    copyText(app_.Manufacturer, "SoHoa");
    copyText(app_.ProductFamily, "SoHoa");
    copyText(app_.ProductName, "SoHoa");

    parent_ = platform_.parentWindow();
    if (call(nullptr, kOpenDsm, &parent_) != TWRC_SUCCESS) {
        fail(nullptr, "cannot open the TWAIN source manager");
    }
    // A TWAIN 2 DSM marks itself in our identity and then owns container memory.
    if ((app_.SupportedGroups & DF_DSM2) != 0) {
        TW_ENTRYPOINT entryPoint{};
        entryPoint.Size = sizeof entryPoint;
        if (call(nullptr, kEntryPoint, &entryPoint) == TWRC_SUCCESS) {
            platform_.useEntryPoint(entryPoint);
        }
    }
}

TwainSession::~TwainSession()
{
    closeDownTo(TwainState::DsmLoaded);
}

TW_UINT16 TwainSession::call(TW_IDENTITY* dest, const Triplet& triplet, TW_MEMREF data)
{
    machine_.check(triplet);
    const TW_UINT16 rc = platform_.entry(&app_, dest, triplet.dg, triplet.dat, triplet.msg, data);
    const TW_UINT16 pending =
        triplet.dat == DAT_PENDINGXFERS ? static_cast<TW_PENDINGXFERS*>(data)->Count : 0;
    machine_.completed(triplet, rc, pending);
    return rc;
}

void TwainSession::fail(TW_IDENTITY* dest, const std::string& what)
{
    TW_STATUS status{};
    const TW_UINT16 cc =
        call(dest, kStatus, &status) == TWRC_SUCCESS ? status.ConditionCode : TWCC_BUMMER;
    throw ScanError(statusFromCondition(cc), what + ": " + conditionName(cc));
}

void TwainSession::closeDownTo(TwainState target) noexcept
{
    try {
        while (machine_.state() > target) {
            const TwainState before = machine_.state();
            TW_PENDINGXFERS pending{};
            TW_USERINTERFACE ui{};
            switch (before) {
            case TwainState::Transferring:
                call(&source_, kEndXfer, &pending);
                break;
            case TwainState::TransferReady:
                call(&source_, kReset, &pending);
                break;
            case TwainState::DsEnabled:
                call(&source_, kDisable, &ui);
                break;
            case TwainState::DsOpen:
                call(nullptr, kCloseDs, &source_);
                break;
            case TwainState::DsmOpen:
                call(nullptr, kCloseDsm, &parent_);
                break;
            case TwainState::DsmLoaded:
            case TwainState::PreSession:
                return;
            }
            if (machine_.state() == before) {
                return; // refused: nothing legal is left to try
            }
        }
    } catch (const ScanError&) {
        // Only a sequence error can get here, and closing must not throw.
    }
}

std::vector<DeviceInfo> TwainSession::listSources()
{
    std::vector<DeviceInfo> out;
    TW_IDENTITY identity{};
    TW_UINT16 rc = call(nullptr, kFirstSource, &identity);
    while (rc == TWRC_SUCCESS) {
        out.push_back(DeviceInfo{text(identity.ProductName), text(identity.Manufacturer),
                                 text(identity.ProductName), "TWAIN data source", kDriverName});
        identity = TW_IDENTITY{};
        rc = call(nullptr, kNextSource, &identity);
    }
    if (rc != TWRC_ENDOFLIST) {
        fail(nullptr, "cannot list TWAIN sources");
    }
    return out;
}

void TwainSession::openSource(const std::string& deviceId)
{
    TW_IDENTITY identity{};
    TW_UINT16 rc = call(nullptr, kFirstSource, &identity);
    while (rc == TWRC_SUCCESS && text(identity.ProductName) != deviceId) {
        identity = TW_IDENTITY{};
        rc = call(nullptr, kNextSource, &identity);
    }
    if (rc == TWRC_ENDOFLIST) {
        throw ScanError(ScanStatus::DeviceNotFound, "no TWAIN source named '" + deviceId + "'");
    }
    if (rc != TWRC_SUCCESS) {
        fail(nullptr, "cannot list TWAIN sources");
    }
    source_ = identity;
    if (call(nullptr, kOpenDs, &source_) != TWRC_SUCCESS) {
        fail(nullptr, "cannot open TWAIN source '" + deviceId + "'");
    }
}

std::optional<CapabilityValues> TwainSession::getCapability(TW_UINT16 cap)
{
    TW_CAPABILITY capability{cap, TWON_DONTCARE16, nullptr};
    const TW_UINT16 rc = call(&source_, kGetCap, &capability);
    const DsmMemory container(platform_, capability.hContainer); // the source's; ours to free
    if (rc != TWRC_SUCCESS || container.get() == nullptr) {
        return std::nullopt;
    }
    const void* data = platform_.lock(container.get());
    std::optional<CapabilityValues> values = decodeContainer(capability.ConType, data);
    platform_.unlock(container.get());
    return values;
}

TW_UINT16 TwainSession::setCapability(TW_UINT16 cap, TW_UINT16 itemType, TW_UINT32 value)
{
    const DsmMemory container(platform_, platform_.allocate(sizeof(TW_ONEVALUE)));
    if (container.get() == nullptr) {
        throw ScanError(ScanStatus::NoMemory, "cannot allocate a TWAIN capability container");
    }
    encodeOneValue(platform_.lock(container.get()), itemType, value);
    platform_.unlock(container.get());
    TW_CAPABILITY capability{cap, TWON_ONEVALUE, container.get()};
    return call(&source_, kSetCap, &capability);
}

Capabilities TwainSession::capabilities(const std::string& deviceId)
{
    const SourceScope scope(*this, deviceId);
    const bool feeder = getCapability(CAP_FEEDERENABLED).has_value();
    const bool duplex = feeder && getCapability(CAP_DUPLEXENABLED).has_value();
    // A sheet-fed source refuses to switch its feeder off.
    const bool flatbed = !feeder || setCapability(CAP_FEEDERENABLED, TWTY_BOOL, 0) == TWRC_SUCCESS;

    std::vector<Source> sources;
    if (flatbed) {
        sources.push_back(Source::Flatbed);
    }
    if (feeder) {
        sources.push_back(Source::Adf);
    }
    if (duplex) {
        sources.push_back(Source::AdfDuplex);
    }
    Capabilities out;
    for (const Source source : sources) {
        if (feeder) {
            // Resolutions and modes may differ between glass and feeder.
            setCapability(CAP_FEEDERENABLED, TWTY_BOOL, source == Source::Flatbed ? 0 : 1);
        }
        SourceCapabilities entry;
        entry.source = source;
        entry.deviceName = source == Source::Flatbed ? "Flatbed"
                           : source == Source::Adf   ? "Document feeder"
                                                     : "Document feeder (duplex)";
        if (const auto resolutions = getCapability(ICAP_XRESOLUTION)) {
            entry.resolutions = resolutions->toResolutionSet();
        }
        if (const auto pixelTypes = getCapability(ICAP_PIXELTYPE)) {
            for (const TW_UINT32 item : pixelTypes->items) {
                if (const auto mode = modeFromPixelType(pixelTypes->toNumber(item))) {
                    entry.modes.push_back(*mode);
                }
            }
        }
        out.sources.push_back(std::move(entry));
    }
    return out;
}

TwainSession::Negotiated TwainSession::negotiate(const ScanOptions& options)
{
    const bool feeder = options.source != Source::Flatbed;
    // A count the source may not honour: the page loop stops by itself as well.
    const int count = feeder ? (options.maxPages > 0 ? options.maxPages : -1) : 1;
    setCapability(CAP_XFERCOUNT, TWTY_INT16, static_cast<TW_UINT16>(static_cast<TW_INT16>(count)));

    const TW_UINT16 feederRc = setCapability(CAP_FEEDERENABLED, TWTY_BOOL, feeder ? 1 : 0);
    if (feeder && feederRc != TWRC_SUCCESS) {
        fail(&source_, "the source has no document feeder");
    }
    if (feederRc == TWRC_FAILURE) {
        // A source without CAP_FEEDERENABLED is a flatbed; any other refusal means no glass.
        TW_STATUS status{};
        call(&source_, kStatus, &status);
        if (status.ConditionCode != TWCC_CAPUNSUPPORTED && status.ConditionCode != TWCC_BADCAP) {
            throw ScanError(ScanStatus::Unsupported,
                            "the source has no flatbed: " + conditionName(status.ConditionCode));
        }
    }
    if (feeder) {
        const bool duplex = options.source == Source::AdfDuplex;
        if (setCapability(CAP_DUPLEXENABLED, TWTY_BOOL, duplex ? 1 : 0) != TWRC_SUCCESS && duplex) {
            throw ScanError(ScanStatus::Unsupported, "the source cannot scan both sides");
        }
    }

    // Resolutions below are in dots per inch only with inches as the unit (TWAIN's default,
    // so a refusal leaves it right).
    setCapability(ICAP_UNITS, TWTY_UINT16, TWUN_INCHES);
    const TW_UINT16 pixelType = options.mode == ColorMode::Lineart ? TWPT_BW
                                : options.mode == ColorMode::Gray  ? TWPT_GRAY
                                                                   : TWPT_RGB;
    if (setCapability(ICAP_PIXELTYPE, TWTY_UINT16, pixelType) != TWRC_SUCCESS) {
        fail(&source_, "the source does not scan in " + std::string(colorModeName(options.mode)));
    }
    // Bits per pixel; a source with one depth per pixel type may refuse, DAT_IMAGEINFO tells.
    const TW_UINT16 depth = pixelType == TWPT_BW ? 1 : pixelType == TWPT_GRAY ? 8 : 24;
    setCapability(ICAP_BITDEPTH, TWTY_UINT16, depth);

    Negotiated out;
    if (options.dpi > 0.0) {
        const auto allowed = getCapability(ICAP_XRESOLUTION);
        out.dpi = allowed ? snapToSet(allowed->toResolutionSet(), options.dpi) : options.dpi;
        const TW_UINT32 bits = fix32Bits(toFix32(out.dpi));
        if (setCapability(ICAP_XRESOLUTION, TWTY_FIX32, bits) == TWRC_FAILURE) {
            fail(&source_, "the source refuses " + std::to_string(out.dpi) + " dpi");
        }
        // Sources that tie the vertical resolution to the horizontal one refuse this.
        setCapability(ICAP_YRESOLUTION, TWTY_FIX32, bits);
    }
    if (setCapability(ICAP_XFERMECH, TWTY_UINT16, TWSX_MEMORY) != TWRC_SUCCESS) {
        fail(&source_, "the source has no memory transfer");
    }
    if (const auto flavor = getCapability(ICAP_PIXELFLAVOR)) {
        out.pixelFlavor = static_cast<TW_UINT16>(flavor->current);
    }
    if (feeder) {
        const auto loaded = getCapability(CAP_FEEDERLOADED);
        if (loaded && loaded->current == 0) {
            throw ScanError(ScanStatus::NoDocuments, "the document feeder is empty");
        }
    }
    return out;
}

void TwainSession::waitForTransfer(const CancelToken& cancel)
{
    while (true) {
        if (cancel.isCancelled()) {
            throw ScanError(ScanStatus::Cancelled, "scan cancelled before the first page");
        }
        const TW_MEMREF message = platform_.nextEvent();
        if (message == nullptr) {
            continue;
        }
        TW_EVENT event{message, MSG_NULL};
        if (call(&source_, kEvent, &event) == TWRC_NOTDSEVENT) {
            platform_.dispatchEvent(message);
            continue;
        }
        if (event.TWMessage == MSG_XFERREADY || event.TWMessage == MSG_CLOSEDSREQ) {
            machine_.sourceMessage(event.TWMessage);
        }
        if (event.TWMessage == MSG_XFERREADY) {
            return;
        }
        if (event.TWMessage == MSG_CLOSEDSREQ) {
            // Without its window, a source asks to close when the scan was stopped on the
            // device or in its progress dialog.
            throw ScanError(ScanStatus::Cancelled, "the TWAIN source asked to close");
        }
    }
}

Frame TwainSession::transferPage(int page, const Negotiated& settings, PageSink& sink,
                                 const CancelToken& cancel)
{
    const std::string what = "page " + std::to_string(page);
    TW_IMAGEINFO info{};
    if (call(&source_, kImageInfo, &info) != TWRC_SUCCESS) {
        fail(&source_, "cannot start " + what);
    }
    TW_SETUPMEMXFER setup{};
    if (call(&source_, kSetupMem, &setup) != TWRC_SUCCESS) {
        fail(&source_, "no memory transfer sizes for " + what);
    }
    TW_UINT32 size = setup.Preferred;
    if (size == 0 || size == TWON_DONTCARE32) {
        size = setup.MinBufSize != 0 && setup.MinBufSize != TWON_DONTCARE32
                   ? std::max(setup.MinBufSize, kDefaultStripBytes)
                   : kDefaultStripBytes;
    }
    std::vector<std::uint8_t> buffer(size);
    MemoryFrameAssembly assembly(info, settings.pixelFlavor);
    sink.onProgress(page, assembly.fraction() < 0.0 ? -1.0 : 0.0);
    while (true) {
        if (cancel.isCancelled()) {
            throw ScanError(ScanStatus::Cancelled, "scan cancelled during " + what);
        }
        TW_IMAGEMEMXFER xfer{};
        xfer.Compression = TWON_DONTCARE16;
        xfer.BytesPerRow = xfer.Columns = xfer.Rows = TWON_DONTCARE32;
        xfer.XOffset = xfer.YOffset = xfer.BytesWritten = TWON_DONTCARE32;
        xfer.Memory = TW_MEMORY{TWMF_APPOWNS | TWMF_POINTER, size, buffer.data()};
        const TW_UINT16 rc = call(&source_, kMemXfer, &xfer);
        if (rc == TWRC_CANCEL) {
            throw ScanError(ScanStatus::Cancelled, what + " cancelled by the source");
        }
        if (rc != TWRC_SUCCESS && rc != TWRC_XFERDONE) {
            fail(&source_, "transfer of " + what + " failed");
        }
        assembly.addStrip(xfer, buffer.data());
        sink.onProgress(page, assembly.fraction());
        if (rc == TWRC_XFERDONE) {
            break;
        }
    }
    Frame frame = std::move(assembly).finish();
    if (const std::string problem = frame.inconsistency(); !problem.empty()) {
        throw ScanError(ScanStatus::IoError, what + " arrived incomplete: " + problem);
    }
    if (frame.dpi <= 0.0) {
        frame.dpi = settings.dpi;
    }
    return frame;
}

void TwainSession::scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
                        const CancelToken& cancel)
{
    if (cancel.isCancelled()) {
        throw ScanError(ScanStatus::Cancelled, "scan cancelled before it started");
    }
    const SourceScope scope(*this, deviceId);
    const Negotiated settings = negotiate(options);

    TW_USERINTERFACE ui{0, 0, parent_}; // no vendor dialog: SoHoa has already set everything
    if (const TW_UINT16 rc = call(&source_, kEnable, &ui);
        rc != TWRC_SUCCESS && rc != TWRC_CHECKSTATUS) {
        fail(&source_, "cannot start scanning on '" + deviceId + "'");
    }
    waitForTransfer(cancel);

    const bool feeder = options.source != Source::Flatbed;
    int delivered = 0;
    while (true) {
        if (cancel.isCancelled()) {
            throw ScanError(ScanStatus::Cancelled,
                            "scan cancelled after " + std::to_string(delivered) + " page(s)");
        }
        sink.onPage(transferPage(delivered + 1, settings, sink, cancel));
        ++delivered;
        TW_PENDINGXFERS pending{};
        if (call(&source_, kEndXfer, &pending) != TWRC_SUCCESS) {
            fail(&source_, "cannot end the transfer of page " + std::to_string(delivered));
        }
        // Anything still pending when we stop early is discarded by SourceScope (MSG_RESET).
        if (pending.Count == 0 || !feeder ||
            (options.maxPages > 0 && delivered >= options.maxPages)) {
            break;
        }
    }
}

} // namespace sohoa::scanner::twain
