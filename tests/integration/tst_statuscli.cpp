// `onramp-cli gpus` and `onramp-cli jobs` as a script uses them: separate processes against the
// real lab, their --json documents parsed, their tables read, their exit codes checked.
#include "tst_statuslab.h"

#include "support/clirun.h"
#include "support/labenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using onramp::testing::LabEnv;
using onramp::testing::StatusLab;

using namespace onramp::testing;

namespace {
constexpr int kSlurmMs = 90000;

QJsonObject parseObject(const QString &text, QString *why)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = error.errorString() + QStringLiteral(": ") + text;
        return {};
    }
    return doc.object();
}

QJsonObject findJob(const QJsonArray &jobs, const QString &id)
{
    for (const QJsonValue &job : jobs) {
        if (job.toObject().value(QLatin1String("id")).toString() == id)
            return job.toObject();
    }
    return {};
}
} // namespace

class TestStatusCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void jobsListsARunningAllocation();
    void gpusShowsTheAllocationsOneGpu();
    void watchPrintsOneDocumentPerPoll();
    void interruptStopsWatching();
    void cancelRemovesTheJob();
    void aWaitingJobIsExplained();
    void aJobThatIsNotThereIsAProblem();

private:
    CliRun cli(const QStringList &arguments, int timeoutMs = 120000);
    QStringList lab(const QString &verb) const;
    // salloc --no-shell through `onramp-cli exec`; the job id once granted.
    QString allocate();

    LabEnv m_lab;
    std::unique_ptr<StatusLab> m_status;
    QString m_job; // a running 1-GPU allocation shared by the tests that read it
};

CliRun TestStatusCli::cli(const QStringList &arguments, int timeoutMs)
{
    return runCli(QStringLiteral(ONRAMP_CLI_PATH), arguments, {}, timeoutMs);
}

QStringList TestStatusCli::lab(const QString &verb) const
{
    return labCliArguments(m_lab, verb);
}

QString TestStatusCli::allocate()
{
    const CliRun run
        = cli(lab(QStringLiteral("exec"))
                  << QStringLiteral("--") << QStringLiteral("salloc") << QStringLiteral("--no-shell")
                  << QStringLiteral("--partition=gpu") << QStringLiteral("--gres=gpu:1")
                  << QStringLiteral("--time=15") << QStringLiteral("--job-name=onramp-tst-statuscli"),
              kSlurmMs + 30000);
    const QRegularExpressionMatch granted
        = QRegularExpression(QStringLiteral("Granted job allocation (\\d+)")).match(run.err);
    const QRegularExpressionMatch named
        = QRegularExpression(QStringLiteral("job allocation (\\d+)")).match(run.err);
    if (named.hasMatch())
        m_status->remember(named.captured(1));
    if (run.exitCode != 0 || !granted.hasMatch()) {
        qWarning().noquote() << "salloc:" << run.exitCode << run.err;
        return {};
    }
    return granted.captured(1);
}

void TestStatusCli::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    QVERIFY2(QFile::exists(QStringLiteral(ONRAMP_CLI_PATH)), ONRAMP_CLI_PATH);
    m_status = std::make_unique<StatusLab>(m_lab);
}

void TestStatusCli::cleanup()
{
    m_status->restore(m_job);
}

void TestStatusCli::cleanupTestCase()
{
    if (m_status)
        m_status->restore();
}

void TestStatusCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString host = QStringLiteral("--host");
    const QString x = QStringLiteral("x");
    QTest::newRow("gpus --cancel") << QStringList {QStringLiteral("gpus"), host, x,
                                                   QStringLiteral("--cancel"), QStringLiteral("1")};
    QTest::newRow("jobs --job") << QStringList {QStringLiteral("jobs"), host, x, QStringLiteral("--job"),
                                                QStringLiteral("1")};
    QTest::newRow("count without watch")
        << QStringList {QStringLiteral("gpus"), host, x, QStringLiteral("--count"), QStringLiteral("3")};
    QTest::newRow("bad job id") << QStringList {QStringLiteral("gpus"), host, x, QStringLiteral("--job"),
                                                QStringLiteral("1;reboot")};
    QTest::newRow("node without job")
        << QStringList {QStringLiteral("gpus"), host, x, QStringLiteral("--node"), QStringLiteral("n1")};
    QTest::newRow("exec --json") << QStringList {
        QStringLiteral("exec"), host, x, QStringLiteral("--json"), QStringLiteral("--"),
        QStringLiteral("true")};
    QTest::newRow("jobs with an argument")
        << QStringList {QStringLiteral("jobs"), host, x, QStringLiteral("all")};
    QTest::newRow("no host") << QStringList {QStringLiteral("jobs")};
}

void TestStatusCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("--help")), qPrintable(run.err));
}

void TestStatusCli::jobsListsARunningAllocation()
{
    m_job = allocate();
    QVERIFY(!m_job.isEmpty());

    const CliRun run = cli(lab(QStringLiteral("jobs")) << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, 0);
    QString why;
    const QJsonObject doc = parseObject(run.out, &why);
    QVERIFY2(!doc.isEmpty(), qPrintable(why));
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("onramp.jobs/1"));
    QCOMPARE(doc.value(QLatin1String("user")).toString(), m_lab.value(QStringLiteral("ONRAMP_LAB_USER")));
    QVERIFY(doc.value(QLatin1String("problem")).isNull());
    QVERIFY(doc.value(QLatin1String("pollMs")).toInteger() >= 0);
    const QJsonObject job = findJob(doc.value(QLatin1String("jobs")).toArray(), m_job);
    QVERIFY2(!job.isEmpty(), qPrintable(run.out));
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(job.value(QLatin1String("stateLabel")).toString(), QStringLiteral("Running"));
    QCOMPARE(job.value(QLatin1String("name")).toString(), QStringLiteral("onramp-tst-statuscli"));
    QCOMPARE(job.value(QLatin1String("partition")).toString(), QStringLiteral("gpu"));
    QCOMPARE(job.value(QLatin1String("nodeList")).toString(), m_lab.value(QStringLiteral("ONRAMP_LAB_NODE")));
    QCOMPARE(job.value(QLatin1String("gpus")).toInt(), 1);
    QCOMPARE(job.value(QLatin1String("timeLimitSeconds")).toInt(), 15 * 60);
    QVERIFY(job.value(QLatin1String("elapsedSeconds")).toInt() >= 0);
    QVERIFY(job.value(QLatin1String("reason")).isNull());
    QVERIFY(job.value(QLatin1String("explanation")).isNull());

    // The table: a header and the job's row, columns aligned.
    const CliRun table = cli(lab(QStringLiteral("jobs")));
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.first().startsWith(QLatin1String("JOB  ")), qPrintable(table.out));
    const qsizetype stateColumn = lines.first().indexOf(QLatin1String("STATE"));
    QString row;
    for (const QString &line : lines) {
        if (line.startsWith(m_job + QLatin1Char(' ')))
            row = line;
    }
    QVERIFY2(!row.isEmpty(), qPrintable(table.out));
    QCOMPARE(row.mid(stateColumn, 7), QStringLiteral("RUNNING"));
}

