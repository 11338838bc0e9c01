// cluster::diagnoseLog: what `onramp-cli diagnose` says about pasted logs, one row per fixture.

#include "cluster/logdiagnosis.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QStringDecoder>
#include <QTest>

using namespace onramp::cluster;

namespace {

QString fixture(const QString &relative)
{
    QFile file(QStringLiteral(ONRAMP_FIXTURES "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    return decoder.decode(file.readAll());
}

QStringList codes(const Diagnoses &diagnoses)
{
    QStringList out;
    for (const Diagnosis &d : diagnoses)
        out << d.code;
    return out;
}

} // namespace

class TestLogDiagnosis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recognises_data();
    void recognises();
    void evidenceIsTheLogsOwnWords();
    void mostImportantFirst();
    void sameProblemOnce();
    void malformed_data();
    void malformed();
    void hugeLog();
};

void TestLogDiagnosis::recognises_data()
{
    QTest::addColumn<QString>("file"); // under tests/fixtures
    QTest::addColumn<QStringList>("expected"); // codes, in order; empty: nothing recognised

    auto row = [](const char *file, QStringList expected) {
        QTest::newRow(file) << QString::fromUtf8(file) << expected;
    };
    const QStringList nothing;

    // srun / salloc / sbatch (real Slurm 22.05.8 in the lab)
    const QStringList nodeConfig {u"slurm.error.NodeConfigUnavailable"_qs};
    row("slurm/lab/slurm-22.05.8__srun__gres-gpu-3.txt", nodeConfig);
    row("slurm/lab/slurm-22.05.8__srun__unknown-gpu-type.txt", nodeConfig);
    row("slurm/lab/slurm-22.05.8__salloc__gres-gpu-3.txt", nodeConfig);
    row("slurm/lab/slurm-22.05.8__sbatch__gres-gpu-3.txt", nodeConfig);
    row("slurm/lab/slurm-22.05.8__srun__invalid-gres.txt", {u"slurm.error.InvalidGres"_qs});
    row("slurm/lab/slurm-22.05.8__srun__bad-partition.txt", {u"slurm.error.InvalidPartition"_qs});
    row("slurm/lab/slurm-22.05.8__srun-immediate__gpus-busy.txt", {u"slurm.error.NodesBusy"_qs});
    row("slurm/lab/slurm-22.05.8__srun__time-over-partition-limit.txt",
        {u"slurm.error.PartitionConfigUnavailable"_qs});
    row("slurm/lab/slurm-22.05.8__srun__time-garbage.txt", {u"slurm.error.TimeSyntax"_qs});
    row("slurm/lab/slurm-22.05.8__srun-overlap__allocation-ended.txt", {u"slurm.error.AllocationExpired"_qs});
    row("slurm/lab/slurm-22.05.8__srun-overlap__step-cancelled-with-allocation.txt",
        {u"slurm.error.Cancelled"_qs});
    row("slurm/lab/slurm-22.05.8__srun-overlap__step-output.txt", nothing);
    row("slurm/lab/slurm-22.05.8__salloc-no-shell__granted.txt", nothing);
    row("logs/lab__slurm-job__time-limit.out", {u"slurm.error.TimeLimitReached"_qs});
    row("logs/lab__slurm-job__cancelled.out", {u"slurm.error.Cancelled"_qs});
    row("logs/public__sbatch__qos-submit-limit.txt",
        {u"slurm.error.AccountingPolicy"_qs, u"slurm.error.unknown"_qs});
    // squeue and scontrol: waiting jobs and how jobs ended
    row("slurm/lab/slurm-22.05.8__squeue-me-default-format__running-and-pending.txt",
        {u"slurm.pending.BeginTime"_qs, u"slurm.pending.PartitionNodeLimit"_qs,
         u"slurm.pending.JobHeldAdmin"_qs, u"slurm.pending.JobHeldUser"_qs, u"slurm.pending.Resources"_qs,
         u"slurm.pending.Dependency"_qs, u"slurm.pending.PartitionTimeLimit"_qs});
    row("slurm/corpus/squeue__slurm-docs-quickstart.txt", {u"slurm.pending.Resources"_qs});
    row("slurm/corpus/squeue__slurm-docs-job-array.txt", {u"slurm.pending.Resources"_qs});
    row("slurm/lab/slurm-22.05.8__scontrol-show-job__pending-resources.txt", {u"slurm.pending.Resources"_qs});
    row("slurm/lab/slurm-22.05.8__scontrol-show-job__timeout.txt", {u"slurm.state.TIMEOUT"_qs});
    row("slurm/lab/slurm-22.05.8__scontrol-show-job__running.txt", nothing);
    row("slurm/corpus/sinfo__slurm-docs-quickstart.txt", nothing);
    row("slurm/lab/slurm-22.05.8__sinfo-nodes__gpus-busy.txt", nothing);

    // conda (real 23.7.4, GitHub issues, the lab's stand-in, hand-written)
    row("conda/real-23.7.4/33-packages-not-found.stderr.txt", {u"conda.PackagesNotFoundError"_qs});
    row("conda/real-23.7.4/34-packages-not-found-json.txt", {u"conda.PackagesNotFoundError"_qs});
    row("conda/real-23.7.4/37-unsatisfiable.stderr.txt", {u"conda.UnsatisfiableError"_qs});
    row("conda/real-23.7.4/38-unsatisfiable-json.txt", {u"conda.UnsatisfiableError"_qs});
    // 23.7's text does not say which __cuda the machine has: missing or too old, conda cannot tell
    row("conda/real-23.7.4/39-virtual-cuda-missing.stderr.txt", {u"conda.cuda.unavailable"_qs});
    row("conda/real-23.7.4/41b-virtual-cuda-too-old.stderr.txt", {u"conda.cuda.unavailable"_qs});
    row("conda/real-23.7.4/32-activate-without-init.stderr.txt", {u"conda.activate.no-init"_qs});
    row("conda/real-23.7.4/29-run-no-such-env.stderr.txt",
        {u"conda.env.not-found"_qs, u"torch.env-missing"_qs});
    row("conda/real-23.7.4/07-create-yes.txt", nothing);
    row("conda/real-23.7.4/06-create-dry-run.txt", nothing);
    row("conda/real-23.7.4/08-create-interactive-yes.pty.txt", nothing);
    row("conda/issues/libmamba-unsatisfiable__pytorch-cuda-conflict.txt",
        {u"conda.LibMambaUnsatisfiableError"_qs});
    row("conda/issues/libmamba-unsatisfiable__env-create-pytorch-gpu__conda23.11+.txt",
        {u"conda.LibMambaUnsatisfiableError"_qs});
    row("conda/issues/mamba-constraint-__cuda-conflict.txt",
        {u"conda.cuda.too-old"_qs, u"conda.LibMambaUnsatisfiableError"_qs});
    row("conda/standin/s24-http-error.stderr.txt", {u"conda.CondaHTTPError"_qs});
    row("conda/standin/s25-http-error-json.txt", {u"conda.CondaHTTPError"_qs});
    row("conda/standin/s28-no-space-download.stderr.txt", {u"conda.disk.full"_qs});
    row("conda/standin/s29-no-space-download-json.txt", {u"conda.disk.full"_qs});
    row("conda/standin/s10-cuda-missing-unsatisfiable.stderr.txt", {u"conda.cuda.missing"_qs});
    row("conda/standin/s34-channel-not-found.stderr.txt", {u"conda.UnavailableInvalidChannel"_qs});
    row("conda/handwritten/disk-quota-errno122.stderr.txt", {u"conda.disk.quota"_qs});

    // nvidia-smi (real corpus, lab stand-in)
    row("gpu/nvidia-smi/error__nvml-driver-library-version-mismatch__plus-squeue.txt",
        {u"nvidia-smi.driver-library-mismatch"_qs});
    row("gpu/nvidia-smi/table__H100-SXMx8__565.57.01__no-processes.txt", nothing);
    row("gpu/nvidia-smi/table__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.txt", nothing);
    row("gpu/lab/login__nvidia-smi__exit9.txt", {u"nvidia-smi.no-driver"_qs});
    row("gpu/lab/job-gpu1-nodevices__nvidia-smi__exit6.txt", {u"nvidia-smi.no-devices"_qs});
    row("gpu/lab/job-gpu1-mismatch__nvidia-smi__exit18.txt", {u"nvidia-smi.driver-library-mismatch"_qs});
    row("gpu/lab/job-gpu1__query-gpu-unknown-field__exit2.txt", {u"nvidia-smi.invalid-field"_qs});

    // PyTorch (real corpus, the lab's probe)
    row("gpu/pytorch/error-driver-too-old__RuntimeError.txt", {u"torch.driver-too-old"_qs});
    row("gpu/pytorch/warning-driver-too-old__found-11040__torch-cuda-init108.txt",
        {u"torch.driver-too-old"_qs});
    row("gpu/pytorch/warning-driver-too-old__found-11040__torch2-py311.txt", {u"torch.driver-too-old"_qs});
    row("gpu/pytorch/warning-no-nvidia-driver__is_available-prints-False.txt", {u"torch.no-driver"_qs});
    row("gpu/pytorch/warning-no-nvidia-driver__torch1.7-device_count.txt", {u"torch.no-driver"_qs});
    row("gpu/pytorch/warning-cuda-driver-init-failed.txt", {u"torch.cuda-init-failed"_qs});
    row("gpu/pytorch/collect_env__pytorch-issue-35778.txt", {u"torch.cpu-build"_qs});
    row("gpu/pytorch/collect_env__pytorch-issue-47304.txt", nothing);
    row("gpu/pytorch/collect_env__pytorch-issue-86556.txt", nothing);
    row("gpu/pytorch/python-c-torch-version-and-is_available__two-commands.txt", nothing);
    row("logs/handwritten__python-c__is-available-false.txt", {u"torch.cuda-unavailable"_qs});
    row("gpu/lab/login__probe-cpu__exit0.txt", {u"torch.cpu-build"_qs});
    row("gpu/lab/job-gpu1-nodriver__probe-cu121__exit0.txt", {u"torch.cuda-init-failed"_qs});
    row("gpu/lab/job-gpu1__probe-cu118__exit0.txt", nothing);

    // disks and connections
    row("logs/handwritten__python__no-space.txt", {u"log.disk.full"_qs});
    row("logs/handwritten__cp__disk-quota.txt", {u"log.disk.quota"_qs});
    row("logs/lab__ssh__session-killed.txt", {u"log.connection.lost"_qs});
    row("logs/lab__ssh-tt__session-killed.txt", {u"log.connection.lost"_qs});
    row("logs/handwritten__ssh__client-loop.txt", {u"log.connection.lost"_qs});
    row("logs/handwritten__ssh__packet-write-wait.txt", {u"log.connection.lost"_qs});

    // whole sessions
    row("logs/assembled__guide-session.txt",
        {u"conda.disk.full"_qs, u"slurm.error.NodeConfigUnavailable"_qs, u"log.connection.lost"_qs,
         u"slurm.pending.Resources"_qs});
    row("logs/assembled__gpu-check-mismatch.txt", {u"nvidia-smi.driver-library-mismatch"_qs});
}

void TestLogDiagnosis::recognises()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Diagnoses diagnoses = diagnoseLog(fixture(file));
    QCOMPARE(codes(diagnoses), expected);
    for (const Diagnosis &d : diagnoses) {
        QVERIFY2(!d.summary.isEmpty(), qPrintable(d.code));
        QVERIFY2(!d.suggestion.isEmpty(), qPrintable(d.code));
        QVERIFY2(!d.evidence.isEmpty(), qPrintable(d.code));
    }
}

