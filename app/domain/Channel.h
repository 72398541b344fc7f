// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::domain {

// How the dossier reached the agency (kênh thực hiện). The values are the national
// KenhThucHien codes of the portal's sync service and must not change.
enum class Channel
{
    Counter = 1,
    Online = 2,
    Post = 3
};

// The national KenhThucHien code, 1..3.
constexpr int nationalCode(Channel channel)
{
    return static_cast<int>(channel);
}
std::optional<Channel> channelFromNationalCode(int code);

// Stable names for storage: "counter", "online", "post".
QString channelToString(Channel channel);
std::optional<Channel> channelFromString(QStringView name);

} // namespace sohoa::domain
