#pragma once

// Helpers shared by the conda parsers: how conda's raw output is turned into lines, JSON and
// numbers. Internal to app/cluster/conda (the public API is in the other headers), but tested.

#include "core/error.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace onramp::cluster::condaoutput {

// The text as a plain terminal would leave it, line by line: "\n" (and "\r\n") ends a line, a bare
// "\r" returns to the line's start so that later text overwrites it, "\b" moves one column left,
// ANSI escape sequences (colours, cursor up) are dropped, NUL ends a line (conda's --json progress
// records are NUL-separated). Trailing spaces are removed.
QStringList renderLines(QStringView text);

// The JSON document of a `conda ... --json` run: the last NUL-separated record (earlier records are
// download progress), trimmed. Errors: nothing printed, not JSON. `what` names the command in the
// technical detail, e.g. "conda info --json".
Result<QJsonDocument> parseJson(QStringView text, QStringView what);

// conda's human-readable sizes ("700 B", "3 KB", "951.9 MB", "1.40 GB"; powers of 1024) in bytes,
// or -1 when the text is not a size.
qint64 parseHumanSize(QStringView text);

// A conda dist string "channel::name-version-build" (the channel part and a 4.2-style trailing
// " 1" are optional; "channel/subdir::" is accepted). False when it has no name-version-build shape.
struct Dist {
    QString channel;
    QString subdir;
    QString name;
    QString version;
    QString build;
};
bool parseDist(QStringView text, Dist *dist);

// Short channel name for a channel URL: "https://conda.anaconda.org/conda-forge/linux-64" ->
// "conda-forge", "https://repo.anaconda.com/pkgs/main/noarch" -> "pkgs/main"; other URLs (file://,
// mirrors) lose only their subdir. Names are returned unchanged.
QString shortChannel(QStringView channel);

// The channel of a package record (conda list --json, a plan's LINK/UNLINK): conda's own short
// name ("conda-forge", "pkgs/main") when base_url ends with it, else base_url (conda calls a
// file:///srv/conda-channel record "channel"). Either may be empty.
QString recordChannel(QStringView channel, QStringView baseUrl);

// Compares two conda version strings segment by segment (numbers numerically, other text
// lexically); a simplified VersionOrder that is right for the versions plans show. <0, 0, >0.
int compareVersions(QStringView a, QStringView b);

// A parser's error: conda printed something Onramp could not read.
inline Error unexpected(const QString &message, const QString &detail)
{
    return Error {ErrorKind::UnexpectedOutput, message, detail};
}

// A JSON field that should be a string: its text, or empty for anything else (null, a number).
inline QString jsonString(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

// The first `max` characters of `text` for an error's technical detail, with control characters
// shown as escapes, so that binary garbage cannot corrupt a log line.
QString excerpt(QStringView text, int max = 120);

} // namespace onramp::cluster::condaoutput
