// SPDX-License-Identifier: GPL-3.0-or-later
// Generated chip ID cards on flatbed pages, end to end: the QR code read exactly (UTF-8
// names with diacritics) across layouts, fonts, resolutions and degradations; the printed
// labels read by OCR when the QR code is destroyed; QR/print disagreements reported.
#include "domain/PersonalId.h"
#include "identity/CardValues.h"
#include "identity/IdentityExtractor.h"
#include "platform/ProcessSetup.h"
#include "support/IdCardGenerator.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTest>

using namespace sohoa;
using identity::FieldKind;
using identity::FieldSource;

namespace {

testing::IdCardStyle styleFor(int index, QRandomGenerator& random)
{
    testing::IdCardStyle style;
    const QStringList fonts = testing::idCardFontFamilies();
    style.layout =
        index % 2 == 0 ? testing::CardLayout::LabelThenValue : testing::CardLayout::LabelAboveValue;
    style.fontFamily = fonts[index % fonts.size()];
    style.dpi = index % 4 < 2 ? 300 : 200;
    style.scale = 0.96 + random.generateDouble() * 0.08;
    style.rotationDegrees = random.generateDouble() * 4 - 2;
    return style;
}

double overlap(const QRect& a, const QRect& b)
{
    const QRect both = a.intersected(b);
    const double united = static_cast<double>(a.united(b).width()) * a.united(b).height();
    return united <= 0 ? 0 : static_cast<double>(both.width()) * both.height() / united;
}

QString sexName(domain::Sex sex)
{
    return domain::sexToString(sex);
}

} // namespace

class TestIdentityExtraction : public QObject
{
    Q_OBJECT

private slots:
    void generatedIdentitiesAreValid()
    {
        QRandomGenerator random(7);
        for (int i = 0; i < 200; ++i) {
            const testing::IdCardIdentity person = testing::randomIdentity(random);
            const auto id = domain::PersonalId::tryParse(person.idNumber);
            QVERIFY(id.has_value());
            QVERIFY(id->agreesWith(person.dateOfBirth, person.sex));
        }
    }

    void qrCodeGivesExactFieldsOnEveryCard()
    {
        QRandomGenerator random(20260101);
        identity::IdentityExtractor extractor;
        QElapsedTimer timer;
        timer.start();
        const int cards = 20;
        for (int i = 0; i < cards; ++i) {
            testing::IdCardStyle style = styleFor(i, random);
            // Blur only at 300 dpi: at 200 dpi a module is about two pixels wide, and a blur
            // that wide leaves nothing to decode (the OCR test covers unreadable codes).
            const int blur = style.dpi >= 300 ? 1 : 0;
            switch (i % 5) {
            case 1:
                style.blurRadius = blur;
                break;
            case 2:
                style.noiseSigma = 8;
                break;
            case 3:
                style.jpegQuality = 60;
                break;
            case 4:
                style.blurRadius = blur;
                style.noiseSigma = 5;
                style.jpegQuality = 75;
                break;
            default:
                break;
            }
            const testing::GeneratedCard card =
                testing::renderIdCard(testing::randomIdentity(random), style, random);
            const identity::IdentityFields fields = extractor.extract(card.image, card.dpi);
            const QByteArray where = QByteArray("card ") + QByteArray::number(i);

            const identity::ExtractedField* id = fields.find(FieldKind::IdNumber);
            QVERIFY2(id, where.constData());
            QCOMPARE(id->value, card.truth.idNumber);
            QCOMPARE(id->source, FieldSource::Qr);
            QCOMPARE(id->confidence, 1.0);
            QVERIFY2(overlap(id->box, card.qrBox) > 0.6, where.constData());
            // The name's bytes exactly: UTF-8 with Vietnamese diacritics, NFC.
            QCOMPARE(fields.value(FieldKind::FullName).toUtf8(), card.truth.fullName.toUtf8());
            QCOMPARE(fields.value(FieldKind::DateOfBirth),
                     identity::isoDate(card.truth.dateOfBirth));
            QCOMPARE(fields.value(FieldKind::Sex), sexName(card.truth.sex));
            QCOMPARE(fields.value(FieldKind::Address).toUtf8(), card.truth.address.toUtf8());
            QCOMPARE(fields.value(FieldKind::IssueDate), identity::isoDate(card.truth.issueDate));
            QCOMPARE(fields.value(FieldKind::OldId), card.truth.oldId);
            QVERIFY(fields.disagreements.empty());
        }
        qInfo("QR path: %d/%d cards exact, %lld ms", cards, cards,
              static_cast<long long>(timer.elapsed()));
    }

