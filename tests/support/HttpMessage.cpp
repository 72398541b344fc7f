// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/HttpMessage.h"

#include <QList>

namespace sohoa::testing {

namespace {

constexpr QByteArrayView kHeaderEnd = "\r\n\r\n";

// The head at the front of `received` (ending with its empty line) and the body length its
// Content-Length announces (0 without one), or nullopt while the head is incomplete.
std::optional<HttpMessage> headOf(const QByteArray& received, qsizetype* contentLength)
{
    const qsizetype headerEnd = received.indexOf(kHeaderEnd);
    if (headerEnd < 0)
        return std::nullopt;
    HttpMessage message{received.left(headerEnd + kHeaderEnd.size()), {}};
    *contentLength = message.header("Content-Length").toLongLong();
    return message;
}

std::optional<HttpMessage> takeMessage(QByteArray& received, bool mayHaveBody)
{
    qsizetype length = 0;
    std::optional<HttpMessage> message = headOf(received, &length);
    if (!message)
        return std::nullopt;
    if (!mayHaveBody)
        length = 0;
    const qsizetype headSize = message->head.size();
    if (received.size() - headSize < length)
        return std::nullopt;
    message->body = received.mid(headSize, length);
    received.remove(0, headSize + length);
    return message;
}

QList<QByteArray> startLineParts(const HttpMessage& message)
{
    return message.startLine().split(' ');
}

} // namespace

QByteArray HttpMessage::startLine() const
{
    return head.left(head.indexOf("\r\n"));
}

QByteArray HttpMessage::header(QByteArrayView name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray HttpMessage::method() const
{
    return startLineParts(*this).value(0);
}

QByteArray HttpMessage::target() const
{
    return startLineParts(*this).value(1);
}

int HttpMessage::status() const
{
    return startLineParts(*this).value(1).toInt();
}

bool HttpMessage::closesConnection() const
{
    return header("Connection").compare("close", Qt::CaseInsensitive) == 0;
}

std::optional<HttpMessage> takeRequest(QByteArray& received)
{
    return takeMessage(received, true);
}

std::optional<HttpMessage> takeResponse(QByteArray& received, QByteArrayView requestMethod)
{
    qsizetype ignored = 0;
    const std::optional<HttpMessage> head = headOf(received, &ignored);
    if (!head)
        return std::nullopt;
    const int status = head->status();
    const bool bodiless = requestMethod == "HEAD" || status < 200 || status == 204 || status == 304;
    return takeMessage(received, !bodiless);
}

} // namespace sohoa::testing
