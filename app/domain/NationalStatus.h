// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::domain {

// A dossier's status as the national portal knows it (trạng thái hồ sơ, field TrangThaiHoSo
// of the DongBoHoSoMC sync service). The values are the national codes and must not change.
// DossierLifecycle::nationalStatus() maps our finer states onto these.
enum class NationalStatus
{
    New = 1,                 // Mới đăng ký
    Received = 2,            // Được tiếp nhận
    Refused = 3,             // Không được tiếp nhận
    Processing = 4,          // Đang xử lý
    SupplementRequested = 5, // Yêu cầu bổ sung giấy tờ
    FeesDue = 6,             // Yêu cầu thực hiện nghĩa vụ tài chính
    Withdrawn = 7,           // Công dân yêu cầu rút hồ sơ
    Stopped = 8,             // Dừng xử lý
    Done = 9,                // Đã xử lý xong
    ResultReturned = 10,     // Đã trả kết quả
};

constexpr int nationalCode(NationalStatus status)
{
    return static_cast<int>(status);
}

} // namespace sohoa::domain