void TestLogDiagnosis::evidenceIsTheLogsOwnWords()
{
    const QString log = fixture(u"logs/assembled__guide-session.txt"_qs);
    const Diagnoses diagnoses = diagnoseLog(log);
    QCOMPARE(diagnoses.size(), 4);
    QCOMPARE(
        diagnoses[0].evidence,
        u"CondaError: Failed to write to /tmp/lab/fullpkgs/pytorch-2.2.2-py3.12_cpu_0.tar.bz2\nerrno: 28"_qs);
    QCOMPARE(diagnoses[1].evidence,
             u"srun: error: Unable to allocate resources: Requested node configuration is not available"_qs);
    QCOMPARE(diagnoses[2].evidence, u"Connection to 127.0.0.1 closed by remote host."_qs);
    QCOMPARE(diagnoses[3].evidence, u"90       gpu onramp-c  student PD       0:00      1 (Resources)"_qs);

    // nvidia-smi's words and the probe's CUDA error for the one mismatch, not the probe's JSON line
    const Diagnoses gpu = diagnoseLog(fixture(u"logs/assembled__gpu-check-mismatch.txt"_qs));
    QCOMPARE(gpu.size(), 1);
    QVERIFY2(
        gpu[0].evidence.startsWith(
            u"Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 565.57\n"_qs),
        qPrintable(gpu[0].evidence));
    QVERIFY2(gpu[0].evidence.contains(u"Error 803"_qs), qPrintable(gpu[0].evidence));
    QVERIFY2(!gpu[0].evidence.contains(u"onramp_probe"_qs), qPrintable(gpu[0].evidence));
}

