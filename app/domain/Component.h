// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ComponentCode.h"
#include "domain/Page.h"

#include <vector>

namespace sohoa::domain {

// One paper of a particular dossier (thành phần hồ sơ, an entry of TaiLieuNop or, for a result,
// of DanhSachGiayToKetQua) with its scanned pages. specCode is one of the procedure's component
// codes, or one of its result codes when isResult is set.
struct Component
{
    ComponentCode specCode;
    bool isResult = false;
    std::vector<Page> pages;
    bool digitized = false;            // DuocSoHoa: a signed digitized file is attached
    bool reused = false;               // DuocTaiSuDung: taken from an earlier dossier's result
    bool fromNationalDatabase = false; // DuocLayTuKhoDMQG: taken from the national data warehouse

    bool operator==(const Component& other) const = default;
};

} // namespace sohoa::domain
