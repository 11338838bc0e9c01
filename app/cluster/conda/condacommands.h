#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::cluster {

// Builders for conda command lines. Every value is validated first, then quoted by
// onramp::shellQuote; each result is a complete POSIX shell command for Transport::exec.

// Which conda to run: "conda" (found through PATH) or the absolute path of a conda executable,
// e.g. "$BASE/bin/conda" from `conda info --json` (non-interactive SSH shells often lack conda on
// PATH because `conda init` writes to .bashrc after its "not interactive: return" line).
struct CondaTool {
    QString executable = QStringLiteral("conda");
};

// What an environment name is checked for.
enum class EnvNameUse {
    Existing, // refer to an environment (install, list, run, activate): "base" is fine
    Create, // create one: "base" and "root" are conda's own names and refused
};

// conda's rules for environment names (no '/', ' ', ':', '#', as conda 23-25 refuse) made stricter
// so that the name is also a safe path component and never looks like an option: ASCII letters,
// digits and "_.-+", first character a letter, digit or '_', at most 64 characters, not "." or "..".
Status validateEnvName(const QString &name, EnvNameUse use = EnvNameUse::Existing);

// An environment given as a name or as an absolute prefix path ("/scratch/me/envs/cola", for
// environments outside envs_dirs that `conda env list` shows without a name).
Status validateEnvTarget(const QString &nameOrPrefix, EnvNameUse use = EnvNameUse::Existing);

// A package spec in the forms Onramp passes to conda: `name`, `name=1.2`, `name=1.2.*`, `name==1.2`,
// `name>=1.2`, `name>=1.8,<2`, `name=1.2=build`, `channel::name...`, `channel/subdir::name...`
// (e.g. `python=3.8`, `pytorch-cuda=12.1`, `pytorch::pytorch=2.1.2=py3.11_cpu_0`). Whitespace,
// quotes, brackets and every other shell metacharacter are refused, as are operators conda would
// misread (`==>1`).
Status validatePackageSpec(const QString &spec);

// A channel: a name (`conda-forge`, `pytorch`, `pkgs/main`, `nvidia/label/cuda-12.1.0`) or an
// https:// or file:// URL without spaces, quotes or shell metacharacters.
Status validateChannel(const QString &channel);

// The CUDA version for CONDA_OVERRIDE_CUDA ("12.2", "11.8"), or "" to hide any GPU from conda.
Status validateCudaOverride(const QString &version);

// The conda program itself: "conda", "mamba" (a plain name) or an absolute path.
Status validateCondaTool(const CondaTool &tool);

// `conda info --json`
Result<QString> condaInfoCommand(const CondaTool &tool = {});

// `conda env list --json`
Result<QString> condaEnvListCommand(const CondaTool &tool = {});

// `conda list -n ENV --json` (or -p PREFIX)
Result<QString> condaListCommand(const QString &env, const CondaTool &tool = {});

// What a create, install or remove changes, and how conda is asked.
struct CondaPackageRequest {
    QString env; // name (-n) or absolute prefix (-p)
    QStringList specs; // package specs, in the person's order
    QStringList channels; // -c each, highest priority first
    bool overrideChannels = false; // --override-channels: only `channels`, not .condarc's
    bool dryRun = true; // true: `--dry-run` (the plan); false: the real run with `-y`
    bool json = true; // --json (plans, errors as JSON); the real run without it prints progress bars
    // CONDA_OVERRIDE_CUDA for this command: "12.2" lets a login node without GPU plan the CUDA
    // build; "" makes conda ignore the GPU. Unset: conda asks the driver.
    std::optional<QString> overrideCuda;
};

// `conda create -n ENV SPECS -c CH... [--override-channels] (--dry-run | -y) [--json]`.
// The name must not be "base"; no specs is allowed (an empty environment).
Result<QString> condaCreateCommand(const CondaPackageRequest &request, const CondaTool &tool = {});

// `conda install -n ENV SPECS ...`: at least one spec.
Result<QString> condaInstallCommand(const CondaPackageRequest &request, const CondaTool &tool = {});

// `conda remove -n ENV NAMES ...` (channels are ignored by conda for remove; they are refused here to
// keep the plan honest). With removeAll, `--all` and no specs: the whole environment goes.
Result<QString> condaRemoveCommand(const CondaPackageRequest &request, bool removeAll = false,
                                   const CondaTool &tool = {});

// `conda clean --all --yes`: empties the package cache (downloaded tarballs, extracted packages no
// environment links to, the index cache), the fix for a full or broken pkgs dir.
Result<QString> condaCleanCommand(const CondaTool &tool = {});

// `conda run -n ENV [--no-capture-output] PROGRAM ARGS...`. liveStream: the program's output arrives
// while it runs (`--no-capture-output`), instead of all at the end.
Result<QString> condaRunCommand(const QString &env, const QStringList &argv, bool liveStream = true,
                                const CondaTool &tool = {});

// Activation that works in a non-interactive shell (no .bashrc, no `conda init`):
// `. BASE/etc/profile.d/conda.sh && conda activate ENV`, then `&& ARGV...` when argv is given.
// basePrefix is conda's root_prefix (absolute path).
Result<QString> condaActivateCommand(const QString &basePrefix, const QString &env,
                                     const QStringList &argv = {},
                                     const std::optional<QString> &overrideCuda = std::nullopt);

} // namespace onramp::cluster
