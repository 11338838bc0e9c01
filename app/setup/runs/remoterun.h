#pragma once

#include "core/error.h"
#include "remote/transport.h"
#include "setup/runs/runcommands.h"
#include "setup/runs/runjournal.h"
#include "setup/runs/runspec.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>

namespace onramp::setup::runs {

// One detached run on the cluster, followed from here (architecture.md, "Remote runs").
//
// The script runs under ~/.onramp/runs/<id>/ in its own session (setsid), writing `log`, and `rc`
// when it ends; nothing on the cluster depends on this object or the connection. This object
// tails the log by byte offset over the shared transport, appends the raw bytes to the local log
// (RunJournal::localLogPath) and records the offset in the journal. When the connection drops it
// waits, and on connected() resumes from its offset: the local log ends byte-identical to the
// remote one. The local log's size is the offset that counts (a journal saved a moment before a
// crash may lag it), so a resumed run never doubles or skips bytes.
class RemoteRun : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultCancelGraceSeconds = 5;
    static constexpr int kDefaultPollMs = 300;
    // Consecutive failed tails (connected, no bytes, no end) before giving up until the next connect.
    static constexpr int kMaxTailFailures = 5;
    static constexpr int kResumeAfterDropMs = 300;

    ~RemoteRun() override;

    // Records the run in the journal (Running) and starts it on the cluster; an empty spec.id gets
    // newRunId(). Errors: an invalid id or a script over kMaxScriptBytes. Work starts from the event
    // loop, so connecting to the signals right after is in time. `transport` and `journal` are not
    // owned and must outlive the run (or the transport may be replaced with setTransport()).
    static Result<RemoteRun *> start(const RunSpec &spec, remote::Transport *transport, RunJournal *journal,
                                     QObject *parent = nullptr);
    // Follows a run the journal knows (after a restart, or with a new transport), from the local
    // log's size. A run that already ended is only shown, not followed.
    static RemoteRun *attach(const RunEntry &entry, remote::Transport *transport, RunJournal *journal,
                             QObject *parent = nullptr);

    // Follows over another transport (nullptr: none, wait); the offset carries over.
    void setTransport(remote::Transport *transport);

    // Stops the remote work: the Slurm jobs the script reported (scancel), then the process group
    // (TERM, KILL after the grace period). Remembered in the journal and sent again after a
    // reconnect until it went through; cancelled() follows once the log is complete.
    void cancel();
    int cancelGraceSeconds() const { return m_graceSeconds; }
    void setCancelGraceSeconds(int seconds) { m_graceSeconds = qMax(0, seconds); }
    // How often the remote tail looks at the log (ms).
    void setPollIntervalMs(int ms) { m_pollMs = qMax(50, ms); }

    QString id() const { return m_entry.id; }
    const RunEntry &entry() const { return m_entry; }
    RunState state() const { return m_entry.state; }
    qint64 offset() const { return m_entry.offset; }
    std::optional<int> exitCode() const { return m_entry.exitCode; }
    qint64 elapsedMs() const { return m_entry.elapsedMs(); }
    QString localLogPath() const { return m_log.fileName(); }
    // A tail is in flight.
    bool isFollowing() const { return !m_tail.isNull(); }
    // Tails started (1 + resumes); for tests and the log view's "resumed" marker.
    int followCount() const { return m_followCount; }
    // What the cancel found running, once it went through.
    const std::optional<CancelReply> &cancelReply() const { return m_cancelReply; }
    // The cancel's outcome in sentences, for the person.
    QString cancelSummary() const;

Q_SIGNALS:
    // The cluster confirmed the detached start (its process group is known).
    void started();
    // New bytes of the log, exactly as the file holds them (already in the local log).
    void output(const QByteArray &bytes);
    void stateChanged(onramp::setup::runs::RunState state);
    // The connection went away; the run keeps going on the cluster and is followed again later.
    void waitingForConnection();
    // A tail started at this offset (0 for the first).
    void following(qint64 offset);
    void finished(int exitCode);
    void cancelled(const QString &summary);
    void lost(const QString &why);
    // Could not start, or the local log cannot be written.
    void failed(const onramp::Error &error);
    // A tail ended unexpectedly; it is retried.
    void problem(const onramp::Error &error);

private:
    RemoteRun(const RunEntry &entry, remote::Transport *transport, RunJournal *journal, QObject *parent);

    bool isConnected() const;
    bool openLocalLog(bool truncate);
    void resume();
    void resumeAfterDrop();
    void startRemote();
    void follow();
    void onTailData(const QByteArray &bytes);
    void onTailDone(const remote::ProcessResult &result);
    void sendCancel();
    void conclude(const TailEnd &end);
    void setEnded(RunState state, const QString &note);
    void record(bool saveNow);
    void stopProcesses();

    QPointer<remote::Transport> m_transport;
    QPointer<RunJournal> m_journal;
    RunEntry m_entry;
    QString m_script; // kept until the start is confirmed (a retry after a drop sends it again)
    QFile m_log;
    QPointer<remote::RemoteProcess> m_startProcess;
    QPointer<remote::RemoteProcess> m_tail;
    QPointer<remote::RemoteProcess> m_cancelProcess;
    QString m_startOut;
    QString m_startErr;
    QString m_tailErr;
    QString m_cancelOut;
    std::optional<CancelReply> m_cancelReply;
    std::optional<TailEnd> m_pendingEnd; // a cancelled end waiting for the cancel's report
    QTimer m_retryTimer;
    int m_tailFailures = 0;
    int m_followCount = 0;
    int m_graceSeconds = kDefaultCancelGraceSeconds;
    int m_pollMs = kDefaultPollMs;
    bool m_waiting = false;
    bool m_brokenLocalLog = false;
};

} // namespace onramp::setup::runs
