// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sohoa::hub {

// An answer the client must not retry unchanged (4xx) or may retry later (5xx), with a stable
// code for programs and a message for the officer in English and Vietnamese:
// {"error": {"code": "...", "message": "...", "message_vi": "...", "details": {...}}}
class ApiError : public std::runtime_error
{
public:
    ApiError(int httpStatus, QString code, QString message, QString messageVi,
             QJsonObject details = {});

    int httpStatus() const { return httpStatus_; }
    QJsonObject toJson() const;
    // A response header that goes with the refusal (409 upload-offset-mismatch carries the
    // hub's Upload-Offset, 503 a Retry-After).
    ApiError& withHeader(std::string name, std::string value);
    const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

    // 401 token-missing / token-invalid / token-revoked.
    static ApiError tokenMissing();
    static ApiError tokenInvalid();
    static ApiError tokenRevoked();
    static ApiError unavailable(); // 503: the database cannot be reached
    // 429 rate-limited: too many failures from the client's address; Retry-After `wait`.
    static ApiError tooManyFailures(std::chrono::seconds wait);
    static ApiError internalError(); // 500, without internals
    // 400 malformed-request; `pointer` is the JSON pointer of what is wrong.
    static ApiError malformed(const QString& pointer, const QString& problem);
    // 422 validation-failed: well-formed, but the value at `pointer` is not allowed.
    static ApiError validationFailed(const QString& pointer, const QString& problem);
    // 403 agency-not-allowed: the workstation is not registered for `agency`.
    static ApiError agencyNotAllowed(const QString& agency);

private:
    int httpStatus_;
    QString code_;
    QString message_;
    QString messageVi_;
    QJsonObject details_;
    std::vector<std::pair<std::string, std::string>> headers_;
};

} // namespace sohoa::hub
