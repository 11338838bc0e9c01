#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QList>
#include <QStringView>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {` (see
// app/core/CMakeLists.txt), and SlurmTr must be found for the context to be "onramp::cluster".
namespace onramp {
namespace cluster {

// Internal to app/cluster/slurm: public headers do not include this file.

// Translation context of the Slurm sentences (context "onramp::cluster", shared with the rest of
// the cluster layer).
struct SlurmTr {
    Q_DECLARE_TR_FUNCTIONS(onramp::cluster)
};

namespace slurm_detail {

inline Error invalidInput(const QString &message)
{
    return Error {ErrorKind::InvalidInput, message, {}};
}

inline Error unexpectedOutput(const QString &message, const QString &detail = {})
{
    return Error {ErrorKind::UnexpectedOutput, message, detail};
}

// Refuses text with NUL or other control characters (but tab, CR and LF) or with U+FFFD (bytes
// that were not UTF-8): binary garbage, not a Slurm table. `tool` names the command ("squeue").
Status checkReadableText(QStringView text, const QString &tool);

// Lines without their CR/LF ends and trailing whitespace; blank lines dropped. `number` is 1-based.
struct TextLine {
    int number = 0;
    QStringView text;
};
QList<TextLine> nonBlankLines(QStringView text);

// "The output of %1 could not be read: line %2 is “%3”." with the line as the detail.
Error unreadableLine(const QString &tool, const TextLine &line, const QString &why = {});

} // namespace slurm_detail
} // namespace cluster
} // namespace onramp
