// SPDX-License-Identifier: GPL-3.0-or-later
// Specification of the domain's validating value types: codes, identity numbers, the
// applicant, page corrections and the working-day calendar.
#include "domain/AgencyCode.h"
#include "domain/Applicant.h"
#include "domain/Channel.h"
#include "domain/ComponentCode.h"
#include "domain/DossierCode.h"
#include "domain/LogMasking.h"
#include "domain/Officer.h"
#include "domain/OldIdNumber.h"
#include "domain/PageTransform.h"
#include "domain/PassportNumber.h"
#include "domain/PersonalId.h"
#include "domain/ProcedureCode.h"
#include "domain/ResultCode.h"
#include "domain/Sex.h"
#include "domain/TaxCode.h"
#include "domain/UserError.h"
#include "domain/WorkingDayCalendar.h"
#include "support/ErrorCapture.h"

#include <QTest>
#include <compare>
#include <optional>

using namespace sohoa::domain;
using sohoa::ErrorKind;
using sohoa::UserError;

namespace {

template <typename Action> std::optional<UserError> errorFrom(Action&& action)
{
    return sohoa::testing::thrownBy<UserError>(std::forward<Action>(action));
}

// Hà Nội, male, born 2003.
QString sampleId()
{
    return QStringLiteral("001203001234");
}

} // namespace

