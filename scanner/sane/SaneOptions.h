// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading and writing the options of an open SANE device by their well-known names, with
// their types (INT, FIXED, BOOL, STRING, BUTTON) and constraints (range, word list, string
// list). Descriptors are looked up afresh for every access, since setting one option may
// reload the others. Internal to the SANE driver.

#include <optional>
#include <sane/sane.h>
#include <string>
#include <string_view>
#include <vector>

namespace sohoa::scanner::sane {

struct NumberRange
{
    double min = 0.0;
    double max = 0.0;
    double step = 0.0; // 0: any value
};

// One option's descriptor, valid until the next option is set.
struct OptionInfo
{
    SANE_Int index = 0;
    const SANE_Option_Descriptor* desc = nullptr;

    std::string name() const;
    bool isActive() const noexcept;
    bool isSettable() const noexcept; // active and software-settable
    bool isNumeric() const noexcept;  // INT or FIXED
    int valueCount() const noexcept;  // words in the value (arrays: more than 1)

    std::vector<std::string> stringChoices() const; // STRING_LIST constraint
    std::vector<double> numberChoices() const;      // WORD_LIST constraint
    std::optional<NumberRange> numberRange() const; // RANGE constraint
    // "one of: a, b", "from 1 to 1200 in steps of 1", or "any value", for error messages.
    std::string describeConstraint() const;
};

// The allowed value nearest to `value` (range: clamped and quantised; list: nearest entry;
// INT options: whole numbers).
double snapToConstraint(const OptionInfo& option, double value);

SANE_Fixed toFixed(double value) noexcept;
double fromFixed(SANE_Fixed value) noexcept;

class SaneOptions
{
public:
    SaneOptions(SANE_Handle handle, std::string deviceId);

    std::optional<OptionInfo> find(std::string_view name) const;
    // Only when the option exists, is active and can be set.
    std::optional<OptionInfo> findSettable(std::string_view name) const;

    std::optional<std::string> getString(std::string_view name) const;
    std::optional<double> getNumber(std::string_view name) const; // INT, FIXED or BOOL

    // Set exactly this value; throw ScanError(Invalid) when the device refuses it.
    void setString(std::string_view name, const std::string& value);
    void setNumber(std::string_view name, double value); // arrays: every element
    void setBool(std::string_view name, bool value);

    // A NAME=VALUE given by a person: converted to the option's type and checked against its
    // constraint; anything unknown, inactive or out of range is ScanError(Invalid) with a
    // message naming the allowed values.
    void applyRaw(std::string_view name, std::string_view value);

private:
    OptionInfo require(std::string_view name) const;
    void control(const OptionInfo& option, void* value, std::string_view shownValue);

    SANE_Handle handle_;
    std::string deviceId_;
};

} // namespace sohoa::scanner::sane
