#pragma once

#include "cluster/slurm/slurmvalues.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace onramp::cluster {

// `scontrol show job|node|partition` prints records of Key=Value pairs, several per line, a record
// over several indented lines (or one line with -o), records separated by blank lines. Values may
// hold spaces ("Command=/home/x/run.sh --lr 0.1", "OS=Linux 3.10 #1 SMP ...", "Reason=Not
// responding [slurm@...]"), keys may hold ':' and '/' ("AllocNode:Sid", "Socks/Node"), and keys
// repeat ("Nodes=" per allocated node).

// One record as printed: the pairs in order.
struct ScontrolRecord {
    QList<std::pair<QString, QString>> fields;

    // The first value for `key`; empty when absent.
    QString value(QStringView key) const;
    bool contains(QStringView key) const;
};

// Splits the text into records; a record starts at a line whose first key is `recordKey`
// ("JobId", "NodeName", "PartitionName"). Empty text gives no records. Text before the first
// record, a line that is not Key=Value pairs, or binary data is an UnexpectedOutput error.
Result<QList<ScontrolRecord>> parseScontrolRecords(QStringView text, QStringView recordKey);

// `scontrol show job [ID]`
struct JobDetails {
    QString id; // JobId, or "ArrayJobId_ArrayTaskId" for an array task
    QString name;
    QString user; // from UserId=phil(5136)
    QString account;
    QString partition;
    QString qos;
    JobState state = JobState::Unknown;
    QString stateText;
    QString reason; // empty for "None"
    SlurmDuration runTime;
    SlurmDuration timeLimit;
    std::optional<QDateTime> submitTime;
    std::optional<QDateTime> startTime; // actual or expected
    std::optional<QDateTime> endTime;
    QString nodeList; // empty while pending
    QString batchHost;
    std::optional<int> nodes; // NumNodes
    std::optional<int> cpus; // NumCPUs
    QList<GresEntry> gres; // requested per node: TresPerNode, or JOB_GRES, or Gres
    QMap<QString, QString> tres; // AllocTRES when allocated, else ReqTRES
    QString command;
    QString workDir;
    QString stdOut;
    QString stdErr;
    QString dependency; // empty for "(null)"
    QString exitCode; // "0:0"
    ScontrolRecord raw; // every pair, for what is not above

    qint64 gpus() const; // from gres, else from tres
};
// Empty text is no jobs; "slurm_load_jobs error: ..." on stderr is for explainSlurmOutput().
Result<QList<JobDetails>> parseScontrolJobs(QStringView text);

// `scontrol --details show node [NAME]` (or without --details)
struct NodeDetails {
    QString name;
    NodeState state;
    QStringList partitions;
    QList<GresEntry> gres;
    QList<GresEntry> gresUsed; // GresUsed=, printed with `scontrol --details show node`
    std::optional<int> cpusAllocated;
    std::optional<int> cpusTotal;
    std::optional<qint64> realMemoryMb;
    std::optional<qint64> allocatedMemoryMb;
    QMap<QString, QString> configuredTres; // CfgTRES
    QMap<QString, QString> allocatedTres; // AllocTRES
    QString reason;
    ScontrolRecord raw;

    qint64 gpus() const; // from Gres, else CfgTRES
    // From GresUsed when printed, else AllocTRES (which lists GPUs only where the site accounts
    // for gres/gpu: without --details, a GPU node may look free while its GPUs are in use).
    qint64 gpusAllocated() const;
    // Whether the record tells how many GPUs are in use: GresUsed, TRES that count GPUs, or an
    // idle node (nothing allocated).
    bool gpuUseKnown() const;
    qint64 freeGpus() const; // 0 when the node cannot start jobs or its GPU use is not known
};
Result<QList<NodeDetails>> parseScontrolNodes(QStringView text);

// `scontrol show partition [NAME]` (also `-o`)
struct PartitionDetails {
    QString name;
    bool isDefault = false;
    bool hidden = false;
    QString state; // "UP", "DOWN", "DRAIN", "INACTIVE"
    SlurmDuration maxTime;
    SlurmDuration defaultTime;
    std::optional<int> maxNodes; // std::nullopt: UNLIMITED
    QString nodes; // host list; empty for "(null)"
    std::optional<int> totalNodes;
    std::optional<int> totalCpus;
    QString allowAccounts;
    QString allowGroups;
    QString allowQos;
    QMap<QString, QString> tres;
    ScontrolRecord raw;

    qint64 gpus() const; // from TRES
};
Result<QList<PartitionDetails>> parseScontrolPartitions(QStringView text);

} // namespace onramp::cluster
