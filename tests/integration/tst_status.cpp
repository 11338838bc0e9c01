// The status feature's pollers against the real lab, over one real SSH session: a real Slurm
// allocation made through the transport, the stand-in nvidia-smi inside it (it follows
// CUDA_VISIBLE_DEVICES, so the job sees exactly its GPU), jobs that wait because other jobs hold
// the GPUs, cancelling, and polling that stops and resumes with the connection.
#include "tst_statuslab.h"

#include "cluster/slurm/slurmvalues.h"
#include "setup/status/allocationstarter.h"
#include "setup/status/gpumonitor.h"
#include "setup/status/hostlist.h"
#include "setup/status/jobsmonitor.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"

#include <QSignalSpy>
#include <QTest>

using namespace onramp;
using namespace onramp::setup::status;
using onramp::testing::LabEnv;
using onramp::testing::StatusLab;

namespace {
constexpr int kConnectMs = 20000;
constexpr int kSlurmMs = 90000; // the lab shares two CPUs with everyone's builds and tests
} // namespace

class TestStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void gpuMonitorShowsTheAllocationsGpu();
    void jobsMonitorListsTheAllocationAsRunning();
    void pollsNeverOverlap();
    void aJobWaitingForGpusIsExplainedAndCancelled();
    void noAllocationMeansNoTarget();
    void aJobThatIsNotThereIsExplained();
    void aJobWithoutGpusIsExplained();
    void pollingStopsWithTheConnectionAndResumes();
    void hostListsExpand_data();
    void hostListsExpand();

private:
    std::unique_ptr<remote::Transport> connectTransport();
    // salloc --no-shell through the transport; the job id once salloc has named it ("" on failure).
    QString startAllocation(AllocationStarter &starter, int gpus, bool expectGranted);

    LabEnv m_lab;
    std::unique_ptr<StatusLab> m_status;
    std::unique_ptr<remote::Transport> m_transport;
    QString m_runningJob; // the 1-GPU allocation shared by the first tests
};

std::unique_ptr<remote::Transport> TestStatus::connectTransport()
{
    auto transport = ssh::createSshTransport();
    QSignalSpy connected(transport.get(), &remote::Transport::connected);
    transport->connectTo(m_lab.directEndpoint());
    if (!connected.wait(kConnectMs) && connected.isEmpty())
        return nullptr;
    return transport;
}

QString TestStatus::startAllocation(AllocationStarter &starter, int gpus, bool expectGranted)
{
    cluster::AllocationRequest request = AllocationStarter::defaultRequest();
    request.gpus = gpus;
    request.timeLimit = QStringLiteral("00:15:00");
    request.jobName = QStringLiteral("onramp-tst-status");
    const Status started = starter.start(request);
    if (!started) {
        qWarning() << started.error().message;
        return {};
    }
    if (expectGranted) {
        QSignalSpy finished(&starter, &AllocationStarter::finished);
        if (!finished.wait(kSlurmMs) && finished.isEmpty()) {
            qWarning() << "salloc did not return:" << starter.output();
            m_status->remember(starter.jobId());
            return {};
        }
        m_status->remember(starter.jobId());
        if (!finished.first().at(0).toBool()) {
            qWarning() << "salloc was not granted:" << starter.output();
            return {};
        }
        return starter.jobId();
    }
    // Waiting: salloc names the job as soon as Slurm has queued it.
    QElapsedTimer clock;
    clock.start();
    while (starter.jobId().isEmpty() && starter.isRunning() && clock.elapsed() < kSlurmMs)
        QTest::qWait(50);
    m_status->remember(starter.jobId());
    return starter.jobId();
}

void TestStatus::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    m_status = std::make_unique<StatusLab>(m_lab);
    m_transport = connectTransport();
    QVERIFY2(m_transport, "could not connect to the lab's login node");
}

void TestStatus::cleanup()
{
    // Each test leaves the lab as it found it, except the running allocation the next tests share.
    m_status->restore(m_runningJob);
}

void TestStatus::cleanupTestCase()
{
    if (m_status)
        m_status->restore();
    m_runningJob.clear();
    m_transport.reset();
}

