#include "ui/setup/setuppage.h"

#include "ui/appsettings.h"

#include "cluster/conda/condacommands.h"
#include "setup/guided/setupchecks.h"
#include "ui/logpane.h"
#include "ui/retranslate.h"
#include "ui/setup/backgroundpages.h"
#include "ui/setup/diagnosisview.h"
#include "ui/setup/planreviewview.h"
#include "ui/setup/setupstepmodel.h"
#include "ui/setup/setupsteppage.h"
#include "ui/setup/terminalcard.h"
#include "ui/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using namespace setup::guided;

namespace {

QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool isCondaStep(StepId step)
{
    return step == StepId::CreateEnv || step == StepId::InstallTorch || step == StepId::ExtraPackages;
}

QString shortCommand(const QString &command)
{
    const QStringList lines = command.trimmed().split(QLatin1Char('\n'));
    if (lines.size() <= 2)
        return command.trimmed();
    return SetupPage::tr("%1 … (%n more line(s))", nullptr, int(lines.size()) - 1).arg(lines.first());
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("optionHint"));
    return label;
}

} // namespace

SetupPage::SetupPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("setupPage"));
    m_model = new SetupStepModel(this);

    m_steps = new QListView(this);
    m_steps->setObjectName(QStringLiteral("setupSteps"));
    m_steps->setModel(m_model);
    m_steps->setItemDelegate(new SetupStepDelegate(m_steps));
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setFixedWidth(215);
    m_steps->setFrameShape(QFrame::NoFrame);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("setupStack"));
    for (const StepId step : allSteps()) {
        auto *page = new SetupStepPage(step, m_stack);
        m_pages << page;
        m_stack->addWidget(page);
        connect(page->diagnosis(), &DiagnosisView::fixRequested, this, &SetupPage::applyFix);
    }
    connect(m_steps->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_stack->setCurrentIndex(current.row());
            });

    // The controls: start/resume and cancel, what runs now, for how long, and how far.
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startSetupButton"));
    m_start->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelSetupButton"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("setupProgress"));
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    m_bar->hide();
    m_elapsed = new QLabel(this);
    m_elapsed->setObjectName(QStringLiteral("setupElapsed"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("setupStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    // Long messages wrap in the space left; they never widen the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(120);
    connect(m_start, &QPushButton::clicked, this, &SetupPage::start);
    connect(m_cancel, &QPushButton::clicked, this, &SetupPage::cancel);
    // Why Python, PyTorch and conda: readable at any time, also while a step runs.
    auto *background = new QPushButton(this);
    background->setObjectName(QStringLiteral("backgroundButton"));
    connect(background, &QPushButton::clicked, this, [this] { BackgroundPages::showDialog(this); });
    auto *controls = new QHBoxLayout;
    controls->setSpacing(10);
    controls->addWidget(m_start);
    controls->addWidget(m_cancel);
    controls->addSpacing(6);
    controls->addWidget(m_status, 1);
    controls->addWidget(m_bar);
    controls->addWidget(m_elapsed);
    controls->addWidget(background);

    // The options, each on the page of the step it belongs to.
    m_welcome = new QLabel(this);
    m_welcome->setObjectName(QStringLiteral("setupWelcome"));
    m_welcome->setWordWrap(true);
    page(StepId::Identify)->addOptions(m_welcome);
    page(StepId::CreateEnv)->addOptions(buildEnvOptions());
    page(StepId::InstallTorch)->addOptions(buildTorchOptions());
    page(StepId::ExtraPackages)->addOptions(buildExtraOptions());

    m_planView = new PlanReviewView(this);
    m_planView->hide();
    connect(m_planView, &PlanReviewView::approveRequested, this, &SetupPage::approvePlan);
    connect(m_planView, &PlanReviewView::editRequested, this, &SetupPage::editPlan);
    connect(m_planView, &PlanReviewView::cancelRequested, this, &SetupPage::cancel);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(16, 10, 0, 0);
    right->setSpacing(10);
    right->addLayout(controls);
    right->addWidget(m_stack, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_steps);
    layout->addLayout(right, 1);

    new PaletteFollower(this, [this] {
        m_start->setIcon(themedIcon(QStringLiteral("play"), palette()));
        m_cancel->setIcon(themedIcon(QStringLiteral("stop"), palette()));
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SetupPage::updateProgress);
    m_steps->setCurrentIndex(m_model->index(0));
    refreshCards();
    updateControls();
    bindTranslation(this, [=, this] {
        m_steps->setAccessibleName(tr("Setup steps"));
        m_cancel->setText(tr("Cancel"));
        m_cancel->setAccessibleName(m_cancel->text());
        m_cancel->setToolTip(tr("Stop what runs now, on the cluster too"));
        m_bar->setAccessibleName(tr("Progress of the current step"));
        background->setText(tr("Background…"));
        background->setAccessibleName(background->text());
        background->setToolTip(tr("Why Python, PyTorch and conda: short background pages"));
        m_welcome->setText(tr("Onramp does your cluster's PyTorch guide with you, step by step: it runs the "
                              "commands, checks what they print, and explains what went wrong. Nothing is "
                              "installed before you approve conda's plan. Connect on the left, check the "
                              "options of steps 3, 5 and 7 if you like, then press Start setup."));
        retranslate();
    });
}

// What depends on the state: the steps' titles and states, the cards, the sources of the logs, the
// status line, the buttons, the answers of an open question.
void SetupPage::retranslate()
{
    m_model->retranslate();
    for (const StepId step : allSteps())
        refreshCard(step);
    for (SetupStepPage *p : std::as_const(m_pages))
        p->log()->setSource(machineFor(p->step()));
    if (m_statusText)
        setOwnStatus(m_statusText);
    if (m_question && m_lastQuestion) {
        for (qsizetype i = 0; i < m_lastQuestion->choices.size(); ++i) {
            const QString &choice = m_lastQuestion->choices.at(i);
            if (auto *button
                = m_questionButtons->findChild<QPushButton *>(QStringLiteral("answer-%1").arg(choice)))
                button->setText(choiceLabel(*m_lastQuestion, i));
        }
    }
    updateControls();
    updateProgress();
}

QString SetupPage::choiceLabel(const SetupQuestion &question, qsizetype i)
{
    const QString &choice = question.choices.at(i);
    // The engine's words when it has them (another partition: its name).
    QString label = question.choiceLabels.value(i);
    if (label.isEmpty()) {
        label = choice == QLatin1String("reuse") ? tr("Use it as it is")
            : choice == QLatin1String("replace") ? tr("Remove it and start over")
            : choice == QLatin1String("cancel")  ? tr("Cancel")
                                                 : choice;
    }
    return label;
}

SetupPage::~SetupPage()
{
    // Engines (and their runs, which use the run journal) go before the members they use, also one
    // whose deleteLater() has not come yet.
    dropEngine();
    qDeleteAll(findChildren<SetupEngine *>(Qt::FindDirectChildrenOnly));
}

QWidget *SetupPage::buildEnvOptions()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("envOptions"));
    // The defaults chosen in Settings (the guide's "cola" and recipe unless changed there).
    const AppSettings saved = AppSettings::load();
    m_envName = new QLineEdit(saved.defaultEnvName, box);
    m_envName->setObjectName(QStringLiteral("envNameEdit"));
    m_envProblem = new QLabel(box);
    m_envProblem->setObjectName(QStringLiteral("envNameProblem"));
    m_envProblem->setWordWrap(true);
    m_envProblem->hide();
    m_python = new QComboBox(box);
    m_python->setObjectName(QStringLiteral("pythonVersionCombo"));
    m_python->addItem(QString(), QString()); // "Let conda choose", set with the other texts
    for (const char *v : {"3.12", "3.11", "3.10", "3.9", "3.8"})
        m_python->addItem(QLatin1String(v), QLatin1String(v));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    auto *envNameLabel = new QLabel(box);
    auto *pythonLabel = new QLabel(box);
    QLabel *pythonHint = hint(QString(), box);
    form->addRow(envNameLabel, m_envName);
    form->addRow(QString(), m_envProblem);
    form->addRow(pythonLabel, m_python);
    form->addRow(QString(), pythonHint);
    bindTranslation(box, [=, this] {
        m_envName->setAccessibleName(tr("Environment name"));
        m_python->setAccessibleName(tr("Python version"));
        m_python->setItemText(0, tr("Let conda choose"));
        envNameLabel->setText(tr("Environment name:"));
        pythonLabel->setText(tr("Python version:"));
        pythonHint->setText(tr("The guide lets conda choose; pick one when your code needs it."));
        // The name's problem, in the new language.
        const Status ok = cluster::validateEnvName(m_envName->text().trimmed(), cluster::EnvNameUse::Create);
        m_envProblem->setText(ok ? QString() : ok.error().message);
    });
    connect(m_envName, &QLineEdit::textChanged, this, [this] {
        const Status ok = cluster::validateEnvName(m_envName->text().trimmed(), cluster::EnvNameUse::Create);
        m_envProblem->setText(ok ? QString() : ok.error().message);
        m_envProblem->setStyleSheet(
            QStringLiteral("color: %1;").arg(toneColor(Tone::Error, palette()).name()));
        m_envProblem->setVisible(!ok);
        refreshCards();
        updateControls();
    });
    connect(m_python, &QComboBox::currentIndexChanged, this, &SetupPage::refreshCards);
    return box;
}

QWidget *SetupPage::buildTorchOptions()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("torchOptions"));
    m_recipe = new QComboBox(box);
    m_recipe->setObjectName(QStringLiteral("recipeCombo"));
    // The recipes' descriptions are long: the combo follows the page's width instead of widening it.
    m_recipe->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_recipe->setMinimumContentsLength(16);
    m_recipe->addItem(QString(), QStringLiteral("guide"));
    m_recipe->addItem(QString(), QStringLiteral("modern"));
    m_recipe->setCurrentIndex(AppSettings::load().defaultRecipe == setup::guided::Recipe::Modern ? 1 : 0);
    m_torchSpecs = new QLineEdit(box);
    m_torchSpecs->setObjectName(QStringLiteral("torchSpecsEdit"));
    m_replan = new QPushButton(box);
    m_replan->setObjectName(QStringLiteral("replanButton"));
    m_replan->hide();
    connect(m_replan, &QPushButton::clicked, this, &SetupPage::replan);
    auto *specsRow = new QHBoxLayout;
    specsRow->addWidget(m_torchSpecs, 1);
    specsRow->addWidget(m_replan);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    auto *recipeLabel = new QLabel(box);
    auto *packagesLabel = new QLabel(box);
    QLabel *packagesHint = hint(QString(), box);
    form->addRow(recipeLabel, m_recipe);
    form->addRow(packagesLabel, specsRow);
    form->addRow(QString(), packagesHint);
    bindTranslation(box, [=, this] {
        m_recipe->setAccessibleName(tr("Recipe"));
        // The recipes' texts in place: the chosen one stays chosen, and no signal says otherwise.
        const QSignalBlocker quiet(m_recipe);
        m_recipe->setItemText(
            m_recipe->findData(QStringLiteral("guide")),
            tr("The guide's: pytorch torchvision cudatoolkit from conda-forge and pytorch"));
        m_recipe->setItemText(m_recipe->findData(QStringLiteral("modern")),
                              tr("Modern: pytorch from conda-forge for the driver's CUDA"));
        m_torchSpecs->setAccessibleName(tr("Packages to install"));
        m_torchSpecs->setPlaceholderText(tr("the recipe's packages"));
        m_replan->setText(tr("Make a new plan"));
        m_replan->setAccessibleName(m_replan->text());
        recipeLabel->setText(tr("Recipe:"));
        packagesLabel->setText(tr("Packages:"));
        packagesHint->setText(
            tr("Leave the packages empty to use the recipe's. For another Python, add e.g. python=3.10."));
    });
    connect(m_recipe, &QComboBox::currentIndexChanged, this, &SetupPage::refreshCards);
    connect(m_torchSpecs, &QLineEdit::textChanged, this, &SetupPage::updateControls);
    return box;
}

