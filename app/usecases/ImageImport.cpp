// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ImageImport.h"

#include "domain/UserError.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPdfDocument>
#include <cmath>

namespace sohoa::usecases {

namespace {
int dpiOf(const QImage& image)
{
    const int dotsPerMeter = image.dotsPerMeterX();
    // Qt defaults to 96 dpi (3780 dpm) when a file records nothing; treat that as unknown.
    if (dotsPerMeter <= 0 || dotsPerMeter == 3780)
        return ImageImport::kAssumedImageDpi;
    return static_cast<int>(std::lround(dotsPerMeter * 0.0254));
}

bool looksLikePdf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(5) == "%PDF-";
}
} // namespace

void ImageImport::importFile(const QString& path, int pdfDpi,
                             const std::function<void(CapturedPage&&)>& onPage)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        throw UserError(ErrorKind::InvalidInput, tr("Cannot read the file %1.").arg(path));

    if (looksLikePdf(path)) {
        QPdfDocument pdf;
        if (pdf.load(path) != QPdfDocument::Error::None || pdf.pageCount() == 0)
            throw UserError(
                ErrorKind::InvalidInput,
                tr("%1 is not a readable PDF (damaged or password-protected).").arg(path));
        for (int index = 0; index < pdf.pageCount(); ++index) {
            const QSizeF points = pdf.pagePointSize(index);
            const QSize pixels(static_cast<int>(std::lround(points.width() * pdfDpi / 72.0)),
                               static_cast<int>(std::lround(points.height() * pdfDpi / 72.0)));
            QImage image = pdf.render(index, pixels);
            if (image.isNull())
                throw UserError(ErrorKind::InvalidInput,
                                tr("Page %1 of %2 cannot be rendered.").arg(index + 1).arg(path));
            // PDF pages render on a transparent background: flatten onto white paper.
            QImage page(image.size(), QImage::Format_RGB888);
            page.fill(Qt::white);
            {
                QPainter painter(&page);
                painter.drawImage(0, 0, image);
            }
            onPage(CapturedPage{std::move(page), pdfDpi, QStringLiteral("file")});
        }
        return;
    }

    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        throw UserError(
            ErrorKind::InvalidInput,
            tr("%1 is not an image SoHoa can read (PNG, JPEG, TIFF, PNM or PDF).").arg(path));
    int pageNumber = 0;
    do {
        QImage image = reader.read();
        if (image.isNull())
            throw UserError(ErrorKind::InvalidInput, tr("Cannot read page %1 of %2: %3")
                                                         .arg(pageNumber + 1)
                                                         .arg(path, reader.errorString()));
        const int dpi = dpiOf(image);
        onPage(CapturedPage{std::move(image), dpi, QStringLiteral("file")});
        ++pageNumber;
    } while (reader.jumpToNextImage());
}

} // namespace sohoa::usecases
