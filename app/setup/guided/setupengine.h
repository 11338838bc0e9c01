#pragma once

#include "cluster/conda/condadiagnosis.h"
#include "cluster/conda/condainfo.h"
#include "cluster/conda/condaplan.h"
#include "remote/transport.h"
#include "setup/guided/longrun.h"
#include "setup/guided/setupchecks.h"
#include "setup/guided/setupevidence.h"
#include "setup/guided/setupjournal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace onramp::setup::guided {

// A plan waiting for the person: what conda would do, what Onramp thinks of it, and how it was asked.
struct PlanReview {
    StepId step = StepId::InstallTorch;
    QString title; // "PyTorch", "matplotlib"
    QString command; // the dry-run that produced it
    QStringList specs;
    QStringList channels;
    cluster::CondaPlan plan;
    PlanVerdict verdict; // blocked plans cannot be approved, only edited or cancelled
    qint64 freeBytes = -1;
};

// Something the engine can do about a diagnosis (a button in the GUI, an offer in the CLI); applyFix(id).
struct SetupFix {
    QString id; // stable: "conda.clean", "partition:NAME"
    QString label; // translated, for the button
};

// A choice the engine needs from the person (other than a plan review).
struct SetupQuestion {
    enum class Kind {
        ExistingEnv, // choices "reuse", "replace", "cancel"
        PendingJob, // a Slurm job of step 2 or 6 waits: "wait", "partition:NAME"..., "cancel"
    };
    Kind kind = Kind::ExistingEnv;
    StepId step = StepId::CreateEnv;
    QString text; // translated
    QStringList choices; // stable keys
    QStringList choiceLabels; // translated, one per choice
    QString defaultChoice;
    QString jobId; // PendingJob: the waiting job
    std::optional<cluster::Diagnosis> reason; // PendingJob: the pending reason explained
};
QString questionKindKey(SetupQuestion::Kind kind); // "existing-env", "pending-job"

enum class SetupResult { Succeeded, PlanShown, Blocked, Failed, Cancelled };
QString resultKey(SetupResult result);

struct SetupOutcome {
    SetupResult result = SetupResult::Failed;
    QString summary; // translated
    cluster::Diagnoses diagnoses;
};

// The guided setup of the cluster's guide as a state machine over one transport (no widgets): steps
// 1-8 in order, each recording its commands, facts, checks and diagnoses in the evidence, each first
// asking "already done?" so a second run reuses. Long commands go through a LongRunLauncher. Plan
// reviews and questions stop the machine until answerPlan() / answerQuestion(). A GUI page and
// `onramp-cli setup` drive it through the signals.
class SetupEngine : public QObject {
    Q_OBJECT
public:
    enum class PlanDecision { Approve, Edit, Cancel };

    SetupEngine(remote::Transport *transport, const QString &host, const SetupOptions &options,
                QObject *parent = nullptr);
    ~SetupEngine() override;

    // Not owned. Default: an ExecRunLauncher on the transport.
    void setRunLauncher(LongRunLauncher *launcher);
    // Not owned; nullptr: no journal.
    void setJournal(const SetupJournal *journal);

    // The transport must be connected.
    void start();
    // Stops what runs (the remote work too) and finishes as Cancelled.
    void cancel();
    void answerPlan(PlanDecision decision, const QStringList &editedSpecs = {});
    // At a plan review: other options (env name, Python, recipe, extra packages), planned again; a new
    // env name starts over at step 3. The torch specs follow the recipe again unless given.
    Status replan(const SetupOptions &options);
    void answerQuestion(const QString &choice);

    // The fix offered for a diagnosis, if there is one the engine can apply.
    std::optional<SetupFix> fixFor(const cluster::Diagnosis &diagnosis) const;
    // The fixes of the diagnoses so far that can be applied now.
    QList<SetupFix> availableFixes() const;
    // Applies a fix: "conda.clean" runs `conda clean --all --yes` and retries the step that failed;
    // "partition:NAME" retries step 2 or 6 (or replaces a pending job) on that partition. Works
    // after a failed or blocked finish (finished() then comes again) and while a job pends.
    Status applyFix(const QString &id);

    // How often a job of step 2 or 6 is looked at in the queue (ms; default 3000).
    void setPendingPollMs(int ms) { m_pendingPollMs = qMax(100, ms); }

