#include "ssh/sshremoteprocess.h"

namespace onramp::ssh {

SshRemoteProcess::SshRemoteProcess(const QString &command, QObject *parent)
    : remote::RemoteProcess(parent), m_command(command)
{ }

SshRemoteProcess::~SshRemoteProcess()
{
    // Dropping a running process must not leave its command running on the cluster.
    if (!m_finished)
        cancel();
}

void SshRemoteProcess::cancel()
{
    if (m_finished || m_cancelSent)
        return;
    m_cancelSent = true;
    Q_EMIT cancelRequested();
}

void SshRemoteProcess::handleStarted()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    Q_EMIT started();
}

void SshRemoteProcess::handleOutput(const QByteArray &stdoutBytes, const QByteArray &stderrBytes)
{
    if (m_finished)
        return;
    if (!stdoutBytes.isEmpty()) {
        Q_EMIT stdoutData(stdoutBytes);
        if (const QString text = m_stdoutDecoder.decode(stdoutBytes); !text.isEmpty())
            Q_EMIT stdoutText(text);
    }
    if (!stderrBytes.isEmpty()) {
        if (const QString text = m_stderrDecoder.decode(stderrBytes); !text.isEmpty())
            Q_EMIT stderrText(text);
    }
}

void SshRemoteProcess::handleFinished(const remote::ProcessResult &result)
{
    if (m_finished)
        return;
    // A stream that ended inside a character shows U+FFFD rather than losing the bytes silently.
    if (const QString rest = m_stdoutDecoder.finish(); !rest.isEmpty())
        Q_EMIT stdoutText(rest);
    if (const QString rest = m_stderrDecoder.finish(); !rest.isEmpty())
        Q_EMIT stderrText(rest);
    m_finished = true;
    Q_EMIT done(result);
}

} // namespace onramp::ssh
