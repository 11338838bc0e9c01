#include "cluster/gpu/gpudiagnosis.h"

#include "cluster/gpu/gpuparse_p.h"
#include "cluster/gpu/gputr.h"
#include "cluster/gpu/nvidiasmi.h"

#include <QRegularExpression>

#include <algorithm>

namespace onramp::cluster {

using namespace gpu_detail;

namespace {

using Place = GpuCheckContext::Place;

// The whole line of `text` around position `pos`, verbatim.
QString lineAt(QStringView text, qsizetype pos)
{
    qsizetype start = text.lastIndexOf(u'\n', pos);
    start = start < 0 ? 0 : start + 1;
    qsizetype end = text.indexOf(u'\n', pos);
    if (end < 0)
        end = text.size();
    QStringView line = text.mid(start, end - start);
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line.toString();
}

// "srun --exclude=NODE ...": the node to avoid, when known.
QString avoidNodeSuggestion(const GpuCheckContext &context)
{
    if (context.node.isEmpty())
        return GpuTr::tr("This is a problem of the node, not of your setup: ask Slurm for another node and "
                         "tell the cluster's admins.");
    return GpuTr::tr("This is a problem of node %1, not of your setup: ask Slurm for another node "
                     "(srun --exclude=%1 ...) and tell the cluster's admins.")
        .arg(context.node);
}

// "No driver here": what that means depends on where the check ran.
Diagnosis noDriver(const QString &code, const QString &evidence, const GpuCheckContext &context, bool torch)
{
    Diagnosis d;
    d.code = code;
    d.evidence = evidence;
    if (context.place == Place::LoginNode) {
        d.summary = torch
            ? GpuTr::tr("PyTorch found no NVIDIA driver because this ran on the login node, which "
                        "has no GPU.")
            : GpuTr::tr("nvidia-smi found no NVIDIA driver because this ran on the login node, "
                        "which has no GPU.");
        d.suggestion = GpuTr::tr("You are on the login node: GPUs are only visible inside a job with "
                                 "--gres=gpu:1. Run the check inside one, for example srun --gres=gpu:1 "
                                 "nvidia-smi.");
    } else if (context.place == Place::Job && context.gpusRequested == 0) {
        d.summary = torch ? GpuTr::tr("PyTorch found no NVIDIA driver because this job asked for no GPU.")
                          : GpuTr::tr("nvidia-smi found no NVIDIA driver because this job asked for no GPU.");
        d.suggestion = GpuTr::tr("A job only sees the GPUs it asks for: add --gres=gpu:1 (and the GPU "
                                 "partition, if the cluster has one) to srun or sbatch.");
    } else if (context.place == Place::Job) {
        d.summary = torch
            ? GpuTr::tr("PyTorch cannot reach the NVIDIA driver although this job has a GPU.")
            : GpuTr::tr("nvidia-smi cannot reach the NVIDIA driver although this job has a GPU.");
        d.suggestion = avoidNodeSuggestion(context);
    } else {
        d.summary = torch ? GpuTr::tr("PyTorch found no NVIDIA driver. This is normal on a login node.")
                          : GpuTr::tr("nvidia-smi found no NVIDIA driver. This is normal on a login node.");
        d.suggestion = GpuTr::tr("GPUs are only visible inside a job with --gres=gpu:1: run the check inside "
                                 "one, for example srun --gres=gpu:1 nvidia-smi. If it already ran in such a "
                                 "job, the node's driver is broken: tell the cluster's admins.");
    }
    return d;
}

Diagnosis mismatch(const QString &code, const QString &evidence, const GpuCheckContext &context)
{
    return Diagnosis {code,
                      GpuTr::tr("The NVIDIA driver on this node was updated, but the old version is still "
                                "loaded (driver/library version mismatch); no program can use its GPUs until "
                                "the node is rebooted."),
                      avoidNodeSuggestion(context), evidence};
}

Diagnosis noDevices(const QString &code, const QString &evidence, const GpuCheckContext &context, bool torch)
{
    Diagnosis d;
    d.code = code;
    d.evidence = evidence;
    d.summary = torch ? GpuTr::tr("PyTorch found the NVIDIA driver but no GPU it may use.")
                      : GpuTr::tr("The NVIDIA driver works, but no GPU is visible to this process.");
    if (context.place == Place::Job && context.gpusRequested > 0)
        d.suggestion
            = GpuTr::tr("The job has a GPU, so something hides it: check that your script or .bashrc "
                        "does not change CUDA_VISIBLE_DEVICES.");
    else
        d.suggestion
            = GpuTr::tr("Ask Slurm for a GPU with --gres=gpu:1, and check that your script or .bashrc "
                        "does not change CUDA_VISIBLE_DEVICES.");
    return d;
}

} // namespace

std::optional<Diagnosis> diagnoseNvidiaSmi(QStringView output, int exitCode, const GpuCheckContext &context)
{
    static const QRegularExpression mismatchRe(
        QStringLiteral(
            R"(^Failed to initialize NVML: Driver/library version mismatch.*$(\R^NVML library version: \S+)?)"),
        QRegularExpression::MultilineOption);
    if (const auto m = mismatchRe.match(output); m.hasMatch())
        return mismatch(QStringLiteral("nvidia-smi.driver-library-mismatch"), m.captured(0).trimmed(),
                        context);

    static const QRegularExpression noDriverRe(QStringLiteral(
        R"(NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver[^\n]*|NVIDIA-SMI couldn't find libnvidia-ml\.so library[^\n]*)"));
    if (const auto m = noDriverRe.match(output); m.hasMatch())
        return noDriver(QStringLiteral("nvidia-smi.no-driver"), m.captured(0).trimmed(), context, false);

    static const QRegularExpression lostRe(
        QStringLiteral(R"(^.*(?:GPU is lost|Unable to determine the device handle for GPU).*$)"),
        QRegularExpression::MultilineOption);
    if (const auto m = lostRe.match(output); m.hasMatch())
        return Diagnosis {
            QStringLiteral("nvidia-smi.gpu-lost"),
            GpuTr::tr("A GPU of this node has stopped responding (nvidia-smi cannot reach it)."),
            avoidNodeSuggestion(context), m.captured(0).trimmed()};

    static const QRegularExpression nvmlRe(QStringLiteral(R"(^Failed to initialize NVML: (.*)$)"),
                                           QRegularExpression::MultilineOption);
    if (const auto m = nvmlRe.match(output); m.hasMatch())
        return Diagnosis {QStringLiteral("nvidia-smi.nvml-init-failed"),
                          GpuTr::tr("nvidia-smi could not start NVML, the driver's management library: %1.")
                              .arg(m.captured(1).trimmed()),
                          GpuTr::tr("This is usually a problem of the node or of a container, not of your "
                                    "setup: try another node, and tell the cluster's admins if it persists."),
                          m.captured(0).trimmed()};

    static const QRegularExpression noDevicesRe(QStringLiteral(R"(^\s*No devices were found\s*$)"),
                                                QRegularExpression::MultilineOption);
    if (const auto m = noDevicesRe.match(output); m.hasMatch())
        return noDevices(QStringLiteral("nvidia-smi.no-devices"), m.captured(0).trimmed(), context, false);

    static const QRegularExpression notFoundRe(
        QStringLiteral(R"(^.*nvidia-smi: (?:command not found|not found|No such file or directory).*$)"),
        QRegularExpression::MultilineOption);
    const auto nf = notFoundRe.match(output);
    if (nf.hasMatch() || (exitCode == 127 && output.trimmed().isEmpty())) {
        Diagnosis d;
        d.code = QStringLiteral("nvidia-smi.not-found");
        d.evidence = nf.hasMatch() ? nf.captured(0).trimmed() : QStringLiteral("exit code 127");
        if (context.place == Place::Job) {
            d.summary = GpuTr::tr("nvidia-smi is not installed on this compute node, so it most likely has "
                                  "no NVIDIA GPU.");
            d.suggestion
                = GpuTr::tr("Run the job on the GPU partition (srun -p with its name) and ask for a GPU "
                            "with --gres=gpu:1.");
        } else {
            d.summary = GpuTr::tr("nvidia-smi is not installed here. Login nodes often have no GPU driver at "
                                  "all.");
            d.suggestion
                = GpuTr::tr("You are probably on the login node: GPUs are only visible inside a job with "
                            "--gres=gpu:1. Run the check inside one, for example srun --gres=gpu:1 "
                            "nvidia-smi.");
        }
        return d;
    }

    const QString field = rejectedQueryField(output);
    if (!field.isEmpty()) {
        static const QRegularExpression fieldLine(
            QStringLiteral(R"(^Field ".*" is not a valid field to query\.?)"),
            QRegularExpression::MultilineOption);
        return Diagnosis {
            QStringLiteral("nvidia-smi.invalid-field"),
            GpuTr::tr("This node's nvidia-smi does not know the field “%1”: its driver is older "
                      "than Onramp expected.")
                .arg(field),
            GpuTr::tr("Onramp can ask for fewer fields. If you see this often, tell the Onramp "
                      "developers which driver the node has (nvidia-smi shows it)."),
            fieldLine.match(output).captured(0)};
    }
    return std::nullopt;
}

QString rejectedQueryField(QStringView output)
{
    static const QRegularExpression re(
        QStringLiteral(R"re(Field "([^"\n]*)" is not a valid field to query)re"));
    return re.match(output).captured(1);
}

Diagnoses diagnoseTorchOutput(QStringView text, const GpuCheckContext &context, const QString &torchCuda)
{
    struct Found {
        qsizetype pos;
        Diagnosis diagnosis;
    };
    QList<Found> found;
    auto seen = [&found](const QString &code) {
        return std::any_of(found.cbegin(), found.cend(),
                           [&code](const Found &f) { return f.diagnosis.code == code; });
    };
    auto add = [&found, &seen](qsizetype pos, Diagnosis d) {
        if (!seen(d.code))
            found.append(Found {pos, std::move(d)});
    };

    static const QRegularExpression tooOldRe(
        QStringLiteral(R"(The NVIDIA driver on your system is too old \(found version (\d+)\))"));
    if (const auto m = tooOldRe.match(text); m.hasMatch()) {
        const QVersionNumber driverCuda = cudaVersionFromDriverInt(m.capturedView(1).toLongLong());
        const QString have = driverCuda.isNull() ? m.captured(1) : driverCuda.toString();
        Diagnosis d;
        d.code = QStringLiteral("torch.driver-too-old");
        d.evidence = lineAt(text, m.capturedStart(0)).trimmed();
        d.summary = torchCuda.isEmpty()
            ? GpuTr::tr(
                  "The GPU driver on this node supports CUDA up to %1, which is too old for this PyTorch "
                  "build.")
                  .arg(have)
            : GpuTr::tr(
                  "The GPU driver on this node supports CUDA up to %1, but this PyTorch was built for CUDA "
                  "%2, which needs a newer driver.")
                  .arg(have, torchCuda);
        d.suggestion = GpuTr::tr("Install a PyTorch build for CUDA %1 or older, for example by adding "
                                 "\"cuda-version<=%1\" to the conda install command (or choose an older "
                                 "pytorch-cuda), or ask the cluster's admins for nodes with a newer driver.")
                           .arg(have);
        add(m.capturedStart(0), d);
    }

    static const QRegularExpression noDriverRe(QStringLiteral(R"(Found no NVIDIA driver on your system)"));
    if (const auto m = noDriverRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            noDriver(QStringLiteral("torch.no-driver"), lineAt(text, m.capturedStart(0)).trimmed(), context,
                     true));

    static const QRegularExpression initFailedRe(
        QStringLiteral(R"(CUDA driver initialization failed, you might not have a CUDA gpu)"));
    if (const auto m = initFailedRe.match(text); m.hasMatch()) {
        Diagnosis d;
        d.code = QStringLiteral("torch.cuda-init-failed");
        d.evidence = lineAt(text, m.capturedStart(0)).trimmed();
        d.summary = GpuTr::tr("PyTorch could not start the CUDA driver: no usable GPU is assigned to this "
                              "process.");
        if (context.place == Place::Job && context.gpusRequested > 0)
            d.suggestion
                = GpuTr::tr("The job has a GPU, so it may be in a bad state or hidden: check that your "
                            "script does not change CUDA_VISIBLE_DEVICES, and if it does not, ask Slurm "
                            "for another node and tell the cluster's admins.");
        else
            d.suggestion
                = GpuTr::tr("Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...), and check "
                            "that your script does not change CUDA_VISIBLE_DEVICES.");
        add(m.capturedStart(0), d);
    }

    static const QRegularExpression mismatchRe(
        QStringLiteral(R"(Error 803: system has unsupported display driver / cuda driver combination)"));
    if (const auto m = mismatchRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            mismatch(QStringLiteral("torch.driver-library-mismatch"),
                     lineAt(text, m.capturedStart(0)).trimmed(), context));

    static const QRegularExpression noGpusRe(QStringLiteral(R"(No CUDA GPUs are available)"));
    if (const auto m = noGpusRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            noDevices(QStringLiteral("torch.no-gpus"), lineAt(text, m.capturedStart(0)).trimmed(), context,
                      true));

    static const QRegularExpression kernelRe(
        QStringLiteral(R"(no kernel image is available for execution on the device)"));
    if (const auto m = kernelRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            Diagnosis {
                QStringLiteral("torch.arch-unsupported"),
                GpuTr::tr("This PyTorch build has no code for this node's GPU model."),
                GpuTr::tr("Install a newer PyTorch build (one made for a newer CUDA); the installed one is "
                          "older than this GPU."),
                lineAt(text, m.capturedStart(0)).trimmed()});

    static const QRegularExpression cpuRe(
        QStringLiteral(R"(Torch not compiled with CUDA enabled|CUDA used to build PyTorch: None)"));
    if (const auto m = cpuRe.match(text); m.hasMatch()) {
        Diagnosis d;
        d.code = QStringLiteral("torch.cpu-build");
        d.evidence = lineAt(text, m.capturedStart(0)).trimmed();
        d.summary = GpuTr::tr("A CPU-only build of PyTorch is installed (torch.version.cuda is None), so it "
                              "cannot use any GPU.");
        d.suggestion = context.driverCuda.isNull()
            ? GpuTr::tr(
                "This happens when conda solves the environment on a node without a GPU driver, such "
                "as the login node. Reinstall PyTorch with CONDA_OVERRIDE_CUDA set to the CUDA version "
                "nvidia-smi shows on a GPU node, or run the installation inside a GPU job.")
            : GpuTr::tr("This happens when conda solves the environment on a node without a GPU driver, such "
                        "as the login node. Reinstall PyTorch with CONDA_OVERRIDE_CUDA=%1 set before the "
                        "conda command, or run the installation inside a GPU job.")
                  .arg(context.driverCuda.toString());
        add(m.capturedStart(0), d);
    }

    static const QRegularExpression notInstalledRe(QStringLiteral(R"(No module named '?torch'?(?![\w.]))"));
    if (const auto m = notInstalledRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            Diagnosis {
                QStringLiteral("torch.not-installed"),
                GpuTr::tr("PyTorch is not installed in this Python environment."),
                GpuTr::tr("Install it in this environment (Onramp's install step does this), or check that "
                          "the right environment is activated."),
                lineAt(text, m.capturedStart(0)).trimmed()});

    // "bash: line 1: ENV/bin/python: No such file or directory", "timeout: failed to run command
    // 'ENV/bin/python': No such file or directory", conda run's EnvironmentLocationNotFound.
    static const QRegularExpression envMissingRe(QStringLiteral(
        R"(EnvironmentLocationNotFound: Not a conda environment|\S*/bin/python[0-9.]*'?: (?:No such file or directory|not found))"));
    if (const auto m = envMissingRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            Diagnosis {
                QStringLiteral("torch.env-missing"),
                GpuTr::tr("The environment's Python was not found: the environment does not exist, or not "
                          "where Onramp looked for it."),
                GpuTr::tr("Check the environment's name with conda env list, and create it if it is "
                          "missing (Onramp's setup does this)."),
                lineAt(text, m.capturedStart(0)).trimmed()});

    static const QRegularExpression condaMissingRe(
        QStringLiteral(R"(\S*/conda'?: (?:No such file or directory|not found)|conda: command not found)"));
    if (const auto m = condaMissingRe.match(text); m.hasMatch())
        add(m.capturedStart(0),
            Diagnosis {QStringLiteral("torch.conda-missing"),
                       GpuTr::tr("conda was not found where Onramp looked for it."),
                       GpuTr::tr("Check where conda is installed on the cluster (for example with ls "
                                 "~/miniconda3/bin/conda) and set that path in Onramp's profile."),
                       lineAt(text, m.capturedStart(0)).trimmed()});

    std::stable_sort(found.begin(), found.end(),
                     [](const Found &a, const Found &b) { return a.pos < b.pos; });
    Diagnoses out;
    for (const Found &f : found)
        out.append(f.diagnosis);
    return out;
}

} // namespace onramp::cluster
