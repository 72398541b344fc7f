// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imaging/PagePipeline.h"
#include "ocr/OcrEngine.h"
#include "ocr/OcrResultCache.h"

#include <condition_variable>
#include <cstdint>
#include <future>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace sohoa::ocr {

enum class OcrPriority
{
    Background = 0, // pages recognized ahead of need
    Visible = 1,    // the page the officer is looking at: jumps the queue
};

// A submitted page: its future result and a way to withdraw it.
struct OcrTicket
{
    std::shared_future<PageResult> result;
    std::shared_ptr<std::atomic<bool>> cancelFlag;
    void cancel() const { cancelFlag->store(true); }
};

// A fixed set of worker threads, each owning one OcrEngine, fed from one priority queue. Each
// job takes a page as scanned through the imaging steps in their fixed order — upright turn
// from orientation detection, deskew, crop, blank detection (imaging::PagePipeline) — and then
// recognizes the cleaned page, so the cleaning of many pages runs in parallel too.
// Workers run at a lower CPU priority so the UI stays responsive while pages are recognized.
// OpenMP inside Tesseract must be limited to one thread per engine (OMP_THREAD_LIMIT=1, set
// before the process starts): parallelism comes from the pool, not from within a page.
class OcrPool
{
public:
    // workers 0: one per CPU core.
    explicit OcrPool(OcrSettings settings, int workers = 0,
                     imaging::PipelineOptions cleanup = imaging::PipelineOptions::turnOnly());
    ~OcrPool();
    OcrPool(const OcrPool&) = delete;
    OcrPool& operator=(const OcrPool&) = delete;

    OcrTicket submit(QImage image, int dpi, OcrPriority priority = OcrPriority::Background);
    int workerCount() const { return static_cast<int>(workers_.size()); }
    // Pages answered from the cache instead of being recognized again.
    std::size_t cacheHits() const { return cache_.hits(); }

private:
    struct Job
    {
        OcrPriority priority;
        std::uint64_t order;
        QImage image;
        int dpi;
        std::shared_ptr<std::atomic<bool>> cancelled;
        std::shared_ptr<std::promise<PageResult>> promise;
    };
    struct JobOrder
    {
        bool operator()(const Job& a, const Job& b) const
        {
            if (a.priority != b.priority)
                return a.priority < b.priority;
            return a.order > b.order;
        }
    };

    void workerLoop();

    OcrSettings settings_;
    imaging::PagePipeline pipeline_;
    QByteArray engineKey_; // what, besides the pixels, decides the result
    OcrResultCache cache_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::priority_queue<Job, std::vector<Job>, JobOrder> queue_;
    std::uint64_t nextOrder_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace sohoa::ocr