QWidget *SetupPage::buildExtraOptions()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("extraOptions"));
    m_extras = new QLineEdit(SetupOptions().extraPackages.join(QLatin1Char(' ')), box);
    m_extras->setObjectName(QStringLiteral("extraPackagesEdit"));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    auto *extrasLabel = new QLabel(box);
    form->addRow(extrasLabel, m_extras);
    bindTranslation(box, [=, this] {
        m_extras->setAccessibleName(tr("Extra packages"));
        extrasLabel->setText(tr("Extra packages:"));
    });
    connect(m_extras, &QLineEdit::textChanged, this, &SetupPage::refreshCards);
    connect(m_extras, &QLineEdit::textChanged, this, &SetupPage::updateControls);
    return box;
}

SetupStepPage *SetupPage::page(StepId step) const
{
    const qsizetype i = allSteps().indexOf(step);
    return i < 0 ? nullptr : m_pages.value(i);
}

SetupStepPage *SetupPage::currentPage() const
{
    return qobject_cast<SetupStepPage *>(m_stack->currentWidget());
}

void SetupPage::showStep(StepId step)
{
    m_steps->setCurrentIndex(m_model->indexOf(step));
}

SetupOptions SetupPage::options() const
{
    SetupOptions o;
    o.envName = m_envName->text().trimmed();
    o.pythonVersion = m_python->currentData().toString();
    o.recipe = m_recipe->currentData().toString() == QLatin1String("modern") ? Recipe::Modern : Recipe::Guide;
    o.torchSpecs = words(m_torchSpecs->text());
    o.extraPackages = words(m_extras->text());
    return o;
}

