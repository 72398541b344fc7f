// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace sohoa::signing {

// What an X.509 certificate says about its holder, read with OpenSSL. Nothing is verified.
struct CertificateFacts
{
    QString subjectCommonName;
    QString subjectOrganization;
    QString subjectOrganizationalUnit;
    QString issuerCommonName;
    QString serialNumber; // hexadecimal, upper case
    QDateTime notBefore;  // UTC
    QDateTime notAfter;   // UTC
    // keyUsage bits; a certificate without the extension may be used for anything (RFC 5280).
    bool digitalSignature = false;
    bool nonRepudiation = false;

    bool meantForSigning() const { return digitalSignature || nonRepudiation; }
    bool validAt(const QDateTime& when) const { return notBefore <= when && when <= notAfter; }

    // Empty when `der` is not a DER-encoded X.509 certificate.
    static std::optional<CertificateFacts> read(const QByteArray& der);
    // True when `issuerDer` issued `subjectDer` (names, key identifiers and key usage agree;
    // the signature is not checked).
    static bool issuedBy(const QByteArray& subjectDer, const QByteArray& issuerDer);
};

} // namespace sohoa::signing
