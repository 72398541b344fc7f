// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/OfficerToken.h"

#include "domain/UserError.h"
#include "signing/Pkcs11Module.h"
#include "signing/Pkcs11ModuleLocator.h"
#include "signing/TokenDirectory.h"
#include "signing/TokenKeySigner.h"

namespace sohoa::usecases {

std::optional<LocatedToken> OfficerToken::locate(const TokenChoice& choice)
{
    std::vector<LocatedToken> found;
    for (const signing::ModuleCandidate& candidate :
         signing::Pkcs11ModuleLocator::candidates(choice.modulePaths)) {
        // A module the officer named replaces the search: the same token seen through another
        // module (p11-kit's) must not count as a second token.
        if (!choice.modulePaths.isEmpty() &&
            candidate.source != signing::ModuleCandidate::Source::Configured)
            continue;
        std::shared_ptr<const signing::Pkcs11Module> module;
        std::vector<signing::TokenInfo> tokens;
        try {
            module = std::make_shared<const signing::Pkcs11Module>(candidate.path);
            tokens = signing::TokenDirectory::presentTokens(*module);
        } catch (const UserError&) {
            // A registered module of some other device may fail; one the officer named may not.
            if (candidate.source == signing::ModuleCandidate::Source::Configured)
                throw;
            continue;
        }
        for (const signing::TokenInfo& token : tokens)
            if (choice.tokenLabel.isEmpty() || token.label == choice.tokenLabel)
                found.push_back(LocatedToken{module, token});
    }
    if (found.size() > 1) {
        QStringList labels;
        for (const LocatedToken& located : found)
            labels.append(located.token.label);
        throw UserError(ErrorKind::InvalidInput,
                        tr("Several signing tokens are plugged in (%1): choose one with --token.")
                            .arg(labels.join(QStringLiteral(", "))));
    }
    if (found.empty()) {
        if (!choice.tokenLabel.isEmpty())
            throw UserError(ErrorKind::NotFound,
                            tr("The signing token \"%1\" is not plugged in: plug it in and try "
                               "again.")
                                .arg(choice.tokenLabel));
        if (!choice.modulePaths.isEmpty())
            throw UserError(ErrorKind::NotFound,
                            tr("No signing token is plugged in: plug in your USB token and try "
                               "again."));
        return std::nullopt;
    }
    return found.front();
}

std::unique_ptr<signing::TokenKeySigner>
OfficerToken::open(const LocatedToken& located, const TokenChoice& choice, storage::SecureBytes pin)
{
    return std::make_unique<signing::TokenKeySigner>(located.module, located.token.slotId,
                                                     std::move(pin), choice.certificateId);
}

} // namespace sohoa::usecases
