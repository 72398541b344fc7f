// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/OsKeyring.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace sohoa::platform {

namespace {
constexpr auto kService = "SoHoa";

// Starts the job and waits for it: every caller needs the answer before going on.
void runToCompletion(QKeychain::Job& job, const QString& entry)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(entry);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

std::optional<OsKeyring::Failure> failureOf(const QKeychain::Job& job)
{
    if (job.error() == QKeychain::NoError)
        return std::nullopt;
    return OsKeyring::Failure{job.errorString()};
}
} // namespace

std::optional<OsKeyring::Failure> OsKeyring::write(const QString& entry,
                                                   const storage::SecureBytes& secret)
{
    QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
    QByteArray data(reinterpret_cast<const char*>(secret.data()),
                    static_cast<qsizetype>(secret.size()));
    job.setBinaryData(data);
    data.fill('\0');
    runToCompletion(job, entry);
    return failureOf(job);
}

std::optional<storage::SecureBytes> OsKeyring::read(const QString& entry)
{
    QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
    runToCompletion(job, entry);
    if (job.error() != QKeychain::NoError)
        return std::nullopt;
    QByteArray data = job.binaryData();
    storage::SecureBytes secret =
        storage::SecureBytes::fromString(std::string_view(data.constData(), data.size()));
    data.fill('\0');
    return secret;
}

std::optional<OsKeyring::Failure> OsKeyring::remove(const QString& entry)
{
    QKeychain::DeletePasswordJob job(QString::fromLatin1(kService));
    runToCompletion(job, entry);
    if (job.error() == QKeychain::EntryNotFound)
        return std::nullopt;
    return failureOf(job);
}

} // namespace sohoa::platform
