#include "setup/guided/setupengine.h"

#include "cluster/conda/condacommands.h"
#include "cluster/conda/condadiagnosis.h"
#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/gpu/nvidiasmi.h"
#include "cluster/gpu/torchprobe.h"
#include "cluster/slurm/slurmcommands.h"
#include "cluster/slurm/slurmdiagnosis.h"
#include "cluster/slurm/slurmparsers.h"
#include "cluster/slurm/slurmvalidate.h"
#include "core/shellquote.h"
#include "setup/guided/guidedtr.h"
#include "setup/guided/reportevidence.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>

namespace onramp::setup::guided {

namespace {

constexpr qsizetype kKeptOutput = 64 * 1024;
const QString kJobName = QStringLiteral("onramp-setup");
const QString kCleanFix = QStringLiteral("conda.clean");
const QString kPartitionFix = QStringLiteral("partition:");
// A dropped connection comes back by itself; a short command cut off by it is sent again this often.
constexpr int kShortRetries = 3;
const QString kJobTime = QStringLiteral("15");
constexpr qint64 kEnoughFreeBytes = qint64(5) * 1024 * 1024 * 1024;

QString tail(const QString &text)
{
    return text.size() > kKeptOutput ? text.right(kKeptOutput) : text;
}

QString firstLine(const QString &text)
{
    return text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
}

bool isLongRunStep(StepId step)
{
    return step == StepId::CreateEnv || step == StepId::InstallTorch || step == StepId::Verify
        || step == StepId::ExtraPackages;
}

} // namespace

QString questionKindKey(SetupQuestion::Kind kind)
{
    switch (kind) {
    case SetupQuestion::Kind::ExistingEnv:
        return QStringLiteral("existing-env");
    case SetupQuestion::Kind::PendingJob:
        return QStringLiteral("pending-job");
    }
    return {};
}

QString resultKey(SetupResult result)
{
    switch (result) {
    case SetupResult::Succeeded:
        return QStringLiteral("succeeded");
    case SetupResult::PlanShown:
        return QStringLiteral("plan-shown");
    case SetupResult::Blocked:
        return QStringLiteral("blocked");
    case SetupResult::Failed:
        return QStringLiteral("failed");
    case SetupResult::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

SetupEngine::SetupEngine(remote::Transport *transport, const QString &host, const SetupOptions &options,
                         QObject *parent)
    : QObject(parent), m_transport(transport), m_evidence(freshEvidence(host, options))
{
    m_ownLauncher = std::make_unique<ExecRunLauncher>(transport);
    m_launcher = m_ownLauncher.get();
    m_jobToken = QString::number(QRandomGenerator::global()->bounded(0x100000, 0xffffff), 16);
    m_queueTimer = new QTimer(this);
    connect(m_queueTimer, &QTimer::timeout, this, &SetupEngine::pollQueue);
}

SetupEngine::~SetupEngine()
{
    if (m_process)
        m_process->cancel();
}

void SetupEngine::setRunLauncher(LongRunLauncher *launcher)
{
    m_launcher = launcher ? launcher : m_ownLauncher.get();
}

void SetupEngine::setJournal(const SetupJournal *journal)
{
    m_journal = journal;
}

void SetupEngine::start()
{
    const Status name = cluster::validateEnvName(m_evidence.options.envName, cluster::EnvNameUse::Create);
    if (!name) {
        fail(StepId::CreateEnv, StepState::Failed, name.error().message,
             {cluster::Diagnosis {QStringLiteral("setup.env.invalid-name"), name.error().message,
                                  GuidedTr::tr("Choose a name of letters, digits, “_”, “.”, “-” and “+”."),
                                  m_evidence.options.envName}});
        return;
    }
    // Resuming: a run still in flight is followed again; otherwise the answers given before (replace or
    // reuse) stay and the remote state decides the rest.
    if (m_journal) {
        if (const auto previous = m_journal->load(m_evidence.host, m_evidence.options.envName)) {
            if (resumeFromJournal(*previous))
                return;
            const QString choice = previous->fact(StepId::CreateEnv, QStringLiteral("choice"));
            if (!choice.isEmpty())
                m_evidence.step(StepId::CreateEnv).facts.insert(QStringLiteral("previous_choice"), choice);
        }
    }
    identify();
}

bool SetupEngine::resumeFromJournal(const SetupEvidence &previous)
{
    for (const StepRecord &record : previous.steps) {
        const QString runId = record.facts.value(QStringLiteral("active_run")).toString();
        if (runId.isEmpty() || !isLongRunStep(record.step))
            continue;
        LongRun *run = m_launcher->reattach(runId, this);
        if (!run)
            return false;
        const StepId step = record.step;
        // What the steps before learned is still true: the run in flight was started from it.
        m_evidence.options = previous.options;
        m_evidence.options.planOnly = false;
        for (const StepRecord &before : previous.steps) {
            if (int(before.step) >= int(step))
                break;
            m_evidence.step(before.step) = before;
            Q_EMIT stepStateChanged(before.step, before.state);
        }
        StepRecord &current = m_evidence.step(step);
        current = record;
        current.state = StepState::Pending;
        const QString command = current.facts.value(QStringLiteral("active_command")).toString();
        current.facts.remove(QStringLiteral("active_run"));
        current.facts.insert(QStringLiteral("reattached_run"), runId);

        const QJsonObject &identify = m_evidence.step(StepId::Identify).facts;
        m_login.loginNode = identify.value(QStringLiteral("login_node")).toString();
        m_login.conda = identify.value(QStringLiteral("conda")).toString();
        m_login.sinfo = identify.value(QStringLiteral("sinfo")).toString();
        m_login.home = identify.value(QStringLiteral("home")).toString();
        m_login.defaultPartition = identify.value(QStringLiteral("default_partition")).toString();
        m_conda.rootPrefix = identify.value(QStringLiteral("conda_base")).toString();
        m_conda.condaVersion = identify.value(QStringLiteral("conda_version")).toString();
        for (const QJsonValue &v : identify.value(QStringLiteral("pkgs_dirs")).toArray())
            m_conda.pkgsDirs << v.toString();
        for (const QJsonValue &v : identify.value(QStringLiteral("envs_dirs")).toArray())
            m_conda.envsDirs << v.toString();
        for (const QJsonValue &v : identify.value(QStringLiteral("partitions")).toArray())
            m_partitions << v.toString();
        m_freeBytes = qint64(identify.value(QStringLiteral("free_bytes")).toDouble(-1));
        m_driverCuda = m_evidence.fact(StepId::ComputeNode, QStringLiteral("driver_cuda"));
        m_env.prefix = m_evidence.fact(StepId::CreateEnv, QStringLiteral("prefix"));
        m_env.exists = !m_env.prefix.isEmpty();
        m_envStale = true;

        Q_EMIT reattached(step, runId);
        setState(step, StepState::Running);
        followRun(step, run, command, continuationOf(step));
        return true;
    }
    return false;
}

SetupEngine::RanHandler SetupEngine::continuationOf(StepId step)
{
    switch (step) {
    case StepId::CreateEnv:
        return [this](const Ran &ran) {
            if (!ran.ok()) {
                fail(StepId::CreateEnv, StepState::Failed,
                     GuidedTr::tr("conda could not remove the environment."),
                     cluster::diagnoseCondaOutput(ran.stdoutText, condaContext()));
                return;
            }
            m_env = EnvState {};
            m_envWillBeCreated = true;
            setState(StepId::CreateEnv, StepState::Done);
            activation();
        };
    case StepId::Verify:
        return [this](const Ran &ran) { onVerified(ran); };
    default:
        return [this, step](const Ran &ran) { onInstalled(step, ran); };
    }
}

void SetupEngine::cancel()
{
    if (m_finished)
        return;
    // srun waiting in the queue does not always notice its channel closing: cancel its job by id.
    if (!m_pendingJob.isEmpty() && m_transport) {
        if (const Result<QString> scancel = cluster::scancelCommand(m_pendingJob))
            m_transport->exec(scancel.value());
    }
    stopWatchingQueue();
    if (m_run)
        m_run->cancel();
    if (m_process)
        m_process->cancel();
    setState(m_current, StepState::Cancelled);
    finish(SetupResult::Cancelled, GuidedTr::tr("Setup cancelled."));
}

// --- plumbing ------------------------------------------------------------------------------------------

void SetupEngine::runShort(StepId step, const QString &where, const QString &command, RanHandler then)
{
    runShortTry(step, where, command, std::move(then), kShortRetries);
}

void SetupEngine::runShortTry(StepId step, const QString &where, const QString &command, RanHandler then,
                              int retries)
{
    if (m_finished)
        return;
    if (!m_transport) {
        fail(step, StepState::Failed, GuidedTr::tr("The connection is gone."));
        return;
    }
    const int attempt = m_attempt;
    if (m_transport->state() != remote::ConnectionState::Connected && retries > 0) {
        // The transport signs in again by itself after a drop: the command waits for it.
        connect(
            m_transport, &remote::Transport::connected, this,
            [this, step, where, command, then, retries, attempt] {
                if (attempt == m_attempt)
                    runShortTry(step, where, command, then, retries - 1);
            },
            Qt::SingleShotConnection);
        return;
    }
    Q_EMIT commandStarted(step, command);
    auto ran = std::make_shared<Ran>();
    ran->evidence.command = command;
    ran->evidence.where = where;
    ran->evidence.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_process = m_transport->exec(command);
    connect(m_process, &remote::RemoteProcess::stdoutText, this,
            [ran](const QString &text) { ran->stdoutText += text; });
    connect(m_process, &remote::RemoteProcess::stderrText, this,
            [ran](const QString &text) { ran->stderrText += text; });
    connect(m_process, &remote::RemoteProcess::done, this,
            [this, step, where, command, ran, clock, then, retries,
             attempt](const remote::ProcessResult &result) {
                if (attempt != m_attempt)
                    return;
                // Cut off by a dropped connection: every short command only reads, so it is sent again.
                if (result.error && result.error->kind == ErrorKind::Disconnected && retries > 0
                    && !m_finished && m_transport && m_transport->state() != remote::ConnectionState::Lost) {
                    runShortTry(step, where, command, then, retries - 1);
                    return;
                }
                stopWatchingQueue();
                ran->evidence.exitCode = result.exitCode;
                ran->evidence.error = result.error ? result.error->message : QString();
                ran->evidence.elapsedMs = clock->elapsed();
                ran->evidence.output = tail(ran->stdoutText + ran->stderrText);
                m_evidence.step(step).commands.append(ran->evidence);
                Q_EMIT commandFinished(step, ran->evidence);
                if (m_finished)
                    return;
                then(*ran);
            });
}

void SetupEngine::runLong(StepId step, const QString &title, const QString &script, RanHandler then)
{
    if (m_finished)
        return;
    Result<LongRun *> launched = m_launcher->launch(title, script, this);
    if (!launched) {
        fail(step, StepState::Failed, launched.error().message);
        return;
    }
    m_evidence.step(step).facts.insert(QStringLiteral("active_command"), script);
    followRun(step, launched.value(), script, std::move(then));
}

void SetupEngine::followRun(StepId step, LongRun *run, const QString &command, RanHandler then)
{
    m_run = run;
    const int attempt = m_attempt;
    Q_EMIT commandStarted(step, command);
    auto ran = std::make_shared<Ran>();
    ran->evidence.command = command;
    ran->evidence.where = QStringLiteral("run");
    ran->evidence.runId = run->id();
    ran->evidence.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_evidence.step(step).facts.insert(QStringLiteral("active_run"), run->id());
    saveJournal();
    Q_EMIT runStarted(step, run->id());
    connect(run, &LongRun::output, this, [this, step, ran, attempt](const QString &text) {
        ran->stdoutText += text;
        if (attempt == m_attempt)
            Q_EMIT output(step, text);
    });
    connect(run, &LongRun::finished, this,
            [this, step, ran, clock, then, run, attempt](int exitCode, const std::optional<Error> &error) {
                run->deleteLater();
                if (attempt != m_attempt)
                    return;
                stopWatchingQueue();
                ran->evidence.exitCode = exitCode;
                ran->evidence.error = error ? error->message : QString();
                ran->evidence.elapsedMs = clock->elapsed();
                ran->evidence.output = tail(ran->stdoutText);
                m_evidence.step(step).facts.remove(QStringLiteral("active_run"));
                m_evidence.step(step).facts.remove(QStringLiteral("active_command"));
                m_evidence.step(step).commands.append(ran->evidence);
                Q_EMIT commandFinished(step, ran->evidence);
                if (m_finished)
                    return;
                then(*ran);
            });
}

void SetupEngine::setState(StepId step, StepState state)
{
    m_current = step;
    StepRecord &record = m_evidence.step(step);
    if (record.state == state)
        return;
    record.state = state;
    Q_EMIT stepStateChanged(step, state);
    if (state != StepState::Running)
        saveJournal();
}

void SetupEngine::addCheck(StepId step, const CheckResult &check)
{
    m_evidence.step(step).checks.append(check);
    Q_EMIT checkResult(step, check);
}

void SetupEngine::addDiagnoses(StepId step, const cluster::Diagnoses &diagnoses)
{
    for (const cluster::Diagnosis &d : diagnoses) {
        m_evidence.step(step).diagnoses.append(d);
        Q_EMIT diagnosed(step, d);
    }
}

void SetupEngine::fail(StepId step, StepState state, const QString &summary,
                       const cluster::Diagnoses &diagnoses)
{
    m_failedStep = step;
    addDiagnoses(step, diagnoses);
    setState(step, state);
    finish(state == StepState::Blocked ? SetupResult::Blocked : SetupResult::Failed, summary,
           m_evidence.step(step).diagnoses);
}

void SetupEngine::finish(SetupResult result, const QString &summary, const cluster::Diagnoses &diagnoses)
{
    if (m_finished)
        return;
    m_finished = true;
    m_evidence.step(StepId::Evidence).facts.insert(QStringLiteral("result"), resultKey(result));
    saveJournal();
    Q_EMIT finished(SetupOutcome {result, summary, diagnoses});
}

void SetupEngine::saveJournal()
{
    if (m_journal)
        m_journal->save(m_evidence);
}

QString SetupEngine::conda() const
{
    return m_login.conda;
}

cluster::CondaDiagnosisContext SetupEngine::condaContext() const
{
    cluster::CondaDiagnosisContext context;
    context.place = cluster::CondaDiagnosisContext::Place::LoginNode;
    context.detectedCuda = m_conda.cudaVersion();
    return context;
}

// --- step 1 --------------------------------------------------------------------------------------------

void SetupEngine::identify()
{
    setState(StepId::Identify, StepState::Running);
    runShort(StepId::Identify, QStringLiteral("login"), identifyScript(), [this](const Ran &ran) {
        Result<LoginFacts> facts = parseIdentifyOutput(ran.stdoutText);
        if (!facts) {
            fail(StepId::Identify, StepState::Failed, facts.error().message);
            return;
        }
        m_login = facts.value();
        QJsonObject &f = m_evidence.step(StepId::Identify).facts;
        f.insert(QStringLiteral("login_node"), m_login.loginNode);
        f.insert(QStringLiteral("conda"), m_login.conda);
        f.insert(QStringLiteral("sinfo"), m_login.sinfo);
        f.insert(QStringLiteral("home"), m_login.home);
        f.insert(QStringLiteral("default_partition"), m_login.defaultPartition);
        f.insert(QStringLiteral("shell_noise"), m_login.shellNoise);
        addCheck(StepId::Identify,
                 {QStringLiteral("conda.found"), !m_login.conda.isEmpty(),
                  m_login.conda.isEmpty() ? GuidedTr::tr("conda was not found on the login node.")
                                          : GuidedTr::tr("conda is %1.").arg(m_login.conda)});
        addCheck(StepId::Identify,
                 {QStringLiteral("slurm.found"), !m_login.sinfo.isEmpty(),
                  m_login.sinfo.isEmpty() ? GuidedTr::tr("Slurm's commands were not found on the login node.")
                                          : GuidedTr::tr("Slurm is there; the default partition is “%1”.")
                                                .arg(m_login.defaultPartition)});
        if (m_login.conda.isEmpty()) {
            fail(StepId::Identify, StepState::Failed, GuidedTr::tr("conda was not found on the login node."),
                 {cluster::Diagnosis {
                     QStringLiteral("setup.conda.missing"),
                     GuidedTr::tr("Onramp found no conda: not on PATH, not in $CONDA_EXE, not in "
                                  "~/miniconda3, ~/anaconda3, ~/miniforge3 or /opt/conda."),
                     GuidedTr::tr("Ask the cluster's admins where conda is (a module to load?), "
                                  "or install Miniconda in your home folder."),
                     ran.stdoutText}});
            return;
        }
        if (m_login.sinfo.isEmpty()) {
            fail(StepId::Identify, StepState::Failed, GuidedTr::tr("Slurm was not found on the login node."),
                 {cluster::Diagnosis {QStringLiteral("setup.slurm.missing"),
                                      GuidedTr::tr("sinfo and srun are not on the login node's PATH."),
                                      GuidedTr::tr("Check that this is the cluster's login node (aha)."),
                                      ran.stdoutText}});
            return;
        }
        identifyConda();
    });
}

void SetupEngine::identifyConda()
{
    const Result<QString> command = cluster::condaInfoCommand({conda()});
    runShort(StepId::Identify, QStringLiteral("login"), command.value(), [this](const Ran &ran) {
        Result<cluster::CondaInfo> info = cluster::parseCondaInfoJson(ran.stdoutText);
        if (!ran.ok() || !info) {
            fail(StepId::Identify, StepState::Failed, GuidedTr::tr("conda info did not work."),
                 cluster::diagnoseCondaOutput(ran.all()));
            return;
        }
        m_conda = info.value();
        QJsonObject &f = m_evidence.step(StepId::Identify).facts;
        f.insert(QStringLiteral("conda_base"), m_conda.rootPrefix);
        f.insert(QStringLiteral("conda_version"), m_conda.condaVersion);
        f.insert(QStringLiteral("pkgs_dirs"), QJsonArray::fromStringList(m_conda.pkgsDirs));
        f.insert(QStringLiteral("envs_dirs"), QJsonArray::fromStringList(m_conda.envsDirs));
        f.insert(QStringLiteral("login_cuda"), m_conda.cudaVersion());
        identifySpace();
    });
}

void SetupEngine::identifySpace()
{
    QStringList paths {m_login.home};
    if (!m_conda.pkgsDirs.isEmpty())
        paths << m_conda.pkgsDirs.first();
    if (!m_conda.envsDirs.isEmpty())
        paths << m_conda.envsDirs.first();
    runShort(StepId::Identify, QStringLiteral("login"), spaceScript(paths, !m_login.quota.isEmpty()),
             [this, paths](const Ran &ran) {
                 const SpaceReport report = parseSpaceReport(ran.stdoutText);
                 QJsonArray spaces;
                 for (const SpaceEntry &e : report.entries) {
                     spaces.append(QJsonObject {{QStringLiteral("path"), e.path},
                                                {QStringLiteral("filesystem"), e.filesystem},
                                                {QStringLiteral("available_bytes"), double(e.availableBytes)},
                                                {QStringLiteral("capacity"), e.capacity},
                                                {QStringLiteral("mounted_on"), e.mountedOn}});
                 }
                 QJsonObject &f = m_evidence.step(StepId::Identify).facts;
                 f.insert(QStringLiteral("space"), spaces);
                 f.insert(QStringLiteral("quota"), report.quota);
                 m_freeBytes = report.leastAvailable(paths.mid(1));
                 if (m_freeBytes < 0)
                     m_freeBytes = report.leastAvailable({});
                 f.insert(QStringLiteral("free_bytes"), double(m_freeBytes));
                 if (m_freeBytes >= 0) {
                     addCheck(StepId::Identify,
                              {QStringLiteral("space.free"), m_freeBytes >= kEnoughFreeBytes,
                               GuidedTr::tr("%1 free where conda keeps packages and environments (PyTorch "
                                            "needs about 5 GB).")
                                   .arg(QLocale::system().formattedDataSize(
                                       m_freeBytes, 1, QLocale::DataSizeTraditionalFormat))});
                 }
                 readPartitions();
             });
}

void SetupEngine::readPartitions()
{
    // The partitions a waiting job could move to ("use another partition").
    runShort(StepId::Identify, QStringLiteral("login"), cluster::sinfoPartitionsCommand(),
             [this](const Ran &ran) {
                 m_partitions.clear();
                 if (const auto partitions = cluster::parseSinfoPartitions(ran.stdoutText);
                     ran.ok() && partitions) {
                     for (const cluster::PartitionInfo &p : partitions.value()) {
                         if (p.up && !m_partitions.contains(p.name))
                             m_partitions << p.name;
                     }
                 }
                 m_evidence.step(StepId::Identify)
                     .facts.insert(QStringLiteral("partitions"), QJsonArray::fromStringList(m_partitions));
                 setState(StepId::Identify, StepState::Done);
                 reachComputeNode();
             });
}

// --- step 2 --------------------------------------------------------------------------------------------

void SetupEngine::reachComputeNode()
{
    setState(StepId::ComputeNode, StepState::Running);
    cluster::AllocationRequest request;
    request.partition = m_evidence.options.partition;
    request.jobName = jobName();
    request.timeLimit = kJobTime;
    const Result<QString> command = cluster::srunCommand(request, {QStringLiteral("hostname")});
    if (!command) {
        fail(StepId::ComputeNode, StepState::Failed, command.error().message);
        return;
    }
    watchQueue(StepId::ComputeNode);
    runShort(StepId::ComputeNode, QStringLiteral("login"), command.value(), [this](const Ran &ran) {
        const QString node = firstLine(ran.stdoutText);
        if (!ran.ok() || node.isEmpty()) {
            fail(StepId::ComputeNode, StepState::Failed,
                 GuidedTr::tr("Slurm did not give Onramp a compute node."),
                 cluster::explainSlurmOutput(ran.all()));
            return;
        }
        m_evidence.step(StepId::ComputeNode).facts.insert(QStringLiteral("compute_node"), node);
        addCheck(StepId::ComputeNode,
                 {QStringLiteral("compute.reached"), true,
                  GuidedTr::tr("A job on the default partition ran on %1.").arg(node)});
        readDriver();
    });
}

void SetupEngine::readDriver()
{
    if (m_evidence.options.gpus <= 0) {
        setState(StepId::ComputeNode, StepState::Done);
        inspectEnv();
        return;
    }
    cluster::AllocationRequest request;
    request.partition = m_evidence.options.partition;
    request.gpus = 1;
    request.jobName = jobName();
    request.timeLimit = kJobTime;
    const Result<QString> command = cluster::srunCommand(request, {QStringLiteral("nvidia-smi")});
    watchQueue(StepId::ComputeNode);
    runShort(StepId::ComputeNode, QStringLiteral("login"), command.value(), [this](const Ran &ran) {
        const Result<cluster::NvidiaSmiTable> table = cluster::parseNvidiaSmiTable(ran.stdoutText);
        QJsonObject &f = m_evidence.step(StepId::ComputeNode).facts;
        if (ran.ok() && table) {
            const cluster::DriverInfo &driver = table.value().driver;
            m_driverCuda = driver.cudaVersion.isNull() ? QString()
                                                       : QStringLiteral("%1.%2")
                                                             .arg(driver.cudaVersion.majorVersion())
                                                             .arg(driver.cudaVersion.minorVersion());
            f.insert(QStringLiteral("driver_version"), driver.driverVersion);
            f.insert(QStringLiteral("driver_cuda"), m_driverCuda);
            if (!table.value().gpus.isEmpty())
                f.insert(QStringLiteral("gpu_name"), table.value().gpus.first().name);
            addCheck(StepId::ComputeNode,
                     {QStringLiteral("compute.driver"), !m_driverCuda.isEmpty(),
                      GuidedTr::tr("The GPU nodes' driver %1 supports CUDA %2.")
                          .arg(driver.driverVersion, m_driverCuda)});
        } else {
            // Not fatal here: the plan review explains a CPU build, step 6 the GPU.
            addCheck(StepId::ComputeNode,
                     {QStringLiteral("compute.driver"), false,
                      GuidedTr::tr("Onramp could not read the GPU driver with nvidia-smi.")});
            cluster::Diagnoses found = cluster::explainSlurmOutput(ran.stderrText);
            cluster::GpuCheckContext context;
            context.place = cluster::GpuCheckContext::Place::Job;
            context.gpusRequested = 1;
            if (const auto smi = cluster::diagnoseNvidiaSmi(ran.all(), ran.evidence.exitCode, context))
                found << *smi;
            addDiagnoses(StepId::ComputeNode, found);
        }
        setState(StepId::ComputeNode, StepState::Done);
        inspectEnv();
    });
}

// --- step 3 --------------------------------------------------------------------------------------------

void SetupEngine::readEnv(StepId step, std::function<void()> then)
{
    runShort(step, QStringLiteral("login"), cluster::condaEnvListCommand({conda()}).value(),
             [this, step, then](const Ran &ran) {
                 const auto envs
                     = cluster::parseEnvListJson(ran.stdoutText, m_conda.envsDirs, m_conda.rootPrefix);
                 if (!ran.ok() || !envs) {
                     fail(step, StepState::Failed, GuidedTr::tr("conda could not list the environments."),
                          cluster::diagnoseCondaOutput(ran.all(), condaContext()));
                     return;
                 }
                 m_env = envStateFrom(envs.value(), m_evidence.options.envName);
                 if (!m_env.exists) {
                     then();
                     return;
                 }
                 runShort(step, QStringLiteral("login"),
                          cluster::condaListCommand(m_evidence.options.envName, {conda()}).value(),
                          [this, step, envs, then](const Ran &listed) {
                              const auto packages = cluster::parsePackageListJson(listed.stdoutText);
                              if (!listed.ok() || !packages) {
                                  fail(step, StepState::Failed,
                                       GuidedTr::tr("conda could not list the environment's packages."),
                                       cluster::diagnoseCondaOutput(listed.all()));
                                  return;
                              }
                              m_env
                                  = envStateFrom(envs.value(), m_evidence.options.envName, packages.value());
                              then();
                          });
             });
}

void SetupEngine::inspectEnv()
{
    setState(StepId::CreateEnv, StepState::Running);
    readEnv(StepId::CreateEnv, [this] { onEnvInspected(); });
}

void SetupEngine::onEnvInspected()
{
    QJsonObject &f = m_evidence.step(StepId::CreateEnv).facts;
    f.insert(QStringLiteral("env"), m_evidence.options.envName);
    f.insert(QStringLiteral("existed"), m_env.exists);
    if (m_env.exists)
        f.insert(QStringLiteral("prefix"), m_env.prefix);
    if (!m_env.exists) {
        // Created together with PyTorch, from the plan the person approves: a cancelled review
        // leaves nothing behind.
        m_envWillBeCreated = true;
        f.insert(QStringLiteral("choice"), QStringLiteral("create"));
        addCheck(
            StepId::CreateEnv,
            {QStringLiteral("env.new"), true,
             GuidedTr::tr("There is no environment “%1” yet; it is created with PyTorch after you approve "
                          "the plan.")
                 .arg(m_evidence.options.envName)});
        setState(StepId::CreateEnv, StepState::Done);
        activation();
        return;
    }
    if (torchAlreadyInstalled(m_env, m_evidence.options.gpus)) {
        f.insert(QStringLiteral("choice"), QStringLiteral("reuse"));
        addCheck(StepId::CreateEnv,
                 {QStringLiteral("env.reused"), true,
                  GuidedTr::tr("“%1” already has PyTorch %2 (%3): reused.")
                      .arg(m_evidence.options.envName, m_env.torch.version, m_env.torch.build)});
        setState(StepId::CreateEnv, StepState::Reused);
        activation();
        return;
    }
    SetupQuestion question;
    question.text
        = GuidedTr::tr("An environment “%1” already exists at %2. Use it as it is, or remove it and "
                       "create it again?")
              .arg(m_evidence.options.envName, m_env.prefix);
    question.kind = SetupQuestion::Kind::ExistingEnv;
    question.step = StepId::CreateEnv;
    question.choices = {QStringLiteral("reuse"), QStringLiteral("replace"), QStringLiteral("cancel")};
    question.choiceLabels = {GuidedTr::tr("Use it as it is"), GuidedTr::tr("Remove it and create it again"),
                             GuidedTr::tr("Cancel the setup")};
    question.defaultChoice = QStringLiteral("reuse");
    m_question = question;
    setState(StepId::CreateEnv, StepState::WaitingForPerson);
    Q_EMIT questionAsked(question);
}

void SetupEngine::answerQuestion(const QString &choice)
{
    if (!m_question || m_finished)
        return;
    const SetupQuestion question = *m_question;
    m_question.reset();
    if (question.kind == SetupQuestion::Kind::PendingJob) {
        m_evidence.step(question.step).facts.insert(QStringLiteral("pending_choice"), choice);
        if (choice == QLatin1String("cancel")) {
            cancel();
        } else if (choice.startsWith(kPartitionFix)) {
            if (const Status applied = applyFix(choice); !applied)
                setState(question.step, StepState::Running);
        } else {
            setState(question.step, StepState::Running); // wait: the queue is still watched
        }
        return;
    }
    QJsonObject &f = m_evidence.step(StepId::CreateEnv).facts;
    f.insert(QStringLiteral("choice"), choice);
    if (choice == QLatin1String("cancel")) {
        setState(StepId::CreateEnv, StepState::Cancelled);
        finish(SetupResult::Cancelled, GuidedTr::tr("Setup cancelled; the environment was left as it was."));
        return;
    }
    setState(StepId::CreateEnv, StepState::Running);
    if (choice == QLatin1String("replace") && !m_evidence.options.planOnly) {
        cluster::CondaPackageRequest request;
        request.env = m_evidence.options.envName;
        request.dryRun = false;
        request.json = false;
        runLong(StepId::CreateEnv, GuidedTr::tr("Remove the environment"),
                cluster::condaRemoveCommand(request, true, {conda()}).value(),
                continuationOf(StepId::CreateEnv));
        return;
    }
    setState(StepId::CreateEnv, StepState::Reused);
    activation();
}

// --- step 4 --------------------------------------------------------------------------------------------

void SetupEngine::activation()
{
    setState(StepId::Activation, StepState::Running);
    runShort(
        StepId::Activation, QStringLiteral("login"), QStringLiteral("cat ~/.bashrc 2>/dev/null; true"),
        [this](const Ran &ran) {
            const BashrcFinding finding = analyseBashrc(ran.stdoutText);
            QJsonObject &f = m_evidence.step(StepId::Activation).facts;
            f.insert(QStringLiteral("bashrc_conda_init"), finding.hasCondaInit);
            f.insert(QStringLiteral("bashrc_conda_init_noninteractive"), finding.runsInNonInteractiveShells);
            f.insert(QStringLiteral("bashrc_interactive_guard"), finding.hasInteractiveGuard);
            const cluster::Diagnoses notes = explainBashrc(finding, m_login.shellNoise);
            addDiagnoses(StepId::Activation, notes);
            addCheck(StepId::Activation,
                     {QStringLiteral("activation.quiet-shell"), m_login.shellNoise.isEmpty(),
                      m_login.shellNoise.isEmpty()
                          ? GuidedTr::tr("Non-interactive shells print nothing of their own.")
                          : GuidedTr::tr(
                              "Non-interactive shells print text of their own (see the explanation).")});
            const QString env = m_env.exists ? m_evidence.options.envName : QStringLiteral("base");
            const Result<QString> command
                = cluster::condaActivateCommand(m_conda.rootPrefix, env,
                                                {QStringLiteral("python"), QStringLiteral("-c"),
                                                 QStringLiteral("import sys; print(sys.prefix)")});
            f.insert(QStringLiteral("activation"),
                     cluster::condaActivateCommand(m_conda.rootPrefix, m_evidence.options.envName).value());
            runShort(
                StepId::Activation, QStringLiteral("login"), command.value(), [this, env](const Ran &tried) {
                    const bool works = tried.ok() && !firstLine(tried.stdoutText).isEmpty();
                    addCheck(StepId::Activation,
                             {QStringLiteral("activation.works"), works,
                              works ? GuidedTr::tr(
                                          "Sourcing conda.sh and “conda activate %1” work without .bashrc.")
                                          .arg(env)
                                    : GuidedTr::tr("Activating “%1” through conda.sh failed.").arg(env)});
                    if (!works) {
                        fail(StepId::Activation, StepState::Failed, GuidedTr::tr("Activation does not work."),
                             cluster::diagnoseCondaOutput(tried.all(), condaContext()));
                        return;
                    }
                    setState(StepId::Activation, StepState::Done);
                    installTorch();
                });
        });
}

// --- step 5 --------------------------------------------------------------------------------------------

void SetupEngine::installTorch()
{
    setState(StepId::InstallTorch, StepState::Running);
    if (torchAlreadyInstalled(m_env, m_evidence.options.gpus)) {
        m_evidence.step(StepId::InstallTorch).facts.insert(QStringLiteral("torch_build"), m_env.torch.build);
        addCheck(StepId::InstallTorch,
                 {QStringLiteral("torch.present"), true,
                  GuidedTr::tr("PyTorch %1 (%2) is already installed.")
                      .arg(m_env.torch.version, m_env.torch.build)});
        setState(StepId::InstallTorch, StepState::Reused);
        verify();
        return;
    }
    planTorch();
}

void SetupEngine::planTorch()
{
    const InstallRequestSpecs recipe = torchRecipe(m_evidence.options, m_driverCuda);
    requestPlan(StepId::InstallTorch, QStringLiteral("PyTorch"), recipe.specs, recipe.channels,
                recipe.overrideChannels, !m_env.exists);
}

void SetupEngine::requestPlan(StepId step, const QString &title, const QStringList &specs,
                              const QStringList &channels, bool overrideChannels, bool create)
{
    cluster::CondaPackageRequest request;
    request.env = m_evidence.options.envName;
    request.specs = specs;
    request.channels = channels;
    request.overrideChannels = overrideChannels;
    request.dryRun = true;
    request.json = true;
    // Planned on the login node, which has no GPU: tell conda what the GPU nodes' driver supports.
    if (m_evidence.options.gpus > 0 && !m_driverCuda.isEmpty())
        request.overrideCuda = m_driverCuda;
    const Result<QString> command = create ? cluster::condaCreateCommand(request, {conda()})
                                           : cluster::condaInstallCommand(request, {conda()});
    if (!command) {
        fail(step, StepState::Failed, command.error().message,
             {cluster::Diagnosis {QStringLiteral("setup.spec.invalid"), command.error().message,
                                  GuidedTr::tr("Check the package names and versions."),
                                  specs.join(QLatin1Char(' '))}});
        return;
    }
    runShort(step, QStringLiteral("login"), command.value(),
             [this, step, title, specs, channels, overrideChannels, create, request](const Ran &ran) {
                 Result<cluster::CondaPlan> plan = cluster::parsePlan(ran.stdoutText);
                 if (!plan) {
                     cluster::Diagnoses found = cluster::diagnoseCondaOutput(ran.all(), condaContext());
                     fail(step, StepState::Failed, GuidedTr::tr("conda could not make a plan."), found);
                     return;
                 }
                 PlanReview review;
                 review.step = step;
                 review.title = title;
                 review.command = ran.evidence.command;
                 review.specs = specs;
                 review.channels = channels;
                 review.plan = plan.value();
                 review.freeBytes = m_freeBytes;
                 const int gpus = step == StepId::InstallTorch ? m_evidence.options.gpus : 0;
                 review.verdict = reviewPlan(review.plan, gpus, m_freeBytes, m_driverCuda,
                                             request.overrideCuda.value_or(QString()));
                 QJsonObject &f = m_evidence.step(step).facts;
                 QJsonArray plans = f.value(QStringLiteral("plans")).toArray();
                 QJsonObject planFacts = planJson(review.plan);
                 planFacts.insert(QStringLiteral("title"), title);
                 planFacts.insert(QStringLiteral("specs"), QJsonArray::fromStringList(specs));
                 planFacts.insert(QStringLiteral("blocked"), review.verdict.blocked);
                 planFacts.insert(QStringLiteral("override_cuda"), request.overrideCuda.value_or(QString()));
                 plans.append(planFacts);
                 f.insert(QStringLiteral("plans"), plans);
                 for (const CheckResult &check : review.verdict.checks)
                     addCheck(step, check);
                 m_review = review;
                 m_reviewCreates = create;
                 m_reviewOverrideChannels = overrideChannels;
                 Q_EMIT planReady(review);
                 if (review.verdict.blocked) {
                     m_review.reset();
                     fail(step, StepState::Blocked,
                          GuidedTr::tr("The plan was stopped before anything changed."),
                          review.verdict.diagnoses);
                     return;
                 }
                 if (m_evidence.options.planOnly) {
                     m_review.reset();
                     setState(step, StepState::Skipped);
                     setState(StepId::Evidence, StepState::Done);
                     finish(SetupResult::PlanShown, GuidedTr::tr("The plan was shown; nothing was changed."));
                     return;
                 }
                 setState(step, StepState::WaitingForPerson);
             });
}

void SetupEngine::answerPlan(PlanDecision decision, const QStringList &editedSpecs)
{
    if (!m_review || m_finished)
        return;
    const PlanReview review = *m_review;
    m_review.reset();
    if (decision == PlanDecision::Cancel) {
        setState(review.step, StepState::Cancelled);
        finish(SetupResult::Cancelled,
               m_reviewCreates
                   ? GuidedTr::tr("Cancelled at the plan review; no environment was created.")
                   : GuidedTr::tr("Cancelled at the plan review; the environment was not changed."));
        return;
    }
    setState(review.step, StepState::Running);
    if (decision == PlanDecision::Edit) {
        if (review.step == StepId::InstallTorch)
            m_evidence.options.torchSpecs = editedSpecs;
        requestPlan(review.step, review.title, editedSpecs, review.channels, m_reviewOverrideChannels,
                    m_reviewCreates);
        return;
    }
    m_review = review;
    runApprovedPlan();
}

void SetupEngine::runApprovedPlan()
{
    const PlanReview review = *m_review;
    m_review.reset();
    cluster::CondaPackageRequest request;
    request.env = m_evidence.options.envName;
    request.specs = review.specs;
    request.channels = review.channels;
    request.overrideChannels = m_reviewOverrideChannels;
    request.dryRun = false;
    request.json = false;
    if (m_evidence.options.gpus > 0 && !m_driverCuda.isEmpty())
        request.overrideCuda = m_driverCuda;
    const QString command = m_reviewCreates ? cluster::condaCreateCommand(request, {conda()}).value()
                                            : cluster::condaInstallCommand(request, {conda()}).value();
    const StepId step = review.step;
    runLong(step, review.title, command, [this, step](const Ran &ran) { onInstalled(step, ran); });
}

void SetupEngine::onInstalled(StepId step, const Ran &ran)
{
    if (!ran.ok()) {
        cluster::Diagnoses found = cluster::diagnoseCondaOutput(ran.stdoutText, condaContext());
        fail(step, StepState::Failed, GuidedTr::tr("conda did not finish the installation."), found);
        return;
    }
    if (step == StepId::InstallTorch) {
        afterTorchInstalled();
    } else if (m_envStale) {
        // Resumed: the packages still missing are read again rather than remembered.
        m_envStale = false;
        readEnv(StepId::ExtraPackages, [this] { extraPackages(); });
    } else {
        nextExtraPackage();
    }
}

void SetupEngine::afterTorchInstalled()
{
    readEnv(StepId::InstallTorch, [this] {
        m_envStale = false;
        const bool ok = torchAlreadyInstalled(m_env, m_evidence.options.gpus);
        m_evidence.step(StepId::InstallTorch).facts.insert(QStringLiteral("torch_build"), m_env.torch.build);
        m_evidence.step(StepId::CreateEnv).facts.insert(QStringLiteral("prefix"), m_env.prefix);
        addCheck(StepId::InstallTorch,
                 {QStringLiteral("torch.installed"), ok,
                  GuidedTr::tr("The environment now has PyTorch %1 (%2).")
                      .arg(m_env.torch.version, m_env.torch.build)});
        if (!ok) {
            fail(StepId::InstallTorch, StepState::Failed,
                 GuidedTr::tr("conda finished, but the environment has no suitable PyTorch."));
            return;
        }
        setState(StepId::InstallTorch, StepState::Done);
        verify();
    });
}

// --- step 6 --------------------------------------------------------------------------------------------

void SetupEngine::verify()
{
    setState(StepId::Verify, StepState::Running);
    cluster::TorchProbeRequest probeRequest;
    probeRequest.python = m_env.prefix + QStringLiteral("/bin/python");
    const Result<QString> probeCommand = cluster::torchProbeCommand(probeRequest);
    cluster::AllocationRequest request;
    request.partition = m_evidence.options.partition;
    request.gpus = qMax(0, m_evidence.options.gpus);
    request.jobName = jobName();
    request.timeLimit = kJobTime;
    const Result<QString> command = cluster::srunCommand(
        request, {QStringLiteral("bash"), QStringLiteral("-c"), verifyScript(probeCommand.value())});
    if (!command) {
        fail(StepId::Verify, StepState::Failed, command.error().message);
        return;
    }
    watchQueue(StepId::Verify);
    runLong(StepId::Verify, GuidedTr::tr("Check PyTorch on a GPU node"), command.value(),
            [this](const Ran &ran) { onVerified(ran); });
}

void SetupEngine::onVerified(const Ran &ran)
{
    const QMap<QString, QString> parts = splitVerifyOutput(ran.stdoutText);
    const QString node = firstLine(parts.value(QStringLiteral("hostname")));
    QJsonObject &f = m_evidence.step(StepId::Verify).facts;
    f.insert(QStringLiteral("gpu_node"), node);
    f.insert(QStringLiteral("nvidia_smi"), parts.value(QStringLiteral("nvidia-smi")));
    if (parts.isEmpty()) {
        fail(StepId::Verify, StepState::Failed, GuidedTr::tr("The verification job did not run."),
             cluster::explainSlurmOutput(ran.stdoutText));
        return;
    }
    const int gpus = m_evidence.options.gpus;
    const QString probeText = parts.value(QStringLiteral("probe"));
    Result<cluster::TorchProbeResult> probe = cluster::parseTorchProbe(probeText);
    if (!probe) {
        cluster::GpuCheckContext context;
        context.place = cluster::GpuCheckContext::Place::Job;
        context.gpusRequested = gpus;
        fail(StepId::Verify, StepState::Failed, GuidedTr::tr("The PyTorch check gave no answer."),
             cluster::diagnoseTorchProbeFailure(probeText, ran.evidence.exitCode, context));
        return;
    }
    const cluster::TorchProbeResult &p = probe.value();
    f.insert(QStringLiteral("torch_version"), p.torchVersion);
    f.insert(QStringLiteral("torch_cuda"), p.torchCuda);
    f.insert(QStringLiteral("cuda_available"), p.cudaAvailable.value_or(false));
    f.insert(QStringLiteral("device_count"), p.deviceCount.value_or(0));
    f.insert(QStringLiteral("gpus_requested"), gpus);
    if (!p.devices.isEmpty())
        f.insert(QStringLiteral("device_name"), p.devices.first().name);
    const VerifyVerdict verdict = verifyProbe(p, gpus, node);
    for (const CheckResult &check : verdict.checks)
        addCheck(StepId::Verify, check);
    if (!verdict.passed) {
        cluster::Diagnoses found = verdict.diagnoses;
        cluster::GpuCheckContext context;
        context.place = cluster::GpuCheckContext::Place::Job;
        context.gpusRequested = gpus;
        if (const auto smi
            = cluster::diagnoseNvidiaSmi(parts.value(QStringLiteral("nvidia-smi")), -1, context))
            found.prepend(*smi);
        fail(StepId::Verify, StepState::Failed, GuidedTr::tr("PyTorch does not see the GPU."), found);
        return;
    }
    setState(StepId::Verify, StepState::Done);
    if (m_envStale) {
        // Resumed: what the environment holds now decides the extra packages.
        m_envStale = false;
        readEnv(StepId::ExtraPackages, [this] { extraPackages(); });
        return;
    }
    extraPackages();
}

// --- step 7 --------------------------------------------------------------------------------------------

void SetupEngine::extraPackages()
{
    setState(StepId::ExtraPackages, StepState::Running);
    m_extrasLeft = missingPackages(m_env, m_evidence.options.extraPackages);
    m_evidence.step(StepId::ExtraPackages)
        .facts.insert(QStringLiteral("missing"), QJsonArray::fromStringList(m_extrasLeft));
    if (m_extrasLeft.isEmpty()) {
        addCheck(StepId::ExtraPackages,
                 {QStringLiteral("extras.present"), true,
                  GuidedTr::tr("%1 are already installed.")
                      .arg(m_evidence.options.extraPackages.join(QStringLiteral(", ")))});
        setState(StepId::ExtraPackages,
                 m_evidence.options.extraPackages.isEmpty() ? StepState::Skipped : StepState::Reused);
        keepEvidence();
        return;
    }
    nextExtraPackage();
}

void SetupEngine::nextExtraPackage()
{
    if (m_extrasLeft.isEmpty()) {
        readEnv(StepId::ExtraPackages, [this] {
            const QStringList still = missingPackages(m_env, m_evidence.options.extraPackages);
            addCheck(StepId::ExtraPackages,
                     {QStringLiteral("extras.installed"), still.isEmpty(),
                      still.isEmpty()
                          ? GuidedTr::tr("All extra packages are installed.")
                          : GuidedTr::tr("Still missing: %1.").arg(still.join(QStringLiteral(", ")))});
            setState(StepId::ExtraPackages, still.isEmpty() ? StepState::Done : StepState::Failed);
            keepEvidence();
        });
        return;
    }
    const QString spec = m_extrasLeft.takeFirst();
    // The guide's `conda install matplotlib`: the channels of .condarc, plus conda-forge like the recipes.
    requestPlan(StepId::ExtraPackages, spec, {spec}, {QStringLiteral("conda-forge")}, false, false);
}

// --- step 8 --------------------------------------------------------------------------------------------

void SetupEngine::keepEvidence()
{
    setState(StepId::Evidence, StepState::Running);
    // The report lists the env's packages with their sizes: conda list has no sizes, conda-meta does.
    const Result<QString> command = packageMetadataCommand(m_env.prefix);
    if (!command) {
        finishEvidence();
        return;
    }
    runShort(StepId::Evidence, QStringLiteral("login"), command.value(), [this](const Ran &ran) {
        const Result<QJsonArray> packages = parsePackageMetadata(ran.stdoutText);
        // Not a reason to fail a working setup: the report falls back to conda list without sizes.
        if (packages)
            m_evidence.step(StepId::Evidence).facts.insert(QStringLiteral("packages"), packages.value());
        addCheck(StepId::Evidence,
                 {QStringLiteral("evidence.packages"), packages.ok(),
                  packages ? GuidedTr::tr("The environment’s %n package(s) were recorded.", nullptr,
                                          int(packages.value().size()))
                           : packages.error().message});
        finishEvidence();
    });
}

void SetupEngine::finishEvidence()
{
    StepRecord &record = m_evidence.step(StepId::Evidence);
    record.facts.insert(QStringLiteral("finished_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    setState(StepId::Evidence, StepState::Done);
    finish(SetupResult::Succeeded,
           GuidedTr::tr("“%1” is ready: PyTorch sees %n GPU(s) on %2.", nullptr, m_evidence.options.gpus)
               .arg(m_evidence.options.envName, m_evidence.fact(StepId::Verify, QStringLiteral("gpu_node"))));
}

// --- changing course: edits at the plan review, fixes, the queue ------------------------------------

Status SetupEngine::replan(const SetupOptions &edited)
{
    if (!m_review || m_finished)
        return Error {ErrorKind::InvalidInput, GuidedTr::tr("There is no plan to change now."), {}};
    if (const Status name = cluster::validateEnvName(edited.envName, cluster::EnvNameUse::Create); !name)
        return name;
    for (const QString &spec : edited.extraPackages) {
        if (const Status valid = cluster::validatePackageSpec(spec); !valid)
            return valid;
    }
    const PlanReview review = *m_review;
    m_review.reset();
    SetupOptions next = m_evidence.options;
    const bool otherEnv = edited.envName != next.envName;
    const bool otherRecipe = edited.recipe != next.recipe || edited.pythonVersion != next.pythonVersion;
    next.envName = edited.envName;
    next.pythonVersion = edited.pythonVersion;
    next.recipe = edited.recipe;
    next.extraPackages = edited.extraPackages;
    if (!edited.torchSpecs.isEmpty())
        next.torchSpecs = edited.torchSpecs;
    else if (otherRecipe)
        next.torchSpecs.clear(); // the recipe's specs again, with the new Python
    m_evidence.options = next;
    QJsonObject &f = m_evidence.step(review.step).facts;
    f.insert(QStringLiteral("edits"), f.value(QStringLiteral("edits")).toInt() + 1);
    if (otherEnv) {
        // Another environment may exist, hold PyTorch already, or not: step 3 looks again.
        setState(review.step, StepState::Pending);
        inspectEnv();
        return success();
    }
    setState(review.step, StepState::Running);
    if (review.step == StepId::InstallTorch) {
        planTorch();
    } else {
        m_extrasLeft = missingPackages(m_env, next.extraPackages);
        nextExtraPackage();
    }
    return success();
}

std::optional<SetupFix> SetupEngine::fixFor(const cluster::Diagnosis &diagnosis) const
{
    const QString &code = diagnosis.code;
    if (!m_login.conda.isEmpty()
        && (code == QLatin1String("conda.disk.full") || code == QLatin1String("conda.disk.quota")
            || code == QLatin1String("setup.plan.no-space")
            || code == QLatin1String("conda.CondaVerificationError")
            || code == QLatin1String("conda.CondaError"))) {
        return SetupFix {kCleanFix, GuidedTr::tr("Clean conda's package cache")};
    }
    if (code.startsWith(QLatin1String("slurm.pending."))
        || code == QLatin1String("slurm.error.InvalidPartition")
        || code == QLatin1String("slurm.error.NodeConfigUnavailable")
        || code == QLatin1String("slurm.error.PartitionUnavailable")) {
        const QString current = m_evidence.options.partition.isEmpty() ? m_login.defaultPartition
                                                                       : m_evidence.options.partition;
        for (const QString &partition : m_partitions) {
            if (partition != current)
                return SetupFix {kPartitionFix + partition,
                                 GuidedTr::tr("Use the partition “%1”").arg(partition)};
        }
    }
    return std::nullopt;
}

QList<SetupFix> SetupEngine::availableFixes() const
{
    std::optional<StepId> step;
    if (m_finished)
        step = m_failedStep;
    else if (!m_pendingJob.isEmpty())
        step = m_queueStep;
    QList<SetupFix> fixes;
    if (!step)
        return fixes;
    for (const cluster::Diagnosis &d : m_evidence.step(*step).diagnoses) {
        const std::optional<SetupFix> fix = fixFor(d);
        if (fix
            && std::none_of(fixes.cbegin(), fixes.cend(), [&](const SetupFix &f) { return f.id == fix->id; }))
            fixes << *fix;
    }
    return fixes;
}

Status SetupEngine::applyFix(const QString &id)
{
    const bool afterFailure = m_finished && m_failedStep;
    const bool whilePending = !m_finished && m_queueStep && !m_pendingJob.isEmpty();
    const QList<SetupFix> fixes = availableFixes();
    const auto fix
        = std::find_if(fixes.cbegin(), fixes.cend(), [&](const SetupFix &f) { return f.id == id; });
    if ((!afterFailure && !whilePending) || fix == fixes.cend()) {
        return Error {
            ErrorKind::InvalidInput, GuidedTr::tr("The fix “%1” cannot be applied now.").arg(id), {}};
    }
    const StepId step = afterFailure ? *m_failedStep : *m_queueStep;
    if (afterFailure) {
        // The setup goes on from the step that failed: finished() comes again at its new end.
        m_finished = false;
        m_failedStep.reset();
        m_evidence.step(StepId::Evidence).facts.remove(QStringLiteral("result"));
    } else {
        abandonAttempt();
        m_question.reset();
    }
    QJsonObject &f = m_evidence.step(step).facts;
    QJsonArray applied = f.value(QStringLiteral("fixes_applied")).toArray();
    applied.append(id);
    f.insert(QStringLiteral("fixes_applied"), applied);
    Q_EMIT fixApplied(step, *fix);
    setState(step, StepState::Running);
    if (id == kCleanFix) {
        runShort(step, QStringLiteral("login"), cluster::condaCleanCommand({conda()}).value(),
                 [this, step](const Ran &ran) {
                     if (!ran.ok()) {
                         fail(step, StepState::Failed,
                              GuidedTr::tr("conda could not clean its package cache."),
                              cluster::diagnoseCondaOutput(ran.all(), condaContext()));
                         return;
                     }
                     addCheck(step,
                              {QStringLiteral("fix.conda-clean"), true,
                               GuidedTr::tr("conda's package cache was cleaned.")});
                     restartStep(step);
                 });
        return success();
    }
    m_evidence.options.partition = id.mid(kPartitionFix.size());
    restartStep(step);
    return success();
}

void SetupEngine::abandonAttempt()
{
    ++m_attempt;
    if (!m_pendingJob.isEmpty() && m_transport) {
        if (const Result<QString> scancel = cluster::scancelCommand(m_pendingJob))
            m_transport->exec(scancel.value());
    }
    stopWatchingQueue();
    if (m_run) {
        m_run->cancel(); // its end is ignored (another attempt), but the remote work stops
        m_run = nullptr;
    }
    if (m_process) {
        m_process->cancel();
        m_process = nullptr;
    }
}

void SetupEngine::restartStep(StepId step)
{
    switch (step) {
    case StepId::Identify:
        identify();
        return;
    case StepId::ComputeNode:
        reachComputeNode();
        return;
    case StepId::CreateEnv:
        inspectEnv();
        return;
    case StepId::Activation:
        activation();
        return;
    case StepId::InstallTorch:
        readEnv(StepId::InstallTorch, [this] { installTorch(); });
        return;
    case StepId::Verify:
        verify();
        return;
    case StepId::ExtraPackages:
        readEnv(StepId::ExtraPackages, [this] { extraPackages(); });
        return;
    case StepId::Evidence:
        keepEvidence();
        return;
    }
}

QString SetupEngine::jobName() const
{
    return kJobName + QLatin1Char('-') + m_jobToken;
}

void SetupEngine::watchQueue(StepId step)
{
    m_queueStep = step;
    m_pendingJob.clear();
    m_queueClock.start();
    m_queueTimer->start(m_pendingPollMs);
}

void SetupEngine::stopWatchingQueue()
{
    m_queueTimer->stop();
    m_queueStep.reset();
    m_pendingJob.clear();
    // The job started (or went away) while the person was asked: the question is moot.
    if (m_question && m_question->kind == SetupQuestion::Kind::PendingJob)
        m_question.reset();
    if (m_queuePoll)
        m_queuePoll->cancel();
}

void SetupEngine::pollQueue()
{
    if (!m_queueStep || m_queuePoll || !m_transport
        || m_transport->state() != remote::ConnectionState::Connected)
        return;
    const Result<QString> command = cluster::squeueCommand();
    if (!command)
        return;
    auto out = std::make_shared<QString>();
    m_queuePoll = m_transport->exec(command.value());
    connect(m_queuePoll, &remote::RemoteProcess::stdoutText, this,
            [out](const QString &text) { *out += text; });
    const int attempt = m_attempt;
    connect(m_queuePoll, &remote::RemoteProcess::done, this,
            [this, out, attempt](const remote::ProcessResult &) {
                if (attempt != m_attempt || !m_queueStep || m_finished)
                    return;
                const Result<QList<cluster::Job>> jobs = cluster::parseSqueue(*out);
                if (!jobs)
                    return;
                for (const cluster::Job &job : jobs.value()) {
                    if (job.name == jobName() && job.state == cluster::JobState::Pending) {
                        onJobPending(job.id, job.reason);
                        return;
                    }
                }
                if (!m_pendingJob.isEmpty() && m_question
                    && m_question->kind == SetupQuestion::Kind::PendingJob) {
                    // It runs now: nothing left to decide.
                    m_question.reset();
                    setState(*m_queueStep, StepState::Running);
                }
            });
}

void SetupEngine::onJobPending(const QString &jobId, const QString &reason)
{
    const StepId step = *m_queueStep;
    Q_EMIT jobPending(step, jobId, reason, m_queueClock.elapsed());
    if (m_pendingJob == jobId)
        return;
    m_pendingJob = jobId;
    QJsonObject &f = m_evidence.step(step).facts;
    f.insert(QStringLiteral("pending_job"), jobId);
    f.insert(QStringLiteral("pending_reason"), reason);
    const cluster::Diagnosis explained = cluster::explainPendingReason(reason).value_or(cluster::Diagnosis {
        QStringLiteral("slurm.pending.unknown"), GuidedTr::tr("Slurm has not said why the job waits."),
        GuidedTr::tr("Wait, or try another partition."), reason});
    addDiagnoses(step, {explained});

    const int gpus = step == StepId::Verify ? qMax(0, m_evidence.options.gpus) : 1;
    SetupQuestion question;
    question.kind = SetupQuestion::Kind::PendingJob;
    question.step = step;
    question.jobId = jobId;
    question.reason = explained;
    question.text
        = GuidedTr::tr("Slurm has not started job %1 (it asks for %n GPU(s)) yet: %2", nullptr, gpus)
              .arg(jobId, explained.summary);
    if (!explained.suggestion.isEmpty())
        question.text += QLatin1Char(' ') + explained.suggestion;
    question.choices << QStringLiteral("wait");
    question.choiceLabels << GuidedTr::tr("Keep waiting");
    if (const std::optional<SetupFix> fix = fixFor(explained); fix && fix->id.startsWith(kPartitionFix)) {
        question.choices << fix->id;
        question.choiceLabels << fix->label;
    }
    question.choices << QStringLiteral("cancel");
    question.choiceLabels << GuidedTr::tr("Cancel the job and the setup");
    question.defaultChoice = QStringLiteral("wait");
    m_question = question;
    setState(step, StepState::WaitingForPerson);
    Q_EMIT questionAsked(question);
}

} // namespace onramp::setup::guided
