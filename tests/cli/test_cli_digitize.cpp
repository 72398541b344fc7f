// SPDX-License-Identifier: GPL-3.0-or-later
// The first real path, end to end through the sohoa-cli binary: SANE (test and pnm backends)
// -> in-process Tesseract -> searchable PDF -> SQLCipher store, and back out again.
#include "CliRunner.h"
#include "pdfa/PdfaChecker.h"
#include "support/ImagingSamples.h"
#include "support/IncrementalPdf.h"
#include "support/RenderedPage.h"
#include "support/TextComparison.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTransform>

using namespace sohoa::testing;

namespace {
// An install that has never synced has no reserved numbers: its codes are provisional (P).
const QRegularExpression kDossierCode(QStringLiteral("^000\\.00\\.00\\.H26-\\d{6}-P?\\d{4}$"));

QString pdfText(const QString& pdfPath)
{
    const ToolResult result =
        runTool(QStringLiteral("pdftotext"),
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdfPath, QStringLiteral("-")});
    return result.exitCode == 0 ? QString::fromUtf8(result.out) : QString();
}

// Every PDF SoHoa writes is PDF/A-2b (tests/pdfa checker) with every font embedded.
void requirePdfA2b(const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto findings = checkPdfA2b(file.readAll());
    QStringList lines;
    for (const auto& finding : findings)
        lines << toString(finding);
    QVERIFY2(findings.empty(), qPrintable(lines.join(QLatin1Char('\n'))));
    const ToolResult fonts = runTool(QStringLiteral("pdffonts"), {path});
    QCOMPARE(fonts.exitCode, 0);
    const QStringList rows =
        QString::fromUtf8(fonts.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(!rows.isEmpty());
    for (const QString& row : rows)
        QVERIFY2(row.contains(QStringLiteral(" yes ")), qPrintable(row)); // "emb" column
}
} // namespace

class TestCliDigitize : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;

    // The dossier's documents exported into a scratch folder `dir`; the files written.
    QJsonArray exportDossier(const QString& code, const QString& dir)
    {
        return cli_
            .runJson(QStringList{QStringLiteral("store"), QStringLiteral("export"), code,
                                 QStringLiteral("--out-dir"), cli_.path(dir)} +
                     cli_.storeArgs())
            .object()
            .value("files")
            .toArray();
    }