void SetupPage::setEnvName(const QString &name)
{
    m_envName->setText(name);
}

QString SetupPage::optionsProblem() const
{
    const SetupOptions o = options();
    if (const Status ok = cluster::validateEnvName(o.envName, cluster::EnvNameUse::Create); !ok)
        return ok.error().message;
    for (const QString &spec : o.torchSpecs + o.extraPackages) {
        if (const Status ok = cluster::validatePackageSpec(spec); !ok)
            return ok.error().message;
    }
    return {};
}

bool SetupPage::isRunning() const
{
    return m_engine && !m_engine->isFinished();
}

void SetupPage::setConnection(remote::Transport *transport, const QString &host, const QString &user)
{
    if (m_transport == transport && m_host == host)
        return;
    if (m_transport)
        m_transport->disconnect(this);
    if (isRunning()) {
        // The engine cannot go on without its session. Detached runs keep going on the cluster; the
        // journal and the remote state let Resume continue.
        dropEngine();
        m_dropped = true;
        m_tick.stop();
        setOwnStatus([=] {
            return tr("The connection ended while the setup ran. Connect again and press Resume: what is "
                      "done is kept.");
        });
    }
    m_transport = transport;
    m_host = host;
    m_user = user;
    if (m_transport)
        connect(m_transport, &remote::Transport::stateChanged, this, &SetupPage::updateControls);
    for (SetupStepPage *p : std::as_const(m_pages))
        p->log()->setSource(machineFor(p->step()));
    refreshCards();
    updateControls();
}

