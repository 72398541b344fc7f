// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/BlobOutputDevice.h"

namespace sohoa::storage {

BlobOutputDevice::BlobOutputDevice(std::unique_ptr<BlobWriter> writer) : writer_(std::move(writer))
{
    open(QIODevice::WriteOnly);
}

BlobInfo BlobOutputDevice::finish()
{
    close();
    return writer_->finish();
}

qint64 BlobOutputDevice::readData(char* /*data*/, qint64 /*maxSize*/)
{
    return -1;
}

qint64 BlobOutputDevice::writeData(const char* data, qint64 size)
{
    // A storage failure throws StoreError through the writer: callers see it like any other.
    writer_->append(data, static_cast<std::size_t>(size));
    return size;
}

} // namespace sohoa::storage
