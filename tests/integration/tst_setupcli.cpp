// `onramp-cli setup` against the lab: the whole guided setup headless (--yes --json) to a verified
// environment, a second run that reuses it, --plan-only, a CPU-only plan blocked, conda's failures
// ending in their diagnosis codes, and a "no" at the plan review leaving no environment; an edit at the
// review planned again; fixes offered and applied (--fix); a GPU job pending in the queue explained,
// waited for or cancelled; and a CLI killed in the middle of the install that reattaches on its next run.
#include "support/clirun.h"
#include "support/labenv.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace onramp::testing;

namespace {

constexpr int kSetupMs = 240000;
// Not the guide's "cola": other tests and people use that one on the shared lab.
const QString kEnv = QStringLiteral("zz_onramp_setup_test");
const QString kResumeEnv = QStringLiteral("zz_onramp_setup_resume");
const QString kEditedEnv = QStringLiteral("zz_onramp_setup_edit");

struct Events {
    QList<QJsonObject> all;
    QJsonObject finished() const
    {
        for (const QJsonObject &e : all) {
            if (e.value(QLatin1String("event")).toString() == QLatin1String("finished"))
                return e;
        }
        return {};
    }
    QList<QJsonObject> of(const QString &kind) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &e : all) {
            if (e.value(QLatin1String("event")).toString() == kind)
                out << e;
        }
        return out;
    }
    // Commands that change an environment: conda create/install/remove without --dry-run.
    QStringList changingCommands() const
    {
        QStringList out;
        for (const QJsonObject &e : of(QStringLiteral("command"))) {
            const QString c = e.value(QLatin1String("command")).toString();
            if ((c.contains(QLatin1String(" create ")) || c.contains(QLatin1String(" install "))
                 || c.contains(QLatin1String(" remove ")))
                && !c.contains(QLatin1String("--dry-run")))
                out << c;
        }
        return out;
    }
    QStringList diagnosisCodes() const
    {
        QStringList codes;
        for (const QJsonValue &d : finished().value(QLatin1String("diagnoses")).toArray())
            codes << d.toObject().value(QLatin1String("code")).toString();
        return codes;
    }
};

Events parseEvents(const QString &out)
{
    Events events;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject())
            events.all << doc.object();
    }
    return events;
}

// onramp-cli setup running while the test watches its JSON events.
struct LiveCli {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray pending;
    Events events;

    void read()
    {
        pending += process->readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QJsonDocument doc = QJsonDocument::fromJson(pending.left(end));
            pending.remove(0, end + 1);
            if (doc.isObject())
                events.all << doc.object();
        }
    }
    // Waits until `count` events match; the last match, or an empty object when they did not come.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs, int count = 1)
    {
        QJsonObject found;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                read();
                int n = 0;
                for (const QJsonObject &e : std::as_const(events.all)) {
                    if (match(e) && ++n >= count) {
                        found = e;
                        return true;
                    }
                }
                return process->state() == QProcess::NotRunning;
            },
            timeoutMs));
        return found;
    }
    int finish(int timeoutMs)
    {
        if (!process->waitForFinished(timeoutMs)) {
            process->kill();
            process->waitForFinished();
            return -1;
        }
        read();
        return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    }
};

auto eventIs(const QString &kind, const QString &step = {})
{
    return [kind, step](const QJsonObject &e) {
        return e.value(QLatin1String("event")).toString() == kind
            && (step.isEmpty() || e.value(QLatin1String("step")).toString() == step);
    };
}

QByteArray md5(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
}

} // namespace

class TestSetupCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void planOnlyShowsThePlanAndChangesNothing();
    void cancelAtThePlanReviewLeavesNoEnv();
    void aCpuPlanIsBlockedWhenAGpuIsWanted();
    void condaFailuresAreDiagnosed_data();
    void condaFailuresAreDiagnosed();
    void fixesAreOfferedAndApplied();
    void editAtThePlanReviewPlansAgain();
    void aPendingJobIsExplainedAndWaitedFor();
    void aPendingJobCanBeCancelled();
    void wholeFlowToAVerifiedEnvThenReuse();
    void aKilledSetupReattachesToItsInstall();

