#include "setup/status/gpupoll.h"

#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/slurm/slurmcommands.h"
#include "cluster/slurm/slurmdiagnosis.h"
#include "setup/status/statustr.h"

namespace onramp::setup::status {

namespace {
const QString kGpuMarker = QStringLiteral("@onramp:query-gpu-exit=");
const QString kAppsMarker = QStringLiteral("@onramp:compute-apps-exit=");

std::optional<int> markerValue(QStringView line, const QString &marker)
{
    if (!line.startsWith(marker))
        return std::nullopt;
    bool ok = false;
    const int value = line.mid(marker.size()).trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}
} // namespace

QString GpuReading::key() const
{
    if (!status.uuid.isEmpty())
        return status.uuid;
    if (!status.pciBusId.isEmpty())
        return status.pciBusId;
    return status.index ? QString::number(*status.index) : QString();
}

Result<QString> gpuPollCommand(const GpuTarget &target, const QStringList &gpuFields)
{
    const cluster::CsvFormat format {true, false}; // a header names the columns, whatever the driver
    const Result<QString> gpus = cluster::queryGpuCommand(gpuFields, format);
    if (!gpus)
        return gpus.error();
    const Result<QString> apps = cluster::queryComputeAppsCommand(cluster::computeAppsFields(), format);
    if (!apps)
        return apps.error();
    // Both builders return quoted command lines; the script is quoted again as one argument of sh -c.
    const QString script = QStringLiteral("%1; s=$?; echo \"%2$s\"; if [ \"$s\" -eq 0 ]; then %3; "
                                          "echo \"%4$?\"; fi; exit \"$s\"")
                               .arg(gpus.value(), kGpuMarker, apps.value(), kAppsMarker);
    cluster::StepRequest step;
    step.jobId = target.jobId;
    step.node = target.node;
    step.command = {QStringLiteral("sh"), QStringLiteral("-c"), script};
    return cluster::stepCommand(step);
}

GpuPollSections splitGpuPollOutput(QStringView stdoutText)
{
    GpuPollSections sections;
    QString *into = &sections.gpuText;
    for (QStringView line : stdoutText.split(QLatin1Char('\n'))) {
        QStringView bare = line;
        if (bare.endsWith(QLatin1Char('\r')))
            bare.chop(1);
        if (!sections.gpuExit) {
            if (const auto value = markerValue(bare, kGpuMarker)) {
                sections.gpuExit = value;
                into = &sections.appsText;
                continue;
            }
        } else if (!sections.appsExit) {
            if (const auto value = markerValue(bare, kAppsMarker)) {
                sections.appsExit = value;
                into = nullptr;
                continue;
            }
        }
        if (into) {
            into->append(line);
            into->append(QLatin1Char('\n'));
        }
    }
    return sections;
}

GpuPollResult readGpuPoll(const CommandRecord &record, const GpuTarget &target, const QStringList &gpuFields)
{
    GpuPollResult out;
    const remote::ProcessResult &result = record.result;
    if (result.error) {
        out.error = result.error;
        if (result.error->kind == ErrorKind::Timeout)
            out.error->message = StatusTr::tr("The GPUs of job %1 did not answer in time: %2")
                                     .arg(target.jobId, result.error->message);
        return out;
    }
    const GpuPollSections sections = splitGpuPollOutput(record.stdoutText);
    cluster::GpuCheckContext context;
    context.place = cluster::GpuCheckContext::Place::Job;
    context.gpusRequested = target.gpusRequested;
    context.node = target.node;

    if (!sections.gpuExit) {
        // srun did not start the step: the job ended, the id is wrong, the node is not in the job...
        const QString words = record.stderrText + QLatin1Char('\n') + record.stdoutText;
        const cluster::Diagnoses slurm = cluster::explainSlurmOutput(words);
        if (!slurm.isEmpty())
            out.diagnosis = slurm.first();
        else
            out.diagnosis = cluster::diagnoseNvidiaSmi(words, result.exitCode, context);
        QString detail = record.stderrText.trimmed();
        if (detail.isEmpty())
            detail = record.stdoutText.trimmed();
        out.error
            = Error {ErrorKind::ChannelFailed,
                     StatusTr::tr("Onramp could not look at the GPUs of job %1.").arg(target.jobId), detail};
        return out;
    }
    if (*sections.gpuExit != 0) {
        const QString words = sections.gpuText + QLatin1Char('\n') + record.stderrText;
        out.rejectedField = cluster::rejectedQueryField(words);
        if (!out.rejectedField.isEmpty() && gpuFields.contains(out.rejectedField))
            return out;
        out.rejectedField.clear();
        out.diagnosis = cluster::diagnoseNvidiaSmi(words, *sections.gpuExit, context);
        out.error = Error {ErrorKind::UnexpectedOutput,
                           out.diagnosis ? out.diagnosis->summary
                                         : StatusTr::tr("nvidia-smi failed with exit status %1 in job %2.")
                                               .arg(*sections.gpuExit)
                                               .arg(target.jobId),
                           words.trimmed()};
        return out;
    }
    const Result<QList<cluster::GpuStatus>> gpus = cluster::parseGpuQueryCsv(sections.gpuText, gpuFields);
    if (!gpus) {
        out.error = gpus.error();
        out.diagnosis = cluster::diagnoseNvidiaSmi(sections.gpuText, *sections.gpuExit, context);
        return out;
    }
    for (const cluster::GpuStatus &status : gpus.value())
        out.gpus << GpuReading {status, {}};

    // Processes: a failed or unreadable process list leaves the GPUs' values standing.
    if (sections.appsExit && *sections.appsExit == 0) {
        const Result<QList<cluster::GpuProcess>> apps = cluster::parseComputeAppsCsv(sections.appsText);
        if (apps) {
            for (const cluster::GpuProcess &process : apps.value()) {
                for (GpuReading &gpu : out.gpus) {
                    const bool sameUuid = !process.gpuUuid.isEmpty() && process.gpuUuid == gpu.status.uuid;
                    const bool sameBus = process.gpuUuid.isEmpty() && !process.gpuBusId.isEmpty()
                        && process.gpuBusId == gpu.status.pciBusId;
                    const bool sameIndex
                        = process.gpuIndex && gpu.status.index && *process.gpuIndex == *gpu.status.index;
                    if (sameUuid || sameBus || sameIndex) {
                        gpu.processes << process;
                        break;
                    }
                }
            }
        }
    }
    return out;
}

} // namespace onramp::setup::status
