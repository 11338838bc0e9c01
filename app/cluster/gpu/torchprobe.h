#pragma once

#include "cluster/diagnosis.h"
#include "cluster/gpu/gpudiagnosis.h"
#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::cluster {

// The PyTorch probe: a small Python script (torch_probe.py, a resource of onramp_cluster) that Onramp
// runs with the environment's Python. It prints exactly one JSON object on one line of stdout, whatever
// happens (torch missing, CUDA init failing, a hang past its deadline); everything else it or torch
// prints goes to stderr.

// The script's text (UTF-8 source).
QString torchProbeScript();

// How to run the probe in an environment. Either the env's python, or conda run.
struct TorchProbeRequest {
    // The env's python, e.g. "~/miniconda3/envs/cola/bin/python" (a leading "~/" is expanded by the
    // remote shell) or "/opt/conda/envs/x/bin/python". Used when `conda` is empty.
    QString python;
    // `conda run`: the conda executable ("conda", "~/miniconda3/bin/conda") and one of envName / envPrefix.
    QString conda;
    QString envName; // -n NAME
    QString envPrefix; // -p PREFIX
    // The probe's own deadline in seconds (it prints what it has and exits 3); 0: none. A CUDA call that
    // hangs while holding Python's lock can outlast it, so the command also runs under coreutils'
    // `timeout` (deadline + 15 s, then SIGKILL 5 s later: exit code 124 or 137, no JSON).
    int deadlineSeconds = 120;
};

// The remote command, every word quoted by onramp::shellQuote. With conda run the script travels as
// one base64 line (conda run mangles arguments with newlines, conda/conda#11763).
Result<QString> torchProbeCommand(const TorchProbeRequest &request);

struct TorchDevice {
    int index = 0;
    QString name; // "NVIDIA H100 80GB HBM3"
    std::optional<qint64> totalMemoryBytes;
    QString capability; // "9.0"
    QString error; // the exception text if querying this device failed
};

struct TorchWarning {
    QString category; // "UserWarning"
    QString message; // "CUDA initialization: The NVIDIA driver on your system is too old ..."
};

// What the probe found.
struct TorchProbeResult {
    int probeVersion = 0; // the script's format version
    QString pythonVersion; // "3.11.7"
    QString pythonExecutable;
    QString hostname;
    std::optional<QString> cudaVisibleDevices; // nullopt: unset (differs from set-but-empty)
    bool torchImported = false;
    QString importError; // "ModuleNotFoundError: No module named 'torch'"
    QString torchVersion; // "2.1.2", "2.1.0+cu118"
    QString torchPath; // torch/__init__.py, to tell which torch was imported
    QString torchCuda; // torch.version.cuda ("12.1"); empty: a CPU-only build
    QString torchHip; // torch.version.hip (ROCm builds)
    std::optional<int> cudnnVersion; // 8902
    std::optional<bool> cudaAvailable; // torch.cuda.is_available()
    std::optional<int> deviceCount; // torch.cuda.device_count()
    QList<TorchDevice> devices;
    QStringList archList; // torch.cuda.get_arch_list(): "sm_80", "compute_90", ...
    QString cudaError; // the exception text of CUDA init / first CUDA use ("RuntimeError: ...")
    std::optional<bool> tensorOk; // a tiny tensor on GPU 0 computed correctly (only tried when available)
    QList<TorchWarning> warnings; // warnings raised while importing torch and initialising CUDA
    QString probeError; // the probe itself failed (traceback) or hit its deadline
    bool deadlineExceeded = false; // the probe gave up after TorchProbeRequest::deadlineSeconds
    QString preamble; // lines before the JSON (a chatty .bashrc, conda run), verbatim

    bool isCudaBuild() const { return torchImported && !torchCuda.isEmpty(); }
    bool isCpuBuild() const { return torchImported && torchCuda.isEmpty() && torchHip.isEmpty(); }
};

// Finds the probe's JSON in the output (junk lines before it are kept in `preamble`) and reads it.
Result<TorchProbeResult> parseTorchProbe(QStringView output);

// When parseTorchProbe() fails: what the command's output and exit code say instead (the outer timeout,
// 124/137; the env or its python missing; torch's own error text). Empty when nothing is recognised.
Diagnoses diagnoseTorchProbeFailure(QStringView output, int exitCode, const GpuCheckContext &context = {});

// The classic failures: torch not installed or failing to import, CPU-only build, driver too old for
// this CUDA build, no NVIDIA driver (login node / job without --gres), CUDA init failed, driver/library
// mismatch, device_count differing from the GPUs requested, a GPU this build has no kernels for, and
// a failing first tensor. Empty when everything works.
Diagnoses diagnoseTorchProbe(const TorchProbeResult &result, const GpuCheckContext &context = {});

} // namespace onramp::cluster
