#include "setup/guided/setupchecks.h"

#include "core/shellquote.h"
#include "setup/guided/guidedtr.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QVersionNumber>

namespace onramp::setup::guided {

namespace {

const QLatin1String kIdentifyMarker("@@onramp-identify@@");
const QLatin1String kQuotaMarker("@@onramp-quota@@");

QString bytesText(qint64 bytes)
{
    if (bytes < 0)
        return GuidedTr::tr("unknown");
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString specName(const QString &spec)
{
    QString name = spec.section(QLatin1String("::"), -1);
    static const QRegularExpression end(QStringLiteral("[=<>!\\[ ].*$"));
    return name.remove(end).toLower();
}

QString changeKey(cluster::CondaChange change)
{
    switch (change) {
    case cluster::CondaChange::Install:
        return QStringLiteral("install");
    case cluster::CondaChange::Update:
        return QStringLiteral("update");
    case cluster::CondaChange::Downgrade:
        return QStringLiteral("downgrade");
    case cluster::CondaChange::Supersede:
        return QStringLiteral("supersede");
    case cluster::CondaChange::Reinstall:
        return QStringLiteral("reinstall");
    case cluster::CondaChange::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

QString changeLabel(cluster::CondaChange change)
{
    switch (change) {
    case cluster::CondaChange::Install:
        return GuidedTr::tr("new");
    case cluster::CondaChange::Update:
        return GuidedTr::tr("update");
    case cluster::CondaChange::Downgrade:
        return GuidedTr::tr("downgrade");
    case cluster::CondaChange::Supersede:
        return GuidedTr::tr("other channel");
    case cluster::CondaChange::Reinstall:
        return GuidedTr::tr("reinstall");
    case cluster::CondaChange::Remove:
        return GuidedTr::tr("remove");
    }
    return {};
}

QString torchDescription(const cluster::TorchBuild &torch)
{
    using Variant = cluster::TorchBuild::Variant;
    switch (torch.variant) {
    case Variant::Absent:
        return GuidedTr::tr("not in the plan");
    case Variant::Cpu:
        return GuidedTr::tr("%1, CPU only (%2)").arg(torch.version, torch.build);
    case Variant::Cuda:
        return torch.cudaVersion.isEmpty()
            ? GuidedTr::tr("%1, CUDA build (%2)").arg(torch.version, torch.build)
            : GuidedTr::tr("%1, CUDA %2 (%3)").arg(torch.version, torch.cudaVersion, torch.build);
    case Variant::Unknown:
        return GuidedTr::tr("%1, build not recognised (%2)").arg(torch.version, torch.build);
    }
    return {};
}

QStringList planChannels(const cluster::CondaPlan &plan)
{
    QStringList channels;
    for (const cluster::CondaPackage &p : plan.linked()) {
        if (!p.channel.isEmpty() && !channels.contains(p.channel))
            channels << p.channel;
    }
    return channels;
}

int majorOf(const QString &version)
{
    return QVersionNumber::fromString(version).majorVersion();
}

} // namespace

// --- step 1 -------------------------------------------------------------------------------------------

QString identifyScript()
{
    return QStringLiteral(R"SH(printf '%s\n' '@@onramp-identify@@'
printf 'login_node=%s\n' "$(hostname 2>/dev/null)"
c=$(command -v conda 2>/dev/null)
case "$c" in /*) ;; *) c= ;; esac
if [ -z "$c" ] && [ -n "$CONDA_EXE" ] && [ -x "$CONDA_EXE" ]; then c=$CONDA_EXE; fi
for p in "$HOME/miniconda3/bin/conda" "$HOME/anaconda3/bin/conda" "$HOME/miniforge3/bin/conda" /opt/conda/bin/conda /opt/anaconda3/bin/conda; do
  if [ -z "$c" ] && [ -x "$p" ]; then c=$p; fi
done
printf 'conda=%s\n' "$c"
printf 'sinfo=%s\n' "$(command -v sinfo 2>/dev/null)"
printf 'srun=%s\n' "$(command -v srun 2>/dev/null)"
printf 'quota=%s\n' "$(command -v quota 2>/dev/null)"
printf 'home=%s\n' "$HOME"
printf 'default_partition=%s\n' "$(sinfo -h -o %P 2>/dev/null | sed -n 's/\*$//p' | head -n 1)"
)SH");
}

Result<LoginFacts> parseIdentifyOutput(QStringView output)
{
    const qsizetype marker = output.indexOf(kIdentifyMarker);
    if (marker < 0) {
        return Error {ErrorKind::UnexpectedOutput,
                      GuidedTr::tr("The login node did not answer Onramp's first question as expected."),
                      output.left(2000).toString()};
    }
    LoginFacts facts;
    facts.shellNoise = output.left(marker).toString().trimmed();
    const QStringList lines = output.mid(marker + kIdentifyMarker.size()).toString().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1).trimmed();
        if (key == QLatin1String("login_node"))
            facts.loginNode = value;
        else if (key == QLatin1String("conda"))
            facts.conda = value;
        else if (key == QLatin1String("sinfo"))
            facts.sinfo = value;
        else if (key == QLatin1String("srun"))
            facts.srun = value;
        else if (key == QLatin1String("quota"))
            facts.quota = value;
        else if (key == QLatin1String("home"))
            facts.home = value;
        else if (key == QLatin1String("default_partition"))
            facts.defaultPartition = value;
    }
    return facts;
}

QString spaceScript(const QStringList &paths, bool withQuota)
{
    QStringList quoted;
    for (const QString &path : paths)
        quoted << shellQuote(path);
    QString script
        = QStringLiteral(
              "for d in %1; do p=$d; while [ ! -e \"$p\" ] && [ \"$p\" != / ]; do p=$(dirname \"$p\"); "
              "done; printf '%s\\t%s\\n' \"$d\" \"$(df -P -k \"$p\" 2>/dev/null | tail -n 1)\"; done\n")
              .arg(quoted.join(QLatin1Char(' ')));
    if (withQuota)
        script += QStringLiteral("printf '%s\\n' '%1'; quota -s 2>&1\n").arg(kQuotaMarker);
    return script + QStringLiteral("true\n");
}

qint64 SpaceReport::leastAvailable(const QStringList &paths) const
{
    qint64 least = -1;
    for (const SpaceEntry &entry : entries) {
        if (!paths.isEmpty() && !paths.contains(entry.path))
            continue;
        if (entry.availableBytes >= 0 && (least < 0 || entry.availableBytes < least))
            least = entry.availableBytes;
    }
    return least;
}

SpaceReport parseSpaceReport(QStringView output)
{
    SpaceReport report;
    QStringView rest = output;
    const qsizetype quota = output.indexOf(kQuotaMarker);
    if (quota >= 0) {
        report.quota = output.mid(quota + kQuotaMarker.size()).toString().trimmed();
        rest = output.left(quota);
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (const QString &line : rest.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab <= 0)
            continue;
        SpaceEntry entry;
        entry.path = line.left(tab);
        const QStringList f = line.mid(tab + 1).split(spaces, Qt::SkipEmptyParts);
        if (f.size() >= 6) {
            entry.filesystem = f.at(0);
            bool ok = false;
            const qint64 kib = f.at(3).toLongLong(&ok);
            entry.availableBytes = ok ? kib * 1024 : -1;
            entry.capacity = f.at(4);
            entry.mountedOn = f.mid(5).join(QLatin1Char(' '));
        }
        report.entries << entry;
    }
    return report;
}

// --- step 3 -------------------------------------------------------------------------------------------

EnvState envStateFrom(const QList<cluster::CondaEnvironment> &envs, const QString &name,
                      const QList<cluster::CondaPackage> &packages)
{
    EnvState state;
    for (const cluster::CondaEnvironment &env : envs) {
        if (env.name == name && !env.base) {
            state.exists = true;
            state.prefix = env.prefix;
        }
    }
    if (!state.exists)
        return state;
    state.torch = cluster::detectTorchBuild(packages);
    for (const cluster::CondaPackage &p : packages)
        state.packageNames << p.name.toLower();
    return state;
}

bool torchAlreadyInstalled(const EnvState &env, int gpusWanted)
{
    if (!env.exists)
        return false;
    using Variant = cluster::TorchBuild::Variant;
    if (gpusWanted > 0)
        return env.torch.variant == Variant::Cuda;
    return env.torch.variant != Variant::Absent;
}

QStringList missingPackages(const EnvState &env, const QStringList &wanted)
{
    QStringList missing;
    for (const QString &spec : wanted) {
        if (!env.packageNames.contains(specName(spec)))
            missing << spec;
    }
    return missing;
}

// --- step 4 -------------------------------------------------------------------------------------------

BashrcFinding analyseBashrc(QStringView text)
{
    BashrcFinding finding;
    const QStringList lines = text.toString().split(QLatin1Char('\n'));
    int guardLine = -1;
    int blockStart = -1;
    int blockEnd = -1;
    static const QRegularExpression guard(
        QStringLiteral(R"((\$-|\$\{-\}|\bPS1\b).*\breturn\b|\*\)\s*return)"));
    static const QRegularExpression prints(
        QStringLiteral(R"(^\s*(echo|printf|cat|figlet|fortune|conda\s+activate)\b)"));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().startsWith(QLatin1Char('#'))) {
            if (line.contains(QLatin1String(">>> conda initialize >>>")))
                blockStart = i;
            else if (line.contains(QLatin1String("<<< conda initialize <<<")))
                blockEnd = i;
            continue;
        }
        if (guardLine < 0 && guard.match(line).hasMatch())
            guardLine = i;
        const bool inBlock = blockStart >= 0 && (blockEnd < 0 || i < blockEnd) && i > blockStart;
        if (!inBlock && (guardLine < 0 || i < guardLine) && prints.match(line).hasMatch())
            finding.printingLines << line.trimmed();
    }
    finding.hasInteractiveGuard = guardLine >= 0;
    if (blockStart >= 0) {
        finding.hasCondaInit = true;
        const int end = blockEnd >= 0 ? blockEnd : int(lines.size()) - 1;
        finding.block = lines.mid(blockStart, end - blockStart + 1).join(QLatin1Char('\n'));
        finding.runsInNonInteractiveShells = guardLine < 0 || blockStart < guardLine;
    }
    return finding;
}

cluster::Diagnoses explainBashrc(const BashrcFinding &finding, const QString &shellNoise)
{
    cluster::Diagnoses out;
    if (!shellNoise.isEmpty() || !finding.printingLines.isEmpty()) {
        QString evidence = shellNoise;
        if (!finding.printingLines.isEmpty())
            evidence += (evidence.isEmpty() ? QString() : QStringLiteral("\n"))
                + finding.printingLines.join(QLatin1Char('\n'));
        out << cluster::Diagnosis {
            QStringLiteral("setup.bashrc.prints"),
            GuidedTr::tr("Your ~/.bashrc prints text even in shells nobody types into, such as the ones "
                         "scp, sftp, rsync and Onramp use; that text can break file copies."),
            GuidedTr::tr("Move the lines that print below the line in ~/.bashrc that returns early for "
                         "non-interactive shells (case $- in *i*) ;; *) return;; esac)."),
            evidence};
    }
    if (finding.hasCondaInit && finding.runsInNonInteractiveShells) {
        out << cluster::Diagnosis {
            QStringLiteral("setup.bashrc.conda-init-everywhere"),
            GuidedTr::tr("The conda initialize block in ~/.bashrc runs before the check for interactive "
                         "shells, so every non-interactive shell starts conda too (slower, and an error "
                         "there breaks scp and sftp)."),
            GuidedTr::tr("Onramp does not need it: it sources conda's conda.sh itself. Move the block below "
                         "the interactive check, or keep it if your terminal sessions rely on it."),
            finding.block};
    }
    return out;
}

// --- step 5 -------------------------------------------------------------------------------------------

InstallRequestSpecs torchRecipe(const SetupOptions &options, const QString &driverCuda)
{
    InstallRequestSpecs request;
    if (options.recipe == Recipe::Guide) {
        request.specs
            = {QStringLiteral("pytorch"), QStringLiteral("torchvision"), QStringLiteral("cudatoolkit")};
        request.channels = {QStringLiteral("conda-forge"), QStringLiteral("pytorch")};
    } else {
        request.specs = {QStringLiteral("pytorch")};
        const int major = majorOf(driverCuda);
        if (options.gpus > 0 && major > 0)
            request.specs << QStringLiteral("cuda-version=%1").arg(major);
        request.channels = {QStringLiteral("conda-forge")};
        request.overrideChannels = true;
    }
    if (!options.torchSpecs.isEmpty())
        request.specs = options.torchSpecs;
    if (!options.pythonVersion.isEmpty())
        request.specs.prepend(QStringLiteral("python=%1").arg(options.pythonVersion));
    return request;
}

PlanVerdict reviewPlan(const cluster::CondaPlan &plan, int gpusWanted, qint64 freeBytes,
                       const QString &driverCuda, const QString &solvedWithCuda)
{
    using Variant = cluster::TorchBuild::Variant;
    PlanVerdict verdict;
    const cluster::TorchBuild &torch = plan.torch;
    if (plan.nothingToDo) {
        verdict.checks << CheckResult {QStringLiteral("plan.nothing-to-do"), true,
                                       GuidedTr::tr("Everything asked for is already installed.")};
        return verdict;
    }
    if (gpusWanted > 0 && torch.variant != Variant::Absent) {
        const bool cuda = torch.variant == Variant::Cuda;
        verdict.checks << CheckResult {QStringLiteral("plan.cuda-build"), cuda,
                                       GuidedTr::tr("PyTorch in the plan: %1.").arg(torchDescription(torch))};
        if (!cuda) {
            verdict.blocked = true;
            const QString why = solvedWithCuda.isEmpty()
                ? GuidedTr::tr("conda solved on a machine where it saw no NVIDIA driver (the login node, or "
                               "a job without a GPU), so it left out every CUDA build. Setting "
                               "CONDA_OVERRIDE_CUDA to the GPU node's driver CUDA (%1) lets conda plan the "
                               "CUDA build there; Onramp does that when it knows the driver.")
                      .arg(driverCuda.isEmpty() ? GuidedTr::tr("see nvidia-smi on a GPU node") : driverCuda)
                : GuidedTr::tr("conda chose the CPU build even though it was told the driver supports CUDA "
                               "%1 (CONDA_OVERRIDE_CUDA=%1): the channels offer no CUDA build that fits the "
                               "other packages, or a pin (cpuonly, an old Python) rules it out.")
                      .arg(solvedWithCuda);
            verdict.diagnoses << cluster::Diagnosis {
                QStringLiteral("setup.plan.cpu-build"),
                GuidedTr::tr("conda planned a CPU-only PyTorch (%1), but you asked for %n GPU(s); it "
                             "would install and then never use the GPU.",
                             nullptr, gpusWanted)
                    .arg(torch.build),
                why + QLatin1Char(' ')
                    + GuidedTr::tr("Try the other recipe, or ask for a CUDA build explicitly "
                                   "(e.g. pytorch=*=*cuda*), then review the plan again."),
                torch.evidence};
        }
        if (cuda && !driverCuda.isEmpty() && !torch.cudaVersion.isEmpty()) {
            const bool fits = majorOf(torch.cudaVersion) <= majorOf(driverCuda);
            verdict.checks << CheckResult {
                QStringLiteral("plan.cuda-driver"), fits,
                GuidedTr::tr("The build needs CUDA %1; the GPU node's driver supports CUDA %2.")
                    .arg(torch.cudaVersion, driverCuda)};
            if (!fits) {
                verdict.blocked = true;
                verdict.diagnoses << cluster::Diagnosis {
                    QStringLiteral("setup.plan.cuda-too-new"),
                    GuidedTr::tr("The planned PyTorch is built for CUDA %1, newer than the driver on the GPU "
                                 "nodes supports (CUDA %2).")
                        .arg(torch.cudaVersion, driverCuda),
                    GuidedTr::tr("Pin an older CUDA: add cuda-version=%1 (conda-forge) or pytorch-cuda=%1.x "
                                 "(pytorch channel).")
                        .arg(majorOf(driverCuda)),
                    torch.evidence};
            }
        }
    } else if (torch.variant != Variant::Absent) {
        verdict.checks << CheckResult {QStringLiteral("plan.torch"), true,
                                       GuidedTr::tr("PyTorch in the plan: %1.").arg(torchDescription(torch))};
    }
    if (plan.downloadBytes >= 0 && freeBytes >= 0) {
        const bool roomy = plan.downloadBytes * 2 <= freeBytes;
        verdict.checks << CheckResult {QStringLiteral("plan.space"), roomy,
                                       GuidedTr::tr("Download %1; free space where conda writes: %2.")
                                           .arg(bytesText(plan.downloadBytes), bytesText(freeBytes))};
        if (plan.downloadBytes > freeBytes) {
            verdict.blocked = true;
            verdict.diagnoses << cluster::Diagnosis {
                QStringLiteral("setup.plan.no-space"),
                GuidedTr::tr("The download (%1) does not fit in the free space (%2).")
                    .arg(bytesText(plan.downloadBytes), bytesText(freeBytes)),
                GuidedTr::tr("Clean conda's package cache (conda clean --all), or point pkgs_dirs and "
                             "envs_dirs to a roomier place (conda config --add pkgs_dirs DIR)."),
                {}};
        }
    }
    return verdict;
}

QString planTable(const cluster::CondaPlan &plan, qint64 freeBytes)
{
    QString out;
    const auto row = [&out](const QString &label, const QString &value) {
        out += QStringLiteral("  %1  %2\n").arg(label.leftJustified(14), value);
    };
    row(GuidedTr::tr("Environment"), plan.prefix);
    row(GuidedTr::tr("Python"),
        plan.pythonVersion.isEmpty() ? GuidedTr::tr("unchanged") : plan.pythonVersion);
    row(GuidedTr::tr("PyTorch"), torchDescription(plan.torch));
    row(GuidedTr::tr("Channels"), planChannels(plan).join(QStringLiteral(", ")));
    row(GuidedTr::tr("Download"),
        GuidedTr::tr("%1 (free: %2)").arg(bytesText(plan.downloadBytes), bytesText(freeBytes)));
    out += QLatin1Char('\n');
    for (const cluster::CondaPlanEntry &e : plan.entries) {
        out += QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(changeLabel(e.change).leftJustified(10), e.package.name.leftJustified(24),
                        e.package.version.leftJustified(12), e.package.build.leftJustified(30),
                        e.package.channel);
    }
    return out;
}

QJsonObject planJson(const cluster::CondaPlan &plan)
{
    QJsonArray entries;
    for (const cluster::CondaPlanEntry &e : plan.entries) {
        entries.append(QJsonObject {{QStringLiteral("change"), changeKey(e.change)},
                                    {QStringLiteral("name"), e.package.name},
                                    {QStringLiteral("version"), e.package.version},
                                    {QStringLiteral("build"), e.package.build},
                                    {QStringLiteral("channel"), e.package.channel},
                                    {QStringLiteral("size"), double(e.package.size)}});
    }
    using Variant = cluster::TorchBuild::Variant;
    const cluster::TorchBuild &t = plan.torch;
    const QString variant = t.variant == Variant::Cuda ? QStringLiteral("cuda")
        : t.variant == Variant::Cpu                    ? QStringLiteral("cpu")
        : t.variant == Variant::Absent                 ? QStringLiteral("absent")
                                                       : QStringLiteral("unknown");
    return {{QStringLiteral("prefix"), plan.prefix},
            {QStringLiteral("python"), plan.pythonVersion},
            {QStringLiteral("torch"),
             QJsonObject {{QStringLiteral("variant"), variant},
                          {QStringLiteral("cuda"), t.cudaVersion},
                          {QStringLiteral("version"), t.version},
                          {QStringLiteral("build"), t.build},
                          {QStringLiteral("channel"), t.channel},
                          {QStringLiteral("cuda_runtime"), t.cudaRuntimePackage}}},
            {QStringLiteral("channels"), QJsonArray::fromStringList(planChannels(plan))},
            {QStringLiteral("download_bytes"), double(plan.downloadBytes)},
            {QStringLiteral("nothing_to_do"), plan.nothingToDo},
            {QStringLiteral("entries"), entries}};
}

// --- step 6 -------------------------------------------------------------------------------------------

QString verifyScript(const QString &probeCommand)
{
    return QStringLiteral(
               "echo '@@onramp:hostname@@'; hostname; echo '@@onramp:nvidia-smi@@'; nvidia-smi 2>&1; "
               "echo '@@onramp:probe@@'; %1 2>&1")
        .arg(probeCommand);
}

QMap<QString, QString> splitVerifyOutput(QStringView output)
{
    QMap<QString, QString> parts;
    static const QRegularExpression marker(QStringLiteral("^@@onramp:([a-z-]+)@@\\r?$"),
                                           QRegularExpression::MultilineOption);
    QRegularExpressionMatchIterator it = marker.globalMatch(output);
    QString name;
    qsizetype from = -1;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (from >= 0)
            parts.insert(name, output.mid(from, m.capturedStart() - from).toString().trimmed());
        name = m.captured(1);
        from = m.capturedEnd() + 1;
    }
    if (from >= 0)
        parts.insert(name, from <= output.size() ? output.mid(from).toString().trimmed() : QString());
    return parts;
}

VerifyVerdict verifyProbe(const cluster::TorchProbeResult &probe, int gpusRequested, const QString &node)
{
    VerifyVerdict verdict;
    verdict.checks << CheckResult {QStringLiteral("verify.torch-imported"), probe.torchImported,
                                   probe.torchImported
                                       ? GuidedTr::tr("PyTorch %1 imports.").arg(probe.torchVersion)
                                       : GuidedTr::tr("PyTorch does not import: %1").arg(probe.importError)};
    if (probe.torchImported) {
        verdict.checks << CheckResult {QStringLiteral("verify.cuda-build"), probe.isCudaBuild(),
                                       probe.isCudaBuild()
                                           ? GuidedTr::tr("It is a CUDA %1 build.").arg(probe.torchCuda)
                                           : GuidedTr::tr("It is a CPU-only build.")};
        const bool available = probe.cudaAvailable.value_or(false);
        verdict.checks << CheckResult {QStringLiteral("verify.cuda-available"), available,
                                       available ? GuidedTr::tr("torch.cuda.is_available() is True.")
                                                 : GuidedTr::tr("torch.cuda.is_available() is False.")};
        const int count = probe.deviceCount.value_or(0);
        verdict.checks << CheckResult {
            QStringLiteral("verify.device-count"), count == gpusRequested,
            GuidedTr::tr("torch.cuda.device_count() is %1; %2 requested.").arg(count).arg(gpusRequested)};
        verdict.passed = available && count == gpusRequested;
    }
    cluster::GpuCheckContext context;
    context.place = cluster::GpuCheckContext::Place::Job;
    context.gpusRequested = gpusRequested;
    context.node = node;
    if (!verdict.passed)
        verdict.diagnoses = cluster::diagnoseTorchProbe(probe, context);
    return verdict;
}

} // namespace onramp::setup::guided
