// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <vector>

namespace sohoa::testing {

// What poppler's pdfsig says about one signature, as it prints it.
struct PdfsigSignature
{
    QString fieldName;
    QString signatureType;         // e.g. "adbe.pkcs7.detached"
    QString signatureValidation;   // e.g. "Signature is Valid."
    QString certificateValidation; // e.g. "Certificate is Trusted."; empty when not checked
    bool totalDocumentSigned = false;
    bool isSigned = true; // false: an empty signature field, which pdfsig lists too

    bool signatureValid() const;
    bool certificateTrusted() const;
};

struct PdfsigReport
{
    bool opened = false; // pdfsig read the file (false: damaged, locked, not a PDF)
    std::vector<PdfsigSignature> signatures;
    QString output; // all that pdfsig printed, for failure messages
};

// An NSS database in a directory of its own, for poppler's pdfsig: the roots it trusts when
// verifying, and the keys it signs with. pdfsig validates certificates at the current time.
// Its -no-ocsp switch is not used: poppler 22.12 then fails every certificate ("Unknown issue"),
// and certificates without an OCSP address are never looked up anyway. NSS names certificates
// by subject: keys whose certificates share a subject need databases of their own.
class PdfsigNssDatabase
{
public:
    // Creates the database in `directory` (which exists and is empty), trusting each of
    // `trustedRootsDer` to issue signing certificates. Throws std::runtime_error.
    explicit PdfsigNssDatabase(const QString& directory,
                               const QList<QByteArray>& trustedRootsDer = {});

    // Imports a signer's certificate and RSA key (PEM) under `nickname`.
    void addSigningKey(const QString& nickname, const QByteArray& certificateDer,
                       const QByteArray& privateKeyPem) const;

    // pdfsig -add-signature: appends an invisible adbe.pkcs7.detached signature of `nickname`
    // to `in` as an incremental update and writes `out`. Throws std::runtime_error.
    void addSignature(const QString& in, const QString& out, const QString& nickname) const;
    // pdfsig -sign: signs the existing empty signature field `field` likewise.
    void signField(const QString& in, const QString& out, const QString& nickname,
                   const QString& field) const;

    PdfsigReport verify(const QString& pdfPath) const;

private:
    QString nssDirectory() const;

    QString directory_;
};

// The short form for checking SoHoa's own signatures: a database of its own trusting one root,
// and pdfsig's report on PDF bytes as one block of text per signature ("Signature #n:").
class Pdfsig
{
public:
    explicit Pdfsig(const QByteArray& trustedRootDer);
    QStringList verify(const QByteArray& pdf) const;

private:
    QTemporaryDir dir_;
    PdfsigNssDatabase database_;
};

} // namespace sohoa::testing
