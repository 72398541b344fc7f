// SPDX-License-Identifier: GPL-3.0-or-later
// Reading labelled fields off recognized text (no Tesseract here: the PageText is built by
// hand, with boxes, as OCR would return it): both card layouts, OCR errors in labels and
// digits, tax codes with their check digit, passport numbers and the MRZ.
#include "identity/IdCardOcrReader.h"
#include "identity/MrzCheck.h"

#include <QTest>

using namespace sohoa;
using identity::FieldKind;
using identity::IdCardOcrReader;

namespace {

constexpr int kCharWidth = 10;
constexpr int kHeight = 20;

// A line of words; each word starts `x` pixels in (0: right after the previous word).
struct W
{
    QString text;
    int x = 0;
};

class PageBuilder
{
public:
    PageBuilder& line(int y, std::initializer_list<W> words, float confidence = 90)
    {
        ocr::Line line;
        int x = 0;
        for (const W& w : words) {
            if (w.x > 0)
                x = w.x;
            ocr::Word word{w.text,
                           QRect(x, y, kCharWidth * static_cast<int>(w.text.size()), kHeight),
                           confidence};
            x += word.box.width() + kCharWidth;
            line.box = line.box.united(word.box);
            line.words.push_back(word);
        }
        line.baselineY = y + kHeight;
        page_.lines.push_back(line);
        return *this;
    }
    const ocr::PageText& page() const { return page_; }

private:
    ocr::PageText page_;
};

QString digit(const QString& field)
{
    return QString::number(identity::mrzCheckDigit(field).value_or(-1));
}

} // namespace

