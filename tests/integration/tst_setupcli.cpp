// `onramp-cli setup` against the lab: the whole guided setup headless (--yes --json) to a verified
// environment, a second run that reuses it, --plan-only, a CPU-only plan blocked, conda's failures
// ending in their diagnosis codes, and a "no" at the plan review leaving no environment.
#include "support/clirun.h"
#include "support/labenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp::testing;

namespace {

constexpr int kSetupMs = 240000;
// Not the guide's "cola": other tests and people use that one on the shared lab.
const QString kEnv = QStringLiteral("zz_onramp_setup_test");

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
    void wholeFlowToAVerifiedEnvThenReuse();

private:
    CliRun setup(const QStringList &extra, const QByteArray &stdinText = {});
    bool envExists();
    void removeEnv();
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
    knob({QStringLiteral("unset"), QStringLiteral("conda.fail"), QStringLiteral("conda.plan")});
}

void TestSetupCli::cleanupTestCase()
{
    removeEnv();
}

void TestSetupCli::knob(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ONRAMP_SOURCE_DIR "/tests/lab/knob"), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

CliRun TestSetupCli::setup(const QStringList &extra, const QByteArray &stdinText)
{
    QStringList arguments = labCliArguments(m_lab, QStringLiteral("setup"));
    arguments << QStringLiteral("--env") << kEnv << extra;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(QStringLiteral(ONRAMP_CLI_PATH), arguments);
    process.write(stdinText);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(kSetupMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool TestSetupCli::envExists()
{
    const CliRun run
        = runCli(QStringLiteral(ONRAMP_CLI_PATH),
                 labCliArguments(m_lab, QStringLiteral("exec"))
                     << QStringLiteral("--") << QStringLiteral("test -e ~/miniconda3/envs/%1").arg(kEnv));
    return run.exitCode == 0;
}

void TestSetupCli::removeEnv()
{
    runCli(
        QStringLiteral(ONRAMP_CLI_PATH),
        labCliArguments(m_lab, QStringLiteral("exec"))
            << QStringLiteral("--")
            << QStringLiteral(
                   "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
                   .arg(kEnv));
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

QTEST_GUILESS_MAIN(TestSetupCli)
#include "tst_setupcli.moc"
