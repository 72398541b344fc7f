// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ApiError.h"

#include <QJsonArray>

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

ApiError& ApiError::withHeader(std::string name, std::string value)
{
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
}

namespace {
ApiError unauthorized(const char* code, const QString& why, const QString& whyVi)
{
    return ApiError(401, QString::fromLatin1(code),
                    why + QStringLiteral(" Ask the province for a new enrolment code."),
                    whyVi + QStringLiteral(" Đề nghị tỉnh cấp mã đăng ký mới."));
}
} // namespace

ApiError ApiError::tokenMissing()
{
    return unauthorized("token-missing", QStringLiteral("The workstation sent no token."),
                        QStringLiteral("Máy trạm không gửi mã truy cập."));
}

ApiError ApiError::tokenInvalid()
{
    return unauthorized("token-invalid",
                        QStringLiteral("The hub does not know this workstation's token."),
                        QStringLiteral("Máy chủ tỉnh không nhận ra mã truy cập của máy trạm."));
}

ApiError ApiError::tokenRevoked()
{
    return unauthorized("token-revoked",
                        QStringLiteral("This workstation's token was revoked by the province."),
                        QStringLiteral("Mã truy cập của máy trạm đã bị tỉnh thu hồi."));
}

ApiError ApiError::unavailable()
{
    return ApiError(503, QStringLiteral("unavailable"),
                    QStringLiteral("The provincial hub cannot reach its database; the "
                                   "workstation will try again."),
                    QStringLiteral("Máy chủ tỉnh tạm thời không truy cập được cơ sở dữ liệu; "
                                   "máy trạm sẽ tự thử lại."))
        .withHeader("Retry-After", "5");
}

ApiError ApiError::tooManyFailures(std::chrono::seconds wait)
{
    const auto minutes = static_cast<qint64>(std::chrono::ceil<std::chrono::minutes>(wait).count());
    return ApiError(429, QStringLiteral("rate-limited"),
                    QStringLiteral("Too many failed attempts from this address; try again in %1 "
                                   "minutes.")
                        .arg(minutes),
                    QStringLiteral("Quá nhiều lần thử sai từ địa chỉ này; vui lòng thử lại sau %1 "
                                   "phút.")
                        .arg(minutes),
                    QJsonObject{{"retry_after_seconds", static_cast<qint64>(wait.count())}})
        .withHeader("Retry-After", std::to_string(wait.count()));
}

ApiError ApiError::internalError()
{
    return ApiError(500, QStringLiteral("internal-error"),
                    QStringLiteral("The provincial hub failed; the workstation will try again."),
                    QStringLiteral("Máy chủ tỉnh gặp lỗi; máy trạm sẽ tự thử lại."));
}

ApiError ApiError::malformed(const QString& pointer, const QString& problem)
{
    return ApiError(
        400, QStringLiteral("malformed-request"),
        QStringLiteral("The request is malformed at %1: %2.").arg(pointer, problem),
        QStringLiteral("Yêu cầu gửi lên sai định dạng tại %1: %2.").arg(pointer, problem),
        QJsonObject{{"pointer", pointer}});
}

ApiError ApiError::validationFailed(const QString& pointer, const QString& problem)
{
    return ApiError(422, QStringLiteral("validation-failed"),
                    QStringLiteral("The request is not valid: %1 %2.").arg(pointer, problem),
                    QStringLiteral("Yêu cầu không hợp lệ: %1 %2.").arg(pointer, problem),
                    QJsonObject{{"fields", QJsonArray{QJsonObject{{"pointer", pointer},
                                                                  {"problem", problem}}}}});
}

ApiError ApiError::agencyNotAllowed(const QString& agency)
{
    return ApiError(403, QStringLiteral("agency-not-allowed"),
                    QStringLiteral("This workstation is not registered for agency %1.").arg(agency),
                    QStringLiteral("Máy trạm không được đăng ký cho cơ quan %1.").arg(agency),
                    QJsonObject{{"agency_code", agency}});
}

} // namespace sohoa::hub
