#pragma once

#include "cluster/diagnosis.h"
#include "setup/status/gpupoll.h"
#include "setup/status/jobsmonitor.h"

#include <QJsonObject>

#include <optional>

namespace onramp::setup::status {

// The JSON documents of `onramp-cli jobs --json` and `onramp-cli gpus --json`. Stable: keys are
// only ever added. Unknown values are null, never left out; sizes in MiB, times in seconds,
// time stamps in ISO 8601 UTC. Texts meant for people ("summary", "suggestion", "stateLabel",
// "message") follow the language; everything else does not.

QJsonObject toJson(const cluster::Diagnosis &diagnosis);
QJsonValue toJson(const std::optional<cluster::Diagnosis> &diagnosis);
QJsonObject toJson(const StatusProblem &problem);
// {"id", "name", "user", "partition", "state", "stateLabel", "elapsedSeconds", "elapsed",
//  "timeLimitSeconds", "timeLimit", "nodes", "nodeList", "gpus", "reason", "explanation"}
QJsonObject toJson(const JobEntry &job);
// {"index", "uuid", "name", "busId", "utilizationPercent", "memoryUtilizationPercent",
//  "memoryUsedMiB", "memoryTotalMiB", "temperatureC", "powerW", "powerLimitW", "processes": [
//  {"pid", "name", "usedMemoryMiB"}]}
QJsonObject toJson(const GpuReading &gpu);

// Schema names of the two documents ("onramp.jobs/1", "onramp.gpus/1").
QString jobsSchema();
QString gpusSchema();

} // namespace onramp::setup::status
