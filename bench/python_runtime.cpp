// bench/python_bench.sh's worker: the embedded interpreter's start-up and the report's render times.
// One process = one cold start; prints "start_ms=N first_import_ms=N" and, with --render EVIDENCE,
// "render_<fmt>_ms=N" medians over RUNS renders per format.
#include "python/pythonruntime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

using namespace onramp::python;

namespace {

template<typename Signal, typename Start> qint64 timed(PythonRuntime &runtime, Signal signal, Start start)
{
    QEventLoop loop;
    auto connection = QObject::connect(&runtime, signal, &loop, [&loop] { loop.quit(); });
    QElapsedTimer clock;
    clock.start();
    start();
    loop.exec();
    QObject::disconnect(connection);
    return clock.elapsed();
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    PythonRuntime runtime;

    QElapsedTimer clock;
    clock.start();
    const auto info = runtime.info();
    const qint64 startMs = clock.elapsed();
    if (!info)
        return 1;
    // The first real call: `import onramp` and its checks module, over empty evidence.
    const qint64 firstMs = timed(runtime, &PythonRuntime::checksFinished, [&] { runtime.runChecks(); });
    out << "start_ms=" << startMs << " first_call_ms=" << firstMs << '\n';

    const qsizetype at = args.indexOf(QStringLiteral("--render"));
    if (at < 0 || at + 1 >= args.size())
        return 0;
    QFile file(args[at + 1]);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    runtime.setEvidence(QJsonDocument::fromJson(file.readAll()).object());
    const int runs = at + 2 < args.size() ? args[at + 2].toInt() : 5;
    for (ReportFormat format :
         {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Json, ReportFormat::Yaml}) {
        QList<qint64> times;
        for (int i = 0; i < runs; ++i)
            times << timed(runtime, &PythonRuntime::reportRendered, [&] { runtime.renderReport(format); });
        out << "render_" << formatKey(format) << "_ms=" << median(times) << ' ';
    }
    QList<qint64> print;
    for (int i = 0; i < runs; ++i)
        print << timed(runtime, &PythonRuntime::printableReportRendered,
                       [&] { runtime.renderPrintableReport(); });
    out << "render_print_ms=" << median(print) << '\n';
    return 0;
}
