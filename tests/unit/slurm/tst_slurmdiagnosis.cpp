#include "cluster/slurm/scontrol.h"
#include "cluster/slurm/slurmdiagnosis.h"
#include "cluster/slurm/slurmparsers.h"

#include "slurmtestutil.h"

#include <QRegularExpression>
#include <QTest>

using namespace onramp::cluster;
using slurmtest::readFixture;

namespace {

const QString kLab = u"lab/slurm-22.05.8__"_qs;

QString codes(const Diagnoses &diagnoses)
{
    QStringList out;
    for (const Diagnosis &d : diagnoses)
        out << d.code.mid(QStringLiteral("slurm.error.").size());
    return out.join(u',');
}

void checkComplete(const Diagnosis &d)
{
    QVERIFY2(!d.summary.isEmpty(), qPrintable(d.code));
    QVERIFY2(!d.suggestion.isEmpty(), qPrintable(d.code));
    QVERIFY2(!d.evidence.isEmpty(), qPrintable(d.code));
    QVERIFY2(!d.summary.contains(u"%1"_qs), qPrintable(d.summary));
    QVERIFY2(!d.suggestion.contains(u"%1"_qs), qPrintable(d.suggestion));
}

} // namespace

class TestSlurmDiagnosis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pendingReasons_data();
    void pendingReasons();
    void nothingToExplain_data();
    void nothingToExplain();
    void everyLabReasonIsKnown();
    void errors_data();
    void errors();
    void errnoTextsOfTheCorpus();
    void jobs_data();
    void jobs();
    void jobDetails_data();
    void jobDetails();
};

