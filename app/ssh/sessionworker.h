#pragma once

#include "remote/transport.h"
#include "ssh/execchannel.h"
#include "ssh/libsshhandles.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace onramp::ssh {

// Owns one ssh_session and makes every libssh call on it, in the thread it was moved to. The
// SshTransport (GUI thread) calls its slots through queued invocations and listens to its signals.
//
// Connecting and signing in are blocking libssh calls, each bounded by Endpoint.connectTimeoutSec;
// they run here, never in the GUI thread. Once signed in, the session switches to non-blocking
// mode: a QSocketNotifier on the session's socket wakes pump(), which lets libssh read what
// arrived (delivering it to the channels' callbacks), advances channels that are opening, and
// forwards output. Between packets this thread sleeps in its event loop, so idle costs nothing and
// queued calls (a new command, a cancel) run as soon as they are posted.
class SessionWorker : public QObject {
    Q_OBJECT
public:
    SessionWorker();
    ~SessionWorker() override;

    void open(const onramp::remote::Endpoint &endpoint);
    void answerHostKey(bool trust);
    void close();
    void startProcess(quint64 id, const QString &command, int timeoutMs);
    void cancelProcess(quint64 id);

Q_SIGNALS:
    void stateChanged(onramp::remote::ConnectionState state);
    void endpointResolved(const onramp::remote::Endpoint &effective);
    void hostKeyUnknown(const onramp::remote::HostKey &key);
    void connected();
    void failed(const onramp::Error &error);
    void disconnected();

    void processStarted(quint64 id);
    void processOutput(quint64 id, const QByteArray &stdoutBytes, const QByteArray &stderrBytes);
    void processFinished(quint64 id, const onramp::remote::ProcessResult &result);

private:
    void setState(remote::ConnectionState state);
    void authenticate();
    bool startMultiplexing();
    void failConnecting(const Error &error);
    void connectionLost();
    // Ends every process with `error`, then frees channels, event and session (in that order).
    void tearDown(const Error &processError);

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

    SessionPtr m_session;
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
