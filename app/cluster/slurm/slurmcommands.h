#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

namespace onramp::cluster {

// Builders for Slurm command lines. Every value is validated (slurmvalidate.h), then quoted by
// onramp::shellQuote; the result is one complete shell command for Transport::exec. The formats
// ask Slurm for '|'-separated fields (no padding, no truncation; a trailing '|' per field), with
// free text (names, reasons) last, and match the parsers in slurmparsers.h.

// --- cluster overview ---------------------------------------------------------------------------------

// Partitions: `sinfo --noheader --Format=Partition:|,Available:|,Time:|,Nodes:|,StateLong:|,Gres:|,
// GresUsed:|,NodeList:|` (one line per partition and node state; the default partition ends in
// '*'). With `header`, sinfo prints its column names first (parseSinfoPartitions reads both).
QString sinfoPartitionsCommand(bool header = false);

// Nodes, one line per node and partition, with GRES and GRES in use (for free GPUs), CPUs
// allocated/idle/other/total, memory and the reason a node is down or drained.
QString sinfoNodesCommand();

// One node, or all with an empty name, with GresUsed (GPUs in use) and the other details:
// `scontrol --details show node [NAME]`.
Result<QString> scontrolShowNodeCommand(const QString &node = {});

// The login node's name and the partitions it sees, with a header for people reading the log:
// the first thing Onramp runs after connecting (parseIdentifyOutput reads it).
QString identifyCommand();

// --- jobs -------------------------------------------------------------------------------------------------

struct SqueueRequest {
    QString user; // empty: --me (Slurm 20.11 and later); else --user=NAME
    bool includeFinished = false; // --states=all: also jobs that ended in the last few minutes
};

// `squeue --me --noheader --Format=JobID:|,Partition:|,State:|,TimeUsed:|,TimeLimit:|,NumNodes:|,
// NodeList:|,Reason:|,tres-per-node:|,StartTime:|,SubmitTime:|,UserName:|,Name:|`
Result<QString> squeueCommand(const SqueueRequest &request = {});

// `scontrol show job ID`
Result<QString> scontrolShowJobCommand(const QString &jobId);

// `scancel ID`
Result<QString> scancelCommand(const QString &jobId);

// --- allocations --------------------------------------------------------------------------------------

// What to ask Slurm for. Empty fields leave the choice to the cluster's defaults.
struct AllocationRequest {
    QString partition; // empty: the default partition
    int gpus = 0; // --gres=gpu:N when > 0
    QString gpuType; // --gres=gpu:TYPE:N when not empty (needs gpus > 0)
    QString timeLimit; // --time; Slurm's forms (isValidTimeLimit)
    QString jobName; // --job-name
    int immediateSeconds = 0; // --immediate=S when > 0: give up if not granted within S seconds
};

// The interactive terminal: `srun [options] --pty bash -i`. Run it on a channel with a PTY.
Result<QString> interactiveShellCommand(const AllocationRequest &request);

// An allocation for scripted steps: `salloc --no-shell [options]`. salloc prints "Granted job
// allocation N" on stderr and returns; the allocation lives until its time limit or scancel.
Result<QString> sallocCommand(const AllocationRequest &request);

// `srun [options] -- command...`: a job of its own that runs one command on a compute node.
Result<QString> srunCommand(const AllocationRequest &request, const QStringList &command);

// A step in an existing allocation, beside the steps already running there (several channels
// share one allocation): `srun --jobid=J --overlap --nodes=1 --ntasks=1 [--nodelist=N] [--pty]
// -- command...`.
struct StepRequest {
    QString jobId;
    QString node; // empty: the allocation's first node
    QStringList command;
    bool pty = false; // --pty, for an interactive program on a channel with a PTY
};
Result<QString> stepCommand(const StepRequest &request);

} // namespace onramp::cluster