void TestStatus::gpuMonitorShowsTheAllocationsGpu()
{
    AllocationStarter starter;
    starter.setTransport(m_transport.get());
    m_runningJob = startAllocation(starter, 1, true);
    QVERIFY2(!m_runningJob.isEmpty(), qPrintable(starter.output()));
    QCOMPARE(starter.stage(), AllocationStarter::Stage::Granted);
    QCOMPARE(m_status->jobState(m_runningJob), QStringLiteral("RUNNING"));

    GpuMonitor monitor;
    monitor.setTransport(m_transport.get());
    monitor.setIntervalMs(500);
    monitor.setTarget(GpuTarget {m_runningJob, {}, 1});
    monitor.setActive(true);
    QVERIFY(monitor.isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(monitor.hasReading() || monitor.error(), kSlurmMs);
    if (const auto &error = monitor.error())
        QFAIL(qPrintable(error->message + QLatin1Char('\n') + error->detail));
    QVERIFY(!monitor.diagnosis());

    // The stand-in follows CUDA_VISIBLE_DEVICES: the job sees exactly the one GPU it was given.
    const QList<GpuReading> gpus = monitor.gpus();
    QCOMPARE(gpus.size(), 1);
    const cluster::GpuStatus &gpu = gpus.first().status;
    QCOMPARE(gpu.index, std::optional<int>(0));
    QVERIFY2(gpu.name.contains(QLatin1String("H100")), qPrintable(gpu.name));
    QVERIFY(gpu.uuid.startsWith(QLatin1String("GPU-")));
    QVERIFY(gpu.memoryTotalMiB && *gpu.memoryTotalMiB > 70000);
    QVERIFY(gpu.memoryUsedMiB && *gpu.memoryUsedMiB >= 0 && *gpu.memoryUsedMiB <= *gpu.memoryTotalMiB);
    QVERIFY(gpu.utilizationGpuPercent && *gpu.utilizationGpuPercent >= 0
            && *gpu.utilizationGpuPercent <= 100);
    QVERIFY(gpu.temperatureC && *gpu.temperatureC > 10 && *gpu.temperatureC < 100);
    QVERIFY(gpu.powerDrawW && *gpu.powerDrawW > 0 && gpu.powerLimitW && *gpu.powerDrawW <= *gpu.powerLimitW);

    // The history grows with every poll, one sample per GPU per poll.
    const QString key = gpus.first().key();
    QCOMPARE(monitor.historyKeys(), QStringList {key});
    QTRY_VERIFY_WITH_TIMEOUT(monitor.history(key).size() >= 3, kSlurmMs);
    const QList<GpuSample> history = monitor.history(key);
    for (qsizetype i = 1; i < history.size(); ++i)
        QVERIFY(history.at(i).atMs >= history.at(i - 1).atMs);
    QVERIFY(history.last().memoryPercent().has_value());

    // Busy GPUs: the training process appears, with its memory, and the GPU is working.
    QVERIFY(m_status->knob({QStringLiteral("set"), QStringLiteral("gpu.busy=1")}));
    QTRY_VERIFY_WITH_TIMEOUT(!monitor.gpus().isEmpty() && !monitor.gpus().first().processes.isEmpty(),
                             kSlurmMs);
    const GpuReading busy = monitor.gpus().first();
    QVERIFY2(busy.processes.first().name.endsWith(QLatin1String("/python")),
             qPrintable(busy.processes.first().name));
    QVERIFY(busy.processes.first().pid.has_value());
    QVERIFY(busy.processes.first().usedMemoryMiB && *busy.processes.first().usedMemoryMiB > 1000);
    QVERIFY(busy.status.utilizationGpuPercent && *busy.status.utilizationGpuPercent >= 90);
    QVERIFY(m_status->knob({QStringLiteral("unset"), QStringLiteral("gpu.busy")}));
    QTRY_VERIFY_WITH_TIMEOUT(!monitor.gpus().isEmpty() && monitor.gpus().first().processes.isEmpty(),
                             kSlurmMs);

    monitor.setActive(false);
    QVERIFY(!monitor.isPolling());
}

void TestStatus::jobsMonitorListsTheAllocationAsRunning()
{
    QVERIFY2(!m_runningJob.isEmpty(), "needs the allocation of gpuMonitorShowsTheAllocationsGpu");
    JobsMonitor jobs;
    jobs.setTransport(m_transport.get());
    QVERIFY(jobs.pollNow());
    QTRY_VERIFY_WITH_TIMEOUT(jobs.pollCount() == 1, kSlurmMs);
    QVERIFY2(!jobs.problem(), qPrintable(jobs.problem() ? jobs.problem()->error.detail : QString()));
    QVERIFY(jobs.hasSnapshot());
    QCOMPARE(jobs.user(), m_lab.value(QStringLiteral("ONRAMP_LAB_USER")));
    const std::optional<JobEntry> job = jobs.job(m_runningJob);
    QVERIFY2(job, qPrintable(jobs.lastRecord()->stdoutText));
    QCOMPARE(job->job.state, cluster::JobState::Running);
    QCOMPARE(cluster::jobStateName(job->job.state), QStringLiteral("RUNNING"));
    QCOMPARE(job->job.name, QStringLiteral("onramp-tst-status"));
    QCOMPARE(job->job.partition, m_lab.value(QStringLiteral("ONRAMP_LAB_GPU_PARTITION")));
    QCOMPARE(job->job.nodeList, m_lab.value(QStringLiteral("ONRAMP_LAB_NODE")));
    QCOMPARE(job->job.gpus(), 1);
    QVERIFY(job->job.elapsed.isFinite());
    QVERIFY(job->job.reason.isEmpty());
    QVERIFY(!job->explanation);
    QVERIFY(job->isRunningWithGpus());

    // The GPU monitor follows the job list: with no target yet, it takes a running GPU job.
    GpuMonitor gpus;
    gpus.followJobs(&jobs);
    QVERIFY(gpus.hasTarget());
    QVERIFY(jobs.job(gpus.target().jobId)->isRunningWithGpus());
    gpus.setTarget(GpuTarget {m_runningJob, {}, 1});
    jobs.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(jobs.pollCount() == 2, kSlurmMs);
    QCOMPARE(gpus.target().jobId, m_runningJob); // a running target stays
}

void TestStatus::aJobWaitingForGpusIsExplainedAndCancelled()
{
    // Free the GPUs of the earlier tests, then let another user's job hold every free GPU.
    if (!m_runningJob.isEmpty()) {
        m_status->slurm(QStringLiteral("scancel"), {m_runningJob});
        QTRY_VERIFY_WITH_TIMEOUT(m_status->jobState(m_runningJob).isEmpty(), kSlurmMs);
        m_runningJob.clear();
    }
    // Another job may end and free a GPU between the two steps on this shared lab: then again.
    AllocationStarter starter;
    starter.setTransport(m_transport.get());
    QString waiting;
    for (int attempt = 0; attempt < 3 && waiting.isEmpty(); ++attempt) {
        QVERIFY(m_status->makeGpusBusy());
        waiting = startAllocation(starter, 1, false);
        QVERIFY2(!waiting.isEmpty(), qPrintable(starter.output()));
        QTest::qWait(500);
        if (starter.stage() != AllocationStarter::Stage::Pending) {
            qWarning() << "a GPU came free before job" << waiting << "was queued; trying again";
            m_status->slurm(QStringLiteral("scancel"), {waiting});
            QTRY_VERIFY_WITH_TIMEOUT(!starter.isRunning(), kSlurmMs);
            waiting.clear();
        }
    }
    QSignalSpy finished(&starter, &AllocationStarter::finished);
    QCOMPARE(starter.stage(), AllocationStarter::Stage::Pending);
    QVERIFY(starter.isRunning());

    JobsMonitor jobs;
    jobs.setTransport(m_transport.get());
    jobs.setIntervalMs(500);
    jobs.setActive(true);
    // Slurm may need a scheduling pass before it names the reason.
    QTRY_VERIFY_WITH_TIMEOUT(jobs.job(waiting) && jobs.job(waiting)->job.reason == QLatin1String("Resources"),
                             kSlurmMs);
    const JobEntry entry = *jobs.job(waiting);
    QCOMPARE(entry.job.state, cluster::JobState::Pending);
    QVERIFY(entry.job.nodeList.isEmpty());
    QVERIFY(entry.explanation);
    QCOMPARE(entry.explanation->code, QStringLiteral("slurm.pending.Resources"));
    QVERIFY(!entry.explanation->summary.isEmpty());
    QVERIFY(!entry.explanation->suggestion.isEmpty());
    QCOMPARE(entry.explanation->evidence, QStringLiteral("Resources"));

    // Cancel it: scancel through the session, then it is gone from squeue, and salloc gives up.
    QSignalSpy cancelled(&jobs, &JobsMonitor::cancelFinished);
    QVERIFY(jobs.cancelJob(waiting).ok());
    QVERIFY(jobs.isCancelling(waiting));
    QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), kSlurmMs);
    QCOMPARE(cancelled.first().at(0).toString(), waiting);
    const auto problem = cancelled.first().at(1).value<std::optional<StatusProblem>>();
    QVERIFY2(!problem, qPrintable(problem ? problem->error.detail : QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!jobs.job(waiting), kSlurmMs);
    const QString state = m_status->jobState(waiting);
    QVERIFY2(state.isEmpty() || state == QLatin1String("CANCELLED"), qPrintable(state));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kSlurmMs);
    QCOMPARE(finished.first().at(0).toBool(), false);
}

