#pragma once

#include "cluster/slurm/slurmvalues.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::cluster {

// Parsers for sinfo and squeue tables: pure functions from the text a command printed to typed
// values. They read Onramp's own '|'-separated formats (slurmcommands.h) and the whitespace-aligned
// default formats alike:
// - a header line, when there is one, gives the column order (sinfo/squeue names: "PARTITION",
//   "GRES_USED", "NODELIST(REASON)", ...); without one, `columns` says what the command asked for;
// - unknown columns are ignored, missing optional ones stay empty;
// - CRLF line ends, trailing whitespace and blank lines are fine;
// - a row that cannot be read (truncated, binary, a value of the wrong kind) fails the whole
//   parse with ErrorKind::UnexpectedOutput and a translated sentence naming the line.

// --- sinfo: partitions -----------------------------------------------------------------------------

// One line of the partition summary: the nodes of a partition that share a state.
struct PartitionNodeGroup {
    int nodes = 0;
    NodeState state;
    QList<GresEntry> gres; // per node
    QList<GresEntry> gresUsed; // as sinfo prints it for the group
    QString nodeList;
};

struct PartitionInfo {
    QString name;
    bool isDefault = false; // sinfo marks it with '*'
    QString availability; // "up", "down", "drain", "inact" as sinfo prints it
    bool up = false;
    SlurmDuration timeLimit;
    int nodes = 0; // over all groups
    QList<PartitionNodeGroup> groups;

    qint64 gpus() const; // nodes x GPUs per node, over all groups
    int usableNodes() const; // nodes in a state that can start jobs
};

// The columns of sinfoPartitionsCommand(), as sinfo names them in its header.
QStringList sinfoPartitionColumns();
// Partitions in the order sinfo printed them first. Header-only or empty output is an error (a
// cluster without partitions is not something Onramp can work with).
Result<QList<PartitionInfo>> parseSinfoPartitions(QStringView text,
                                                  const QStringList &columns = sinfoPartitionColumns());

// --- sinfo: nodes and their free GPUs ---------------------------------------------------------------

struct NodeInfo {
    QString name;
    QStringList partitions; // sinfo --Node prints a node once per partition: merged here
    NodeState state;
    QList<GresEntry> gres;
    QList<GresEntry> gresUsed;
    std::optional<int> cpusAllocated; // from CPUS(A/I/O/T)
    std::optional<int> cpusIdle;
    std::optional<int> cpusTotal;
    std::optional<qint64> memoryMb;
    std::optional<qint64> allocatedMemoryMb;
    QString reason; // why a node is down or drained; empty for "none"

    qint64 gpus() const { return gpuCount(gres); }
    qint64 gpusUsed() const { return gpuCount(gresUsed); }
    // GPUs a new job could get now: 0 when the node cannot start jobs (drained, down, ...).
    qint64 freeGpus() const;
};

// The columns of sinfoNodesCommand(), as sinfo names them in its header.
QStringList sinfoNodeColumns();
// One entry per node, in the order sinfo printed them first. Header-only or empty output is an
// error. The corpus form `sinfo -ahNO nodehost,gres,gresused,statelong` (fixed-width, no header)
// reads with columns {"HOSTNAMES", "GRES", "GRES_USED", "STATE"}.
Result<QList<NodeInfo>> parseSinfoNodes(QStringView text, const QStringList &columns = sinfoNodeColumns());

// --- squeue ---------------------------------------------------------------------------------------

struct Job {
    QString id; // "123", "1080_5", "1080_[5-1024]", "93+0"
    QString name;
    QString user;
    QString partition;
    JobState state = JobState::Unknown;
    QString stateText; // as printed: "PENDING", "PD"
    SlurmDuration elapsed;
    SlurmDuration timeLimit;
    std::optional<int> nodes;
    QString nodeList; // empty while pending
    QString reason; // "Resources", "ReqNodeNotAvail, UnavailableNodes:n1"; empty for "None"
    QList<GresEntry> gres; // requested per node (tres-per-node)
    std::optional<QDateTime> startTime; // actual, or expected while pending
    std::optional<QDateTime> submitTime;

    qint64 gpus() const { return gpuCount(gres); }
};

// The columns of squeueCommand(), as squeue names them in its header.
QStringList squeueColumns();
// Jobs in the order squeue printed them. Empty output and a header alone mean no jobs.
Result<QList<Job>> parseSqueue(QStringView text, const QStringList &columns = squeueColumns());

// --- what allocation commands say on stderr -------------------------------------------------------

// srun/salloc report progress on stderr: "salloc: Pending job allocation 123", "srun: job 123
// queued and waiting for resources", "salloc: Granted job allocation 123", "srun: Job allocation
// 123 has been revoked". The last stage reached, and the job id.
struct AllocationProgress {
    enum class Stage { None, Pending, Granted, Ended };
    Stage stage = Stage::None;
    QString jobId;
};
AllocationProgress parseAllocationProgress(QStringView stderrText);

// --- identifyCommand(): "hostname; sinfo ..." ---------------------------------------------------------

struct ClusterIdentity {
    QString loginHost;
    QList<PartitionInfo> partitions;
};
Result<ClusterIdentity> parseIdentifyOutput(QStringView text);

} // namespace onramp::cluster
