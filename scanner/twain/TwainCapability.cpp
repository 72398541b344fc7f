// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/TwainCapability.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sohoa::scanner::twain {

namespace {

// Bytes one item of `itemType` takes in an enumeration's list; 0 for types SoHoa skips.
std::size_t itemSize(TW_UINT16 itemType) noexcept
{
    switch (itemType) {
    case TWTY_INT8:
    case TWTY_UINT8:
        return 1;
    case TWTY_INT16:
    case TWTY_UINT16:
    case TWTY_BOOL:
        return 2;
    case TWTY_INT32:
    case TWTY_UINT32:
    case TWTY_FIX32:
        return 4;
    default:
        return 0;
    }
}

// Reads one item at `at`, sign-extending signed types into the 32 bits.
TW_UINT32 readItem(TW_UINT16 itemType, const std::uint8_t* at) noexcept
{
    switch (itemSize(itemType)) {
    case 1: {
        if (itemType == TWTY_INT8) {
            return static_cast<TW_UINT32>(static_cast<std::int32_t>(static_cast<std::int8_t>(*at)));
        }
        return *at;
    }
    case 2: {
        std::uint16_t v = 0;
        std::memcpy(&v, at, sizeof v);
        if (itemType == TWTY_INT16) {
            return static_cast<TW_UINT32>(static_cast<std::int32_t>(static_cast<std::int16_t>(v)));
        }
        return v;
    }
    default: {
        std::uint32_t v = 0;
        std::memcpy(&v, at, sizeof v);
        return v;
    }
    }
}

} // namespace

double toDouble(TW_FIX32 value) noexcept
{
    return static_cast<double>(value.Whole) + static_cast<double>(value.Frac) / 65536.0;
}

TW_FIX32 toFix32(double value) noexcept
{
    // The specification's rounding: to the nearest 1/65536, as one signed 16.16 number.
    const auto bits = static_cast<std::int32_t>(std::lround(value * 65536.0));
    return TW_FIX32{static_cast<TW_INT16>(bits >> 16), static_cast<TW_UINT16>(bits & 0xffff)};
}

TW_UINT32 fix32Bits(TW_FIX32 value) noexcept
{
    TW_UINT32 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

TW_FIX32 fix32FromBits(TW_UINT32 bits) noexcept
{
    TW_FIX32 value{};
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

double CapabilityValues::toNumber(TW_UINT32 item) const noexcept
{
    if (itemType == TWTY_FIX32) {
        return toDouble(fix32FromBits(item));
    }
    if (itemType == TWTY_INT8 || itemType == TWTY_INT16 || itemType == TWTY_INT32) {
        return static_cast<double>(static_cast<std::int32_t>(item));
    }
    return static_cast<double>(item);
}

ResolutionSet CapabilityValues::toResolutionSet() const
{
    ResolutionSet set;
    if (isRange) {
        set.min = toNumber(min);
        set.max = toNumber(max);
        set.step = toNumber(step);
        return set;
    }
    for (const TW_UINT32 item : items) {
        set.values.push_back(toNumber(item));
    }
    std::sort(set.values.begin(), set.values.end());
    set.values.erase(std::unique(set.values.begin(), set.values.end()), set.values.end());
    return set;
}

std::optional<CapabilityValues> decodeContainer(TW_UINT16 conType, const void* container)
{
    const auto* bytes = static_cast<const std::uint8_t*>(container);
    CapabilityValues out;
    if (conType == TWON_ONEVALUE) {
        TW_ONEVALUE one{};
        std::memcpy(&one, bytes, sizeof one);
        if (itemSize(one.ItemType) == 0) {
            return std::nullopt;
        }
        out.itemType = one.ItemType;
        out.current = readItem(one.ItemType, bytes + offsetof(TW_ONEVALUE, Item));
        out.items.push_back(out.current);
        return out;
    }
    if (conType == TWON_ENUMERATION) {
        TW_ENUMERATION head{};
        std::memcpy(&head, bytes, offsetof(TW_ENUMERATION, ItemList));
        const std::size_t size = itemSize(head.ItemType);
        if (size == 0) {
            return std::nullopt;
        }
        out.itemType = head.ItemType;
        const std::uint8_t* list = bytes + offsetof(TW_ENUMERATION, ItemList);
        for (TW_UINT32 i = 0; i < head.NumItems; ++i) {
            out.items.push_back(readItem(head.ItemType, list + i * size));
        }
        if (head.CurrentIndex < head.NumItems) {
            out.current = out.items[head.CurrentIndex];
        }
        return out;
    }
    if (conType == TWON_RANGE) {
        TW_RANGE range{};
        std::memcpy(&range, bytes, sizeof range);
        if (itemSize(range.ItemType) == 0) {
            return std::nullopt;
        }
        out.itemType = range.ItemType;
        out.isRange = true;
        out.min = range.MinValue;
        out.max = range.MaxValue;
        out.step = range.StepSize;
        out.current = range.CurrentValue;
        return out;
    }
    return std::nullopt;
}

void encodeOneValue(void* container, TW_UINT16 itemType, TW_UINT32 value) noexcept
{
    auto* bytes = static_cast<std::uint8_t*>(container);
    std::memset(bytes, 0, sizeof(TW_ONEVALUE));
    std::memcpy(bytes, &itemType, sizeof itemType);
    std::uint8_t* item = bytes + offsetof(TW_ONEVALUE, Item);
    if (itemSize(itemType) == 2) {
        const auto narrow = static_cast<std::uint16_t>(value);
        std::memcpy(item, &narrow, sizeof narrow);
    } else if (itemSize(itemType) == 1) {
        *item = static_cast<std::uint8_t>(value);
    } else {
        std::memcpy(item, &value, sizeof value);
    }
}

double snapToSet(const ResolutionSet& set, double wanted) noexcept
{
    if (!set.values.empty()) {
        return *std::min_element(set.values.begin(), set.values.end(), [&](double a, double b) {
            return std::abs(a - wanted) < std::abs(b - wanted);
        });
    }
    if (set.isRange()) {
        double value = std::clamp(wanted, set.min, set.max);
        if (set.step > 0.0) {
            value = set.min + std::round((value - set.min) / set.step) * set.step;
            value = std::min(value, set.max);
        }
        return value;
    }
    return wanted;
}

} // namespace sohoa::scanner::twain