private slots:
    void initTestCase()
    {
        const ToolResult init = cli_.run({QStringLiteral("store"), QStringLiteral("init"),
                                          QStringLiteral("--store"), cli_.storePath()});
        QVERIFY2(init.exitCode == 0, init.err.constData());
    }

    void versionAnswers()
    {
        const QJsonObject version = cli_.runJson({QStringLiteral("--version")}).object();
        QVERIFY(!version.value("sohoa").toString().isEmpty());
        QVERIFY(version.value("tesseract").toString().startsWith(QLatin1String("5.")));
    }

    void devicesListsTheTestScanner()
    {
        const QJsonArray devices =
            cli_.runJson({QStringLiteral("devices")}).object().value("devices").toArray();
        QStringList ids;
        for (const QJsonValue& device : devices)
            ids << device.toObject().value("id").toString();
        QVERIFY2(ids.contains(QStringLiteral("test:0")), qPrintable(ids.join(',')));
    }

    void digitizesFromTheSaneTestDevice()
    {
        const QJsonObject result =
            cli_.runJson(QStringList{QStringLiteral("digitize"), QStringLiteral("--device"),
                                     QStringLiteral("test:0"), QStringLiteral("--dpi"),
                                     QStringLiteral("100"), QStringLiteral("--procedure"),
                                     QStringLiteral("1.001193"), QStringLiteral("--component"),
                                     QStringLiteral("KQ.G15.000031"),
                                     QStringLiteral("--applicant-id"),
                                     QStringLiteral("001203004567")} +
                         cli_.storeArgs())
                .object();
        const QString code = result.value("dossier_code").toString();
        QVERIFY2(kDossierCode.match(code).hasMatch(), qPrintable(code));
        QVERIFY(result.value("test_data").toBool());

        const QJsonArray dossiers =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("list")} +
                         cli_.storeArgs())
                .object()
                .value("dossiers")
                .toArray();
        bool found = false;
        for (const QJsonValue& value : dossiers) {
            const QJsonObject dossier = value.toObject();
            if (dossier.value("dossier_code").toString() != code)
                continue;
            found = true;
            QCOMPARE(dossier.value("pages").toInt(), 1);
            QCOMPARE(dossier.value("state").toString(), QStringLiteral("captured"));
            QCOMPARE(dossier.value("procedure_code").toString(), QStringLiteral("1.001193"));
            QVERIFY(dossier.value("test_data").toBool());
        }
        QVERIFY(found);
    }

    void pnmPageTextLayerEqualsTheOcrOutput()
    {
        const RenderedPage page = renderPage(samplePageLines(), 300);
        const QString pnm = cli_.path(QStringLiteral("page.pnm"));
        QVERIFY(writePnm(page.image, pnm));
        const QJsonObject result =
            cli_.runJson(
                    QStringList{QStringLiteral("digitize"), QStringLiteral("--device"),
                                QStringLiteral("pnm:0"), QStringLiteral("--set"),
                                QStringLiteral("filename=") + pnm, QStringLiteral("--procedure"),
                                QStringLiteral("1.000894"), QStringLiteral("--component"),
                                QStringLiteral("KQ.G15.000032"), QStringLiteral("--applicant-id"),
                                QStringLiteral("079095001234"), QStringLiteral("--applicant-name"),
                                QStringLiteral("Trần Thị Bích Ngọc")} +
                    cli_.storeArgs())
                .object();
        const QString code = result.value("dossier_code").toString();
        QVERIFY(kDossierCode.match(code).hasMatch());
        QVERIFY(!result.value("test_data").toBool());

        // The OCR output as stored, and the PDF exported from the store.
        const QJsonObject shown =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("show"), code} +
                         cli_.storeArgs())
                .object();
        const QJsonObject component = shown.value("components").toArray().first().toObject();
        const QString ocrText =
            component.value("pages").toArray().first().toObject().value("ocr_text").toString();
        const QJsonArray files = exportDossier(code, QStringLiteral("export"));
        QCOMPARE(files.size(), 1);
        QCOMPARE(QFileInfo(files.first().toString()).fileName(), code + QStringLiteral(".01.pdf"));

        const QString layer = pdfText(files.first().toString());
        QCOMPARE(foldForComparison(layer), foldForComparison(ocrText));
        requirePdfA2b(files.first().toString());
        const double cer = characterErrorRate(page.truth, ocrText);
        qInfo("CER of the pnm:0 page: %.3f %%", cer * 100);
        QVERIFY2(cer < 0.01, qPrintable(ocrText));
        // The history records the export of personal data.
        QStringList actions;
        for (const QJsonValue& event :
             cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("show"), code} +
                          cli_.storeArgs())
                 .object()
                 .value("history")
                 .toArray())
            actions << event.toObject().value("action").toString();
        QVERIFY2(actions.contains(QStringLiteral("exported")), qPrintable(actions.join(',')));
        QVERIFY2(actions.contains(QStringLiteral("viewed")), qPrintable(actions.join(',')));

        // Searching without diacritics finds the page ("đăng ký", "Điều", "Quyết định").
        for (const QString& query : {QStringLiteral("dang ky khai sinh"), QStringLiteral("dieu"),
                                     QStringLiteral("Quyet dinh")}) {
            const QJsonArray hits =
                cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("search"), query} +
                             cli_.storeArgs())
                    .object()
                    .value("hits")
                    .toArray();
            QVERIFY2(!hits.isEmpty(), qPrintable(query));
            QCOMPARE(hits.first().toObject().value("dossier_code").toString(), code);
        }
    }

    void ocrCommandWritesASearchablePdf()
    {
        const RenderedPage page = renderPage(samplePageLines().mid(0, 4), 300);
        const QString png = cli_.path(QStringLiteral("input.png"));
        QVERIFY(page.image.save(png));
        const QString out = cli_.path(QStringLiteral("out.pdf"));
        const QString textOut = cli_.path(QStringLiteral("out.txt"));
        const ToolResult result = cli_.run(
            {QStringLiteral("ocr"), png, png, QStringLiteral("--out"), out,
             QStringLiteral("--text"), textOut, QStringLiteral("--jobs"), QStringLiteral("2")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QFile text(textOut);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString recognized = QString::fromUtf8(text.readAll());
        QCOMPARE(foldForComparison(pdfText(out)), foldForComparison(recognized));
        QVERIFY(characterErrorRate(page.truth + QLatin1Char('\n') + page.truth, recognized) < 0.01);
        const ToolResult check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), out});
        QVERIFY2(check.exitCode == 0, check.out.constData());
        requirePdfA2b(out);
    }

    void turnedPageComesOutUpright()
    {
        // A portrait page fed in sideways: read upright, and shown upright in the PDF.
        const RenderedPage page = renderPage(samplePageLines().mid(0, 8), 200);
        const QString png = cli_.path(QStringLiteral("sideways.png"));
        QVERIFY(page.image.transformed(QTransform().rotate(90)).save(png));
        const QString out = cli_.path(QStringLiteral("upright.pdf"));
        const QString textOut = cli_.path(QStringLiteral("upright.txt"));
        const ToolResult result = cli_.run({QStringLiteral("ocr"), png, QStringLiteral("--out"),
                                            out, QStringLiteral("--text"), textOut});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QFile text(textOut);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString recognized = QString::fromUtf8(text.readAll());
        QVERIFY2(characterErrorRate(page.truth, recognized) < 0.01, qPrintable(recognized));
        QCOMPARE(foldForComparison(pdfText(out)), foldForComparison(recognized));
        const ToolResult info = runTool(QStringLiteral("pdfinfo"), {out});
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+)"))
                .match(QString::fromUtf8(info.out));
        QVERIFY2(size.hasMatch(), info.out.constData());
        QVERIFY(size.captured(1).toDouble() < size.captured(2).toDouble()); // portrait again
        requirePdfA2b(out);
    }

    void scannedPagesAreCleanedAndBlankOnesFlagged()
    {
        // A sheet fed sideways and skewed on a grey lid, then an empty sheet on a dark lid.
        const QString turned = cli_.path(QStringLiteral("turned.png"));
        const QString empty = cli_.path(QStringLiteral("empty.png"));
        QVERIFY(sidewaysSkewedSheet(2.0, 150, 0, 10).original.save(turned));
        QVERIFY(blankSheetOnDarkLid(150).save(empty));
        const QJsonObject result =
            cli_.runJson(
                    QStringList{QStringLiteral("digitize"), QStringLiteral("--input"), turned,
                                empty, QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                                QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                                QStringLiteral("--applicant-id"), QStringLiteral("001203004567")} +
                    cli_.storeArgs())
                .object();
        QCOMPARE(result.value("pages").toInt(), 2);
        QCOMPARE(result.value("blank_pages").toArray(), QJsonArray({2}));

        const QJsonObject shown =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("show"),
                                     result.value("dossier_code").toString()} +
                         cli_.storeArgs())
                .object();
        const QJsonArray pages =
            shown.value("components").toArray().first().toObject().value("pages").toArray();
        QCOMPARE(pages.size(), 2);
        // Rotation, then deskew, then crop: recorded in the order they ran; the original kept.
        const QJsonArray steps = pages[0].toObject().value("transforms").toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps[0].toString(), QStringLiteral("rotate:90"));
        QVERIFY(steps[1].toString().startsWith(QStringLiteral("deskew:")));
        QVERIFY(steps[2].toString().startsWith(QStringLiteral("crop:")));
        QVERIFY(!pages[0].toObject().value("blank").toBool());
        QVERIFY(pages[0].toObject().value("ocr_text").toString().contains(QStringLiteral("hồ sơ")));
        QVERIFY(pages[1].toObject().value("blank").toBool());
    }

    void batchContinuesAfterAFaultAndKeepsItsPages()
    {
        // SANE's pnm backend scans the sheet file once per pass. Between passes the officer is
        // asked for more sheets; the second pass finds no sheet (a fault), the officer fixes
        // it and continues, and every page scanned, before and after, is kept.
        const QString sheet = cli_.path(QStringLiteral("sheet.pnm"));
        QVERIFY(writePnm(renderPage(samplePageLines().mid(0, 4), 150).image, sheet));
        QProcess process;
        QProcessEnvironment environment = cli_.environment();
        environment.insert(QStringLiteral("SOHOA_LANG"), QStringLiteral("en"));
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("SOHOA_CLI"),
                      QStringList{QStringLiteral("digitize"), QStringLiteral("--device"),
                                  QStringLiteral("pnm:0"), QStringLiteral("--set"),
                                  QStringLiteral("filename=") + sheet, QStringLiteral("--dpi"),
                                  QStringLiteral("150"), QStringLiteral("--more-sheets"),
                                  QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                                  QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                                  QStringLiteral("--applicant-id"), QStringLiteral("001203004567"),
                                  QStringLiteral("--json")} +
                          cli_.storeArgs());
        process.setReadChannel(QProcess::StandardError); // the questions go to stderr
        QByteArray said;
        const auto waitForPrompt = [&] {
            const qsizetype from = said.size();
            while (said.indexOf("Load the next sheets", from) < 0) {
                if (!process.waitForReadyRead(60000))
                    return QByteArray();
                said += process.readAllStandardError();
            }
            return said.mid(from);
        };
        QVERIFY(!waitForPrompt().isEmpty());
        QVERIFY(QFile::remove(sheet));
        process.write("\n");
        const QByteArray afterFault = waitForPrompt();
        QVERIFY2(afterFault.contains("scanner"), afterFault.constData()); // the fault, explained
        QVERIFY(writePnm(renderPage(samplePageLines().mid(4, 4), 150).image, sheet));
        process.write("\n");
        QVERIFY(!waitForPrompt().isEmpty());
        process.write("q\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject result =
            QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(result.value("pages").toInt(), 2);
        QVERIFY(!result.contains("interrupted"));
    }

    void signedPdfIsKeptByteForByte()
    {
        // A signed PDF next to a scanned page: the page becomes the searchable PDF, the signed
        // file is stored untouched and comes out of the store identical.
        const QByteArray signedBytes =
            IncrementalPdf::withField(QStringLiteral("Chữ ký 1")).bytes();
        const QString signedPath = cli_.path(QStringLiteral("giay-phep-da-ky.pdf"));
        QFile file(signedPath);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(signedBytes) == signedBytes.size());
        file.close();
        const QString page = cli_.path(QStringLiteral("page.png"));
        QVERIFY(renderPage(samplePageLines().mid(0, 3), 150).image.save(page));
        const QJsonObject result =
            cli_.runJson(QStringList{
                             QStringLiteral("digitize"), QStringLiteral("--input"), page,
                             signedPath, QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                             QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                             QStringLiteral("--applicant-id"), QStringLiteral("001203004567")} +
                         cli_.storeArgs())
                .object();
        const QString code = result.value("dossier_code").toString();
        QCOMPARE(result.value("pages").toInt(), 1);
        QCOMPARE(result.value("document").toString(), code + QStringLiteral(".01.pdf"));
        QCOMPARE(result.value("kept_documents").toArray(),
                 QJsonArray({code + QStringLiteral(".02.pdf")}));
        // Verified as it is kept: this fixture's signature field holds no real CMS, so the
        // officer is told it is invalid, and the file is kept all the same.
        const QJsonArray checks = result.value("kept_signatures").toArray();
        QCOMPARE(checks.size(), 1);
        QCOMPARE(checks.first().toObject().value("file").toString(),
                 code + QStringLiteral(".02.pdf"));
        QCOMPARE(checks.first().toObject().value("verdict").toString(), QStringLiteral("invalid"));
        QVERIFY(!checks.first().toObject().value("message").toString().isEmpty());

        const QJsonArray files = exportDossier(code, QStringLiteral("export-signed"));
        QCOMPARE(files.size(), 2);
        QFile exported(cli_.path(QStringLiteral("export-signed/%1.02.pdf").arg(code)));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), signedBytes);
    }

    void storeCheckPasses()
    {
        const QJsonObject check =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("check")} +
                         cli_.storeArgs())
                .object();
        QVERIFY(check.value("ok").toBool());
    }
};

QTEST_MAIN(TestCliDigitize)
#include "test_cli_digitize.moc"
