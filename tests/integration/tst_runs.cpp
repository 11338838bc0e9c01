// Remote runs against the lab (app/setup/runs): detached runs that survive dropped connections
// and restarts byte for byte, exit codes, cancelling a process group and its Slurm jobs, and a
// fast log with bounded memory.

#include "core/shellquote.h"
#include "setup/runs/remoterun.h"
#include "setup/runs/runjournal.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/remoterun.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onramp;
using namespace onramp::remote;
using namespace onramp::setup::runs;
using namespace onramp::testing;

namespace {

constexpr int kRunWaitMs = 120000;

// Numbered lines with bytes that are not UTF-8, a UTF-8 'é' and a \r progress bar, about 20 s.
const QString kNumberedScript = QStringLiteral(
    "for i in $(seq 1 260); do\n"
    "  printf 'line %d \\377\\376 caf\\303\\251\\n' \"$i\"\n"
    "  if [ $((i % 40)) -eq 0 ]; then\n"
    "    for p in 10 20 30 40 50 60 70 80 90 100; do printf '\\rprogress %3d%%' \"$p\"; sleep 0.01; done\n"
    "    printf '\\n'\n"
    "  fi\n"
    "  sleep 0.07\n"
    "done\n"
    "echo 'to stderr' >&2\n"
    "exit 7\n");

QByteArray fileMd5(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&f);
    return hash.result().toHex();
}

// Peak resident memory of this process since the last reset, in KiB (Linux).
qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace

namespace QTest {
template<> char *toString(const RunState &state)
{
    return qstrdup(qPrintable(onramp::setup::runs::stateWord(state)));
}
template<> char *toString(const std::optional<int> &value)
{
    return qstrdup(value ? QByteArray::number(*value).constData() : "none");
}
} // namespace QTest

class TestRuns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reportsExitCode_data();
    void reportsExitCode();
    void survivesDroppedConnections();
    void resumesAfterRestart();
    void cancelStopsProcessGroupAndSlurmJobs();
    void fastLogArrivesWholeWithBoundedMemory();

private:
    std::unique_ptr<Transport> connectTransport();
    QString newTestId();
    QString remote(const QString &command);
    QByteArray remoteMd5(const RemoteRun &run);
    // Waits for the run to end (any end) and returns whether it did.
    bool waitForEnd(RemoteRun &run, int timeoutMs = kRunWaitMs);

    LabEnv m_lab;
    std::unique_ptr<Transport> m_shared; // checks on the cluster, never killed
    QTemporaryDir m_local;
    QStringList m_testIds;
};

std::unique_ptr<Transport> TestRuns::connectTransport()
{
    auto transport = ssh::createSshTransport();
    transport->connectTo(m_lab.directEndpoint());
    static_cast<void>(
        QTest::qWaitFor([&] { return transport->state() == ConnectionState::Connected; }, kConnectWaitMs));
    return transport;
}

QString TestRuns::newTestId()
{
    const QString id = QStringLiteral("test-") + newRunId();
    m_testIds << id;
    return id;
}

QString TestRuns::remote(const QString &command)
{
    auto run = runCommand(*m_shared, command);
    if (!run->done)
        qWarning() << "no answer from" << command;
    return run->out;
}

QByteArray TestRuns::remoteMd5(const RemoteRun &run)
{
    return remote(QStringLiteral("md5sum < %1/log").arg(shellQuote(run.entry().remoteDir)))
        .split(QLatin1Char(' '))
        .first()
        .trimmed()
        .toLatin1();
}

bool TestRuns::waitForEnd(RemoteRun &run, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !run.entry().isActive(); }, timeoutMs);
}

void TestRuns::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    QVERIFY(m_local.isValid());
    m_shared = connectTransport();
    QCOMPARE(m_shared->state(), ConnectionState::Connected);
}

void TestRuns::cleanupTestCase()
{
    if (!m_shared || m_shared->state() != ConnectionState::Connected)
        return;
    for (const QString &id : std::as_const(m_testIds)) {
        remote(QStringLiteral("scancel -u \"$(id -un)\" -n %1 2>/dev/null; rm -rf \"$HOME\"/.onramp/runs/%1")
                   .arg(shellQuote(id)));
    }
    m_shared.reset();
}

