// The guided setup engine in-process against the lab: a long PyTorch install (the conda stand-in's
// download slowed down) whose connection is killed on the server side again and again. The run goes on
// on the cluster, the engine follows it again after every drop, the log it shows is byte-identical to
// the remote log, and the setup ends verified.

#include "core/shellquote.h"
#include "setup/guided/remoterunlauncher.h"
#include "setup/guided/setupengine.h"
#include "setup/guided/setupjournal.h"
#include "setup/runs/runjournal.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/remoterun.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onramp;
using namespace onramp::remote;
using namespace onramp::setup::guided;
using namespace onramp::testing;

namespace {

constexpr int kSetupMs = 300000;
// Its own env: tst_setupcli and people use others on the shared lab.
const QString kEnv = QStringLiteral("zz_onramp_setup_drops");
// Long enough for a dozen kills, each followed by a reconnect and fresh bytes.
const QString kDownloadSeconds = QStringLiteral("conda.download_seconds=45");

} // namespace

class TestSetupEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void installSurvivesKilledConnections();

private:
    std::unique_ptr<Transport> connectTransport();
    QString remote(const QString &command);
    void knob(const QStringList &arguments);

    LabEnv m_lab;
    std::unique_ptr<Transport> m_shared; // checks on the cluster, never killed
    QTemporaryDir m_local;
};

std::unique_ptr<Transport> TestSetupEngine::connectTransport()
{
    auto transport = ssh::createSshTransport();
    transport->connectTo(m_lab.directEndpoint());
    static_cast<void>(
        QTest::qWaitFor([&] { return transport->state() == ConnectionState::Connected; }, kConnectWaitMs));
    return transport;
}

QString TestSetupEngine::remote(const QString &command)
{
    auto run = runCommand(*m_shared, command);
    if (!run->done)
        qWarning() << "no answer from" << command;
    return run->out;
}

void TestSetupEngine::knob(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ONRAMP_SOURCE_DIR "/tests/lab/knob"), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

void TestSetupEngine::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    QVERIFY(m_local.isValid());
    m_shared = connectTransport();
    QCOMPARE(m_shared->state(), ConnectionState::Connected);
    remote(QStringLiteral(
               "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
               .arg(kEnv));
}

void TestSetupEngine::cleanup()
{
    knob({QStringLiteral("unset"), QStringLiteral("conda.download_seconds")});
}

void TestSetupEngine::cleanupTestCase()
{
    if (!m_shared)
        return;
    remote(QStringLiteral(
               "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
               .arg(kEnv));
    m_shared.reset();
}

void TestSetupEngine::installSurvivesKilledConnections()
{
    // An empty package cache: the slowed download really happens.
    remote(QStringLiteral("~/miniconda3/bin/conda clean --all --yes >/dev/null 2>&1"));
    knob({QStringLiteral("set"), kDownloadSeconds});

    auto transport = connectTransport();
    QCOMPARE(transport->state(), ConnectionState::Connected);
    QSignalSpy disconnected(transport.get(), &Transport::disconnected);
    setup::runs::RunJournal runs(m_local.filePath(QStringLiteral("runs.json")));
    SetupJournal journal(m_local.filePath(QStringLiteral("setup")));
    RemoteRunLauncher launcher(transport.get(), &runs, m_lab.value(QStringLiteral("ONRAMP_LAB_HOST")));

    SetupOptions options;
    options.envName = kEnv;
    options.extraPackages.clear(); // step 7 is tst_setupcli's
    SetupEngine engine(transport.get(), m_lab.value(QStringLiteral("ONRAMP_LAB_HOST")), options);
    engine.setJournal(&journal);
    engine.setRunLauncher(&launcher);
    connect(&engine, &SetupEngine::planReady, this, [&](const PlanReview &review) {
        if (!review.verdict.blocked)
            QMetaObject::invokeMethod(
                &engine, [&] { engine.answerPlan(SetupEngine::PlanDecision::Approve); },
                Qt::QueuedConnection);
    });
    connect(&engine, &SetupEngine::questionAsked, this, [&](const SetupQuestion &question) {
        QMetaObject::invokeMethod(
            &engine, [&, choice = question.defaultChoice] { engine.answerQuestion(choice); },
            Qt::QueuedConnection);
    });
    QByteArray shown; // the install's log as the engine showed it
    bool installDone = false;
    QString runId;
    connect(&engine, &SetupEngine::output, this, [&](StepId step, const QString &text) {
        if (step == StepId::InstallTorch)
            shown += text.toUtf8();
    });
    connect(&engine, &SetupEngine::commandFinished, this, [&](StepId step, const CommandEvidence &command) {
        if (step == StepId::InstallTorch && !command.runId.isEmpty()) {
            installDone = true;
            runId = command.runId;
        }
    });
    QList<SetupOutcome> finished;
    connect(&engine, &SetupEngine::finished, this, [&](const SetupOutcome &outcome) { finished << outcome; });
    engine.start();

    // Kill the connection's sshd whenever the install has shown bytes again since the last kill.
    QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty() || !finished.isEmpty(); }, kSetupMs));
    int kills = 0;
    QElapsedTimer clock;
    clock.start();
    while (kills < 12 && !installDone && finished.isEmpty()) {
        const qsizetype before = shown.size();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return installDone || !finished.isEmpty()
                    || (transport->state() == ConnectionState::Connected && shown.size() > before);
            },
            30000));
        if (installDone || !finished.isEmpty())
            break;
        transport->exec(QStringLiteral("kill -KILL $PPID"));
        ++kills;
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), kills, 10000);
    }
    const qint64 killsMs = clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSetupMs);
    const SetupOutcome outcome = finished.first();
    qInfo("%d connections killed in %lld ms during the install; %lld bytes of log shown; result %s", kills,
          killsMs, qint64(shown.size()), qPrintable(resultKey(outcome.result)));
    QVERIFY2(outcome.result == SetupResult::Succeeded, qPrintable(outcome.summary));
    QVERIFY2(kills >= 10, qPrintable(QStringLiteral("only %1 kills before the install ended").arg(kills)));
    QVERIFY(!runId.isEmpty());

    // The log shown is the remote log, byte for byte.
    const QString remoteMd5 = remote(QStringLiteral("md5sum < ~/.onramp/runs/%1/log").arg(shellQuote(runId)))
                                  .section(QLatin1Char(' '), 0, 0)
                                  .trimmed();
    const QString shownMd5
        = QString::fromLatin1(QCryptographicHash::hash(shown, QCryptographicHash::Md5).toHex());
    qInfo("remote log md5 %s, shown %s", qPrintable(remoteMd5), qPrintable(shownMd5));
    QCOMPARE(shownMd5, remoteMd5);
    QCOMPARE(remote(QStringLiteral("cat ~/.onramp/runs/%1/rc").arg(shellQuote(runId))).trimmed(),
             QStringLiteral("0"));
    const SetupEvidence &evidence = engine.evidence();
    QCOMPARE(evidence.step(StepId::InstallTorch).state, StepState::Done);
    QCOMPARE(evidence.step(StepId::Verify).state, StepState::Done);
    QCOMPARE(evidence.step(StepId::Verify).facts.value(QStringLiteral("device_count")).toInt(), 1);
    remote(QStringLiteral("rm -rf ~/.onramp/runs/%1").arg(shellQuote(runId)));
}

QTEST_GUILESS_MAIN(TestSetupEngine)
#include "tst_setupengine.moc"
