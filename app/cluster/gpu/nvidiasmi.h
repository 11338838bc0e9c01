#pragma once

#include "core/error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

#include <optional>

namespace onramp::cluster {

// nvidia-smi: command builders and pure parsers (text in, typed values out; they never throw and
// never crash on odd input). Output of every driver generation Onramp has seen is understood:
// the 79-column tables of 450, the 87/89-column ones of 530/535, the 91-column ones of 545 to 595,
// CSV with and without header and units, and the NVML failures (see gpudiagnosis.h).

// What nvidia-smi says about the installed driver (the table's header line or `nvidia-smi --version`).
struct DriverInfo {
    QString smiVersion; // "565.57.01"
    QString driverVersion; // "565.57.01"
    QString nvmlVersion; // "565.57" (--version only)
    QVersionNumber cudaVersion; // the highest CUDA this driver supports ("CUDA Version: 12.7"); null: N/A
};

// One GPU as nvidia-smi reports it. Every measurement is optional: nvidia-smi prints `[N/A]`,
// `[Not Supported]`, `N/A` or `ERR!` where a card or driver has no value.
struct GpuStatus {
    std::optional<int> index; // nvidia-smi's index (inside a job: renumbered from 0, like CUDA)
    QString uuid; // "GPU-4a3f..."
    QString name; // "NVIDIA H100 80GB HBM3"; the table may cut it, see nameTruncated
    bool nameTruncated = false; // the table printed "NVIDIA GeForce RTX 4080 ..." (name holds the start)
    QString pciBusId; // "00000000:18:00.0"
    QString driverVersion; // per GPU in CSV; the table has it once, in DriverInfo
    std::optional<qint64> memoryTotalMiB;
    std::optional<qint64> memoryUsedMiB;
    std::optional<qint64> memoryFreeMiB;
    std::optional<int> utilizationGpuPercent;
    std::optional<int> utilizationMemoryPercent;
    std::optional<int> temperatureC;
    std::optional<double> powerDrawW;
    std::optional<double> powerLimitW;
    std::optional<int> fanSpeedPercent;
    QString pstate; // "P0" .. "P12"; empty when unknown
    QString computeMode; // "Default", "Exclusive_Process", ...
    QString migMode; // "Enabled", "Disabled"; empty when unknown or N/A
    // Columns without a typed member above, by canonical field name, cell text verbatim.
    QMap<QString, QString> otherFields;
};

// A process using a GPU (the table's Processes section or --query-compute-apps).
struct GpuProcess {
    std::optional<int> gpuIndex; // table only
    QString gpuUuid; // CSV only
    QString gpuBusId; // CSV only (gpu_bus_id)
    std::optional<qint64> pid;
    QString type; // table only: "C" (compute), "G" (graphics), "C+G", "M", "M+C" (MPS)
    QString name; // "/home/student/miniconda3/envs/cola/bin/python"; may be cut, see nameTruncated
    bool nameTruncated = false; // the table cut the name with "..."
    std::optional<qint64> usedMemoryMiB;
    std::optional<int> gpuInstance; // MIG GI (table only)
    std::optional<int> computeInstance; // MIG CI (table only)
    QMap<QString, QString> otherFields; // CSV columns without a typed member, verbatim
};

// One MIG slice from the table's "MIG devices" section.
struct MigDevice {
    int gpuIndex = 0;
    std::optional<int> gpuInstance;
    std::optional<int> computeInstance;
    int migDevice = 0;
    std::optional<qint64> memoryUsedMiB;
    std::optional<qint64> memoryTotalMiB;
};

// Everything the default `nvidia-smi` table shows.
struct NvidiaSmiTable {
    QString timestamp; // the first line, verbatim, when present ("Tue Jul 14 09:00:43 2026")
    DriverInfo driver;
    QList<GpuStatus> gpus;
    QList<MigDevice> migDevices;
    bool processesListed = false; // the Processes section was there ("No running processes found" too)
    QList<GpuProcess> processes;
};

// `nvidia-smi -L`
struct ListedMigDevice {
    QString profile; // "3g.40gb"
    int device = 0;
    QString uuid; // "MIG-..."
};
struct ListedGpu {
    int index = 0;
    QString name;
    QString uuid;
    QList<ListedMigDevice> migDevices;
};

// --- Command builders ---------------------------------------------------------------------------

struct CsvFormat {
    bool header = false; // false: `noheader`
    bool units = false; // false: `nounits`
};

// The --query-gpu fields the GPU status view needs, in this order. All exist since driver 450.
QStringList gpuStatusFields();
// The --query-compute-apps fields the GPU status view needs: gpu_uuid, pid, process_name, used_memory.
QStringList computeAppsFields();

// Is this an nvidia-smi query field name ("memory.used", "clocks_event_reasons.active")?
bool isValidQueryField(const QString &field);

// `nvidia-smi --query-gpu=F1,F2 --format=csv,noheader,nounits`. Field names are validated.
Result<QString> queryGpuCommand(const QStringList &fields = gpuStatusFields(), CsvFormat format = {});
// `nvidia-smi --query-compute-apps=F1,F2 --format=csv,noheader,nounits`.
Result<QString> queryComputeAppsCommand(const QStringList &fields = computeAppsFields(),
                                        CsvFormat format = {});
QString nvidiaSmiTableCommand(); // `nvidia-smi`
QString nvidiaSmiListCommand(); // `nvidia-smi -L`
QString nvidiaSmiVersionCommand(); // `nvidia-smi --version` (drivers >= 535)

// --- Parsers ------------------------------------------------------------------------------------
// Each returns ErrorKind::UnexpectedOutput with a translated message when the text is not what the
// command prints; when the text is a known nvidia-smi failure (no driver, NVML mismatch, ...) the
// message is that failure explained (diagnoseNvidiaSmi() gives the full Diagnosis).

// --query-gpu CSV, with or without header, with or without units. Columns come from the header when
// there is one (aliases and renamed fields map to their canonical names, unknown columns land in
// otherFields), else from `requestedFields` (what the command asked for, in order).
Result<QList<GpuStatus>> parseGpuQueryCsv(QStringView output, const QStringList &requestedFields = {});

// --query-compute-apps CSV, like parseGpuQueryCsv. No rows (or a header only) means no processes.
Result<QList<GpuProcess>> parseComputeAppsCsv(QStringView output,
                                              const QStringList &requestedFields = computeAppsFields());

// The default table: driver and CUDA version from the header, one GpuStatus per GPU, MIG devices and
// the processes. A table cut in the middle is an error, not a shorter list.
Result<NvidiaSmiTable> parseNvidiaSmiTable(QStringView output);

// `nvidia-smi -L`
Result<QList<ListedGpu>> parseNvidiaSmiList(QStringView output);

// `nvidia-smi --version`
Result<DriverInfo> parseNvidiaSmiVersion(QStringView output);

// The CUDA version of a driver in the form torch reports it ("found version 11040" -> 11.4).
QVersionNumber cudaVersionFromDriverInt(qint64 version);

} // namespace onramp::cluster
