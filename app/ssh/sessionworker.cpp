#include "ssh/sessionworker.h"

#include "ssh/authenticator.h"
#include "ssh/hostkeycheck.h"
#include "ssh/sessionoptions.h"
#include "ssh/sshtr.h"

#include <QElapsedTimer>

#include <algorithm>

#include <chrono>

using namespace std::chrono_literals;

namespace onramp::ssh {

namespace {
// Bounds one pump() so a flood of output cannot starve queued calls (cancel, new commands).
constexpr int kMaxReadsPerPump = 64;
// How long a process gets between SIGTERM and SIGKILL after cancel() or a timeout.
constexpr int kTerminateGraceMs = 3000;
constexpr auto kKeepAliveInterval = 30s;
// Retry delays for a command waiting for the server to allow one more channel.
constexpr int kFirstProbeDelayMs = 25;
constexpr int kMaxProbeDelayMs = 1000;
constexpr int kSafetyPumpMs = 250;

Error notConnectedError()
{
    return Error {ErrorKind::Disconnected,
                  Tr::tr("The command was not started because there is no connection."),
                  QStringLiteral("exec while not connected")};
}
} // namespace

SessionWorker::SessionWorker()
{
    m_probeDelayMs = kFirstProbeDelayMs;
    m_keepAlive->setInterval(kKeepAliveInterval);
    connect(m_keepAlive, &QTimer::timeout, this, &SessionWorker::sendKeepAlive);
    // Insurance against a wake-up lost between libssh's buffers and the socket notifier; runs only
    // while commands run, so an idle connection costs no CPU.
    m_safetyPump->setInterval(kSafetyPumpMs);
    connect(m_safetyPump, &QTimer::timeout, this, &SessionWorker::pump);
    m_probeTimer->setSingleShot(true);
    connect(m_probeTimer, &QTimer::timeout, this, [this] {
        m_mayProbe = true;
        pump();
    });
}

SessionWorker::~SessionWorker()
{
    // Nobody listens any more; just release every handle in the right order.
    m_channels.clear();
    m_readNotifier.reset();
    m_writeNotifier.reset();
    if (m_event && m_session)
        ssh_event_remove_session(m_event.get(), m_session.get());
    m_event.reset();
    m_session.reset();
}

void SessionWorker::setState(remote::ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SessionWorker::open(const remote::Endpoint &endpoint)
{
    if (m_session)
        close();
    m_pendingHostKey.reset();
    setState(remote::ConnectionState::Connecting);

    m_session.reset(ssh_new());
    if (!m_session) {
        failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not start a session."),
                              QStringLiteral("ssh_new() returned null")});
        return;
    }
    auto effective = applyEndpoint(m_session.get(), endpoint);
    if (!effective) {
        failConnecting(effective.error());
        return;
    }
    m_effective = std::move(effective).value();
    Q_EMIT endpointResolved(m_effective);

    QElapsedTimer clock;
    clock.start();
    if (ssh_connect(m_session.get()) != SSH_OK) {
        const QString where = knownHostsName(m_effective.host, m_effective.port);
        failConnecting(Error {ErrorKind::ConnectFailed,
                              Tr::tr("Onramp could not connect to %1. Check the host name, the port and your "
                                     "network connection.")
                                  .arg(where),
                              QString::fromUtf8(ssh_get_error(m_session.get()))});
        return;
    }
    qCDebug(lcSsh) << "connected to" << m_effective.host << m_effective.port << "in" << clock.elapsed()
                   << "ms";
    // sshd delivers the "signal" channel request (cancel, timeouts) only since OpenSSH 7.9; older
    // servers leave a cancelled command running until it writes to its closed output.
    if (const int openssh = ssh_get_openssh_version(m_session.get());
        openssh && openssh < SSH_VERSION_INT(7, 9, 0))
        qCWarning(lcSsh) << "server runs OpenSSH older than 7.9: cancelling cannot signal remote commands";
    // Without User in the Endpoint or the config, libssh fills in the local user name on connect.
    if (m_effective.user.isEmpty()) {
        m_effective.user = effectiveUser(m_session.get());
        Q_EMIT endpointResolved(m_effective);
    }

