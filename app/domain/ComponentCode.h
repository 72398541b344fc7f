// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The code of one paper in a dossier (mã thành phần hồ sơ, MaThanhPhanHoSo). The national
// database has no single format, so any 1-64 characters of A-Z a-z 0-9 . _ - are accepted and
// kept as given (case matters). A result code (KQ.G15.000031) is a valid component code too:
// results are digitized like components.
class ComponentCode
{
    Q_DECLARE_TR_FUNCTIONS(ComponentCode)

public:
    static constexpr int kMaxLength = 64;

    static ComponentCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<ComponentCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const { return code_; }

    bool operator==(const ComponentCode& other) const = default;
    std::strong_ordering operator<=>(const ComponentCode& other) const;

private:
    explicit ComponentCode(QString code) : code_(std::move(code)) {}
    QString code_;
};

size_t qHash(const ComponentCode& code, size_t seed = 0) noexcept;

} // namespace sohoa::domain
