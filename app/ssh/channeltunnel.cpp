#include "ssh/channeltunnel.h"

#include "ssh/sshtr.h"

#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace onramp::ssh {

namespace {

// One read from either side at most; also the largest single ssh_channel_write.
constexpr size_t kChunk = 64 * 1024;
// Channel data waiting for the next session to read it. Past this the tunnel stops reading the
// channel: libssh then stops growing the channel's window, and the server stops sending.
constexpr size_t kHighWater = 1024 * 1024;

// RFC 4254 §5.1 reason codes of SSH_MSG_CHANNEL_OPEN_FAILURE.
constexpr int kAdministrativelyProhibited = 1;
constexpr int kConnectFailed = 2;

// Bytes received on one side, not yet taken by the other.
class Pending {
public:
    bool empty() const { return m_data.size() == m_offset; }
    size_t size() const { return m_data.size() - m_offset; }
    const char *data() const { return m_data.data() + m_offset; }
    void append(const char *bytes, size_t n) { m_data.insert(m_data.end(), bytes, bytes + n); }
    void consume(size_t n)
    {
        m_offset += n;
        if (m_offset == m_data.size()) {
            m_data.clear();
            m_offset = 0;
        } else if (m_offset > kChunk && m_offset * 2 > m_data.size()) {
            // Keeps appends from growing the buffer while the front is slowly drained.
            m_data.erase(m_data.begin(), m_data.begin() + static_cast<std::ptrdiff_t>(m_offset));
            m_offset = 0;
        }
    }

private:
    std::vector<char> m_data;
    size_t m_offset = 0;
};

bool transientErrno()
{
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

bool hopAlive(ssh_session session)
{
    return ssh_is_connected(session) && !(ssh_get_status(session) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

// libssh reports the server's refusal only as text: "Channel opening failure: channel 3 error (2) ...".
int openFailureCode(const QString &detail)
{
    static const QRegularExpression code(QStringLiteral("opening failure: channel \\d+ error \\((\\d+)\\)"));
    const QRegularExpressionMatch match = code.match(detail);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Error openError(ssh_session hop, int rc, const QString &hopName, const QString &host, int port)
{
    const QString detail = QString::fromUtf8(ssh_get_error(hop));
    if (rc == SSH_AGAIN)
        return Error {
            ErrorKind::Timeout,
            Tr::tr("The gateway %1 did not open a connection to %2:%3 in time.").arg(hopName, host).arg(port),
            QStringLiteral("direct-tcpip open timed out: %1").arg(detail)};
    if (!hopAlive(hop))
        return Error {ErrorKind::Disconnected,
                      Tr::tr("The connection to the gateway %1 was lost.").arg(hopName), detail};
    switch (openFailureCode(detail)) {
    case kAdministrativelyProhibited:
        return Error {
            ErrorKind::ChannelFailed,
            Tr::tr("The gateway %1 does not allow forwarding to %2:%3.").arg(hopName, host).arg(port),
            detail};
    case kConnectFailed:
        return Error {ErrorKind::ConnectFailed,
                      Tr::tr("The gateway %1 could not connect to %2:%3. Check the host name and the port.")
                          .arg(hopName, host)
                          .arg(port),
                      detail};
    default:
        return Error {
            ErrorKind::ChannelFailed,
            Tr::tr("The gateway %1 refused to open a connection to %2:%3.").arg(hopName, host).arg(port),
            detail};
    }
}

Error internalError(const QString &hopName, const QString &detail)
{
    return Error {ErrorKind::Internal,
                  Tr::tr("Onramp could not set up the connection through %1.").arg(hopName), detail};
}

// A hop that itself runs over a tunnel (or a ProxyCommand) talks through a socketpair.
bool overSocketpair(ssh_session session)
{
    const socket_t fd = ssh_get_fd(session);
    int domain = 0;
    socklen_t len = sizeof domain;
    return fd != SSH_INVALID_SOCKET && ::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0
        && domain == AF_UNIX;
}

QString errnoText(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

Result<std::unique_ptr<ChannelTunnel>> ChannelTunnel::open(SessionPtr hop, const QString &hopName,
                                                           const QString &host, int port)
{
    if (host.isEmpty() || port <= 0 || port > 65535)
        return Error {ErrorKind::InvalidInput,
                      Tr::tr("%1:%2 is not a valid destination behind the gateway %3.")
                          .arg(host)
                          .arg(port)
                          .arg(hopName),
                      QStringLiteral("invalid direct-tcpip target")};
    if (!hop || !hopAlive(hop.get()))
        return Error {ErrorKind::Disconnected,
                      Tr::tr("The connection to the gateway %1 was lost.").arg(hopName),
                      QStringLiteral("hop session not connected")};

    // From here on the tunnel's destructor frees whatever was set up, on every path.
    std::unique_ptr<ChannelTunnel> tunnel(new ChannelTunnel);
    tunnel->m_hop = std::move(hop);
    ssh_session session = tunnel->m_hop.get();
    ssh_set_blocking(session, 1);

    tunnel->m_channel = ssh_channel_new(session);
    if (!tunnel->m_channel)
        return internalError(hopName, QString::fromUtf8(ssh_get_error(session)));
    // Blocking, so bounded by the session's timeout. OpenSSH answers only once its own TCP
    // connection to the target succeeded or failed.
    const QByteArray hostBytes = host.toUtf8();
    const int rc = ssh_channel_open_forward(tunnel->m_channel, hostBytes.constData(), port, "127.0.0.1", 0);
    if (rc != SSH_OK)
        return openError(session, rc, hopName, host, port);

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return internalError(hopName, errnoText("socketpair"));
    tunnel->m_ownSocket = pair[0];
    tunnel->m_peerSocket = pair[1];
    if (::fcntl(tunnel->m_ownSocket, F_SETFL, ::fcntl(tunnel->m_ownSocket, F_GETFL) | O_NONBLOCK) != 0)
        return internalError(hopName, errnoText("fcntl(O_NONBLOCK)"));
    tunnel->m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (tunnel->m_wakeFd < 0)
        return internalError(hopName, errnoText("eventfd"));
    // The event lets libssh read and write on its own schedule (window adjusts, flushing what a
    // full socket buffer held back) without a channel call that would wait.
    tunnel->m_event.reset(ssh_event_new());
    if (!tunnel->m_event || ssh_event_add_session(tunnel->m_event.get(), session) != SSH_OK
        || ssh_get_fd(session) == SSH_INVALID_SOCKET)
        return internalError(hopName,
                             QStringLiteral("ssh_event_new/ssh_event_add_session/ssh_get_fd failed"));
    ssh_set_blocking(session, 0);

    tunnel->m_alive.store(true, std::memory_order_release);
    try {
        tunnel->m_thread = std::thread(&ChannelTunnel::run, tunnel.get());
    } catch (const std::system_error &e) {
        tunnel->m_alive.store(false, std::memory_order_release);
        return internalError(hopName, QString::fromLocal8Bit(e.what()));
    }
    qCDebug(lcSsh) << "tunnel through" << hopName << "to" << host << port << "open";
    return Result<std::unique_ptr<ChannelTunnel>>(std::move(tunnel));
}

void freeTunnelledSession(SessionPtr session)
{
    if (session)
        ssh_free(session.release());
}

void ChannelTunnel::releaseHop()
{
    if (!m_hop)
        return;
    ssh_set_blocking(m_hop.get(), 0); // disconnecting must not wait for a gateway that stopped answering
    if (overSocketpair(m_hop.get()))
        freeTunnelledSession(std::move(m_hop)); // a hop behind another hop: its tunnel must see it end
    else
        m_hop.reset(); // polite: SSH_MSG_DISCONNECT, then libssh closes its own TCP socket
}

ChannelTunnel::~ChannelTunnel()
{
    if (m_thread.joinable()) {
        const uint64_t one = 1;
        // The eventfd counter cannot overflow from one write; a failure here would be a bug.
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
        m_thread.join();
    }
    // Only left when open() failed before the thread ran: nothing else touches the hop now.
    if (m_channel) {
        ssh_channel_free(m_channel);
        m_channel = nullptr;
    }
    if (m_event && m_hop)
        ssh_event_remove_session(m_event.get(), m_hop.get());
    m_event.reset();
    releaseHop();
    for (int *fd : {&m_ownSocket, &m_peerSocket, &m_wakeFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

int ChannelTunnel::takeSocket()
{
    return std::exchange(m_peerSocket, -1);
}

void ChannelTunnel::run()
{
    pthread_setname_np(pthread_self(), "onramp-tunnel");
    ssh_session session = m_hop.get();
    const int sshFd = static_cast<int>(ssh_get_fd(session));
    std::vector<char> chunk(kChunk);
    Pending toSocket; // from the channel, for the next session
    Pending toChannel; // from the next session, for the channel
    bool channelEof = false; // the target sent EOF and everything before it was taken
    bool socketShut = false; // ... and was passed on, followed by shutdown(SHUT_WR)
    bool socketEof = false; // the next session shut its sending side
    bool eofSent = false; // ... and everything before it went into the channel, then EOF
    const char *why = "stopped";

    for (;;) {
        // Lets libssh read what arrived (data, window adjusts, EOF, close) and write what it had
        // to hold back. Channel calls below read too, but only while their own buffer is empty.
        ssh_event_dopoll(m_event.get(), 0);
        if (!hopAlive(session)) {
            why = "hop connection lost";
            break;
        }

        bool stop = false;
        for (bool progress = true; progress && !stop;) {
            progress = false;
            while (!channelEof && toSocket.size() < kHighWater) {
                const int n = ssh_channel_read_nonblocking(m_channel, chunk.data(), kChunk, 0);
                if (n > 0) {
                    toSocket.append(chunk.data(), static_cast<size_t>(n));
                    progress = true;
                } else if (n == SSH_EOF) {
                    channelEof = true;
                    progress = true;
                } else if (n == 0) {
                    break;
                } else {
                    why = "channel read failed";
                    stop = true;
                    break;
                }
            }
            if (stop)
                break;

            if (!toSocket.empty()) {
                const ssize_t n
                    = ::send(m_ownSocket, toSocket.data(), toSocket.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n > 0) {
                    toSocket.consume(static_cast<size_t>(n));
                    progress = true;
                } else if (n < 0 && !transientErrno()) {
                    why = "the next session closed its socket";
                    stop = true;
                    break;
                }
            }
            if (channelEof && toSocket.empty() && !socketShut) {
                ::shutdown(m_ownSocket, SHUT_WR);
                socketShut = true;
                progress = true;
            }

            // Only when the channel took everything and libssh sent it: a full window or a slow
            // gateway makes the next session wait instead of filling memory.
            if (!socketEof && toChannel.empty() && !(ssh_get_poll_flags(session) & SSH_WRITE_PENDING)) {
                const ssize_t n = ::recv(m_ownSocket, chunk.data(), kChunk, MSG_DONTWAIT);
                if (n > 0) {
                    toChannel.append(chunk.data(), static_cast<size_t>(n));
                    progress = true;
                } else if (n == 0) {
                    socketEof = true;
                    progress = true;
                } else if (!transientErrno()) {
                    why = "reading the next session's socket failed";
                    stop = true;
                    break;
                }
            }
            if (!toChannel.empty()) {
                // Non-blocking: writes what the remote window allows (possibly nothing).
                const auto len = static_cast<uint32_t>(std::min(toChannel.size(), kChunk));
                const int n = ssh_channel_write(m_channel, toChannel.data(), len);
                if (n > 0) {
                    toChannel.consume(static_cast<size_t>(n));
                    progress = true;
                } else if (n < 0) {
                    why = "channel write failed";
                    stop = true;
                    break;
                }
            }
            if (socketEof && toChannel.empty() && !eofSent) {
                ssh_channel_send_eof(m_channel);
                eofSent = true;
                progress = true;
            }
        }
        if (stop)
            break;
        if (!hopAlive(session)) {
            why = "hop connection lost";
            break;
        }
        if (socketShut && (eofSent || ssh_channel_is_closed(m_channel))) {
            why = "both sides finished";
            break;
        }

        const bool writePending = ssh_get_poll_flags(session) & SSH_WRITE_PENDING;
        short socketEvents = toSocket.empty() ? 0 : POLLOUT;
        if (!socketEof && toChannel.empty() && !writePending)
            socketEvents |= POLLIN;
        // Sleeps until something can move: no timeout, the destructor wakes it.
        pollfd fds[3] = {{m_wakeFd, POLLIN, 0},
                         {sshFd, static_cast<short>(POLLIN | (writePending ? POLLOUT : 0)), 0},
                         {m_ownSocket, socketEvents, 0}};
        if (::poll(fds, 3, -1) < 0 && errno != EINTR) {
            why = "poll failed";
            break;
        }
        if (fds[0].revents) {
            why = "closed by Onramp";
            break;
        }
        // Reported whatever was asked for: both ends of the socket are gone, so nothing more can
        // be delivered (and polling again would return at once).
        if (fds[2].revents & (POLLHUP | POLLERR | POLLNVAL)) {
            why = "the next session closed its socket";
            break;
        }
        if (fds[1].revents & (POLLERR | POLLNVAL)) {
            why = "hop socket failed";
            break;
        }
        if (fds[1].revents & POLLHUP) {
            // Let libssh read what is left and notice the end; the next round stops.
            ssh_event_dopoll(m_event.get(), 0);
            if (hopAlive(session)) {
                why = "hop socket hung up";
                break;
            }
        }
    }

    qCDebug(lcSsh) << "tunnel ends:" << why;
    m_alive.store(false, std::memory_order_release);
    // First, so the next session learns at once that its connection ended.
    ::close(m_ownSocket);
    m_ownSocket = -1;
    if (ssh_channel_is_open(m_channel))
        ssh_channel_close(m_channel);
    ssh_channel_free(m_channel);
    m_channel = nullptr;
    ssh_event_remove_session(m_event.get(), session);
    m_event.reset();
    releaseHop();
}

} // namespace onramp::ssh
