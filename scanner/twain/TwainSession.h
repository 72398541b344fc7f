// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One TWAIN session: opens the source manager, lists and opens sources, negotiates a scan and
// runs memory transfers, every triplet checked against TwainStateMachine first. Platform-neutral:
// the DSM is reached through DsmPlatform.

#include "scanner/CancelToken.h"
#include "scanner/PageSink.h"
#include "scanner/ScanTypes.h"
#include "scanner/twain/DsmPlatform.h"
#include "scanner/twain/TwainCapability.h"
#include "scanner/twain/TwainStateMachine.h"

#include <optional>
#include <string>
#include <vector>

namespace sohoa::scanner::twain {

class TwainSession
{
public:
    // Opens the DSM (state 2 -> 3). `platform` has the DSM loaded and outlives the session.
    // Throws ScanError when the DSM refuses.
    explicit TwainSession(DsmPlatform& platform);
    // Closes whatever is still open, in reverse order, down to state 2.
    ~TwainSession();

    TwainSession(const TwainSession&) = delete;
    TwainSession& operator=(const TwainSession&) = delete;

    // The sources the DSM knows; DeviceInfo::id is the source's ProductName, TWAIN's own key.
    std::vector<DeviceInfo> listSources();

    // What the source offers: flatbed and/or feeder (duplex), resolutions and modes.
    Capabilities capabilities(const std::string& deviceId);

    // ScannerDriver::scan's contract, on one source, without the source's own window.
    void scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
              const CancelToken& cancel);

    TwainState state() const noexcept { return machine_.state(); }

    static constexpr const char* kDriverName = "twain";

private:
    class SourceScope;
    struct Negotiated
    {
        double dpi = 0.0;
        TW_UINT16 pixelFlavor = TWPF_CHOCOLATE;
    };

    // One triplet to the DSM (dest nullptr) or the open source, checked and recorded.
    TW_UINT16 call(TW_IDENTITY* dest, const Triplet& triplet, TW_MEMREF data);
    // Throws the ScanError that DAT_STATUS of `dest` stands for.
    [[noreturn]] void fail(TW_IDENTITY* dest, const std::string& what);
    void openSource(const std::string& deviceId);
    // Sends what leaves states above `target`, in reverse order; never throws.
    void closeDownTo(TwainState target) noexcept;

    std::optional<CapabilityValues> getCapability(TW_UINT16 cap);
    TW_UINT16 setCapability(TW_UINT16 cap, TW_UINT16 itemType, TW_UINT32 value);
    Negotiated negotiate(const ScanOptions& options);
    void waitForTransfer(const CancelToken& cancel);
    Frame transferPage(int page, const Negotiated& settings, PageSink& sink,
                       const CancelToken& cancel);

    DsmPlatform& platform_;
    TwainStateMachine machine_;
    TW_IDENTITY app_{};
    TW_IDENTITY source_{};
    TW_HANDLE parent_ = nullptr;
};

} // namespace sohoa::scanner::twain
