#include "python/reportpdf.h"

#include "python/pythontr.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

namespace onramp::python {

namespace {

// Charts are drawn at twice their size so that they stay sharp when the PDF is zoomed.
constexpr qreal kChartScale = 2.0;

QImage chartImage(const QByteArray &svg)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QSize size = renderer.defaultSize();
    if (size.isEmpty())
        size = QSize(640, 240);
    QImage image(size * kChartScale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    image.setDevicePixelRatio(kChartScale);
    return image;
}

// QTextDocument::print() lays an unpaginated document out on the printer's page with 2 cm margins of its
// own, in pixels of 96 dpi; the width that leaves for text (and charts) on the A4 page below.
constexpr qreal kPageMarginMm = 15.0;
constexpr qreal kPrintMarginMm = 20.0;

qreal printableTextWidth()
{
    const qreal widthMm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter).width();
    return (widthMm - 2 * kPageMarginMm - 2 * kPrintMarginMm) / 25.4 * 96.0;
}

} // namespace

void loadPrintableReport(QTextDocument *document, const PrintableReport &report, qreal maxImageWidth)
{
    for (auto it = report.images.begin(); it != report.images.end(); ++it) {
        const QImage image = chartImage(it.value());
        if (!image.isNull())
            document->addResource(QTextDocument::ImageResource, QUrl(it.key()), image);
    }
    document->setHtml(report.html);
    if (maxImageWidth <= 0)
        return;
    // <img width="640">: narrower where the page or the view is narrower, with the height to match.
    // Collected first: changing a format merges or splits the fragments being walked.
    struct Resize {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Resize> resizes;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QImage source
                = document->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
            if (source.isNull())
                continue;
            const qreal width
                = image.width() > 0 ? image.width() : source.width() / source.devicePixelRatio();
            if (width <= maxImageWidth)
                continue;
            const qreal height
                = image.height() > 0 ? image.height() : width * source.height() / source.width();
            image.setWidth(maxImageWidth);
            image.setHeight(height * maxImageWidth / width);
            resizes.append({fragment.position(), fragment.length(), image});
        }
    }
    QTextCursor cursor(document);
    for (const Resize &resize : std::as_const(resizes)) {
        cursor.setPosition(resize.position);
        cursor.setPosition(resize.position + resize.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(resize.format);
    }
}

Status writeReportPdf(const PrintableReport &report, const QString &path, const QString &title)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error {ErrorKind::Internal,
                      Tr::tr("A PDF needs Onramp’s graphics support, which is not running."),
                      QStringLiteral("no QGuiApplication")};
    QTextDocument document;
    loadPrintableReport(&document, report, printableTextWidth());
    document.setMetaInformation(QTextDocument::DocumentTitle, title);

    QPdfWriter writer(path);
    if (!writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(kPageMarginMm, kPageMarginMm, kPageMarginMm, kPageMarginMm), QPageLayout::Millimeter)))
        return Error {ErrorKind::Internal, Tr::tr("Onramp could not set up the PDF page."),
                      QStringLiteral("QPdfWriter::setPageLayout")};
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Onramp"));
    // An unpaginated document printed this way gets page numbers in the bottom corner.
    document.print(&writer);
    // QPdfWriter reports no errors; an empty or missing file is the sign of one.
    if (QFileInfo(path).size() <= 0)
        return Error {ErrorKind::InvalidInput, Tr::tr("Onramp could not write the PDF to %1.").arg(path),
                      QStringLiteral("empty file")};
    return success();
}

} // namespace onramp::python
