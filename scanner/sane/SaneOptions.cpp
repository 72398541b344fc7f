// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneOptions.h"

#include "scanner/ScanError.h"
#include "scanner/sane/OptionValueParser.h"
#include "scanner/sane/SaneNames.h"
#include "scanner/sane/SaneStatus.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <utility>

namespace sohoa::scanner::sane {

namespace {

constexpr double kFixedScale = 65536.0; // SANE_FIXED_SCALE_SHIFT = 16

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

double wordToNumber(const SANE_Option_Descriptor& desc, SANE_Word word) noexcept
{
    return desc.type == SANE_TYPE_FIXED ? fromFixed(word) : static_cast<double>(word);
}

std::optional<SANE_Word> numberToWord(const SANE_Option_Descriptor& desc, double value) noexcept
{
    const double raw =
        desc.type == SANE_TYPE_FIXED ? std::round(value * kFixedScale) : std::round(value);
    if (!std::isfinite(raw) || raw < static_cast<double>(std::numeric_limits<SANE_Word>::min()) ||
        raw > static_cast<double>(std::numeric_limits<SANE_Word>::max())) {
        return std::nullopt;
    }
    return static_cast<SANE_Word>(raw);
}

// Is `value` allowed by the option's constraint? Word-list entries match exactly as words.
bool allowed(const OptionInfo& option, SANE_Word word)
{
    const SANE_Option_Descriptor& desc = *option.desc;
    switch (desc.constraint_type) {
    case SANE_CONSTRAINT_RANGE: {
        const SANE_Range* range = desc.constraint.range;
        return range == nullptr || (word >= range->min && word <= range->max);
    }
    case SANE_CONSTRAINT_WORD_LIST: {
        const SANE_Word* list = desc.constraint.word_list;
        if (list == nullptr) {
            return true;
        }
        for (SANE_Word i = 1; i <= list[0]; ++i) {
            if (list[i] == word) {
                return true;
            }
        }
        return false;
    }
    case SANE_CONSTRAINT_NONE:
    case SANE_CONSTRAINT_STRING_LIST:
        break;
    }
    return true;
}

// The word of a FIXED word-list entry a person meant by a decimal ("12.1" for 12.09999).
SANE_Word nearestListWord(const OptionInfo& option, double value, SANE_Word fallback)
{
    const SANE_Option_Descriptor& desc = *option.desc;
    if (desc.type != SANE_TYPE_FIXED || desc.constraint_type != SANE_CONSTRAINT_WORD_LIST ||
        desc.constraint.word_list == nullptr) {
        return fallback;
    }
    const SANE_Word* list = desc.constraint.word_list;
    for (SANE_Word i = 1; i <= list[0]; ++i) {
        if (std::abs(fromFixed(list[i]) - value) < 0.0005) {
            return list[i];
        }
    }
    return fallback;
}

} // namespace

SANE_Fixed toFixed(double value) noexcept
{
    return static_cast<SANE_Fixed>(std::lround(value * kFixedScale));
}

double fromFixed(SANE_Fixed value) noexcept
{
    return static_cast<double>(value) / kFixedScale;
}

std::string OptionInfo::name() const
{
    return desc != nullptr && desc->name != nullptr ? std::string(desc->name) : std::string();
}

bool OptionInfo::isActive() const noexcept
{
    return desc != nullptr && (desc->cap & SANE_CAP_INACTIVE) == 0;
}

bool OptionInfo::isSettable() const noexcept
{
    return isActive() && (desc->cap & SANE_CAP_SOFT_SELECT) != 0;
}

bool OptionInfo::isNumeric() const noexcept
{
    return desc != nullptr && (desc->type == SANE_TYPE_INT || desc->type == SANE_TYPE_FIXED);
}

int OptionInfo::valueCount() const noexcept
{
    if (desc == nullptr || desc->size <= 0) {
        return 0;
    }
    return std::max(1, desc->size / static_cast<int>(sizeof(SANE_Word)));
}

std::vector<std::string> OptionInfo::stringChoices() const
{
    std::vector<std::string> out;
    if (desc != nullptr && desc->constraint_type == SANE_CONSTRAINT_STRING_LIST &&
        desc->constraint.string_list != nullptr) {
        for (const SANE_String_Const* s = desc->constraint.string_list; *s != nullptr; ++s) {
            out.emplace_back(*s);
        }
    }
    return out;
}

std::vector<double> OptionInfo::numberChoices() const
{
    std::vector<double> out;
    if (desc != nullptr && desc->constraint_type == SANE_CONSTRAINT_WORD_LIST &&
        desc->constraint.word_list != nullptr) {
        const SANE_Word* list = desc->constraint.word_list;
        for (SANE_Word i = 1; i <= list[0]; ++i) {
            out.push_back(wordToNumber(*desc, list[i]));
        }
    }
    return out;
}

std::optional<NumberRange> OptionInfo::numberRange() const
{
    if (desc == nullptr || desc->constraint_type != SANE_CONSTRAINT_RANGE ||
        desc->constraint.range == nullptr) {
        return std::nullopt;
    }
    const SANE_Range& r = *desc->constraint.range;
    return NumberRange{wordToNumber(*desc, r.min), wordToNumber(*desc, r.max),
                       wordToNumber(*desc, r.quant)};
}

std::string OptionInfo::describeConstraint() const
{
    if (desc == nullptr) {
        return "any value";
    }
    if (desc->type == SANE_TYPE_BOOL) {
        return "yes or no";
    }
    std::string out;
    const auto join = [&out](const auto& items, auto format) {
        out = "one of: ";
        bool first = true;
        for (const auto& item : items) {
            out += first ? "" : ", ";
            out += format(item);
            first = false;
        }
    };
    switch (desc->constraint_type) {
    case SANE_CONSTRAINT_STRING_LIST:
        join(stringChoices(), [](const std::string& s) { return "'" + s + "'"; });
        return out;
    case SANE_CONSTRAINT_WORD_LIST:
        join(numberChoices(), formatNumber);
        return out;
    case SANE_CONSTRAINT_RANGE: {
        const NumberRange r = *numberRange();
        out = "from " + formatNumber(r.min) + " to " + formatNumber(r.max);
        if (r.step > 0.0) {
            out += " in steps of " + formatNumber(r.step);
        }
        return out;
    }
    case SANE_CONSTRAINT_NONE:
        break;
    }
    switch (desc->type) {
    case SANE_TYPE_INT:
        return "a whole number";
    case SANE_TYPE_FIXED:
        return "a number";
    case SANE_TYPE_STRING:
        return "a text of at most " + std::to_string(std::max(0, desc->size - 1)) + " characters";
    default:
        return "any value";
    }
}

double snapToConstraint(const OptionInfo& option, double value)
{
    const SANE_Option_Descriptor& desc = *option.desc;
    double snapped = value;
    if (const auto range = option.numberRange()) {
        snapped = std::clamp(value, range->min, range->max);
        if (range->step > 0.0) {
            const double steps = std::round((snapped - range->min) / range->step);
            snapped = range->min + steps * range->step;
            if (snapped > range->max) {
                snapped -= range->step;
            }
        }
    } else if (const std::vector<double> choices = option.numberChoices(); !choices.empty()) {
        snapped = choices.front();
        for (const double c : choices) {
            if (std::abs(c - value) < std::abs(snapped - value)) {
                snapped = c;
            }
        }
    }
    if (desc.type == SANE_TYPE_INT) {
        snapped = std::round(snapped);
    }
    return snapped;
}

SaneOptions::SaneOptions(SANE_Handle handle, std::string deviceId)
    : handle_(handle), deviceId_(std::move(deviceId))
{
}

std::optional<OptionInfo> SaneOptions::find(std::string_view name) const
{
    // Option 0 holds the number of options.
    if (sane_get_option_descriptor(handle_, 0) == nullptr) {
        return std::nullopt;
    }
    SANE_Int count = 0;
    if (sane_control_option(handle_, 0, SANE_ACTION_GET_VALUE, &count, nullptr) !=
        SANE_STATUS_GOOD) {
        return std::nullopt;
    }
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor* desc = sane_get_option_descriptor(handle_, i);
        if (desc != nullptr && desc->name != nullptr && desc->type != SANE_TYPE_GROUP &&
            name == desc->name) {
            return OptionInfo{i, desc};
        }
    }
    return std::nullopt;
}

