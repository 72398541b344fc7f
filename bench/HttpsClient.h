// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <httplib.h>
#include <memory>
#include <string>

namespace sohoa::bench {

// A kept-alive HTTPS connection to a benchmarked server that checks its certificate against
// the private CA in `caFile`, as a workstation does.
inline std::shared_ptr<httplib::SSLClient> httpsClient(const std::string& host, int port,
                                                       const std::string& caFile)
{
    auto client = std::make_shared<httplib::SSLClient>(host, port);
    client->set_ca_cert_path(caFile.c_str());
    client->enable_server_certificate_verification(true);
    client->set_keep_alive(true);
    return client;
}

} // namespace sohoa::bench
