// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <map>
#include <optional>

class QIODevice;

namespace sohoa::pdf {

// The revision an incremental update is appended to.
struct PreviousRevision
{
    qint64 fileSize = 0; // bytes before the update: its first object starts here
    int objectCount = 0; // the trailer's /Size: new objects are numbered from here
    qint64 lastXref = 0; // the file's startxref: the update trailer's /Prev
    QByteArray firstId;  // first element of the file's /ID, kept; empty when it has none
};

// Writes numbered indirect objects to a device as they come and keeps only their offsets, then
// the cross-reference table and trailer. Knows PDF file structure, nothing about pages or text.
// Object numbers may be reserved before their object is written (forward references).
// Either writes a whole file, or an incremental update (ISO 32000-1, 7.5.6) after the bytes of
// an existing file, which may then also replace the file's objects with new versions.
class PdfObjectWriter
{
    Q_DECLARE_TR_FUNCTIONS(PdfObjectWriter)

public:
    // A new file: writes the header at once (version line and the binary comment that marks
    // the file as binary for transfer programs).
    explicit PdfObjectWriter(QIODevice& out);
    // An update: `out` is where the update goes, positioned right after the previous revision's
    // `fileSize` bytes (the update itself must start on a new line); nothing is written yet.
    PdfObjectWriter(QIODevice& out, const PreviousRevision& previous);

    PdfObjectWriter(const PdfObjectWriter&) = delete;
    PdfObjectWriter& operator=(const PdfObjectWriter&) = delete;

    // A fresh object number whose object must be written before finish().
    int reserve();

    // Writes "n 0 obj <body> endobj"; n must be reserved and not yet written.
    void writeObject(int number, const QByteArray& body);

    // In an update: writes the new version of the previous revision's object `number`.
    void replaceObject(int number, int generation, const QByteArray& body);

    // Writes a stream object; /Length is added to `dictionaryEntries` (given without << >>).
    void writeStream(int number, const QByteArray& dictionaryEntries, const QByteArray& data);

    // Cross-reference table and trailer. `trailerEntries` (without << >>) get /Size and /ID
    // added, and /Prev in an update. Every reserved object must have been written.
    void finish(const QByteArray& trailerEntries);

    // The file offset the next byte goes to (in an update: counted from the file's start).
    qint64 bytesWritten() const { return position_; }

private:
    struct XrefEntry
    {
        qint64 offset;
        int generation;
    };

    void beginReserved(int number);
    void beginObject(int number, int generation);
    QByteArray crossReferenceTable() const;
    void write(const QByteArray& bytes);

    QIODevice& out_;
    std::optional<PreviousRevision> previous_;
    qint64 position_ = 0;
    int nextNumber_ = 1;
    std::map<int, XrefEntry> entries_; // objects reserved or written, by number
    QCryptographicHash digest_{QCryptographicHash::Md5};
    bool finished_ = false;
};

} // namespace sohoa::pdf
