#pragma once

#include "cluster/diagnosis.h"
#include "cluster/gpu/nvidiasmi.h"
#include "core/error.h"
#include "setup/commandrecord.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::setup::status {

// Where to look at GPUs: a running allocation (job) and, for a job on several nodes, one of them.
struct GpuTarget {
    QString jobId;
    QString node; // empty: the allocation's first node
    int gpusRequested = -1; // the job's GPUs per node, for the explanations; -1: unknown

    bool isValid() const { return !jobId.isEmpty(); }
    friend bool operator==(const GpuTarget &a, const GpuTarget &b)
    {
        return a.jobId == b.jobId && a.node == b.node;
    }
};

// One GPU at one poll: what nvidia-smi --query-gpu said, and the processes --query-compute-apps
// listed on it.
struct GpuReading {
    cluster::GpuStatus status;
    QList<cluster::GpuProcess> processes;

    // Stable across polls: the UUID, else the bus id, else the index.
    QString key() const;
};

// The command of one poll: a single step in the allocation (`srun --jobid=J --overlap ...`) that
// runs both nvidia-smi queries, so they see the same devices and cost one exec channel and one
// step. Each query's exit status follows its output on a marker line.
Result<QString> gpuPollCommand(const GpuTarget &target,
                               const QStringList &gpuFields = cluster::gpuStatusFields());

// The poll's stdout cut at the marker lines. A missing exit status means the query never ran
// (srun failed before the step started).
struct GpuPollSections {
    QString gpuText;
    std::optional<int> gpuExit;
    QString appsText;
    std::optional<int> appsExit;
};
GpuPollSections splitGpuPollOutput(QStringView stdoutText);

// What one poll found: the GPUs, or why there are none (an nvidia-smi failure explained, or srun's
// own error), or a field this driver does not know (the poller drops it and asks again).
struct GpuPollResult {
    QList<GpuReading> gpus;
    std::optional<cluster::Diagnosis> diagnosis;
    std::optional<Error> error;
    QString rejectedField;
};
GpuPollResult readGpuPoll(const CommandRecord &record, const GpuTarget &target, const QStringList &gpuFields);

} // namespace onramp::setup::status
