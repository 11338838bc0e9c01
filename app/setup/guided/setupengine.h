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

// A choice the engine needs from the person (other than a plan review).
struct SetupQuestion {
    enum class Kind { ExistingEnv };
    Kind kind = Kind::ExistingEnv;
    QString text; // translated
    QStringList choices; // stable keys: "reuse", "replace", "cancel"
    QString defaultChoice;
};

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
    void answerQuestion(const QString &choice);

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
    void runLong(StepId step, const QString &title, const QString &script, RanHandler then);

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
    void extraPackages();
    void nextExtraPackage();
    void keepEvidence();

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
    std::optional<PlanReview> m_review; // the plan the person is looking at
    bool m_reviewCreates = false;
    bool m_reviewOverrideChannels = false;
    QStringList m_extrasLeft;
    std::optional<SetupQuestion> m_question;

    QPointer<remote::RemoteProcess> m_process;
    QPointer<LongRun> m_run;
    bool m_finished = false;
    StepId m_current = StepId::Identify;
};

} // namespace onramp::setup::guided
