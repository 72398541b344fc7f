// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Procedure.h"
#include "domain/ProcedureCode.h"
#include "domain/ResolvedComponent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QString>
#include <QStringView>
#include <vector>

namespace sohoa::domain {

// The procedures this counter handles (danh mục thủ tục hành chính), with their components and
// results, loaded from JSON. The built-in starter catalogue is resources/catalogue/
// procedures.json (its "header" documents the format); a province can supply its own file.
//
// Format 1: { "format": 1, "version": "...", "procedures": [ { "code": "1.001193",
//   "name": "...", "field": "...", "processingDays": 1, "givesPaperResult": true,
//   "components": [ { "code": "TP1", "name": "...", "required": true } ],
//   "results": [ { "code": "KQ.G15.000031", "name": "..." } ] } ] }
// Unknown keys (comments, notes) are ignored.
class Catalogue
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)

public:
    static constexpr int kFormat = 1;
    static constexpr const char* kBuiltInPath = ":/catalogue/procedures.json";

    // Throw UserError: InvalidInput naming the faulty entry for a malformed catalogue,
    // NotFound when the file cannot be read.
    static Catalogue loadBuiltIn();
    static Catalogue fromFile(const QString& path);
    static Catalogue fromJson(const QByteArray& json);
    // The catalogue of `version` made of format 1 procedure objects (as the provincial hub
    // sends them), read by the same rules as a file.
    static Catalogue fromDefinitions(const QString& version, const QJsonArray& procedures);

    QString version() const { return version_; }
    const std::vector<Procedure>& procedures() const { return procedures_; }

    // Looks a procedure up by its national code; a provincial code with an agency suffix finds
    // the national procedure. find() returns nullptr for an unknown code, procedure() throws
    // UserError(NotFound).
    const Procedure* find(const ProcedureCode& code) const;
    const Procedure& procedure(const ProcedureCode& code) const;

    // What a component code given for a dossier of `procedure` stands for: one of the
    // procedure's component codes, or one of its result codes (results are digitized like
    // components). Throws UserError(InvalidInput) for a malformed code and UserError(NotFound),
    // listing the accepted codes, for a code the procedure does not have.
    static ResolvedComponent resolveComponent(const Procedure& procedure, QStringView code);
    ResolvedComponent resolveComponent(const ProcedureCode& procedureCode, QStringView code) const;

private:
    Catalogue(QString version, std::vector<Procedure> procedures)
        : version_(std::move(version)), procedures_(std::move(procedures))
    {
    }
    QString version_;
    std::vector<Procedure> procedures_;
};

} // namespace sohoa::domain
