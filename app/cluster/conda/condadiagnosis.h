#pragma once

#include "cluster/diagnosis.h"

#include <QString>

#include <optional>

namespace onramp::cluster {

// What Onramp knows about where conda ran; it sharpens some explanations.
struct CondaDiagnosisContext {
    enum class Place {
        Unknown,
        LoginNode, // over SSH, not in a Slurm job: usually no GPU, so no __cuda
        GpuJob, // inside an allocation with --gres=gpu
    };
    Place place = Place::Unknown;
    // The __cuda version conda detected (conda info --json): nullopt = not looked up, "" = none.
    std::optional<QString> detectedCuda;
};

// Recognises conda's failures in its output (stdout and stderr together, text or a --json error
// document, from a pseudo-terminal or not) and explains each as a Diagnosis: what happened and
// what to do, in the person's language, with conda's own words as evidence. Codes:
//   conda.PackagesNotFoundError        missing packages (listed) and the channels searched (listed)
//   conda.UnsatisfiableError           classic solver conflicts ("Package X conflicts for:")
//   conda.LibMambaUnsatisfiableError   libmamba/mamba conflict trees and "Encountered problems"
//   conda.cuda.missing / conda.cuda.too-old / conda.cuda.unavailable
//                                      a CUDA build needs __cuda: no driver, too old, or either
//   conda.CondaHTTPError               HTTP and connection failures (000 CONNECTION FAILED, 403, ...)
//   conda.UnavailableInvalidChannel    a channel that does not exist
//   conda.disk.full / conda.disk.quota Errno 28 / Errno 122
//   conda.env.exists                   the environment (prefix) is already there
//   conda.env.not-found                EnvironmentLocationNotFound, EnvironmentNameNotFound
//   conda.spec.invalid                 InvalidMatchSpec, InvalidVersionSpec, InvalidSpec
//   conda.activate.no-init             `conda activate` in a shell without conda's functions
//   conda.run.failed / conda.run.command-not-found
//   conda.crash                        a Python traceback and nothing more specific
//   conda.<ExceptionName>              any other conda error, explained generically
// Most specific first. Nothing for normal output, DryRunExit, or a "no" at Proceed ([y]/n)?.
Diagnoses diagnoseCondaOutput(QStringView output, const CondaDiagnosisContext &context = {});

} // namespace onramp::cluster
