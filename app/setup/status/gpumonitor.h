#pragma once

#include "cluster/diagnosis.h"
#include "setup/status/gpupoll.h"
#include "setup/status/pollingmonitor.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::setup::status {

class JobsMonitor;

// One point of a GPU's history.
struct GpuSample {
    qint64 atMs = 0; // ms since the epoch (UTC)
    std::optional<int> utilizationPercent;
    std::optional<qint64> memoryUsedMiB;
    std::optional<qint64> memoryTotalMiB;
    std::optional<int> temperatureC;
    std::optional<double> powerW;

    // Memory used as a percentage of the total, when both are known.
    std::optional<double> memoryPercent() const;
};

// Polls the GPUs of one allocation (every 2 s by default): one exec per poll that runs a single
// `srun --jobid=J --overlap` step with both nvidia-smi queries. Keeps the latest reading of each
// GPU and a bounded history (the last 10 minutes by default). nvidia-smi's and srun's failures
// become a Diagnosis for the person; the last good readings are dropped then (they are not true).
class GpuMonitor : public PollingMonitor {
    Q_OBJECT
public:
    static constexpr qint64 kDefaultHistoryMs = 10 * 60 * 1000;

    explicit GpuMonitor(QObject *parent = nullptr);

    // What to look at. A different target starts a new history.
    void setTarget(const GpuTarget &target);
    GpuTarget target() const { return m_target; }
    bool hasTarget() const { return m_target.isValid(); }

    // Follows the person's jobs: while the target's job runs it stays; when it ends (or there is
    // none) the first running job with GPUs becomes the target, or no target when there is none.
    void followJobs(JobsMonitor *jobs);

    QList<GpuReading> gpus() const { return m_gpus; }
    // A poll of the current target has succeeded.
    bool hasReading() const { return m_hasReading; }
    // The GPUs' keys (GpuReading::key()) in the order of the last poll, and their histories.
    QStringList historyKeys() const { return m_historyOrder; }
    QList<GpuSample> history(const QString &key) const { return m_history.value(key); }
    qint64 historyWindowMs() const { return m_historyWindowMs; }
    void setHistoryWindowMs(qint64 ms) { m_historyWindowMs = qMax<qint64>(1000, ms); }

    // Why the last poll found no GPU values, in plain words (NVML errors, no GPU in the job, the
    // job ended). Cleared by the next good poll.
    const std::optional<cluster::Diagnosis> &diagnosis() const { return m_diagnosis; }
    const std::optional<Error> &error() const { return m_error; }
    // Query fields in use: gpuStatusFields() less any the node's driver rejected.
    QStringList fields() const { return m_fields; }

Q_SIGNALS:
    void targetChanged();
    // After each poll of the target (values, history or the problem changed).
    void updated();

protected:
    std::optional<QString> nextCommand() override;
    void handlePoll(const CommandRecord &record) override;

private:
    void followJobList();
    void addReadings(const QList<GpuReading> &gpus);

    GpuTarget m_target;
    QPointer<JobsMonitor> m_jobs;
    QStringList m_fields;
    QList<GpuReading> m_gpus;
    QHash<QString, QList<GpuSample>> m_history;
    QStringList m_historyOrder;
    qint64 m_historyWindowMs = kDefaultHistoryMs;
    std::optional<cluster::Diagnosis> m_diagnosis;
    std::optional<Error> m_error;
    QString m_polledJob; // the target the poll in flight was made for
    bool m_hasReading = false;
};

} // namespace onramp::setup::status
