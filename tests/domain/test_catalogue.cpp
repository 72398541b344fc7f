// SPDX-License-Identifier: GPL-3.0-or-later
// Specification of the procedure catalogue: the built-in starter file, look-ups, resolving a
// component code (or a result code) within a procedure, and refusing malformed catalogues.
#include "domain/Catalogue.h"
#include "domain/UserError.h"
#include "support/ErrorCapture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <optional>

using namespace sohoa::domain;
using sohoa::ErrorKind;
using sohoa::UserError;

namespace {

template <typename Action> std::optional<UserError> errorFrom(Action&& action)
{
    return sohoa::testing::thrownBy<UserError>(std::forward<Action>(action));
}

QByteArray minimalCatalogue(const QByteArray& procedures)
{
    return R"({"format": 1, "version": "test-1", "procedures": [)" + procedures + "]}";
}

QByteArray goodProcedure()
{
    return R"({"code": "1.001193", "name": "Đăng ký khai sinh",
    "field": "Hộ tịch", "processingDays": 1,
    "components": [{"code": "TP1", "name": "Tờ khai"}],
    "results": [{"code": "KQ.G15.000031", "name": "Giấy khai sinh"}], "comment": "ignored"})";
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void builtInCatalogueLoads()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        QVERIFY(!catalogue.version().isEmpty());
        QVERIFY(catalogue.procedures().size() >= 5);
        for (const Procedure& procedure : catalogue.procedures()) {
            const QString code = procedure.code.toString();
            QVERIFY2(!procedure.components.empty(), qPrintable(code));
            QVERIFY2(!procedure.results.empty(), qPrintable(code));
            QVERIFY2(procedure.processingDays >= 0, qPrintable(code));
            bool anyRequired = false;
            for (const ComponentSpec& spec : procedure.components)
                anyRequired = anyRequired || spec.required;
            QVERIFY2(anyRequired, qPrintable(code));
            QCOMPARE(procedure.name, procedure.name.normalized(QString::NormalizationForm_C));
        }
    }

    void builtInCatalogueIsTheShippedFile()
    {
        QFile shipped(QStringLiteral(SOHOA_SOURCE_DIR "/resources/catalogue/procedures.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QFile embedded(QString::fromLatin1(Catalogue::kBuiltInPath));
        QVERIFY(embedded.open(QIODevice::ReadOnly));
        QCOMPARE(embedded.readAll(), shipped.readAll());
    }

    void builtInCatalogueHasTheCivilStatusProcedures()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();

        const Procedure& birth = catalogue.procedure(ProcedureCode::parse(u"1.001193"));
        QCOMPARE(birth.name, QStringLiteral("Đăng ký khai sinh"));
        QCOMPARE(birth.field, QStringLiteral("Hộ tịch"));
        QVERIFY(birth.findResult(u"KQ.G15.000031"));
        QCOMPARE(birth.findResult(u"KQ.G15.000031")->name, QStringLiteral("Giấy khai sinh"));
        QVERIFY(birth.findComponent(u"TP2")->name.contains(QStringLiteral("Giấy chứng sinh")));

        const Procedure& marriage = catalogue.procedure(ProcedureCode::parse(u"1.000894"));
        QCOMPARE(marriage.name, QStringLiteral("Đăng ký kết hôn"));
        QCOMPARE(marriage.findResult(u"KQ.G15.000032")->name,
                 QStringLiteral("Giấy chứng nhận kết hôn"));

        const Procedure& death = catalogue.procedure(ProcedureCode::parse(u"1.000656"));
        QCOMPARE(death.name, QStringLiteral("Đăng ký khai tử"));
        QCOMPARE(death.results.size(), size_t(1));
        QVERIFY(death.results.front().name.contains(QStringLiteral("khai tử")));
    }

    void provincialCodeFindsTheNationalProcedure()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        const ProcedureCode provincial = ProcedureCode::parse(u"1.001193.000.00.53.H48");
        QCOMPARE(catalogue.procedure(provincial).code.toString(), QStringLiteral("1.001193"));
    }

    void unknownProcedureIsRefused()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        const ProcedureCode unknown = ProcedureCode::parse(u"9.999999");
        QVERIFY(!catalogue.find(unknown));
        const auto error = errorFrom([&] { catalogue.procedure(unknown); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::NotFound);
        QVERIFY2(error->message().contains(QStringLiteral("9.999999")),
                 qPrintable(error->message()));
        QVERIFY(error->message().contains(QStringLiteral("not in the catalogue")));
    }

    void componentCodesResolve()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        const Procedure& birth = catalogue.procedure(ProcedureCode::parse(u"1.001193"));

        const ResolvedComponent form = Catalogue::resolveComponent(birth, u"TP1");
        QCOMPARE(form.code.toString(), QStringLiteral("TP1"));
        QVERIFY(!form.isResult);
        QVERIFY(form.required);

        const ResolvedComponent authorization = Catalogue::resolveComponent(birth, u" TP4 ");
        QVERIFY(!authorization.required);
        QVERIFY(authorization.name.contains(QStringLiteral("ủy quyền")));
    }

    void resultCodeIsAcceptedAsComponent()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        const ProcedureCode birth = ProcedureCode::parse(u"1.001193");

        const ResolvedComponent result = catalogue.resolveComponent(birth, u"KQ.G15.000031");
        QVERIFY(result.isResult);
        QVERIFY(!result.required);
        QCOMPARE(result.code.toString(), QStringLiteral("KQ.G15.000031"));
        QCOMPARE(result.name, QStringLiteral("Giấy khai sinh"));

        // Typed in lower case, it resolves to the canonical code.
        QCOMPARE(catalogue.resolveComponent(birth, u"kq.g15.000031").code.toString(),
                 QStringLiteral("KQ.G15.000031"));
    }

    void foreignComponentIsRefusedClearly()
    {
        const Catalogue catalogue = Catalogue::loadBuiltIn();
        const ProcedureCode birth = ProcedureCode::parse(u"1.001193");

        // The marriage certificate is not a result of birth registration.
        const auto otherResult =
            errorFrom([&] { catalogue.resolveComponent(birth, u"KQ.G15.000032"); });
        QVERIFY(otherResult);
        QCOMPARE(otherResult->kind(), ErrorKind::NotFound);
        const QString message = otherResult->message();
        QVERIFY2(message.contains(QStringLiteral("KQ.G15.000032")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("1.001193")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("TP1")), qPrintable(message)); // what is accepted
        QVERIFY2(message.contains(QStringLiteral("KQ.G15.000031")), qPrintable(message));

        const auto unknown = errorFrom([&] { catalogue.resolveComponent(birth, u"TP99"); });
        QVERIFY(unknown);
        QCOMPARE(unknown->kind(), ErrorKind::NotFound);

        const auto malformed = errorFrom([&] { catalogue.resolveComponent(birth, u"TP 1"); });
        QVERIFY(malformed);
        QCOMPARE(malformed->kind(), ErrorKind::InvalidInput);

        const auto unknownProcedure = errorFrom(
            [&] { catalogue.resolveComponent(ProcedureCode::parse(u"9.999999"), u"TP1"); });
        QVERIFY(unknownProcedure);
        QCOMPARE(unknownProcedure->kind(), ErrorKind::NotFound);
    }

    void minimalCatalogueAndDefaults()
    {
        const Catalogue catalogue = Catalogue::fromJson(minimalCatalogue(goodProcedure()));
        QCOMPARE(catalogue.version(), QStringLiteral("test-1"));
        QCOMPARE(catalogue.procedures().size(), size_t(1));
        const Procedure& procedure = catalogue.procedures().front();
        QVERIFY(procedure.givesPaperResult);            // default
        QVERIFY(procedure.components.front().required); // default
        QCOMPARE(procedure.processingDays, 1);
    }

    void malformedCataloguesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where"); // what the message must point at
        auto withProcedure = [](const QByteArray& from, const QByteArray& to) {
            QByteArray procedure = goodProcedure();
            procedure.replace(from, to);
            return minimalCatalogue(procedure);
        };
        QTest::newRow("not json") << QByteArray("{ nope") << "JSON";
        QTest::newRow("array root") << QByteArray("[]") << "object";
        QTest::newRow("wrong format")
            << QByteArray(R"({"format": 2, "version": "x", "procedures": []})") << "format";
        QTest::newRow("no version")
            << QByteArray(R"({"format": 1, "procedures": []})") << "version";
        QTest::newRow("no procedures")
            << QByteArray(R"({"format": 1, "version": "x"})") << "procedures";
        QTest::newRow("bad procedure code")
            << withProcedure(R"("1.001193")", R"("1.00119")") << "procedures[0].code";
        QTest::newRow("suffixed procedure code")
            << withProcedure(R"("1.001193")", R"("1.001193.000.00.53.H48")")
            << "procedures[0].code";
        QTest::newRow("empty name")
            << withProcedure(R"("Đăng ký khai sinh")", R"("  ")") << "procedures[0].name";
        QTest::newRow("negative days")
            << withProcedure(R"("processingDays": 1)", R"("processingDays": -1)")
            << "processingDays";
        QTest::newRow("fractional days")
            << withProcedure(R"("processingDays": 1)", R"("processingDays": 1.5)")
            << "processingDays";
        QTest::newRow("days as text")
            << withProcedure(R"("processingDays": 1)", R"("processingDays": "1")")
            << "processingDays";
        QTest::newRow("bad component code")
            << withProcedure(R"("TP1")", R"("TP 1")") << "procedures[0].components[0].code";
        QTest::newRow("required not a flag")
            << withProcedure(R"("name": "Tờ khai"})", R"("name": "Tờ khai", "required": "yes"})")
            << "components[0].required";
        QTest::newRow("duplicate component")
            << withProcedure(
                   R"([{"code": "TP1", "name": "Tờ khai"}])",
                   R"([{"code": "TP1", "name": "Tờ khai"}, {"code": "TP1", "name": "x"}])")
            << "components[1]";
        QTest::newRow("bad result code")
            << withProcedure(R"("KQ.G15.000031")", R"("KQ.G15.31")") << "results[0].code";
        QTest::newRow("result code used as component")
            << withProcedure(R"("TP1")", R"("KQ.G15.000031")") << "results[0]";
        QTest::newRow("duplicate procedure")
            << minimalCatalogue(goodProcedure() + "," + goodProcedure()) << "procedures[1]";
        QTest::newRow("components not a list")
            << withProcedure(R"([{"code": "TP1", "name": "Tờ khai"}])", R"({})")
            << "procedures[0].components";
    }
    void malformedCataloguesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        const auto error = errorFrom([&] { Catalogue::fromJson(json); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(where), qPrintable(error->message()));
    }

    // Procedure objects as the provincial hub sends them make a catalogue by the same rules.
    void definitionsMakeACatalogue()
    {
        const QJsonObject procedure = QJsonDocument::fromJson(goodProcedure()).object();
        const Catalogue catalogue =
            Catalogue::fromDefinitions(QStringLiteral("2026.12-H26.2"), QJsonArray{procedure});
        QCOMPARE(catalogue.version(), QStringLiteral("2026.12-H26.2"));
        QVERIFY(catalogue.find(ProcedureCode::parse(u"1.001193")));

        QJsonObject withoutName = procedure;
        withoutName.remove(QStringLiteral("name"));
        const auto error = errorFrom([&] {
            Catalogue::fromDefinitions(QStringLiteral("2026.12-H26.2"), QJsonArray{withoutName});
        });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QLatin1String("procedures[0].name")),
                 qPrintable(error->message()));
    }

    void missingFileIsNotFound()
    {
        const auto error = errorFrom(
            [] { Catalogue::fromFile(QStringLiteral("/nonexistent/sohoa/procedures.json")); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "test_catalogue.moc"
