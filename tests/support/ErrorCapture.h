// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

namespace sohoa::testing {

// The exception of type E that `action` throws, or nullopt when it throws none.
template <typename E, typename Action> std::optional<E> thrownBy(Action&& action)
{
    try {
        action();
    } catch (const E& error) {
        return error;
    }
    return std::nullopt;
}

} // namespace sohoa::testing