void TestStatus::noAllocationMeansNoTarget()
{
    // The lab's student is shared with other people's tests, so "no job" is asked for a user who
    // never has any.
    JobsMonitor jobs;
    jobs.setTransport(m_transport.get());
    jobs.setUser(QStringLiteral("nobody"));
    GpuMonitor gpus;
    gpus.setTransport(m_transport.get());
    gpus.followJobs(&jobs);
    gpus.setActive(true);
    QVERIFY(jobs.pollNow());
    QTRY_VERIFY_WITH_TIMEOUT(jobs.hasSnapshot() || jobs.problem(), kSlurmMs);
    QVERIFY(!jobs.problem());
    QVERIFY(jobs.jobs().isEmpty());
    QVERIFY(jobs.runningGpuJobs().isEmpty());
    QVERIFY(!gpus.hasTarget());
    QVERIFY(!gpus.pollNow()); // nothing to poll
    QCOMPARE(gpus.pollCount(), 0);
}

void TestStatus::aJobThatIsNotThereIsExplained()
{
    GpuMonitor gpus;
    gpus.setTransport(m_transport.get());
    gpus.setTarget(GpuTarget {QStringLiteral("4000000000"), {}, 1});
    QVERIFY(gpus.pollNow());
    QTRY_VERIFY_WITH_TIMEOUT(gpus.pollCount() == 1, kSlurmMs);
    QVERIFY(!gpus.hasReading());
    QVERIFY(gpus.error());
    QVERIFY(gpus.error()->message.contains(QLatin1String("4000000000")));
    QVERIFY2(gpus.diagnosis(), qPrintable(gpus.lastRecord()->stderrText));
    QVERIFY2(gpus.diagnosis()->code.startsWith(QLatin1String("slurm.error.")),
             qPrintable(gpus.diagnosis()->code));
    QVERIFY(!gpus.diagnosis()->summary.isEmpty());
}