void TestSlurmDiagnosis::pendingReasons_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions"); // a word the summary must contain, or empty
    auto row = [](const char *reason, const char *code, const char *mentions = "") {
        QTest::newRow(reason) << QString::fromUtf8(reason)
                              << QStringLiteral("slurm.pending.") + QLatin1String(code)
                              << QString::fromUtf8(mentions);
    };
    row("Resources", "Resources");
    row("(Resources)", "Resources");
    row("Priority", "Priority");
    row("Dependency", "Dependency");
    row("DependencyNeverSatisfied", "DependencyNeverSatisfied");
    row("BeginTime", "BeginTime");
    row("JobHeldUser", "JobHeldUser");
    row("JobHeldAdmin", "JobHeldAdmin");
    row("PartitionTimeLimit", "PartitionTimeLimit");
    row("PartitionNodeLimit", "PartitionNodeLimit");
    row("PartitionDown", "PartitionDown");
    row("PartitionInactive", "PartitionInactive");
    row("PartitionConfig", "PartitionConfig");
    row("QOSMaxGRESPerUser", "QOSMaxGRESPerUser", "GPUs");
    row("QOSMaxJobsPerUserLimit", "QOSMaxJobsPerUserLimit", "running jobs");
    row("AssocGrpGRES", "AssocGrpGRES", "GPUs");
    row("ReqNodeNotAvail", "ReqNodeNotAvail");
    row("ReqNodeNotAvail, UnavailableNodes:gpu[01-02,05]", "ReqNodeNotAvail", "gpu[01-02,05]");
    row("ReqNodeNotAvail,_UnavailableNodes:vm", "ReqNodeNotAvail", "(vm)");
    row("ReqNodeNotAvail, Reserved for maintenance", "ReqNodeNotAvail", "maintenance");
    row("ReqNodeNotAvail,_Reserved_for_maintenance", "ReqNodeNotAvail", "maintenance");
    row("launch failed requeued held", "LaunchFailedRequeuedHeld");
    row("Job's account not permitted to use this partition (dragen allows gpdragen not broad)",
        "AccountNotAllowed");
    row("Job's_account_not_permitted_to_use_this_partition_(a100_allows_research_not_chiru)",
        "AccountNotAllowed");
    row("AccountNotAllowed", "AccountNotAllowed");
    row("InvalidAccount", "InvalidAccount");
    row("InvalidQOS", "InvalidQOS");
    row("QOSNotAllowed", "QOSNotAllowed");
    row("BadConstraints", "BadConstraints");
    row("Constraints", "Constraints");
    row("Licenses", "Licenses");
    row("Reservation", "Reservation");
    row("ReservationDeleted", "ReservationDeleted");
    row("NodeDown", "NodeDown");
    row("AccountingPolicy", "AccountingPolicy");
    row("QOSUsageThreshold", "QOSUsageThreshold");
    row("MaxMemPerLimit", "MaxMemPerLimit");
    row("JobArrayTaskLimit", "JobArrayTaskLimit");
    row("Prolog", "Prolog");
    row("Cleaning", "Cleaning");
    row("SchedDefer", "SchedDefer");
    row("JobHoldMaxRequeue", "JobHoldMaxRequeue");
    row("NonZeroExitCode", "NonZeroExitCode");
    row("TimeLimit", "TimeLimit");
    row("OutOfMemory", "OutOfMemory");
    row("JobLaunchFailure", "JobLaunchFailure");
    row("SystemFailure", "SystemFailure");
    row("DeadLine", "DeadLine");
    // The limit families, composed from their parts.
    row("QOSGrpGRES", "QOSGrpGRES", "quality of service");
    row("QOSMaxGRESPerJob", "QOSMaxGRESPerJob", "one job");
    row("QOSMaxGRESPerNode", "QOSMaxGRESPerNode", "per node");
    row("QOSMinGRES", "QOSMinGRES", "minimum");
    row("MaxGRESPerAccount", "MaxGRESPerAccount", "account");
    row("AssocMaxJobsLimit", "AssocMaxJobsLimit", "running jobs");
    row("AssocGrpCpuLimit", "AssocGrpCpuLimit", "CPUs");
    row("AssocGrpMemLimit", "AssocGrpMemLimit", "memory");
    row("AssocGrpNodeLimit", "AssocGrpNodeLimit", "nodes");
    row("QOSGrpCPUMinutesLimit", "QOSGrpCPUMinutesLimit", "allowance");
    row("AssocGrpGRESRunMinutes", "AssocGrpGRESRunMinutes", "reserve");
    row("QOSMaxWallDurationPerJobLimit", "QOSMaxWallDurationPerJobLimit", "run time");
    row("QOSMaxSubmitJobPerUserLimit", "QOSMaxSubmitJobPerUserLimit", "queued jobs");
    row("AssocMaxSubmitJobLimit", "AssocMaxSubmitJobLimit", "queued jobs");
    row("QOSMaxNodePerUserLimit", "QOSMaxNodePerUserLimit", "nodes");
    row("AssocMaxCpuPerNode", "AssocMaxCpuPerNode", "per node");
    row("QOSGrpBilling", "QOSGrpBilling", "billing");
    row("QOSMaxMemoryPerUser", "QOSMaxMemoryPerUser", "memory");
    row("QOSMinCpuNotSatisfied", "QOSMinCpuNotSatisfied", "minimum");
    row("AssocGrpLicense", "AssocGrpLicense", "licenses");
    // Not a known reason: still explained, with Slurm's words.
    QTest::newRow("unknown") << u"QuantumEntanglement"_qs << u"slurm.pending.unknown"_qs
                             << u"QuantumEntanglement"_qs;
    QTest::newRow("unknown free text")
        << u"Waiting for the moon"_qs << u"slurm.pending.unknown"_qs << u"Waiting for the moon"_qs;
}

void TestSlurmDiagnosis::pendingReasons()
{
    QFETCH(QString, reason);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto diagnosis = explainPendingReason(reason);
    QVERIFY(diagnosis);
    QCOMPARE(diagnosis->code, code);
    QCOMPARE(diagnosis->evidence, reason); // verbatim
    checkComplete(*diagnosis);
    if (!mentions.isEmpty())
        QVERIFY2(diagnosis->summary.contains(mentions), qPrintable(diagnosis->summary));
}

void TestSlurmDiagnosis::nothingToExplain_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("None") << u"None"_qs;
    QTest::newRow("(None)") << u"(None)"_qs;
    QTest::newRow("empty") << QString();
    QTest::newRow("(null)") << u"(null)"_qs;
    QTest::newRow("spaces") << u"  "_qs;
}