std::optional<OptionInfo> SaneOptions::findSettable(std::string_view name) const
{
    std::optional<OptionInfo> option = find(name);
    if (option && !option->isSettable()) {
        return std::nullopt;
    }
    return option;
}

std::optional<std::string> SaneOptions::getString(std::string_view name) const
{
    const std::optional<OptionInfo> option = find(name);
    if (!option || !option->isActive() || option->desc->type != SANE_TYPE_STRING ||
        option->desc->size <= 0) {
        return std::nullopt;
    }
    std::vector<char> buffer(static_cast<std::size_t>(option->desc->size) + 1, '\0');
    if (sane_control_option(handle_, option->index, SANE_ACTION_GET_VALUE, buffer.data(),
                            nullptr) != SANE_STATUS_GOOD) {
        return std::nullopt;
    }
    return std::string(buffer.data());
}

std::optional<double> SaneOptions::getNumber(std::string_view name) const
{
    const std::optional<OptionInfo> option = find(name);
    if (!option || !option->isActive() ||
        (!option->isNumeric() && option->desc->type != SANE_TYPE_BOOL)) {
        return std::nullopt;
    }
    std::vector<SANE_Word> words(static_cast<std::size_t>(std::max(1, option->valueCount())), 0);
    if (sane_control_option(handle_, option->index, SANE_ACTION_GET_VALUE, words.data(), nullptr) !=
        SANE_STATUS_GOOD) {
        return std::nullopt;
    }
    return wordToNumber(*option->desc, words.front());
}

