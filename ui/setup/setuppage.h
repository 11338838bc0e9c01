#pragma once

#include "cluster/conda/condaprogress.h"
#include "remote/transport.h"
#include "setup/guided/remoterunlauncher.h"
#include "setup/guided/setupengine.h"
#include "setup/guided/setupjournal.h"
#include "setup/runs/runjournal.h"
#include "ui/setup/planreviewview.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace onramp {
namespace ui {

class SetupStepModel;
class SetupStepPage;

// The guided setup in the window: the eight steps in a sidebar with their states, a page per step
// (explanation, options, terminal card, live log), the plan review, the question about an existing
// environment, and the diagnosis of a failed step. It drives setup::guided::SetupEngine over the
// window's transport; long steps run detached on the cluster (RemoteRunLauncher), so Resume after a
// dropped connection or a restart picks up what is already done.
class SetupPage : public QWidget {
    Q_OBJECT
public:
    explicit SetupPage(QWidget *parent = nullptr);
    ~SetupPage() override;

    // The session to set up over (nullptr: none). host names the journal's file (as the person typed
    // it); user is for the prompts in the terminal cards. A running setup stops following the old
    // session: its detached runs go on, and Resume continues later.
    void setConnection(remote::Transport *transport, const QString &host, const QString &user);

    // The options as the page's fields say (valid or not).
    setup::guided::SetupOptions options() const;
    void setEnvName(const QString &name);
    // Why the options cannot be used, or empty.
    QString optionsProblem() const;

    bool isRunning() const;
    setup::guided::SetupEngine *engine() const { return m_engine; }
    std::optional<setup::guided::SetupOutcome> outcome() const { return m_outcome; }
    // What the setup found: this session's run, else the journal of the host and env name (a run of an
    // earlier session); none when neither exists.
    std::optional<setup::guided::SetupEvidence> evidence() const;

    SetupStepModel *stepModel() const { return m_model; }
    SetupStepPage *page(setup::guided::StepId step) const;
    SetupStepPage *currentPage() const;
    PlanReviewView *planReview() const { return m_planView; }
    void showStep(setup::guided::StepId step);

public Q_SLOTS:
    void start();
    void cancel();
    void approvePlan();

Q_SIGNALS:
    void started();
    void planShown(const onramp::setup::guided::PlanReview &review);
    void questionShown(const onramp::setup::guided::SetupQuestion &question);
    void finished(const onramp::setup::guided::SetupOutcome &outcome);

private:
    QWidget *buildEnvOptions();
    QWidget *buildTorchOptions();
    QWidget *buildExtraOptions();
    void connectEngine();
    void dropEngine();
    void onStepState(setup::guided::StepId step, setup::guided::StepState state);
    void onCommandStarted(setup::guided::StepId step, const QString &command);
    void onCommandFinished(setup::guided::StepId step, const setup::guided::CommandEvidence &command);
    void onOutput(setup::guided::StepId step, const QString &text);
    void onPlan(const setup::guided::PlanReview &review);
    void onQuestion(const setup::guided::SetupQuestion &question);
    void onFinished(const setup::guided::SetupOutcome &outcome);
    void answerQuestion(const QString &choice);
    void applyFix(const QString &id);
    void editPlan();
    void replan();
    void refreshCard(setup::guided::StepId step);
    void refreshCards();
    void updateControls();
    void updateProgress();
    void setStatus(const QString &text);
    // A status of Onramp's own: `text` renders it again when the interface language changes.
    void setOwnStatus(std::function<QString()> text);
    void retranslate();
    static QString choiceLabel(const setup::guided::SetupQuestion &question, qsizetype i);
    QString machineFor(setup::guided::StepId step) const;

    QPointer<remote::Transport> m_transport;
    QString m_host;
    QString m_user;
    setup::guided::SetupJournal m_journal;
    setup::runs::RunJournal m_runs;
    std::unique_ptr<setup::guided::RemoteRunLauncher> m_launcher;
    QPointer<setup::guided::SetupEngine> m_engine;
    std::optional<setup::guided::SetupOutcome> m_outcome;
    std::optional<setup::guided::StepId> m_runningStep;
    std::optional<setup::guided::StepId> m_failedStep;
    std::optional<cluster::CondaProgressTracker> m_progress;
    cluster::CondaPlan m_approvedPlan;
    bool m_reviewOpen = false;
    bool m_editing = false;
    bool m_dropped = false; // the session ended while the setup ran

    SetupStepModel *m_model = nullptr;
    QPointer<QListView> m_steps;
    QPointer<QStackedWidget> m_stack;
    QList<SetupStepPage *> m_pages;
    QPointer<PlanReviewView> m_planView;
    QPointer<QWidget> m_question;
    QPointer<QLabel> m_questionText;
    QPointer<QWidget> m_questionButtons;
    std::optional<setup::guided::SetupQuestion> m_lastQuestion;

    QPointer<QPushButton> m_start;
    QPointer<QPushButton> m_cancel;
    QPointer<QProgressBar> m_bar;
    QPointer<QLabel> m_elapsed;
    QPointer<QLabel> m_status;
    std::function<QString()> m_statusText;
    QPointer<QLabel> m_welcome;
    QElapsedTimer m_stepClock;
    QTimer m_tick;

    QPointer<QLineEdit> m_envName;
    QPointer<QLabel> m_envProblem;
    QPointer<QComboBox> m_python;
    QPointer<QComboBox> m_recipe;
    QPointer<QLineEdit> m_torchSpecs;
    QPointer<QPushButton> m_replan;
    QPointer<QLineEdit> m_extras;
};

} // namespace ui
} // namespace onramp
