// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ResultCode.h"

#include <QString>

namespace sohoa::domain {

// A document a procedure produces (kết quả thực hiện thủ tục), e.g. the birth certificate
// `KQ.G15.000031` "Giấy khai sinh".
struct ResultSpec
{
    ResultCode code;
    QString name;

    bool operator==(const ResultSpec& other) const = default;
};

} // namespace sohoa::domain