void TestRuns::reportsExitCode_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("log");
    QTest::newRow("success") << QStringLiteral("echo done") << 0 << QByteArray("done\n");
    QTest::newRow("exit 3") << QStringLiteral("echo failing >&2\nexit 3") << 3 << QByteArray("failing\n");
    QTest::newRow("set -e") << QStringLiteral("set -e\nfalse\necho never") << 1 << QByteArray();
    QTest::newRow("killed by a signal") << QStringLiteral("kill -KILL $$") << 137 << QByteArray();
    QTest::newRow("no output, no newline") << QStringLiteral("printf 'x'; exit 42") << 42 << QByteArray("x");
}

void TestRuns::reportsExitCode()
{
    QFETCH(QString, script);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, log);
    RunJournal journal(m_local.filePath(QStringLiteral("exit/runs.json")));
    auto started
        = RemoteRun::start({newTestId(), QStringLiteral("exit code"), script, {}}, m_shared.get(), &journal);
    QVERIFY(started.ok());
    std::unique_ptr<RemoteRun> run(started.value());
    QSignalSpy finished(run.get(), &RemoteRun::finished);
    QSignalSpy startedSpy(run.get(), &RemoteRun::started);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunWaitMs);
    QCOMPARE(startedSpy.size(), 1);
    QCOMPARE(finished.first().first().toInt(), exitCode);
    QCOMPARE(run->state(), RunState::Finished);
    QCOMPARE(run->exitCode(), std::optional<int>(exitCode));
    QVERIFY(run->elapsedMs() > 0);

    QFile local(run->localLogPath());
    QVERIFY(local.open(QIODevice::ReadOnly));
    QCOMPARE(local.readAll(), log);

    // What the journal holds on disk.
    RunJournal reread(journal.path());
    QVERIFY(reread.load().ok());
    const auto entry = reread.entry(run->id());
    QVERIFY(entry);
    QCOMPARE(entry->state, RunState::Finished);
    QCOMPARE(entry->exitCode, std::optional<int>(exitCode));
    QCOMPARE(entry->offset, qint64(log.size()));
    QVERIFY(entry->remoteDir.startsWith(m_lab.value(QStringLiteral("ONRAMP_LAB_HOME"))));
    QVERIFY(entry->pgid > 1);
    QVERIFY(entry->finishedAt >= entry->startedAt);
}

void TestRuns::survivesDroppedConnections()
{
    auto transport = connectTransport();
    QCOMPARE(transport->state(), ConnectionState::Connected);
    QSignalSpy disconnected(transport.get(), &Transport::disconnected);
    RunJournal journal(m_local.filePath(QStringLiteral("drops/runs.json")));
    auto started = RemoteRun::start({newTestId(), QStringLiteral("numbered lines"), kNumberedScript, {}},
                                    transport.get(), &journal);
    QVERIFY(started.ok());
    std::unique_ptr<RemoteRun> run(started.value());
    QSignalSpy finished(run.get(), &RemoteRun::finished);
    QSignalSpy waiting(run.get(), &RemoteRun::waitingForConnection);
    QSignalSpy problems(run.get(), &RemoteRun::problem);
    QByteArray streamed; // what output() delivered: the same bytes as the local log
    connect(run.get(), &RemoteRun::output, this, [&](const QByteArray &bytes) { streamed += bytes; });

    // Kill the connection's sshd whenever the run has delivered bytes again since the last kill.
    int kills = 0;
    QElapsedTimer clock;
    clock.start();
    while (kills < 12) {
        const qint64 before = run->offset();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !finished.isEmpty()
                    || (transport->state() == ConnectionState::Connected && run->offset() > before);
            },
            30000));
        if (!finished.isEmpty())
            break;
        transport->exec(QStringLiteral("kill -KILL $PPID"));
        ++kills;
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), kills, 10000);
    }
    const qint64 killsDoneMs = clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunWaitMs);
    qInfo("%d connections killed in %lld ms; %d tails; run finished after %lld ms; %lld bytes", kills,
          killsDoneMs, run->followCount(), run->elapsedMs(), run->offset());
    for (const auto &args : std::as_const(problems))
        qInfo("retried: %s", qPrintable(args.first().value<Error>().detail));
    QVERIFY2(kills >= 10, qPrintable(QStringLiteral("only %1 kills before the run ended").arg(kills)));
    QVERIFY(waiting.size() >= 10);
    QVERIFY(run->followCount() >= kills + 1);
    QCOMPARE(finished.first().first().toInt(), 7);

    QFile local(run->localLogPath());
    QVERIFY(local.open(QIODevice::ReadOnly));
    const QByteArray bytes = local.readAll();
    QCOMPARE(bytes, streamed);
    QCOMPARE(bytes.count("line "), 260);
    QVERIFY(bytes.contains("\rprogress 100%\n"));
    QVERIFY(bytes.contains("line 260 \xff\xfe caf\xc3\xa9\n"));
    QVERIFY(bytes.endsWith("to stderr\n"));
    QCOMPARE(fileMd5(run->localLogPath()), remoteMd5(*run));
    QCOMPARE(journal.entry(run->id())->offset, qint64(bytes.size()));
}