void TestLogDiagnosis::mostImportantFirst()
{
    // The disk explains the conda failure above it; a waiting job goes after failures, whatever the
    // order of the log.
    const QString log = u"squeue\n"
                        "  JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)\n"
                        "     91       gpu onramp-d  student PD       0:00      1 (Dependency)\n"
                        "srun: error: Invalid generic resource (gres) specification\n"
                        "Traceback (most recent call last):\n"
                        "OSError: [Errno 28] No space left on device\n"_qs;
    QCOMPARE(
        codes(diagnoseLog(log)),
        (QStringList {u"log.disk.full"_qs, u"slurm.error.InvalidGres"_qs, u"slurm.pending.Dependency"_qs}));
}

void TestLogDiagnosis::sameProblemOnce()
{
    // The same line three times, and the same kind of failure in two jobs: one Diagnosis each, the
    // evidence holding the different lines.
    const QString log
        = u"srun: error: Unable to allocate resources: Requested nodes are busy\n"
          "srun: error: Unable to allocate resources: Requested nodes are busy\n"
          "slurmstepd-vm: error: *** JOB 103 ON vm CANCELLED AT 2026-11-27T04:21:27 DUE TO TIME LIMIT ***\n"
          "slurmstepd-vm: error: *** JOB 204 ON vm CANCELLED AT 2026-11-27T05:08:58 DUE TO TIME LIMIT ***\n"
          "srun: error: Unable to allocate resources: Requested nodes are busy\n"_qs;
    const Diagnoses diagnoses = diagnoseLog(log);
    QCOMPARE(codes(diagnoses),
             (QStringList {u"slurm.error.NodesBusy"_qs, u"slurm.error.TimeLimitReached"_qs}));
    QCOMPARE(diagnoses[0].evidence.count(u'\n'), 0);
    QCOMPARE(diagnoses[1].evidence.count(u'\n'), 1);
}

