// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/BlobStore.h"

#include <QIODevice>
#include <memory>

namespace sohoa::storage {

// A write-only, sequential QIODevice that streams into an encrypted blob, so writers made for
// QIODevice (the searchable PDF writer) fill the store directly: the file is never whole in
// memory and never on disk in the clear. Same transaction rule as BlobWriter.
class BlobOutputDevice : public QIODevice
{
public:
    explicit BlobOutputDevice(std::unique_ptr<BlobWriter> writer);

    bool isSequential() const override { return true; }
    // Closes the device and returns the stored blob.
    BlobInfo finish();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    std::unique_ptr<BlobWriter> writer_;
};

} // namespace sohoa::storage
