#include "cluster/gpu/torchprobe.h"

#include "cluster/gpu/gpuparse_p.h"
#include "cluster/gpu/gputr.h"
#include "core/shellquote.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace onramp::cluster {

using namespace gpu_detail;

namespace {

const QString probeResource = QStringLiteral(":/onramp/cluster/gpu/torch_probe.py");

// A path for the remote shell: quoted, except that a leading "~/" stays outside the quotes so the
// remote shell expands it to the user's home.
// `rejected` is the translated sentence for a bad path, with %1 for the path.
Result<QString> pathWord(const QString &path, const QString &rejected)
{
    static const QRegularExpression control(QStringLiteral(R"([\x00-\x1f\x7f])"));
    if (path.isEmpty() || path.size() > 4096 || path.startsWith(QLatin1Char('-')) || path.contains(control)
        || path == QLatin1String("~"))
        return Error {ErrorKind::InvalidInput, rejected.arg(excerpt(path, 80)),
                      QStringLiteral("torch probe: rejected path %1").arg(excerpt(path))};
    if (path.startsWith(QLatin1String("~/")))
        return QString(QStringLiteral("~/") + shellQuote(QStringView(path).mid(2)));
    return shellQuote(path);
}

bool isValidEnvName(const QString &name)
{
    // conda refuses '/', ' ', ':', '#' and friends in names; Onramp accepts only the plain ones.
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.+\-]{0,127}$)"));
    return re.match(name).hasMatch();
}

std::optional<QString> optionalString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return std::nullopt;
}

QString stringOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

std::optional<int> intOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return v.toInt();
}

std::optional<bool> boolOf(const QJsonValue &v)
{
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

// Does a build compiled for `archs` run on a GPU of compute capability `capability` ("8.6")?
// sm_XY runs on X.Y and newer minors of the same major; compute_XY (PTX) is compiled for any >= X.Y.
bool archSupported(const QStringList &archs, const QString &capability)
{
    const QStringList parts = capability.split(QLatin1Char('.'));
    if (parts.size() != 2)
        return true;
    bool okMajor = false;
    bool okMinor = false;
    const int major = parts[0].toInt(&okMajor);
    const int minor = parts[1].toInt(&okMinor);
    if (!okMajor || !okMinor)
        return true;
    static const QRegularExpression re(QStringLiteral(R"(^(sm|compute)_(\d+)(\d)[a-z]?$)"));
    for (const QString &arch : archs) {
        const auto m = re.match(arch);
        if (!m.hasMatch())
            continue;
        const int aMajor = m.capturedView(2).toInt();
        const int aMinor = m.capturedView(3).toInt();
        if (m.capturedView(1) == u"sm" && aMajor == major && aMinor <= minor)
            return true;
        if (m.capturedView(1) == u"compute" && (aMajor < major || (aMajor == major && aMinor <= minor)))
            return true;
    }
    return false;
}

Diagnosis probeTimeout(const QString &evidence)
{
    return Diagnosis {
        QStringLiteral("torch.probe-timeout"),
        GpuTr::tr("The PyTorch check did not finish in time: starting CUDA hung."),
        GpuTr::tr("A hanging GPU start is usually a problem of the node: ask Slurm for another node, "
                  "and tell the cluster's admins if it happens again."),
        evidence};
}

} // namespace

