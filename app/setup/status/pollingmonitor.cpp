#include "setup/status/pollingmonitor.h"

#include <QElapsedTimer>

#include <memory>

namespace onramp::setup::status {

PollingMonitor::PollingMonitor(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PollingMonitor::onTick);
}

PollingMonitor::~PollingMonitor()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->cancel();
    }
}

void PollingMonitor::setTransport(remote::Transport *transport)
{
    if (m_transport == transport)
        return;
    if (m_transport)
        m_transport->disconnect(this);
    if (m_process) {
        m_process->disconnect(this);
        m_process->cancel();
        m_process.clear();
    }
    const bool wasConnected = isConnected();
    m_transport = transport;
    if (m_transport) {
        connect(m_transport, &remote::Transport::stateChanged, this, &PollingMonitor::onTransportState);
        connect(m_transport, &QObject::destroyed, this,
                [this] { onTransportState(remote::ConnectionState::Disconnected); });
    }
    if (wasConnected != isConnected())
        connectionChanged(isConnected());
    updateTimer();
}

void PollingMonitor::setIntervalMs(int ms)
{
    m_intervalMs = qMax(100, ms);
    m_timer.setInterval(m_intervalMs);
}

void PollingMonitor::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    updateTimer();
}

bool PollingMonitor::isConnected() const
{
    return m_transport && m_transport->state() == remote::ConnectionState::Connected;
}

void PollingMonitor::onTransportState(remote::ConnectionState state)
{
    const bool connected = state == remote::ConnectionState::Connected && m_transport;
    if (!connected && m_process) {
        // Cut off by the disconnect: nothing to read, and no error to show for it.
        m_process->disconnect(this);
        m_process.clear();
    }
    connectionChanged(connected);
    updateTimer();
}

void PollingMonitor::updateTimer()
{
    const bool shouldPoll = m_active && isConnected();
    if (shouldPoll == m_timer.isActive())
        return;
    if (shouldPoll) {
        m_timer.start();
        Q_EMIT pollingChanged(true);
        pollNow();
    } else {
        m_timer.stop();
        Q_EMIT pollingChanged(false);
    }
}

void PollingMonitor::onTick()
{
    if (isBusy()) {
        ++m_skippedTicks;
        return;
    }
    pollNow();
}

bool PollingMonitor::pollNow()
{
    if (!isConnected() || isBusy())
        return false;
    const std::optional<QString> command = nextCommand();
    if (!command)
        return false;
    m_current = CommandRecord {};
    m_current.command = *command;
    m_current.host = m_transport->endpoint().host;
    m_current.startedAt = QDateTime::currentDateTimeUtc();
    remote::ExecOptions options;
    options.timeoutMs = m_pollTimeoutMs;
    m_process = m_transport->exec(*command, options);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(m_process, &remote::RemoteProcess::stdoutText, this,
            [this](const QString &text) { m_current.stdoutText += text; });
    connect(m_process, &remote::RemoteProcess::stderrText, this,
            [this](const QString &text) { m_current.stderrText += text; });
    connect(m_process, &remote::RemoteProcess::done, this,
            [this, clock](const remote::ProcessResult &result) {
                m_process.clear();
                m_current.result = result;
                m_current.elapsedMs = clock->elapsed();
                m_current.finished = true;
                if (result.error && result.error->kind == ErrorKind::Disconnected)
                    return; // polling stops with the connection; the data stays as it was
                ++m_pollCount;
                m_lastPollMs = m_current.elapsedMs;
                m_lastPollAt = QDateTime::currentDateTimeUtc();
                m_lastRecord = m_current;
                handlePoll(m_current);
                Q_EMIT pollFinished();
            });
    Q_EMIT pollStarted();
    return true;
}

} // namespace onramp::setup::status
