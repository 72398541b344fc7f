// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/CitizenLookup.h"

#include "domain/PassportNumber.h"
#include "domain/PersonalId.h"
#include "domain/TaxCode.h"
#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/DossierQueries.h"
#include "usecases/HubToken.h"
#include "usecases/StoreAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sohoa::usecases {

namespace {

constexpr int kLongestPurposeText = 200;

// The identifier in its normal form, and as it may appear in the audit trail.
struct Subject
{
    QString normalized;
    QString masked;
};

template <typename Identifier> Subject subjectFrom(const Identifier& identifier)
{
    return Subject{identifier.toString(), identifier.maskedForLog()};
}

// Civil-status records are a person's, found by the 12-digit personal ID; documents belong
// to dossiers whose applicant may also be an enterprise (tax code) or a foreigner (passport).
Subject subjectOf(const CitizenLookupRequest& request)
{
    const QString text = request.identifier.trimmed();
    static const QRegularExpression twelveDigits(QStringLiteral("^[0-9]{12}$"));
    static const QRegularExpression taxCodeShape(QStringLiteral("^[0-9]{10}(-[0-9]{3})?$"));
    if (request.kind == CitizenLookupRequest::Kind::CivilStatus ||
        twelveDigits.match(text).hasMatch())
        return subjectFrom(domain::PersonalId::parse(text));
    if (taxCodeShape.match(text).hasMatch())
        return subjectFrom(domain::TaxCode::parse(text));
    return subjectFrom(domain::PassportNumber::parse(text));
}

QJsonObject purposeOf(storage::Store& store, const CitizenLookupRequest& request)
{
    static const QRegularExpression code(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!code.match(request.purposeCode).hasMatch())
        throw UserError(ErrorKind::InvalidInput,
                        CitizenLookup::tr("The purpose of a look-up is a code such as "
                                          "document-reuse, dossier-reception or identity-check."));
    static const QRegularExpression longNumber(QStringLiteral("[0-9]{7,}"));
    if (request.purposeText.size() > kLongestPurposeText ||
        longNumber.match(request.purposeText).hasMatch())
        throw UserError(ErrorKind::InvalidInput,
                        CitizenLookup::tr("The purpose text must be at most 200 characters and "
                                          "hold no ID number."));
    QJsonObject purpose{{"code", request.purposeCode}};
    if (!request.purposeText.isEmpty())
        purpose.insert(QStringLiteral("text"), request.purposeText);
    if (!request.dossierCode.isEmpty())
        purpose.insert(QStringLiteral("dossier_uuid"),
                       DossierQueries::detail(store, request.dossierCode).dossier.uuid);
    return purpose;
}

// The audit detail: codes and counts, the ID masked (docs/SYNC-PROTOCOL.md §11.4).
QString auditDetail(const QJsonObject& answer, const CitizenLookupRequest& request,
                    const QJsonObject& purpose, const Subject& subject)
{
    QJsonObject detail{{"lookup_id", answer.value("lookup_id")},
                       {"purpose", request.purposeCode},
                       {"subject", subject.masked}};
    if (purpose.contains(QStringLiteral("dossier_uuid")))
        detail.insert(QStringLiteral("dossier_code"), request.dossierCode);
    if (request.kind == CitizenLookupRequest::Kind::Documents) {
        detail.insert(QStringLiteral("kind"), QStringLiteral("documents"));
        detail.insert(QStringLiteral("documents"), answer.value("documents").toArray().size());
    } else {
        detail.insert(QStringLiteral("kind"), QStringLiteral("civil-status"));
        detail.insert(QStringLiteral("source"), answer.value("source"));
        for (const char* list : {"births", "marriages", "deaths"})
            detail.insert(QLatin1String(list), answer.value(QLatin1String(list)).toArray().size());
    }
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject CitizenLookup::run(storage::Store& store, const sync::HubClient& hub,
                               const CitizenLookupRequest& request)
{
    const Subject subject = subjectOf(request);
    const QJsonObject purpose = purposeOf(store, request);
    const QJsonObject body{
        {"id_number", subject.normalized}, {"officer_id", request.officerId}, {"purpose", purpose}};
    const bool documents = request.kind == CitizenLookupRequest::Kind::Documents;
    const sync::HubResponse response =
        hub.postJson(documents ? QStringLiteral("/v1/lookups/documents")
                               : QStringLiteral("/v1/lookups/civil-status"),
                     QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (response.status != 200) {
        if (!response.stopsRunBecause().isEmpty())
            throw UserError(ErrorKind::AccessDenied, response.failure());
        if (response.retryable())
            throw UserError(ErrorKind::Network,
                            tr("The look-up did not reach the provincial hub (%1); try again "
                               "when the connection is back.")
                                .arg(response.failure()));
        throw UserError(ErrorKind::InvalidInput,
                        tr("The provincial hub refused the look-up: %1").arg(response.failure()));
    }
    HubToken::keep(store, hub.connection().token, request.officerId);
    const QString dossierUuid = purpose.value("dossier_uuid").toString();
    StoreAccess::guarded([&] {
        recordEvent(store, dossierUuid, request.officerId, QStringLiteral("lookup"),
                    auditDetail(response.json, request, purpose, subject));
    });
    return response.json;
}

} // namespace sohoa::usecases
