// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubLifecycle.h"

#include <utility>

namespace sohoa::hub {

namespace {

using Rule = HubLifecycle::Rule;

// Row for row app/domain/DossierLifecycle.cpp's kRules (see the header).
constexpr Rule kRules[] = {
    {"draft", "capture", "captured"},
    {"captured", "sign", "signed"},
    {"signed", "submit_for_review", "awaiting_review"},
    {"awaiting_review", "approve", "approved"},
    {"approved", "mark_synced", "synced"},
    {"synced", "return_result", "result_returned"},

    {"captured", "reopen_capture", "draft"},
    {"signed", "reopen_capture", "draft"},

    {"awaiting_review", "return_to_officer", "returned"},
    {"returned", "revise_after_return", "draft"},

    {"draft", "request_supplement", "supplement_requested"},
    {"captured", "request_supplement", "supplement_requested"},
    {"signed", "request_supplement", "supplement_requested"},
    {"awaiting_review", "request_supplement", "supplement_requested"},
    {"returned", "request_supplement", "supplement_requested"},
    {"synced", "request_supplement", "supplement_requested"},
    {"supplement_requested", "resume_after_supplement", "draft"},

    {"draft", "withdraw", "withdrawn"},
    {"captured", "withdraw", "withdrawn"},
    {"signed", "withdraw", "withdrawn"},
    {"awaiting_review", "withdraw", "withdrawn"},
    {"returned", "withdraw", "withdrawn"},
    {"approved", "withdraw", "withdrawn"},
    {"synced", "withdraw", "withdrawn"},
    {"supplement_requested", "withdraw", "withdrawn"},
};

// DossierLifecycle::nationalStatus(), state by state.
constexpr std::pair<const char*, int> kNationalStatus[] = {
    {"draft", 2},     {"captured", 2},
    {"signed", 2},    {"awaiting_review", 2},
    {"returned", 2},  {"approved", 2},
    {"synced", 4},    {"result_returned", 10},
    {"withdrawn", 7}, {"supplement_requested", 5},
};

} // namespace

std::span<const HubLifecycle::Rule> HubLifecycle::rules()
{
    return kRules;
}

std::optional<QString> HubLifecycle::next(const QString& from, const QString& transition)
{
    for (const Rule& rule : kRules)
        if (from == QLatin1String(rule.from) && transition == QLatin1String(rule.transition))
            return QString::fromLatin1(rule.to);
    return std::nullopt;
}

std::optional<int> HubLifecycle::nationalStatus(const QString& state)
{
    for (const auto& [name, status] : kNationalStatus)
        if (state == QLatin1String(name))
            return status;
    return std::nullopt;
}

} // namespace sohoa::hub
