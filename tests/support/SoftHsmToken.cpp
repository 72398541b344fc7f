// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/SoftHsmToken.h"

#include "support/ToolRunner.h"

#include <QDir>
#include <QFile>
#include <stdexcept>

namespace sohoa::testing {

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        throw std::runtime_error("SoftHsmToken: cannot write " + path.toStdString());
}

QByteArray checked(const ToolResult& result, const QString& what)
{
    if (result.exitCode != 0)
        throw std::runtime_error(QStringLiteral("SoftHsmToken: %1 failed: %2")
                                     .arg(what, QString::fromUtf8(result.err + result.out))
                                     .toStdString());
    return result.out;
}

} // namespace

SoftHsmToken::SoftHsmToken(const QString& directory, const QString& label)
    : directory_(directory), label_(label), environment_(QProcessEnvironment::systemEnvironment())
{
    const QString tokens = QDir(directory).filePath(QStringLiteral("tokens"));
    if (!QDir().mkpath(tokens))
        throw std::runtime_error("SoftHsmToken: cannot create " + tokens.toStdString());
    const QString configuration = QDir(directory).filePath(QStringLiteral("softhsm2.conf"));
    writeFile(configuration, "directories.tokendir = " + tokens.toUtf8() +
                                 "\nobjectstore.backend = file\nlog.level = ERROR\n");
    qputenv("SOFTHSM2_CONF", configuration.toUtf8());
    environment_.insert(QStringLiteral("SOFTHSM2_CONF"), configuration);

    checked(runTool(QStringLiteral("softhsm2-util"),
                    {QStringLiteral("--init-token"), QStringLiteral("--free"),
                     QStringLiteral("--label"), label_, QStringLiteral("--so-pin"),
                     QString::fromLatin1(soPin()), QStringLiteral("--pin"),
                     QString::fromLatin1(userPin())},
                    environment_),
            QStringLiteral("softhsm2-util --init-token"));
}

QByteArray SoftHsmToken::runPkcs11Tool(const QStringList& arguments) const
{
    const QStringList common{QStringLiteral("--module"), modulePath(),
                             QStringLiteral("--token-label"), label_};
    return checked(runTool(QStringLiteral("pkcs11-tool"), common + arguments, environment_),
                   QStringLiteral("pkcs11-tool ") + arguments.join(QLatin1Char(' ')));
}

QByteArray SoftHsmToken::generateKeyPair(const QByteArray& id, const QString& keyLabel,
                                         const QString& keyType) const
{
    const QString hexId = QString::fromLatin1(id.toHex());
    runPkcs11Tool({QStringLiteral("--login"), QStringLiteral("--pin"),
                   QString::fromLatin1(userPin()), QStringLiteral("--keypairgen"),
                   QStringLiteral("--key-type"), keyType, QStringLiteral("--id"), hexId,
                   QStringLiteral("--label"), keyLabel});
    const QString publicKey = QDir(directory_).filePath(QStringLiteral("public-%1.der").arg(hexId));
    runPkcs11Tool({QStringLiteral("--read-object"), QStringLiteral("--type"),
                   QStringLiteral("pubkey"), QStringLiteral("--id"), hexId,
                   QStringLiteral("--output-file"), publicKey});
    QFile file(publicKey);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("SoftHsmToken: no public key written for " + hexId.toStdString());
    return file.readAll();
}

void SoftHsmToken::storeCertificate(const QByteArray& id, const QString& certificateLabel,
                                    const QByteArray& der) const
{
    const QString hexId = QString::fromLatin1(id.toHex());
    const QString file = QDir(directory_).filePath(QStringLiteral("certificate-%1.der").arg(hexId));
    writeFile(file, der);
    runPkcs11Tool({QStringLiteral("--login"), QStringLiteral("--pin"),
                   QString::fromLatin1(userPin()), QStringLiteral("--write-object"), file,
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), hexId,
                   QStringLiteral("--label"), certificateLabel});
}

} // namespace sohoa::testing
