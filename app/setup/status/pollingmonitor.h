#pragma once

#include "remote/transport.h"
#include "setup/commandrecord.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace onramp::setup::status {

// The polling shared by the job and GPU monitors: one command on the open session (one exec
// channel, no new SSH handshake) every interval while someone is looking and the transport is
// connected. A poll never overlaps the previous one: a tick that finds a poll still running is
// skipped and counted. Polling stops when the transport leaves the Connected state and resumes
// on the next connect. Subclasses say what to run and read what it printed.
class PollingMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;

    explicit PollingMonitor(QObject *parent = nullptr);
    ~PollingMonitor() override;

    // The session to poll over; not owned. nullptr stops polling.
    void setTransport(remote::Transport *transport);
    remote::Transport *transport() const { return m_transport; }

    int intervalMs() const { return m_intervalMs; }
    // Milliseconds between the starts of two polls (at least 100).
    void setIntervalMs(int ms);
    // A poll that has not finished after this long is cancelled (default: 30 s).
    int pollTimeoutMs() const { return m_pollTimeoutMs; }
    void setPollTimeoutMs(int ms) { m_pollTimeoutMs = ms; }

    // Someone wants updates (a view is open, a command watches): polls at once when connected,
    // then every interval.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Active and connected: the timer runs.
    bool isPolling() const { return m_timer.isActive(); }
    // A poll is in flight.
    bool isBusy() const { return !m_process.isNull(); }

    // Starts one poll now, whether active or not. False when not connected, a poll is already in
    // flight, or there is nothing to poll.
    bool pollNow();

    int pollCount() const { return m_pollCount; } // polls that finished (successfully or not)
    int skippedTicks() const { return m_skippedTicks; } // ticks that found a poll in flight
    // How long the last finished poll took, from exec to done, in ms (-1 before the first).
    qint64 lastPollMs() const { return m_lastPollMs; }
    QDateTime lastPollAt() const { return m_lastPollAt; }
    // The last finished poll as evidence (command, output, exit), for logs and reports.
    const std::optional<CommandRecord> &lastRecord() const { return m_lastRecord; }

Q_SIGNALS:
    void pollingChanged(bool polling);
    void pollStarted();
    // After the subclass has read the poll's output.
    void pollFinished();

protected:
    bool isConnected() const;
    // The command of the next poll; std::nullopt when there is nothing to poll right now.
    virtual std::optional<QString> nextCommand() = 0;
    // What the poll printed and how it ended. Not called for a poll cut off by a disconnect.
    virtual void handlePoll(const CommandRecord &record) = 0;
    // The transport connected or went away: subclasses may mark their data as stale.
    virtual void connectionChanged(bool connected) { Q_UNUSED(connected) }

private:
    void updateTimer();
    void onTick();
    void onTransportState(remote::ConnectionState state);

    QPointer<remote::Transport> m_transport;
    QPointer<remote::RemoteProcess> m_process;
    QTimer m_timer;
    CommandRecord m_current;
    std::optional<CommandRecord> m_lastRecord;
    QDateTime m_lastPollAt;
    qint64 m_lastPollMs = -1;
    int m_intervalMs = kDefaultIntervalMs;
    int m_pollTimeoutMs = 30000;
    int m_pollCount = 0;
    int m_skippedTicks = 0;
    bool m_active = false;
};

} // namespace onramp::setup::status
