#include "ssh/execchannel.h"

#include "ssh/sshtr.h"

namespace onramp::ssh {

ExecChannel::ExecChannel(quint64 id, const QString &command) : m_id(id), m_command(command.toUtf8()) { }

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

    if (m_phase == Phase::Requesting) {
        const int rc = ssh_channel_request_exec(m_channel, m_command.constData());
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
        // instead of waiting forever.
        ssh_channel_send_eof(m_channel);
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
