// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SigningOptions.h"

#include "cli/CliContext.h"
#include "cli/PinPrompt.h"
#include "domain/UserError.h"
#include "signing/TokenKeySigner.h"
#include "usecases/DemoSigning.h"
#include "usecases/OfficerToken.h"
#include "usecases/ProvinceSettings.h"

#include <QUrl>

namespace sohoa::cli {

SigningOptions::SigningOptions()
    : module_(QStringLiteral("module"),
              CliContext::tr("PKCS#11 module of the token (repeatable; default: the modules "
                             "registered with p11-kit)."),
              QStringLiteral("PATH")),
      token_(QStringLiteral("token"), CliContext::tr("Label of the token to sign with."),
             QStringLiteral("LABEL")),
      certId_(QStringLiteral("cert-id"),
              CliContext::tr("CKA_ID of the signing certificate, in hex (default: the only "
                             "valid signing certificate)."),
              QStringLiteral("HEX")),
      pinEnv_(QStringLiteral("pin-env"),
              CliContext::tr("Read the token PIN from this environment variable instead of "
                             "asking."),
              QStringLiteral("VAR")),
      tsa_(QStringLiteral("tsa"),
           CliContext::tr("RFC 3161 time-stamp server; when it cannot be reached the file is "
                          "signed without and queued."),
           QStringLiteral("URL")),
      agency_(QStringLiteral("agency"),
              CliContext::tr("Agency name on the stamp (default: the certificate's "
                             "organization)."),
              QStringLiteral("NAME")),
      font_(QStringLiteral("font"),
            CliContext::tr("TrueType font of the stamp (default: Liberation Serif)."),
            QStringLiteral("FILE")),
      demo_(QStringLiteral("demo"),
            CliContext::tr("Sign with the store's demo key: a test signature without legal "
                           "value."))
{
}

QList<QCommandLineOption> SigningOptions::all() const
{
    return {module_, token_, certId_, pinEnv_, tsa_, agency_, font_, demo_};
}

usecases::SigningSettings SigningOptions::settings(const QCommandLineParser& parser,
                                                   storage::Store* store) const
{
    usecases::SigningSettings settings;
    settings.agencyName = parser.value(agency_);
    settings.fontFile = parser.value(font_);
    if (parser.isSet(tsa_))
        settings.timestampServer = timestampServer(parser.value(tsa_));
    else if (store != nullptr)
        settings.timestampServer = usecases::ProvinceSettings::tsaUrl(*store);
    return settings;
}

QUrl SigningOptions::timestampServer(const QString& value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        CliContext::usageError(CliContext::tr("--tsa needs a URL such as "
                                              "http://timestamp.example.vn/tsa."));
    return url;
}

std::unique_ptr<signing::DigestSigner> SigningOptions::signer(const QCommandLineParser& parser,
                                                              storage::Store* store,
                                                              const QString& officerId) const
{
    if (!parser.isSet(demo_)) {
        usecases::TokenChoice choice;
        choice.modulePaths = parser.values(module_);
        choice.tokenLabel = parser.value(token_);
        choice.certificateId = QByteArray::fromHex(parser.value(certId_).toLatin1());
        if (const auto located = usecases::OfficerToken::locate(choice)) {
            storage::SecureBytes pin;
            if (!located->token.protectedAuthenticationPath)
                pin = readPin(parser.value(pinEnv_), located->token.label);
            return usecases::OfficerToken::open(*located, choice, std::move(pin));
        }
    }
    if (!store)
        throw UserError(ErrorKind::NotFound,
                        CliContext::tr("No signing token is plugged in: plug in your USB token, "
                                       "or sign with the demo key (--demo --store PATH)."));
    if (!parser.isSet(demo_))
        CliContext::printError(CliContext::tr("No signing token is plugged in: signing with the "
                                              "demo key (test signature, no legal value)."));
    return usecases::demoSigner(*store, officerId, parser.value(agency_));
}

} // namespace sohoa::cli