private:
    CliRun setup(const QStringList &extra, const QByteArray &stdinText = {}, const QString &envName = kEnv);
    std::unique_ptr<LiveCli> startSetup(const QStringList &extra, const QString &envName = kEnv);
    QString remote(const QString &command);
    bool envExists(const QString &envName = kEnv);
    void removeEnv(const QString &envName = kEnv);
    void knob(const QStringList &arguments);

    LabEnv m_lab;
    std::unique_ptr<QTemporaryDir> m_data;
};

void TestSetupCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    removeEnv();
}

void TestSetupCli::init()
{
    // A fresh journal folder per test: resuming is not what these tests look at.
    m_data = std::make_unique<QTemporaryDir>();
}

void TestSetupCli::cleanup()
{
    knob({QStringLiteral("unset"), QStringLiteral("conda.fail"), QStringLiteral("conda.plan"),
          QStringLiteral("conda.download_seconds")});
    knob({QStringLiteral("gpus-free")});
}

void TestSetupCli::cleanupTestCase()
{
    removeEnv();
    removeEnv(kResumeEnv);
    removeEnv(kEditedEnv);
}

void TestSetupCli::knob(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ONRAMP_SOURCE_DIR "/tests/lab/knob"), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

CliRun TestSetupCli::setup(const QStringList &extra, const QByteArray &stdinText, const QString &envName)
{
    QStringList arguments = labCliArguments(m_lab, QStringLiteral("setup"));
    arguments << QStringLiteral("--env") << envName << extra;
    return runCli(QStringLiteral(ONRAMP_CLI_PATH), arguments,
                  {QStringLiteral("XDG_DATA_HOME=") + m_data->path()}, kSetupMs, stdinText);
}

std::unique_ptr<LiveCli> TestSetupCli::startSetup(const QStringList &extra, const QString &envName)
{
    QStringList arguments = labCliArguments(m_lab, QStringLiteral("setup"));
    arguments << QStringLiteral("--env") << envName << extra;
    auto cli = std::make_unique<LiveCli>();
    startCli(*cli->process, QStringLiteral(ONRAMP_CLI_PATH), arguments,
             {QStringLiteral("XDG_DATA_HOME=") + m_data->path()});
    return cli;
}

QString TestSetupCli::remote(const QString &command)
{
    return runCli(QStringLiteral(ONRAMP_CLI_PATH),
                  labCliArguments(m_lab, QStringLiteral("exec")) << QStringLiteral("--") << command)
        .out;
}

bool TestSetupCli::envExists(const QString &envName)
{
    const CliRun run
        = runCli(QStringLiteral(ONRAMP_CLI_PATH),
                 labCliArguments(m_lab, QStringLiteral("exec"))
                     << QStringLiteral("--") << QStringLiteral("test -e ~/miniconda3/envs/%1").arg(envName));
    return run.exitCode == 0;
}

