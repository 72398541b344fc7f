// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Catalogue.h"

#include "domain/UserError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>
#include <optional>
#include <utility>

namespace sohoa::domain {

namespace {

// Reads one catalogue document; every error names the JSON path of the faulty value.
class CatalogueReader
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)

public:
    static std::pair<QString, std::vector<Procedure>> read(const QByteArray& json)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            fail(tr("The procedure catalogue is not valid JSON (at byte %1: %2).")
                     .arg(parseError.offset)
                     .arg(parseError.errorString()));
        if (!document.isObject())
            fail(tr("The procedure catalogue must be a JSON object."));
        const QJsonObject root = document.object();

        const QJsonValue format = root.value(QLatin1String("format"));
        if (!format.isDouble() || format.toInt() != Catalogue::kFormat)
            fail(tr("The procedure catalogue has format %1; this version reads format %2.")
                     .arg(format.toVariant().toString())
                     .arg(Catalogue::kFormat));
        QString version = text(root, QStringLiteral("version"), QStringLiteral("version"));

        const QJsonArray entries =
            array(root, QStringLiteral("procedures"), QStringLiteral("procedures"));
        std::vector<Procedure> procedures;
        procedures.reserve(static_cast<size_t>(entries.size()));
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString where = QStringLiteral("procedures[%1]").arg(i);
            Procedure procedure = readProcedure(object(entries.at(i), where), where);
            for (const Procedure& earlier : procedures) {
                if (earlier.code == procedure.code)
                    fail(tr("%1: procedure code %2 is listed twice.")
                             .arg(where, procedure.code.toString()));
            }
            procedures.push_back(std::move(procedure));
        }
        return {std::move(version), std::move(procedures)};
    }

private:
    [[noreturn]] static void fail(const QString& message)
    {
        throw UserError(ErrorKind::InvalidInput, message);
    }

    static QJsonObject object(const QJsonValue& value, const QString& where)
    {
        if (!value.isObject())
            fail(tr("%1 in the procedure catalogue must be an object.").arg(where));
        return value.toObject();
    }

    static QJsonArray array(const QJsonObject& parent, const QString& key, const QString& where)
    {
        const QJsonValue value = parent.value(key);
        if (!value.isArray())
            fail(tr("%1 in the procedure catalogue must be a list.").arg(where));
        return value.toArray();
    }

    static QString text(const QJsonObject& parent, const QString& key, const QString& where)
    {
        const QString value = parent.value(key).toString().trimmed();
        if (value.isEmpty())
            fail(tr("%1 in the procedure catalogue must be a non-empty text.").arg(where));
        return value.normalized(QString::NormalizationForm_C);
    }

    static bool flag(const QJsonObject& parent, const QString& key, const QString& where,
                     bool fallback)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(tr("%1 in the procedure catalogue must be true or false.").arg(where));
        return value.toBool();
    }

    template <typename Code> static Code code(const QJsonObject& parent, const QString& where)
    {
        QString why;
        std::optional<Code> parsed =
            Code::tryParse(text(parent, QStringLiteral("code"), where), &why);
        if (!parsed)
            fail(tr("%1 in the procedure catalogue: %2").arg(where, why));
        return std::move(*parsed);
    }

    static Procedure readProcedure(const QJsonObject& entry, const QString& where)
    {
        ProcedureCode procedureCode = code<ProcedureCode>(entry, where + QStringLiteral(".code"));
        if (procedureCode.hasAgencySuffix())
            fail(tr("%1.code: the catalogue lists national procedure codes without an agency "
                    "suffix, not %2.")
                     .arg(where, procedureCode.toString()));

        const QJsonValue days = entry.value(QLatin1String("processingDays"));
        if (!days.isDouble() || days.toDouble() != days.toInt() || days.toInt() < 0)
            fail(tr("%1.processingDays in the procedure catalogue must be a whole number of "
                    "working days, 0 or more.")
                     .arg(where));

        Procedure procedure{
            .code = std::move(procedureCode),
            .name = text(entry, QStringLiteral("name"), where + QStringLiteral(".name")),
            .field = text(entry, QStringLiteral("field"), where + QStringLiteral(".field")),
            .components = {},
            .results = {},
            .processingDays = days.toInt(),
            .givesPaperResult = flag(entry, QStringLiteral("givesPaperResult"),
                                     where + QStringLiteral(".givesPaperResult"), true),
        };

        const QJsonArray components =
            array(entry, QStringLiteral("components"), where + QStringLiteral(".components"));
        for (qsizetype i = 0; i < components.size(); ++i) {
            const QString at = where + QStringLiteral(".components[%1]").arg(i);
            const QJsonObject item = object(components.at(i), at);
            ComponentSpec spec{
                .code = code<ComponentCode>(item, at + QStringLiteral(".code")),
                .name = text(item, QStringLiteral("name"), at + QStringLiteral(".name")),
                .required =
                    flag(item, QStringLiteral("required"), at + QStringLiteral(".required"), true),
            };
            if (procedure.findComponent(spec.code.toString()))
                fail(tr("%1: component code %2 is listed twice.").arg(at, spec.code.toString()));
            procedure.components.push_back(std::move(spec));
        }

        const QJsonArray results =
            array(entry, QStringLiteral("results"), where + QStringLiteral(".results"));
        for (qsizetype i = 0; i < results.size(); ++i) {
            const QString at = where + QStringLiteral(".results[%1]").arg(i);
            const QJsonObject item = object(results.at(i), at);
            ResultSpec result{
                .code = code<ResultCode>(item, at + QStringLiteral(".code")),
                .name = text(item, QStringLiteral("name"), at + QStringLiteral(".name")),
            };
            if (procedure.findResult(result.code.toString()))
                fail(tr("%1: result code %2 is listed twice.").arg(at, result.code.toString()));
            for (const ComponentSpec& spec : procedure.components) {
                if (spec.code.toString().compare(result.code.toString(), Qt::CaseInsensitive) == 0)
                    fail(tr("%1: result code %2 is also used as a component code.")
                             .arg(at, result.code.toString()));
            }
            procedure.results.push_back(std::move(result));
        }
        return procedure;
    }
};

} // namespace

