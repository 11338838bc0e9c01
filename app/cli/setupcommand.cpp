#include "cli/setupcommand.h"

#include "cli/clitr.h"
#include "cli/credentialprompt.h"
#include "cli/hostkeyprompt.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>

namespace onramp::cli {

using namespace setup::guided;

namespace {

constexpr int kExitFailed = 1;
constexpr int kExitCancelled = 3;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// A line from the person: on the terminal when there is one (like conda's Proceed prompt), else
// from stdin. nullopt at end of input: nobody answered.
std::optional<QString> askLine(const QString &prompt)
{
    QFile tty(QStringLiteral("/dev/tty"));
    if (tty.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        tty.write(prompt.toUtf8());
        const QByteArray line = tty.readLine();
        if (line.isEmpty())
            return std::nullopt;
        return QString::fromUtf8(line).trimmed();
    }
    write(stderr, prompt);
    char buffer[256];
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return std::nullopt;
    return QString::fromUtf8(buffer).trimmed();
}

QJsonObject fixJson(const SetupFix &fix)
{
    return {{QStringLiteral("id"), fix.id}, {QStringLiteral("label"), fix.label}};
}

// The step of the plan review's edit: the current value in brackets, Enter keeps it.
std::optional<QString> askValue(const QString &label, const QString &current)
{
    const std::optional<QString> answer = askLine(QStringLiteral("  %1 [%2]: ").arg(label, current));
    if (!answer)
        return std::nullopt;
    return answer->isEmpty() ? current : *answer;
}

QString diagnosisText(const cluster::Diagnosis &d, const std::optional<SetupFix> &fix = std::nullopt)
{
    QString text = QStringLiteral("  [%1] %2\n").arg(d.code, d.summary);
    if (!d.suggestion.isEmpty())
        text += QStringLiteral("    %1\n").arg(d.suggestion);
    if (fix)
        text += Tr::tr("    Onramp can fix this: %1 (--fix %2)\n").arg(fix->label, fix->id);
    return text;
}

QString stateText(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return Tr::tr("pending");
    case StepState::Running:
        return Tr::tr("running");
    case StepState::WaitingForPerson:
        return Tr::tr("waiting for you");
    case StepState::Done:
        return Tr::tr("done");
    case StepState::Reused:
        return Tr::tr("already done, reused");
    case StepState::Skipped:
        return Tr::tr("skipped");
    case StepState::Blocked:
        return Tr::tr("blocked");
    case StepState::Failed:
        return Tr::tr("failed");
    case StepState::Cancelled:
        return Tr::tr("cancelled");
    }
    return {};
}

} // namespace

SetupCliOptions::SetupCliOptions()
    : env(QStringLiteral("env"), Tr::tr("setup: the environment's name (default: cola)."), Tr::tr("name")),
      python(QStringLiteral("python"),
             Tr::tr("setup: the Python version, e.g. 3.11 (default: conda's choice)."), Tr::tr("X.Y")),
      recipe(
          QStringLiteral("recipe"),
          Tr::tr(
              "setup: guide (the cluster guide's pytorch torchvision cudatoolkit -c conda-forge -c pytorch) "
              "or modern (conda-forge pytorch with a cuda-version matching the driver)."),
          Tr::tr("recipe")),
      planOnly(QStringLiteral("plan-only"), Tr::tr("setup: show the plan and change nothing.")),
      yes(QStringLiteral("yes"),
          Tr::tr("setup: approve every plan Onramp does not block, and reuse an existing environment.")),
      extra(QStringLiteral("extra"),
            Tr::tr("setup: also install this package (repeatable; matplotlib, pillow and numpy always)."),
            Tr::tr("spec")),
      partition(QStringLiteral("partition"), Tr::tr("setup: the Slurm partition (default: the cluster's)."),
                Tr::tr("name")),
      fix(QStringLiteral("fix"),
          Tr::tr("setup: apply this fix when a failure offers it (conda.clean, partition:NAME; repeatable)."),
          Tr::tr("id"))
{ }

QList<QCommandLineOption> SetupCliOptions::all() const
{
    return {env, python, recipe, planOnly, yes, extra, partition, fix};
}

bool isSetupVerb(const QString &verb)
{
    return verb == QLatin1String("setup");
}