void TestRuns::resumesAfterRestart()
{
    const QString journalPath = m_local.filePath(QStringLiteral("restart/runs.json"));
    const QString id = newTestId();
    qint64 offsetAtClose = 0;
    {
        auto transport = connectTransport();
        RunJournal journal(journalPath);
        auto started = RemoteRun::start({id, QStringLiteral("numbered lines"), kNumberedScript, {}},
                                        transport.get(), &journal);
        QVERIFY(started.ok());
        std::unique_ptr<RemoteRun> run(started.value());
        QTRY_VERIFY_WITH_TIMEOUT(run->offset() > 2000, kRunWaitMs);
        offsetAtClose = run->offset();
        // The app quits mid-run: the run, the journal and the connection go, in that order.
    }
    // While the app is closed the run goes on: wait until the remote log has grown past what we hold.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return remote(QStringLiteral("wc -c < \"$HOME\"/.onramp/runs/%1/log").arg(shellQuote(id)))
                       .toLongLong()
                > offsetAtClose + 1000;
        },
        30000));

    auto transport = connectTransport();
    RunJournal journal(journalPath);
    QVERIFY(journal.load().ok());
    const auto entry = journal.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->state, RunState::Running);
    QCOMPARE(entry->offset, offsetAtClose);
    QCOMPARE(journal.activeEntries().size(), 1);
    std::unique_ptr<RemoteRun> run(RemoteRun::attach(*entry, transport.get(), &journal));
    QSignalSpy following(run.get(), &RemoteRun::following);
    QSignalSpy finished(run.get(), &RemoteRun::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunWaitMs);
    QCOMPARE(following.first().first().toLongLong(), offsetAtClose);
    QCOMPARE(finished.first().first().toInt(), 7);
    QCOMPARE(fileMd5(run->localLogPath()), remoteMd5(*run));
    qInfo("closed at %lld bytes, resumed and finished at %lld bytes", offsetAtClose, run->offset());

    RunJournal reread(journalPath);
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.entry(id)->state, RunState::Finished);
    QCOMPARE(reread.entry(id)->exitCode, std::optional<int>(7));
    QVERIFY(reread.activeEntries().isEmpty());
}

