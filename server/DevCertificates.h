// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace sohoa::hub {

// Where a dev hub's TLS files are.
struct TlsFiles
{
    std::string caCertificate; // PEM; what clients trust (`--ca-file`)
    std::string certificate;   // PEM; the hub's, issued by the CA, for 127.0.0.1 and localhost
    std::string privateKey;    // PEM, mode 0600
};

// The certificates of a `--dev` hub: a private CA (P-256, ten years) and a server certificate
// it issues (two years), made once in `directory` and reused, so a client that trusts
// hub-ca.pem keeps trusting the hub across restarts. A production hub uses the province's.
class DevCertificates
{
public:
    // Throws std::runtime_error when the files cannot be made or written.
    static TlsFiles ensure(const std::string& directory);
};

} // namespace sohoa::hub