Result<SetupRequest> setupRequestFrom(const QStringList &words, const QCommandLineParser &parser,
                                      const SetupCliOptions &options)
{
    if (!words.isEmpty())
        return Error {ErrorKind::InvalidInput, Tr::tr("“setup” takes no arguments, only options."), {}};
    SetupRequest request;
    if (parser.isSet(options.env))
        request.options.envName = parser.value(options.env);
    if (parser.isSet(options.python)) {
        static const QRegularExpression version(QStringLiteral("^[23]\\.[0-9]{1,2}$"));
        if (!version.match(parser.value(options.python)).hasMatch())
            return Error {ErrorKind::InvalidInput, Tr::tr("--python needs a version like 3.11."), {}};
        request.options.pythonVersion = parser.value(options.python);
    }
    if (parser.isSet(options.recipe)) {
        const QString recipe = parser.value(options.recipe);
        if (recipe == QLatin1String("guide"))
            request.options.recipe = Recipe::Guide;
        else if (recipe == QLatin1String("modern"))
            request.options.recipe = Recipe::Modern;
        else
            return Error {ErrorKind::InvalidInput, Tr::tr("--recipe is “guide” or “modern”."), {}};
    }
    request.options.extraPackages << parser.values(options.extra);
    request.options.partition = parser.value(options.partition);
    request.options.planOnly = parser.isSet(options.planOnly);
    request.yes = parser.isSet(options.yes);
    request.fixes = parser.values(options.fix);
    return request;
}

