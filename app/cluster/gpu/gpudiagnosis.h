#pragma once

#include "cluster/diagnosis.h"

#include <QString>
#include <QVersionNumber>

#include <optional>

namespace onramp::cluster {

// Where a GPU check ran. The same words mean different things on the login node and in a job
// ("no driver" on the login node is normal), so the explanations take this into account.
struct GpuCheckContext {
    enum class Place {
        Unknown,
        LoginNode, // run directly over SSH, not inside a Slurm job
        Job, // inside srun/salloc
    };
    Place place = Place::Unknown;
    int gpusRequested = -1; // the job's --gres=gpu:N; -1: unknown
    QVersionNumber driverCuda; // CUDA version the node's driver supports (nvidia-smi header), if known
    QString node; // the node's host name, if known
};

// Recognises an nvidia-smi failure from its output (stdout and stderr together) and exit code
// (-1: unknown): NVML driver/library mismatch, no driver, no devices, command not found, GPU lost,
// NVML init errors, an unknown query field. Codes: "nvidia-smi.<what>". Nothing for normal output.
std::optional<Diagnosis> diagnoseNvidiaSmi(QStringView output, int exitCode = -1,
                                           const GpuCheckContext &context = {});

// The field nvidia-smi rejected (`Field "xyz" is not a valid field to query.`), or empty. Lets a
// poller retry without a field an older driver does not know.
QString rejectedQueryField(QStringView output);

// Recognises PyTorch's classic CUDA failures in free text (a probe's warnings, a pasted log, stderr,
// `python -m torch.utils.collect_env`): driver too old for the build's CUDA, no NVIDIA driver, CUDA
// driver init failed, driver/library mismatch (Error 803), no CUDA GPUs, CPU-only build, a GPU too new
// for the build, torch not installed, the environment's python or conda missing. `torchCuda` (the
// build's CUDA, when known) makes the explanations precise. Codes: "torch.<what>"; each at most once,
// in text order.
Diagnoses diagnoseTorchOutput(QStringView text, const GpuCheckContext &context = {},
                              const QString &torchCuda = {});

} // namespace onramp::cluster
