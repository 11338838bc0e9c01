#pragma once

#include <QList>
#include <QString>

namespace onramp::cluster {

// A state or failure of a cluster tool in plain words: what it means and what the person can do.
// Recognisers (Slurm reasons, conda errors, NVML and PyTorch failures) return these; the GUI and
// onramp-cli show them, the report keeps them.
struct Diagnosis {
    QString code;       // stable id, e.g. "slurm.pending.Resources", "conda.PackagesNotFoundError"
    QString summary;    // translated: what happened, in one sentence
    QString suggestion; // translated: what to do next
    QString evidence;   // the tool's own words it was recognised from, verbatim
};

using Diagnoses = QList<Diagnosis>;

} // namespace onramp::cluster