void TestSlurmDiagnosis::nothingToExplain()
{
    QFETCH(QString, reason);
    QVERIFY(!explainPendingReason(reason));
}

// Every reason the real Slurm gave in the lab has its own explanation.
void TestSlurmDiagnosis::everyLabReasonIsKnown()
{
    QStringList seen;
    for (const QString &path : slurmtest::fixtureFiles(u"lab"_qs, u"__squeue-me"_qs)) {
        const auto jobs = parseSqueue(readFixture(path));
        QVERIFY2(jobs.ok(), qPrintable(path));
        for (const Job &job : jobs.value()) {
            if (job.reason.isEmpty())
                continue;
            const auto diagnosis = explainPendingReason(job.reason);
            QVERIFY(diagnosis);
            QVERIFY2(!diagnosis->code.endsWith(u".unknown"_qs), qPrintable(job.reason));
            seen << job.reason;
        }
    }
    for (const QString &path : slurmtest::fixtureFiles(u"lab"_qs, u"__scontrol-show-job__"_qs)) {
        const auto jobs = parseScontrolJobs(readFixture(path));
        if (!jobs.ok())
            continue; // the invalid-job-id capture is an error text
        for (const JobDetails &job : jobs.value()) {
            if (job.reason.isEmpty())
                continue;
            const auto diagnosis = explainPendingReason(job.reason);
            QVERIFY(diagnosis);
            QVERIFY2(!diagnosis->code.endsWith(u".unknown"_qs), qPrintable(job.reason));
            seen << job.reason;
        }
    }
    seen.removeDuplicates();
    QVERIFY2(seen.size() >= 12, qPrintable(seen.join(u", ")));
}

