#include "ssh/sessionworker.h"

#include "ssh/authenticator.h"
#include "ssh/channeltunnel.h"
#include "ssh/hostkeycheck.h"
#include "ssh/sessionoptions.h"
#include "ssh/sftpclient.h"
#include "ssh/sshtr.h"

#include <QElapsedTimer>

// ssh_send_keepalive() is declared with the server API, but it is a plain client-side global
// request (keepalive@openssh.com) that works on any session.
#include <libssh/server.h>

#include <algorithm>

#include <chrono>

using namespace std::chrono_literals;

namespace onramp::ssh {

namespace {
// Bounds one pump() so a flood of output cannot starve queued calls (cancel, new commands).
constexpr int kMaxReadsPerPump = 64;
// How long a process gets between SIGTERM and SIGKILL after cancel() or a timeout.
constexpr int kTerminateGraceMs = 3000;
constexpr int kDefaultAliveCountMax = 3;
// How long a question for the person (password, code) stays open, and how long the server may
// take to answer a sign-in step (a phone push waits for the person too).
constexpr auto kPromptTimeout = 60s;
constexpr long kAuthTimeoutSec = 60;
// Automatic reconnects after a dropped link, when signing in needs nobody: about a minute in all.
constexpr int kReconnectDelaysMs[] = {1000, 2000, 4000, 8000, 15000, 30000};
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
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_unattended = true;
        open(m_requested);
    });
    m_promptTimer->setSingleShot(true);
    m_promptTimer->setInterval(kPromptTimeout);
    connect(m_promptTimer, &QTimer::timeout, this, [this] {
        Q_EMIT credentialsWithdrawn();
        failConnecting(
            Error {ErrorKind::Timeout,
                   Tr::tr("No answer came within %n second(s), so Onramp stopped signing in. Connect "
                          "again when you have your password or code ready.",
                          nullptr, static_cast<int>(kPromptTimeout.count() / 1000)),
                   QStringLiteral("prompt unanswered")});
    });
}

SessionWorker::~SessionWorker()
{
    // Nobody listens any more; just release every handle in the right order.
    m_channels.clear();
    m_sftp.reset();
    m_readNotifier.reset();
    m_writeNotifier.reset();
    if (m_event && m_session)
        ssh_event_remove_session(m_event.get(), m_session.get());
    m_event.reset();
    releaseSessions();
    while (!m_tunnels.empty())
        m_tunnels.pop_back();
}

void SessionWorker::releaseSessions()
{
    // A session over a tunnel must be freed without ssh_disconnect(), which would leave the
    // tunnel's socket open in libssh 0.10 (see freeTunnelledSession()).
    if (m_tunnels.empty()) {
        m_session.reset();
        m_hopSession.reset();
        return;
    }
    freeTunnelledSession(std::move(m_session));
    freeTunnelledSession(std::move(m_hopSession));
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
    if (m_session || !m_tunnels.empty())
        tearDown(Error {ErrorKind::Disconnected, Tr::tr("The connection was restarted."),
                        QStringLiteral("reconnect")});
    m_requested = endpoint;
    m_neededPerson = false;
    m_pendingHostKey.reset();
    setState(m_unattended ? remote::ConnectionState::Reconnecting : remote::ConnectionState::Connecting);

    // The target decides the chain: its ProxyJump (or the Endpoint's) lists the hops.
    SessionPtr probe(ssh_new());
    if (!probe) {
        failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not start a session."),
                              QStringLiteral("ssh_new() returned null")});
        return;
    }
    auto target = applyEndpoint(probe.get(), endpoint);
    if (!target) {
        failConnecting(target.error());
        return;
    }
    m_chain.clear();
    for (const QString &spec : target.value().resolvedHops) {
        auto hop = hopEndpoint(spec, target.value());
        if (!hop) {
            failConnecting(hop.error());
            return;
        }
        m_chain << hop.value();
    }
    m_chain << endpoint;
    m_stage = 0;
    connectStage();
}

