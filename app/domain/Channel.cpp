// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Channel.h"

namespace sohoa::domain {

namespace {
constexpr Channel kAllChannels[] = {Channel::Counter, Channel::Online, Channel::Post};
}

std::optional<Channel> channelFromNationalCode(int code)
{
    for (Channel channel : kAllChannels) {
        if (nationalCode(channel) == code)
            return channel;
    }
    return std::nullopt;
}

QString channelToString(Channel channel)
{
    switch (channel) {
    case Channel::Counter:
        return QStringLiteral("counter");
    case Channel::Online:
        return QStringLiteral("online");
    case Channel::Post:
        return QStringLiteral("post");
    }
    return {};
}

std::optional<Channel> channelFromString(QStringView name)
{
    for (Channel channel : kAllChannels) {
        if (name == channelToString(channel))
            return channel;
    }
    return std::nullopt;
}

} // namespace sohoa::domain