class TestIdCardOcrReader : public QObject
{
    Q_OBJECT

private slots:
    void labelAndValueOnOneLine()
    {
        PageBuilder b;
        b.line(0, {{"CĂN", 300}, {"CƯỚC"}, {"CÔNG"}, {"DÂN"}})
            .line(40, {{"Số", 200}, {"/"}, {"No.:"}, {"001090012345"}})
            .line(70, {{"Họ", 200},
                       {"và"},
                       {"tên"},
                       {"/"},
                       {"Full"},
                       {"name:"},
                       {"NGUYỄN"},
                       {"VĂN"},
                       {"AN"}})
            .line(100,
                  {{"Ngày", 200}, {"sinh"}, {"/"}, {"Date"}, {"of"}, {"birth:"}, {"01/02/1990"}})
            .line(130, {{"Giới", 200},
                        {"tính"},
                        {"/"},
                        {"Sex:"},
                        {"Nam"},
                        {"Quốc", 500},
                        {"tịch"},
                        {"/"},
                        {"Nationality:"},
                        {"Việt"},
                        {"Nam"}})
            .line(160, {{"Quê", 200},
                        {"quán"},
                        {"/"},
                        {"Place"},
                        {"of"},
                        {"origin:"},
                        {"Xã"},
                        {"Tân"},
                        {"Lập,"},
                        {"Huyện"}})
            .line(185, {{"Đan", 200}, {"Phượng,"}, {"Hà"}, {"Nội"}})
            .line(215, {{"Nơi", 200},
                        {"thường"},
                        {"trú"},
                        {"/"},
                        {"Place"},
                        {"of"},
                        {"residence:"},
                        {"Số"},
                        {"5"},
                        {"Ngõ"},
                        {"10,"}})
            .line(240, {{"Phường", 200}, {"Cát"}, {"Linh,"}, {"Hà"}, {"Nội"}})
            .line(275, {{"Có", 10}, {"giá"}, {"trị"}, {"đến:"}, {"01/02/2030"}});
        const identity::IdentityFields fields = IdCardOcrReader::read(b.page());
        QCOMPARE(fields.value(FieldKind::IdNumber), QStringLiteral("001090012345"));
        QCOMPARE(fields.value(FieldKind::FullName), QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(fields.value(FieldKind::DateOfBirth), QStringLiteral("1990-02-01"));
        QCOMPARE(fields.value(FieldKind::Sex), QStringLiteral("male"));
        QCOMPARE(fields.value(FieldKind::Nationality), QStringLiteral("Việt Nam"));
        QCOMPARE(fields.value(FieldKind::PlaceOfOrigin),
                 QStringLiteral("Xã Tân Lập, Huyện Đan Phượng, Hà Nội"));
        QCOMPARE(fields.value(FieldKind::Address),
                 QStringLiteral("Số 5 Ngõ 10, Phường Cát Linh, Hà Nội"));
        QVERIFY(!fields.find(FieldKind::IssueDate)); // the expiry date is not an issue date
        const identity::ExtractedField* id = fields.find(FieldKind::IdNumber);
        QCOMPARE(id->source, identity::FieldSource::Ocr);
        QCOMPARE(id->box.top(), 40);
        QVERIFY(id->confidence > 0.8 && id->confidence <= 1.0);
        QVERIFY(fields.notes.isEmpty());
    }

    void labelAboveValueInColumns()
    {
        PageBuilder b;
        b.line(0, {{"Số", 200},
                   {"định"},
                   {"danh"},
                   {"cá"},
                   {"nhân"},
                   {"/"},
                   {"Personal"},
                   {"identification"},
                   {"number"}})
            .line(25, {{"079305001234", 200}})
            .line(60, {{"Họ,", 200},
                       {"chữ"},
                       {"đệm"},
                       {"và"},
                       {"tên"},
                       {"khai"},
                       {"sinh"},
                       {"/"},
                       {"Full"},
                       {"name"}})
            .line(85, {{"TRẦN", 200}, {"THỊ"}, {"ÁNH"}})
            .line(120, {{"Giới", 200},
                        {"tính"},
                        {"/"},
                        {"Sex"},
                        {"Ngày", 400},
                        {"sinh"},
                        {"/"},
                        {"Date"},
                        {"of"},
                        {"birth"},
                        {"Quốc", 650},
                        {"tịch"},
                        {"/"},
                        {"Nationality"}})
            .line(145, {{"Nữ", 200}, {"09/09/2005", 400}, {"Việt", 650}, {"Nam"}});
        const identity::IdentityFields fields = IdCardOcrReader::read(b.page());
        QCOMPARE(fields.value(FieldKind::IdNumber), QStringLiteral("079305001234"));
        QCOMPARE(fields.value(FieldKind::FullName), QStringLiteral("Trần Thị Ánh"));
        QCOMPARE(fields.value(FieldKind::Sex), QStringLiteral("female"));
        QCOMPARE(fields.value(FieldKind::DateOfBirth), QStringLiteral("2005-09-09"));
        QCOMPARE(fields.value(FieldKind::Nationality), QStringLiteral("Việt Nam"));
        QVERIFY(fields.notes.isEmpty());
    }

    void toleratesOcrErrors()
    {
        PageBuilder b;
        b.line(0, {{"sø:xo:", 200}, {"79200914054"}}) // label garbled, leading 0 lost
            .line(30, {{"Ho", 200}, {"va"}, {"ten/Fuli"}, {"name:HỒ"}, {"GIA"}, {"NAM"}})
            .line(60, {{"Ngay", 200}, {"sinh"}, {"/"}, {"Date"}, {"of"}, {"binh:"}, {"25/1O/2000"}})
            .line(90, {{"Gioi", 200}, {"tinh"}, {"/"}, {"Sex:"}, {"Nam"}});
        const identity::IdentityFields fields = IdCardOcrReader::read(b.page());
        QCOMPARE(fields.value(FieldKind::IdNumber), QStringLiteral("079200914054"));
        QVERIFY(fields.find(FieldKind::IdNumber)->confidence < 0.7);
        QCOMPARE(fields.value(FieldKind::FullName), QStringLiteral("Hồ Gia Nam"));
        QCOMPARE(fields.value(FieldKind::DateOfBirth), QStringLiteral("2000-10-25"));
        QCOMPARE(fields.value(FieldKind::Sex), QStringLiteral("male"));
    }

    void idThatDisagreesWithTheBirthDateIsFlagged()
    {
        PageBuilder b;
        b.line(0, {{"Số", 200}, {"/"}, {"No.:"}, {"001090012345"}})
            .line(30,
                  {{"Ngày", 200}, {"sinh"}, {"/"}, {"Date"}, {"of"}, {"birth:"}, {"01/02/1991"}});
        const identity::IdentityFields fields = IdCardOcrReader::read(b.page());
        QCOMPARE(fields.value(FieldKind::IdNumber), QStringLiteral("001090012345"));
        QVERIFY(fields.find(FieldKind::IdNumber)->confidence < 0.5);
        QCOMPARE(fields.notes.size(), 1);
        QVERIFY(!fields.notes.first().contains(QLatin1String("001090012345")));
    }

    void taxCodeNeedsItsCheckDigit()
    {
        PageBuilder good;
        good.line(0, {{"Mã", 10}, {"số"}, {"thuế:"}, {"0100109106"}});
        QCOMPARE(IdCardOcrReader::read(good.page()).value(FieldKind::TaxCode),
                 QStringLiteral("0100109106"));
        PageBuilder branch;
        branch.line(0, {{"MST", 10}, {"0100109106-001"}});
        QCOMPARE(IdCardOcrReader::read(branch.page()).value(FieldKind::TaxCode),
                 QStringLiteral("0100109106-001"));
        PageBuilder bad;
        bad.line(0, {{"Mã", 10}, {"số"}, {"thuế:"}, {"0100109107"}});
        QVERIFY(!IdCardOcrReader::read(bad.page()).find(FieldKind::TaxCode));
    }

    void oldIdNumber()
    {
        PageBuilder b;
        b.line(0, {{"Số", 10}, {"CMND:"}, {"123456789"}});
        QCOMPARE(IdCardOcrReader::read(b.page()).value(FieldKind::OldId),
                 QStringLiteral("123456789"));
    }

    void passportFromItsMrz()
    {
        const QString line1 =
            QStringLiteral("P<VNMNGUYEN<<VAN<AN").leftJustified(44, QLatin1Char('<'));
        QString line2 = QStringLiteral("C1234567<") + digit(QStringLiteral("C1234567<")) +
                        QStringLiteral("VNM900201") + digit(QStringLiteral("900201")) +
                        QStringLiteral("M330101") + digit(QStringLiteral("330101")) +
                        QString(15, QLatin1Char('<'));
        line2 += digit(line2.mid(0, 10) + line2.mid(13, 7) + line2.mid(21, 22));
        QCOMPARE(line2.size(), 44);

        PageBuilder b;
        b.line(0, {{"Số", 10}, {"hộ"}, {"chiếu"}, {"/"}, {"Passport"}, {"No.:"}, {"C1234567"}})
            .line(300, {{line1.left(20), 10}, {line1.mid(20)}})
            .line(330, {{line2, 10}});
        identity::IdentityFields fields = IdCardOcrReader::read(b.page());
        QCOMPARE(fields.value(FieldKind::Passport), QStringLiteral("C1234567"));
        QCOMPARE(fields.find(FieldKind::Passport)->confidence, 0.95); // from the checked MRZ
        QCOMPARE(fields.value(FieldKind::DateOfBirth), QStringLiteral("1990-02-01"));
        QCOMPARE(fields.value(FieldKind::Sex), QStringLiteral("male"));
        QVERIFY(fields.notes.isEmpty());

        // A wrong check digit: the MRZ is not used, and the officer is told.
        QString broken = line2;
        broken[9] = broken[9] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        PageBuilder c;
        c.line(300, {{line1, 10}}).line(330, {{broken, 10}});
        fields = IdCardOcrReader::read(c.page());
        QVERIFY(!fields.find(FieldKind::Passport));
        QCOMPARE(fields.notes.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdCardOcrReader)
#include "test_id_card_ocr_reader.moc"