void SessionWorker::connectStage()
{
    const bool isTarget = m_stage == m_chain.size() - 1;
    m_session.reset(ssh_new());
    if (!m_session) {
        failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not start a session."),
                              QStringLiteral("ssh_new() returned null")});
        return;
    }
    auto effective = applyEndpoint(m_session.get(), m_chain.at(m_stage));
    if (!effective) {
        failConnecting(effective.error());
        return;
    }
    m_effective = std::move(effective).value();
    if (isTarget)
        Q_EMIT endpointResolved(m_effective);

    if (m_stage > 0) {
        // Through the previous hop: its session goes to a tunnel thread, this one uses the tunnel.
        auto tunnel
            = ChannelTunnel::open(std::move(m_hopSession), m_hopName, m_effective.host, m_effective.port);
        if (!tunnel) {
            failConnecting(tunnel.error());
            return;
        }
        const int fd = tunnel.value()->takeSocket();
        m_tunnels.push_back(std::move(tunnel).value());
        if (ssh_options_set(m_session.get(), SSH_OPTIONS_FD, &fd) != SSH_OK) {
            failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not use the tunnel."),
                                  QString::fromUtf8(ssh_get_error(m_session.get()))});
            return;
        }
    }

    QElapsedTimer clock;
    clock.start();
    const QString where = knownHostsName(m_effective.host, m_effective.port);
    if (ssh_connect(m_session.get()) != SSH_OK) {
        const QString through = m_stage > 0 ? Tr::tr(" (through %1)").arg(m_hopName) : QString();
        failConnecting(
            Error {ErrorKind::ConnectFailed,
                   Tr::tr("Onramp could not connect to %1%2. Check the host name, the port and your "
                          "network connection.")
                       .arg(where, through),
                   QString::fromUtf8(ssh_get_error(m_session.get()))});
        return;
    }
    qCDebug(lcSsh) << "connected to" << where << "in" << clock.elapsed() << "ms";
    // sshd delivers the "signal" channel request (cancel, timeouts) only since OpenSSH 7.9; older
    // servers leave a cancelled command running until it writes to its closed output.
    if (const int openssh = ssh_get_openssh_version(m_session.get());
        isTarget && openssh && openssh < SSH_VERSION_INT(7, 9, 0))
        qCWarning(lcSsh) << "server runs OpenSSH older than 7.9: cancelling cannot signal remote commands";
    // Without User in the Endpoint or the config, libssh fills in the local user name on connect.
    if (m_effective.user.isEmpty()) {
        m_effective.user = effectiveUser(m_session.get());
        if (isTarget)
            Q_EMIT endpointResolved(m_effective);
    }

    setState(m_unattended ? remote::ConnectionState::Reconnecting
                          : remote::ConnectionState::VerifyingHostKey);
    HostKeyCheck check = checkHostKey(m_session.get(), m_effective);
    if (check.error) {
        failConnecting(*check.error);
        return;
    }
    if (check.key.verdict == remote::HostKey::Verdict::Unknown) {
        if (!mayAskPerson(Error {ErrorKind::HostKeyUnknown,
                                 Tr::tr("The identity of %1 needs your confirmation.").arg(where),
                                 QStringLiteral("unknown host key while reconnecting")}))
            return;
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
    if (Status saved = trustHostKey(m_session.get(), key, m_effective.hashKnownHosts); !saved) {
        failConnecting(saved.error());
        return;
    }
    qCDebug(lcSsh) << "host key" << key.fingerprint << "added to" << key.knownHostsFile;
    authenticate();
}

bool SessionWorker::mayAskPerson(const Error &whyNeeded)
{
    if (!m_unattended)
        return true;
    qCDebug(lcSsh) << "reconnect needs the person:" << whyNeeded.detail;
    tearDown(whyNeeded);
    m_unattended = false;
    setState(remote::ConnectionState::Lost);
    Q_EMIT failed(Error {ErrorKind::Disconnected,
                         Tr::tr("The connection to %1 was lost. Reconnect when you are ready: %2")
                             .arg(knownHostsName(m_requested.host, m_requested.port), whyNeeded.message),
                         whyNeeded.detail});
    return false;
}