void TestSlurmDiagnosis::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("codes"); // after "slurm.error.", in order
    auto file = [](const char *name, const char *codes) {
        QTest::newRow(name) << readFixture(kLab + QString::fromLatin1(name) + u".txt"_qs)
                            << QString::fromLatin1(codes);
    };
    file("srun__gres-gpu-3", "NodeConfigUnavailable");
    file("sbatch__gres-gpu-3", "NodeConfigUnavailable");
    file("salloc__gres-gpu-3", "NodeConfigUnavailable");
    file("srun__unknown-gpu-type", "NodeConfigUnavailable");
    file("srun__invalid-gres", "InvalidGres");
    file("srun__bad-partition", "InvalidPartition");
    file("srun__time-garbage", "TimeSyntax");
    file("srun__time-over-partition-limit", "PartitionConfigUnavailable");
    file("srun__two-nodes", "PartitionConfigUnavailable,Cancelled");
    file("srun-immediate__gpus-busy", "NodesBusy");
    file("srun__queued-then-interrupted", "Cancelled");
    file("salloc__queued-then-interrupted", "Cancelled");
    file("srun-pty__no-terminal", "NoPty");
    file("srun-pty__interactive-shell", "");
    file("srun-overlap__invalid-job-id", "InvalidJobId");
    file("srun-overlap__allocation-ended", "AllocationExpired");
    file("srun-overlap__step-cancelled-with-allocation", "Cancelled");
    file("srun-overlap__step-output", "");
    file("srun-overlap__second-step-beside-a-running-one", "");
    file("salloc-no-shell__granted", "");
    file("scancel__invalid-job-id", "");
    file("scancel__already-done", "");
    file("scancel-verbose__invalid-job-id", "InvalidJobId");
    file("scontrol-show-job__invalid-job-id", "InvalidJobId");
    // Corpus: the example lines at the top of the file reconstructed from Slurm's source.
    const QString reconstructed
        = readFixture(u"corpus/error-messages__RECONSTRUCTED-from-slurm-source.txt"_qs);
    QStringList top;
    for (const QString &line : reconstructed.split(u'\n')) {
        if (line.isEmpty())
            break;
        if (!line.startsWith(u'#'))
            top << line;
    }
    QTest::newRow("corpus reconstructed examples")
        << top.join(u'\n') << u"InvalidGres,NodeConfigUnavailable,AccountNotPermitted"_qs;
    auto text = [](const char *name, const char *input, const char *codes) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromLatin1(codes);
    };
    text("accounting policy",
         "srun: error: Unable to allocate resources: Job violates accounting/QOS policy (job submit limit, "
         "user's size "
         "and/or time limits)",
         "AccountingPolicy");
    text("time limit over the limit (EnforcePartLimits)",
         "srun: error: Unable to allocate resources: Requested time limit is invalid (missing or exceeds "
         "some limit)",
         "InvalidTimeLimit");
    text("sbatch bad partition",
         "sbatch: error: Batch job submission failed: Invalid partition name specified", "InvalidPartition");
    text("account not permitted",
         "srun: error: Unable to allocate resources: Job's account not permitted to use this partition (gpu "
         "allows "
         "research not chiru)",
         "AccountNotPermitted");
    text("salloc invalid account",
         "salloc: error: Job submit/allocate failed: Invalid account or account/partition combination "
         "specified",
         "AccountNotPermitted");
    text("group not permitted",
         "srun: error: Unable to allocate resources: User's group not permitted to use this partition",
         "GroupNotPermitted");
    text("nodes busy, with --immediate",
         "srun: error: Unable to allocate resources: Requested nodes are busy", "NodesBusy");
    text("insufficient priority, with --immediate",
         "srun: error: Unable to allocate resources: Immediate execution impossible, insufficient priority",
         "NodesBusy");
    text("task launch failed",
         "srun: error: Task launch for StepId=123.0 failed on node gpu01: Invalid node name specified",
         "LaunchFailed");
    text("application launch failed", "srun: error: Application launch failed: Invalid node name specified",
         "LaunchFailed");
    text("execve", "slurmstepd: error: execve(): python3: No such file or directory", "LaunchFailed");
    text("step gres error names the errno",
         "srun: error: Unable to create step for job 12: Invalid generic resource (gres) specification",
         "InvalidGres");
    text("step memory",
         "srun: error: Unable to create step for job 12: Memory required by task is not available",
         "TaskMemory");
    text("step waits in a busy allocation",
         "srun: Job 12 step creation temporarily disabled, retrying (Requested nodes are busy)",
         "StepCreationDelayed");
    text("time limit reached",
         "slurmstepd: error: *** JOB 12 ON gpu01 CANCELLED AT 2024-01-01T00:00:00 DUE TO TIME LIMIT ***",
         "TimeLimitReached");
    text("preempted",
         "slurmstepd: error: *** JOB 12 ON gpu01 CANCELLED AT 2024-01-01T00:00:00 DUE TO PREEMPTION ***",
         "Preempted");
    text("node failure",
         "slurmstepd: error: *** JOB 12 ON gpu01 CANCELLED AT 2024-01-01T00:00:00 DUE TO NODE FAILURE ***",
         "NodeFailure");
    text("cancelled by a person",
         "slurmstepd: error: *** JOB 12 ON gpu01 CANCELLED AT 2024-01-01T00:00:00 ***", "Cancelled");
    text("oom-kill",
         "slurmstepd: error: Detected 1 oom-kill event(s) in StepId=12.0. Some of your processes may have "
         "been killed by the cgroup out-of-memory handler.",
         "OutOfMemory");
    text("task out of memory", "srun: error: gpu01: task 0: Out Of Memory", "OutOfMemory");
    text("program exit code",
         "srun: job 5 queued and waiting for resources\nsrun: job 5 has been allocated resources\nsrun: "
         "error: gpu01: task 0: Exited with exit code 2",
         "TaskExitCode");
    text("controller down", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)",
         "ControllerUnreachable");
    text("controller slow", "squeue: error: slurm_receive_msg: Socket timed out on send/recv operation",
         "ControllerUnreachable");
    text("old squeue without --me",
         "squeue: unrecognized option '--me'\nTry \"squeue --help\" for more information", "UnknownOption");
    text("old sinfo without a field", "sinfo: error: Invalid node format specification: GresUsed",
         "UnknownOption");
    text("no slurm here", "bash: line 1: srun: command not found", "NotInstalled");
    text("invalid qos", "salloc: error: Job submit/allocate failed: Invalid qos specification", "InvalidQos");
    text("partition drained",
         "srun: error: Unable to allocate resources: Required partition not available (inactive or drain)",
         "PartitionNotAvailable");
    text("node unavailable",
         "srun: error: Unable to allocate resources: Required node not available (down, drained or reserved)",
         "NodeNotAvailable");
    text("scancel someone else's job",
         "scancel: error: Kill job error on job id 12: Access/permission denied", "AccessDenied");
    text("invalid feature", "sbatch: error: Batch job submission failed: Invalid feature specification",
         "InvalidFeature");
    text("no default partition",
         "srun: error: Unable to allocate resources: No partition specified or system default partition",
         "NoDefaultPartition");
    text("node count", "srun: error: Unable to allocate resources: Node count specification invalid",
         "NodeCount");
    text("too many cpus",
         "srun: error: Unable to allocate resources: More processors requested than permitted",
         "TooManyCpus");
    text("already done",
         "scancel: error: Kill job error on job id 12: Job/step already completing or completed",
         "AlreadyDone");
    text("disabled", "srun: error: Unable to allocate resources: Requested operation is presently disabled",
         "Disabled");
    text("rate limited", "squeue: error: Rate limit exceeded, please retry momentarily", "RateLimited");
    text("pty without terminal, alone", "srun: error: Not using a pseudo-terminal, disregarding --pty option",
         "NoPty");
    text("two problems in order",
         "srun: error: invalid partition specified: gpus\nsrun: error: Unable to allocate resources: Invalid "
         "partition name specified\nbash: line 1: sinfo: command not found",
         "InvalidPartition,NotInstalled");
    text("unknown error", "srun: error: Unable to allocate resources: Something brand new", "unknown");
    text("two unknown errors, one diagnosis", "srun: error: one\nsrun: fatal: two", "unknown");
    text("CRLF", "srun: error: Unable to allocate resources: Requested nodes are busy\r\n", "NodesBusy");
    text("progress only",
         "salloc: Pending job allocation 5\nsalloc: job 5 queued and waiting for resources\nsalloc: Granted "
         "job allocation 5",
         "");
    text("empty", "", "");
    QTest::newRow("binary garbage") << QString::fromUtf8(QByteArray("\x7f"
                                                                    "ELF\x00\xff\xfe\n\x01\x02",
                                                                    10))
                                    << QString();
}

