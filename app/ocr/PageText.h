// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QString>
#include <QStringList>
#include <vector>

namespace sohoa::ocr {

// One recognized word; the box is in the page image's pixel coordinates (origin top left).
struct Word
{
    QString text; // NFC-normalized
    QRect box;
    float confidence = 0; // 0..100 as Tesseract reports it
};

// One text line in reading order; baselineY is the image row of the line's baseline.
struct Line
{
    std::vector<Word> words;
    QRect box;
    int baselineY = 0;
};

// The recognized text of one page, in reading order. plainText() is *the* OCR output: the
// searchable PDF's text layer is built from the same words, so the two always agree.
struct PageText
{
    std::vector<Line> lines;

    QString plainText() const
    {
        QStringList out;
        for (const Line& line : lines) {
            QStringList words;
            for (const Word& word : line.words)
                words << word.text;
            out << words.join(QLatin1Char(' '));
        }
        return out.join(QLatin1Char('\n'));
    }
};

} // namespace sohoa::ocr