void TestStatus::aJobWithoutGpusIsExplained()
{
    // A CPU job: nvidia-smi in it cannot reach a driver (as on a real node whose cgroup hides the
    // GPUs); the view says so in plain words instead of showing an empty table.
    AllocationStarter starter;
    starter.setTransport(m_transport.get());
    cluster::AllocationRequest request;
    request.partition = m_lab.value(QStringLiteral("ONRAMP_LAB_CPU_PARTITION"));
    request.timeLimit = QStringLiteral("00:05:00");
    request.jobName = QStringLiteral("onramp-tst-status");
    QSignalSpy finished(&starter, &AllocationStarter::finished);
    QVERIFY(starter.start(request).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kSlurmMs);
    m_status->remember(starter.jobId());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(starter.output()));

    GpuMonitor gpus;
    gpus.setTransport(m_transport.get());
    gpus.setTarget(GpuTarget {starter.jobId(), {}, 0});
    QVERIFY(gpus.pollNow());
    QTRY_VERIFY_WITH_TIMEOUT(gpus.pollCount() == 1, kSlurmMs);
    QVERIFY(!gpus.hasReading());
    QVERIFY(gpus.gpus().isEmpty());
    QVERIFY(gpus.error());
    QVERIFY2(gpus.diagnosis(), qPrintable(gpus.lastRecord()->stdoutText));
    QVERIFY2(gpus.diagnosis()->code.startsWith(QLatin1String("nvidia-smi.")),
             qPrintable(gpus.diagnosis()->code));
    QVERIFY(!gpus.diagnosis()->summary.isEmpty());
    QVERIFY(!gpus.diagnosis()->suggestion.isEmpty());
    QVERIFY(gpus.diagnosis()->evidence.contains(QLatin1String("NVIDIA driver")));
}