OptionInfo SaneOptions::require(std::string_view name) const
{
    const std::optional<OptionInfo> option = find(name);
    if (!option) {
        throw ScanError(ScanStatus::Invalid,
                        "scanner '" + deviceId_ + "' has no option '" + std::string(name) + "'");
    }
    if (!option->isActive()) {
        throw ScanError(ScanStatus::Invalid, "option '" + std::string(name) + "' of scanner '" +
                                                 deviceId_ +
                                                 "' is inactive with the current settings");
    }
    if (!option->isSettable()) {
        throw ScanError(ScanStatus::Invalid, "option '" + std::string(name) + "' of scanner '" +
                                                 deviceId_ + "' cannot be set");
    }
    return *option;
}

void SaneOptions::control(const OptionInfo& option, void* value, std::string_view shownValue)
{
    SANE_Int info = 0;
    const SANE_Status status =
        sane_control_option(handle_, option.index, SANE_ACTION_SET_VALUE, value, &info);
    if (status != SANE_STATUS_GOOD) {
        const std::string what = "scanner '" + deviceId_ + "' refused option '" + option.name() +
                                 "' = '" + std::string(shownValue) + "'";
        throw ScanError(status == SANE_STATUS_INVAL ? ScanStatus::Invalid : toScanStatus(status),
                        describe(status, what));
    }
}

void SaneOptions::setString(std::string_view name, const std::string& value)
{
    const OptionInfo option = require(name);
    if (option.desc->type != SANE_TYPE_STRING) {
        throw ScanError(ScanStatus::Invalid,
                        "option '" + std::string(name) + "' does not take a text value");
    }
    if (option.desc->size <= 0 || value.size() >= static_cast<std::size_t>(option.desc->size)) {
        throw ScanError(ScanStatus::Invalid, "value '" + value + "' too long for option '" +
                                                 std::string(name) + "' (" +
                                                 option.describeConstraint() + ")");
    }
    std::vector<char> buffer(static_cast<std::size_t>(option.desc->size), '\0');
    std::memcpy(buffer.data(), value.data(), value.size());
    control(option, buffer.data(), value);
}

