#include "ssh/sshremoteterminal.h"

namespace onramp::ssh {

SshRemoteTerminal::SshRemoteTerminal(Hooks hooks, QObject *parent)
    : remote::RemoteTerminal(parent), m_hooks(std::move(hooks))
{ }

SshRemoteTerminal::~SshRemoteTerminal()
{
    // Deleting the terminal hangs up, so no shell is left behind on the cluster.
    if (!m_finished && m_hooks.close)
        m_hooks.close();
}

void SshRemoteTerminal::write(const QByteArray &bytes)
{
    if (!m_finished && !bytes.isEmpty())
        m_hooks.write(bytes);
}

void SshRemoteTerminal::resize(int columns, int rows)
{
    if (!m_finished)
        m_hooks.resize(columns, rows);
}

void SshRemoteTerminal::close()
{
    if (!m_finished)
        m_hooks.close();
}

void SshRemoteTerminal::handleStarted()
{
    if (m_open || m_finished)
        return;
    m_open = true;
    Q_EMIT opened();
}

void SshRemoteTerminal::handleOutput(const QByteArray &bytes)
{
    if (!m_finished && !bytes.isEmpty())
        Q_EMIT output(bytes);
}

void SshRemoteTerminal::handleFinished(const remote::ProcessResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_open = false;
    Q_EMIT closed(result);
}

} // namespace onramp::ssh
