// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SigningCertificateChoice.h"

#include "domain/UserError.h"

#include <QStringList>
#include <algorithm>

namespace sohoa::signing {

namespace {

QString hexId(const QByteArray& id)
{
    return QString::fromLatin1(id.toHex());
}

} // namespace

const TokenCertificate&
SigningCertificateChoice::choose(const std::vector<TokenCertificate>& onToken, const QByteArray& id,
                                 const QDateTime& now)
{
    if (!id.isEmpty()) {
        const auto named = std::find_if(onToken.begin(), onToken.end(),
                                        [&id](const TokenCertificate& c) { return c.id == id; });
        if (named == onToken.end())
            throw UserError(ErrorKind::NotFound,
                            tr("The token holds no certificate with ID %1; list the token's "
                               "certificates to see their IDs.")
                                .arg(hexId(id)));
        const QString name = named->facts.subjectCommonName;
        if (!named->hasPrivateKey)
            throw UserError(ErrorKind::InvalidInput,
                            tr("The certificate of %1 has no private key on the token, so it "
                               "cannot sign; choose another certificate.")
                                .arg(name));
        if (!named->facts.meantForSigning())
            throw UserError(ErrorKind::InvalidInput,
                            tr("The certificate of %1 is not meant for signing (its key usage "
                               "allows neither digital signatures nor non-repudiation); choose "
                               "another certificate.")
                                .arg(name));
        if (now > named->facts.notAfter)
            throw UserError(ErrorKind::InvalidInput,
                            tr("The certificate of %1 expired on %2; ask the certificate "
                               "provider to renew it.")
                                .arg(name, named->facts.notAfter.toString(Qt::ISODate)));
        if (now < named->facts.notBefore)
            throw UserError(ErrorKind::InvalidInput,
                            tr("The certificate of %1 is valid only from %2; check this "
                               "computer's clock.")
                                .arg(name, named->facts.notBefore.toString(Qt::ISODate)));
        return *named;
    }

    std::vector<const TokenCertificate*> usable;
    for (const TokenCertificate& certificate : onToken)
        if (certificate.canSign() && certificate.facts.validAt(now))
            usable.push_back(&certificate);
    if (usable.size() == 1)
        return *usable.front();
    if (usable.empty())
        throw UserError(ErrorKind::NotFound,
                        tr("The token holds no valid signing certificate with a private key; "
                           "ask the certificate provider for one."));
    QStringList ids;
    for (const TokenCertificate* certificate : usable)
        ids << QStringLiteral("%1 (%2)").arg(hexId(certificate->id),
                                             certificate->facts.subjectCommonName);
    throw UserError(ErrorKind::InvalidInput,
                    tr("The token holds several valid signing certificates; choose one by its "
                       "ID: %1.")
                        .arg(ids.join(QStringLiteral(", "))));
}

} // namespace sohoa::signing
