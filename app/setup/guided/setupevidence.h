#pragma once

#include "cluster/diagnosis.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::setup::guided {

// The steps of the cluster's guide, in order (values are stable: the journal stores them).
enum class StepId {
    Identify = 1, // connect, find conda and Slurm, free space
    ComputeNode = 2, // an allocation on the default partition
    CreateEnv = 3,
    Activation = 4, // non-interactive activation, .bashrc's conda init block
    InstallTorch = 5,
    Verify = 6, // the GPU node: hostname, nvidia-smi, the torch probe
    ExtraPackages = 7,
    Evidence = 8, // the collected evidence handed on
};
QList<StepId> allSteps();
QString stepKey(StepId step); // "identify", "compute-node", ...: JSON and journal
std::optional<StepId> stepFromKey(QStringView key);
QString stepTitle(StepId step); // translated

enum class StepState {
    Pending,
    Running,
    WaitingForPerson, // a question or a plan review is open
    Done,
    Reused, // already done by an earlier run: nothing was changed
    Skipped, // not wanted (plan-only, no extra packages)
    Blocked, // a check refused to go on (a CPU plan when a GPU was asked for)
    Failed,
    Cancelled,
};
QString stateKey(StepState state);
StepState stateFromKey(QStringView key);

enum class Recipe {
    Guide, // the cluster guide's `pytorch torchvision cudatoolkit -c conda-forge -c pytorch`
    Modern, // conda-forge `pytorch` with a `cuda-version` matching the node's driver
};

// What the person chose; every default follows the guide.
struct SetupOptions {
    QString envName = QStringLiteral("cola");
    QString pythonVersion; // "3.11"; empty: conda decides
    Recipe recipe = Recipe::Guide;
    QStringList torchSpecs; // empty: the recipe's; the person's edits otherwise
    QStringList extraPackages
        = {QStringLiteral("matplotlib"), QStringLiteral("pillow"), QStringLiteral("numpy")};
    QString partition; // empty: the default partition (steps 2 and 6)
    int gpus = 1; // the GPUs step 6 asks for; 0: no GPU wanted (CPU builds allowed)
    bool planOnly = false; // show the plans, change nothing
};

// One command a step ran: what, where, how it ended, how long, and what it printed (the end of it).
struct CommandEvidence {
    QString command;
    QString where; // "login", "job"
    QString runId; // detached runs: the run's id
    int exitCode = -1;
    QString error; // the transport's error, when it did not end normally
    QString startedAt; // ISO 8601, UTC
    qint64 elapsedMs = -1;
    QString output; // stdout and stderr, at most the last 64 KiB
};

// One check over the evidence.
struct CheckResult {
    QString id; // stable, e.g. "conda.found", "plan.cuda-build", "verify.device-count"
    bool passed = false;
    QString message; // translated
};

// Everything one step did and found.
struct StepRecord {
    StepId step = StepId::Identify;
    StepState state = StepState::Pending;
    QList<CommandEvidence> commands;
    QJsonObject facts; // what the step learned (node name, conda base, the plan, the probe ...)
    QList<CheckResult> checks;
    cluster::Diagnoses diagnoses;
};

// The whole setup as data: the report (a later issue) renders it; the journal stores it.
struct SetupEvidence {
    QString host;
    SetupOptions options;
    QList<StepRecord> steps; // one per StepId, in order

    StepRecord &step(StepId id);
    const StepRecord &step(StepId id) const;
    QString fact(StepId id, const QString &key) const; // a string fact, or empty
};

SetupEvidence freshEvidence(const QString &host, const SetupOptions &options);

QJsonObject toJson(const SetupOptions &options);
SetupOptions optionsFromJson(const QJsonObject &object);
QJsonObject toJson(const CommandEvidence &command);
QJsonObject toJson(const CheckResult &check);
QJsonObject toJson(const cluster::Diagnosis &diagnosis);
QJsonObject toJson(const StepRecord &step);
QJsonObject toJson(const SetupEvidence &evidence);
SetupEvidence evidenceFromJson(const QJsonObject &object);

} // namespace onramp::setup::guided
