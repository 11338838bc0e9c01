#include "setup/status/statusjson.h"

#include "cluster/slurm/slurmvalues.h"

#include <QJsonArray>

namespace onramp::setup::status {

namespace {
template<typename T> QJsonValue optional(const std::optional<T> &value)
{
    if (!value)
        return QJsonValue(QJsonValue::Null);
    if constexpr (std::is_same_v<T, double>)
        return QJsonValue(*value);
    else
        return QJsonValue(qint64(*value));
}

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue seconds(const cluster::SlurmDuration &duration)
{
    return duration.isFinite() ? QJsonValue(duration.seconds) : QJsonValue(QJsonValue::Null);
}
} // namespace

QString jobsSchema()
{
    return QStringLiteral("onramp.jobs/1");
}

QString gpusSchema()
{
    return QStringLiteral("onramp.gpus/1");
}

QJsonObject toJson(const cluster::Diagnosis &diagnosis)
{
    return QJsonObject {{QStringLiteral("code"), diagnosis.code},
                        {QStringLiteral("summary"), diagnosis.summary},
                        {QStringLiteral("suggestion"), text(diagnosis.suggestion)},
                        {QStringLiteral("evidence"), text(diagnosis.evidence)}};
}

QJsonValue toJson(const std::optional<cluster::Diagnosis> &diagnosis)
{
    return diagnosis ? QJsonValue(toJson(*diagnosis)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const StatusProblem &problem)
{
    QJsonArray diagnoses;
    for (const cluster::Diagnosis &diagnosis : problem.diagnoses)
        diagnoses.append(toJson(diagnosis));
    return QJsonObject {{QStringLiteral("message"), problem.error.message},
                        {QStringLiteral("detail"), text(problem.error.detail)},
                        {QStringLiteral("diagnoses"), diagnoses}};
}

QJsonObject toJson(const JobEntry &entry)
{
    const cluster::Job &job = entry.job;
    return QJsonObject {
        {QStringLiteral("id"), job.id},
        {QStringLiteral("name"), text(job.name)},
        {QStringLiteral("user"), text(job.user)},
        {QStringLiteral("partition"), text(job.partition)},
        {QStringLiteral("state"),
         job.state == cluster::JobState::Unknown ? job.stateText : cluster::jobStateName(job.state)},
        {QStringLiteral("stateLabel"), cluster::jobStateLabel(job.state)},
        {QStringLiteral("elapsedSeconds"), seconds(job.elapsed)},
        {QStringLiteral("elapsed"), text(cluster::formatSlurmDuration(job.elapsed))},
        {QStringLiteral("timeLimitSeconds"), seconds(job.timeLimit)},
        {QStringLiteral("timeLimit"), text(cluster::formatSlurmDuration(job.timeLimit))},
        {QStringLiteral("nodes"), optional(job.nodes)},
        {QStringLiteral("nodeList"), text(job.nodeList)},
        {QStringLiteral("gpus"), job.gpus()},
        {QStringLiteral("reason"), text(job.reason)},
        {QStringLiteral("explanation"), toJson(entry.explanation)},
    };
}

QJsonObject toJson(const GpuReading &gpu)
{
    const cluster::GpuStatus &s = gpu.status;
    QJsonArray processes;
    for (const cluster::GpuProcess &p : gpu.processes) {
        processes.append(QJsonObject {{QStringLiteral("pid"), optional(p.pid)},
                                      {QStringLiteral("name"), text(p.name)},
                                      {QStringLiteral("usedMemoryMiB"), optional(p.usedMemoryMiB)}});
    }
    return QJsonObject {
        {QStringLiteral("index"), optional(s.index)},
        {QStringLiteral("uuid"), text(s.uuid)},
        {QStringLiteral("name"), text(s.name)},
        {QStringLiteral("busId"), text(s.pciBusId)},
        {QStringLiteral("utilizationPercent"), optional(s.utilizationGpuPercent)},
        {QStringLiteral("memoryUtilizationPercent"), optional(s.utilizationMemoryPercent)},
        {QStringLiteral("memoryUsedMiB"), optional(s.memoryUsedMiB)},
        {QStringLiteral("memoryTotalMiB"), optional(s.memoryTotalMiB)},
        {QStringLiteral("temperatureC"), optional(s.temperatureC)},
        {QStringLiteral("powerW"), optional(s.powerDrawW)},
        {QStringLiteral("powerLimitW"), optional(s.powerLimitW)},
        {QStringLiteral("processes"), processes},
    };
}

} // namespace onramp::setup::status