    setState(remote::ConnectionState::VerifyingHostKey);
    HostKeyCheck check = checkHostKey(m_session.get(), m_effective);
    if (check.error) {
        failConnecting(*check.error);
        return;
    }
    if (check.key.verdict == remote::HostKey::Verdict::Unknown) {
        // Back to the event loop: answerHostKey() continues, and nothing else waits meanwhile.
        m_pendingHostKey = check.key;
        Q_EMIT hostKeyUnknown(check.key);
        return;
    }
    authenticate();
}

void SessionWorker::answerHostKey(bool trust)
{
    if (!m_pendingHostKey || !m_session) {
        qCDebug(lcSsh) << "host key answer without a pending question ignored";
        return;
    }
    const remote::HostKey key = *std::exchange(m_pendingHostKey, std::nullopt);
    if (!trust) {
        failConnecting(Error {ErrorKind::HostKeyUnknown,
                              Tr::tr("The identity of %1 was not confirmed, so Onramp did not connect.")
                                  .arg(knownHostsName(key.host, key.port)),
                              QStringLiteral("host key %1 rejected").arg(key.fingerprint)});
        return;
    }
    if (Status saved = trustHostKey(m_session.get(), key); !saved) {
        failConnecting(saved.error());
        return;
    }
    qCDebug(lcSsh) << "host key" << key.fingerprint << "added to" << key.knownHostsFile;
    authenticate();
}

void SessionWorker::authenticate()
{
    setState(remote::ConnectionState::Authenticating);
    QElapsedTimer clock;
    clock.start();
    Authenticator authenticator(m_session.get(), m_effective);
    if (Status signedIn = authenticator.run(); !signedIn) {
        failConnecting(signedIn.error());
        return;
    }
    qCDebug(lcSsh) << "authenticated in" << clock.elapsed() << "ms";
    if (!startMultiplexing()) {
        failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not watch the connection."),
                              QStringLiteral("ssh_event_new/ssh_event_add_session/ssh_get_fd failed")});
        return;
    }
    setState(remote::ConnectionState::Connected);
    Q_EMIT connected();
}

bool SessionWorker::startMultiplexing()
{
    const socket_t socket = ssh_get_fd(m_session.get());
    m_event.reset(ssh_event_new());
    if (socket == SSH_INVALID_SOCKET || !m_event
        || ssh_event_add_session(m_event.get(), m_session.get()) != SSH_OK)
        return false;
    ssh_set_blocking(m_session.get(), 0);
    const auto fd = static_cast<qintptr>(socket);
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &SessionWorker::pump);
    // Only wanted while libssh has unsent bytes (a large write met a full socket buffer).
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &SessionWorker::pump);
    m_keepAlive->start();
    return true;
}

void SessionWorker::failConnecting(const Error &error)
{
    qCDebug(lcSsh) << "connection failed:" << error.detail;
    tearDown(error);
    setState(remote::ConnectionState::Failed);
    Q_EMIT failed(error);
}

void SessionWorker::close()
{
    const bool wasConnected = m_state == remote::ConnectionState::Connected;
    tearDown(Error {ErrorKind::Disconnected, Tr::tr("The connection was closed before the command finished."),
                    QStringLiteral("disconnect requested")});
    setState(remote::ConnectionState::Disconnected);
    if (wasConnected)
        Q_EMIT disconnected();
}

void SessionWorker::connectionLost()
{
    const QString detail = m_session ? QString::fromUtf8(ssh_get_error(m_session.get())) : QString();
    const Error error {
        ErrorKind::Disconnected,
        Tr::tr("The connection to %1 was lost.").arg(knownHostsName(m_effective.host, m_effective.port)),
        detail.isEmpty() ? QStringLiteral("session closed") : detail};
    qCDebug(lcSsh) << "connection lost:" << error.detail;
    tearDown(error);
    setState(remote::ConnectionState::Failed);
    Q_EMIT failed(error);
    Q_EMIT disconnected();
}