void TestSlurmDiagnosis::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, codes);
    QVERIFY(!text.isNull());
    const Diagnoses diagnoses = explainSlurmOutput(text);
    QCOMPARE(::codes(diagnoses), codes);
    for (const Diagnosis &d : diagnoses) {
        QVERIFY(d.code.startsWith(u"slurm.error."_qs));
        checkComplete(d);
        // Evidence: whole lines of the text, verbatim (without line ends).
        for (const QString &line : d.evidence.split(u'\n')) {
            QVERIFY2(text.split(u'\n').contains(line) || text.split(u'\n').contains(line + u'\r'),
                     qPrintable(line));
            QVERIFY(!line.endsWith(u'\r'));
        }
    }
}

// Every errno text the reconstructed corpus file quotes from slurm_errno.c has an explanation, and
// every job_state_reason.c name it quotes too.
void TestSlurmDiagnosis::errnoTextsOfTheCorpus()
{
    const QString text = readFixture(u"corpus/error-messages__RECONSTRUCTED-from-slurm-source.txt"_qs);
    QVERIFY(!text.isNull());
    static const QRegularExpression errnoRe(QStringLiteral(R"(^\d+:\s+\x22([^\x22]+)\x22?,?$)"));
    static const QRegularExpression reasonRe(QStringLiteral(R"(^\d+:\s+\.str = \x22([^\x22]+)\x22,$)"));
    int errnos = 0;
    int reasons = 0;
    for (const QString &line : text.split(u'\n')) {
        if (const auto match = errnoRe.match(line); match.hasMatch()) {
            const QString shown = u"srun: error: Unable to allocate resources: "_qs + match.captured(1);
            const Diagnoses diagnoses = explainSlurmOutput(shown);
            QCOMPARE(diagnoses.size(), 1);
            QVERIFY2(diagnoses.first().code != u"slurm.error.unknown", qPrintable(shown));
            ++errnos;
        } else if (const auto reason = reasonRe.match(line); reason.hasMatch()) {
            const auto diagnosis = explainPendingReason(reason.captured(1));
            QVERIFY(diagnosis);
            QVERIFY2(diagnosis->code != u"slurm.pending.unknown", qPrintable(reason.captured(1)));
            ++reasons;
        }
    }
    QCOMPARE(errnos, 18);
    QCOMPARE(reasons, 16);
}