std::optional<SetupEvidence> SetupPage::evidence() const
{
    if (m_engine)
        return m_engine->evidence();
    if (m_host.isEmpty())
        return std::nullopt;
    return m_journal.load(m_host, options().envName);
}

void SetupPage::dropEngine()
{
    if (!m_engine)
        return;
    SetupEngine *engine = m_engine;
    m_engine.clear();
    engine->disconnect(this);
    // Later: we may be inside one of its signals. Its runs use the launcher until then.
    if (RemoteRunLauncher *launcher = m_launcher.release())
        connect(engine, &QObject::destroyed, this, [launcher] { delete launcher; });
    engine->deleteLater();
}

void SetupPage::start()
{
    if (isRunning() || !m_transport || m_transport->state() != remote::ConnectionState::Connected)
        return;
    if (const QString problem = optionsProblem(); !problem.isEmpty()) {
        setStatus(problem);
        showStep(StepId::CreateEnv);
        return;
    }
    dropEngine();
    m_outcome.reset();
    m_failedStep.reset();
    m_runningStep.reset();
    m_progress.reset();
    m_dropped = false;
    m_reviewOpen = false;
    m_editing = false;
    m_model->reset();
    m_planView->hide();
    m_replan->hide();
    if (m_question)
        m_question->hide();
    for (SetupStepPage *p : std::as_const(m_pages)) {
        p->setState(StepState::Pending);
        p->setChecks({});
        p->diagnosis()->clear();
        p->log()->clear();
    }

    m_engine = new SetupEngine(m_transport, m_host, options(), this);
    m_engine->setJournal(&m_journal);
    // Long steps run detached on the cluster, so a sleeping laptop or a dropped link loses nothing.
    m_runs.load();
    m_launcher = std::make_unique<RemoteRunLauncher>(m_transport, &m_runs, m_host);
    m_engine->setRunLauncher(m_launcher.get());
    connectEngine();
    setOwnStatus([=] { return tr("Starting…"); });
    m_tick.start();
    m_engine->start();
    updateControls();
    Q_EMIT started();
}

