// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneFrameReader.h"

#include "scanner/ScanError.h"
#include "scanner/sane/FrameAssembly.h"
#include "scanner/sane/SaneHandle.h"
#include "scanner/sane/SaneStatus.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace sohoa::scanner::sane {

namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
// Larger than any A3 page at 1200 dpi in 48-bit colour; guards against a device that never
// sends EOF (hand-scanner mode) eating all memory.
constexpr std::size_t kMaxFrameBytes = std::size_t{2} * 1024 * 1024 * 1024 - 1;
constexpr int kMaxFramesPerPage = 8;

bool isChannelFrame(SANE_Frame format) noexcept
{
    return format == SANE_FRAME_RED || format == SANE_FRAME_GREEN || format == SANE_FRAME_BLUE;
}

std::string pageText(int page)
{
    return "page " + std::to_string(page);
}

void checkParameters(const SANE_Parameters& p, int page)
{
    std::string problem;
    const int channels = p.format == SANE_FRAME_RGB ? 3 : 1;
    if (p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB && !isChannelFrame(p.format)) {
        problem = "unknown frame format " + std::to_string(static_cast<int>(p.format));
    } else if (p.depth != 1 && p.depth != 8 && p.depth != 16) {
        problem = "unsupported depth " + std::to_string(p.depth);
    } else if (p.pixels_per_line <= 0 || p.bytes_per_line <= 0) {
        problem = "empty lines (" + std::to_string(p.pixels_per_line) + " pixels, " +
                  std::to_string(p.bytes_per_line) + " bytes)";
    } else if (static_cast<long long>(p.bytes_per_line) * 8 <
               static_cast<long long>(p.pixels_per_line) * channels * p.depth) {
        problem = "lines of " + std::to_string(p.bytes_per_line) + " bytes cannot hold " +
                  std::to_string(p.pixels_per_line) + " pixels";
    } else if (p.lines == 0 || p.lines < -1) {
        problem = "page of " + std::to_string(p.lines) + " lines";
    }
    if (!problem.empty()) {
        throw ScanError(ScanStatus::Unsupported,
                        "device sent unusable parameters for " + pageText(page) + ": " + problem);
    }
}

[[noreturn]] void cancelNow(SANE_Handle handle, int page)
{
    cancelRunningScan(handle);
    throw ScanError(ScanStatus::Cancelled, "scan cancelled during " + pageText(page));
}

struct FrameData
{
    std::vector<std::uint8_t> bytes;
    bool noDocsAtStart = false;
};

// Reports progress for frame `index` of `count` frames, at most once per percent
// (or per megabyte when the height is unknown).
class ProgressReporter
{
public:
    ProgressReporter(PageSink& sink, int page, int index, int count, std::size_t expectedBytes)
        : sink_(sink), page_(page), index_(index), count_(count), expected_(expectedBytes)
    {
    }

    void update(std::size_t bytes)
    {
        if (expected_ == 0) {
            if (!reported_ || bytes >= lastBytes_ + 1024 * 1024) {
                reported_ = true;
                lastBytes_ = bytes;
                sink_.onProgress(page_, -1.0);
            }
            return;
        }
        const double inFrame =
            std::min(1.0, static_cast<double>(bytes) / static_cast<double>(expected_));
        const double fraction = (index_ + inFrame) / count_;
        if (fraction >= last_ + 0.01 || (inFrame >= 1.0 && fraction > last_)) {
            last_ = fraction;
            sink_.onProgress(page_, fraction);
        }
    }

private:
    PageSink& sink_;
    int page_;
    int index_;
    int count_;
    std::size_t expected_;
    double last_ = -1.0;
    std::size_t lastBytes_ = 0;
    bool reported_ = false;
};

[[noreturn]] void outOfMemory(SANE_Handle handle, int page, std::size_t bytes)
{
    cancelRunningScan(handle);
    throw ScanError(ScanStatus::NoMemory, pageText(page) + ": cannot hold " +
                                              std::to_string(bytes) + " bytes of image data");
}

