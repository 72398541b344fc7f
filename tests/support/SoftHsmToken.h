// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace sohoa::testing {

// A fresh SoftHSM2 token in a test's directory, filled through the real tools (softhsm2-util,
// pkcs11-tool). Points this process's SOFTHSM2_CONF at its configuration, so a PKCS#11 module
// loaded afterwards in process sees the token. Failures of the tools throw std::runtime_error.
class SoftHsmToken
{
public:
    // Writes `directory`/softhsm2.conf with the token store inside `directory`, then initializes
    // a token labelled `label`.
    explicit SoftHsmToken(const QString& directory,
                          const QString& label = QStringLiteral("SoHoa Test Token"));

    static QString modulePath() { return QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"); }
    const QString& label() const { return label_; }
    QByteArray userPin() const { return QByteArrayLiteral("123456"); }
    QByteArray soPin() const { return QByteArrayLiteral("12345678"); }
    // The environment for child tools: SOFTHSM2_CONF set.
    const QProcessEnvironment& environment() const { return environment_; }

    // Generates a key pair on the token (`keyType`: "rsa:2048", "EC:prime256v1"...) with CKA_ID
    // `id` and returns its public key as SubjectPublicKeyInfo DER.
    QByteArray generateKeyPair(const QByteArray& id, const QString& keyLabel,
                               const QString& keyType) const;
    // Stores a DER X.509 certificate on the token with CKA_ID `id`.
    void storeCertificate(const QByteArray& id, const QString& certificateLabel,
                          const QByteArray& der) const;

private:
    QByteArray runPkcs11Tool(const QStringList& arguments) const;

    QString directory_;
    QString label_;
    QProcessEnvironment environment_;
};

} // namespace sohoa::testing
