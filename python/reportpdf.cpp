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

} // namespace

Status writeReportPdf(const PrintableReport &report, const QString &path, const QString &title)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error {ErrorKind::Internal,
                      Tr::tr("A PDF needs Onramp’s graphics support, which is not running."),
                      QStringLiteral("no QGuiApplication")};
    QTextDocument document;
    for (auto it = report.images.begin(); it != report.images.end(); ++it) {
        const QImage image = chartImage(it.value());
        if (!image.isNull())
            document.addResource(QTextDocument::ImageResource, QUrl(it.key()), image);
    }
    document.setHtml(report.html);
    document.setMetaInformation(QTextDocument::DocumentTitle, title);

    QPdfWriter writer(path);
    if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter)))
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
