#include "setup/guided/setupevidence.h"

#include "setup/guided/guidedtr.h"

#include <QJsonArray>

namespace onramp::setup::guided {

namespace {

struct StepName {
    StepId id;
    const char *key;
};
constexpr StepName kSteps[] = {
    {StepId::Identify, "identify"},
    {StepId::ComputeNode, "compute-node"},
    {StepId::CreateEnv, "create-env"},
    {StepId::Activation, "activation"},
    {StepId::InstallTorch, "install-torch"},
    {StepId::Verify, "verify"},
    {StepId::ExtraPackages, "extra-packages"},
    {StepId::Evidence, "evidence"},
};

struct StateName {
    StepState state;
    const char *key;
};
constexpr StateName kStates[] = {
    {StepState::Pending, "pending"},
    {StepState::Running, "running"},
    {StepState::WaitingForPerson, "waiting"},
    {StepState::Done, "done"},
    {StepState::Reused, "reused"},
    {StepState::Skipped, "skipped"},
    {StepState::Blocked, "blocked"},
    {StepState::Failed, "failed"},
    {StepState::Cancelled, "cancelled"},
};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

QList<StepId> allSteps()
{
    QList<StepId> steps;
    for (const StepName &s : kSteps)
        steps << s.id;
    return steps;
}

QString stepKey(StepId step)
{
    for (const StepName &s : kSteps) {
        if (s.id == step)
            return QLatin1String(s.key);
    }
    return {};
}

std::optional<StepId> stepFromKey(QStringView key)
{
    for (const StepName &s : kSteps) {
        if (key == QLatin1String(s.key))
            return s.id;
    }
    return std::nullopt;
}

QString stepTitle(StepId step)
{
    switch (step) {
    case StepId::Identify:
        return GuidedTr::tr("Connect and look at the login node");
    case StepId::ComputeNode:
        return GuidedTr::tr("Reach a compute node");
    case StepId::CreateEnv:
        return GuidedTr::tr("Create the environment");
    case StepId::Activation:
        return GuidedTr::tr("Activate it without .bashrc");
    case StepId::InstallTorch:
        return GuidedTr::tr("Install PyTorch");
    case StepId::Verify:
        return GuidedTr::tr("Check PyTorch on a GPU node");
    case StepId::ExtraPackages:
        return GuidedTr::tr("Install more packages");
    case StepId::Evidence:
        return GuidedTr::tr("Keep the evidence");
    }
    return {};
}

QString stateKey(StepState state)
{
    for (const StateName &s : kStates) {
        if (s.state == state)
            return QLatin1String(s.key);
    }
    return {};
}

StepState stateFromKey(QStringView key)
{
    for (const StateName &s : kStates) {
        if (key == QLatin1String(s.key))
            return s.state;
    }
    return StepState::Pending;
}

StepRecord &SetupEvidence::step(StepId id)
{
    for (StepRecord &record : steps) {
        if (record.step == id)
            return record;
    }
    StepRecord record;
    record.step = id;
    steps.append(record);
    return steps.last();
}

const StepRecord &SetupEvidence::step(StepId id) const
{
    for (const StepRecord &record : steps) {
        if (record.step == id)
            return record;
    }
    static const StepRecord empty;
    return empty;
}

QString SetupEvidence::fact(StepId id, const QString &key) const
{
    return step(id).facts.value(key).toString();
}

SetupEvidence freshEvidence(const QString &host, const SetupOptions &options)
{
    SetupEvidence evidence;
    evidence.host = host;
    evidence.options = options;
    for (StepId id : allSteps()) {
        StepRecord record;
        record.step = id;
        evidence.steps.append(record);
    }
    return evidence;
}

QJsonObject toJson(const SetupOptions &options)
{
    return {
        {QStringLiteral("env"), options.envName},
        {QStringLiteral("python"), options.pythonVersion},
        {QStringLiteral("recipe"),
         options.recipe == Recipe::Guide ? QStringLiteral("guide") : QStringLiteral("modern")},
        {QStringLiteral("torch_specs"), toArray(options.torchSpecs)},
        {QStringLiteral("extra_packages"), toArray(options.extraPackages)},
        {QStringLiteral("partition"), options.partition},
        {QStringLiteral("gpus"), options.gpus},
        {QStringLiteral("plan_only"), options.planOnly},
    };
}

SetupOptions optionsFromJson(const QJsonObject &object)
{
    SetupOptions options;
    options.envName = object.value(QLatin1String("env")).toString(options.envName);
    options.pythonVersion = object.value(QLatin1String("python")).toString();
    options.recipe = object.value(QLatin1String("recipe")).toString() == QLatin1String("modern")
        ? Recipe::Modern
        : Recipe::Guide;
    options.torchSpecs = fromArray(object.value(QLatin1String("torch_specs")));
    if (object.contains(QLatin1String("extra_packages")))
        options.extraPackages = fromArray(object.value(QLatin1String("extra_packages")));
    options.partition = object.value(QLatin1String("partition")).toString();
    options.gpus = object.value(QLatin1String("gpus")).toInt(1);
    options.planOnly = object.value(QLatin1String("plan_only")).toBool();
    return options;
}

QJsonObject toJson(const CommandEvidence &command)
{
    return {
        {QStringLiteral("command"), command.command},      {QStringLiteral("where"), command.where},
        {QStringLiteral("run_id"), command.runId},         {QStringLiteral("exit_code"), command.exitCode},
        {QStringLiteral("error"), command.error},          {QStringLiteral("started_at"), command.startedAt},
        {QStringLiteral("elapsed_ms"), command.elapsedMs}, {QStringLiteral("output"), command.output},
    };
}

QJsonObject toJson(const CheckResult &check)
{
    return {{QStringLiteral("id"), check.id},
            {QStringLiteral("passed"), check.passed},
            {QStringLiteral("message"), check.message}};
}

QJsonObject toJson(const cluster::Diagnosis &diagnosis)
{
    return {{QStringLiteral("code"), diagnosis.code},
            {QStringLiteral("summary"), diagnosis.summary},
            {QStringLiteral("suggestion"), diagnosis.suggestion},
            {QStringLiteral("evidence"), diagnosis.evidence}};
}

QJsonObject toJson(const StepRecord &step)
{
    QJsonArray commands;
    for (const CommandEvidence &c : step.commands)
        commands.append(toJson(c));
    QJsonArray checks;
    for (const CheckResult &c : step.checks)
        checks.append(toJson(c));
    QJsonArray diagnoses;
    for (const cluster::Diagnosis &d : step.diagnoses)
        diagnoses.append(toJson(d));
    return {{QStringLiteral("step"), stepKey(step.step)}, {QStringLiteral("state"), stateKey(step.state)},
            {QStringLiteral("commands"), commands},       {QStringLiteral("facts"), step.facts},
            {QStringLiteral("checks"), checks},           {QStringLiteral("diagnoses"), diagnoses}};
}

QJsonObject toJson(const SetupEvidence &evidence)
{
    QJsonArray steps;
    for (const StepRecord &s : evidence.steps)
        steps.append(toJson(s));
    return {{QStringLiteral("host"), evidence.host},
            {QStringLiteral("options"), toJson(evidence.options)},
            {QStringLiteral("steps"), steps}};
}

SetupEvidence evidenceFromJson(const QJsonObject &object)
{
    SetupEvidence evidence
        = freshEvidence(object.value(QLatin1String("host")).toString(),
                        optionsFromJson(object.value(QLatin1String("options")).toObject()));
    for (const QJsonValue &value : object.value(QLatin1String("steps")).toArray()) {
        const QJsonObject s = value.toObject();
        const std::optional<StepId> id = stepFromKey(s.value(QLatin1String("step")).toString());
        if (!id)
            continue;
        StepRecord &record = evidence.step(*id);
        record.state = stateFromKey(s.value(QLatin1String("state")).toString());
        record.facts = s.value(QLatin1String("facts")).toObject();
        for (const QJsonValue &c : s.value(QLatin1String("commands")).toArray()) {
            const QJsonObject o = c.toObject();
            record.commands.append(CommandEvidence {
                o.value(QLatin1String("command")).toString(), o.value(QLatin1String("where")).toString(),
                o.value(QLatin1String("run_id")).toString(), o.value(QLatin1String("exit_code")).toInt(-1),
                o.value(QLatin1String("error")).toString(), o.value(QLatin1String("started_at")).toString(),
                qint64(o.value(QLatin1String("elapsed_ms")).toDouble(-1)),
                o.value(QLatin1String("output")).toString()});
        }
        for (const QJsonValue &c : s.value(QLatin1String("checks")).toArray()) {
            const QJsonObject o = c.toObject();
            record.checks.append(CheckResult {o.value(QLatin1String("id")).toString(),
                                              o.value(QLatin1String("passed")).toBool(),
                                              o.value(QLatin1String("message")).toString()});
        }
        for (const QJsonValue &d : s.value(QLatin1String("diagnoses")).toArray()) {
            const QJsonObject o = d.toObject();
            record.diagnoses.append(cluster::Diagnosis {o.value(QLatin1String("code")).toString(),
                                                        o.value(QLatin1String("summary")).toString(),
                                                        o.value(QLatin1String("suggestion")).toString(),
                                                        o.value(QLatin1String("evidence")).toString()});
        }
    }
    return evidence;
}

} // namespace onramp::setup::guided