QString torchProbeScript()
{
    QFile file(probeResource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Result<QString> torchProbeCommand(const TorchProbeRequest &request)
{
    const QString script = torchProbeScript();
    if (script.isEmpty())
        return Error {ErrorKind::Internal, GpuTr::tr("Onramp's PyTorch check is missing from this build."),
                      QStringLiteral("resource %1 not found").arg(probeResource)};
    if (request.deadlineSeconds < 0 || request.deadlineSeconds > 3600)
        return Error {ErrorKind::InvalidInput,
                      GpuTr::tr("The time limit of the PyTorch check must be between 0 and 3600 seconds."),
                      {}};
    const QString deadline = QString::number(request.deadlineSeconds);
    const QString outerTimeout = request.deadlineSeconds > 0
        ? shellJoin({QStringLiteral("timeout"), QStringLiteral("-k"), QStringLiteral("5"),
                     QString::number(request.deadlineSeconds + 15)})
            + QLatin1Char(' ')
        : QString();

    if (request.conda.isEmpty()) {
        const auto python
            = pathWord(request.python, GpuTr::tr("“%1” is not a usable path for the environment's Python."));
        if (!python)
            return python.error();
        return QString(outerTimeout + python.value() + QLatin1Char(' ')
                       + shellJoin({QStringLiteral("-c"), script, deadline}));
    }

    const auto conda = pathWord(request.conda, GpuTr::tr("“%1” is not a usable path for conda."));
    if (!conda)
        return conda.error();
    QStringList args {QStringLiteral("run")};
    if (!request.envName.isEmpty() == !request.envPrefix.isEmpty())
        return Error {ErrorKind::InvalidInput,
                      GpuTr::tr("Onramp needs either the name or the folder of the environment to check, not "
                                "both."),
                      {}};
    QString envWord;
    if (!request.envName.isEmpty()) {
        if (!isValidEnvName(request.envName))
            return Error {
                ErrorKind::InvalidInput,
                GpuTr::tr("“%1” is not a valid conda environment name.").arg(excerpt(request.envName, 80)),
                {}};
        envWord = QStringLiteral("-n ") + shellQuote(request.envName);
    } else {
        const auto prefix = pathWord(request.envPrefix,
                                     GpuTr::tr("“%1” is not a usable path for the environment's folder."));
        if (!prefix)
            return prefix.error();
        envWord = QStringLiteral("-p ") + prefix.value();
    }
    // conda run mangles arguments with newlines (conda/conda#11763): the script travels as one
    // base64 line without spaces or quotes that a shell or conda could touch.
    const QString loader = QStringLiteral("exec(__import__(\"base64\").b64decode(\"%1\").decode(\"utf-8\"))")
                               .arg(QString::fromLatin1(script.toUtf8().toBase64()));
    return QString(outerTimeout + conda.value() + QStringLiteral(" run ") + envWord + QLatin1Char(' ')
                   + shellJoin({QStringLiteral("python"), QStringLiteral("-c"), loader, deadline}));
}

Result<TorchProbeResult> parseTorchProbe(QStringView output)
{
    const QList<QStringView> lines = splitLines(output);
    // The JSON is the last line that is one; anything before it is the preamble.
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QStringView line = lines[i].trimmed();
        if (!line.startsWith(u'{') || !line.endsWith(u'}'))
            continue;
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || !doc.object().value(QLatin1String("onramp_probe")).isDouble())
            continue;
        const QJsonObject o = doc.object();
        TorchProbeResult r;
        r.probeVersion = o.value(QLatin1String("onramp_probe")).toInt();
        r.pythonVersion = stringOf(o.value(QLatin1String("python")));
        r.pythonExecutable = stringOf(o.value(QLatin1String("executable")));
        r.hostname = stringOf(o.value(QLatin1String("hostname")));
        r.cudaVisibleDevices = optionalString(o.value(QLatin1String("cuda_visible_devices")));
        r.importError = stringOf(o.value(QLatin1String("import_error")));
        r.torchImported = o.value(QLatin1String("torch")).isString();
        r.torchVersion = stringOf(o.value(QLatin1String("torch")));
        r.torchPath = stringOf(o.value(QLatin1String("torch_path")));
        r.torchCuda = stringOf(o.value(QLatin1String("torch_cuda")));
        r.torchHip = stringOf(o.value(QLatin1String("torch_hip")));
        r.cudnnVersion = intOf(o.value(QLatin1String("cudnn")));
        r.cudaAvailable = boolOf(o.value(QLatin1String("is_available")));
        r.deviceCount = intOf(o.value(QLatin1String("device_count")));
        for (const QJsonValue &dv : o.value(QLatin1String("devices")).toArray()) {
            const QJsonObject d = dv.toObject();
            TorchDevice device;
            device.index = d.value(QLatin1String("index")).toInt();
            device.name = stringOf(d.value(QLatin1String("name")));
            if (d.value(QLatin1String("total_memory")).isDouble())
                device.totalMemoryBytes = qint64(d.value(QLatin1String("total_memory")).toDouble());
            device.capability = stringOf(d.value(QLatin1String("capability")));
            device.error = stringOf(d.value(QLatin1String("error")));
            r.devices.append(device);
        }
        for (const QJsonValue &a : o.value(QLatin1String("arch_list")).toArray())
            r.archList.append(a.toString());
        r.cudaError = stringOf(o.value(QLatin1String("cuda_error")));
        r.tensorOk = boolOf(o.value(QLatin1String("tensor_ok")));
        for (const QJsonValue &wv : o.value(QLatin1String("warnings")).toArray()) {
            const QJsonObject w = wv.toObject();
            r.warnings.append(TorchWarning {stringOf(w.value(QLatin1String("category"))),
                                            stringOf(w.value(QLatin1String("message")))});
        }
        r.probeError = stringOf(o.value(QLatin1String("probe_error")));
        r.deadlineExceeded = o.contains(QLatin1String("deadline"));
        QStringList before;
        for (qsizetype j = 0; j < i; ++j)
            before.append(lines[j].toString());
        while (!before.isEmpty() && before.last().trimmed().isEmpty())
            before.removeLast();
        r.preamble = before.join(QLatin1Char('\n'));
        return r;
    }
    if (output.trimmed().isEmpty())
        return unexpectedOutput(GpuTr::tr("The PyTorch check printed nothing."),
                                QStringLiteral("torch probe: empty"));
    return unexpectedOutput(
        GpuTr::tr("The PyTorch check did not print its result; it may not have run in the "
                  "environment's Python."),
        QStringLiteral("torch probe: no JSON line; output ends: %1").arg(excerpt(output.right(300), 300)));
}