void TestStatusCli::gpusShowsTheAllocationsOneGpu()
{
    QVERIFY2(!m_job.isEmpty(), "needs the allocation of jobsListsARunningAllocation");
    const CliRun run
        = cli(lab(QStringLiteral("gpus")) << QStringLiteral("--job") << m_job << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, 0);
    QString why;
    const QJsonObject doc = parseObject(run.out, &why);
    QVERIFY2(!doc.isEmpty(), qPrintable(why));
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("onramp.gpus/1"));
    const QJsonArray allocations = doc.value(QLatin1String("allocations")).toArray();
    QCOMPARE(allocations.size(), 1);
    const QJsonObject allocation = allocations.first().toObject();
    QCOMPARE(allocation.value(QLatin1String("job")).toString(), m_job);
    QVERIFY2(allocation.value(QLatin1String("problem")).isNull(), qPrintable(run.out));
    QVERIFY(allocation.value(QLatin1String("pollMs")).toInteger() > 0);
    // The one step of the poll, so a helpdesk (or the benchmark) can run exactly the same.
    QVERIFY2(allocation.value(QLatin1String("command"))
                 .toString()
                 .startsWith(QStringLiteral("srun --jobid=%1 --overlap ").arg(m_job)),
             qPrintable(run.out));
    const QJsonArray gpus = allocation.value(QLatin1String("gpus")).toArray();
    QCOMPARE(gpus.size(), 1); // the stand-in shows only CUDA_VISIBLE_DEVICES
    const QJsonObject gpu = gpus.first().toObject();
    QCOMPARE(gpu.value(QLatin1String("index")).toInt(), 0);
    QVERIFY(gpu.value(QLatin1String("name")).toString().contains(QLatin1String("H100")));
    QVERIFY(gpu.value(QLatin1String("uuid")).toString().startsWith(QLatin1String("GPU-")));
    QVERIFY(gpu.value(QLatin1String("memoryTotalMiB")).toInteger() > 70000);
    QVERIFY(gpu.value(QLatin1String("memoryUsedMiB")).toInteger() >= 0);
    const int util = gpu.value(QLatin1String("utilizationPercent")).toInt(-1);
    QVERIFY(util >= 0 && util <= 100);
    QVERIFY(gpu.value(QLatin1String("temperatureC")).toInt() > 10);
    QVERIFY(gpu.value(QLatin1String("powerW")).toDouble() > 0);
    QVERIFY(gpu.value(QLatin1String("processes")).isArray());

    // Without --job: every running GPU job of the person, this one among them.
    const CliRun all = cli(lab(QStringLiteral("gpus")) << QStringLiteral("--json"));
    QCOMPARE(all.exitCode, 0);
    const QJsonObject allDoc = parseObject(all.out, &why);
    QVERIFY2(!allDoc.isEmpty(), qPrintable(why));
    bool found = false;
    for (const QJsonValue &a : allDoc.value(QLatin1String("allocations")).toArray()) {
        if (a.toObject().value(QLatin1String("job")).toString() == m_job) {
            found = true;
            QCOMPARE(a.toObject().value(QLatin1String("gpusRequested")).toInt(), 1);
            QCOMPARE(a.toObject().value(QLatin1String("name")).toString(),
                     QStringLiteral("onramp-tst-statuscli"));
        }
    }
    QVERIFY2(found, qPrintable(all.out));

    // The table.
    const CliRun table = cli(lab(QStringLiteral("gpus")) << QStringLiteral("--job") << m_job);
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.startsWith(QStringLiteral("Job %1 ").arg(m_job)), qPrintable(table.out));
    QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("^GPU +NAME +UTIL +MEMORY +TEMP +POWER$"),
                                                   QRegularExpression::MultilineOption)),
             qPrintable(table.out));
    QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("^0 +NVIDIA H100 80GB HBM3 +\\d+ % +"),
                                                   QRegularExpression::MultilineOption)),
             qPrintable(table.out));
}

void TestStatusCli::watchPrintsOneDocumentPerPoll()
{
    QVERIFY2(!m_job.isEmpty(), "needs the allocation of jobsListsARunningAllocation");
    const CliRun run = cli(lab(QStringLiteral("gpus"))
                           << QStringLiteral("--job") << m_job << QStringLiteral("--json")
                           << QStringLiteral("--watch") << QStringLiteral("--count") << QStringLiteral("3")
                           << QStringLiteral("--interval") << QStringLiteral("0.2"));
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QStringList times;
    for (const QString &line : lines) {
        QString why;
        const QJsonObject doc = parseObject(line, &why);
        QVERIFY2(!doc.isEmpty(), qPrintable(why));
        QCOMPARE(doc.value(QLatin1String("allocations"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("gpus"))
                     .toArray()
                     .size(),
                 1);
        times << doc.value(QLatin1String("time")).toString();
    }
}

void TestStatusCli::interruptStopsWatching()
{
    QVERIFY2(!m_job.isEmpty(), "needs the allocation of jobsListsARunningAllocation");
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(ONRAMP_CLI_PATH),
                  lab(QStringLiteral("gpus"))
                      << QStringLiteral("--job") << m_job << QStringLiteral("--json")
                      << QStringLiteral("--watch") << QStringLiteral("--interval") << QStringLiteral("0.5"));
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kSlurmMs); // the first poll has been printed
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + SIGINT);
    // The poll that was running, if any, has ended on the cluster: no step of ours is left.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_status
             ->slurm(QStringLiteral("squeue"),
                     {QStringLiteral("--steps"), QStringLiteral("--noheader"),
                      QStringLiteral("--jobs=") + m_job, QStringLiteral("--format=%i %j")})
             .contains(QLatin1String(" sh")),
        20000);
}

void TestStatusCli::cancelRemovesTheJob()
{
    QVERIFY2(!m_job.isEmpty(), "needs the allocation of jobsListsARunningAllocation");
    const QString job = m_job;
    m_job.clear(); // cleanup() cancels it if this test does not
    m_status->remember(job);
    const CliRun run
        = cli(lab(QStringLiteral("jobs")) << QStringLiteral("--cancel") << job << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, 0);
    QString why;
    const QJsonObject doc = parseObject(run.out, &why);
    QVERIFY2(!doc.isEmpty(), qPrintable(why));
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("onramp.cancel/1"));
    QCOMPARE(doc.value(QLatin1String("job")).toString(), job);
    QCOMPARE(doc.value(QLatin1String("cancelled")).toBool(), true);
    QVERIFY(doc.value(QLatin1String("problem")).isNull());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_status->jobState(job).isEmpty() || m_status->jobState(job) == QLatin1String("CANCELLED"), kSlurmMs);
    const CliRun after = cli(lab(QStringLiteral("jobs")) << QStringLiteral("--json"));
    QVERIFY(findJob(parseObject(after.out, &why).value(QLatin1String("jobs")).toArray(), job).isEmpty());
}

