#pragma once

#include "core/error.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace onramp::cli {

struct StatusOptions;

// `onramp-cli diagnose [FILE|-] [--json]`: explains a log saved or pasted from the cluster (conda,
// srun/sbatch/salloc, squeue, nvidia-smi, PyTorch) with cluster::diagnoseLog. It reads a file on
// this computer, or stdin, and needs no connection.
struct DiagnoseRequest {
    QString path; // empty or "-": stdin
    bool json = false;
};

bool isDiagnoseVerb(const QString &verb);

// The request as the person gave it; a mistake (two files, a file that cannot be read, an option of
// another command) is ErrorKind::InvalidInput with a translated sentence. `words` follow the verb.
Result<DiagnoseRequest> diagnoseRequestFrom(const QStringList &words, const QCommandLineParser &parser,
                                            const StatusOptions &options);

// Reads the log (UTF-8; invalid bytes become U+FFFD), prints each diagnosis (summary, what to do,
// the log's own words) or one JSON document {"schema", "source", "diagnoses": [{code, summary,
// suggestion, evidence}]}. Exit status: 0 when something was recognised, 1 when nothing was, 2 when
// the log could not be read.
int runDiagnose(const DiagnoseRequest &request);

} // namespace onramp::cli