Catalogue Catalogue::loadBuiltIn()
{
    return fromFile(QString::fromLatin1(kBuiltInPath));
}

Catalogue Catalogue::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UserError(
            ErrorKind::NotFound,
            tr("The procedure catalogue %1 cannot be read: %2").arg(path, file.errorString()));
    return fromJson(file.readAll());
}

Catalogue Catalogue::fromJson(const QByteArray& json)
{
    auto [version, procedures] = CatalogueReader::read(json);
    return Catalogue(std::move(version), std::move(procedures));
}

Catalogue Catalogue::fromDefinitions(const QString& version, const QJsonArray& procedures)
{
    return fromJson(
        QJsonDocument(
            QJsonObject{{"format", kFormat}, {"version", version}, {"procedures", procedures}})
            .toJson(QJsonDocument::Compact));
}

const Procedure* Catalogue::find(const ProcedureCode& code) const
{
    const ProcedureCode base = code.base();
    for (const Procedure& procedure : procedures_) {
        if (procedure.code == base)
            return &procedure;
    }
    return nullptr;
}

const Procedure& Catalogue::procedure(const ProcedureCode& code) const
{
    if (const Procedure* found = find(code))
        return *found;
    throw UserError(ErrorKind::NotFound,
                    tr("Procedure code %1 is not in the catalogue.").arg(code.toString()));
}

ResolvedComponent Catalogue::resolveComponent(const Procedure& procedure, QStringView code)
{
    const ComponentCode given = ComponentCode::parse(code);
    if (const ComponentSpec* spec = procedure.findComponent(given.toString()))
        return ResolvedComponent{spec->code, spec->name, false, spec->required};
    if (const ResultSpec* result = procedure.findResult(given.toString()))
        return ResolvedComponent{ComponentCode::parse(result->code.toString()), result->name, true,
                                 false};

    QStringList components;
    for (const ComponentSpec& spec : procedure.components)
        components << spec.code.toString();
    QStringList results;
    for (const ResultSpec& result : procedure.results)
        results << result.code.toString();
    const QString none = tr("none");
    throw UserError(ErrorKind::NotFound,
                    tr("\"%1\" is neither a component nor a result of procedure %2 (%3). Its "
                       "components are: %4. Its results are: %5.")
                        .arg(given.toString(), procedure.code.toString(), procedure.name,
                             components.isEmpty() ? none : components.join(QStringLiteral(", ")),
                             results.isEmpty() ? none : results.join(QStringLiteral(", "))));
}

ResolvedComponent Catalogue::resolveComponent(const ProcedureCode& procedureCode,
                                              QStringView code) const
{
    return resolveComponent(procedure(procedureCode), code);
}

} // namespace sohoa::domain
