// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/PageScanner.h"

#include "domain/UserError.h"
#include "imaging/FrameToImage.h"
#include "scanner/sane/SaneConfig.h"
#include "scanner/sane/SaneDriver.h"
#include "usecases/ManualDuplexOrder.h"

#include <QDir>
#include <QStandardPaths>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace sohoa::usecases {

namespace {
// Frames cross from the scanning thread to the caller's thread through this queue. It holds
// at most kCapacity pages: when the caller (cleaning, OCR, storage) falls behind a fast
// feeder, the scanning thread waits between pages instead of piling up 25 MB frames.
class FrameQueue : public scanner::PageSink
{
public:
    static constexpr std::size_t kCapacity = 2;

    void onPage(scanner::Frame&& frame) override
    {
        {
            std::unique_lock lock(mutex_);
            space_.wait(lock, [this] { return frames_.size() < kCapacity; });
            frames_.push_back(std::move(frame));
        }
        wake_.notify_one();
    }
    void close(std::exception_ptr failure)
    {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
            failure_ = std::move(failure);
        }
        wake_.notify_one();
    }
    // The next frame, or nothing once the scan is over.
    std::optional<scanner::Frame> next()
    {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return closed_ || !frames_.empty(); });
        if (frames_.empty())
            return std::nullopt;
        scanner::Frame frame = std::move(frames_.front());
        frames_.pop_front();
        space_.notify_one();
        return frame;
    }
    std::exception_ptr failure()
    {
        std::lock_guard lock(mutex_);
        return failure_;
    }

private:
    std::mutex mutex_;
    std::condition_variable wake_;  // a frame arrived, or the scan ended
    std::condition_variable space_; // a frame was taken
    std::deque<scanner::Frame> frames_;
    bool closed_ = false;
    std::exception_ptr failure_;
};

// SoHoa's embedded default: SANE's virtual "test" device is always available, so a fresh
// machine without a scanner can work (its pages are marked as test data). The system's own
// backends stay listed. An explicit SANE_CONFIG_DIR from the user wins.
void prepareSaneConfig()
{
    if (qEnvironmentVariableIsSet("SANE_CONFIG_DIR"))
        return;
    QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    const QString dir = QDir(base).filePath(QStringLiteral("sohoa-sane"));
    QDir().mkpath(dir);
    scanner::sane::PrivateConfigRequest request;
    request.extraBackends = {"test"};
    scanner::sane::writePrivateConfig(dir.toStdString(), request);
    scanner::sane::usePrivateConfig(dir.toStdString());
}
} // namespace

namespace {
std::atomic<bool> scannerLibraryStarted{false};
} // namespace

bool PageScanner::usedInThisProcess()
{
    return scannerLibraryStarted.load();
}

PageScanner::PageScanner()
{
    scannerLibraryStarted.store(true);
    try {
        prepareSaneConfig();
        driver_ = std::make_unique<scanner::sane::SaneDriver>();
    } catch (const scanner::ScanError& error) {
        throw UserError(ErrorKind::Device, describe(error.status()));
    }
}

PageScanner::~PageScanner() = default;

std::vector<scanner::DeviceInfo> PageScanner::devices()
{
    try {
        return driver_->listDevices();
    } catch (const scanner::ScanError& error) {
        throw UserError(ErrorKind::Device, describe(error.status()));
    }
}

bool PageScanner::isTestDevice(const QString& deviceId)
{
    return deviceId.startsWith(QLatin1String("test:")) || deviceId == QLatin1String("test");
}

void PageScanner::scan(const QString& deviceId, const scanner::ScanOptions& options,
                       const std::function<void(CapturedPage&&)>& onPage)
{
    FrameQueue queue;
    scanner::CancelToken cancel;
    const std::string device = deviceId.toStdString();
    std::thread worker([&] {
        try {
            driver_->scan(device, options, queue, cancel);
            queue.close(nullptr);
        } catch (...) {
            queue.close(std::current_exception());
        }
    });
    try {
        while (auto frame = queue.next()) {
            const int dpi =
                frame->dpi > 0 ? static_cast<int>(frame->dpi + 0.5) : static_cast<int>(options.dpi);
            onPage(CapturedPage{imaging::toImage(*frame), dpi, QStringLiteral("sane:") + deviceId});
        }
    } catch (...) {
        cancel.cancel();
        while (queue.next()) {
        }
        worker.join();
        throw;
    }
    worker.join();
    if (const std::exception_ptr failure = queue.failure()) {
        try {
            std::rethrow_exception(failure);
        } catch (const scanner::ScanError& error) {
            throw UserError(ErrorKind::Device, describe(error.status()));
        }
    }
}

void PageScanner::scanManualDuplex(
    const QString& deviceId, const scanner::ScanOptions& options,
    const std::function<void()>& turnStack,
    const std::function<void(CapturedPage&&, int position, Side)>& onPage)
{
    if (options.source == scanner::Source::Flatbed)
        throw UserError(ErrorKind::Usage, tr("Manual duplex needs the document feeder (adf)."));
    int fronts = 0;
    scan(deviceId, options, [&](CapturedPage&& page) {
        onPage(std::move(page), ManualDuplexOrder::frontPosition(++fronts), Side::Front);
    });
    turnStack();
    int backs = 0;
    scan(deviceId, options, [&](CapturedPage&& page) {
        onPage(std::move(page), ManualDuplexOrder::backPosition(++backs, fronts), Side::Back);
    });
    ManualDuplexOrder::requireComplete(fronts, backs);
}

QString PageScanner::describe(scanner::ScanStatus status)
{
    using scanner::ScanStatus;
    switch (status) {
    case ScanStatus::Jammed:
        return tr("Paper jam — clear the paper, then press Continue. Pages already scanned are "
                  "kept.");
    case ScanStatus::NoDocuments:
        return tr("The feeder is empty — put the papers in the feeder and try again.");
    case ScanStatus::CoverOpen:
        return tr("The scanner cover is open — close it and try again.");
    case ScanStatus::IoError:
        return tr("Lost contact with the scanner — check its cable or network and try again.");
    case ScanStatus::DeviceBusy:
        return tr("The scanner is busy (another program, or warming up) — wait a moment and try "
                  "again.");
    case ScanStatus::NoMemory:
        return tr("The scanner ran out of memory — scan fewer pages at a time or a lower "
                  "resolution.");
    case ScanStatus::AccessDenied:
        return tr("Access to the scanner was refused — ask IT to grant this account access.");
    case ScanStatus::Cancelled:
        return tr("Scanning was cancelled.");
    case ScanStatus::Invalid:
        return tr("The scanner does not accept these settings — check the source, mode, "
                  "resolution and --set options.");
    case ScanStatus::Unsupported:
        return tr("The scanner cannot do this (for example, it has no document feeder).");
    case ScanStatus::DeviceNotFound:
        return tr("Scanner not found — check that it is plugged in and switched on, and the "
                  "device name (sohoa-cli devices).");
    case ScanStatus::Unknown:
        break;
    }
    return tr("The scanner reported an error — try again, or restart the scanner.");
}

} // namespace sohoa::usecases
