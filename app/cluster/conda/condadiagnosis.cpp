#include "cluster/conda/condadiagnosis.h"

#include "cluster/conda/condaoutput.h"
#include "cluster/conda/condatr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

namespace {

using Lines = QStringList;

const QRegularExpression &errorLineRe()
{
    // conda's exception lines: "PackagesNotFoundError: ...", "UnavailableInvalidChannel: ...",
    // "InvalidMatchSpec: ...", "EnvironmentLocationNotFound: ..."
    static const QRegularExpression re(QStringLiteral(
        R"(^([A-Z][A-Za-z]*(?:Error|Exception|NotFound|Exit|Channel|Spec|Conflict)):(?: (.*))?$)"));
    return re;
}

struct Scan {
    Lines lines; // the output as a terminal shows it, plus the text of a --json error document
    QSet<QString> handled; // exception names a recogniser explained
    Diagnoses out;
    QSet<QString> codes;

    void add(Diagnosis d)
    {
        if (codes.contains(d.code))
            return;
        codes.insert(d.code);
        out << d;
    }
};

// The error block that starts at line `i`: up to the next exception line, conda's "To search for
// alternate channels" advice, or the end; trimmed.
QString blockAt(const Lines &lines, qsizetype i)
{
    QStringList block;
    for (qsizetype j = i; j < lines.size(); ++j) {
        if (j > i
            && (errorLineRe().match(lines[j]).hasMatch() || lines[j].startsWith(u"To search for alternate")
                || lines[j].startsWith(u"Traceback (most recent call last)")))
            break;
        block << lines[j];
    }
    return block.join(u'\n').trimmed();
}

// Index of the first line matching `re` (from `from`), or -1.
qsizetype findLine(const Lines &lines, const QRegularExpression &re, qsizetype from = 0)
{
    for (qsizetype i = from; i < lines.size(); ++i) {
        if (re.match(lines[i]).hasMatch())
            return i;
    }
    return -1;
}

qsizetype findLine(const Lines &lines, QStringView needle, qsizetype from = 0)
{
    for (qsizetype i = from; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i;
    }
    return -1;
}

// "  - item" lines after line `i` (blank lines before the first are skipped), until another line.
QStringList listAfter(const Lines &lines, qsizetype i)
{
    QStringList items;
    for (qsizetype j = i + 1; j < lines.size(); ++j) {
        const QString t = lines[j].trimmed();
        if (t.isEmpty()) {
            if (items.isEmpty())
                continue;
            break;
        }
        if (!t.startsWith(u"- "))
            break;
        items << t.mid(2).trimmed();
    }
    return items;
}

QString joinList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

// ---------------------------------------------------------------------------------------------
// __cuda

struct CudaNeed {
    QString constraint; // ">=12.1"
    QString version; // "12.1"
};

CudaNeed cudaNeed(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(__cuda(?:\[version='([^']*)'\]|\s*((?:>=|>|==|=)\s*[\d.*]+)))"));
    CudaNeed need;
    if (const auto m = re.match(text); m.hasMatch()) {
        need.constraint = (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).remove(u' ');
        static const QRegularExpression number(QStringLiteral(R"(\d+(?:\.\d+)?)"));
        need.version = number.match(need.constraint).captured(0);
    }
    return need;
}

// installed: nullopt = unknown, "" = none, else the version conda saw
void addCudaDiagnosis(Scan &scan, const CondaDiagnosisContext &ctx, const CudaNeed &need,
                      std::optional<QString> installed, const QString &evidence)
{
    if (!installed)
        installed = ctx.detectedCuda;
    const QString v = need.version;
    Diagnosis d;
    d.evidence = evidence;
    if (installed && !installed->isEmpty()) {
        d.code = QStringLiteral("conda.cuda.too-old");
        d.summary = v.isEmpty()
            ? CondaTr::tr("The CUDA build needs a newer NVIDIA driver than this machine has "
                          "(its driver supports CUDA %1).")
                  .arg(*installed)
            : CondaTr::tr("The CUDA build needs a driver for CUDA %1, but this machine's driver "
                          "supports only CUDA %2.")
                  .arg(v, *installed);
        d.suggestion
            = CondaTr::tr("Choose a build for CUDA %1 or older (for example pytorch-cuda=%1 or an older "
                          "cudatoolkit), or run on a node with a newer driver.")
                  .arg(*installed);
    } else if (installed) {
        d.code = QStringLiteral("conda.cuda.missing");
        d.summary = v.isEmpty()
            ? CondaTr::tr("The CUDA build needs an NVIDIA driver, but conda sees no GPU driver "
                          "on this machine.")
            : CondaTr::tr("The CUDA build needs an NVIDIA driver for CUDA %1 (__cuda), but conda "
                          "sees no GPU driver on this machine.")
                  .arg(v);
        if (ctx.place == CondaDiagnosisContext::Place::GpuJob)
            d.suggestion
                = CondaTr::tr("This job should see a GPU: check that it was started with --gres=gpu:1 and "
                              "that nvidia-smi works in it. If it does, CONDA_OVERRIDE_CUDA=%1 lets conda "
                              "plan the CUDA build.")
                      .arg(v.isEmpty() ? QStringLiteral("12.2") : v);
        else
            d.suggestion
                = CondaTr::tr("A login node has no GPU, so conda cannot see a driver there. Run the "
                              "command with CONDA_OVERRIDE_CUDA=%1 (the CUDA version the GPU nodes' driver "
                              "supports) so that conda plans the CUDA build anyway, or run it on a GPU "
                              "node (srun --gres=gpu:1).")
                      .arg(v.isEmpty() ? QStringLiteral("12.2") : v);
    } else {
        d.code = QStringLiteral("conda.cuda.unavailable");
        d.summary = v.isEmpty()
            ? CondaTr::tr("The CUDA build needs an NVIDIA driver, and conda sees none on this "
                          "machine, or only an older one.")
            : CondaTr::tr("The CUDA build needs an NVIDIA driver for CUDA %1 (__cuda), and conda "
                          "sees none on this machine, or only an older one.")
                  .arg(v);
        d.suggestion
            = CondaTr::tr("On a login node without GPU, run the command with CONDA_OVERRIDE_CUDA=%1 (the "
                          "CUDA version the GPU nodes' driver supports), or run it on a GPU node (srun "
                          "--gres=gpu:1). If that driver is older, choose an older CUDA build (for example "
                          "pytorch-cuda=11.8).")
                  .arg(v.isEmpty() ? QStringLiteral("12.2") : v);
    }
    scan.add(d);
}

// "Your installed version is: 11.8" / "not available"
std::optional<QString> installedFromText(const QString &block)
{
    static const QRegularExpression re(QStringLiteral(R"(Your installed version is: (\S.*))"));
    const auto m = re.match(block);
    if (!m.hasMatch())
        return std::nullopt;
    const QString v = m.captured(1).trimmed();
    if (v == u"not available")
        return QString();
    return v;
}

// ---------------------------------------------------------------------------------------------
// recognisers

void packagesNotFound(Scan &scan, const CondaDiagnosisContext &ctx)
{
    static const QRegularExpression re(QStringLiteral(R"(^PackagesNotFoundError: )"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    scan.handled.insert(QStringLiteral("PackagesNotFoundError"));
    const QString evidence = blockAt(scan.lines, i);
    const QStringList missing = listAfter(scan.lines, i);
    const qsizetype c = findLine(scan.lines, u"Current channels:", i);
    const QStringList channels = c >= 0 ? listAfter(scan.lines, c) : QStringList();

    QStringList ordinary;
    for (const QString &spec : missing) {
        if (spec.startsWith(u"__cuda"))
            addCudaDiagnosis(scan, ctx, cudaNeed(spec), std::nullopt, evidence);
        else
            ordinary << spec;
    }
    if (!ordinary.isEmpty() || missing.isEmpty()) {
        Diagnosis d;
        d.code = QStringLiteral("conda.PackagesNotFoundError");
        d.evidence = evidence;
        if (scan.lines[i].contains(u"missing from the target environment")) {
            d.summary = CondaTr::tr("These packages are not installed in the environment: %1.")
                            .arg(joinList(ordinary));
            d.suggestion
                = CondaTr::tr("Check the names with “conda list -n ENV”; only installed packages can be "
                              "removed.");
        } else {
            d.summary = channels.isEmpty()
                ? CondaTr::tr("conda cannot find these packages in its channels: %1.").arg(joinList(ordinary))
                : CondaTr::tr("conda cannot find these packages: %1. It searched these channels: %2.")
                      .arg(joinList(ordinary), joinList(channels));
            d.suggestion
                = CondaTr::tr("Check the spelling and the version. If the package comes from another "
                              "channel, add that channel with -c (for PyTorch: -c pytorch -c nvidia, or -c "
                              "conda-forge); “conda search NAME -c CHANNEL” shows which versions exist.");
        }
        scan.add(d);
    }
}

void unsatisfiable(Scan &scan, const CondaDiagnosisContext &ctx)
{
    static const QRegularExpression re(QStringLiteral(R"(^UnsatisfiableError: )"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    scan.handled.insert(QStringLiteral("UnsatisfiableError"));
    const QString evidence = blockAt(scan.lines, i);
    if (scan.lines[i].contains(u"incompatible with your system")) {
        const QStringList reqs = listAfter(scan.lines, i);
        bool cuda = false;
        for (const QString &r : reqs) {
            if (r.contains(u"__cuda")) {
                addCudaDiagnosis(scan, ctx, cudaNeed(r), installedFromText(evidence), evidence);
                cuda = true;
            }
        }
        if (cuda)
            return;
        Diagnosis d;
        d.code = QStringLiteral("conda.UnsatisfiableError");
        d.summary = CondaTr::tr("The packages need something this machine does not provide: %1.")
                        .arg(joinList(reqs));
        d.suggestion
            = CondaTr::tr("Choose versions built for this system, or run conda on a node that has what "
                          "they need.");
        d.evidence = evidence;
        scan.add(d);
        return;
    }
    // "Package libfoo conflicts for:" groups (conda 4.7 and later), or a plain list (4.5)
    static const QRegularExpression group(QStringLiteral(R"(^Package (\S+) conflicts for:$)"));
    QStringList conflicting;
    for (qsizetype j = i; j < scan.lines.size(); ++j) {
        if (const auto m = group.match(scan.lines[j]); m.hasMatch())
            conflicting << m.captured(1);
    }
    Diagnosis d;
    d.code = QStringLiteral("conda.UnsatisfiableError");
    d.evidence = evidence;
    if (conflicting.isEmpty()) {
        const QStringList specs = listAfter(scan.lines, i);
        d.summary
            = CondaTr::tr("The requested packages cannot be installed together: %1.").arg(joinList(specs));
    } else {
        d.summary
            = CondaTr::tr("The requested packages cannot be installed together: they need different versions "
                          "of %1.")
                  .arg(joinList(conflicting));
    }
    if (conflicting.contains(QStringLiteral("python")))
        d.suggestion
            = CondaTr::tr("Pick a Python version that all the packages support (or leave out the python= "
                          "pin and let conda choose), or put the package that needs another Python in a "
                          "separate environment.");
    else
        d.suggestion
            = CondaTr::tr("Loosen or remove a version pin, take the packages from one channel (for "
                          "example only conda-forge), or install the conflicting package in a separate "
                          "environment.");
    scan.add(d);
    if (conflicting.contains(QStringLiteral("__cuda")))
        addCudaDiagnosis(scan, ctx, cudaNeed(evidence), std::nullopt, evidence);
}

void libmamba(Scan &scan, const CondaDiagnosisContext &ctx)
{
    qsizetype i = findLine(scan.lines, u"Encountered problems while solving");
    const qsizetype tree = findLine(scan.lines, u"Could not solve for environment specs");
    if (i < 0)
        i = tree;
    if (i < 0)
        return;
    scan.handled.insert(QStringLiteral("LibMambaUnsatisfiableError"));
    // the block: from the problems (or the tree) to the end of the box-drawing tree
    QStringList block;
    for (qsizetype j = i; j < scan.lines.size(); ++j) {
        const QString &l = scan.lines[j];
        if (j > i && l.trimmed().isEmpty() && j + 1 < scan.lines.size()
            && scan.lines[j + 1].trimmed().isEmpty())
            break;
        if (j > i && errorLineRe().match(l).hasMatch())
            break;
        block << l;
    }
    QString evidence = block.join(u'\n').trimmed();
    if (i > 0 && scan.lines[i - 1].contains(u"LibMambaUnsatisfiableError")) // keep conda's own first line
        evidence = scan.lines[i - 1].trimmed() + u'\n' + evidence;
    else if (scan.lines[i].startsWith(u"LibMambaUnsatisfiableError"))
        evidence = blockAt(scan.lines, i) + u'\n' + evidence.section(u'\n', 1);

    QStringList problems;
    for (const QString &l : std::as_const(block)) {
        const QString t = l.trimmed();
        if (t.startsWith(u"- "))
            problems << t.mid(2);
    }
    QString first = problems.isEmpty() ? QString() : problems.first();
    if (first.isEmpty()) {
        for (const QString &l : std::as_const(block)) {
            if (l.contains(u"is not installable") || l.contains(u"conflicts with")) {
                static const QRegularExpression boxes(QStringLiteral("^[\\s\u2500-\u257f]+"));
                first = QString(l).remove(boxes).trimmed();
                break;
            }
        }
    }
    // __cuda: "has constraint __cuda >=11.0 conflicting with __cuda-10.2-0", "__cuda >=12 is missing"
    static const QRegularExpression cudaInstalled(QStringLiteral(R"(conflicting with __cuda-([\d.]+))"));
    if (evidence.contains(u"__cuda")) {
        std::optional<QString> installed;
        if (const auto m = cudaInstalled.match(evidence); m.hasMatch())
            installed = m.captured(1);
        else if (evidence.contains(u"is missing on the system")
                 || evidence.contains(u"nothing provides __cuda"))
            installed = QString(); // libmamba: no __cuda at all
        addCudaDiagnosis(scan, ctx, cudaNeed(evidence), installed, evidence);
    }
    Diagnosis d;
    d.code = QStringLiteral("conda.LibMambaUnsatisfiableError");
    d.evidence = evidence;
    d.summary = first.isEmpty()
        ? CondaTr::tr("The solver found no set of packages that fits together.")
        : CondaTr::tr("The solver found no set of packages that fits together: %1.")
              .arg(first.endsWith(u'.') || first.endsWith(u';') ? first.chopped(1) : first);
    // several pytorch-cuda versions in the tree: the PyTorch packages ask for different CUDA versions
    static const QRegularExpression pytorchCuda(QStringLiteral(R"(pytorch-cuda\s*(?:==)?\s*(\d+\.\d+))"));
    QSet<QString> cudaVersions;
    for (auto it = pytorchCuda.globalMatch(evidence); it.hasNext();)
        cudaVersions.insert(it.next().captured(1));
    if (cudaVersions.size() > 1) {
        QStringList versions(cudaVersions.begin(), cudaVersions.end());
        versions.sort();
        d.suggestion
            = CondaTr::tr("The PyTorch packages ask for different CUDA versions (pytorch-cuda %1). Request "
                          "one pytorch-cuda version that pytorch, torchvision and torchaudio all support, "
                          "or leave out their version pins so that conda picks matching builds.")
                  .arg(versions.join(QStringLiteral(", ")));
    } else {
        d.suggestion
            = CondaTr::tr("Loosen or remove a version pin, take the packages from fewer channels, or "
                          "install the package that does not fit in a separate environment.");
    }
    scan.add(d);
}

void http(Scan &scan)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^CondaHTTPError: HTTP (\d{3}) ?([^<]*?)\s*for url <([^>]*)>)"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0) {
        static const QRegularExpression proxy(QStringLiteral(R"(^(ProxyError|CondaSSLError): )"));
        if (const qsizetype p = findLine(scan.lines, proxy); p >= 0) {
            scan.handled.insert(proxy.match(scan.lines[p]).captured(1));
            Diagnosis d;
            d.code = QStringLiteral("conda.CondaHTTPError");
            d.summary = CondaTr::tr(
                "conda cannot reach its channels: the connection through the network's proxy or "
                "its TLS check failed.");
            d.suggestion
                = CondaTr::tr("Check the proxy settings (proxy_servers in .condarc, https_proxy) and the "
                              "certificate settings (ssl_verify) with the cluster's staff.");
            d.evidence = blockAt(scan.lines, p);
            scan.add(d);
        }
        return;
    }
    scan.handled.insert(QStringLiteral("CondaHTTPError"));
    const auto m = re.match(scan.lines[i]);
    const QString status = m.captured(1);
    const QString reason = m.captured(2).trimmed();
    const QString url = m.captured(3);
    Diagnosis d;
    d.code = QStringLiteral("conda.CondaHTTPError");
    d.evidence = blockAt(scan.lines, i);
    if (status == u"000") {
        d.summary = CondaTr::tr("conda could not connect to %1 (%2).").arg(url, reason);
        d.suggestion
            = CondaTr::tr("This machine cannot reach the channel's server. Compute nodes often have no "
                          "internet access: run conda on the login node, or ask the cluster's staff for a "
                          "proxy or a mirror of the channels. If it works again later, the network was "
                          "briefly down.");
    } else if (status == u"401" || status == u"403") {
        d.summary = CondaTr::tr("The server refused access to %1 (HTTP %2 %3).").arg(url, status, reason);
        d.suggestion
            = CondaTr::tr("Check the channel's name and any access token in .condarc; some channels need a "
                          "licence or a login.");
    } else if (status == u"404") {
        d.summary = CondaTr::tr("The address %1 does not exist (HTTP 404).").arg(url);
        d.suggestion = CondaTr::tr("Check the channel's name or address for typing errors.");
    } else {
        d.summary = CondaTr::tr("Downloading %1 failed (HTTP %2 %3).").arg(url, status, reason);
        d.suggestion = CondaTr::tr("The server had a problem. Try again in a few minutes.");
    }
    scan.add(d);
}

void invalidChannel(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(R"(^UnavailableInvalidChannel: )"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    scan.handled.insert(QStringLiteral("UnavailableInvalidChannel"));
    const QString evidence = blockAt(scan.lines, i);
    static const QRegularExpression old(QStringLiteral(R"(HTTP (\d{3}) (.*?) for channel (\S+) <([^>]*)>)"));
    static const QRegularExpression name(QStringLiteral(R"(channel name: (\S+))"));
    QString channel;
    if (const auto m = old.match(evidence); m.hasMatch())
        channel = m.captured(3) + QStringLiteral(" <") + m.captured(4) + u'>';
    else if (const auto n = name.match(evidence); n.hasMatch())
        channel = n.captured(1);
    Diagnosis d;
    d.code = QStringLiteral("conda.UnavailableInvalidChannel");
    d.evidence = evidence;
    d.summary = channel.isEmpty()
        ? CondaTr::tr("A channel does not exist or cannot be read.")
        : CondaTr::tr("The channel %1 does not exist or cannot be read.").arg(channel);
    d.suggestion
        = CondaTr::tr("Check the channel's spelling (conda-forge, pytorch, nvidia) or its address. A local "
                      "channel must contain noarch/repodata.json.");
    scan.add(d);
}

void disk(Scan &scan)
{
    // most telling line first: Python's "[Errno N]", conda's "errno: N", the bare strerror text
    static const QRegularExpression full[]
        = {QRegularExpression(QStringLiteral(R"(\[Errno 28\])")),
           QRegularExpression(QStringLiteral(R"(errno: 28\b)")),
           QRegularExpression(QStringLiteral(R"(No space left on device)"))};
    static const QRegularExpression quota[] = {QRegularExpression(QStringLiteral(R"(\[Errno 122\])")),
                                               QRegularExpression(QStringLiteral(R"(errno: 122\b)")),
                                               QRegularExpression(QStringLiteral(R"(Disk quota exceeded)"))};
    auto first = [&](const QRegularExpression(&res)[3]) -> qsizetype {
        for (const QRegularExpression &re : res) {
            if (const qsizetype i = findLine(scan.lines, re); i >= 0)
                return i;
        }
        return -1;
    };
    static const QRegularExpression path(QStringLiteral(
        R"((?:Failed to write to (\S+)|No space left on device: '([^']+)'|Disk quota exceeded: '([^']+)'))"));
    auto where = [&](qsizetype from) -> QString {
        for (qsizetype j = qMax<qsizetype>(0, from - 2); j < scan.lines.size(); ++j) {
            if (const auto m = path.match(scan.lines[j]); m.hasMatch())
                return m.captured(1) + m.captured(2) + m.captured(3);
        }
        return QString();
    };
    auto evidenceAt = [&](qsizetype j) {
        // conda's error line and the errno line below it
        QString e = scan.lines[j].trimmed();
        if (j > 0 && (scan.lines[j - 1].contains(u"Failed to write") || scan.lines[j - 1].contains(u"Error")))
            e = scan.lines[j - 1].trimmed() + u'\n' + e;
        return e;
    };
    if (const qsizetype q = first(quota); q >= 0) {
        const QString file = where(q);
        Diagnosis d;
        d.code = QStringLiteral("conda.disk.quota");
        d.summary = file.isEmpty()
            ? CondaTr::tr("Your disk quota is used up: conda could not write its files.")
            : CondaTr::tr("Your disk quota is used up: conda could not write %1.").arg(file);
        d.suggestion
            = CondaTr::tr("Check your quota (quota -s, or the cluster's own command), remove cached "
                          "downloads with “conda clean --all”, and keep environments and the package cache "
                          "where you have more quota (conda config --add envs_dirs DIR and --add pkgs_dirs "
                          "DIR, for example in a project or scratch space).");
        d.evidence = evidenceAt(q);
        scan.add(d);
        scan.handled.insert(QStringLiteral("CondaError"));
        scan.handled.insert(QStringLiteral("CondaMultiError"));
    }
    if (const qsizetype f = first(full); f >= 0) {
        const QString file = where(f);
        Diagnosis d;
        d.code = QStringLiteral("conda.disk.full");
        d.summary = file.isEmpty() ? CondaTr::tr("The disk is full: conda could not write its files.")
                                   : CondaTr::tr("The disk is full: conda could not write %1.").arg(file);
        d.suggestion
            = CondaTr::tr("Free space: “conda clean --all” removes cached downloads. If the file system is "
                          "small (often the home directory), put the package cache and environments on a "
                          "larger one (conda config --add pkgs_dirs DIR and --add envs_dirs DIR).");
        d.evidence = evidenceAt(f);
        scan.add(d);
        scan.handled.insert(QStringLiteral("CondaError"));
        scan.handled.insert(QStringLiteral("CondaMultiError"));
    }
}

void envExists(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(
        R"((?:A conda environment already exists at '([^']+)'|prefix already exists: (\S+)|Cannot `create --dry-run` with an existing conda environment))"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    const auto m = re.match(scan.lines[i]);
    const QString prefix = m.captured(1) + m.captured(2);
    scan.handled.insert(QStringLiteral("CondaValueError"));
    scan.handled.insert(QStringLiteral("CondaSystemExit"));
    Diagnosis d;
    d.code = QStringLiteral("conda.env.exists");
    d.summary = prefix.isEmpty() ? CondaTr::tr("An environment with this name already exists.")
                                 : CondaTr::tr("An environment already exists at %1.").arg(prefix);
    d.suggestion
        = CondaTr::tr("Install into it instead (conda install -n NAME ...), choose another name, or remove "
                      "it first (conda env remove -n NAME) to start over.");
    d.evidence = scan.lines[i].trimmed();
    scan.add(d);
}

void envNotFound(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(EnvironmentLocationNotFound: Not a conda environment: (.*)|EnvironmentNameNotFound: Could not find conda environment: (.*))$)"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    const auto m = re.match(scan.lines[i]);
    scan.handled.insert(QStringLiteral("EnvironmentLocationNotFound"));
    scan.handled.insert(QStringLiteral("EnvironmentNameNotFound"));
    Diagnosis d;
    d.code = QStringLiteral("conda.env.not-found");
    d.summary = CondaTr::tr("There is no conda environment %1.")
                    .arg(QString(m.captured(2) + m.captured(3)).trimmed());
    d.suggestion = CondaTr::tr("Check the name with “conda env list”, or create the environment first.");
    d.evidence = blockAt(scan.lines, i);
    scan.add(d);
}

void invalidSpec(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(InvalidMatchSpec|InvalidVersionSpec|InvalidSpec|InvalidVersionSpecError|InvalidSpecError): (.*)$)"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    const auto m = re.match(scan.lines[i]);
    scan.handled.insert(m.captured(1));
    static const QRegularExpression detail(
        QStringLiteral(R"(Invalid (?:version|spec)(?: spec)?:? '?([^':]*)'?(?::\s*(.*))?)"));
    const auto dm = detail.match(m.captured(2));
    const QString spec = dm.hasMatch() ? dm.captured(1).trimmed() : m.captured(2);
    const QString reason = dm.hasMatch() ? dm.captured(2).trimmed() : QString();
    Diagnosis d;
    d.code = QStringLiteral("conda.spec.invalid");
    d.summary = reason.isEmpty()
        ? CondaTr::tr("conda does not understand the package spec “%1”.").arg(spec)
        : CondaTr::tr("conda does not understand the package spec “%1” (%2).").arg(spec, reason);
    d.suggestion = CondaTr::tr("Write package specs as name, name=1.2, name>=1.2,<2 or channel::name.");
    d.evidence = blockAt(scan.lines, i);
    scan.add(d);
}

void activateWithoutInit(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(
        R"((invalid choice: '(?:de)?activate'|Run 'conda init' before 'conda (?:de)?activate'|Your shell has not been properly configured to use 'conda (?:de)?activate'))"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    scan.handled.insert(QStringLiteral("CondaError"));
    scan.handled.insert(QStringLiteral("CommandNotFoundError"));
    Diagnosis d;
    d.code = QStringLiteral("conda.activate.no-init");
    d.summary
        = CondaTr::tr("“conda activate” does not work in this shell: conda's shell functions are not loaded "
                      "(conda init has not set up this shell).");
    d.suggestion
        = CondaTr::tr("Load them first with “. BASE/etc/profile.d/conda.sh” (BASE is conda's base "
                      "environment; Onramp does this for its own commands), or run programs with “conda "
                      "run -n ENV ...”. “conda init bash” sets up your interactive shells for good.");
    QString evidence = scan.lines[i].trimmed();
    if (i > 0 && scan.lines[i - 1].startsWith(u"usage: conda"))
        evidence = scan.lines[i - 1] + u'\n' + evidence;
    d.evidence = evidence;
    scan.add(d);
}

void runFailed(Scan &scan)
{
    static const QRegularExpression re(QStringLiteral(
        R"(ERROR conda\.cli\.main_run:execute\(\d+\): `conda run (.*)` failed\. \(See above for error\))"));
    const qsizetype i = findLine(scan.lines, re);
    if (i < 0)
        return;
    const QString command = re.match(scan.lines[i]).captured(1);
    static const QRegularExpression notFound(QStringLiteral(R"((?:^|: )([^\s:]+): command not found$)"));
    for (qsizetype j = 0; j < i; ++j) {
        if (const auto m = notFound.match(scan.lines[j]); m.hasMatch()) {
            Diagnosis d;
            d.code = QStringLiteral("conda.run.command-not-found");
            d.summary = CondaTr::tr("“%1” is not installed in this environment (command not found).")
                            .arg(m.captured(1));
            d.suggestion
                = CondaTr::tr("Install the package that provides it into the environment (conda install -n "
                              "ENV PACKAGE), or check the spelling.");
            d.evidence = scan.lines[j].trimmed() + u'\n' + scan.lines[i].trimmed();
            scan.add(d);
            return;
        }
    }
    Diagnosis d;
    d.code = QStringLiteral("conda.run.failed");
    d.summary = CondaTr::tr("The command “%1” failed inside the environment.").arg(command);
    d.suggestion
        = CondaTr::tr("Its own error messages come just before conda's line; they tell what went wrong.");
    d.evidence = scan.lines[i].trimmed();
    scan.add(d);
}

void fallback(Scan &scan)
{
    const qsizetype traceback = findLine(scan.lines, u"Traceback (most recent call last)");
    for (qsizetype i = 0; i < scan.lines.size(); ++i) {
        if (traceback >= 0 && i > traceback)
            break; // what follows a traceback is Python's, not conda's message
        const auto m = errorLineRe().match(scan.lines[i]);
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1);
        if (scan.handled.contains(name) || name == u"DryRunExit" || name == u"CondaSystemExit")
            continue;
        scan.handled.insert(name);
        Diagnosis d;
        d.code = QStringLiteral("conda.") + name;
        const QString message = m.captured(2).trimmed();
        d.summary = message.isEmpty()
            ? CondaTr::tr("conda stopped with an error (%1).").arg(name)
            : CondaTr::tr("conda stopped with an error (%1): %2").arg(name, message);
        d.suggestion
            = CondaTr::tr("Read conda's message below. If it does not tell what to do, send it to the "
                          "cluster's helpdesk.");
        d.evidence = blockAt(scan.lines, i);
        scan.add(d);
    }
    if (traceback >= 0 && scan.out.isEmpty()) {
        QString last;
        for (qsizetype j = traceback + 1; j < scan.lines.size(); ++j) {
            if (errorLineRe().match(scan.lines[j]).hasMatch()
                || scan.lines[j].contains(QStringLiteral("Error: ")))
                last = scan.lines[j].trimmed();
        }
        Diagnosis d;
        d.code = QStringLiteral("conda.crash");
        d.summary = last.isEmpty() ? CondaTr::tr("conda crashed with an internal error.")
                                   : CondaTr::tr("conda crashed with an internal error: %1").arg(last);
        d.suggestion
            = CondaTr::tr("Run the same command again without --json to see conda's own message; if it "
                          "crashes again, send the output to the cluster's helpdesk.");
        d.evidence = blockAt(scan.lines, traceback);
        scan.add(d);
    }
}

// The text of a --json error document: "error" (same words as the text output), the errors of a
// CondaMultiError, and caused_by.
// *textEnd: where the JSON document starts (the text before it is read as text).
QString jsonErrorText(QStringView output, qsizetype *textEnd)
{
    *textEnd = output.size();
    qsizetype begin = output.lastIndexOf(QChar(0)) + 1; // after the last progress record
    while (begin < output.size() && output[begin].isSpace())
        ++begin;
    if (begin >= output.size())
        return {};
    if (output[begin] != u'{') {
        const qsizetype brace = output.indexOf(u"\n{", begin); // stderr text, then the document
        if (brace < 0)
            return {};
        begin = brace + 1;
    }
    const QJsonObject o = QJsonDocument::fromJson(output.mid(begin).toUtf8()).object();
    if (!o.contains(u"exception_name") && !o.contains(u"error"))
        return {};
    *textEnd = begin;
    QStringList parts;
    parts << o.value(u"error").toString();
    const QJsonArray errors = o.value(u"errors").toArray();
    for (const QJsonValue &e : errors)
        parts << e.toObject().value(u"error").toString();
    const QString causedBy = o.value(u"caused_by").toString();
    if (!causedBy.isEmpty() && causedBy != u"None" && causedBy != u"True")
        parts << causedBy;
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace

Diagnoses diagnoseCondaOutput(QStringView output, const CondaDiagnosisContext &context)
{
    Scan scan;
    qsizetype textEnd = output.size();
    const QString json = jsonErrorText(output, &textEnd);
    scan.lines = condaoutput::renderLines(output.left(textEnd));
    if (!json.isEmpty()) {
        scan.lines << QString();
        scan.lines << json.split(u'\n');
    }
    // a --json run's NUL records and a pseudo-terminal's CRs are gone; strip what renderLines kept
    for (QString &l : scan.lines) {
        while (!l.isEmpty() && l.back().isSpace())
            l.chop(1);
    }

    envExists(scan);
    activateWithoutInit(scan);
    invalidSpec(scan);
    envNotFound(scan);
    disk(scan);
    http(scan);
    invalidChannel(scan);
    packagesNotFound(scan, context);
    unsatisfiable(scan, context);
    libmamba(scan, context);
    runFailed(scan);
    fallback(scan);

    // most specific first: the __cuda explanations lead, then the order above
    std::stable_sort(scan.out.begin(), scan.out.end(), [](const Diagnosis &a, const Diagnosis &b) {
        return a.code.startsWith(u"conda.cuda.") && !b.code.startsWith(u"conda.cuda.");
    });
    return scan.out;
}

} // namespace cluster
} // namespace onramp
