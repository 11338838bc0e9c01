#pragma once

#include "core/error.h"
#include "python/pythonruntime.h"

#include <QString>

class QTextDocument;

namespace onramp::python {

// Loads the printable report (onramp.report.render_print()) into `document`: its SVG charts drawn as
// images (at twice their size, sharp when zoomed or printed) added as resources, then its HTML. Charts
// wider than maxImageWidth (the document's pixels; 0: no limit) are scaled down to it, keeping their
// shape. Shared by the PDF and the report page's preview. Needs a QGuiApplication.
void loadPrintableReport(QTextDocument *document, const PrintableReport &report, qreal maxImageWidth = 0);

// Prints the report (onramp.report.render_print()) to an A4 PDF with page numbers, its SVG charts
// drawn as images. Needs a QGuiApplication (fonts); any platform plugin, offscreen included.
Status writeReportPdf(const PrintableReport &report, const QString &path, const QString &title);

} // namespace onramp::python