Diagnoses diagnoseTorchProbeFailure(QStringView output, int exitCode, const GpuCheckContext &context)
{
    Diagnoses out;
    if (exitCode == 124 || exitCode == 137)
        out.append(probeTimeout(QStringLiteral("exit code %1 (killed by timeout)").arg(exitCode)));
    out.append(diagnoseTorchOutput(output, context));
    return out;
}

Diagnoses diagnoseTorchProbe(const TorchProbeResult &r, const GpuCheckContext &context)
{
    Diagnoses out;
    auto has = [&out](const QString &code) {
        return std::any_of(out.cbegin(), out.cend(), [&code](const Diagnosis &d) { return d.code == code; });
    };

    if (r.deadlineExceeded)
        out.append(probeTimeout(r.probeError));
    else if (!r.probeError.isEmpty())
        out.append(Diagnosis {QStringLiteral("torch.probe-failed"),
                              GpuTr::tr("Onramp's PyTorch check failed with an unexpected error."),
                              GpuTr::tr("Please report this to the Onramp developers with the error text."),
                              r.probeError});

    if (!r.torchImported) {
        if (r.importError.isEmpty())
            return out;
        if (r.importError.contains(QLatin1String("No module named 'torch'"))
            || r.importError.contains(QLatin1String("No module named torch"))) {
            out.append(
                Diagnosis {QStringLiteral("torch.not-installed"),
                           GpuTr::tr("PyTorch is not installed in this environment (Python %1 at %2).")
                               .arg(r.pythonVersion, r.pythonExecutable),
                           GpuTr::tr("Install it in this environment (Onramp's install step does this), or "
                                     "check that the right environment is used."),
                           r.importError});
        } else {
            out.append(
                Diagnosis {QStringLiteral("torch.import-failed"),
                           GpuTr::tr("PyTorch is installed in this environment but cannot be imported."),
                           GpuTr::tr("The installation is probably broken or mixes pip and conda packages: "
                                     "reinstall PyTorch in this environment."),
                           r.importError});
        }
        return out;
    }

    if (r.isCpuBuild()) {
        Diagnoses cpu = diagnoseTorchOutput(u"Torch not compiled with CUDA enabled", context);
        if (!cpu.isEmpty()) {
            cpu.first().evidence = QStringLiteral("torch %1: torch.version.cuda is None").arg(r.torchVersion);
            out.append(cpu.first());
        }
        return out;
    }

    // The failures torch put into words: its warnings, then the exception of CUDA init / first use.
    QStringList texts;
    for (const TorchWarning &w : r.warnings)
        texts << w.message;
    texts << r.cudaError;
    for (const TorchDevice &d : r.devices)
        texts << d.error;
    const Diagnoses said = diagnoseTorchOutput(texts.join(QLatin1Char('\n')), context, r.torchCuda);
    for (const Diagnosis &d : said) {
        if (!has(d.code))
            out.append(d);
    }
    const bool driverTrouble = !said.isEmpty();

    if (r.cudaAvailable == false && !driverTrouble) {
        out.append(Diagnosis {
            QStringLiteral("torch.cuda-unavailable"),
            GpuTr::tr("This PyTorch was built for CUDA %1 but cannot use a GPU here.").arg(r.torchCuda),
            GpuTr::tr("Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...). If it "
                      "already does, the node's driver may be broken: tell the cluster's "
                      "admins."),
            r.cudaError});
    }

    if (context.gpusRequested >= 0 && r.deviceCount && *r.deviceCount != context.gpusRequested
        && (r.cudaAvailable == true || !driverTrouble)) {
        const QString visible = r.cudaVisibleDevices ? *r.cudaVisibleDevices : GpuTr::tr("not set");
        Diagnosis d;
        d.code = QStringLiteral("torch.device-count-mismatch");
        d.summary = GpuTr::tr("The job asked Slurm for %n GPU(s), but PyTorch sees %1.", nullptr,
                              context.gpusRequested)
                        .arg(*r.deviceCount);
        d.suggestion = *r.deviceCount < context.gpusRequested
            ? GpuTr::tr("Check CUDA_VISIBLE_DEVICES (now: %1): your script or .bashrc may change it. If it "
                        "is right, one of the job's GPUs is not working: tell the cluster's admins.")
                  .arg(visible)
            : GpuTr::tr("This node does not keep jobs to their own GPUs: use only the GPUs in "
                        "CUDA_VISIBLE_DEVICES (now: %1), other people's jobs may be running on the others.")
                  .arg(visible);
        d.evidence = QStringLiteral("torch.cuda.device_count() = %1, --gres=gpu:%2, CUDA_VISIBLE_DEVICES=%3")
                         .arg(*r.deviceCount)
                         .arg(context.gpusRequested)
                         .arg(r.cudaVisibleDevices ? *r.cudaVisibleDevices : QStringLiteral("(unset)"));
        out.append(d);
    }

    if (!r.archList.isEmpty() && !has(QStringLiteral("torch.arch-unsupported"))) {
        for (const TorchDevice &d : r.devices) {
            if (d.capability.isEmpty() || archSupported(r.archList, d.capability))
                continue;
            out.append(
                Diagnosis {QStringLiteral("torch.arch-unsupported"),
                           GpuTr::tr("This PyTorch build has no code for the %1 (compute capability %2).")
                               .arg(d.name, d.capability),
                           GpuTr::tr("Install a newer PyTorch build (one made for a newer CUDA); the "
                                     "installed one is older than this GPU."),
                           QStringLiteral("compute capability %1; torch.cuda.get_arch_list() = %2")
                               .arg(d.capability, r.archList.join(QLatin1Char(' ')))});
            break;
        }
    }

    if (r.tensorOk == false && !driverTrouble && !has(QStringLiteral("torch.arch-unsupported")))
        out.append(
            Diagnosis {QStringLiteral("torch.cuda-unusable"),
                       GpuTr::tr("PyTorch reports the GPU as available, but a first computation on it "
                                 "failed."),
                       GpuTr::tr("Read the error below. If it mentions memory or a busy device, another "
                                 "process may be using the GPU; otherwise tell the cluster's admins."),
                       r.cudaError});
    return out;
}

} // namespace onramp::cluster
