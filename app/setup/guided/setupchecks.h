#pragma once

#include "cluster/conda/condainfo.h"
#include "cluster/conda/condaplan.h"
#include "cluster/diagnosis.h"
#include "cluster/gpu/torchprobe.h"
#include "core/error.h"
#include "setup/guided/setupevidence.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace onramp::setup::guided {

// The guided setup's scripts and the pure checks over what they print. No I/O here: the engine
// runs the scripts, these functions read the output, and the unit tests feed them fixtures.

// --- step 1: who and where ------------------------------------------------------------------------

// Prints a marker line, then `key=value` lines: login_node, conda (the conda executable, found on
// PATH, through $CONDA_EXE or in the usual install folders, since a non-interactive shell often
// lacks it on PATH), sinfo, srun, quota, home, default_partition.
QString identifyScript();

struct LoginFacts {
    QString loginNode;
    QString conda; // empty: no conda found
    QString sinfo; // empty: no Slurm client
    QString srun;
    QString quota; // the quota program, when there is one
    QString home;
    QString defaultPartition;
    QString shellNoise; // what the login shell printed before the marker (.bashrc output)
};
Result<LoginFacts> parseIdentifyOutput(QStringView output);

// `df -P -k` of each path (its nearest existing parent) as "PATH<TAB>df line", then `quota -s` when
// there is a quota program.
QString spaceScript(const QStringList &paths, bool withQuota);

struct SpaceEntry {
    QString path; // the folder asked about
    QString filesystem;
    qint64 availableBytes = -1;
    QString capacity; // "20%"
    QString mountedOn;
};
struct SpaceReport {
    QList<SpaceEntry> entries;
    QString quota; // quota's own text, verbatim
    // The least free space of these folders (-1: unknown): what a download must fit into.
    qint64 leastAvailable(const QStringList &paths) const;
};
SpaceReport parseSpaceReport(QStringView output);

// --- step 3: the environment -------------------------------------------------------------------------

struct EnvState {
    bool exists = false;
    QString prefix;
    cluster::TorchBuild torch; // of the installed packages
    QStringList packageNames;
};
// The environment called `name` in `conda env list`, with its packages (`conda list`).
EnvState envStateFrom(const QList<cluster::CondaEnvironment> &envs, const QString &name,
                      const QList<cluster::CondaPackage> &packages = {});

// "Already done?": PyTorch is there in the build that was asked for (a CUDA build when GPUs are
// wanted, any build otherwise), so steps 3 and 5 have nothing to do.
bool torchAlreadyInstalled(const EnvState &env, int gpusWanted);
// The wanted packages the environment does not have yet (by name; "x=1.2" counts as "x").
QStringList missingPackages(const EnvState &env, const QStringList &wanted);

// --- step 4: activation ----------------------------------------------------------------------------

struct BashrcFinding {
    bool hasCondaInit = false; // a `# >>> conda initialize >>>` block
    // The block runs before .bashrc's "if not running interactively, return" guard, or there is no
    // guard: every non-interactive shell (scp, sftp, `ssh host cmd`, Onramp) runs it.
    bool runsInNonInteractiveShells = false;
    bool hasInteractiveGuard = false;
    QStringList printingLines; // lines outside any guard that print (echo, printf, cat, conda activate)
    QString block; // the conda init block, verbatim
};
BashrcFinding analyseBashrc(QStringView text);
// The explanation for the person; empty when nothing needs explaining.
cluster::Diagnoses explainBashrc(const BashrcFinding &finding, const QString &shellNoise);

// --- step 5: PyTorch --------------------------------------------------------------------------------

struct InstallRequestSpecs {
    QStringList specs;
    QStringList channels;
    bool overrideChannels = false;
};
// The recipe's specs and channels. The modern recipe pins `cuda-version` to the driver's CUDA major
// version (conda-forge then picks the newest CUDA build that driver runs); without a known driver
// CUDA it asks for none.
InstallRequestSpecs torchRecipe(const SetupOptions &options, const QString &driverCuda);

struct PlanVerdict {
    bool blocked = false;
    QList<CheckResult> checks;
    cluster::Diagnoses diagnoses; // why it is blocked, what to do
};
// The checks of a plan review: a CPU build of PyTorch when GPUs are wanted blocks (explained: solved
// on a node without GPU, CONDA_OVERRIDE_CUDA, the driver's CUDA); the download must fit in the free
// space; the CUDA the build needs must not be newer than the driver's.
PlanVerdict reviewPlan(const cluster::CondaPlan &plan, int gpusWanted, qint64 freeBytes,
                       const QString &driverCuda, const QString &solvedWithCuda);

// The plan as a table for a terminal: Python, the PyTorch build, channels, download against free space,
// then each package.
QString planTable(const cluster::CondaPlan &plan, qint64 freeBytes);
QJsonObject planJson(const cluster::CondaPlan &plan);

// --- step 6: verification ----------------------------------------------------------------------------

// The GPU job's script: markers between hostname, nvidia-smi and the probe.
QString verifyScript(const QString &probeCommand);
// The parts between the markers: "hostname", "nvidia-smi", "probe".
QMap<QString, QString> splitVerifyOutput(QStringView output);

struct VerifyVerdict {
    bool passed = false;
    QList<CheckResult> checks;
    cluster::Diagnoses diagnoses;
};
// Passes when CUDA is available and device_count() equals the GPUs requested.
VerifyVerdict verifyProbe(const cluster::TorchProbeResult &probe, int gpusRequested, const QString &node);

} // namespace onramp::setup::guided
