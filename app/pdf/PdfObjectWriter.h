// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <vector>

class QIODevice;

namespace sohoa::pdf {

// Writes numbered indirect objects to a device as they come and keeps only their offsets, then
// the cross-reference table and trailer. Knows PDF file structure, nothing about pages or text.
// Object numbers may be reserved before their object is written (forward references).
class PdfObjectWriter
{
    Q_DECLARE_TR_FUNCTIONS(PdfObjectWriter)

public:
    // Writes the header at once: version line and the binary comment that marks the file as
    // binary for transfer programs.
    explicit PdfObjectWriter(QIODevice& out);

    PdfObjectWriter(const PdfObjectWriter&) = delete;
    PdfObjectWriter& operator=(const PdfObjectWriter&) = delete;

    // A fresh object number whose object must be written before finish().
    int reserve();

    // Writes "n 0 obj <body> endobj"; n must be reserved and not yet written.
    void writeObject(int number, const QByteArray& body);

    // Writes a stream object; /Length is added to `dictionaryEntries` (given without << >>).
    void writeStream(int number, const QByteArray& dictionaryEntries, const QByteArray& data);

    // Cross-reference table and trailer. `trailerEntries` (without << >>) get /Size and /ID
    // added. Every reserved object must have been written.
    void finish(const QByteArray& trailerEntries);

    qint64 bytesWritten() const { return position_; }

private:
    void beginObject(int number);
    void write(const QByteArray& bytes);

    QIODevice& out_;
    qint64 position_ = 0;
    std::vector<qint64> offsets_{0}; // index = object number; 0 is the free-list head
    QCryptographicHash digest_{QCryptographicHash::Md5};
    bool finished_ = false;
};

} // namespace sohoa::pdf
