#pragma once

// Helpers shared by the GPU parsers (not part of the API).

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace onramp::cluster::gpu_detail {

// The output's lines without their line ends ("\r\n" too). A trailing empty line is dropped.
QList<QStringView> splitLines(QStringView text);

// A value nvidia-smi prints where there is none: `[N/A]`, `N/A`, `[Not Supported]`, `[Unknown Error]`,
// `ERR!`, an empty cell, ...
bool isUnavailable(QStringView cell);

// "8192 MiB", "8192", "111.50 W", "8 %", "45C": the number and the unit glued or spaced after it.
struct Measure {
    double value = 0;
    QString unit;
};
std::optional<Measure> parseMeasure(QStringView cell);

// The first `maxChars` characters of a line for an error detail, control characters made visible.
QString excerpt(QStringView text, qsizetype maxChars = 120);

// True if the text holds NUL bytes: binary data, not a tool's text output.
bool looksBinary(QStringView text);

Error unexpectedOutput(const QString &message, const QString &detail);

} // namespace onramp::cluster::gpu_detail