class TestDomainValues : public QObject
{
    Q_OBJECT

private slots:
    // --- AgencyCode -------------------------------------------------------------------------
    void agencyCodeAcceptsBothForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<bool>("qcvn");
        QTest::addColumn<QString>("topLevel");
        QTest::newRow("qcvn commune") << "000.00.53.H48"
                                      << "000.00.53.H48" << true << "H48";
        QTest::newRow("qcvn letter group") << "000.A0.01.H26"
                                           << "000.A0.01.H26" << true << "H26";
        QTest::newRow("qcvn ministry") << "000.00.00.G22"
                                       << "000.00.00.G22" << true << "G22";
        QTest::newRow("qcvn lower case") << " 000.a0.01.h26 "
                                         << "000.A0.01.H26" << true << "H26";
        QTest::newRow("decision 20 two groups") << "G09.20"
                                                << "G09.20" << false << "G09";
        QTest::newRow("decision 20 commune") << "H55.242"
                                             << "H55.242" << false << "H55";
        QTest::newRow("decision 20 one group") << "H55"
                                               << "H55" << false << "H55";
        QTest::newRow("decision 20 35 chars")
            << "H55.242.12345.67890.ABCDE.FGHIJ.KLM"
            << "H55.242.12345.67890.ABCDE.FGHIJ.KLM" << false << "H55";
    }
    void agencyCodeAcceptsBothForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(bool, qcvn);
        QFETCH(QString, topLevel);
        QVERIFY(AgencyCode::isValid(text));
        const AgencyCode code = AgencyCode::parse(text);
        QCOMPARE(code.toString(), canonical);
        QCOMPARE(code.form() == AgencyCode::Form::Qcvn102, qcvn);
        QCOMPARE(code.topLevel(), topLevel);
        QCOMPARE(AgencyCode::parse(code.toString()), code);
    }

    void agencyCodeRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("blank") << "   ";
        QTest::newRow("empty group") << "000..53.H48";
        QTest::newRow("leading dot") << ".H48";
        QTest::newRow("trailing dot") << "H55.242.";
        QTest::newRow("punctuation") << "000.00.53.H48!";
        QTest::newRow("hyphen") << "000-00";
        QTest::newRow("space inside") << "000.00 53.H48";
        QTest::newRow("vietnamese letter") << "Ơ55.242";
        QTest::newRow("36 chars") << "H55.242.12345.67890.ABCDE.FGHIJ.KLMN";
    }
    void agencyCodeRefusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!AgencyCode::isValid(text));
        const auto error = errorFrom([&] { AgencyCode::parse(text); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY(!error->message().isEmpty());
    }

    // --- ProcedureCode ----------------------------------------------------------------------
    void procedureCodeParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("agency");
        QTest::newRow("birth registration") << "1.001193"
                                            << "1.001193"
                                            << "";
        QTest::newRow("certified copy") << "2.000815"
                                        << "2.000815"
                                        << "";
        QTest::newRow("provincial suffix") << "1.011442.000.00.00.H38"
                                           << "1.011442"
                                           << "000.00.00.H38";
        QTest::newRow("service suffix") << "2.000815.000.00.00.H55.02"
                                        << "2.000815"
                                        << "000.00.00.H55.02";
        QTest::newRow("trimmed") << " 1.000894 "
                                 << "1.000894"
                                 << "";
    }
    void procedureCodeParses()
    {
        QFETCH(QString, text);
        QFETCH(QString, base);
        QFETCH(QString, agency);
        QVERIFY(ProcedureCode::isValid(text));
        const ProcedureCode code = ProcedureCode::parse(text);
        QCOMPARE(code.toString(), text.trimmed());
        QCOMPARE(code.baseText(), base);
        QCOMPARE(code.base().toString(), base);
        QVERIFY(!code.base().hasAgencySuffix());
        QCOMPARE(code.hasAgencySuffix(), !agency.isEmpty());
        QCOMPARE(code.agency() ? code.agency()->toString() : QString(), agency);
    }

    void procedureCodeRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no dot") << "1001193";
        QTest::newRow("five digits") << "1.00119";
        QTest::newRow("seven digits") << "1.0011934";
        QTest::newRow("letter first") << "A.001193";
        QTest::newRow("two leading digits") << "11.001193";
        QTest::newRow("dangling dot") << "1.001193.";
        QTest::newRow("bad suffix") << "1.001193.000..H38";
        QTest::newRow("hyphen suffix") << "1.001193-H38";
    }
    void procedureCodeRefusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!ProcedureCode::isValid(text));
        const auto error = errorFrom([&] { ProcedureCode::parse(text); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
    }

    // --- ResultCode -------------------------------------------------------------------------
    void resultCodeParses()
    {
        const ResultCode birth = ResultCode::parse(u"KQ.G15.000031");
        QCOMPARE(birth.toString(), QStringLiteral("KQ.G15.000031"));
        QCOMPARE(birth.ministryCode(), QStringLiteral("G15"));
        QCOMPARE(birth.number(), 31);
        QCOMPARE(ResultCode::parse(u" kq.g15.000032 ").toString(), QStringLiteral("KQ.G15.000032"));
        QVERIFY(birth < ResultCode::parse(u"KQ.G15.000032"));
    }

    void resultCodeRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("five digits") << "KQ.G15.00031";
        QTest::newRow("seven digits") << "KQ.G15.0000311";
        QTest::newRow("no ministry letter") << "KQ.15.000031";
        QTest::newRow("two letters") << "KQ.GG5.000031";
        QTest::newRow("wrong prefix") << "QK.G15.000031";
        QTest::newRow("hyphens") << "KQ-G15-000031";
        QTest::newRow("empty") << "";
    }
    void resultCodeRefusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!ResultCode::isValid(text));
        QVERIFY(errorFrom([&] { ResultCode::parse(text); }));
    }

    // --- ComponentCode ----------------------------------------------------------------------
    void componentCodeAcceptsAnyNationalSpelling()
    {
        for (const QString& text : {QStringLiteral("TP1"), QStringLiteral("KQ.G15.000031"),
                                    QStringLiteral("a_b-c.D9"), QString(64, QLatin1Char('x'))}) {
            QVERIFY2(ComponentCode::isValid(text), qPrintable(text));
            QCOMPARE(ComponentCode::parse(text).toString(), text);
        }
        QVERIFY(ComponentCode::parse(u"tp1") != ComponentCode::parse(u"TP1")); // case matters
    }

    void componentCodeRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("space") << "TP 1";
        QTest::newRow("slash") << "TP/1";
        QTest::newRow("vietnamese") << "Thành phần";
        QTest::newRow("65 chars") << QString(65, QLatin1Char('x'));
    }
    void componentCodeRefusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!ComponentCode::isValid(text));
        QVERIFY(errorFrom([&] { ComponentCode::parse(text); }));
    }

    // --- DossierCode ------------------------------------------------------------------------
    void dossierCodeRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("agency");
        QTest::addColumn<QDate>("received");
        QTest::addColumn<int>("sequence");
        QTest::addColumn<int>("width");
        QTest::newRow("quang ngai") << "000.00.53.H48-220921-0099"
                                    << "000.00.53.H48" << QDate(2022, 9, 21) << 99 << 4;
        QTest::newRow("ha noi") << "000.A0.01.H26-210212-9090"
                                << "000.A0.01.H26" << QDate(2021, 2, 12) << 9090 << 4;
        QTest::newRow("five digits") << "G09.20-231231-12345"
                                     << "G09.20" << QDate(2023, 12, 31) << 12345 << 5;
        QTest::newRow("six digits") << "H55.242-240229-000123"
                                    << "H55.242" << QDate(2024, 2, 29) << 123 << 6;
    }
    void dossierCodeRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QString, agency);
        QFETCH(QDate, received);
        QFETCH(int, sequence);
        QFETCH(int, width);
        QVERIFY(DossierCode::isValid(text));
        const DossierCode code = DossierCode::parse(text);
        QCOMPARE(code.toString(), text);
        QCOMPARE(code.agency().toString(), agency);
        QCOMPARE(code.receivedDate(), received);
        QCOMPARE(code.sequence(), sequence);
        QCOMPARE(code.sequenceWidth(), width);
        QCOMPARE(DossierCode::make(code.agency(), received, sequence, width), code);
        QCOMPARE(DossierCode::parse(code.toString()), code);
    }

    void dossierCodeMakeUsesTheConfiguredWidth()
    {
        const AgencyCode agency = AgencyCode::parse(u"000.00.53.H48");
        QCOMPARE(DossierCode::make(agency, QDate(2022, 9, 21), 99).toString(),
                 QStringLiteral("000.00.53.H48-220921-0099"));
        QCOMPARE(DossierCode::make(agency, QDate(2022, 9, 21), 99, 6).toString(),
                 QStringLiteral("000.00.53.H48-220921-000099"));
        QCOMPARE(DossierCode::make(agency, QDate(2022, 9, 21), 9999).toString(),
                 QStringLiteral("000.00.53.H48-220921-9999"));
    }

    // A provisional code (docs/SYNC-PROTOCOL.md §8.2) has the letter P and always 4 digits.
    void provisionalDossierCodesAreMarked()
    {
        const AgencyCode agency = AgencyCode::parse(u"000.00.53.H48");
        const DossierCode code = DossierCode::makeProvisional(agency, QDate(2026, 3, 2), 1);
        QCOMPARE(code.toString(), QStringLiteral("000.00.53.H48-260302-P0001"));
        QVERIFY(code.isProvisional());
        QCOMPARE(DossierCode::parse(code.toString()), code);
        QVERIFY(!DossierCode::parse(u"000.00.53.H48-260302-0001").isProvisional());
        QVERIFY(!DossierCode::isValid(u"000.00.53.H48-260302-P00001"));
        QVERIFY(!DossierCode::isValid(u"000.00.53.H48-260302-P1"));
        QVERIFY(errorFrom([&] { DossierCode::makeProvisional(agency, QDate(2026, 3, 2), 10000); }));
    }

    void dossierCodeMakeRefusesImpossibleCodes()
    {
        const AgencyCode agency = AgencyCode::parse(u"000.00.53.H48");
        const QDate day(2022, 9, 21);
        QVERIFY(errorFrom([&] { DossierCode::make(agency, day, 10000); }));
        QVERIFY(errorFrom([&] { DossierCode::make(agency, day, -1); }));
        QVERIFY(errorFrom([&] { DossierCode::make(agency, day, 1, 3); }));
        QVERIFY(errorFrom([&] { DossierCode::make(agency, day, 1, 7); }));
        QVERIFY(errorFrom([&] { DossierCode::make(agency, QDate(1999, 12, 31), 1); }));
        QVERIFY(errorFrom([&] { DossierCode::make(agency, QDate(), 1); }));
    }

    void dossierCodeRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no such day") << "000.00.53.H48-220931-0099";
        QTest::newRow("february 29 of 2023") << "000.00.53.H48-230229-0099";
        QTest::newRow("three digit sequence") << "000.00.53.H48-220921-099";
        QTest::newRow("seven digit sequence") << "000.00.53.H48-220921-0000099";
        QTest::newRow("missing hyphen") << "000.00.53.H48220921-0099";
        QTest::newRow("long date") << "000.00.53.H48-2209210-0099";
        QTest::newRow("empty agency") << "-220921-0099";
        QTest::newRow("bad agency") << "000..53.H48-220921-0099";
        QTest::newRow("letters in sequence") << "000.00.53.H48-220921-00A9";
        QTest::newRow("four parts") << "000.00.53.H48-220921-0099-1";
    }
    void dossierCodeRefusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!DossierCode::isValid(text));
        const auto error = errorFrom([&] { DossierCode::parse(text); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
    }

    void codesCompareAndOrder()
    {
        const DossierCode first = DossierCode::parse(u"000.00.53.H48-220921-0099");
        const DossierCode second = DossierCode::parse(u"000.00.53.H48-220921-0100");
        QVERIFY(first < second);
        QVERIFY(first != second);
        QVERIFY(std::is_eq(first <=> DossierCode::parse(u"000.00.53.h48-220921-0099")));
        QVERIFY(AgencyCode::parse(u"G09.20") < AgencyCode::parse(u"H55.242"));
        QVERIFY(ProcedureCode::parse(u"1.000894") < ProcedureCode::parse(u"1.001193"));
        QCOMPARE(qHash(ProcedureCode::parse(u"1.001193")),
                 qHash(ProcedureCode::parse(u"1.001193")));
    }

    // --- PersonalId -------------------------------------------------------------------------
    void personalIdParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("province");
        QTest::addColumn<Sex>("sex");
        QTest::addColumn<int>("birthYear");
        QTest::newRow("ha noi male 2003") << sampleId() << "001" << Sex::Male << 2003;
        QTest::newRow("hcmc female 1985") << "079185012345"
                                          << "079" << Sex::Female << 1985;
        QTest::newRow("thai binh male 1998") << "034098000001"
                                             << "034" << Sex::Male << 1998;
        QTest::newRow("ca mau female 2001") << "096301999999"
                                            << "096" << Sex::Female << 2001;
        QTest::newRow("male 1900") << "001000000001"
                                   << "001" << Sex::Male << 1900;
        QTest::newRow("trimmed") << " 001203001234 "
                                 << "001" << Sex::Male << 2003;
    }
    void personalIdParses()
    {
        QFETCH(QString, text);
        QFETCH(QString, province);
        QFETCH(Sex, sex);
        QFETCH(int, birthYear);
        QVERIFY(PersonalId::isValid(text));
        const PersonalId id = PersonalId::parse(text);
        QCOMPARE(id.toString(), text.trimmed());
        QCOMPARE(id.provinceCode(), province);
        QCOMPARE(id.sex(), sex);
        QCOMPARE(id.birthYear(), birthYear);
    }

    void personalIdRefusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("part"); // a word the message must contain
        QTest::newRow("unknown province 003") << "003203001234"
                                              << "province";
        QTest::newRow("unknown province 097") << "097203001234"
                                              << "province";
        QTest::newRow("province 000") << "000203001234"
                                      << "province";
        QTest::newRow("11 digits") << "00120300123"
                                   << "12";
        QTest::newRow("13 digits") << "0012030012345"
                                   << "12";
        QTest::newRow("letter") << "00120300123A"
                                << "digits";
        QTest::newRow("inner space") << "001 203 001234"
                                     << "digits";
        QTest::newRow("empty") << ""
                               << "digits";
        QTest::newRow("born 2099") << "001299001234"
                                   << "future";
        QTest::newRow("born 2105") << "001405001234"
                                   << "future";
    }
    void personalIdRefusesMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, part);
        QVERIFY(!PersonalId::isValid(text));
        const auto error = errorFrom([&] { PersonalId::parse(text); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(part), qPrintable(error->message()));
        // The message names the wrong part; it never repeats the number.
        if (!text.isEmpty())
            QVERIFY2(!error->message().contains(text.left(9)), qPrintable(error->message()));
    }

    void personalIdChecksDateOfBirthAndSex()
    {
        const PersonalId id = PersonalId::parse(sampleId());
        QVERIFY(id.agreesWith(QDate(2003, 5, 1), Sex::Male));
        QVERIFY(id.agreesWith(QDate(), Sex::Unknown));
        id.checkAgainst(QDate(2003, 5, 1), Sex::Male);
        id.checkAgainst(QDate(), Sex::Male);
        id.checkAgainst(QDate(2003, 5, 1), Sex::Unknown);

        QVERIFY(!id.agreesWith(QDate(2004, 5, 1), Sex::Male));
        const auto wrongYear = errorFrom([&] { id.checkAgainst(QDate(2004, 5, 1), Sex::Male); });
        QVERIFY(wrongYear);
        QCOMPARE(wrongYear->kind(), ErrorKind::InvalidInput);
        QVERIFY(wrongYear->message().contains(QStringLiteral("birth year")));
        QVERIFY(!wrongYear->message().contains(sampleId()));

        QVERIFY(!id.agreesWith(QDate(2003, 5, 1), Sex::Female));
        const auto wrongSex = errorFrom([&] { id.checkAgainst(QDate(2003, 5, 1), Sex::Female); });
        QVERIFY(wrongSex);
        QVERIFY(wrongSex->message().contains(QStringLiteral("4th digit")));

        // G = 1: a woman born in the 1900s; the same YY with G = 3 is a woman born in the 2000s.
        const PersonalId woman = PersonalId::parse(u"079185012345");
        QVERIFY(woman.agreesWith(QDate(1985, 1, 1), Sex::Female));
        QVERIFY(!woman.agreesWith(QDate(2085, 1, 1), Sex::Female));
        QVERIFY(!woman.agreesWith(QDate(1985, 1, 1), Sex::Male));
    }

    void provinceListIsTheNationalOne()
    {
        QVERIFY(PersonalId::isKnownProvinceCode(u"001"));
        QVERIFY(PersonalId::isKnownProvinceCode(u"079"));
        QVERIFY(PersonalId::isKnownProvinceCode(u"096"));
        QVERIFY(!PersonalId::isKnownProvinceCode(u"003"));
        QVERIFY(!PersonalId::isKnownProvinceCode(u"050"));
        QVERIFY(!PersonalId::isKnownProvinceCode(u"099"));
        QVERIFY(!PersonalId::isKnownProvinceCode(u"1"));
        int known = 0;
        for (int code = 0; code < 1000; ++code)
            known += PersonalId::isKnownProvinceCode(
                         QStringLiteral("%1").arg(code, 3, 10, QLatin1Char('0')))
                         ? 1
                         : 0;
        QCOMPARE(known, 63);
    }

    // --- OldIdNumber ------------------------------------------------------------------------
    void oldIdNumber()
    {
        QVERIFY(OldIdNumber::isValid(u"123456789"));
        QCOMPARE(OldIdNumber::parse(u" 123456789 ").toString(), QStringLiteral("123456789"));
        QVERIFY(!OldIdNumber::isValid(u"12345678"));
        QVERIFY(!OldIdNumber::isValid(u"1234567890"));
        QVERIFY(!OldIdNumber::isValid(u"12345678A"));
        const auto error = errorFrom([] { OldIdNumber::parse(u"12345678"); });
        QVERIFY(error);
        QVERIFY(!error->message().contains(QStringLiteral("12345678")));
    }

    // --- TaxCode ----------------------------------------------------------------------------
    void taxCheckDigitFormula()
    {
        // Worked by hand: 0*31 + 1*29 + 0*23 + 0*19 + 1*17 + 0*13 + 9*7 + 1*5 + 0*3 = 114;
        // 114 mod 11 = 4; 10 - 4 = 6.
        QCOMPARE(TaxCode::checkDigitFor(u"010010910"), std::optional<int>(6));
        // 87 + 19 + 34 + 39 + 28 + 25 + 18 = 250; 250 mod 11 = 8; 10 - 8 = 2.
        QCOMPARE(TaxCode::checkDigitFor(u"030123456"), std::optional<int>(2));
        // Remainder 1 gives 9 (8 * 29 = 232 = 21 * 11 + 1), remainder 10 gives 0 (29 + 3 = 32).
        QCOMPARE(TaxCode::checkDigitFor(u"080000000"), std::optional<int>(9));
        QCOMPARE(TaxCode::checkDigitFor(u"010000001"), std::optional<int>(0));
        // 29 + 5*3 = 44 = 4*11: no valid check digit exists.
        QVERIFY(!TaxCode::checkDigitFor(u"010000005"));
        QVERIFY(!TaxCode::checkDigitFor(u"000000000"));
        QVERIFY(!TaxCode::checkDigitFor(u"01000000")); // eight digits
    }

    void taxCodeAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("branch"); // 0 = none
        QTest::addColumn<bool>("personal");
        QTest::newRow("0100109106") << "0100109106" << 0 << false;
        QTest::newRow("0301234562") << "0301234562" << 0 << false;
        QTest::newRow("0100000003") << "0100000003" << 0 << false;
        QTest::newRow("1234567893") << "1234567893" << 0 << false;
        QTest::newRow("1000000001") << "1000000001" << 0 << false;
        QTest::newRow("check digit 0") << "0100000010" << 0 << false;
        QTest::newRow("check digit 8") << "0100000028" << 0 << false;
        QTest::newRow("branch 001") << "0100109106-001" << 1 << false;
        QTest::newRow("branch 999") << "0100109106-999" << 999 << false;
        QTest::newRow("personal ID") << sampleId() << 0 << true;
    }
    void taxCodeAccepts()
    {
        QFETCH(QString, text);
        QFETCH(int, branch);
        QFETCH(bool, personal);
        QVERIFY(TaxCode::isValid(text));
        const TaxCode code = TaxCode::parse(text);
        QCOMPARE(code.toString(), text);
        QCOMPARE(code.branch().value_or(0), branch);
        QCOMPARE(code.isPersonalId(), personal);
        QCOMPARE(code.number(), text.left(personal ? 12 : 10));
    }

    void taxCodeRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("wrong check digit") << "0100109107";
        QTest::newRow("check digit off by one") << "0301234563";
        QTest::newRow("9 digits") << "010010910";
        QTest::newRow("11 digits") << "01001091066";
        QTest::newRow("letter") << "010010910A";
        QTest::newRow("branch 000") << "0100109106-000";
        QTest::newRow("branch 4 digits") << "0100109106-1000";
        QTest::newRow("branch 2 digits") << "0100109106-01";
        QTest::newRow("empty branch") << "0100109106-";
        QTest::newRow("space before branch") << "0100109106 001";
        QTest::newRow("bad branch on bad code") << "0100109107-001";
        QTest::newRow("personal ID with branch") << "001203001234-001";
        QTest::newRow("12 digits, bad province") << "003203001234";
        // Weighted sum 0 mod 11: whatever the tenth digit, the code is invalid.
        for (int last = 0; last <= 9; ++last) {
            const QString text = QStringLiteral("010000005%1").arg(last);
            QTest::newRow(qPrintable(QStringLiteral("sum mod 11 = 0: %1").arg(text))) << text;
        }
        QTest::newRow("all zero") << "0000000000";
    }
    void taxCodeRefuses()
    {
        QFETCH(QString, text);
        QVERIFY(!TaxCode::isValid(text));
        const auto error = errorFrom([&] { TaxCode::parse(text); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(!error->message().contains(text.left(9)), qPrintable(error->message()));
    }

    // --- PassportNumber ---------------------------------------------------------------------
    void passportNumber()
    {
        QCOMPARE(PassportNumber::parse(u"C1234567").toString(), QStringLiteral("C1234567"));
        QCOMPARE(PassportNumber::parse(u" n1234567 ").toString(), QStringLiteral("N1234567"));
        QVERIFY(PassportNumber::parse(u"C1234567").isVietnameseForm());
        for (const char16_t* bad :
             {u"C123456", u"CC123456", u"12345678", u"C12345678", u"C123456A", u"", u"C 1234567"}) {
            QVERIFY2(!PassportNumber::isValid(bad), qPrintable(QString::fromUtf16(bad)));
            QVERIFY(errorFrom([&] { PassportNumber::parse(bad); }));
        }
        // Foreign passports follow their own countries' rules.
        QCOMPARE(PassportNumber::parseForeign(u"x1234567a").toString(),
                 QStringLiteral("X1234567A"));
        QVERIFY(!PassportNumber::parseForeign(u"123456789").isVietnameseForm());
        QVERIFY(!PassportNumber::tryParseForeign(u"AB12"));
        QVERIFY(!PassportNumber::tryParseForeign(u"AB-12345"));
        QVERIFY(!PassportNumber::tryParseForeign(QString(21, QLatin1Char('1'))));
    }

    // --- Masking for logs -------------------------------------------------------------------
    void identifiersAreMaskedForLogs()
    {
        QCOMPARE(maskForLog(u"001203001234"), QStringLiteral("*********234"));
        QCOMPARE(PersonalId::parse(sampleId()).maskedForLog(), QStringLiteral("*********234"));
        QCOMPARE(OldIdNumber::parse(u"123456789").maskedForLog(), QStringLiteral("******789"));
        QCOMPARE(TaxCode::parse(u"0100109106").maskedForLog(), QStringLiteral("*******106"));
        QCOMPARE(TaxCode::parse(u"0100109106-001").maskedForLog(),
                 QStringLiteral("*******106-***"));
        QCOMPARE(PassportNumber::parse(u"C1234567").maskedForLog(), QStringLiteral("*****567"));
        QCOMPARE(maskForLog(u"AB"), QStringLiteral("**"));
    }

    // --- Applicant --------------------------------------------------------------------------
    void citizenApplicant()
    {
        const Applicant applicant =
            Applicant::citizen(PersonalId::parse(sampleId()), QStringLiteral("  Nguyễn   Văn An "),
                               QDate(2003, 5, 1), Sex::Male, QStringLiteral("Xã Tịnh Hà"));
        QCOMPARE(applicant.kind(), Applicant::Kind::Citizen);
        QCOMPARE(applicant.fullName(), QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(applicant.identifierText(), sampleId());
        QCOMPARE(applicant.identifierMaskedForLog(), QStringLiteral("*********234"));
        QVERIFY(applicant.personalId());
        QVERIFY(!applicant.taxCode());
        QVERIFY(!applicant.passportNumber());
        QCOMPARE(applicant.nationalSubjectType(), 1);
    }

    void citizenApplicantNameIsNfc()
    {
        // "Nguyễn" typed with combining marks becomes the precomposed form.
        const QString decomposed =
            QStringLiteral("Nguyễn").normalized(QString::NormalizationForm_D);
        QVERIFY(decomposed != QStringLiteral("Nguyễn"));
        const Applicant applicant = Applicant::citizen(PersonalId::parse(sampleId()), decomposed,
                                                       QDate(), Sex::Unknown, QString());
        QCOMPARE(applicant.fullName(), QStringLiteral("Nguyễn"));
    }

    void citizenApplicantRefusesInconsistentId()
    {
        const auto wrongSex = errorFrom([] {
            Applicant::citizen(PersonalId::parse(sampleId()), QStringLiteral("Trần Thị Bình"),
                               QDate(2003, 5, 1), Sex::Female, QString());
        });
        QVERIFY(wrongSex);
        QCOMPARE(wrongSex->kind(), ErrorKind::InvalidInput);
        const auto wrongYear = errorFrom([] {
            Applicant::citizen(PersonalId::parse(sampleId()), QStringLiteral("Nguyễn Văn An"),
                               QDate(1990, 5, 1), Sex::Male, QString());
        });
        QVERIFY(wrongYear);
        // At intake only the ID may be known; the name comes later from the card.
        const Applicant unnamed = Applicant::citizen(
            PersonalId::parse(sampleId()), QStringLiteral("   "), QDate(), Sex::Male, QString());
        QVERIFY(unnamed.fullName().isEmpty());
    }

    void enterpriseAndForeignerApplicants()
    {
        const Applicant company = Applicant::enterprise(TaxCode::parse(u"0100109106-001"),
                                                        QStringLiteral("Công ty TNHH Minh Phát"),
                                                        QStringLiteral("Hà Nội"));
        QCOMPARE(company.kind(), Applicant::Kind::Enterprise);
        QCOMPARE(company.identifierText(), QStringLiteral("0100109106-001"));
        QCOMPARE(company.sex(), Sex::Unknown);
        QVERIFY(!company.dateOfBirth().isValid());
        QCOMPARE(company.nationalSubjectType(), 2);

        const Applicant household = Applicant::enterprise(TaxCode::parse(sampleId()),
                                                          QStringLiteral("Hộ kinh doanh An"), {});
        QVERIFY(household.taxCode()->isPersonalId());

        const Applicant visitor = Applicant::foreigner(PassportNumber::parseForeign(u"X1234567A"),
                                                       QStringLiteral("John Smith"),
                                                       QDate(1980, 1, 2), Sex::Male, QString());
        QCOMPARE(visitor.kind(), Applicant::Kind::Foreigner);
        QCOMPARE(visitor.identifierText(), QStringLiteral("X1234567A"));
        QCOMPARE(visitor.identifierMaskedForLog(), QStringLiteral("*****567*"));
        QCOMPARE(visitor.nationalSubjectType(), 4);
        QVERIFY(visitor.passportNumber());
        QVERIFY(!visitor.personalId());
    }

    // --- Stable names -----------------------------------------------------------------------
    void stableNamesRoundTrip()
    {
        for (Sex sex : {Sex::Male, Sex::Female, Sex::Unknown})
            QCOMPARE(sexFromString(sexToString(sex)), std::optional<Sex>(sex));
        QVERIFY(!sexFromString(u"nam"));

        for (Channel channel : {Channel::Counter, Channel::Online, Channel::Post}) {
            QCOMPARE(channelFromString(channelToString(channel)), std::optional<Channel>(channel));
            QCOMPARE(channelFromNationalCode(nationalCode(channel)),
                     std::optional<Channel>(channel));
        }
        QCOMPARE(nationalCode(Channel::Counter), 1);
        QCOMPARE(nationalCode(Channel::Online), 2);
        QCOMPARE(nationalCode(Channel::Post), 3);
        QVERIFY(!channelFromNationalCode(4));

        for (auto role :
             {Officer::Role::Officer, Officer::Role::Supervisor, Officer::Role::Administrator})
            QCOMPARE(Officer::roleFromString(Officer::toString(role)),
                     std::optional<Officer::Role>(role));
        for (auto kind :
             {Applicant::Kind::Citizen, Applicant::Kind::Enterprise, Applicant::Kind::Foreigner})
            QCOMPARE(Applicant::kindFromString(Applicant::toString(kind)),
                     std::optional<Applicant::Kind>(kind));
    }

    // --- PageTransform ----------------------------------------------------------------------
    void pageTransformsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("rotate 90") << "rotate:90";
        QTest::newRow("rotate 180") << "rotate:180";
        QTest::newRow("rotate 270") << "rotate:270";
        QTest::newRow("deskew negative") << "deskew:-0.75";
        QTest::newRow("deskew positive") << "deskew:1.50";
        QTest::newRow("crop") << "crop:10,20,1600,2200";
    }
    void pageTransformsRoundTrip()
    {
        QFETCH(QString, text);
        const PageTransform transform = PageTransform::parse(text);
        QCOMPARE(transform.toString(), text);
        QCOMPARE(PageTransform::parse(transform.toString()), transform);
    }

    void pageTransformValues()
    {
        QCOMPARE(PageTransform::rotate(-90).toString(), QStringLiteral("rotate:270"));
        QCOMPARE(PageTransform::rotate(450).rotationDegrees(), 90);
        QCOMPARE(PageTransform::deskew(1.5).toString(), QStringLiteral("deskew:1.50"));
        QCOMPARE(PageTransform::deskew(-0.754).deskewDegrees(), -0.75);
        QCOMPARE(PageTransform::crop(QRect(1, 2, 3, 4)).cropArea(), QRect(1, 2, 3, 4));
        QCOMPARE(PageTransform::parse(u"crop:1,2,3,4").kind(), PageTransform::Kind::Crop);
        for (const char16_t* bad :
             {u"rotate:45", u"rotate:360", u"rotate:0", u"deskew:45", u"deskew:x", u"crop:1,2,0,5",
              u"crop:-1,0,5,5", u"crop:1,2,3", u"flip", u""})
            QVERIFY2(!PageTransform::tryParse(bad), qPrintable(QString::fromUtf16(bad)));
    }

    // --- WorkingDayCalendar -----------------------------------------------------------------
    void workingDaysSkipWeekendsAndHolidays()
    {
        // 3 January 2025 is a Friday.
        const QDate friday(2025, 1, 3);
        const QDate saturday(2025, 1, 4);
        const QDate monday(2025, 1, 6);
        WorkingDayCalendar calendar;
        QVERIFY(calendar.isWorkingDay(friday));
        QVERIFY(!calendar.isWorkingDay(saturday));
        QCOMPARE(calendar.addWorkingDays(friday, 0), friday);
        QCOMPARE(calendar.addWorkingDays(saturday, 0), monday);
        QCOMPARE(calendar.addWorkingDays(friday, 1), monday);
        QCOMPARE(calendar.addWorkingDays(friday, 5), QDate(2025, 1, 10));

        calendar.setHolidays({monday});
        QVERIFY(!calendar.isWorkingDay(monday));
        QCOMPARE(calendar.addWorkingDays(friday, 1), QDate(2025, 1, 7));

        calendar.setMakeUpWorkingDays({saturday});
        QCOMPARE(calendar.addWorkingDays(friday, 1), saturday);

        // Lunar New Year 2025: Monday 27 to Friday 31 January configured as holidays.
        const WorkingDayCalendar tet({QDate(2025, 1, 27), QDate(2025, 1, 28), QDate(2025, 1, 29),
                                      QDate(2025, 1, 30), QDate(2025, 1, 31)});
        QCOMPARE(tet.addWorkingDays(QDate(2025, 1, 24), 3), QDate(2025, 2, 5));

        const QDateTime received(friday, QTime(14, 30));
        QCOMPARE(WorkingDayCalendar().dueDate(received, 3),
                 QDateTime(QDate(2025, 1, 8), QTime(14, 30)));
        QVERIFY(!WorkingDayCalendar().dueDate(QDateTime(), 3).isValid());
    }
};

QTEST_GUILESS_MAIN(TestDomainValues)
#include "test_domain_values.moc"
