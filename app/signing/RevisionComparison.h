// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QByteArray>

namespace sohoa::signing {

// Decides what the incremental updates after a signed revision change, by opening both
// revisions with qpdf and comparing every object either of them reaches, object by object.
//
// Further signatures may: add signature fields (/FT /Sig) that hold a value (a /Sig or
// /DocTimeStamp dictionary), with their widgets and appearance streams; give an empty signature
// field its value, appearance and date (/V, /AP, /AS, /MK, /DA, /M); grow the AcroForm's
// /Fields and pages' /Annots by such fields only; set /SigFlags, /DA and the form's default
// resources /DR (fonts for the appearances); add /AcroForm to the catalog. Anything else is
// another modification: an empty signature field added or given an appearance (it could draw
// anything), a changed trailer entry such as /Info, an object that disappears, or a reference
// that starts to lead somewhere.
class RevisionComparison
{
public:
    // `signedRevision`: the file cut at the end of the signature's byte range; `current`: the
    // whole file. Unknown when qpdf cannot read either.
    static ChangesAfterSigning changesAfter(const QByteArray& signedRevision,
                                            const QByteArray& current);
};

} // namespace sohoa::signing
