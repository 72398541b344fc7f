// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ApiError.h"

namespace sohoa::hub {

ApiError::ApiError(int httpStatus, QString code, QString message, QString messageVi,
                   QJsonObject details)
    : std::runtime_error(code.toStdString()), httpStatus_(httpStatus), code_(std::move(code)),
      message_(std::move(message)), messageVi_(std::move(messageVi)), details_(std::move(details))
{
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error{{"code", code_}, {"message", message_}, {"message_vi", messageVi_}};
    if (!details_.isEmpty())
        error.insert(QStringLiteral("details"), details_);
    return QJsonObject{{"error", error}};
}

ApiError ApiError::unauthorized()
{
    return ApiError(401, QStringLiteral("unauthorized"),
                    QStringLiteral("This workstation is not enrolled with the hub, or its token "
                                   "was revoked. Ask the province for a new enrolment."),
                    QStringLiteral("Máy trạm chưa được đăng ký với máy chủ tỉnh hoặc mã truy "
                                   "cập đã bị thu hồi. Đề nghị tỉnh cấp mã đăng ký mới."));
}

ApiError ApiError::databaseUnavailable()
{
    return ApiError(503, QStringLiteral("database-unavailable"),
                    QStringLiteral("The provincial hub cannot reach its database; the "
                                   "workstation will try again."),
                    QStringLiteral("Máy chủ tỉnh tạm thời không truy cập được cơ sở dữ liệu; "
                                   "máy trạm sẽ tự thử lại."));
}

} // namespace sohoa::hub