// explainJob over real squeue rows: pending -> the reason, ended badly -> the state.
void TestSlurmDiagnosis::jobs_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<QString>("code"); // empty: nothing to explain
    const QString finished = kLab + u"squeue-me-states-all__finished.txt"_qs;
    const QString active = kLab + u"squeue-me__running-and-pending.txt"_qs;
    auto row = [](const char *name, const QString &path, const char *jobId, const char *code) {
        QTest::newRow(name) << path << QString::fromLatin1(jobId) << QString::fromLatin1(code);
    };
    row("running", active, "88", "");
    row("pending Resources", active, "90", "slurm.pending.Resources");
    row("pending Dependency", active, "91", "slurm.pending.Dependency");
    row("pending PartitionTimeLimit", active, "94", "slurm.pending.PartitionTimeLimit");
    row("held by admin", active, "95", "slurm.pending.JobHeldAdmin");
    row("completed", finished, "101", "");
    row("failed with an exit code", finished, "102", "slurm.state.FAILED");
    row("failed: bad constraints (gpu:3)", finished, "80", "slurm.state.FAILED");
    row("timeout", finished, "103", "slurm.state.TIMEOUT");
    row("cancelled", finished, "104", "slurm.state.CANCELLED");
    row("corpus pending (default format)", u"corpus/squeue__slurm-docs-quickstart.txt"_qs, "65648",
        "slurm.pending.Resources");
}

void TestSlurmDiagnosis::jobs()
{
    QFETCH(QString, path);
    QFETCH(QString, jobId);
    QFETCH(QString, code);
    const auto jobs = parseSqueue(readFixture(path));
    QVERIFY(jobs.ok());
    const Job *job = nullptr;
    for (const Job &j : jobs.value()) {
        if (j.id == jobId)
            job = &j;
    }
    QVERIFY(job);
    const auto diagnosis = explainJob(*job);
    QCOMPARE(diagnosis ? diagnosis->code : QString(), code);
    if (diagnosis) {
        checkComplete(*diagnosis);
        QVERIFY(diagnosis->evidence.contains(job->reason));
    }
}

void TestSlurmDiagnosis::jobDetails_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char *name, const char *code, const char *mentions) {
        QTest::newRow(name) << kLab + QString::fromLatin1(name) + u".txt"_qs << QString::fromLatin1(code)
                            << QString::fromLatin1(mentions);
    };
    row("scontrol-show-job__running", "", "");
    row("scontrol-show-job__pending-resources", "slurm.pending.Resources", "in use");
    row("scontrol-show-job__reqnodenotavail", "slurm.pending.ReqNodeNotAvail", "maintenance");
    row("scontrol-show-job__held-user", "slurm.pending.JobHeldUser", "hold");
    row("scontrol-show-job__pending-partitionnodelimit", "slurm.pending.PartitionNodeLimit", "nodes");
    row("scontrol-show-job__failed", "slurm.state.FAILED", "exit status");
    row("scontrol-show-job__timeout", "slurm.state.TIMEOUT", "time limit");
    row("scontrol-show-job__completed", "", "");
}

void TestSlurmDiagnosis::jobDetails()
{
    QFETCH(QString, path);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto jobs = parseScontrolJobs(readFixture(path));
    QVERIFY(jobs.ok());
    const auto diagnosis = explainJob(jobs.value().first());
    QCOMPARE(diagnosis ? diagnosis->code : QString(), code);
    if (diagnosis) {
        checkComplete(*diagnosis);
        QVERIFY2(diagnosis->summary.contains(mentions), qPrintable(diagnosis->summary));
    }
}

QTEST_GUILESS_MAIN(TestSlurmDiagnosis)
#include "tst_slurmdiagnosis.moc"
