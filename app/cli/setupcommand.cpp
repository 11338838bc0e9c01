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

QJsonObject diagnosisJson(const cluster::Diagnosis &d)
{
    return toJson(d);
}

QString diagnosisText(const cluster::Diagnosis &d)
{
    QString text = QStringLiteral("  [%1] %2\n").arg(d.code, d.summary);
    if (!d.suggestion.isEmpty())
        text += QStringLiteral("    %1\n").arg(d.suggestion);
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
                Tr::tr("name"))
{ }

QList<QCommandLineOption> SetupCliOptions::all() const
{
    return {env, python, recipe, planOnly, yes, extra, partition};
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
            write(stdout, Tr::tr("%1. %2: %3\n").arg(int(step)).arg(stepTitle(step), stateText(state)));
        } else {
            write(stdout, Tr::tr("%1. %2 …\n").arg(int(step)).arg(stepTitle(step)));
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
            write(stdout, text);
    });
    connect(m_engine, &SetupEngine::checkResult, this, [this, json](StepId step, const CheckResult &check) {
        if (json) {
            QJsonObject o = toJson(check);
            o.insert(QStringLiteral("event"), QStringLiteral("check"));
            o.insert(QStringLiteral("step"), stepKey(step));
            event(o);
        } else if (!check.id.startsWith(QLatin1String("plan."))) { // shown with the plan table
            write(stdout,
                  QStringLiteral("   %1 %2\n")
                      .arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"), check.message));
        }
    });
    connect(m_engine, &SetupEngine::diagnosed, this, [this, json](StepId step, const cluster::Diagnosis &d) {
        if (json) {
            QJsonObject o = diagnosisJson(d);
            o.insert(QStringLiteral("event"), QStringLiteral("diagnosis"));
            o.insert(QStringLiteral("step"), stepKey(step));
            event(o);
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
        write(stdout,
              Tr::tr("\nThe plan for %1:\n").arg(review.title) + planTable(review.plan, review.freeBytes));
        for (const CheckResult &check : review.verdict.checks)
            write(stdout,
                  QStringLiteral("   %1 %2\n")
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
    const std::optional<QString> answer = askLine(Tr::tr("Proceed ([y]/n)? "));
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

void SetupCommand::onQuestion(const SetupQuestion &question)
{
    if (m_request.json)
        event({{QStringLiteral("event"), QStringLiteral("question")},
               {QStringLiteral("text"), question.text},
               {QStringLiteral("choices"), QJsonArray::fromStringList(question.choices)},
               {QStringLiteral("default"), question.defaultChoice}});
    QString choice = question.defaultChoice;
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

void SetupCommand::onFinished(const SetupOutcome &outcome)
{
    if (m_request.json) {
        QJsonArray diagnoses;
        for (const cluster::Diagnosis &d : outcome.diagnoses)
            diagnoses.append(toJson(d));
        event({{QStringLiteral("event"), QStringLiteral("finished")},
               {QStringLiteral("result"), resultKey(outcome.result)},
               {QStringLiteral("summary"), outcome.summary},
               {QStringLiteral("diagnoses"), diagnoses},
               {QStringLiteral("evidence"), toJson(m_engine->evidence())}});
    } else {
        QString text = QLatin1Char('\n') + outcome.summary + QLatin1Char('\n');
        for (const cluster::Diagnosis &d : outcome.diagnoses)
            text += diagnosisText(d);
        write(outcome.result == SetupResult::Succeeded || outcome.result == SetupResult::PlanShown ? stdout
                                                                                                   : stderr,
              text);
    }
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