SetupCommand::SetupCommand(SetupRequest request, std::unique_ptr<remote::Transport> transport,
                           QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_transport(std::move(transport))
{
    connect(m_transport.get(), &remote::Transport::hostKeyUnknown, this, [this](const remote::HostKey &key) {
        m_transport->answerHostKey(decideOnUnknownHostKey(key, m_request.acceptNewHostKey));
    });
    answerCredentialsFromTerminal(m_transport.get());
    connect(m_transport.get(), &remote::Transport::connected, this, &SetupCommand::onConnected);
    connect(m_transport.get(), &remote::Transport::failed, this, [this](const Error &error) {
        write(stderr, Tr::tr("onramp-cli: %1\n").arg(error.message));
        finish(kExitConnectionError);
    });
}

SetupCommand::~SetupCommand()
{
    delete m_engine;
}

void SetupCommand::start()
{
    m_transport->connectTo(m_request.endpoint);
}

void SetupCommand::interrupt(int signalNumber)
{
    if (m_engine)
        m_engine->cancel();
    finish(128 + signalNumber);
}

void SetupCommand::say(const QString &text)
{
    if (m_statusOpen) {
        write(stdout, QStringLiteral("\n"));
        m_statusOpen = false;
    }
    write(stdout, text);
}

void SetupCommand::status(const QString &text)
{
    // One line rewritten in place, like conda's own progress.
    write(stdout, QStringLiteral("\r\x1b[K") + text);
    m_statusOpen = true;
}

void SetupCommand::event(const QJsonObject &object)
{
    write(stdout,
          QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

void SetupCommand::onConnected()
{
    if (m_engine)
        return;
    const QString host = m_request.endpoint.host;
    m_engine = new SetupEngine(m_transport.get(), host, m_request.options);
    m_engine->setJournal(&m_journal);
    // conda create/install and the GPU job run detached on the cluster (setup/runs), so a dropped
    // connection does not stop them.
    m_runs.load();
    m_launcher = std::make_unique<RemoteRunLauncher>(m_transport.get(), &m_runs, host);
    m_engine->setRunLauncher(m_launcher.get());
    const bool json = m_request.json;
    connect(m_engine, &SetupEngine::stepStateChanged, this, [this, json](StepId step, StepState state) {
        if (json) {
            event({{QStringLiteral("event"), QStringLiteral("step")},
                   {QStringLiteral("step"), stepKey(step)},
                   {QStringLiteral("number"), int(step)},
                   {QStringLiteral("state"), stateKey(state)},
                   {QStringLiteral("title"), stepTitle(step)}});
        } else if (state != StepState::Running) {
            say(Tr::tr("%1. %2: %3\n").arg(int(step)).arg(stepTitle(step), stateText(state)));
        } else {
            say(Tr::tr("%1. %2 …\n").arg(int(step)).arg(stepTitle(step)));
        }
    });
    connect(m_engine, &SetupEngine::commandStarted, this, [this, json](StepId step, const QString &command) {
        if (json)
            event({{QStringLiteral("event"), QStringLiteral("command")},
                   {QStringLiteral("step"), stepKey(step)},
                   {QStringLiteral("command"), command}});
    });
    connect(m_engine, &SetupEngine::commandFinished, this,
            [this, json](StepId step, const CommandEvidence &command) {
                if (json) {
                    QJsonObject o = toJson(command);
                    o.remove(QStringLiteral("output"));
                    o.insert(QStringLiteral("event"), QStringLiteral("command-finished"));
                    o.insert(QStringLiteral("step"), stepKey(step));
                    event(o);
                }
            });
    connect(m_engine, &SetupEngine::output, this, [this, json](StepId step, const QString &text) {
        if (json)
            event({{QStringLiteral("event"), QStringLiteral("output")},
                   {QStringLiteral("step"), stepKey(step)},
                   {QStringLiteral("text"), text}});
        else
            say(text);
    });
    connect(m_engine, &SetupEngine::checkResult, this, [this, json](StepId step, const CheckResult &check) {
        if (json) {
            QJsonObject o = toJson(check);
            o.insert(QStringLiteral("event"), QStringLiteral("check"));
            o.insert(QStringLiteral("step"), stepKey(step));
            event(o);
        } else if (!check.id.startsWith(QLatin1String("plan."))) { // shown with the plan table
            say(QStringLiteral("   %1 %2\n")
                    .arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"), check.message));
        }
    });
    connect(m_engine, &SetupEngine::diagnosed, this, [this, json](StepId step, const cluster::Diagnosis &d) {
        if (json) {
            QJsonObject o = toJson(d);
            o.insert(QStringLiteral("event"), QStringLiteral("diagnosis"));
            o.insert(QStringLiteral("step"), stepKey(step));
            if (const std::optional<SetupFix> fix = m_engine->fixFor(d))
                o.insert(QStringLiteral("fix"), fixJson(*fix));
            event(o);
        }
    });
    connect(m_engine, &SetupEngine::runStarted, this, [this, json](StepId step, const QString &runId) {
        if (json)
            event({{QStringLiteral("event"), QStringLiteral("run")},
                   {QStringLiteral("step"), stepKey(step)},
                   {QStringLiteral("run_id"), runId}});
    });
    connect(m_engine, &SetupEngine::reattached, this, [this, json](StepId step, const QString &runId) {
        if (json)
            event({{QStringLiteral("event"), QStringLiteral("reattached")},
                   {QStringLiteral("step"), stepKey(step)},
                   {QStringLiteral("run_id"), runId}});
        else
            say(Tr::tr("Following run %1 again, started before Onramp stopped; its log so far:\n")
                    .arg(runId));
    });
    connect(m_engine, &SetupEngine::jobPending, this,
            [this, json](StepId step, const QString &jobId, const QString &reason, qint64 waitedMs) {
                if (json) {
                    event({{QStringLiteral("event"), QStringLiteral("pending")},
                           {QStringLiteral("step"), stepKey(step)},
                           {QStringLiteral("job_id"), jobId},
                           {QStringLiteral("reason"), reason},
                           {QStringLiteral("waited_ms"), double(waitedMs)}});
                } else {
                    const int seconds = int(waitedMs / 1000);
                    status(Tr::tr("   job %1 waits in the queue (%2) for %n second(s) …", nullptr, seconds)
                               .arg(jobId, reason));
                }
            });
    connect(m_engine, &SetupEngine::fixApplied, this, [this, json](StepId step, const SetupFix &fix) {
        if (json) {
            QJsonObject o = fixJson(fix);
            o.insert(QStringLiteral("event"), QStringLiteral("fix"));
            o.insert(QStringLiteral("step"), stepKey(step));
            event(o);
        } else {
            say(Tr::tr("Applying the fix: %1\n").arg(fix.label));
        }
    });
    connect(m_engine, &SetupEngine::planReady, this, &SetupCommand::onPlan);
    connect(m_engine, &SetupEngine::questionAsked, this, &SetupCommand::onQuestion);
    connect(m_engine, &SetupEngine::finished, this, &SetupCommand::onFinished);
    m_engine->start();
}

void SetupCommand::onPlan(const PlanReview &review)
{
    if (m_request.json) {
        QJsonArray checks;
        for (const CheckResult &c : review.verdict.checks)
            checks.append(toJson(c));
        QJsonArray diagnoses;
        for (const cluster::Diagnosis &d : review.verdict.diagnoses)
            diagnoses.append(toJson(d));
        event({{QStringLiteral("event"), QStringLiteral("plan")},
               {QStringLiteral("step"), stepKey(review.step)},
               {QStringLiteral("title"), review.title},
               {QStringLiteral("command"), review.command},
               {QStringLiteral("specs"), QJsonArray::fromStringList(review.specs)},
               {QStringLiteral("plan"), planJson(review.plan)},
               {QStringLiteral("free_bytes"), double(review.freeBytes)},
               {QStringLiteral("blocked"), review.verdict.blocked},
               {QStringLiteral("checks"), checks},
               {QStringLiteral("diagnoses"), diagnoses}});
    } else {
        say(Tr::tr("\nThe plan for %1:\n").arg(review.title) + planTable(review.plan, review.freeBytes));
        for (const CheckResult &check : review.verdict.checks)
            say(QStringLiteral("   %1 %2\n")
                    .arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"), check.message));
    }
    if (review.verdict.blocked || m_request.options.planOnly)
        return;
    if (m_request.yes) {
        // Queued: the engine finishes emitting before it hears the answer.
        QMetaObject::invokeMethod(
            this, [this] { m_engine->answerPlan(SetupEngine::PlanDecision::Approve); }, Qt::QueuedConnection);
        return;
    }
    const std::optional<QString> answer = askLine(Tr::tr("Proceed ([y]/n/e to edit)? "));
    if (answer && answer->startsWith(QLatin1Char('e'), Qt::CaseInsensitive)) {
        if (editOptions())
            return;
    }
    const bool yes
        = answer && (answer->isEmpty() || answer->startsWith(QLatin1Char('y'), Qt::CaseInsensitive));
    if (!answer)
        write(stderr, Tr::tr("onramp-cli: nobody answered; nothing was installed (use --yes to approve).\n"));
    QMetaObject::invokeMethod(
        this,
        [this, yes] {
            m_engine->answerPlan(yes ? SetupEngine::PlanDecision::Approve
                                     : SetupEngine::PlanDecision::Cancel);
        },
        Qt::QueuedConnection);
}

bool SetupCommand::editOptions()
{
    SetupOptions options = m_engine->evidence().options;
    say(Tr::tr("Change the plan (Enter keeps a value):\n"));
    const std::optional<QString> env = askValue(Tr::tr("Environment name"), options.envName);
    if (!env)
        return false;
    const std::optional<QString> python
        = askValue(Tr::tr("Python version (X.Y, “-” for conda's choice)"),
                   options.pythonVersion.isEmpty() ? QStringLiteral("-") : options.pythonVersion);
    if (!python)
        return false;
    const std::optional<QString> recipe
        = askValue(Tr::tr("Recipe (guide or modern)"),
                   options.recipe == Recipe::Modern ? QStringLiteral("modern") : QStringLiteral("guide"));
    if (!recipe)
        return false;
    const std::optional<QString> extras = askValue(Tr::tr("Extra packages (separated by spaces)"),
                                                   options.extraPackages.join(QLatin1Char(' ')));
    if (!extras)
        return false;
    static const QRegularExpression version(QStringLiteral("^[23]\\.[0-9]{1,2}$"));
    options.envName = env->trimmed();
    options.pythonVersion = *python == QLatin1String("-") ? QString() : python->trimmed();
    if (!options.pythonVersion.isEmpty() && !version.match(options.pythonVersion).hasMatch()) {
        write(stderr, Tr::tr("onramp-cli: --python needs a version like 3.11.\n"));
        return editOptions();
    }
    if (*recipe == QLatin1String("modern"))
        options.recipe = Recipe::Modern;
    else if (*recipe == QLatin1String("guide"))
        options.recipe = Recipe::Guide;
    else {
        write(stderr, Tr::tr("onramp-cli: --recipe is “guide” or “modern”.\n"));
        return editOptions();
    }
    options.extraPackages = extras->split(QLatin1Char(' '), Qt::SkipEmptyParts);
    options.torchSpecs.clear();
    QMetaObject::invokeMethod(
        this,
        [this, options] {
            if (const Status replanned = m_engine->replan(options); !replanned) {
                write(stderr, Tr::tr("onramp-cli: %1\n").arg(replanned.error().message));
                m_engine->answerPlan(SetupEngine::PlanDecision::Cancel);
            }
        },
        Qt::QueuedConnection);
    return true;
}

void SetupCommand::onQuestion(const SetupQuestion &question)
{
    if (m_request.json) {
        QJsonObject o {{QStringLiteral("event"), QStringLiteral("question")},
                       {QStringLiteral("kind"), questionKindKey(question.kind)},
                       {QStringLiteral("step"), stepKey(question.step)},
                       {QStringLiteral("text"), question.text},
                       {QStringLiteral("choices"), QJsonArray::fromStringList(question.choices)},
                       {QStringLiteral("choice_labels"), QJsonArray::fromStringList(question.choiceLabels)},
                       {QStringLiteral("default"), question.defaultChoice}};
        if (!question.jobId.isEmpty())
            o.insert(QStringLiteral("job_id"), question.jobId);
        if (question.reason)
            o.insert(QStringLiteral("reason"), toJson(*question.reason));
        event(o);
    } else {
        QString text = QLatin1Char('\n') + question.text + QLatin1Char('\n');
        for (qsizetype i = 0; i < question.choices.size(); ++i)
            text += QStringLiteral("   %1: %2\n").arg(question.choices.at(i), question.choiceLabels.value(i));
        say(text);
    }
    QString choice = question.defaultChoice;
    if (m_request.yes && question.kind == SetupQuestion::Kind::PendingJob && !m_request.json)
        say(Tr::tr("Waiting for Slurm (--yes); Ctrl+C cancels the job.\n"));
    if (!m_request.yes) {
        const std::optional<QString> answer
            = askLine(question.text + QStringLiteral(" [%1] ").arg(question.choices.join(QLatin1Char('/'))));
        if (!answer)
            choice = QStringLiteral("cancel");
        else if (!answer->isEmpty())
            choice = *answer;
        if (!question.choices.contains(choice))
            choice = QStringLiteral("cancel");
    }
    QMetaObject::invokeMethod(
        this, [this, choice] { m_engine->answerQuestion(choice); }, Qt::QueuedConnection);
}

bool SetupCommand::offerFixes(const SetupOutcome &outcome)
{
    if (outcome.result != SetupResult::Failed && outcome.result != SetupResult::Blocked)
        return false;
    const QList<SetupFix> fixes = m_engine->availableFixes();
    QString chosen;
    for (const SetupFix &fix : fixes) {
        if (m_request.fixes.contains(fix.id) && !m_fixesTried.contains(fix.id)) {
            chosen = fix.id;
            break;
        }
    }
    if (chosen.isEmpty() && !m_request.yes && !m_request.json && !fixes.isEmpty()) {
        QStringList ids;
        for (const SetupFix &fix : fixes) {
            if (!m_fixesTried.contains(fix.id))
                ids << fix.id;
        }
        if (!ids.isEmpty()) {
            const std::optional<QString> answer
                = askLine(Tr::tr("Apply a fix (%1), or Enter for none? ").arg(ids.join(QLatin1Char('/'))));
            if (answer && ids.contains(*answer))
                chosen = *answer;
        }
    }
    if (chosen.isEmpty())
        return false;
    m_fixesTried << chosen;
    QMetaObject::invokeMethod(
        this,
        [this, chosen] {
            if (const Status applied = m_engine->applyFix(chosen); !applied) {
                write(stderr, Tr::tr("onramp-cli: %1\n").arg(applied.error().message));
                finish(kExitFailed);
            }
        },
        Qt::QueuedConnection);
    return true;
}

void SetupCommand::onFinished(const SetupOutcome &outcome)
{
    const QList<SetupFix> fixes = m_engine->availableFixes();
    if (m_request.json) {
        QJsonArray diagnoses;
        for (const cluster::Diagnosis &d : outcome.diagnoses) {
            QJsonObject o = toJson(d);
            if (const std::optional<SetupFix> fix = m_engine->fixFor(d))
                o.insert(QStringLiteral("fix"), fixJson(*fix));
            diagnoses.append(o);
        }
        QJsonArray fixList;
        for (const SetupFix &fix : fixes)
            fixList.append(fixJson(fix));
        event({{QStringLiteral("event"), QStringLiteral("finished")},
               {QStringLiteral("result"), resultKey(outcome.result)},
               {QStringLiteral("summary"), outcome.summary},
               {QStringLiteral("diagnoses"), diagnoses},
               {QStringLiteral("fixes"), fixList},
               {QStringLiteral("evidence"), toJson(m_engine->evidence())}});
    } else {
        QString text = QLatin1Char('\n') + outcome.summary + QLatin1Char('\n');
        for (const cluster::Diagnosis &d : outcome.diagnoses)
            text += diagnosisText(d, m_engine->fixFor(d));
        if (m_statusOpen) {
            write(stdout, QStringLiteral("\n"));
            m_statusOpen = false;
        }
        write(outcome.result == SetupResult::Succeeded || outcome.result == SetupResult::PlanShown ? stdout
                                                                                                   : stderr,
              text);
    }
    if (offerFixes(outcome))
        return; // the engine goes on; finished() comes again
    switch (outcome.result) {
    case SetupResult::Succeeded:
    case SetupResult::PlanShown:
        finish(0);
        break;
    case SetupResult::Cancelled:
        finish(kExitCancelled);
        break;
    case SetupResult::Blocked:
    case SetupResult::Failed:
        finish(kExitFailed);
        break;
    }
}

void SetupCommand::finish(int status)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(status);
}

} // namespace onramp::cli
