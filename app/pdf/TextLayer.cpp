// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/TextLayer.h"

#include "pdf/CidEncoder.h"
#include "pdf/GlyphlessFont.h"
#include "pdf/PdfSyntax.h"

#include <algorithm>
#include <vector>

namespace sohoa::pdf {

namespace {

struct EncodedWord
{
    const ocr::Word* word;
    std::vector<char16_t> cids;
};

QRect lineBox(const ocr::Line& line, const std::vector<EncodedWord>& words)
{
    if (line.box.isValid())
        return line.box;
    QRect box;
    for (const EncodedWord& w : words)
        box = box.united(w.word->box);
    return box;
}

} // namespace

QByteArray buildTextLayer(const ocr::PageText& text, const PageGeometry& geometry,
                          QByteArrayView fontResource, CidEncoder& encoder)
{
    constexpr double emAdvance = static_cast<double>(glyphless::advance) / glyphless::unitsPerEm;
    constexpr double ascentShare =
        static_cast<double>(glyphless::ascent) / (glyphless::ascent - glyphless::descent);
    const double scale = geometry.pointsPerPixel;

    QByteArray out;
    QByteArray currentFont;
    QByteArray currentScaling;
    for (const ocr::Line& line : text.lines) {
        std::vector<EncodedWord> words;
        for (const ocr::Word& word : line.words) {
            std::vector<char16_t> cids =
                encoder.encode(word.text.normalized(QString::NormalizationForm_C));
            if (!cids.empty())
                words.push_back({&word, std::move(cids)});
        }
        if (words.empty())
            continue;

        const QRect box = lineBox(line, words);
        const int heightPixels = std::max(1, box.height());
        // The glyphs' ascent..descent spans the line box, so a viewer's search highlight
        // covers the printed line. Without a usable baseline, put it where that span needs it.
        const bool baselineInBox =
            line.baselineY > box.top() && line.baselineY <= box.top() + box.height();
        const double baseline =
            baselineInBox ? line.baselineY : box.top() + heightPixels * ascentShare;
        const double fontSize = heightPixels * scale;
        const QByteArray y = syntax::number(geometry.heightPoints - baseline * scale);

        const QByteArray font =
            '/' + fontResource.toByteArray() + ' ' + syntax::number(fontSize) + " Tf\n";
        if (font != currentFont) {
            out += font;
            currentFont = font;
        }
        for (size_t i = 0; i < words.size(); ++i) {
            const ocr::Word& word = *words[i].word;
            const double width = std::max(1, word.box.width()) * scale;
            const double naturalWidth =
                static_cast<double>(words[i].cids.size()) * emAdvance * fontSize;
            const QByteArray scaling = syntax::number(100 * width / naturalWidth, 2) + " Tz\n";
            if (scaling != currentScaling) {
                out += scaling;
                currentScaling = scaling;
            }
            out += "1 0 0 1 " + syntax::number(word.box.left() * scale) + ' ' + y + " Tm ";
            // A real space between words, so text extraction sees the word break.
            std::vector<char16_t> shown = words[i].cids;
            if (i + 1 < words.size())
                shown.push_back(u' ');
            out += CidEncoder::hexString(shown) + " Tj\n";
        }
    }
    if (out.isEmpty())
        return out;
    return "BT\n3 Tr\n" + out + "ET\n";
}

} // namespace sohoa::pdf
