#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace onramp::cluster {

// Parsers for what conda says about itself, its environments and their packages. Pure functions
// from conda's text to values: they never run anything, never crash, and report output they cannot
// read as an Error of kind UnexpectedOutput (translated message, technical detail).

// One package as conda lists or plans it.
struct CondaPackage {
    QString name;
    QString version;
    QString build; // build string, e.g. "py3.11_cuda11.8_cudnn8.7.0_0"
    int buildNumber = -1; // -1: not given
    QString channel; // "conda-forge", "pkgs/main", "pytorch", "pypi", or a URL for other channels
    QString subdir; // "linux-64", "noarch"; empty when not given
    qint64 size = -1; // bytes of the download; -1: not known

    bool operator==(const CondaPackage &) const = default;
};

// A virtual package conda detects on the machine, e.g. __cuda 12.2 (the driver's CUDA), __glibc 2.36.
struct CondaVirtualPackage {
    QString name;
    QString version;
    QString build;

    bool operator==(const CondaVirtualPackage &) const = default;
};

// `conda info --json` (conda 4.x to 25.x; missing keys stay empty).
struct CondaInfo {
    QString condaVersion; // "23.7.4"
    QString rootPrefix; // the base environment, e.g. "/home/me/miniconda3"
    QString activePrefix; // empty: no environment active
    QString activePrefixName;
    QString defaultPrefix;
    QString platform; // "linux-64"
    QString pythonVersion; // of conda's own Python, "3.11.2.final.0"
    QStringList channels; // channel URLs in priority order (with subdirs)
    QStringList pkgsDirs;
    QStringList envsDirs;
    QStringList envs; // environment prefixes when conda included them (info --envs, env list on 25.x)
    QList<CondaVirtualPackage> virtualPackages;

    // The __cuda version ("12.2"), or empty when conda sees no NVIDIA driver.
    QString cudaVersion() const;
    // A virtual package's version ("__glibc" -> "2.36"), or empty.
    QString virtualPackageVersion(QStringView name) const;
};

Result<CondaInfo> parseCondaInfoJson(QStringView text);

// One environment of `conda env list`.
struct CondaEnvironment {
    QString name; // empty for a prefix outside envs_dirs (shown without a name)
    QString prefix;
    bool active = false; // marked '*' (text) or the active_prefix (25.x JSON)
    bool base = false; // conda's root prefix

    bool operator==(const CondaEnvironment &) const = default;
};

// `conda env list --json`: `{"envs": [...]}` (4.x-23.x) or the whole `conda info --json` object with
// an `envs` key (25.x). Names are derived as conda derives them: the root prefix is "base", a prefix
// directly inside one of envsDirs (from the 25.x object, else the given ones, else ROOT/envs) is
// named after its folder, any other prefix has no name. rootPrefix and envsDirs come from
// `conda info --json` when Onramp has it; without them the root is the entry the others live under.
Result<QList<CondaEnvironment>> parseEnvListJson(QStringView text, const QStringList &envsDirs = {},
                                                 const QString &rootPrefix = {});

// `conda env list` / `conda info --envs` as text (23.x and 25.x tables, '*' active and '+' frozen
// markers, lines without a name). A line that is not a comment, an environment or empty is an error.
Result<QList<CondaEnvironment>> parseEnvListText(QStringView text);

// `conda list -n ENV --json`
Result<QList<CondaPackage>> parsePackageListJson(QStringView text);

// `conda list -n ENV` as text: "# Name Version Build Channel" table (the channel column is empty
// for defaults packages: they get "defaults"). An unknown column in the header is an error.
Result<QList<CondaPackage>> parsePackageListText(QStringView text);

} // namespace onramp::cluster
