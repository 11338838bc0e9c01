#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace onramp::setup::runs {

// The remote side of a run, as shell commands for Transport::exec and parsers for what they print.
// A run lives in its own directory on the cluster (~/.onramp/runs/<id>/):
//   script       the preamble (onramp_job_started) and the person's script
//   log          everything the script printed, stdout and stderr together, byte for byte
//   pgid         the process group (and session) of the detached run
//   started_at   UTC, ISO 8601
//   jobs         Slurm job ids the script reported with onramp_job_started, one per line
//   rc           the exit code, written (atomically) once the script has ended
//   cancelling   a cancel is under way: a dead process group is not yet a lost run
//   cancelled    the cancel finished: nothing of the run is left running
// Every value pasted into these commands passes through shellQuote.

// The directory as a shell word: "~/x" becomes "$HOME"/'x', anything else is quoted as it is.
QString remoteDirWord(const QString &dir);
QString defaultRemoteDir(const QString &id);

// The lines put before the person's script in the `script` file.
QString scriptPreamble();

// Creates the run directory, writes the script and starts it detached (setsid, nohup, stdin from
// /dev/null) so that the exec channel returns at once. Idempotent: a run that already started
// (a retry after the connection dropped mid-start) is reported, not started twice.
QString startCommand(const QString &id, const QString &script);

struct StartReply {
    qint64 pgid = 0;
    QString dir; // absolute, as the cluster resolved $HOME
};
std::optional<StartReply> parseStartReply(const QString &stdoutText);

// Streams the log from `offset` (bytes already held locally) on stdout, polling the file every
// `pollMs`, and ends, once everything up to the log's final size was sent, when the run ended:
// one "onramp-run-end ..." line on stderr. After `maxBytes` it ends with "onramp-run-more": the
// next tail is asked for once these bytes are written here, so no more than that is ever in
// flight however slow this side is (the transport itself has no flow control). Ends on its own
// (exit 1) when its connection is gone.
// A run directory without a process group after this long never started.
constexpr int kNoStartWaitMs = 12000;
constexpr qint64 kTailWindowBytes = 4 * 1024 * 1024;
QString tailCommand(const QString &dir, qint64 offset, int pollMs = 300, qint64 maxBytes = kTailWindowBytes);

struct TailEnd {
    enum class Kind { Finished, Cancelled, Lost, Missing, More };
    Kind kind = Kind::Lost;
    int exitCode = -1; // Finished only
};
std::optional<TailEnd> parseTailEnd(const QString &stderrText);

// Cancels the Slurm jobs the script reported, sends TERM to the process group, KILL after
// `graceSeconds`, waits until the group is gone and marks the run cancelled. Prints what was
// running first.
QString cancelCommand(const QString &dir, int graceSeconds);

struct CancelReply {
    QStringList processes; // "PID command line" of each process of the run's group
    QStringList jobs; // "JOBID STATE NAME" of each reported Slurm job (state empty: already gone)
    bool killed = false; // TERM was not enough within the grace period
    bool alreadyFinished = false; // the run had ended before the cancel
    int exitCode = -1; // alreadyFinished: its exit code
    bool missing = false; // the run directory does not exist
    bool done = false; // the cancel ran to its end
};
CancelReply parseCancelReply(const QString &stdoutText);

} // namespace onramp::setup::runs
