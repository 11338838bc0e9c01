#include "setup/guided/reportevidence.h"

#include "core/shellquote.h"
#include "core/version.h"
#include "setup/guided/guidedtr.h"
#include "setup/status/gpumonitor.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>

namespace onramp::setup::guided {

namespace {

// Run by the environment's own interpreter (-I: nothing from the person's site-packages). Only the
// fields the report needs: a conda-meta record also lists every file of the package.
constexpr auto kPackageScript = R"PY(import glob, json, os, sys
out = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "conda-meta", "*.json"))):
    try:
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
    except (OSError, ValueError):
        continue
    out.append({k: record.get(k) for k in ("name", "version", "build", "channel", "size")})
print("ONRAMP-PACKAGES " + json.dumps(out))
)PY";

constexpr auto kPackageMarker = "ONRAMP-PACKAGES ";

} // namespace

QJsonObject toJson(const EvidenceProfile &profile)
{
    QJsonObject o {{QStringLiteral("name"), profile.name.isEmpty() ? profile.host : profile.name},
                   {QStringLiteral("host"), profile.host},
                   {QStringLiteral("user"), profile.user},
                   {QStringLiteral("proxy_jump"), profile.proxyJump}};
    o.insert(QStringLiteral("port"), profile.port > 0 ? QJsonValue(profile.port) : QJsonValue());
    return o;
}

QJsonArray toJson(const QList<GpuHistorySample> &history)
{
    QJsonArray samples;
    for (const GpuHistorySample &sample : history) {
        QJsonArray gpus;
        for (const GpuHistoryGpu &gpu : sample.gpus) {
            auto optional
                = [](const auto &value) { return value ? QJsonValue(double(*value)) : QJsonValue(); };
            gpus.append(QJsonObject {{QStringLiteral("index"), gpu.index},
                                     {QStringLiteral("name"), gpu.name},
                                     {QStringLiteral("util_percent"), optional(gpu.utilPercent)},
                                     {QStringLiteral("memory_used_mib"), optional(gpu.memoryUsedMiB)},
                                     {QStringLiteral("memory_total_mib"), optional(gpu.memoryTotalMiB)}});
        }
        samples.append(
            QJsonObject {{QStringLiteral("t"),
                          QDateTime::fromMSecsSinceEpoch(sample.atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                         {QStringLiteral("gpus"), gpus}});
    }
    return samples;
}

QJsonObject reportEvidence(const SetupEvidence &evidence, const ReportExtras &extras)
{
    QJsonObject document = toJson(evidence);
    const QDateTime at = extras.collectedAt.isValid() ? extras.collectedAt : QDateTime::currentDateTimeUtc();
    document.insert(QStringLiteral("collected_at"), at.toUTC().toString(Qt::ISODate));
    document.insert(QStringLiteral("onramp_version"), QStringLiteral(ONRAMP_VERSION));
    EvidenceProfile profile = extras.profile.value_or(EvidenceProfile {});
    if (profile.host.isEmpty())
        profile.host = evidence.host;
    document.insert(QStringLiteral("profile"), toJson(profile));
    const QJsonValue packages = evidence.step(StepId::Evidence).facts.value(QLatin1String("packages"));
    if (packages.isArray())
        document.insert(QStringLiteral("packages"), packages);
    document.insert(QStringLiteral("gpu_history"), toJson(extras.gpuHistory));
    return document;
}

QList<GpuHistorySample> gpuHistoryFrom(const status::GpuMonitor &monitor)
{
    QHash<QString, GpuHistoryGpu> names;
    for (const status::GpuReading &reading : monitor.gpus()) {
        GpuHistoryGpu gpu;
        gpu.index = reading.status.index.value_or(int(names.size()));
        gpu.name = reading.status.name;
        names.insert(reading.key(), gpu);
    }
    QMap<qint64, GpuHistorySample> byTime;
    const QStringList keys = monitor.historyKeys();
    for (qsizetype k = 0; k < keys.size(); ++k) {
        GpuHistoryGpu base = names.value(keys[k]);
        if (!names.contains(keys[k]))
            base.index = int(k);
        for (const status::GpuSample &point : monitor.history(keys[k])) {
            GpuHistorySample &sample = byTime[point.atMs];
            sample.atMs = point.atMs;
            GpuHistoryGpu gpu = base;
            gpu.utilPercent = point.utilizationPercent;
            gpu.memoryUsedMiB = point.memoryUsedMiB;
            gpu.memoryTotalMiB = point.memoryTotalMiB;
            sample.gpus.append(gpu);
        }
    }
    return byTime.values();
}

Result<QString> packageMetadataCommand(const QString &envPrefix)
{
    if (!envPrefix.startsWith(QLatin1Char('/')) || envPrefix.contains(QLatin1Char('\n'))
        || envPrefix.contains(QChar(0)))
        return Error {ErrorKind::InvalidInput,
                      GuidedTr::tr("The environment’s folder “%1” is not an absolute path.").arg(envPrefix),
                      QStringLiteral("packageMetadataCommand")};
    return shellJoin({envPrefix + QStringLiteral("/bin/python"), QStringLiteral("-I"), QStringLiteral("-c"),
                      QString::fromUtf8(kPackageScript), envPrefix});
}

Result<QJsonArray> parsePackageMetadata(const QString &stdoutText)
{
    for (const QString &line : stdoutText.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String(kPackageMarker)))
            continue;
        QJsonParseError error;
        const QJsonDocument document
            = QJsonDocument::fromJson(line.mid(qsizetype(qstrlen(kPackageMarker))).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isArray())
            return document.array();
        return Error {ErrorKind::UnexpectedOutput,
                      GuidedTr::tr("The environment’s package list could not be read."), error.errorString()};
    }
    return Error {ErrorKind::UnexpectedOutput,
                  GuidedTr::tr("The environment’s package list could not be read."),
                  QStringLiteral("no package line")};
}

} // namespace onramp::setup::guided