void SetupPage::connectEngine()
{
    SetupEngine *e = m_engine;
    connect(e, &SetupEngine::stepStateChanged, this, &SetupPage::onStepState);
    connect(e, &SetupEngine::commandStarted, this, &SetupPage::onCommandStarted);
    connect(e, &SetupEngine::commandFinished, this, &SetupPage::onCommandFinished);
    connect(e, &SetupEngine::output, this, &SetupPage::onOutput);
    connect(e, &SetupEngine::checkResult, this, [this](StepId step, const CheckResult &) {
        page(step)->setChecks(m_engine->evidence().step(step).checks);
        refreshCard(step);
    });
    connect(e, &SetupEngine::diagnosed, this, [this](StepId step, const cluster::Diagnosis &) {
        // Notes on a step that goes on (an explained .bashrc); a failure replaces them when it comes.
        page(step)->diagnosis()->showDiagnoses([] { return tr("Worth knowing"); },
                                               m_engine->evidence().step(step).diagnoses, Tone::Neutral);
    });
    connect(e, &SetupEngine::jobPending, this,
            [this](StepId, const QString &jobId, const QString &reason, qint64 waitedMs) {
                const qint64 s = waitedMs / 1000;
                setOwnStatus([=] {
                    return tr("Slurm job %1 waits in the queue (%2) for %3:%4.")
                        .arg(jobId, reason)
                        .arg(s / 60)
                        .arg(s % 60, 2, 10, QLatin1Char('0'));
                });
            });
    connect(e, &SetupEngine::reattached, this, [this](StepId step, const QString &runId) {
        page(step)->log()->appendNote(
            tr("Following run %1 again: it kept going on the cluster while Onramp was away.").arg(runId));
    });
    connect(e, &SetupEngine::fixApplied, this, [this](StepId step, const SetupFix &fix) {
        page(step)->log()->appendNote(tr("Fix: %1").arg(fix.label));
    });
    connect(e, &SetupEngine::planReady, this, &SetupPage::onPlan);
    connect(e, &SetupEngine::questionAsked, this, &SetupPage::onQuestion);
    connect(e, &SetupEngine::finished, this, &SetupPage::onFinished);
}

void SetupPage::cancel()
{
    if (!isRunning())
        return;
    setOwnStatus([=] { return tr("Cancelling…"); });
    // Queued: a click may come while the engine is inside one of its own signals.
    QPointer<SetupEngine> engine = m_engine;
    QMetaObject::invokeMethod(
        this,
        [engine] {
            if (engine)
                engine->cancel();
        },
        Qt::QueuedConnection);
}

void SetupPage::onStepState(StepId step, StepState state)
{
    m_model->setState(step, state);
    page(step)->setState(state);
    refreshCard(step);
    switch (state) {
    case StepState::Running:
        if (m_runningStep != step) {
            m_stepClock.start();
            m_progress.reset();
        }
        m_runningStep = step;
        page(step)->log()->setSource(machineFor(step));
        setOwnStatus([=] { return tr("Step %1: %2").arg(int(step)).arg(stepTitle(step)); });
        if (!m_editing)
            showStep(step);
        break;
    case StepState::WaitingForPerson:
        showStep(step);
        break;
    case StepState::Failed:
    case StepState::Blocked:
        m_failedStep = step;
        showStep(step);
        break;
    case StepState::Done:
    case StepState::Reused:
        break;
    default:
        break;
    }
    if (state != StepState::Running && m_runningStep == step)
        m_runningStep.reset();
    updateProgress();
}