void TestStatus::pollsNeverOverlap()
{
    // Ticks every 100 ms, polls (a Slurm step in the allocation) that take longer: ticks are
    // skipped, never doubled.
    QVERIFY2(!m_runningJob.isEmpty(), "needs the allocation of gpuMonitorShowsTheAllocationsGpu");
    GpuMonitor gpus;
    gpus.setTransport(m_transport.get());
    gpus.setTarget(GpuTarget {m_runningJob, {}, 1});
    gpus.setIntervalMs(100);
    int inFlight = 0;
    int most = 0;
    connect(&gpus, &PollingMonitor::pollStarted, this, [&] { most = qMax(most, ++inFlight); });
    connect(&gpus, &PollingMonitor::pollFinished, this, [&] { --inFlight; });
    gpus.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(gpus.pollCount() >= 3, kSlurmMs);
    gpus.setActive(false);
    QTRY_VERIFY(!gpus.isBusy());
    QCOMPARE(most, 1);
    QVERIFY(gpus.hasReading());
    if (gpus.lastPollMs() > 250)
        QVERIFY(gpus.skippedTicks() > 0);
}

void TestStatus::pollingStopsWithTheConnectionAndResumes()
{
    std::unique_ptr<remote::Transport> transport = connectTransport();
    QVERIFY(transport);
    JobsMonitor jobs;
    jobs.setTransport(transport.get());
    jobs.setIntervalMs(300);
    QSignalSpy polling(&jobs, &PollingMonitor::pollingChanged);
    jobs.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(jobs.pollCount() >= 2, kSlurmMs);

    transport->disconnectFrom();
    QTRY_VERIFY_WITH_TIMEOUT(!jobs.isPolling(), kConnectMs);
    QVERIFY(!jobs.hasSnapshot());
    QTRY_VERIFY(!jobs.isBusy());
    const int before = jobs.pollCount();
    QTest::qWait(1000);
    QCOMPARE(jobs.pollCount(), before);
    QVERIFY(!jobs.pollNow());

    transport->connectTo(m_lab.directEndpoint());
    QTRY_VERIFY_WITH_TIMEOUT(jobs.isPolling(), kConnectMs);
    QTRY_VERIFY_WITH_TIMEOUT(jobs.pollCount() >= before + 2 && jobs.hasSnapshot(), kSlurmMs);
    QVERIFY(polling.size() >= 3); // on, off, on
    jobs.setTransport(nullptr);
    QVERIFY(!jobs.isPolling());
}

void TestStatus::hostListsExpand_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QStringList>("nodes");
    const auto l = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out << QString::fromLatin1(n);
        return out;
    };
    QTest::newRow("one node") << QStringLiteral("vm") << l({"vm"});
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("range, zero-padded")
        << QStringLiteral("gpu[08-11]") << l({"gpu08", "gpu09", "gpu10", "gpu11"});
    QTest::newRow("ranges and singles") << QStringLiteral("n[1-2,5]") << l({"n1", "n2", "n5"});
    QTest::newRow("several names") << QStringLiteral("a1,b[2-3]-ib,c") << l({"a1", "b2-ib", "b3-ib", "c"});
    QTest::newRow("two groups") << QStringLiteral("r[1-2]n[1-2]") << l({"r1n1", "r1n2", "r2n1", "r2n2"});
    QTest::newRow("not a list") << QStringLiteral("odd[x-y]") << l({"odd[x-y]"});
    QTest::newRow("unclosed") << QStringLiteral("odd[1-2") << l({"odd[1-2"});
    QTest::newRow("reversed") << QStringLiteral("n[5-1]") << l({"n[5-1]"});
}

void TestStatus::hostListsExpand()
{
    QFETCH(QString, list);
    QFETCH(QStringList, nodes);
    QCOMPARE(expandHostList(list), nodes);
    QCOMPARE(expandHostList(QStringLiteral("n[1-100000]")).size(), 1024); // bounded
}

QTEST_GUILESS_MAIN(TestStatus)
#include "tst_status.moc"
