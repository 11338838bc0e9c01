#pragma once

#include "cluster/conda/condainfo.h"
#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace onramp::cluster {

// What a plan does to one package.
enum class CondaChange {
    Install, // NEW
    Update, // UPDATED: a higher version (or build number) from the same channel
    Downgrade, // DOWNGRADED
    Supersede, // SUPERSEDED by a higher-priority channel
    Reinstall, // the same record again
    Remove, // REMOVED
};

struct CondaPlanEntry {
    CondaChange change = CondaChange::Install;
    CondaPackage package; // what the environment will have (for Remove: what goes)
    CondaPackage previous; // Update, Downgrade, Supersede: what it replaces; otherwise empty

    bool operator==(const CondaPlanEntry &) const = default;
};

// Which PyTorch a plan (or an environment's package list) brings.
struct TorchBuild {
    enum class Variant {
        Absent, // no pytorch package
        Cpu,
        Cuda,
        Unknown, // a pytorch whose build string and companions say neither
    };
    Variant variant = Variant::Absent;
    QString cudaVersion; // CUDA builds: the CUDA it was built for ("11.8"), when known
    QString version; // pytorch's version
    QString build; // pytorch's build string
    QString channel;
    QString evidence; // what decided, e.g. "pytorch 2.1.2 cuda118_py312h8e7ea7a_300", "pytorch-cuda 12.1"
    // The CUDA runtime package that comes along (pytorch-cuda, cuda-version, cudatoolkit, cuda-runtime),
    // also for CPU builds: a cudatoolkit beside a CPU pytorch is the classic "asked for GPU, got CPU".
    QString cudaRuntimePackage;
    QString cudaRuntimeVersion; // major.minor

    bool operator==(const TorchBuild &) const = default;
};

// A create/install/remove plan, from `--dry-run --json` (conda 4.2, 4.3, 4.4-23.x and 25.x layouts)
// or from the text plan conda prints before `Proceed ([y]/n)?`. One model for both.
struct CondaPlan {
    QString prefix; // "environment location"
    bool dryRun = false; // the JSON said "dry_run": true
    bool nothingToDo = false; // "All requested packages already installed."
    QString message; // conda's message when there is nothing to do
    QStringList specs; // text plans: "added / updated specs" or "removed specs"
    QList<CondaPlanEntry> entries; // sorted by package name
    QList<CondaPackage> downloads; // what will be downloaded, with sizes
    qint64 downloadBytes = -1; // total download; -1: not known
    bool downloadBytesExact = false; // from byte counts (JSON), not conda's rounded "951.9 MB"
    QString pythonVersion; // of the python the plan installs or updates to; empty if python is untouched
    TorchBuild torch; // of the packages the environment will have after the plan

    // Every package the environment gets (all entries but Remove), and the ones that go.
    QList<CondaPackage> linked() const;
    QList<CondaPackage> removed() const;
    // The linked package of that name, or nullptr.
    const CondaPackage *find(QStringView name) const;
};

// `conda create/install/remove ... --json` (with or without --dry-run). The progress records of a
// real run that precede the JSON (NUL-separated) are skipped. An error document (exception_name)
// gives an Error whose detail carries conda's error; diagnoseCondaOutput() explains it.
// A plan action Onramp does not know (a new key under "actions" holding packages) is an error: a
// plan shown without it would hide what conda is about to do. Unknown keys elsewhere are ignored.
Result<CondaPlan> parsePlanJson(QStringView text);

// The text plan (`## Package Plan ##`, the download table, NEW / UPDATED / DOWNGRADED / SUPERSEDED /
// REMOVED / REINSTALLED sections; conda 4.x to 25.x, also from a pseudo-terminal with CR and
// spinners). Sizes in the table are conda's rounded ones. A section heading Onramp does not know is
// an error, for the same reason as an unknown JSON action.
Result<CondaPlan> parsePlanText(QStringView text);

// Either of the above: JSON when the last NUL-separated record starts with '{'.
Result<CondaPlan> parsePlan(QStringView text);

// CPU or CUDA (and which CUDA) from a pytorch build string: "py3.11_cuda11.8_cudnn8.7.0_0",
// "cuda118_py311h...", "cuda120_py312...", "gpu_cuda118py39...", "cuda112py38h..." (pytorch-gpu),
// "py310_cu121" (torchaudio), "cpu_py311...", "cpu_generic_py312...", "py3.11_cpu_0".
TorchBuild::Variant classifyTorchBuildString(QStringView build, QString *cudaVersion = nullptr);

// The PyTorch of a set of packages (a plan's linked packages, an environment's list): the pytorch
// (or pytorch-gpu / pytorch-cpu / pip's torch) build string first, then pytorch-cuda, cpuonly,
// pytorch-mutex, and the CUDA runtime packages.
TorchBuild detectTorchBuild(const QList<CondaPackage> &packages);

} // namespace onramp::cluster