void SetupPage::onCommandStarted(StepId step, const QString &command)
{
    LogPane *log = page(step)->log();
    log->appendNote(QStringLiteral("$ ") + shortCommand(command));
    if (isCondaStep(step))
        m_progress.emplace(m_approvedPlan);
    updateProgress();
}

void SetupPage::onOutput(StepId step, const QString &text)
{
    page(step)->log()->appendStdout(text);
    if (m_progress && isCondaStep(step)) {
        m_progress->feed(text);
        updateProgress();
    }
}

void SetupPage::onCommandFinished(StepId step, const CommandEvidence &command)
{
    LogPane *log = page(step)->log();
    // Long runs streamed their output already; short commands hand it over at the end.
    if (command.where != QLatin1String("run") && !command.output.isEmpty())
        log->appendStdout(command.output);
    const QString seconds = QLocale().toString(double(qMax<qint64>(0, command.elapsedMs)) / 1000.0, 'f', 1);
    if (!command.error.isEmpty())
        log->appendNote(tr("Did not finish after %1 s: %2").arg(seconds, command.error));
    else
        log->appendNote(tr("Exit status %1, %2 s.").arg(command.exitCode).arg(seconds));
    m_progress.reset();
    log->setSource(machineFor(step));
    refreshCard(step);
    updateProgress();
}

void SetupPage::onPlan(const PlanReview &review)
{
    m_reviewOpen = !review.verdict.blocked;
    m_editing = false;
    m_replan->hide();
    m_planView->setReview(review);
    m_planView->setAnswerable(m_reviewOpen);
    SetupStepPage *p = page(review.step);
    p->showInReviewSlot(m_planView);
    showStep(review.step);
    // A blocked plan: why, first; otherwise the summary and the buttons.
    p->scrollTo(review.verdict.blocked ? m_planView->blockedView() : m_planView);
    if (review.step == StepId::InstallTorch && review.verdict.blocked)
        m_torchSpecs->setText(review.specs.join(QLatin1Char(' ')));
    setOwnStatus([=] {
        return review.verdict.blocked
            ? tr("The plan for %1 is blocked: see why below.").arg(review.title)
            : tr("Read the plan for %1, then approve, edit or cancel.").arg(review.title);
    });
    m_planView->setFocus();
    updateControls();
    Q_EMIT planShown(review);
}

void SetupPage::approvePlan()
{
    if (!m_engine || !m_reviewOpen || m_planView->isBlocked())
        return;
    m_reviewOpen = false;
    m_editing = false;
    m_replan->hide();
    m_approvedPlan = m_planView->review().plan;
    m_planView->setAnswerable(false);
    setOwnStatus([title = m_planView->review().title] { return tr("Installing %1…").arg(title); });
    QPointer<SetupEngine> engine = m_engine;
    QMetaObject::invokeMethod(
        this,
        [engine] {
            if (engine)
                engine->answerPlan(SetupEngine::PlanDecision::Approve);
        },
        Qt::QueuedConnection);
    updateControls();
}

void SetupPage::editPlan()
{
    const PlanReview &review = m_planView->review();
    m_torchSpecs->setText(review.specs.join(QLatin1Char(' ')));
    if (m_reviewOpen) {
        // The engine waits: a new dry run with the edited packages, from step 5's options.
        m_editing = true;
        m_replan->setVisible(true);
        m_replan->setEnabled(true);
        setOwnStatus([=] { return tr("Change the packages, then press Make a new plan."); });
    } else {
        setOwnStatus([=] { return tr("Change the options, then press Start setup again."); });
    }
    showStep(StepId::InstallTorch);
    m_torchSpecs->setEnabled(true);
    m_torchSpecs->setFocus();
    m_torchSpecs->selectAll();
    updateControls();
}

void SetupPage::replan()
{
    if (!m_engine || !m_reviewOpen)
        return;
    const QStringList specs = words(m_torchSpecs->text());
    for (const QString &spec : specs) {
        if (const Status ok = cluster::validatePackageSpec(spec); !ok) {
            setStatus(ok.error().message);
            return;
        }
    }
    m_reviewOpen = false;
    m_replan->hide();
    m_planView->setAnswerable(false);
    setOwnStatus([=] { return tr("Making a new plan…"); });
    QPointer<SetupEngine> engine = m_engine;
    QMetaObject::invokeMethod(
        this,
        [engine, specs] {
            if (engine)
                engine->answerPlan(SetupEngine::PlanDecision::Edit, specs);
        },
        Qt::QueuedConnection);
    updateControls();
}

