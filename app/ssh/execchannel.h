#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <QByteArray>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace onramp::ssh {

// One remote command on its own channel of the shared session. Never blocks: the session is in
// non-blocking mode and advance() is called again whenever the session had traffic, until the
// channel is open and the command runs. Output, EOF, exit status/signal and close arrive through
// libssh's channel callbacks, so they are caught whichever libssh call happens to read the packet;
// that includes advance() itself (ssh_channel_request_exec() reads while it waits for its answer),
// so a close that came meanwhile must win over the phase advance() was about to set.
class ExecChannel {
public:
    enum class Phase {
        Queued, // waiting for the server to allow one more channel
        Opening, // channel-open sent, no answer yet
        Requesting, // exec sent, no answer yet
        Running,
        Ending, // asked to end (cancel, timeout, failure); waiting for the server to close it
        Closed, // closed by the server, or never opened: ready to be freed
    };

    enum class Step {
        Pending, // nothing new; call again after more traffic
        Started, // the command runs
        Refused, // the server refused the channel (the channel is back in Queued)
        Failed, // the exec request failed: error() says why
    };

    // A terminal instead of a plain command: a pseudo-terminal first, then the command (or the
    // login shell when the command is empty); stdin stays open for typing.
    struct Pty {
        QByteArray termType;
        int columns = 80;
        int rows = 24;
    };

    ExecChannel(quint64 id, const QString &command, std::optional<Pty> pty = std::nullopt);
    ~ExecChannel();
    ExecChannel(const ExecChannel &) = delete;
    ExecChannel &operator=(const ExecChannel &) = delete;

    quint64 id() const { return m_id; }
    Phase phase() const;
    // True while the channel counts against the server's per-connection limit (MaxSessions).
    bool holdsServerSlot() const;
    bool wasOpened() const { return m_wasOpened; }
    // The server accepted the channel (possibly in a packet not yet handled by advance()).
    bool serverConfirmed() const { return m_wasOpened || (m_channel && ssh_channel_is_open(m_channel)); }

    Step advance(ssh_session session);
    const Error &error() const { return m_error; }

    // Ends the remote process: SIGTERM to its process group (OpenSSH's "signal" request); if it is
    // still there after a grace period, hardKill() sends SIGKILL and closes the channel.
    void terminate();
    void hardKill();

    bool isTerminal() const { return m_pty.has_value(); }
    // Terminal input and size: kept until the channel runs, then sent by flush().
    void queueInput(const QByteArray &bytes);
    void resize(int columns, int rows);
    // Sends what waits (input, a new size) as far as the server's window allows.
    void flush();

    QByteArray takeStdout();
    QByteArray takeStderr();
    bool hasOutput() const { return !m_stdout.isEmpty() || !m_stderr.isEmpty(); }

    // How the command ended, from the exit-status / exit-signal messages (valid once Closed).
    remote::ProcessResult exitResult() const;

    // The person has been told how this ended (done() was emitted); later output is dropped.
    bool reported = false;
    // Deadline (ExecOptions.timeoutMs) or grace period for terminate(); owned by the worker.
    QPointer<QTimer> timer;

private:
    static int onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self);
    static void onClose(ssh_session, ssh_channel, void *self);
    static void onExitStatus(ssh_session, ssh_channel, int status, void *self);
    static void onExitSignal(ssh_session, ssh_channel, const char *signal, int core, const char *errmsg,
                             const char *lang, void *self);
    void release();

    quint64 m_id;
    QByteArray m_command;
    std::optional<Pty> m_pty;
    bool m_ptyGranted = false;
    bool m_sizeChanged = false;
    QByteArray m_input;
    ssh_channel m_channel = nullptr;
    ssh_channel_callbacks_struct m_callbacks {};
    Phase m_phase = Phase::Queued;
    bool m_wasOpened = false;
    bool m_endRequested = false; // terminate() came before the exec request was answered
    bool m_closedByServer = false; // phase() is Closed from then on, whatever m_phase says
    QByteArray m_stdout;
    QByteArray m_stderr;
    std::optional<int> m_exitStatus;
    QString m_exitSignal;
    Error m_error;
};

} // namespace onramp::ssh