void SessionWorker::authenticate()
{
    setState(m_unattended ? remote::ConnectionState::Reconnecting : remote::ConnectionState::Authenticating);
    // A phone push or a slow PAM module holds the server's answer: give it time.
    const long timeout = std::max<long>(m_effective.connectTimeoutSec, kAuthTimeoutSec);
    ssh_options_set(m_session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    m_auth = std::make_unique<Authenticator>(m_session.get(), m_effective);
    handleAuthStep(m_auth->start());
}

void SessionWorker::handleAuthStep(const AuthStep &step)
{
    switch (step.kind) {
    case AuthStep::Kind::NeedsAnswer:
        if (!mayAskPerson(Error {ErrorKind::AuthFailed,
                                 Tr::tr("signing in to %1 needs your answer.").arg(step.request.host),
                                 QStringLiteral("prompt while reconnecting")}))
            return;
        m_neededPerson = true;
        m_promptTimer->start();
        Q_EMIT credentialsRequested(step.request);
        return;
    case AuthStep::Kind::Failed:
        failConnecting(step.error);
        return;
    case AuthStep::Kind::SignedIn:
        m_neededPerson = m_neededPerson || m_auth->neededPerson();
        m_auth.reset();
        stageSignedIn();
        return;
    }
}

void SessionWorker::answerCredentials(const QStringList &answers)
{
    if (!m_auth || !m_promptTimer->isActive()) {
        qCDebug(lcSsh) << "credentials without a pending question ignored";
        return;
    }
    m_promptTimer->stop();
    handleAuthStep(m_auth->answer(answers));
}

void SessionWorker::cancelCredentials()
{
    if (!m_auth || !m_promptTimer->isActive())
        return;
    m_promptTimer->stop();
    handleAuthStep(m_auth->decline());
}

void SessionWorker::stageSignedIn()
{
    const long timeout = m_effective.connectTimeoutSec;
    ssh_options_set(m_session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    if (m_stage < m_chain.size() - 1) {
        m_hopSession = std::move(m_session);
        m_hopName = knownHostsName(m_effective.host, m_effective.port);
        ++m_stage;
        connectStage();
        return;
    }
    if (!startMultiplexing()) {
        failConnecting(Error {ErrorKind::Internal, Tr::tr("The SSH library could not watch the connection."),
                              QStringLiteral("ssh_event_new/ssh_event_add_session/ssh_get_fd failed")});
        return;
    }
    m_unattended = false;
    m_everConnected = true;
    m_reconnectAttempt = 0;
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
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &SessionWorker::onReadable);
    // Only wanted while libssh has unsent bytes (a large write met a full socket buffer).
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &SessionWorker::pump);
    // The effective endpoint carries the config's value (30 s by default); ServerAliveInterval 0
    // turns keepalive off, as in OpenSSH.
    m_missedAlive = 0;
    m_readSinceTick = true;
    if (m_effective.serverAliveIntervalSec > 0) {
        m_keepAlive->setInterval(std::chrono::seconds(m_effective.serverAliveIntervalSec));
        m_keepAlive->start();
    }
    return true;
}

void SessionWorker::failConnecting(const Error &error)
{
    qCDebug(lcSsh) << "connection failed:" << error.detail;
    tearDown(error);
    if (m_unattended && error.kind != ErrorKind::HostKeyChanged && error.kind != ErrorKind::AuthFailed) {
        // The network is probably still away (Wi-Fi, sleep): try again a little later.
        scheduleReconnect();
        return;
    }
    m_unattended = false;
    setState(m_everConnected ? remote::ConnectionState::Lost : remote::ConnectionState::Failed);
    Q_EMIT failed(error);
}

void SessionWorker::reconnect()
{
    m_reconnectTimer->stop();
    m_unattended = false;
    open(m_requested);
}

void SessionWorker::close()
{
    const bool wasConnected = m_state == remote::ConnectionState::Connected;
    m_reconnectTimer->stop();
    m_unattended = false;
    m_everConnected = false;
    tearDown(Error {ErrorKind::Disconnected, Tr::tr("The connection was closed before the command finished."),
                    QStringLiteral("disconnect requested")});
    setState(remote::ConnectionState::Disconnected);
    if (wasConnected)
        Q_EMIT disconnected();
}

void SessionWorker::connectionLost(const QString &why)
{
    QString detail = why;
    if (detail.isEmpty() && m_session)
        detail = QString::fromUtf8(ssh_get_error(m_session.get()));
    const Error error {
        ErrorKind::Disconnected,
        Tr::tr("The connection to %1 was lost.").arg(knownHostsName(m_effective.host, m_effective.port)),
        detail.isEmpty() ? QStringLiteral("session closed") : detail};
    qCDebug(lcSsh) << "connection lost:" << error.detail;
    tearDown(error);
    Q_EMIT disconnected();
    if (!m_neededPerson) {
        // Nothing to ask: come back on our own, as long as the network lets us.
        m_reconnectAttempt = 0;
        scheduleReconnect();
        return;
    }
    setState(remote::ConnectionState::Lost);
    Q_EMIT failed(
        Error {error.kind,
               Tr::tr("The connection to %1 was lost. Signing in again needs you: choose Reconnect.")
                   .arg(knownHostsName(m_effective.host, m_effective.port)),
               error.detail});
}

