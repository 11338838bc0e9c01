#pragma once

#include "core/error.h"
#include "python/pythonruntime.h"

#include <QString>

namespace onramp::python {

// Prints the report (onramp.report.render_print()) to an A4 PDF with page numbers, its SVG charts
// drawn as images. Needs a QGuiApplication (fonts); any platform plugin, offscreen included.
Status writeReportPdf(const PrintableReport &report, const QString &path, const QString &title);

} // namespace onramp::python