    void printedLabelsAreReadWhenTheQrCodeIsDestroyed()
    {
        QRandomGenerator random(31337);
        identity::IdentityExtractor extractor;
        const std::array<testing::QrCondition, 3> conditions{testing::QrCondition::Removed,
                                                             testing::QrCondition::Glare,
                                                             testing::QrCondition::Damaged};
        const int cards = 12;
        int idExact = 0, nameExact = 0, birthExact = 0, sexExact = 0, originExact = 0,
            addressExact = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < cards; ++i) {
            testing::IdCardStyle style = styleFor(i, random);
            style.qr = conditions[static_cast<size_t>(i % 3)];
            if (i % 3 == 1)
                style.noiseSigma = 4;
            if (i % 4 == 2)
                style.jpegQuality = 85;
            const testing::GeneratedCard card =
                testing::renderIdCard(testing::randomIdentity(random), style, random);
            const identity::IdentityFields fields = extractor.extract(card.image, card.dpi);
            for (const auto& [kind, field] : fields.fields) {
                QCOMPARE(field.source, FieldSource::Ocr);
                QVERIFY(card.cardBox.adjusted(-5, -5, 5, 5).contains(field.box));
            }
            QVERIFY(!fields.notes.isEmpty()); // says that the QR code could not be read

            const auto& truth = card.truth;
            const bool id = fields.value(FieldKind::IdNumber) == truth.idNumber;
            const bool name = fields.value(FieldKind::FullName) == truth.fullName;
            idExact += id;
            nameExact += name;
            birthExact +=
                fields.value(FieldKind::DateOfBirth) == identity::isoDate(truth.dateOfBirth);
            sexExact += fields.value(FieldKind::Sex) == sexName(truth.sex);
            originExact += fields.value(FieldKind::PlaceOfOrigin) == truth.placeOfOrigin;
            addressExact += fields.value(FieldKind::Address) == truth.address;
            if (!id || !name)
                qInfo("card %d (layout %d, %s, %d dpi): id %s, name %s", i,
                      static_cast<int>(style.layout), qPrintable(style.fontFamily), style.dpi,
                      id ? "ok" : "wrong", name ? "ok" : "wrong");
        }
        qInfo("OCR path over %d cards (%lld ms): ID %d, name %d, birth date %d, sex %d, "
              "place of origin %d, address %d exact",
              cards, static_cast<long long>(timer.elapsed()), idExact, nameExact, birthExact,
              sexExact, originExact, addressExact);
        QCOMPARE(idExact, cards);
        QVERIFY(nameExact >= cards - 1);
        QVERIFY(birthExact >= cards - 1);
        QVERIFY(sexExact >= cards - 1);
        // Long free text: an OCR slip somewhere in it is common (measured 10/12 each).
        QVERIFY(originExact >= cards - 3);
        QVERIFY(addressExact >= cards - 3);
    }

    void crossCheckReportsAPrintedNameThatDiffersFromTheQrCode()
    {
        QRandomGenerator random(99);
        testing::IdCardIdentity person = testing::randomIdentity(random);
        person.fullName = QStringLiteral("Nguyễn Văn An");
        testing::IdCardStyle style;
        style.printedName = QStringLiteral("Trần Văn Bình");
        style.rotationDegrees = 0.7;
        const testing::GeneratedCard card = testing::renderIdCard(person, style, random);

        identity::ExtractionOptions options;
        options.crossCheck = true;
        identity::IdentityExtractor extractor(options);
        const identity::IdentityFields fields = extractor.extract(card.image, card.dpi);
        QCOMPARE(fields.value(FieldKind::FullName), QStringLiteral("Nguyễn Văn An")); // QR wins
        QCOMPARE(fields.find(FieldKind::FullName)->source, FieldSource::Qr);
        const auto disagreement = std::find_if(
            fields.disagreements.begin(), fields.disagreements.end(),
            [](const identity::Disagreement& d) { return d.field == FieldKind::FullName; });
        QVERIFY(disagreement != fields.disagreements.end());
        QCOMPARE(disagreement->qrValue, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(disagreement->ocrValue, QStringLiteral("Trần Văn Bình"));
        // The ID agrees in both: no disagreement reported for it.
        for (const identity::Disagreement& d : fields.disagreements)
            QVERIFY(d.field != FieldKind::IdNumber);
        // Fields only the print has come from OCR.
        const identity::ExtractedField* origin = fields.find(FieldKind::PlaceOfOrigin);
        QVERIFY(origin);
        QCOMPARE(origin->source, FieldSource::Ocr);
    }
};

int main(int argc, char** argv)
{
    platform::ensureSingleThreadedOpenMp(argv);
    QGuiApplication app(argc, argv);
    TestIdentityExtraction test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_identity_extraction.moc"
