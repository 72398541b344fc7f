// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

namespace sohoa::hub {

// The private PostgreSQL 15 cluster of a `sohoa-hub --dev DIR`: made with initdb under DIR/pg
// on first start, started with pg_ctl on a loopback port, password-protected (SCRAM), with the
// hub's database created. PostgreSQL refuses to run as root, and CI runs as root: then the
// cluster belongs to the `postgres` user and its commands run through runuser. Ports and the
// password are kept in DIR/hub-dev.json, so a restarted hub (or one killed with -9) comes back
// at the same address with the same data.
class DevCluster
{
public:
    // Throws std::runtime_error saying what failed (and where PostgreSQL's log is).
    static std::unique_ptr<DevCluster> start(const std::string& directory);
    // Stops the cluster: it belongs to this dev hub alone.
    ~DevCluster();
    DevCluster(const DevCluster&) = delete;
    DevCluster& operator=(const DevCluster&) = delete;

    std::string conninfo() const { return conninfo_; }
    int hubPort() const { return hubPort_; }

    // The connection string of the dev hub in `directory`, for admin commands; throws
    // std::runtime_error when no dev hub was ever started there.
    static std::string conninfoOf(const std::string& directory);

private:
    DevCluster(std::string dataDirectory, std::string conninfo, int hubPort);

    std::string dataDirectory_;
    std::string conninfo_;
    int hubPort_;
};

} // namespace sohoa::hub