void TestRuns::cancelStopsProcessGroupAndSlurmJobs()
{
    const QString id = newTestId();
    // A batch job reported with onramp_job_started, an srun in the background, and the script itself.
    const QString script
        = QStringLiteral("onramp_job_started \"$(sbatch --parsable -J %1 -o /dev/null --wrap 'sleep 300')\"\n"
                         "srun -J %1 sleep 303 &\n"
                         "echo started\n"
                         "sleep 302\n")
              .arg(shellQuote(id));
    RunJournal journal(m_local.filePath(QStringLiteral("cancel/runs.json")));
    auto started = RemoteRun::start({id, QStringLiteral("long work"), script, {}}, m_shared.get(), &journal);
    QVERIFY(started.ok());
    std::unique_ptr<RemoteRun> run(started.value());
    run->setCancelGraceSeconds(3);
    QSignalSpy cancelled(run.get(), &RemoteRun::cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(run->offset() > 0, kRunWaitMs);
    const QString user = m_lab.value(QStringLiteral("ONRAMP_LAB_USER"));
    const QString jobsOfRun
        = QStringLiteral("squeue -h -u %1 -n %2 -o %i").arg(shellQuote(user), shellQuote(id));
    // Both jobs exist (running or pending) before the cancel.
    QVERIFY(QTest::qWaitFor(
        [&] { return remote(jobsOfRun).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 2; }, 30000));
    const QString pgid = QString::number(run->entry().pgid);
    QVERIFY(!remote(QStringLiteral("pgrep -g %1").arg(pgid)).trimmed().isEmpty());

    run->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kRunWaitMs);
    const QString summary = cancelled.first().first().toString();
    qInfo("%s", qPrintable(summary));
    QCOMPARE(run->state(), RunState::Cancelled);
    QVERIFY(run->cancelReply());
    QCOMPARE(run->cancelReply()->jobs.size(), 1);
    QVERIFY(summary.contains(QStringLiteral("sleep 302")));
    QVERIFY(summary.contains(run->cancelReply()->jobs.first().split(QLatin1Char(' ')).first()));

    // Nothing of the run is left: no process in its group, no job of its name.
    QCOMPARE(remote(QStringLiteral("pgrep -g %1; echo \"rc=$?\"").arg(pgid)).trimmed(),
             QStringLiteral("rc=1"));
    QVERIFY(QTest::qWaitFor([&] { return remote(jobsOfRun).trimmed().isEmpty(); }, 30000));
    QCOMPARE(fileMd5(run->localLogPath()), remoteMd5(*run));

    RunJournal reread(journal.path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.entry(id)->state, RunState::Cancelled);
    QCOMPARE(reread.entry(id)->note, summary);
}

void TestRuns::fastLogArrivesWholeWithBoundedMemory()
{
    RunJournal journal(m_local.filePath(QStringLiteral("fast/runs.json")));
    resetPeakRss();
    const qint64 peakBefore = peakRssKb();
    auto started = RemoteRun::start({newTestId(), QStringLiteral("seq"), QStringLiteral("seq 1 9000000"), {}},
                                    m_shared.get(), &journal);
    QVERIFY(started.ok());
    std::unique_ptr<RemoteRun> run(started.value());
    QSignalSpy finished(run.get(), &RemoteRun::finished);
    int chunks = 0;
    connect(run.get(), &RemoteRun::output, this, [&](const QByteArray &) { ++chunks; });
    const int savesBefore = journal.saveCount();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunWaitMs);
    const qint64 peakGrowthKb = peakRssKb() - peakBefore;
    const int saves = journal.saveCount() - savesBefore;
    constexpr qint64 kSeqBytes = 70888896; // `seq 1 9000000 | wc -c`
    qInfo("%lld bytes in %d chunks, %lld ms; %d journal saves; peak RSS grew by %lld KiB", run->offset(),
          chunks, run->elapsedMs(), saves, peakGrowthKb);
    QCOMPARE(finished.first().first().toInt(), 0);
    QCOMPARE(run->offset(), kSeqBytes);
    QCOMPARE(fileMd5(run->localLogPath()), remoteMd5(*run));
    // The log goes to disk as it arrives and at most one tail window (4 MiB) is in flight: memory
    // stays far below the log's size (measured: about 5 MiB for this 70 MB log; without the window,
    // 6 to 42 MiB depending on how busy the machine was).
    QVERIFY2(peakGrowthKb < 16 * 1024, qPrintable(QString::number(peakGrowthKb)));
    // Offsets are batched: far fewer journal writes than chunks.
    QVERIFY2(saves < chunks / 4 + 5,
             qPrintable(QStringLiteral("%1 saves, %2 chunks").arg(saves).arg(chunks)));
}

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
