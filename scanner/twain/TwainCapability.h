// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading and writing TWAIN capability containers (TW_ONEVALUE, TW_ENUMERATION, TW_RANGE),
// and TW_FIX32 numbers.

#include "scanner/ScanTypes.h"
#include "scanner/twain/TwainTypes.h"

#include <optional>
#include <vector>

namespace sohoa::scanner::twain {

double toDouble(TW_FIX32 value) noexcept;
TW_FIX32 toFix32(double value) noexcept;
// A TW_FIX32 stored in a container's 32-bit item, and back.
TW_UINT32 fix32Bits(TW_FIX32 value) noexcept;
TW_FIX32 fix32FromBits(TW_UINT32 bits) noexcept;

// What a source answered to MSG_GET, item values widened to 32 bits (a TW_FIX32 keeps its
// bits; read it with fix32FromBits).
struct CapabilityValues
{
    TW_UINT16 itemType = 0;
    TW_UINT32 current = 0;
    std::vector<TW_UINT32> items; // ONEVALUE: the value; ENUMERATION: the list; RANGE: empty
    bool isRange = false;
    TW_UINT32 min = 0;
    TW_UINT32 max = 0;
    TW_UINT32 step = 0;

    // The values as numbers (FIX32 items converted).
    double toNumber(TW_UINT32 item) const noexcept;
    // As a ResolutionSet (for resolutions).
    ResolutionSet toResolutionSet() const;
};

// Decodes a locked container of type `conType` (a TWON_ value). nullopt for container or item
// types SoHoa does not read (arrays, strings, frames).
std::optional<CapabilityValues> decodeContainer(TW_UINT16 conType, const void* container);

// Writes a TW_ONEVALUE holding `value` of `itemType` (narrow types in the first bytes).
void encodeOneValue(void* container, TW_UINT16 itemType, TW_UINT32 value) noexcept;

// The allowed value nearest to `wanted`: a list's nearest entry, a range's value clamped and
// rounded to its step. An empty set gives `wanted` back.
double snapToSet(const ResolutionSet& set, double wanted) noexcept;

} // namespace sohoa::scanner::twain
