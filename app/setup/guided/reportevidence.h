#pragma once

#include "core/error.h"
#include "setup/guided/setupevidence.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace onramp::setup::status {
class GpuMonitor;
}

namespace onramp::setup::guided {

// The connection the evidence was collected over, as the report names it.
struct EvidenceProfile {
    QString name; // the saved profile's or ssh_config alias's name; empty: the host
    QString host;
    QString user;
    int port = 0; // 0: unknown (the default)
    QString proxyJump;
};

// One moment of the GPU monitor's history, all GPUs of the job together.
struct GpuHistoryGpu {
    int index = 0;
    QString name;
    std::optional<int> utilPercent;
    std::optional<qint64> memoryUsedMiB;
    std::optional<qint64> memoryTotalMiB;
};
struct GpuHistorySample {
    qint64 atMs = 0; // ms since the epoch, UTC
    QList<GpuHistoryGpu> gpus;
};

// What the report knows beside the setup's own evidence.
struct ReportExtras {
    std::optional<EvidenceProfile> profile;
    QList<GpuHistorySample> gpuHistory;
    QDateTime collectedAt; // invalid: now
};

// The evidence document the Python side reads (`_onramp.evidence_json()`, `onramp-cli report --evidence`):
// toJson(evidence) plus the top-level keys "profile", "collected_at", "onramp_version", "packages" (the
// env's conda-meta records that step 8 collected) and "gpu_history" (python/onramp/README.md).
QJsonObject reportEvidence(const SetupEvidence &evidence, const ReportExtras &extras = {});

// The GPU monitor's history, grouped by poll time (the GPUs of one poll share a time).
QList<GpuHistorySample> gpuHistoryFrom(const status::GpuMonitor &monitor);
QJsonArray toJson(const QList<GpuHistorySample> &history);
QJsonObject toJson(const EvidenceProfile &profile);

// Step 8's package list: the environment's own python reads its conda-meta/*.json and prints
// [{name, version, build, channel, size}] as one JSON line. envPrefix must be an absolute path.
Result<QString> packageMetadataCommand(const QString &envPrefix);
Result<QJsonArray> parsePackageMetadata(const QString &stdoutText);

} // namespace onramp::setup::guided
