#include "setup/status/gpumonitor.h"

#include "setup/status/jobsmonitor.h"

#include <QDateTime>

namespace onramp::setup::status {

std::optional<double> GpuSample::memoryPercent() const
{
    if (!memoryUsedMiB || !memoryTotalMiB || *memoryTotalMiB <= 0)
        return std::nullopt;
    return 100.0 * double(*memoryUsedMiB) / double(*memoryTotalMiB);
}

GpuMonitor::GpuMonitor(QObject *parent) : PollingMonitor(parent), m_fields(cluster::gpuStatusFields()) { }

void GpuMonitor::setTarget(const GpuTarget &target)
{
    if (target == m_target) {
        m_target.gpusRequested = target.gpusRequested;
        return;
    }
    m_target = target;
    m_gpus.clear();
    m_history.clear();
    m_historyOrder.clear();
    m_diagnosis.reset();
    m_error.reset();
    m_hasReading = false;
    Q_EMIT targetChanged();
    Q_EMIT updated();
    if (m_target.isValid() && isPolling())
        pollNow();
}

void GpuMonitor::followJobs(JobsMonitor *jobs)
{
    if (m_jobs)
        m_jobs->disconnect(this);
    m_jobs = jobs;
    if (m_jobs) {
        connect(m_jobs, &JobsMonitor::jobsChanged, this, &GpuMonitor::followJobList);
        followJobList();
    }
}

void GpuMonitor::followJobList()
{
    if (!m_jobs || !m_jobs->hasSnapshot())
        return;
    if (m_target.isValid()) {
        const std::optional<JobEntry> current = m_jobs->job(m_target.jobId);
        if (current && current->isRunning()) {
            m_target.gpusRequested = int(current->job.gpus());
            return;
        }
    }
    const QList<JobEntry> running = m_jobs->runningGpuJobs();
    if (running.isEmpty()) {
        setTarget({});
        return;
    }
    setTarget(GpuTarget {running.first().job.id, {}, int(running.first().job.gpus())});
}

std::optional<QString> GpuMonitor::nextCommand()
{
    if (!m_target.isValid())
        return std::nullopt;
    const Result<QString> command = gpuPollCommand(m_target, m_fields);
    if (!command) {
        m_error = command.error();
        Q_EMIT updated();
        return std::nullopt;
    }
    m_polledJob = m_target.jobId + QLatin1Char('@') + m_target.node;
    return command.value();
}

void GpuMonitor::handlePoll(const CommandRecord &record)
{
    if (m_polledJob != m_target.jobId + QLatin1Char('@') + m_target.node)
        return; // made for a target the person has left since
    const GpuPollResult result = readGpuPoll(record, m_target, m_fields);
    if (!result.rejectedField.isEmpty()) {
        // An older driver: ask again without the field it does not know.
        m_fields.removeAll(result.rejectedField);
        QMetaObject::invokeMethod(
            this, [this] { pollNow(); }, Qt::QueuedConnection);
        return;
    }
    m_diagnosis = result.diagnosis;
    m_error = result.error;
    if (result.error) {
        m_gpus.clear();
        m_hasReading = false;
    } else {
        addReadings(result.gpus);
    }
    Q_EMIT updated();
}

void GpuMonitor::addReadings(const QList<GpuReading> &gpus)
{
    m_gpus = gpus;
    m_hasReading = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 oldest = now - m_historyWindowMs;
    // At most one sample per 100 ms of the window: bounded even with a very short interval.
    const qsizetype cap = qsizetype(m_historyWindowMs / 100) + 1;
    QStringList order;
    for (const GpuReading &gpu : gpus) {
        const QString key = gpu.key();
        order << key;
        GpuSample sample;
        sample.atMs = now;
        sample.utilizationPercent = gpu.status.utilizationGpuPercent;
        sample.memoryUsedMiB = gpu.status.memoryUsedMiB;
        sample.memoryTotalMiB = gpu.status.memoryTotalMiB;
        sample.temperatureC = gpu.status.temperatureC;
        sample.powerW = gpu.status.powerDrawW;
        QList<GpuSample> &samples = m_history[key];
        samples << sample;
        qsizetype drop = 0;
        while (drop < samples.size() && samples.at(drop).atMs < oldest)
            ++drop;
        drop = qMax(drop, samples.size() - cap);
        if (drop > 0)
            samples.remove(0, drop);
    }
    // GPUs that left the reading (a node changed) keep their history until it ages out.
    for (auto it = m_history.begin(); it != m_history.end();) {
        while (!it->isEmpty() && it->first().atMs < oldest)
            it->removeFirst();
        if (it->isEmpty())
            it = m_history.erase(it);
        else
            ++it;
    }
    for (const QString &key : std::as_const(m_historyOrder)) {
        if (!order.contains(key) && m_history.contains(key))
            order << key;
    }
    m_historyOrder = order;
}

} // namespace onramp::setup::status
