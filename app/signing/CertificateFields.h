// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QDateTime>
#include <openssl/x509.h>

namespace sohoa::signing {

// The first `nid` entry (e.g. NID_commonName) of a name, as text; empty when absent.
QString nameEntry(const X509_NAME* name, int nid);
// The serial number in upper-case hexadecimal.
QString serialNumberOf(const X509* certificate);
// UTC; invalid when `time` is null or unreadable. Also takes an ASN1_GENERALIZEDTIME.
QDateTime dateTimeOf(const ASN1_TIME* time);

// Who a certificate names and who issued it, for the report; empty for a null certificate.
SignerCertificate describeCertificate(X509* certificate);

} // namespace sohoa::signing
