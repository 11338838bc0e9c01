#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

namespace onramp::cluster {

// Builders for Slurm command lines. Every value is validated, then quoted by onramp::shellQuote;
// the result is a complete shell command for Transport::exec.

// Is this a name Slurm accepts for a partition (letters, digits, '_', '-', '.')?
bool isValidPartitionName(const QString &name);

// `sinfo` with an explicit format, so the layout does not depend on the site's SINFO_FORMAT.
// Columns (separated by '|'): partition (with '*' for the default), availability, time limit,
// node count, state, GRES, node list.
QString sinfoOverviewCommand();

// The login node's name and the partitions it sees: the first thing Onramp shows after connecting.
QString identifyCommand();

struct SrunRequest {
    QString partition; // empty: the cluster's default partition
    int gpus = 0; // --gres=gpu:N when > 0
    QString timeLimit; // empty: the partition's default; else Slurm's [D-]HH:MM:SS form
    QStringList command; // the program and its arguments, run on the compute node
};

// `srun [--partition P] [--gres=gpu:N] [--time T] -- command...`
Result<QString> srunCommand(const SrunRequest &request);

} // namespace onramp::cluster
