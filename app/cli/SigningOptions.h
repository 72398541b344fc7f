// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/DigestSigner.h"
#include "storage/Store.h"
#include "usecases/PdfSigner.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <memory>

namespace sohoa::cli {

// The options of every command that signs (sign, digitize --sign): which token and certificate,
// the PIN's source, the time-stamp server, the stamp's agency name and font, or the demo key.
class SigningOptions
{
public:
    SigningOptions();
    QList<QCommandLineOption> all() const;

    // With no --tsa, the province's time-stamp server when `store` has one (pushed settings).
    usecases::SigningSettings settings(const QCommandLineParser& parser,
                                       storage::Store* store) const;
    // A --tsa value as a URL; a usage error when it is not one.
    static QUrl timestampServer(const QString& value);
    // The signer for one batch (the PIN is asked here, once): the officer's token; with no
    // token plugged in (and none named), the store's demo identity when a store is open.
    std::unique_ptr<signing::DigestSigner>
    signer(const QCommandLineParser& parser, storage::Store* store, const QString& officerId) const;

private:
    QCommandLineOption module_;
    QCommandLineOption token_;
    QCommandLineOption certId_;
    QCommandLineOption pinEnv_;
    QCommandLineOption tsa_;
    QCommandLineOption agency_;
    QCommandLineOption font_;
    QCommandLineOption demo_;
};

} // namespace sohoa::cli