void TestStatusCli::aWaitingJobIsExplained()
{
    // sbatch returns at once, where salloc would wait with the job. Another job may end and free
    // a GPU between the two steps on this shared lab: then again.
    QString job;
    for (int attempt = 0; attempt < 3 && job.isEmpty(); ++attempt) {
        QVERIFY(m_status->makeGpusBusy());
        const CliRun submit
            = cli(lab(QStringLiteral("exec"))
                  << QStringLiteral("--") << QStringLiteral("sbatch") << QStringLiteral("--parsable")
                  << QStringLiteral("--partition=gpu") << QStringLiteral("--gres=gpu:1")
                  << QStringLiteral("--time=5") << QStringLiteral("--job-name=onramp-tst-statuscli")
                  << QStringLiteral("--output=/dev/null") << QStringLiteral("--wrap=sleep 300"));
        QCOMPARE(submit.exitCode, 0);
        job = submit.out.trimmed().section(QLatin1Char(';'), 0, 0);
        QVERIFY2(!job.isEmpty(), qPrintable(submit.err));
        m_status->remember(job);
        QTest::qWait(500);
        if (m_status->jobState(job) != QLatin1String("PENDING")) {
            qWarning() << "a GPU came free before job" << job << "was queued; trying again";
            m_status->slurm(QStringLiteral("scancel"), {job});
            job.clear();
        }
    }
    QVERIFY(!job.isEmpty());

    QJsonObject entry;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QString why;
            const CliRun run = cli(lab(QStringLiteral("jobs")) << QStringLiteral("--json"));
            entry = findJob(parseObject(run.out, &why).value(QLatin1String("jobs")).toArray(), job);
            return entry.value(QLatin1String("reason")).toString() == QLatin1String("Resources");
        }(),
        kSlurmMs);
    QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("PENDING"));
    QCOMPARE(entry.value(QLatin1String("stateLabel")).toString(), QStringLiteral("Waiting"));
    const QJsonObject explanation = entry.value(QLatin1String("explanation")).toObject();
    QCOMPARE(explanation.value(QLatin1String("code")).toString(), QStringLiteral("slurm.pending.Resources"));
    const QString summary = explanation.value(QLatin1String("summary")).toString();
    QVERIFY(!summary.isEmpty());
    QVERIFY(!explanation.value(QLatin1String("suggestion")).toString().isEmpty());

    // The table explains it under the rows.
    const CliRun table = cli(lab(QStringLiteral("jobs")));
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QStringLiteral("Job %1: %2").arg(job, summary)), qPrintable(table.out));
}

void TestStatusCli::aJobThatIsNotThereIsAProblem()
{
    const CliRun run
        = cli(lab(QStringLiteral("gpus"))
              << QStringLiteral("--job") << QStringLiteral("4000000000") << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, 1);
    QString why;
    const QJsonObject doc = parseObject(run.out, &why);
    QVERIFY2(!doc.isEmpty(), qPrintable(why));
    const QJsonObject allocation = doc.value(QLatin1String("allocations")).toArray().first().toObject();
    QVERIFY(allocation.value(QLatin1String("gpus")).toArray().isEmpty());
    const QJsonObject problem = allocation.value(QLatin1String("problem")).toObject();
    QVERIFY2(problem.value(QLatin1String("message")).toString().contains(QLatin1String("4000000000")),
             qPrintable(run.out));
    const QJsonArray diagnoses = problem.value(QLatin1String("diagnoses")).toArray();
    QCOMPARE(diagnoses.size(), 1);
    QVERIFY(diagnoses.first()
                .toObject()
                .value(QLatin1String("code"))
                .toString()
                .startsWith(QLatin1String("slurm.")));

    const CliRun table
        = cli(lab(QStringLiteral("gpus")) << QStringLiteral("--job") << QStringLiteral("4000000000"));
    QCOMPARE(table.exitCode, 1);
    QVERIFY2(table.out.startsWith(QLatin1String("Job 4000000000")), qPrintable(table.out));
}

QTEST_GUILESS_MAIN(TestStatusCli)
#include "tst_statuscli.moc"
