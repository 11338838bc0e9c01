#pragma once

#include "core/error.h"
#include "ssh/libsshhandles.h"

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace onramp::ssh {

// Carries one direct-tcpip channel of an authenticated hop session over a socketpair, on its own
// thread, so the next session (the next hop or the target) can run over it with SSH_OPTIONS_FD.
// This is Onramp's ProxyJump: libssh 0.10 only knows ProxyJump as a ProxyCommand running an
// external `ssh -W`, which may be missing or configured differently from Onramp.
//
// The tunnel owns the hop session. After open() returns, only the tunnel's thread touches it
// (libssh sessions are not thread-safe). When either side ends (the hop connection dies, the
// target closes the forwarded connection, the next session closes its socket) the thread closes
// its end of the socketpair, so the next session sees its connection end just as it would see a
// TCP connection drop.
class ChannelTunnel {
public:
    // Takes the hop's authenticated session (blocking mode). Opens direct-tcpip to host:port
    // (blocking, bounded by the session's timeout), makes a socketpair, starts the forwarding
    // thread. `hopName` names the hop in messages. On failure the hop session is freed.
    static Result<std::unique_ptr<ChannelTunnel>> open(SessionPtr hop, const QString &hopName,
                                                       const QString &host, int port);
    // Wakes and joins the thread, which closes the channel and disconnects and frees the hop.
    ~ChannelTunnel();
    ChannelTunnel(const ChannelTunnel &) = delete;
    ChannelTunnel &operator=(const ChannelTunnel &) = delete;

    // The other end of the socketpair, for ssh_options_set(next, SSH_OPTIONS_FD, &fd) right before
    // ssh_connect(next). Ownership passes to the next session: free it with freeTunnelledSession(),
    // which closes the socket. Call once; -1 after.
    int takeSocket();
    // False once the hop session or the channel died, or either side closed the connection.
    bool isAlive() const { return m_alive.load(std::memory_order_acquire); }

private:
    ChannelTunnel() = default;
    void run();
    void releaseHop();

    SessionPtr m_hop;
    ssh_channel m_channel = nullptr;
    EventPtr m_event;
    int m_ownSocket = -1; // the thread's end of the socketpair
    int m_peerSocket = -1; // handed out by takeSocket()
    int m_wakeFd = -1; // eventfd: the destructor asks the thread to stop
    std::atomic<bool> m_alive {false};
    std::thread m_thread;
};

// Frees a session whose SSH_OPTIONS_FD came from ChannelTunnel::takeSocket() and closes that socket
// exactly once, so the tunnel sees the session end. Use it instead of SessionPtr's own deleter:
// libssh 0.10.6's ssh_disconnect() leaves a socket given with SSH_OPTIONS_FD open (it would leak,
// and the tunnel would carry a dead connection until destroyed), while ssh_free() alone closes it,
// as do a failed ssh_connect() and a broken connection. The server sees the connection close
// without SSH_MSG_DISCONNECT, as when the network drops.
void freeTunnelledSession(SessionPtr session);

} // namespace onramp::ssh