void SaneOptions::setNumber(std::string_view name, double value)
{
    const OptionInfo option = require(name);
    if (!option.isNumeric()) {
        throw ScanError(ScanStatus::Invalid,
                        "option '" + std::string(name) + "' does not take a number");
    }
    const std::optional<SANE_Word> word = numberToWord(*option.desc, value);
    if (!word) {
        throw ScanError(ScanStatus::Invalid, "value " + formatNumber(value) +
                                                 " out of range for option '" + std::string(name) +
                                                 "'");
    }
    std::vector<SANE_Word> words(static_cast<std::size_t>(option.valueCount()), *word);
    control(option, words.data(), formatNumber(value));
}

void SaneOptions::setBool(std::string_view name, bool value)
{
    const OptionInfo option = require(name);
    if (option.desc->type != SANE_TYPE_BOOL) {
        throw ScanError(ScanStatus::Invalid,
                        "option '" + std::string(name) + "' is not a yes/no option");
    }
    SANE_Bool word = value ? SANE_TRUE : SANE_FALSE;
    control(option, &word, value ? "yes" : "no");
}

void SaneOptions::applyRaw(std::string_view name, std::string_view value)
{
    while (!name.empty() && name.front() == '-') {
        name.remove_prefix(1); // "--mode" as scanimage spells it
    }
    const OptionInfo option = require(name);
    const std::string shown(value);
    const auto invalid = [&](const std::string& why) {
        return ScanError(ScanStatus::Invalid, "option '" + std::string(name) + "' of scanner '" +
                                                  deviceId_ + "': " + why);
    };

    switch (option.desc->type) {
    case SANE_TYPE_BOOL: {
        const std::optional<bool> b = parseBool(value);
        if (!b) {
            throw invalid("'" + shown + "' is not yes or no");
        }
        SANE_Bool word = *b ? SANE_TRUE : SANE_FALSE;
        control(option, &word, shown);
        return;
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
        const std::optional<std::vector<double>> numbers = parseNumberList(value);
        if (!numbers) {
            throw invalid("'" + shown + "' is not " +
                          (option.desc->type == SANE_TYPE_INT ? "a whole number" : "a number"));
        }
        const std::size_t count = static_cast<std::size_t>(option.valueCount());
        if (numbers->size() != 1 && numbers->size() != count) {
            throw invalid("expects " + std::to_string(count) + " comma-separated values, got " +
                          std::to_string(numbers->size()));
        }
        std::vector<SANE_Word> words;
        words.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const double n = numbers->size() == 1 ? numbers->front() : (*numbers)[i];
            if (option.desc->type == SANE_TYPE_INT && std::abs(n - std::round(n)) > 1e-9) {
                throw invalid("'" + formatNumber(n) + "' is not a whole number");
            }
            const std::optional<SANE_Word> word = numberToWord(*option.desc, n);
            if (!word) {
                throw invalid("'" + formatNumber(n) + "' is out of range");
            }
            const SANE_Word exact = nearestListWord(option, n, *word);
            if (!allowed(option, exact)) {
                throw invalid("'" + formatNumber(n) + "' is not allowed (" +
                              option.describeConstraint() + ")");
            }
            words.push_back(exact);
        }
        control(option, words.data(), shown);
        return;
    }
    case SANE_TYPE_STRING: {
        std::string chosen = shown;
        const std::vector<std::string> choices = option.stringChoices();
        if (!choices.empty()) {
            const auto exact = std::find(choices.begin(), choices.end(), shown);
            const auto loose =
                std::find_if(choices.begin(), choices.end(),
                             [&](const std::string& c) { return equalsNoCase(c, shown); });
            if (exact == choices.end() && loose == choices.end()) {
                throw invalid("'" + shown + "' is not allowed (" + option.describeConstraint() +
                              ")");
            }
            chosen = exact != choices.end() ? *exact : *loose;
        }
        setString(name, chosen);
        return;
    }
    case SANE_TYPE_BUTTON: {
        const std::optional<bool> press = value.empty() ? std::optional(true) : parseBool(value);
        if (!press) {
            throw invalid("a button takes no value");
        }
        if (*press) {
            control(option, nullptr, "press");
        }
        return;
    }
    case SANE_TYPE_GROUP:
        break;
    }
    throw invalid("cannot be set");
}

} // namespace sohoa::scanner::sane
