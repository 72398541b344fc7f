// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/Pdfsig.h"

#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <stdexcept>

namespace sohoa::testing {

namespace {

ToolResult runOrThrow(const QString& program, const QStringList& arguments)
{
    ToolResult result = runTool(program, arguments);
    if (result.exitCode != 0)
        throw std::runtime_error(
            QStringLiteral("%1 %2 failed: %3")
                .arg(program, arguments.join(QLatin1Char(' ')), QString::fromUtf8(result.err))
                .toStdString());
    return result;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}

// "  - Key: value" lines of pdfsig's report; the value is empty for lines without a colon.
std::pair<QString, QString> entry(const QString& line)
{
    const QString text = line.trimmed().mid(2);
    const qsizetype colon = text.indexOf(QLatin1String(": "));
    if (colon < 0)
        return {text, QString()};
    return {text.left(colon), text.mid(colon + 2)};
}

} // namespace

bool PdfsigSignature::signatureValid() const
{
    return signatureValidation == QLatin1String("Signature is Valid.");
}

bool PdfsigSignature::certificateTrusted() const
{
    return certificateValidation == QLatin1String("Certificate is Trusted.");
}

PdfsigNssDatabase::PdfsigNssDatabase(const QString& directory,
                                     const QList<QByteArray>& trustedRootsDer)
    : directory_(directory)
{
    runOrThrow(QStringLiteral("certutil"), {QStringLiteral("-N"), QStringLiteral("-d"),
                                            nssDirectory(), QStringLiteral("--empty-password")});
    for (qsizetype index = 0; index < trustedRootsDer.size(); ++index) {
        const QString pem = QDir(directory_).filePath(QStringLiteral("root%1.pem").arg(index));
        writeFile(pem, TestCertificateAuthority::toPem(trustedRootsDer[index]));
        // The second trust column is S/MIME, the one pdfsig's signer validation asks about.
        runOrThrow(QStringLiteral("certutil"),
                   {QStringLiteral("-A"), QStringLiteral("-d"), nssDirectory(),
                    QStringLiteral("-n"), QStringLiteral("root%1").arg(index), QStringLiteral("-t"),
                    QStringLiteral("C,C,C"), QStringLiteral("-a"), QStringLiteral("-i"), pem});
    }
}

void PdfsigNssDatabase::addSigningKey(const QString& nickname, const QByteArray& certificateDer,
                                      const QByteArray& privateKeyPem) const
{
    const QDir dir(directory_);
    const QString certificate = dir.filePath(nickname + QStringLiteral(".crt.pem"));
    const QString key = dir.filePath(nickname + QStringLiteral(".key.pem"));
    const QString bundle = dir.filePath(nickname + QStringLiteral(".p12"));
    writeFile(certificate, TestCertificateAuthority::toPem(certificateDer));
    writeFile(key, privateKeyPem);
    runOrThrow(QStringLiteral("openssl"),
               {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                certificate, QStringLiteral("-inkey"), key, QStringLiteral("-name"), nickname,
                QStringLiteral("-passout"), QStringLiteral("pass:"), QStringLiteral("-out"),
                bundle});
    runOrThrow(QStringLiteral("pk12util"), {QStringLiteral("-i"), bundle, QStringLiteral("-d"),
                                            nssDirectory(), QStringLiteral("-W"), QString()});
}

void PdfsigNssDatabase::addSignature(const QString& in, const QString& out,
                                     const QString& nickname) const
{
    runOrThrow(QStringLiteral("pdfsig"),
               {QStringLiteral("-add-signature"), QStringLiteral("-nssdir"), nssDirectory(),
                QStringLiteral("-nick"), nickname, in, out});
}

void PdfsigNssDatabase::signField(const QString& in, const QString& out, const QString& nickname,
                                  const QString& field) const
{
    runOrThrow(QStringLiteral("pdfsig"),
               {QStringLiteral("-sign"), field, QStringLiteral("-nssdir"), nssDirectory(),
                QStringLiteral("-nick"), nickname, in, out});
}

PdfsigReport PdfsigNssDatabase::verify(const QString& pdfPath) const
{
    const ToolResult result =
        runTool(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), nssDirectory(), pdfPath});
    PdfsigReport report;
    report.output = QString::fromUtf8(result.out + result.err);
    // pdfsig exits 2 for a readable file without signatures, 1 when it cannot read it.
    report.opened = result.exitCode == 0 || result.exitCode == 2;
    for (const QString& line : QString::fromUtf8(result.out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Signature #"))) {
            report.signatures.emplace_back();
            continue;
        }
        if (report.signatures.empty())
            continue;
        PdfsigSignature& signature = report.signatures.back();
        if (line.trimmed() == QLatin1String("The signature form field is not signed."))
            signature.isSigned = false;
        if (!line.startsWith(QLatin1String("  - ")))
            continue;
        const auto [key, value] = entry(line);
        if (key == QLatin1String("Signature Field Name"))
            signature.fieldName = value;
        else if (key == QLatin1String("Signature Type"))
            signature.signatureType = value;
        else if (key == QLatin1String("Signature Validation"))
            signature.signatureValidation = value;
        else if (key == QLatin1String("Certificate Validation"))
            signature.certificateValidation = value;
        else if (key == QLatin1String("Total document signed"))
            signature.totalDocumentSigned = true;
    }
    return report;
}

Pdfsig::Pdfsig(const QByteArray& trustedRootDer) : database_(dir_.path(), {trustedRootDer}) {}

QStringList Pdfsig::verify(const QByteArray& pdf) const
{
    const QString file = QDir(dir_.path()).filePath(QStringLiteral("checked.pdf"));
    writeFile(file, pdf);
    static const QRegularExpression header(QStringLiteral("^Signature #\\d+:"),
                                           QRegularExpression::MultilineOption);
    QStringList blocks = database_.verify(file).output.split(header);
    blocks.removeFirst(); // what pdfsig prints before the first signature
    return blocks;
}

QString PdfsigNssDatabase::nssDirectory() const
{
    return QStringLiteral("sql:") + directory_;
}

} // namespace sohoa::testing
