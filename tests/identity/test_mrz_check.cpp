// SPDX-License-Identifier: GPL-3.0-or-later
// ICAO 9303 check digits (7-3-1) and the passport MRZ (TD3), on the ICAO specimen and on a
// Vietnamese-form number.
#include "identity/MrzCheck.h"

#include <QTest>

using namespace sohoa;
using namespace sohoa::identity;

namespace {
// ICAO Doc 9303 part 4 specimen passport.
const QString kSpecimenLine1 =
    QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA").leftJustified(44, QLatin1Char('<'));
const QString kSpecimenLine2 = QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10");

QString digit(const QString& field)
{
    return QString::number(mrzCheckDigit(field).value_or(-1));
}

// A TD3 second line built with this implementation's own check digits.
QString vietnameseLine2(const QString& number, const QString& birth, QChar sex,
                        const QString& expiry)
{
    const QString paddedNumber = number.leftJustified(9, QLatin1Char('<'));
    const QString personal = QString(14, QLatin1Char('<'));
    QString line = paddedNumber + digit(paddedNumber) + QStringLiteral("VNM") + birth +
                   digit(birth) + sex + expiry + digit(expiry) + personal + QLatin1Char('<');
    const QString composite = line.mid(0, 10) + line.mid(13, 7) + line.mid(21, 22);
    return line + digit(composite);
}
} // namespace

class TestMrzCheck : public QObject
{
    Q_OBJECT

private slots:
    void checkDigitsOfTheSpecimen()
    {
        QCOMPARE(mrzCheckDigit(u"L898902C3"), 6);
        QCOMPARE(mrzCheckDigit(u"740812"), 2);
        QCOMPARE(mrzCheckDigit(u"120415"), 9);
        QCOMPARE(mrzCheckDigit(u"<<<<<<"), 0);
        QVERIFY(!mrzCheckDigit(u"AB-12").has_value());
        QVERIFY(mrzCheckDigitMatches(u"L898902C3", QLatin1Char('6')));
        QVERIFY(!mrzCheckDigitMatches(u"L898902C3", QLatin1Char('7')));
    }

    void parsesTheSpecimen()
    {
        QCOMPARE(kSpecimenLine2.size(), 44);
        const auto mrz = parsePassportMrz(kSpecimenLine1, kSpecimenLine2);
        QVERIFY(mrz.has_value());
        QVERIFY(mrz->allChecksOk());
        QCOMPARE(mrz->issuingState, QStringLiteral("UTO"));
        QCOMPARE(mrz->surname, QStringLiteral("ERIKSSON"));
        QCOMPARE(mrz->givenNames, QStringLiteral("ANNA MARIA"));
        QCOMPARE(mrz->passportNumber, QStringLiteral("L898902C3"));
        QCOMPARE(mrz->dateOfBirth, QDate(1974, 8, 12));
        QCOMPARE(mrz->sex, domain::Sex::Female);
        QCOMPARE(mrz->dateOfExpiry, QDate(2012, 4, 15));
    }

    void eachCheckDigitCatchesItsField()
    {
        QString number = kSpecimenLine2;
        number[3] = QLatin1Char('9');
        auto mrz = parsePassportMrz(kSpecimenLine1, number);
        QVERIFY(!mrz->numberCheckOk);
        QVERIFY(!mrz->compositeCheckOk);
        QVERIFY(mrz->birthCheckOk && mrz->expiryCheckOk);

        QString birth = kSpecimenLine2;
        birth[14] = QLatin1Char('5');
        mrz = parsePassportMrz(kSpecimenLine1, birth);
        QVERIFY(!mrz->birthCheckOk);
        QVERIFY(mrz->numberCheckOk);

        QString expiry = kSpecimenLine2;
        expiry[27] = QLatin1Char('0');
        mrz = parsePassportMrz(kSpecimenLine1, expiry);
        QVERIFY(!mrz->expiryCheckOk);
        QVERIFY(!mrz->allChecksOk());
    }

    void vietnamesePassport()
    {
        const QString line1 =
            QStringLiteral("P<VNMNGUYEN<<VAN<AN").leftJustified(44, QLatin1Char('<'));
        const QString line2 = vietnameseLine2(QStringLiteral("C1234567"), QStringLiteral("900201"),
                                              QLatin1Char('M'), QStringLiteral("330101"));
        QCOMPARE(line2.size(), 44);
        const auto mrz = parsePassportMrz(line1, line2);
        QVERIFY(mrz.has_value());
        QVERIFY(mrz->allChecksOk());
        QCOMPARE(mrz->passportNumber, QStringLiteral("C1234567"));
        QCOMPARE(mrz->nationality, QStringLiteral("VNM"));
        QCOMPARE(mrz->dateOfBirth, QDate(1990, 2, 1));
        QCOMPARE(mrz->dateOfExpiry, QDate(2033, 1, 1));
        QCOMPARE(mrz->surname, QStringLiteral("NGUYEN"));
        QCOMPARE(mrz->givenNames, QStringLiteral("VAN AN"));
    }

    void refusesOtherShapes()
    {
        QVERIFY(!parsePassportMrz(kSpecimenLine1.left(43), kSpecimenLine2).has_value());
        QVERIFY(!parsePassportMrz(QString(kSpecimenLine1).replace(0, 1, QLatin1String("I")),
                                  kSpecimenLine2)
                     .has_value());
    }

    void cleansOcrLookalikes()
    {
        QCOMPARE(cleanMrzLine(u"p«vnm nguyen«« van"), QStringLiteral("P<VNMNGUYEN<<VAN"));
    }
};

QTEST_GUILESS_MAIN(TestMrzCheck)
#include "test_mrz_check.moc"
