#include "ssh/execchannel.h"

#include "ssh/sshtr.h"

namespace onramp::ssh {

ExecChannel::ExecChannel(quint64 id, const QString &command, std::optional<Pty> pty)
    : m_id(id), m_command(command.toUtf8()), m_pty(std::move(pty))
{ }

ExecChannel::~ExecChannel()
{
    release();
    if (timer)
        timer->deleteLater(); // may be destroyed from inside the timer's own timeout()
}

void ExecChannel::release()
{
    if (!m_channel)
        return;
    // libssh keeps a channel we free until the server's close arrives; it must not call back into
    // this object after it is gone.
    ssh_remove_channel_callbacks(m_channel, &m_callbacks);
    ssh_channel_free(m_channel);
    m_channel = nullptr;
}

ExecChannel::Phase ExecChannel::phase() const
{
    // The server's close is final, whatever advance() or terminate() was doing when it came.
    return m_closedByServer ? Phase::Closed : m_phase;
}

bool ExecChannel::holdsServerSlot() const
{
    return m_channel && !m_closedByServer;
}

ExecChannel::Step ExecChannel::advance(ssh_session session)
{
    if (m_phase == Phase::Queued) {
        if (m_endRequested) {
            m_phase = Phase::Closed;
            return Step::Pending;
        }
        m_channel = ssh_channel_new(session);
        if (!m_channel) {
            m_error = Error {ErrorKind::ChannelFailed,
                             Tr::tr("A new command could not be started on this connection."),
                             QString::fromUtf8(ssh_get_error(session))};
            m_phase = Phase::Closed;
            return Step::Failed;
        }
        ssh_callbacks_init(&m_callbacks);
        m_callbacks.userdata = this;
        m_callbacks.channel_data_function = &ExecChannel::onData;
        m_callbacks.channel_close_function = &ExecChannel::onClose;
        m_callbacks.channel_exit_status_function = &ExecChannel::onExitStatus;
        m_callbacks.channel_exit_signal_function = &ExecChannel::onExitSignal;
        ssh_set_channel_callbacks(m_channel, &m_callbacks);
        m_phase = Phase::Opening;
    }

    if (m_phase == Phase::Opening) {
        const int rc = ssh_channel_open_session(m_channel);
        if (rc == SSH_AGAIN)
            return Step::Pending;
        if (rc != SSH_OK) {
            m_error = Error {ErrorKind::ChannelFailed,
                             Tr::tr("The server refused to start one more command on this connection."),
                             QString::fromUtf8(ssh_get_error(session))};
            release();
            m_phase = Phase::Queued;
            return Step::Refused;
        }
        m_wasOpened = true;
        if (m_closedByServer)
            return Step::Pending; // closed before the command was sent: reported as such
        if (m_endRequested) {
            ssh_channel_close(m_channel);
            m_phase = Phase::Ending;
            return Step::Pending;
        }
        m_phase = Phase::Requesting;
    }

    if (m_phase == Phase::Requesting && m_pty && !m_ptyGranted) {
        const int rc = ssh_channel_request_pty_size(m_channel, m_pty->termType.constData(), m_pty->columns,
                                                    m_pty->rows);
        if (rc == SSH_AGAIN)
            return Step::Pending;
        if (rc != SSH_OK) {
            m_error = Error {ErrorKind::ChannelFailed, Tr::tr("The server refused to open a terminal."),
                             QString::fromUtf8(ssh_get_error(session))};
            if (!m_closedByServer)
                ssh_channel_close(m_channel);
            m_phase = Phase::Ending;
            return Step::Failed;
        }
        m_ptyGranted = true;
        m_sizeChanged = false;
    }

    if (m_phase == Phase::Requesting) {
        const int rc = m_command.isEmpty() && m_pty
            ? ssh_channel_request_shell(m_channel)
            : ssh_channel_request_exec(m_channel, m_command.constData());
        if (rc == SSH_AGAIN)
            return Step::Pending;
        if (rc != SSH_OK) {
            m_error = Error {ErrorKind::ChannelFailed, Tr::tr("The server refused to run the command."),
                             QString::fromUtf8(ssh_get_error(session))};
            if (!m_closedByServer)
                ssh_channel_close(m_channel);
            m_phase = Phase::Ending;
            return Step::Failed;
        }
        m_phase = Phase::Running;
        // While waiting for the exec's answer, libssh may have read everything that followed it in
        // the same read: a short command's output, exit status and close (seen under load). The
        // command started and has already ended; reportChannels() reports the rest.
        if (m_closedByServer)
            return Step::Started;
        // Nobody types into an exec'd command (like `ssh -n`): one that reads stdin gets EOF
        // instead of waiting forever. A terminal keeps its input open.
        if (!m_pty)
            ssh_channel_send_eof(m_channel);
        else
            flush();
        if (m_endRequested) {
            terminate();
            return Step::Pending;
        }
        return Step::Started;
    }
    return Step::Pending;
}

void ExecChannel::terminate()
{
    switch (phase()) {
    case Phase::Queued:
        m_phase = Phase::Closed;
        break;
    case Phase::Opening:
    case Phase::Requesting:
        // libssh tracks one outstanding request per channel: the signal waits for the exec's answer.
        m_endRequested = true;
        break;
    case Phase::Running:
        if (m_pty) {
            // An interactive shell ignores SIGTERM; hanging up is what ends a terminal session.
            ssh_channel_request_send_signal(m_channel, "HUP");
            ssh_channel_close(m_channel);
            m_phase = Phase::Ending;
            break;
        }
        // sshd (OpenSSH >= 7.9) delivers "signal" with killpg() to the command's process group,
        // so `a; b` and pipelines end too, not only the shell.
        ssh_channel_request_send_signal(m_channel, "TERM");
        m_phase = Phase::Ending;
        break;
    case Phase::Ending:
    case Phase::Closed:
        break;
    }
}

void ExecChannel::hardKill()
{
    if (!m_channel || m_closedByServer || ssh_channel_is_closed(m_channel))
        return;
    if (m_wasOpened && m_phase == Phase::Ending)
        ssh_channel_request_send_signal(m_channel, "KILL");
    ssh_channel_close(m_channel);
}

void ExecChannel::queueInput(const QByteArray &bytes)
{
    m_input.append(bytes);
}

void ExecChannel::resize(int columns, int rows)
{
    if (!m_pty || columns <= 0 || rows <= 0)
        return;
    m_pty->columns = columns;
    m_pty->rows = rows;
    m_sizeChanged = m_ptyGranted;
}

void ExecChannel::flush()
{
    if (phase() != Phase::Running || !m_channel)
        return;
    if (m_sizeChanged) {
        // "window-change" wants no reply, so it never waits behind another request.
        if (ssh_channel_change_pty_size(m_channel, m_pty->columns, m_pty->rows) == SSH_OK)
            m_sizeChanged = false;
    }
    while (!m_input.isEmpty()) {
        const int written
            = ssh_channel_write(m_channel, m_input.constData(), static_cast<uint32_t>(m_input.size()));
        if (written <= 0)
            break; // the server's window is full (or the channel failed): the rest waits
        m_input.remove(0, written);
    }
}

QByteArray ExecChannel::takeStdout()
{
    return std::exchange(m_stdout, {});
}

QByteArray ExecChannel::takeStderr()
{
    return std::exchange(m_stderr, {});
}

remote::ProcessResult ExecChannel::exitResult() const
{
    remote::ProcessResult result;
    if (!m_exitSignal.isEmpty())
        result.exitSignal = m_exitSignal;
    else if (m_exitStatus)
        result.exitCode = *m_exitStatus;
    else
        result.error
            = Error {ErrorKind::ChannelFailed, Tr::tr("The command ended without reporting an exit status."),
                     QStringLiteral("channel closed without exit-status or exit-signal")};
    return result;
}

int ExecChannel::onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self)
{
    auto *channel = static_cast<ExecChannel *>(self);
    QByteArray &buffer = isStderr ? channel->m_stderr : channel->m_stdout;
    buffer.append(static_cast<const char *>(data), static_cast<qsizetype>(len));
    return static_cast<int>(len);
}

void ExecChannel::onClose(ssh_session, ssh_channel, void *self)
{
    auto *channel = static_cast<ExecChannel *>(self);
    channel->m_closedByServer = true;
    channel->m_phase = Phase::Closed;
}

void ExecChannel::onExitStatus(ssh_session, ssh_channel, int status, void *self)
{
    static_cast<ExecChannel *>(self)->m_exitStatus = status;
}

void ExecChannel::onExitSignal(ssh_session, ssh_channel, const char *signal, int core, const char *errmsg,
                               const char *, void *self)
{
    auto *channel = static_cast<ExecChannel *>(self);
    channel->m_exitSignal = QString::fromLatin1(signal);
    qCDebug(lcSsh) << "channel" << channel->m_id << "killed by signal" << signal
                   << (core ? "(core dumped)" : "") << (errmsg ? errmsg : "");
}

} // namespace onramp::ssh
