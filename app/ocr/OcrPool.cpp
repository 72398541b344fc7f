// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocr/OcrPool.h"

#include "ocr/OrientationDetector.h"

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace sohoa::ocr {

namespace {
void lowerThisThreadsPriority()
{
#ifdef __linux__
    // On Linux, nice values apply per thread when given the thread id.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}
} // namespace

OcrPool::OcrPool(OcrSettings settings, int workers, imaging::PipelineOptions cleanup)
    : settings_(std::move(settings)), pipeline_(cleanup),
      engineKey_((OcrEngine::libraryVersion() + QLatin1Char('|') + settings_.languages +
                  QLatin1Char('|') + settings_.tessdataDir + QLatin1Char('|') +
                  QString::number(settings_.uprightPages))
                     .toUtf8())
{
    if (workers <= 0)
        workers = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    for (int i = 0; i < workers; ++i)
        workers_.emplace_back([this] { workerLoop(); });
}

OcrPool::~OcrPool()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        while (!queue_.empty()) {
            queue_.top().cancelled->store(true);
            queue_.top().promise->set_value(PageResult{});
            queue_.pop();
        }
    }
    wake_.notify_all();
    for (std::thread& worker : workers_)
        worker.join();
}

OcrTicket OcrPool::submit(QImage image, int dpi, OcrPriority priority)
{
    auto promise = std::make_shared<std::promise<PageResult>>();
    OcrTicket ticket{promise->get_future().share(), std::make_shared<std::atomic<bool>>(false)};
    {
        std::lock_guard lock(mutex_);
        queue_.push(Job{priority, nextOrder_++, std::move(image), dpi, ticket.cancelFlag, promise});
    }
    wake_.notify_one();
    return ticket;
}

void OcrPool::workerLoop()
{
    lowerThisThreadsPriority();
    std::unique_ptr<OcrEngine> engine;
    std::unique_ptr<OrientationDetector> orientation;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_ && queue_.empty())
                return;
            job = queue_.top();
            queue_.pop();
        }
        if (job.cancelled->load()) {
            job.promise->set_value(PageResult{});
            continue;
        }
        try {
            // Hashed here rather than in submit(): the caller may be the UI thread.
            const QByteArray key = OcrResultCache::keyFor(job.image, job.dpi, engineKey_);
            if (auto cached = cache_.find(key)) {
                cached->page.cleaned =
                    imaging::PagePipeline::apply(job.image, cached->page.transforms);
                job.promise->set_value(std::move(*cached));
                continue;
            }
            if (!engine)
                engine = std::make_unique<OcrEngine>(settings_);
            int rotation = 0;
            if (settings_.uprightPages) {
                if (!orientation)
                    orientation = std::make_unique<OrientationDetector>(settings_.tessdataDir);
                rotation = orientation->uprightRotation(job.image, job.dpi);
            }
            PageResult result;
            result.page = pipeline_.process(job.image, rotation);
            job.image = QImage(); // the original is the caller's to keep; free our share early
            // Blank-flagged pages are read too: a flag is a suggestion, and a faint stamp the
            // detector missed must stay searchable if the officer keeps the page.
            result.text = engine->recognize(result.page.cleaned, job.dpi, job.cancelled.get());
            if (!job.cancelled->load())
                cache_.insert(key, result);
            job.promise->set_value(std::move(result));
        } catch (...) {
            job.promise->set_exception(std::current_exception());
        }
    }
}

} // namespace sohoa::ocr
