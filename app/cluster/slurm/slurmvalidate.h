#pragma once

#include "core/error.h"

#include <QString>

namespace onramp::cluster {

// Validators for values that go into Slurm command lines. The builders (slurmcommands.h) run them
// before quoting; the GUI can run them while the person types. Each accepts only what Slurm accepts
// and Onramp can also read back unambiguously from Slurm's output.

// A partition name: letters, digits, '_', '-', '.', at most 64 characters, not starting with '-'/'.'.
bool isValidPartitionName(QStringView name);

// A job id as scancel and scontrol take it: "123", an array task "123_4" or range "123_[1-5,7]",
// a heterogeneous component "123+1". At most 4294967294, Slurm's largest job id.
bool isValidJobId(QStringView id);

// A time limit in one of Slurm's forms: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S (minutes and seconds
// below 60 where they follow another field, days up to 365).
bool isValidTimeLimit(QStringView limit);

// A GPU count for --gres=gpu:N: 1 to 64.
bool isValidGpuCount(int count);

// A GRES type such as "a100" or "v100_32g": letters, digits, '_', '-', '.', at most 32 characters.
bool isValidGresType(QStringView type);

// A job name Onramp gives its jobs: letters, digits, '_', '-', '.', '+', at most 64 characters.
// (Slurm takes more, but a '|' or a space would make Onramp's own squeue lines harder to read.)
bool isValidJobName(QStringView name);

// A user name for squeue --user: letters, digits, '_', '-', '.', at most 64 characters.
bool isValidUserName(QStringView name);

// A node name or a Slurm host list such as "gpu[01-04,07]".
bool isValidNodeList(QStringView nodes);

// The same checks with a translated sentence for the person (ErrorKind::InvalidInput).
Status checkPartitionName(QStringView name);
Status checkJobId(QStringView id);
Status checkTimeLimit(QStringView limit);
Status checkGpuCount(int count);
Status checkGresType(QStringView type);
Status checkJobName(QStringView name);
Status checkUserName(QStringView name);
Status checkNodeList(QStringView nodes);

} // namespace onramp::cluster
