#pragma once

#include <QString>
#include <QStringList>

namespace onramp::setup::status {

// Slurm's compressed host list as squeue prints a job's nodes ("gpu[01-03,07]", "a1,b[2-3]-ib")
// written out one node per entry, in order, at most `limit` names. Text that is not a host list
// comes back as one entry, unchanged. (app/cluster has no expander yet; the GPU view needs one to
// let the person pick a node of a multi-node job.)
QStringList expandHostList(QStringView list, int limit = 1024);

} // namespace onramp::setup::status