void SessionWorker::tearDown(const Error &processError)
{
    for (auto &[id, channel] : m_channels) {
        if (channel->hasOutput())
            Q_EMIT processOutput(id, channel->takeStdout(), channel->takeStderr());
        if (!channel->reported) {
            channel->reported = true;
            remote::ProcessResult result;
            result.error = processError;
            Q_EMIT processFinished(id, result);
        }
    }
    m_channels.clear();
    m_keepAlive->stop();
    // tearDown() may run inside a notifier's activated(): delete them from the event loop.
    for (auto *notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            notifier->release()->deleteLater();
        }
    }
    if (m_event && m_session)
        ssh_event_remove_session(m_event.get(), m_session.get());
    m_event.reset();
    m_session.reset();
    m_pendingHostKey.reset();
    m_serverFull = false;
    m_probeTimer->stop();
    m_safetyPump->stop();
}

void SessionWorker::startProcess(quint64 id, const QString &command, int timeoutMs)
{
    if (m_state != remote::ConnectionState::Connected) {
        remote::ProcessResult result;
        result.error = notConnectedError();
        Q_EMIT processFinished(id, result);
        return;
    }
    auto channel = std::make_unique<ExecChannel>(id, command);
    if (timeoutMs > 0)
        armTimer(*channel, timeoutMs);
    m_channels.emplace(id, std::move(channel));
    pump();
}

void SessionWorker::cancelProcess(quint64 id)
{
    endProcess(
        id, Error {ErrorKind::Cancelled, Tr::tr("The command was cancelled."), QStringLiteral("cancelled")});
}

void SessionWorker::endProcess(quint64 id, const Error &error)
{
    const auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    ExecChannel &channel = *it->second;
    if (!channel.reported) {
        if (channel.hasOutput())
            Q_EMIT processOutput(id, channel.takeStdout(), channel.takeStderr());
        channel.reported = true;
        remote::ProcessResult result;
        result.error = error;
        Q_EMIT processFinished(id, result);
    }
    channel.terminate();
    if (channel.phase() != ExecChannel::Phase::Closed)
        armTimer(channel, kTerminateGraceMs);
    pump();
}

void SessionWorker::armTimer(ExecChannel &channel, int ms)
{
    if (!channel.timer) {
        channel.timer = new QTimer(this);
        channel.timer->setSingleShot(true);
        const quint64 id = channel.id();
        connect(channel.timer, &QTimer::timeout, this, [this, id] { onChannelTimer(id); });
    }
    channel.timer->start(ms);
}

void SessionWorker::onChannelTimer(quint64 id)
{
    const auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    ExecChannel &channel = *it->second;
    if (!channel.reported) {
        const int ms = channel.timer->interval();
        endProcess(id,
                   Error {ErrorKind::Timeout,
                          Tr::tr("The command did not finish within %n second(s) and was stopped.", nullptr,
                                 qMax(1, ms / 1000)),
                          QStringLiteral("timeout after %1 ms").arg(ms)});
        return;
    }
    if (channel.phase() == ExecChannel::Phase::Ending) {
        qCDebug(lcSsh) << "channel" << id << "ignored SIGTERM; sending SIGKILL";
        channel.hardKill();
        pump();
    } else if (channel.phase() != ExecChannel::Phase::Closed) {
        channel.timer->start(kTerminateGraceMs); // still opening: check again later
    }
}