void TestLogDiagnosis::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank lines") << QByteArray("\n\r\n   \n\t\n");
    QTest::newRow("NULs and escapes") << QByteArray("\0\0\x1b[31m\x1b[A\r\r\b\b\0", 15);
    QByteArray garbage(64 * 1024, Qt::Uninitialized);
    QRandomGenerator random(20261127);
    for (char &c : garbage)
        c = char(random.bounded(256));
    QTest::newRow("binary garbage") << garbage;
    QTest::newRow("invalid UTF-8 around an error")
        << QByteArray("\xff\xfe\xc3srun: error: Invalid --time specification\xe2\x82\n\xc0\xaf");
    QTest::newRow("half a JSON document")
        << QByteArray("{\"exception_name\": \"PackagesNotFoundError\", \"err");
    QTest::newRow("only a prompt") << QByteArray("student@aha:~$ ");
}

void TestLogDiagnosis::malformed()
{
    QFETCH(QByteArray, bytes);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    const Diagnoses diagnoses = diagnoseLog(text);
    // No crash, and nothing made up: only the row with Slurm's words is recognised.
    if (QByteArray(QTest::currentDataTag()).startsWith("invalid UTF-8"))
        QCOMPARE(codes(diagnoses), QStringList {u"slurm.error.TimeSyntax"_qs});
    else
        QCOMPARE(codes(diagnoses), QStringList());
}

void TestLogDiagnosis::hugeLog()
{
    // A 10 MB log of the same session over and over says what one session says, each problem once,
    // with a bounded evidence.
    const QString session = fixture(u"logs/assembled__guide-session.txt"_qs);
    QString log;
    log.reserve(10 * 1024 * 1024 + session.size());
    while (log.size() < 10 * 1024 * 1024)
        log += session;
    const Diagnoses diagnoses = diagnoseLog(log);
    QCOMPARE(codes(diagnoses), codes(diagnoseLog(session)));
    for (const Diagnosis &d : diagnoses)
        QVERIFY2(d.evidence.size() < 4096, qPrintable(d.code));
}

QTEST_GUILESS_MAIN(TestLogDiagnosis)
#include "tst_logdiagnosis.moc"