void TestSetupCli::removeEnv(const QString &envName)
{
    runCli(
        QStringLiteral(ONRAMP_CLI_PATH),
        labCliArguments(m_lab, QStringLiteral("exec"))
            << QStringLiteral("--")
            << QStringLiteral(
                   "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
                   .arg(envName));
}

void TestSetupCli::planOnlyShowsThePlanAndChangesNothing()
{
    const CliRun run = setup({QStringLiteral("--plan-only"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("plan-shown"));
    const QList<QJsonObject> plans = events.of(QStringLiteral("plan"));
    QCOMPARE(plans.size(), 1);
    const QJsonObject plan = plans.first().value(QLatin1String("plan")).toObject();
    QCOMPARE(plan.value(QLatin1String("torch")).toObject().value(QLatin1String("variant")).toString(),
             QStringLiteral("cuda"));
    QVERIFY(!plan.value(QLatin1String("python")).toString().isEmpty());
    // 0 when the lab's package cache already holds everything.
    QVERIFY(plan.value(QLatin1String("download_bytes")).toDouble() >= 0);
    QVERIFY2(events.changingCommands().isEmpty(),
             qPrintable(events.changingCommands().join(QLatin1Char('\n'))));
    QVERIFY(!envExists());

    // Without --json: the plan as a table.
    const CliRun text = setup({QStringLiteral("--plan-only")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QLatin1String("The plan for PyTorch")), qPrintable(text.out));
    QVERIFY(text.out.contains(QLatin1String("CUDA 11.8")));
}

void TestSetupCli::cancelAtThePlanReviewLeavesNoEnv()
{
    const CliRun run = setup({QStringLiteral("--json")}, "n\n");
    QVERIFY2(run.exitCode == 3, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(events.of(QStringLiteral("plan")).size(), 1);
    QVERIFY(events.changingCommands().isEmpty());
    QVERIFY(!envExists());

    // Nobody to answer (stdin at its end): nothing is installed either.
    const CliRun silent = setup({QStringLiteral("--json")});
    QCOMPARE(silent.exitCode, 3);
    QVERIFY(silent.err.contains(QLatin1String("--yes")));
    QVERIFY(!envExists());
}

void TestSetupCli::aCpuPlanIsBlockedWhenAGpuIsWanted()
{
    knob({QStringLiteral("set"), QStringLiteral("conda.plan=cpu")});
    const CliRun run = setup({QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("blocked"));
    QVERIFY2(events.diagnosisCodes().contains(QStringLiteral("setup.plan.cpu-build")),
             qPrintable(events.diagnosisCodes().join(QLatin1Char(','))));
    const QJsonObject plan = events.of(QStringLiteral("plan")).value(0);
    QVERIFY(plan.value(QLatin1String("blocked")).toBool());
    // The explanation names the override conda was given.
    QVERIFY(QJsonDocument(events.finished()).toJson().contains("CONDA_OVERRIDE_CUDA"));
    QVERIFY(events.changingCommands().isEmpty());
    QVERIFY(!envExists());
}

void TestSetupCli::condaFailuresAreDiagnosed_data()
{
    QTest::addColumn<QString>("knobValue");
    QTest::addColumn<QString>("code");
    QTest::newRow("solver conflict") << QStringLiteral("conda.fail=unsatisfiable")
                                     << QStringLiteral("conda.UnsatisfiableError");
    QTest::newRow("package not found")
        << QStringLiteral("conda.fail=packages_not_found") << QStringLiteral("conda.PackagesNotFoundError");
    QTest::newRow("no space left") << QStringLiteral("conda.fail=no_space")
                                   << QStringLiteral("conda.disk.full");
}

void TestSetupCli::condaFailuresAreDiagnosed()
{
    QFETCH(QString, knobValue);
    QFETCH(QString, code);
    knob({QStringLiteral("set"), knobValue});
    const CliRun run = setup({QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("failed"));
    QVERIFY2(events.diagnosisCodes().contains(code),
             qPrintable(events.diagnosisCodes().join(QLatin1Char(','))));
    removeEnv();
}

void TestSetupCli::wholeFlowToAVerifiedEnvThenReuse()
{
    const CliRun run = setup({QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out.right(4000)));
    const Events events = parseEvents(run.out);
    const QJsonObject finished = events.finished();
    QCOMPARE(finished.value(QLatin1String("result")).toString(), QStringLiteral("succeeded"));
    QVERIFY(!events.changingCommands().isEmpty());
    QVERIFY(envExists());

    // The evidence: every step's state, the nodes, the probe's answer.
    const QJsonArray steps
        = finished.value(QLatin1String("evidence")).toObject().value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 8);
    QJsonObject verify;
    for (const QJsonValue &s : steps) {
        const QJsonObject step = s.toObject();
        QVERIFY2(step.value(QLatin1String("state")).toString() == QLatin1String("done")
                     || step.value(QLatin1String("state")).toString() == QLatin1String("reused"),
                 QJsonDocument(step).toJson().constData());
        if (step.value(QLatin1String("step")).toString() == QLatin1String("verify"))
            verify = step.value(QLatin1String("facts")).toObject();
    }
    QCOMPARE(verify.value(QLatin1String("device_count")).toInt(), 1);
    QVERIFY(verify.value(QLatin1String("cuda_available")).toBool());
    QCOMPARE(verify.value(QLatin1String("gpu_node")).toString(),
             m_lab.value(QStringLiteral("ONRAMP_LAB_NODE")));
    QVERIFY(!events.of(QStringLiteral("output")).isEmpty());
    // The install and the GPU job ran detached (setup/runs), each with its run id in the evidence.
    QStringList runSteps;
    for (const QJsonObject &e : events.of(QStringLiteral("command-finished"))) {
        if (!e.value(QLatin1String("run_id")).toString().isEmpty())
            runSteps << e.value(QLatin1String("step")).toString();
    }
    QVERIFY2(runSteps.contains(QStringLiteral("install-torch"))
                 && runSteps.contains(QStringLiteral("verify")),
             qPrintable(runSteps.join(QLatin1Char(','))));

    // Again: everything is found done, nothing is created or installed, the GPU is checked again.
    const CliRun again = setup({QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out.right(4000)));
    const Events second = parseEvents(again.out);
    QCOMPARE(second.finished().value(QLatin1String("result")).toString(), QStringLiteral("succeeded"));
    QVERIFY2(second.changingCommands().isEmpty(),
             qPrintable(second.changingCommands().join(QLatin1Char('\n'))));
    QVERIFY(second.of(QStringLiteral("plan")).isEmpty());
    QStringList reused;
    for (const QJsonObject &e : second.of(QStringLiteral("step"))) {
        if (e.value(QLatin1String("state")).toString() == QLatin1String("reused"))
            reused << e.value(QLatin1String("step")).toString();
    }
    QVERIFY2(reused.contains(QStringLiteral("create-env"))
                 && reused.contains(QStringLiteral("install-torch")),
             qPrintable(reused.join(QLatin1Char(','))));
}

void TestSetupCli::fixesAreOfferedAndApplied()
{
    knob({QStringLiteral("set"), QStringLiteral("conda.fail=no_space")});
    // Text: the fix is named with the option that applies it.
    const CliRun text = setup({QStringLiteral("--yes")});
    QVERIFY2(text.exitCode == 1, qPrintable(text.err + text.out.right(3000)));
    QVERIFY2(text.err.contains(QLatin1String("--fix conda.clean")), qPrintable(text.err));
    removeEnv();

    // JSON: the fix on the diagnosis event and in the finished event; --fix applies it, and the
    // install is tried again (the knob still fills the disk, so it fails again and is not re-applied).
    const CliRun run = setup({QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("--fix"),
                              QStringLiteral("conda.clean")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    bool onDiagnosis = false;
    for (const QJsonObject &d : events.of(QStringLiteral("diagnosis"))) {
        if (d.value(QLatin1String("code")).toString() == QLatin1String("conda.disk.full"))
            onDiagnosis = d.value(QLatin1String("fix")).toObject().value(QLatin1String("id")).toString()
                == QLatin1String("conda.clean");
    }
    QVERIFY(onDiagnosis);
    const QList<QJsonObject> finishes = events.of(QStringLiteral("finished"));
    QCOMPARE(finishes.size(), 2);
    const QJsonArray offered = finishes.first().value(QLatin1String("fixes")).toArray();
    QVERIFY(!offered.isEmpty());
    QCOMPARE(offered.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("conda.clean"));
    QVERIFY(!offered.first().toObject().value(QLatin1String("label")).toString().isEmpty());
    QCOMPARE(events.of(QStringLiteral("fix")).size(), 1);
    bool cleaned = false;
    for (const QJsonObject &c : events.of(QStringLiteral("command-finished"))) {
        if (c.value(QLatin1String("command")).toString().endsWith(QLatin1String(" clean --all --yes")))
            cleaned = c.value(QLatin1String("exit_code")).toInt(-1) == 0;
    }
    QVERIFY(cleaned);
    QCOMPARE(events.of(QStringLiteral("plan")).size(), 2); // planned again after the fix
    QCOMPARE(finishes.last().value(QLatin1String("result")).toString(), QStringLiteral("failed"));
    removeEnv();
}

void TestSetupCli::editAtThePlanReviewPlansAgain()
{
    // e: another env name, Python 3.10, the modern recipe, numpy only; then "n" at the new plan.
    const CliRun run
        = setup({QStringLiteral("--json")}, "e\n" + kEditedEnv.toUtf8() + "\n3.10\nmodern\nnumpy\nn\n");
    QVERIFY2(run.exitCode == 3, qPrintable(run.err + run.out.right(3000)));
    const Events events = parseEvents(run.out);
    const QList<QJsonObject> plans = events.of(QStringLiteral("plan"));
    QCOMPARE(plans.size(), 2);
    const QString first = plans.first().value(QLatin1String("command")).toString();
    const QString second = plans.last().value(QLatin1String("command")).toString();
    QVERIFY2(first.contains(QLatin1String("cudatoolkit")) && first.contains(kEnv), qPrintable(first));
    QVERIFY2(second.contains(kEditedEnv) && second.contains(QLatin1String("python=3.10"))
                 && !second.contains(QLatin1String("cudatoolkit")),
             qPrintable(second));
    QVERIFY(run.err.contains(QLatin1String("Proceed ([y]/n/e")));
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("cancelled"));
    const QJsonObject options = events.finished()
                                    .value(QLatin1String("evidence"))
                                    .toObject()
                                    .value(QLatin1String("options"))
                                    .toObject();
    QVERIFY2(QJsonDocument(options).toJson().contains("numpy"), QJsonDocument(options).toJson().constData());
    QVERIFY(events.changingCommands().isEmpty());
    QVERIFY(!envExists());
    QVERIFY(!envExists(kEditedEnv));
}

void TestSetupCli::aPendingJobIsExplainedAndWaitedFor()
{
    knob({QStringLiteral("gpus-busy")});
    auto cli = startSetup({QStringLiteral("--plan-only"), QStringLiteral("--yes"), QStringLiteral("--json")});
    const QJsonObject question = cli->waitFor(
        [](const QJsonObject &e) {
            return e.value(QLatin1String("event")).toString() == QLatin1String("question")
                && e.value(QLatin1String("kind")).toString() == QLatin1String("pending-job");
        },
        60000);
    QVERIFY2(!question.isEmpty(), cli->process->readAllStandardError().constData());
    const QStringList choices = question.value(QLatin1String("choices")).toVariant().toStringList();
    QVERIFY2(choices.contains(QStringLiteral("wait")) && choices.contains(QStringLiteral("cancel"))
                 && choices.contains(QStringLiteral("partition:gpu")),
             qPrintable(choices.join(QLatin1Char(','))));
    QCOMPARE(question.value(QLatin1String("step")).toString(), QStringLiteral("compute-node"));
    QCOMPARE(question.value(QLatin1String("reason")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("slurm.pending.Resources"));
    QVERIFY(question.value(QLatin1String("text")).toString().contains(QLatin1String("1 GPU")));
    const QJsonObject diagnosis = cli->waitFor(eventIs(QStringLiteral("diagnosis")), 1000);
    QCOMPARE(diagnosis.value(QLatin1String("code")).toString(), QStringLiteral("slurm.pending.Resources"));
    QCOMPARE(diagnosis.value(QLatin1String("fix")).toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("partition:gpu"));
    // --yes keeps waiting, with a status event after every look at the queue.
    const QJsonObject status = cli->waitFor(eventIs(QStringLiteral("pending")), 30000, 3);
    QCOMPARE(status.value(QLatin1String("job_id")).toString(),
             question.value(QLatin1String("job_id")).toString());
    QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Resources"));
    knob({QStringLiteral("gpus-free")});
    const int exitCode = cli->finish(120000);
    QVERIFY2(exitCode == 0, cli->process->readAllStandardError().constData());
    const QString result = cli->events.finished().value(QLatin1String("result")).toString();
    QVERIFY2(result == QLatin1String("plan-shown") || result == QLatin1String("succeeded"),
             qPrintable(result));
    const QJsonObject evidence = cli->events.finished().value(QLatin1String("evidence")).toObject();
    QVERIFY(QJsonDocument(evidence).toJson().contains("\"pending_job\""));
}

void TestSetupCli::aPendingJobCanBeCancelled()
{
    knob({QStringLiteral("gpus-busy")});
    auto cli = startSetup({QStringLiteral("--plan-only"), QStringLiteral("--json")});
    const QJsonObject question = cli->waitFor(eventIs(QStringLiteral("question")), 60000);
    QCOMPARE(question.value(QLatin1String("kind")).toString(), QStringLiteral("pending-job"));
    cli->process->write("cancel\n");
    QCOMPARE(cli->finish(60000), 3);
    QCOMPARE(cli->events.finished().value(QLatin1String("result")).toString(), QStringLiteral("cancelled"));
    // The job left the queue (squeue keeps it a few minutes as CANCELLED).
    const QString jobId = question.value(QLatin1String("job_id")).toString();
    QVERIFY(!jobId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        !remote(QStringLiteral("squeue --noheader --states=PENDING,RUNNING --jobs=%1 --format=%i 2>/dev/null")
                    .arg(jobId))
             .contains(jobId),
        20000);
}

void TestSetupCli::aKilledSetupReattachesToItsInstall()
{
    removeEnv(kResumeEnv);
    const QString runsOfEnv
        = QStringLiteral(
              "grep -l -e ' create -n %1 ' ~/.onramp/runs/*/script 2>/dev/null | xargs -r -n1 dirname")
              .arg(kResumeEnv);
    remote(runsOfEnv + QStringLiteral(" | xargs -r rm -rf"));
    // An empty package cache and a slow download: the install takes long enough to be killed in.
    remote(QStringLiteral("~/miniconda3/bin/conda clean --all --yes >/dev/null 2>&1"));
    knob({QStringLiteral("set"), QStringLiteral("conda.download_seconds=20")});

    auto first = startSetup({QStringLiteral("--yes"), QStringLiteral("--json")}, kResumeEnv);
    const QJsonObject run
        = first->waitFor(eventIs(QStringLiteral("run"), QStringLiteral("install-torch")), 120000);
    const QString runId = run.value(QLatin1String("run_id")).toString();
    QVERIFY2(!runId.isEmpty(), first->process->readAllStandardError().constData());
    QVERIFY(!first->waitFor(eventIs(QStringLiteral("output"), QStringLiteral("install-torch")), 30000, 5)
                 .isEmpty());
    first->process->kill(); // SIGKILL: no cleanup, the journal says the run is in flight
    first->process->waitForFinished();
    QVERIFY(first->events.finished().isEmpty());
    // The install goes on without anyone following it; the extras later need no slow download.
    QVERIFY(!remote(QStringLiteral("test -e ~/.onramp/runs/%1/rc || echo running").arg(runId)).isEmpty());
    knob({QStringLiteral("unset"), QStringLiteral("conda.download_seconds")});

    const CliRun again = setup({QStringLiteral("--yes"), QStringLiteral("--json")}, {}, kResumeEnv);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out.right(4000)));
    const Events events = parseEvents(again.out);
    QCOMPARE(events.finished().value(QLatin1String("result")).toString(), QStringLiteral("succeeded"));
    const QList<QJsonObject> reattached = events.of(QStringLiteral("reattached"));
    QCOMPARE(reattached.size(), 1);
    QCOMPARE(reattached.first().value(QLatin1String("run_id")).toString(), runId);
    QCOMPARE(reattached.first().value(QLatin1String("step")).toString(), QStringLiteral("install-torch"));
    // No second install: no plan for PyTorch, one `conda create` run of this env on the cluster.
    for (const QJsonObject &plan : events.of(QStringLiteral("plan")))
        QVERIFY(plan.value(QLatin1String("step")).toString() != QLatin1String("install-torch"));
    const QStringList installRuns = remote(runsOfEnv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(installRuns.size(), 1);
    QVERIFY(installRuns.first().endsWith(runId));
    // The log shown for the install (what came before the kill, then the rest) is the remote log.
    QByteArray shown;
    for (const QJsonObject &o : events.of(QStringLiteral("output"))) {
        if (o.value(QLatin1String("step")).toString() == QLatin1String("install-torch"))
            shown += o.value(QLatin1String("text")).toString().toUtf8();
    }
    const QByteArray remoteMd5 = remote(QStringLiteral("md5sum < ~/.onramp/runs/%1/log").arg(runId))
                                     .section(QLatin1Char(' '), 0, 0)
                                     .toLatin1();
    qInfo("install log: %lld bytes shown after the restart, md5 %s, remote md5 %s", qint64(shown.size()),
          md5(shown).constData(), remoteMd5.constData());
    QCOMPARE(md5(shown), remoteMd5);
    const QJsonArray steps = events.finished()
                                 .value(QLatin1String("evidence"))
                                 .toObject()
                                 .value(QLatin1String("steps"))
                                 .toArray();
    for (const QJsonValue &s : steps) {
        const QJsonObject step = s.toObject();
        if (step.value(QLatin1String("step")).toString() == QLatin1String("verify"))
            QCOMPARE(
                step.value(QLatin1String("facts")).toObject().value(QLatin1String("device_count")).toInt(),
                1);
    }
    // Every run of this env (the extras' installs too).
    remote(QStringLiteral("grep -l -e ' -n %1 ' ~/.onramp/runs/*/script 2>/dev/null | xargs -r -n1 dirname | "
                          "xargs -r rm -rf")
               .arg(kResumeEnv));
    removeEnv(kResumeEnv);
}

QTEST_GUILESS_MAIN(TestSetupCli)
#include "tst_setupcli.moc"
