#pragma once

#include "cluster/diagnosis.h"

#include <QStringView>

namespace onramp::cluster {

// Explains a log a person pasted or saved: any mix of conda output (text, libmamba conflict trees,
// a --json error document), srun/sbatch/salloc messages, squeue and scontrol output, nvidia-smi,
// PyTorch (warnings, errors, collect_env, Onramp's probe), disk and ssh connection messages, with
// terminal progress (\r, ANSI colours) and invalid bytes (U+FFFD) tolerated.
//
// The same recognisers as the rest of Onramp do the work (diagnoseCondaOutput, explainSlurmOutput,
// explainPendingReason/explainJob, diagnoseNvidiaSmi, diagnoseTorchOutput, diagnoseTorchProbe); this
// adds what a log has besides: codes
//   log.disk.full / log.disk.quota  "No space left on device" / "Disk quota exceeded" outside conda
//   log.connection.lost             OpenSSH's messages for a dropped connection
//   torch.cuda-unavailable          `torch.cuda.is_available()` printed False, nothing more specific
//
// Each problem once (the same code, or the same explanation from two tools, is one Diagnosis whose
// evidence holds the lines), most important first: full disks, then the tools' failures in the
// order they appear in the log, then waiting jobs, then consequences (a cancelled step, an exit
// code, Slurm or conda errors Onramp does not know). Empty when nothing is recognised.
Diagnoses diagnoseLog(QStringView text);

} // namespace onramp::cluster
