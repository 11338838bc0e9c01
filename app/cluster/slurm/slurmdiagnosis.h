#pragma once

#include "cluster/diagnosis.h"

#include <QStringView>

#include <optional>

namespace onramp::cluster {

struct Job;
struct JobDetails;

// Slurm's vocabulary in plain words. Codes are stable ids for code and tests:
//   slurm.pending.<Reason>  a pending reason as Slurm names it ("slurm.pending.Resources",
//                           "slurm.pending.QOSMaxGRESPerUser"); slurm.pending.unknown otherwise
//   slurm.error.<Name>      an error of srun/sbatch/salloc/scancel/scontrol/squeue/sinfo
//                           ("slurm.error.NodeConfigUnavailable"); slurm.error.unknown otherwise
//   slurm.state.<STATE>     how a job ended ("slurm.state.TIMEOUT", "slurm.state.OUT_OF_MEMORY")
// The evidence is always Slurm's own text, verbatim.

// A pending reason as squeue (%r, REASON, "(Resources)" in NODELIST(REASON)) or scontrol
// ("Reason=ReqNodeNotAvail,_UnavailableNodes:gpu[01-02]") prints it. std::nullopt for "None" and
// empty text: nothing to explain. An unknown reason gives slurm.pending.unknown with the text.
std::optional<Diagnosis> explainPendingReason(QStringView reason);

// Every problem found in what a Slurm command printed (stderr, or both streams), in order of first
// appearance; lines about the same problem are one Diagnosis whose evidence holds all of them.
// Progress lines ("job 12 queued and waiting for resources") are not problems. A line with
// "error:" that no rule knows becomes slurm.error.unknown. Empty when nothing went wrong.
Diagnoses explainSlurmOutput(QStringView output);

// What a job's state means for the person: the pending reason while it waits, or why it ended
// badly (FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, CANCELLED, ...). std::nullopt while it runs
// normally or after it completed.
std::optional<Diagnosis> explainJob(const Job &job);
std::optional<Diagnosis> explainJob(const JobDetails &job);

} // namespace onramp::cluster