    const SetupEvidence &evidence() const { return m_evidence; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void stepStateChanged(onramp::setup::guided::StepId step, onramp::setup::guided::StepState state);
    void commandStarted(onramp::setup::guided::StepId step, const QString &command);
    void commandFinished(onramp::setup::guided::StepId step,
                         const onramp::setup::guided::CommandEvidence &command);
    void output(onramp::setup::guided::StepId step, const QString &text);
    void checkResult(onramp::setup::guided::StepId step, const onramp::setup::guided::CheckResult &check);
    void diagnosed(onramp::setup::guided::StepId step, const onramp::cluster::Diagnosis &diagnosis);
    void planReady(const onramp::setup::guided::PlanReview &review);
    void questionAsked(const onramp::setup::guided::SetupQuestion &question);
    // A long run started (or was followed again) under this id (setup/runs' id for detached runs).
    void runStarted(onramp::setup::guided::StepId step, const QString &runId);
    // A run recorded in the journal as in flight (Onramp stopped while it ran) is followed again
    // instead of started again; its log so far is shown first.
    void reattached(onramp::setup::guided::StepId step, const QString &runId);
    // A job of step 2 or 6 still waits in the queue: for a status line, after every look.
    void jobPending(onramp::setup::guided::StepId step, const QString &jobId, const QString &reason,
                    qint64 waitedMs);
    // A fix is being applied (before its command runs).
    void fixApplied(onramp::setup::guided::StepId step, const onramp::setup::guided::SetupFix &fix);
    void finished(const onramp::setup::guided::SetupOutcome &outcome);

private:
    struct Ran {
        CommandEvidence evidence;
        QString stdoutText;
        QString stderrText;
        bool ok() const { return evidence.exitCode == 0 && evidence.error.isEmpty(); }
        QString all() const { return stdoutText + stderrText; }
    };
    using RanHandler = std::function<void(const Ran &)>;

    void runShort(StepId step, const QString &where, const QString &command, RanHandler then);
    void runShortTry(StepId step, const QString &where, const QString &command, RanHandler then, int retries);
    void runLong(StepId step, const QString &title, const QString &script, RanHandler then);
    void followRun(StepId step, LongRun *run, const QString &command, RanHandler then);
    bool resumeFromJournal(const SetupEvidence &previous);
    RanHandler continuationOf(StepId step);
    void onInstalled(StepId step, const Ran &ran);
    void onVerified(const Ran &ran);

    void watchQueue(StepId step);
    void stopWatchingQueue();
    void pollQueue();
    void onJobPending(const QString &jobId, const QString &reason);
    void abandonAttempt();
    void restartStep(StepId step);
    QString jobName() const;

    void setState(StepId step, StepState state);
    void addCheck(StepId step, const CheckResult &check);
    void addDiagnoses(StepId step, const cluster::Diagnoses &diagnoses);
    void fail(StepId step, StepState state, const QString &summary, const cluster::Diagnoses &diagnoses = {});
    void finish(SetupResult result, const QString &summary, const cluster::Diagnoses &diagnoses = {});
    void saveJournal();

    void identify();
    void identifyConda();
    void identifySpace();
    void reachComputeNode();
    void readDriver();
    void inspectEnv();
    void onEnvInspected();
    void activation();
    void installTorch();
    void planTorch();
    void runApprovedPlan();
    void afterTorchInstalled();
    void verify();
    void readPartitions();
    void extraPackages();
    void nextExtraPackage();
    void keepEvidence();
    void finishEvidence();

    void readEnv(StepId step, std::function<void()> then);
    void requestPlan(StepId step, const QString &title, const QStringList &specs, const QStringList &channels,
                     bool overrideChannels, bool create);
    QString conda() const;
    cluster::CondaDiagnosisContext condaContext() const;

    QPointer<remote::Transport> m_transport;
    SetupEvidence m_evidence;
    LongRunLauncher *m_launcher = nullptr;
    std::unique_ptr<ExecRunLauncher> m_ownLauncher;
    const SetupJournal *m_journal = nullptr;

    LoginFacts m_login;
    cluster::CondaInfo m_conda;
    qint64 m_freeBytes = -1;
    QString m_driverCuda;
    EnvState m_env;
    bool m_envWillBeCreated = false;
    bool m_envStale = false; // resumed: m_env is only what the journal knew
    std::optional<PlanReview> m_review; // the plan the person is looking at
    bool m_reviewCreates = false;
    bool m_reviewOverrideChannels = false;
    QStringList m_extrasLeft;
    std::optional<SetupQuestion> m_question;

    QPointer<remote::RemoteProcess> m_process;
    QPointer<LongRun> m_run;
    bool m_finished = false;
    StepId m_current = StepId::Identify;
    std::optional<StepId> m_failedStep; // after a failed or blocked finish: what applyFix() retries
    // Bumped when an attempt is abandoned (a fix, another partition): its late answers are ignored.
    int m_attempt = 0;
    QStringList m_partitions; // up partitions, from sinfo (the "another partition" choices)
    QString m_jobToken; // makes the job name unique, to find this engine's jobs in the queue

    // Watching the queue while a job of step 2 or 6 is submitted.
    QTimer *m_queueTimer = nullptr;
    QPointer<remote::RemoteProcess> m_queuePoll;
    std::optional<StepId> m_queueStep;
    QString m_pendingJob; // the job seen pending (reported once per job)
    QElapsedTimer m_queueClock;
    int m_pendingPollMs = 3000;
};

} // namespace onramp::setup::guided
