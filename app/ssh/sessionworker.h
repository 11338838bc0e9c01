#pragma once

#include "remote/transport.h"
#include "ssh/authenticator.h"
#include "ssh/execchannel.h"
#include "ssh/libsshhandles.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace onramp::ssh {

class ChannelTunnel;
class SftpClient;

// Owns one ssh_session and makes every libssh call on it, in the thread it was moved to. The
// SshTransport (GUI thread) calls its slots through queued invocations and listens to its signals.
//
// Connecting and signing in are blocking libssh calls, each bounded by Endpoint.connectTimeoutSec;
// they run here, never in the GUI thread. A connection is a chain: each ProxyJump hop is its own
// session (own host key check, own sign-in), carrying the next one through a ChannelTunnel; the
// last link is the session every feature shares. A question for the person (host key, password,
// one-time code, passphrase) returns to the event loop and the chain continues from the answer. Once signed
// in, the session switches to non-blocking mode: a QSocketNotifier on the session's socket wakes pump(),
// which lets libssh read what arrived (delivering it to the channels' callbacks), advances channels that are
// opening, and forwards output. Between packets this thread sleeps in its event loop, so idle costs nothing
// and queued calls (a new command, a cancel) run as soon as they are posted.
class SessionWorker : public QObject {
    Q_OBJECT
public:
    SessionWorker();
    ~SessionWorker() override;

    void open(const onramp::remote::Endpoint &endpoint);
    void answerHostKey(bool trust);
    void answerCredentials(const QStringList &answers);
    void cancelCredentials();
    void reconnect();
    void close();
    void startProcess(quint64 id, const QString &command, int timeoutMs);
    void cancelProcess(quint64 id);
    void startTerminal(quint64 id, const onramp::remote::TerminalOptions &options);
    void writeTerminal(quint64 id, const QByteArray &bytes);
    void resizeTerminal(quint64 id, int columns, int rows);

    enum class FileOp { Read, Write, Stat };
    void fileOperation(quint64 id, FileOp op, const QString &path, const QByteArray &data, uint permissions);

Q_SIGNALS:
    void stateChanged(onramp::remote::ConnectionState state);
    void endpointResolved(const onramp::remote::Endpoint &effective);
    void hostKeyUnknown(const onramp::remote::HostKey &key);
    void credentialsRequested(const onramp::remote::AuthRequest &request);
    void credentialsWithdrawn();
    void latencyMeasured(int milliseconds);
    void connected();
    void failed(const onramp::Error &error);
    void disconnected();

    void processStarted(quint64 id);
    void processOutput(quint64 id, const QByteArray &stdoutBytes, const QByteArray &stderrBytes);
    void processFinished(quint64 id, const onramp::remote::ProcessResult &result);
    void fileFinished(quint64 id, const onramp::remote::FileResult &result);

private:
    void setState(remote::ConnectionState state);
    // The chain: connect link m_stage (a hop or the target), check its key, sign in, go on.
    void connectStage();
    void authenticate();
    void handleAuthStep(const AuthStep &step);
    void stageSignedIn();
    // A question for the person; when reconnecting on our own, stop instead (Lost).
    bool mayAskPerson(const Error &whyNeeded);
    bool startMultiplexing();
    void failConnecting(const Error &error);
    void connectionLost(const QString &why = {});
    void scheduleReconnect();
    // Ends every process with `error`, then frees channels, event and session (in that order).
    void tearDown(const Error &processError);
    void releaseSessions();

    void pump();
    bool sessionAlive() const;
    void driveChannels();
    // Forwards output and results; true if a channel that held a server slot was freed.
    bool reportChannels();
    int confirmedChannels() const;
    bool anyChannelOpening() const;
    void endProcess(quint64 id, const Error &error);
    void onChannelTimer(quint64 id);
    void armTimer(ExecChannel &channel, int ms);
    void sendKeepAlive();
    void onReadable();

    remote::Endpoint m_requested; // as the caller gave it, for reconnecting
    QList<remote::Endpoint> m_chain; // the hops' endpoints, then the target's
    qsizetype m_stage = 0;
    std::vector<std::unique_ptr<ChannelTunnel>> m_tunnels; // outermost first
    std::unique_ptr<Authenticator> m_auth;
    bool m_neededPerson = false; // signing in asked the person something
    bool m_unattended = false; // reconnecting on our own: never open a dialog
    bool m_everConnected = false;
    int m_reconnectAttempt = 0;
    QTimer *m_reconnectTimer = new QTimer(this);
    QTimer *m_promptTimer = new QTimer(this);
    std::unique_ptr<SftpClient> m_sftp;

    // Keepalive (ServerAliveInterval/CountMax): a keepalive request is answered by the server, so
    // an interval without a single byte read means one missed answer.
    bool m_readSinceTick = false;
    int m_missedAlive = 0;
    QElapsedTimer m_keepAliveSentAt;

    SessionPtr m_session;
    SessionPtr m_hopSession; // a signed-in hop, until its tunnel takes it
    QString m_hopName;
    EventPtr m_event;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    QTimer *m_keepAlive = new QTimer(this);
    remote::Endpoint m_effective;
    std::optional<remote::HostKey> m_pendingHostKey;
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;

    // Ordered by id, which is start order: queued commands get a channel first come, first served.
    std::map<quint64, std::unique_ptr<ExecChannel>> m_channels;
    // The server refused a channel while others were open (OpenSSH's MaxSessions, 10 by default):
    // queued commands then wait, and each ended command lets one more try (m_mayProbe).
    bool m_serverFull = false;
    bool m_mayProbe = false;
    QTimer *m_probeTimer = new QTimer(this);
    int m_probeDelayMs = 0;
    QTimer *m_safetyPump = new QTimer(this);
};

} // namespace onramp::ssh