void SetupPage::applyFix(const QString &id)
{
    if (!m_engine || isRunning())
        return;
    page(m_failedStep.value_or(StepId::Identify))->diagnosis()->clear();
    m_outcome.reset();
    m_failedStep.reset();
    m_tick.start();
    setOwnStatus([=] { return tr("Applying the fix…"); });
    QPointer<SetupEngine> engine = m_engine;
    QMetaObject::invokeMethod(
        this,
        [this, engine, id] {
            if (!engine)
                return;
            if (const Status applied = engine->applyFix(id); !applied) {
                setStatus(applied.error().message);
                m_tick.stop();
            }
            updateControls();
        },
        Qt::QueuedConnection);
    updateControls();
}

void SetupPage::onQuestion(const SetupQuestion &question)
{
    if (!m_question) {
        m_question = new QFrame(this);
        m_question->setObjectName(QStringLiteral("setupQuestion"));
        m_questionText = new QLabel(m_question);
        m_questionText->setWordWrap(true);
        m_questionText->setTextFormat(Qt::PlainText);
        m_questionButtons = new QWidget(m_question);
        auto *layout = new QVBoxLayout(m_question);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_questionText);
        layout->addWidget(m_questionButtons);
        new QHBoxLayout(m_questionButtons);
    }
    m_lastQuestion = question;
    QString text = question.text;
    if (question.reason)
        text += QStringLiteral("\n\n%1\n%2").arg(question.reason->summary, question.reason->suggestion);
    m_questionText->setText(text.trimmed());
    m_question->setAccessibleName(question.text);
    auto *row = static_cast<QHBoxLayout *>(m_questionButtons->layout());
    while (QLayoutItem *item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    for (qsizetype i = 0; i < question.choices.size(); ++i) {
        const QString &choice = question.choices.at(i);
        auto *button = new QPushButton(choiceLabel(question, i), m_questionButtons);
        button->setObjectName(QStringLiteral("answer-%1").arg(choice));
        button->setDefault(choice == question.defaultChoice);
        connect(button, &QPushButton::clicked, this, [this, choice] { answerQuestion(choice); });
        row->addWidget(button);
    }
    page(question.step)->showInReviewSlot(m_question);
    showStep(question.step);
    page(question.step)->scrollTo(m_question);
    setOwnStatus([=] { return tr("Onramp needs your answer in step %1.").arg(int(question.step)); });
    Q_EMIT questionShown(question);
}

void SetupPage::answerQuestion(const QString &choice)
{
    if (m_question)
        m_question->hide();
    QPointer<SetupEngine> engine = m_engine;
    QMetaObject::invokeMethod(
        this,
        [engine, choice] {
            if (engine)
                engine->answerQuestion(choice);
        },
        Qt::QueuedConnection);
}

void SetupPage::onFinished(const SetupOutcome &outcome)
{
    m_outcome = outcome;
    m_reviewOpen = false;
    m_editing = false;
    m_replan->hide();
    m_planView->setAnswerable(false);
    m_tick.stop();
    m_progress.reset();
    m_runningStep.reset();
    if (m_question)
        m_question->hide();
    setStatus(outcome.summary);
    if ((outcome.result == SetupResult::Failed || outcome.result == SetupResult::Cancelled) && m_failedStep) {
        const StepRecord &record = m_engine->evidence().step(*m_failedStep);
        QString detail;
        if (!record.commands.isEmpty()) {
            const CommandEvidence &last = record.commands.last();
            detail = QStringLiteral("$ %1\n%2").arg(last.command, last.output);
        }
        page(*m_failedStep)
            ->diagnosis()
            ->setDiagnoses(outcome.summary, outcome.diagnoses, Tone::Error, detail);
        page(*m_failedStep)->diagnosis()->setFixes(m_engine->availableFixes());
        page(*m_failedStep)->scrollTo(page(*m_failedStep)->diagnosis());
    }
    for (SetupStepPage *p : std::as_const(m_pages))
        p->log()->setSource(machineFor(p->step()));
    refreshCards();
    if (outcome.result == SetupResult::Succeeded) {
        // The picture everyone wants: nvidia-smi and device_count() printing 1.
        showStep(StepId::Verify);
        page(StepId::Verify)->scrollToCard();
    }
    updateProgress();
    updateControls();
    // A long install may end while the window is in the background.
    if (window() && !window()->isActiveWindow())
        QApplication::alert(window());
    Q_EMIT finished(outcome);
}