FrameData readFrameData(SANE_Handle handle, const SANE_Parameters& p, int page, int frameIndex,
                        PageSink& sink, const CancelToken& cancel)
{
    const std::size_t bytesPerLine = static_cast<std::size_t>(p.bytes_per_line);
    const std::size_t expected = p.lines > 0 ? static_cast<std::size_t>(p.lines) * bytesPerLine : 0;
    if (expected > kMaxFrameBytes) {
        outOfMemory(handle, page, expected);
    }
    ProgressReporter progress(sink, page, isChannelFrame(p.format) ? frameIndex : 0,
                              isChannelFrame(p.format) ? 3 : 1, expected);
    FrameData frame;
    try {
        frame.bytes.reserve(expected > 0 ? expected : bytesPerLine * 256);
    } catch (const std::bad_alloc&) {
        outOfMemory(handle, page, expected);
    }
    progress.update(0);

    while (true) {
        if (cancel.isCancelled()) {
            cancelNow(handle, page);
        }
        const std::size_t used = frame.bytes.size();
        if (used + kReadChunk > kMaxFrameBytes) {
            cancelRunningScan(handle);
            throw ScanError(ScanStatus::NoMemory, pageText(page) + " exceeds " +
                                                      std::to_string(kMaxFrameBytes) +
                                                      " bytes; the device never signalled its end");
        }
        try {
            frame.bytes.resize(used + kReadChunk);
        } catch (const std::bad_alloc&) {
            outOfMemory(handle, page, used + kReadChunk);
        }
        SANE_Int length = 0;
        const SANE_Status status = sane_read(handle, frame.bytes.data() + used,
                                             static_cast<SANE_Int>(kReadChunk), &length);
        const std::size_t got =
            status == SANE_STATUS_GOOD && length > 0 ? static_cast<std::size_t>(length) : 0;
        frame.bytes.resize(used + std::min(got, kReadChunk));

        if (status == SANE_STATUS_EOF) {
            break;
        }
        if (status != SANE_STATUS_GOOD) {
            if (status == SANE_STATUS_NO_DOCS && frame.bytes.empty() && frameIndex == 0) {
                frame.noDocsAtStart = true;
                return frame;
            }
            cancelRunningScan(handle);
            throwStatus(status, "reading " + pageText(page) + " after " +
                                    std::to_string(frame.bytes.size()) + " bytes");
        }
        if (got == 0) {
            // Nothing yet (some backends answer GOOD with no data): do not spin.
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        progress.update(frame.bytes.size());
    }
    // Keep whole lines only; a short last line of a hand scan is dropped.
    frame.bytes.resize(frame.bytes.size() - frame.bytes.size() % bytesPerLine);
    progress.update(expected > 0 ? expected : frame.bytes.size());
    return frame;
}

} // namespace

std::optional<Frame> readPage(const PageRequest& request, PageSink& sink, const CancelToken& cancel)
{
    SANE_Handle handle = request.handle;
    const int page = request.pageNumber;
    std::optional<Frame> primary;
    std::array<std::optional<ChannelPlane>, 3> planes;

    for (int frameIndex = 0;; ++frameIndex) {
        SANE_Parameters p{};
        const SANE_Status status = sane_get_parameters(handle, &p);
        if (status != SANE_STATUS_GOOD) {
            cancelRunningScan(handle);
            throwStatus(status, "reading the parameters of " + pageText(page));
        }
        checkParameters(p, page);

        FrameData data = readFrameData(handle, p, page, frameIndex, sink, cancel);
        if (data.noDocsAtStart) {
            return std::nullopt;
        }
        const int lines =
            static_cast<int>(data.bytes.size() / static_cast<std::size_t>(p.bytes_per_line));
        if (isChannelFrame(p.format)) {
            const std::size_t slot = p.format == SANE_FRAME_RED     ? 0
                                     : p.format == SANE_FRAME_GREEN ? 1
                                                                    : 2;
            planes[slot] = ChannelPlane{p.pixels_per_line, lines, p.depth, p.bytes_per_line,
                                        std::move(data.bytes)};
        } else if (!primary) {
            Frame frame;
            frame.format = p.format == SANE_FRAME_RGB ? Frame::Format::Rgb : Frame::Format::Gray;
            frame.width = p.pixels_per_line;
            frame.height = lines;
            frame.depth = p.depth;
            frame.bytesPerLine = p.bytes_per_line;
            frame.dpi = request.dpi;
            frame.pixels = std::move(data.bytes);
            primary = std::move(frame);
        }
        // Frames after the first gray/RGB one (e.g. an infrared channel) are read and dropped.

        if (p.last_frame != SANE_FALSE) {
            break;
        }
        if (frameIndex + 1 >= kMaxFramesPerPage) {
            cancelRunningScan(handle);
            throw ScanError(ScanStatus::Unsupported, pageText(page) + ": device sends more than " +
                                                         std::to_string(kMaxFramesPerPage) +
                                                         " frames");
        }
        if (cancel.isCancelled()) {
            cancelNow(handle, page);
        }
        const SANE_Status next = sane_start(handle);
        if (next != SANE_STATUS_GOOD) {
            cancelRunningScan(handle);
            throwStatus(next, "starting the next frame of " + pageText(page));
        }
    }

    Frame frame;
    if (primary) {
        frame = widenOneBitRgb(std::move(*primary));
    } else if (planes[0] && planes[1] && planes[2]) {
        frame = interleavePlanes(*planes[0], *planes[1], *planes[2], request.dpi);
    } else {
        throw ScanError(ScanStatus::IoError,
                        pageText(page) + ": three-pass scan ended without all three colours");
    }
    if (frame.height <= 0) {
        throw ScanError(ScanStatus::IoError, pageText(page) + ": device sent no image lines");
    }
    if (const std::string problem = frame.inconsistency(); !problem.empty()) {
        throw ScanError(ScanStatus::IoError, pageText(page) + ": " + problem);
    }
    return frame;
}

} // namespace sohoa::scanner::sane
