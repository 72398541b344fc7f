// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QCoreApplication>

namespace sohoa::signing {

// The verdicts drawn from a signature's checked facts, and the one-line messages that tell the
// officer what they mean and what to do.
class SignatureVerdicts
{
    Q_DECLARE_TR_FUNCTIONS(SignatureVerdicts)

public:
    // The first of Invalid, Modified, Indeterminate that applies, else Valid.
    static SignatureVerdict of(const SignatureReport& report);
    // The worst verdict of the signatures; Unsigned when there is none.
    static DocumentVerdict of(const std::vector<SignatureReport>& signatures);

    static QString message(const SignatureReport& report);
    static QString message(const DocumentSignatureReport& document);
};

} // namespace sohoa::signing