void SetupPage::refreshCard(StepId step)
{
    const SetupEvidence evidence = m_engine ? m_engine->evidence() : freshEvidence(m_host, options());
    page(step)->card()->setContent(stepCard(step, evidence, m_user));
}

void SetupPage::refreshCards()
{
    if (m_engine && !m_engine->isFinished())
        return; // the engine's events refresh the cards of its steps
    for (const StepId step : allSteps())
        refreshCard(step);
}

void SetupPage::updateControls()
{
    const bool connected = m_transport && m_transport->state() == remote::ConnectionState::Connected;
    const bool running = isRunning();
    const QString problem = optionsProblem();
    m_start->setEnabled(connected && !running && problem.isEmpty());
    m_cancel->setEnabled(running);
    const bool before = !running || m_editing;
    m_envName->setEnabled(!running);
    m_python->setEnabled(!running);
    m_recipe->setEnabled(!running);
    m_torchSpecs->setEnabled(before);
    m_extras->setEnabled(!running);
    const bool resume = m_dropped
        || (m_outcome && m_outcome->result != SetupResult::Succeeded
            && m_outcome->result != SetupResult::PlanShown);
    m_start->setText(resume                                                         ? tr("Resume")
                         : m_outcome && m_outcome->result == SetupResult::Succeeded ? tr("Run again")
                                                                                    : tr("Start setup"));
    m_start->setToolTip(resume ? tr("Go on from where the setup stopped: what is done is reused")
                               : QString());
    if (!connected && !running && !m_outcome && !m_dropped)
        setOwnStatus([=] { return tr("Connect to your cluster first (on the left)."); });
    else if (connected && !running && !m_outcome && !m_dropped
             && m_status->text() == tr("Connect to your cluster first (on the left)."))
        setOwnStatus([=] { return tr("Ready. Press Start setup."); });
}

void SetupPage::updateProgress()
{
    const bool running = isRunning() && m_runningStep.has_value();
    m_bar->setVisible(running);
    m_elapsed->setVisible(running);
    if (!running)
        return;
    const qint64 s = m_stepClock.isValid() ? m_stepClock.elapsed() / 1000 : 0;
    m_elapsed->setText(QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
    m_elapsed->setToolTip(tr("Time this step has been running"));
    const int percent = m_progress ? m_progress->progress().percent() : -1;
    if (percent >= 0) {
        m_bar->setRange(0, 100);
        m_bar->setValue(percent);
        m_bar->setFormat(tr("%1: %p%").arg(cluster::condaPhaseName(m_progress->progress().phase)));
    } else {
        m_bar->setRange(0, 0); // busy: nothing to count yet
    }
}

void SetupPage::setOwnStatus(std::function<QString()> text)
{
    setStatus(text());
    m_statusText = std::move(text);
}

void SetupPage::setStatus(const QString &text)
{
    m_statusText = nullptr;
    m_status->setText(text);
    m_status->setAccessibleName(text);
}

QString SetupPage::machineFor(StepId step) const
{
    const QString login = m_user.isEmpty() ? m_host : m_user + QLatin1Char('@') + m_host;
    if (!m_engine)
        return login;
    const SetupEvidence &e = m_engine->evidence();
    const QString node = step == StepId::ComputeNode
        ? e.fact(StepId::ComputeNode, QStringLiteral("compute_node"))
        : step == StepId::Verify ? e.fact(StepId::Verify, QStringLiteral("gpu_node"))
                                 : QString();
    if (!node.isEmpty())
        return tr("%1 (Slurm job)").arg(node);
    if (step == StepId::ComputeNode || step == StepId::Verify)
        return tr("a Slurm job from %1").arg(login);
    return login;
}

} // namespace ui
} // namespace onramp