void SessionWorker::scheduleReconnect()
{
    if (m_reconnectAttempt >= static_cast<int>(std::size(kReconnectDelaysMs))) {
        m_unattended = false;
        setState(remote::ConnectionState::Lost);
        Q_EMIT failed(
            Error {ErrorKind::Disconnected,
                   Tr::tr("The connection to %1 was lost and could not be restored. Check your network, "
                          "then choose Reconnect.")
                       .arg(knownHostsName(m_requested.host, m_requested.port)),
                   QStringLiteral("reconnect attempts exhausted")});
        return;
    }
    setState(remote::ConnectionState::Reconnecting);
    m_reconnectTimer->start(kReconnectDelaysMs[m_reconnectAttempt++]);
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
    m_sftp.reset();
    m_keepAlive->stop();
    if (m_promptTimer->isActive()) {
        m_promptTimer->stop();
        Q_EMIT credentialsWithdrawn();
    }
    m_auth.reset();
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
    releaseSessions();
    // Inner sessions first (above), then the tunnels that carried them, innermost first.
    while (!m_tunnels.empty())
        m_tunnels.pop_back();
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
        } else if (phase == ExecChannel::Phase::Running && channel->isTerminal()) {
            channel->flush();
            continue;
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

void SessionWorker::onReadable()
{
    m_readSinceTick = true;
    // With nothing else running, the first bytes after a keepalive are its answer: a round trip.
    if (m_keepAliveSentAt.isValid() && m_channels.empty()) {
        Q_EMIT latencyMeasured(static_cast<int>(m_keepAliveSentAt.elapsed()));
        m_keepAliveSentAt.invalidate();
    }
    pump();
}

void SessionWorker::sendKeepAlive()
{
    if (!m_session)
        return;
    if (!m_readSinceTick) {
        const int countMax
            = m_effective.serverAliveCountMax > 0 ? m_effective.serverAliveCountMax : kDefaultAliveCountMax;
        if (++m_missedAlive >= countMax) {
            connectionLost(QStringLiteral("no answer to %1 keepalive(s), %2 s apart")
                               .arg(m_missedAlive)
                               .arg(m_keepAlive->interval() / 1000));
            return;
        }
    } else {
        m_missedAlive = 0;
    }
    m_readSinceTick = false;
    // keepalive@openssh.com with want-reply: the server must answer (OpenSSH answers "failure",
    // which is all we need). In non-blocking mode libssh tracks one such request: the first call
    // may only collect the previous answer, so a second call sends the new request.
    ssh_send_keepalive(m_session.get());
    ssh_send_keepalive(m_session.get());
    m_keepAliveSentAt.start();
    pump();
}

void SessionWorker::startTerminal(quint64 id, const remote::TerminalOptions &options)
{
    if (m_state != remote::ConnectionState::Connected) {
        remote::ProcessResult result;
        result.error = notConnectedError();
        Q_EMIT processFinished(id, result);
        return;
    }
    ExecChannel::Pty pty {options.termType, options.columns, options.rows};
    m_channels.emplace(id, std::make_unique<ExecChannel>(id, options.command, pty));
    pump();
}

void SessionWorker::writeTerminal(quint64 id, const QByteArray &bytes)
{
    if (const auto it = m_channels.find(id); it != m_channels.end()) {
        it->second->queueInput(bytes);
        pump();
    }
}

void SessionWorker::resizeTerminal(quint64 id, int columns, int rows)
{
    if (const auto it = m_channels.find(id); it != m_channels.end()) {
        it->second->resize(columns, rows);
        pump();
    }
}

void SessionWorker::fileOperation(quint64 id, FileOp op, const QString &path, const QByteArray &data,
                                  uint permissions)
{
    remote::FileResult result;
    if (m_state != remote::ConnectionState::Connected) {
        result.error = notConnectedError();
        Q_EMIT fileFinished(id, result);
        return;
    }
    if (!m_sftp)
        m_sftp = std::make_unique<SftpClient>(m_session.get());
    switch (op) {
    case FileOp::Read:
        result = m_sftp->read(path, remote::Transport::kMaxFileBytes);
        break;
    case FileOp::Write:
        result = m_sftp->write(path, data, permissions);
        break;
    case FileOp::Stat:
        result = m_sftp->stat(path);
        break;
    }
    Q_EMIT fileFinished(id, result);
    // The blocking SFTP exchange may have read packets for other channels meanwhile.
    pump();
}

} // namespace onramp::ssh
