#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::cluster {

// The small values that every Slurm output is made of, parsed from the text Slurm prints.
// Pure functions; nothing here runs a command.

// A time limit or an elapsed time: "2-16:46:05", "1:22:14", "38:52", "0:00", "UNLIMITED".
struct SlurmDuration {
    enum class Kind {
        Finite,
        Unlimited, // UNLIMITED, INFINITE (time limits)
        Unset, // INVALID, N/A, NONE, NOT_SET, (null), empty: Slurm has no value
    };
    Kind kind = Kind::Unset;
    qint64 seconds = 0; // only for Finite

    bool isFinite() const { return kind == Kind::Finite; }
    static SlurmDuration finite(qint64 secs) { return {Kind::Finite, secs}; }
    static SlurmDuration unlimited() { return {Kind::Unlimited, 0}; }
    friend bool operator==(const SlurmDuration &, const SlurmDuration &) = default;
};

// Accepts what squeue, sinfo and scontrol print: D-HH:MM:SS, D-HH:MM, D-HH, HH:MM:SS, MM:SS, and a
// lone number of minutes (Slurm's input form). std::nullopt for anything else.
std::optional<SlurmDuration> parseSlurmDuration(QStringView text);

// Slurm's own display form: "D-HH:MM:SS" with days, "HH:MM:SS" without; "UNLIMITED"; "" when unset.
QString formatSlurmDuration(const SlurmDuration &duration);

// A time stamp as Slurm prints it ("2026-11-27T04:06:31", also with a space instead of 'T').
// Slurm prints the cluster's local time without a zone: the result is a local-time QDateTime with
// those fields. std::nullopt for "Unknown", "N/A", "None", "(null)", old "06/02-15:27:11" forms.
std::optional<QDateTime> parseSlurmDateTime(QStringView text);

// A job's state. squeue prints the long form (%T, -O State) or the compact one (%t, ST).
enum class JobState {
    Unknown, // a state this version of Onramp does not know; the text is kept beside it
    Pending,
    Running,
    Suspended,
    Completing,
    Completed,
    Configuring,
    Cancelled,
    Failed,
    Timeout,
    Preempted,
    NodeFail,
    BootFail,
    Deadline,
    OutOfMemory,
    Requeued,
    RequeueHold,
    RequeueFed,
    Resizing,
    Revoked,
    Signaling,
    SpecialExit,
    StageOut,
    Stopped,
    ResvDelHold,
};

// "RUNNING", "R", "CANCELLED by 1000", "PENDING+..." (the base state counts), case-insensitive.
JobState parseJobState(QStringView text);
// The long name Slurm uses ("PENDING"), untranslated; "UNKNOWN" for Unknown.
QString jobStateName(JobState state);
// A short translated label for people ("Waiting", "Running", "Out of memory").
QString jobStateLabel(JobState state);
// Pending, running or on the way there: the job still holds or waits for resources.
bool isActive(JobState state);
// The job has ended; FAILED, TIMEOUT, OUT_OF_MEMORY and the like are ended unsuccessfully.
bool isFinished(JobState state);

// A node's state as sinfo ("mixed-", "down*", "draining@", "idle~") or scontrol ("IDLE+DRAIN",
// "DOWN*+NOT_RESPONDING") prints it.
struct NodeState {
    QString text; // as printed
    QString base; // lower case, long form: "idle", "mixed", "allocated", "down", "drained", ...
    QStringList flags; // upper case: "DRAIN", "NOT_RESPONDING", "POWERED_DOWN", "MAINT", "RESERVED", ...
    bool usable() const; // can start new jobs: idle/mixed/allocated/completing/planned, not drained,
                         // down, failing, powered down, in maintenance or not responding
};
NodeState parseNodeState(QStringView text);

// One generic resource: "gpu:a100:4(S:0-1)", "gpu:(null):2(IDX:0-1)", "nvme:3600", "vis:no_consume:1".
struct GresEntry {
    QString name; // "gpu"
    QString type; // "a100"; empty when none or "(null)"
    qint64 count = 0; // K/M/G/T/P suffixes expanded (x1024)
    bool noConsume = false;
    QString detail; // inside the parentheses: "S:0-1", "IDX:0,3"
    QList<int> indexes; // from IDX:..., the devices in use
    friend bool operator==(const GresEntry &, const GresEntry &) = default;
};

// A GRES list as sinfo (Gres, GresUsed), squeue (tres-per-node) or scontrol (Gres=, TresPerNode=)
// prints it. Commas inside parentheses belong to the entry; "gres:" / "gres/" prefixes are
// dropped; "(null)", "N/A" and "" are the empty list.
Result<QList<GresEntry>> parseGres(QStringView text);
// The sum of the "gpu" entries.
qint64 gpuCount(const QList<GresEntry> &gres);

// A TRES list: "cpu=4,mem=256G,node=1,billing=4,gres/gpu:v100=6" -> key -> value, in order.
// Empty and "(null)" give an empty map; an element without '=' is an error.
Result<QMap<QString, QString>> parseTres(QStringView text);
// GPUs in a TRES map: "gres/gpu" when present, else the sum of "gres/gpu:TYPE"; 0 when none.
qint64 tresGpuCount(const QMap<QString, QString> &tres);

} // namespace onramp::cluster
