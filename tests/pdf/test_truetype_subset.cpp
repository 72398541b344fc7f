// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a TrueType font and embedding a subset of it, checked against Qt's own font engine
// (FreeType): the same glyphs and advances for each character, and a subset FreeType loads
// whose kept glyphs have the original outlines while every other glyph is empty.
#include "domain/UserError.h"
#include "pdf/PdfSignatureWriter.h"
#include "pdf/SfntWriter.h"
#include "pdf/TrueTypeFont.h"
#include "pdf/TrueTypeSubset.h"

#include <QFile>
#include <QPainterPath>
#include <QRawFont>
#include <QtTest>

using namespace sohoa;
using namespace sohoa::pdf;

namespace {

const QString fontFile = QString::fromLatin1(SignatureStamp::defaultFontFile);
const QString vietnamese = QStringLiteral("Thời gian ký: Nguyễn Văn Thử, UBND xã Đồng Tháp");

QByteArray fontBytes()
{
    QFile file(fontFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Glyph outlines at 1 pixel per font unit, so paths compare in font units.
QRawFont rawFont(const QByteArray& data, int unitsPerEm)
{
    return QRawFont(data, unitsPerEm, QFont::PreferNoHinting);
}

std::set<int> glyphsOf(const TrueTypeFont& font, const QString& text)
{
    std::set<int> glyphs;
    for (const char32_t c : text.toUcs4())
        glyphs.insert(font.glyphFor(c));
    return glyphs;
}

// The offset of the table `tag` in a font file.
qsizetype tableOffset(const QByteArray& font, const char* tag)
{
    for (unsigned i = 0; i < sfnt::readU16(font, 4); ++i) {
        const qsizetype record = 12 + 16 * qsizetype(i);
        if (font.mid(record, 4) == tag)
            return sfnt::readU32(font, record + 8);
    }
    return -1;
}

std::optional<UserError> errorReading(const QByteArray& data)
{
    try {
        TrueTypeFont font(data, QStringLiteral("bad.ttf"));
    } catch (const UserError& error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

class TestTrueTypeSubset : public QObject
{
    Q_OBJECT

private slots:
    void readsGlyphsAndAdvancesAsFreeTypeDoes()
    {
        const TrueTypeFont font = TrueTypeFont::fromFile(fontFile);
        QCOMPARE(font.postScriptName(), QByteArray("LiberationSerif"));
        const QRawFont reference = rawFont(fontBytes(), font.unitsPerEm());
        QVERIFY(reference.isValid());
        const QList<quint32> expected = reference.glyphIndexesForString(vietnamese);
        const QList<uint> characters = vietnamese.toUcs4();
        QCOMPARE(expected.size(), characters.size()); // all precomposed: one glyph each
        const QList<QPointF> advances =
            reference.advancesForGlyphIndexes(expected, QRawFont::UseDesignMetrics);
        for (qsizetype i = 0; i < characters.size(); ++i) {
            const int glyph = font.glyphFor(characters[i]);
            QCOMPARE(glyph, static_cast<int>(expected[i]));
            QVERIFY(glyph != 0);
            QCOMPARE(font.advance(glyph), qRound(advances[i].x()));
        }
        QCOMPARE(font.glyphFor(0x4E00), 0); // CJK: not in the font, .notdef
    }

    void theSubsetKeepsTheUsedOutlinesAndTheirComponents()
    {
        const TrueTypeFont font = TrueTypeFont::fromFile(fontFile);
        const std::set<int> used = glyphsOf(font, vietnamese);
        const int composite = font.glyphFor(U'ễ');
        QVERIFY(used.contains(composite));
        const std::vector<int> parts = font.components(composite);
        QVERIFY(!parts.empty()); // a base letter and its marks
        const QByteArray subset = subsetTrueType(font, used);

        const QRawFont original = rawFont(fontBytes(), font.unitsPerEm());
        const QRawFont embedded = rawFont(subset, font.unitsPerEm());
        QVERIFY(embedded.isValid());
        std::set<int> kept = used;
        kept.insert(parts.begin(), parts.end());
        for (const int glyph : kept) {
            const auto id = static_cast<quint32>(glyph);
            QCOMPARE(embedded.pathForGlyph(id).boundingRect(),
                     original.pathForGlyph(id).boundingRect());
        }
        const auto dropped = static_cast<quint32>(font.glyphFor(U'Z'));
        QVERIFY(!original.pathForGlyph(dropped).isEmpty());
        QVERIFY(embedded.pathForGlyph(dropped).isEmpty());
    }

    void theSubsetIsSmallAndWellFormed()
    {
        const TrueTypeFont font = TrueTypeFont::fromFile(fontFile);
        const QByteArray subset = subsetTrueType(font, glyphsOf(font, vietnamese));
        QVERIFY2(subset.size() * 4 < fontBytes().size(),
                 qPrintable(QStringLiteral("%1 bytes").arg(subset.size())));
        // The whole file sums to the magic number, as head.checkSumAdjustment promises.
        std::uint32_t sum = 0;
        for (qsizetype i = 0; i + 4 <= subset.size(); i += 4)
            sum += sfnt::readU32(subset, i);
        QCOMPARE(sum, 0xB1B0AFBAu);
        // Glyph ids unchanged: every glyph still counted, with its metrics.
        QCOMPARE(static_cast<int>(sfnt::readU16(subset, tableOffset(subset, "maxp") + 4)),
                 font.glyphCount());
        QCOMPARE(subset.mid(tableOffset(subset, "hmtx"), font.table("hmtx").size()),
                 font.table("hmtx").toByteArray());
    }

    void unusableFontsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray font = fontBytes();
        QTest::newRow("not a font") << QByteArray("hello, this is not a font at all");
        QTest::newRow("CFF OpenType") << QByteArray("OTTO").append(font.mid(4));
        QTest::newRow("truncated") << font.left(20000);
        QByteArray restricted = font;
        const qsizetype os2 = tableOffset(font, "OS/2");
        QVERIFY(os2 > 0);
        restricted[os2 + 9] = '\x02'; // fsType: restricted licence embedding
        QTest::newRow("embedding forbidden") << restricted;
    }

    void unusableFontsAreRefused()
    {
        QFETCH(QByteArray, data);
        const std::optional<UserError> error = errorReading(data);
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QLatin1String("bad.ttf")), qPrintable(error->message()));
    }

    void aMissingFileIsNamed()
    {
        try {
            TrueTypeFont::fromFile(QStringLiteral("/nonexistent/Times.ttf"));
            QFAIL("no error");
        } catch (const UserError& error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidInput);
            QVERIFY(error.message().contains(QLatin1String("/nonexistent/Times.ttf")));
        }
    }
};

QTEST_MAIN(TestTrueTypeSubset)
#include "test_truetype_subset.moc"
