// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/SrgbOutputIntent.h"

#include "pdf/PdfObjectWriter.h"
#include "pdf/PdfSyntax.h"

#include <QColorSpace>
#include <stdexcept>

namespace sohoa::pdf {

int writeSrgbOutputIntent(PdfObjectWriter& writer)
{
    // Qt computes the profile from the sRGB primaries and transfer function: no profile file
    // has to be shipped or found on the machine.
    const QByteArray profile = QColorSpace(QColorSpace::SRgb).iccProfile();
    if (profile.isEmpty())
        throw std::runtime_error("Qt produced no sRGB ICC profile");
    const int profileObject = writer.reserve();
    writer.writeStream(profileObject, "/N 3 /Filter /FlateDecode", syntax::flate(profile));
    const int intentObject = writer.reserve();
    const QByteArray name = syntax::textString(QStringLiteral("sRGB IEC61966-2.1"));
    writer.writeObject(intentObject, "<< /Type /OutputIntent /S /GTS_PDFA1 "
                                     "/OutputConditionIdentifier " +
                                         name + " /Info " + name + " /DestOutputProfile " +
                                         syntax::reference(profileObject) + " >>");
    return intentObject;
}

} // namespace sohoa::pdf
