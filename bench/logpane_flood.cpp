// Feeds a file through `cat` into a shown LogPane, the way a remote command's output reaches it (a pipe
// read as it fills, decoded as UTF-8 across chunk boundaries), and prints what bench/logpane_flood.sh
// compares with xterm: wall time until the last line is on screen, the longest time the GUI thread was
// blocked, and memory.
//   bench_logpane_flood FILE [MAX_LINES]
// Output: one line of key=value pairs.
#include "ui/logpane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringDecoder>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

namespace {
long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_logpane_flood FILE [MAX_LINES]\n");
        return 2;
    }
    onramp::ui::LogPane pane;
    if (args.size() > 2)
        pane.setMaximumLines(args.at(2).toInt());
    pane.setSource(QStringLiteral("student@aha"));
    pane.resize(1000, 700);
    pane.show();
    // Let the window map and paint once before the clock starts.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        app.processEvents(QEventLoop::AllEvents, 50);
    const long idleRss = peakRssKb();

    // A heartbeat on the GUI thread: the longest gap between two ticks is the longest freeze.
    constexpr int kTickMs = 5;
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(kTickMs);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGap = qMax(longestGap, now - lastTick);
        lastTick = now;
    });

    QProcess cat;
    QStringDecoder decoder(QStringDecoder::Utf8);
    qint64 bytes = 0;
    qint64 reads = 0;
    QObject::connect(&cat, &QProcess::readyReadStandardOutput, [&] {
        const QByteArray chunk = cat.readAllStandardOutput();
        bytes += chunk.size();
        ++reads;
        pane.appendStdout(decoder(chunk));
    });
    qint64 wallNs = 0;
    QObject::connect(&cat, &QProcess::finished, [&] {
        const QByteArray rest = cat.readAllStandardOutput();
        bytes += rest.size();
        pane.appendStdout(decoder(rest));
        pane.flush();
        pane.repaint(); // the last lines on screen, not only in the document
        wallNs = clock.nsecsElapsed();
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    clock.start();
    heartbeat.start();
    cat.start(QStringLiteral("cat"), {args.at(1)});
    app.exec();

    const QStringList shown = pane.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    std::printf("wall_ms=%.1f max_blocked_ms=%.1f peak_rss_kb=%ld idle_rss_kb=%ld bytes=%lld reads=%lld "
                "flushes=%d skipped=%lld dropped=%lld shown_lines=%lld last_line=\"%s\"\n",
                wallNs / 1e6, qMax<qint64>(0, longestGap - kTickMs * 1000000LL) / 1e6, peakRssKb(), idleRss,
                bytes, reads, pane.flushCount(), pane.skippedLines(), pane.droppedLines(),
                qint64(shown.size()), shown.isEmpty() ? "" : qPrintable(shown.last()));
    return cat.exitStatus() == QProcess::NormalExit && cat.exitCode() == 0 ? 0 : 1;
}