bool SessionWorker::sessionAlive() const
{
    return m_session && ssh_is_connected(m_session.get())
        && !(ssh_get_status(m_session.get()) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

void SessionWorker::pump()
{
    if (!m_event)
        return;
    for (int read = 0; read < kMaxReadsPerPump && sessionAlive(); ++read) {
        if (ssh_event_dopoll(m_event.get(), 0) != SSH_OK)
            break; // SSH_AGAIN: nothing more to read now
    }
    if (sessionAlive())
        driveChannels();
    if (!sessionAlive()) {
        connectionLost();
        return;
    }
    // Freeing a channel that ended sends its close, and libssh may read whatever else arrived
    // meanwhile: report again until nothing more was freed. A freed channel also makes room on
    // the server for a waiting command.
    for (int round = 0; reportChannels() && round < kMaxReadsPerPump; ++round)
        driveChannels();
    if (m_channels.empty())
        m_safetyPump->stop();
    else if (!m_safetyPump->isActive())
        m_safetyPump->start();
    m_writeNotifier->setEnabled(ssh_get_poll_flags(m_session.get()) & SSH_WRITE_PENDING);
}

void SessionWorker::driveChannels()
{
    bool queueWaits = false;
    for (auto &[id, channel] : m_channels) {
        const ExecChannel::Phase phase = channel->phase();
        if (phase == ExecChannel::Phase::Queued) {
            // The server is full: one command at a time tries again, and only after another
            // command ended. First come, first served: later commands wait behind this one.
            // Only queued ones wait: a later command whose open or exec is already on its way
            // must still see its answer (a refused open leaves the queue's head waiting until no
            // open is pending, so skipping those would block the queue for good).
            if (queueWaits || (m_serverFull && (!m_mayProbe || anyChannelOpening()))) {
                queueWaits = true;
                continue;
            }
        } else if (phase != ExecChannel::Phase::Opening && phase != ExecChannel::Phase::Requesting) {
            continue;
        }
        switch (channel->advance(m_session.get())) {
        case ExecChannel::Step::Pending:
            break;
        case ExecChannel::Step::Started:
            if (!channel->reported)
                Q_EMIT processStarted(id);
            if (m_serverFull)
                m_probeDelayMs = kFirstProbeDelayMs;
            break;
        case ExecChannel::Step::Refused:
            // Opens are pipelined, so other refusals may be on their way too. With nothing of ours
            // open, waiting would not help: the server refuses channels altogether.
            if (confirmedChannels() > 0) {
                if (!m_serverFull)
                    qCDebug(lcSsh) << "server refused channel" << confirmedChannels() + 1 << "(MaxSessions?);"
                                   << "commands wait for a free one";
                m_serverFull = true;
                m_mayProbe = false;
                // sshd frees a session's slot a moment after the channel closes, so a command that
                // ends does not always make room at once: try again after a growing delay too.
                if (!m_probeTimer->isActive()) {
                    m_probeTimer->start(m_probeDelayMs);
                    m_probeDelayMs = qMin(m_probeDelayMs * 2, kMaxProbeDelayMs);
                }
            } else if (!channel->reported) {
                channel->reported = true;
                remote::ProcessResult result;
                result.error = channel->error();
                Q_EMIT processFinished(id, result);
                channel->terminate();
            }
            break;
        case ExecChannel::Step::Failed:
            if (!channel->reported) {
                channel->reported = true;
                remote::ProcessResult result;
                result.error = channel->error();
                Q_EMIT processFinished(id, result);
            }
            break;
        }
    }
    const bool anyWaiting = std::any_of(m_channels.cbegin(), m_channels.cend(), [](const auto &entry) {
        return entry.second->phase() == ExecChannel::Phase::Queued;
    });
    if (!anyWaiting && !anyChannelOpening()) {
        m_serverFull = false;
        m_probeTimer->stop();
        m_probeDelayMs = kFirstProbeDelayMs;
    }
}

bool SessionWorker::anyChannelOpening() const
{
    return std::any_of(m_channels.cbegin(), m_channels.cend(), [](const auto &entry) {
        return entry.second->phase() == ExecChannel::Phase::Opening;
    });
}

int SessionWorker::confirmedChannels() const
{
    int count = 0;
    for (const auto &[id, channel] : m_channels)
        count += channel->serverConfirmed() && channel->holdsServerSlot() ? 1 : 0;
    return count;
}

bool SessionWorker::reportChannels()
{
    bool freedAny = false;
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        ExecChannel &channel = *it->second;
        if (channel.hasOutput()) {
            QByteArray out = channel.takeStdout();
            QByteArray err = channel.takeStderr();
            if (!channel.reported)
                Q_EMIT processOutput(channel.id(), out, err);
        }
        if (channel.phase() != ExecChannel::Phase::Closed) {
            ++it;
            continue;
        }
        if (!channel.reported) {
            channel.reported = true;
            Q_EMIT processFinished(channel.id(), channel.exitResult());
        }
        freedAny = freedAny || channel.wasOpened();
        m_mayProbe = m_mayProbe || channel.wasOpened();
        it = m_channels.erase(it);
    }
    return freedAny;
}

void SessionWorker::sendKeepAlive()
{
    // An SSH_MSG_IGNORE makes a dead TCP connection show up as a write error instead of silence.
    if (m_session)
        ssh_send_ignore(m_session.get(), "");
    pump();
}

} // namespace onramp::ssh
