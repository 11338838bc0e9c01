#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace onramp::remote {

// Where to connect. Empty fields fall back to ~/.ssh/config, then to OpenSSH's defaults.
struct Endpoint {
    QString host; // host name, address or ~/.ssh/config alias
    int port = 0; // 0: from the config, else 22
    QString user; // empty: from the config, else the local user
    QString identityFile; // empty: ssh-agent, then the default identity files
    QString knownHostsFile; // empty: ~/.ssh/known_hosts (shared with OpenSSH)
    QString sshConfigFile; // empty: ~/.ssh/config
    int connectTimeoutSec = 30;
};

// The server's host key as checked against known_hosts.
struct HostKey {
    enum class Verdict { Known, Unknown, Changed, OtherType };
    QString host;
    int port = 22;
    QString type; // e.g. "ssh-ed25519"
    QString fingerprint; // "SHA256:..." as OpenSSH prints it
    Verdict verdict = Verdict::Unknown;
    QString knownHostsFile;
};

enum class ConnectionState { Disconnected, Connecting, VerifyingHostKey, Authenticating, Connected, Failed };

// A translated, human name for a state (status bar, logs).
QString describe(ConnectionState state);

// How a remote command ended: an exit code, a signal, or an error that prevented a normal end.
struct ProcessResult {
    int exitCode = -1; // -1 when killed by a signal or never started
    QString exitSignal; // e.g. "TERM" when killed by a signal
    std::optional<Error> error; // channel failure, timeout, cancellation, lost connection
    bool succeeded() const { return !error && exitSignal.isEmpty() && exitCode == 0; }
};

struct ExecOptions {
    int timeoutMs = 0; // 0: no deadline
};

// One remote command. Emits started(), then text chunks as they arrive (decoded per stream, never a
// split UTF-8 character), then exactly one done().
class RemoteProcess : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteProcess() override;

    virtual QString command() const = 0;
    virtual bool isRunning() const = 0;
    // Ends the remote process (signal, then channel close); done() follows with a Cancelled error.
    virtual void cancel() = 0;

Q_SIGNALS:
    void started();
    void stdoutText(const QString &text);
    void stderrText(const QString &text);
    void done(const onramp::remote::ProcessResult &result);
};

// One authenticated connection that every feature shares. Lives in the GUI thread; an
// implementation does its network work on its own thread and reports through queued signals.
class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override;

    virtual ConnectionState state() const = 0;
    virtual Endpoint endpoint() const = 0;

    virtual void connectTo(const Endpoint &endpoint) = 0;
    virtual void disconnectFrom() = 0;

    // The person's answer after hostKeyUnknown(): trust writes the key to known_hosts and continues.
    virtual void answerHostKey(bool trust) = 0;

    // Runs `command` through the remote user's shell. The process is a child of the transport and
    // deletes itself after done() unless the caller reparents it.
    virtual RemoteProcess *exec(const QString &command, const ExecOptions &options = {}) = 0;

Q_SIGNALS:
    void stateChanged(onramp::remote::ConnectionState state);
    // An unknown host key needs the person's decision; nothing proceeds until answerHostKey().
    void hostKeyUnknown(const onramp::remote::HostKey &key);
    void connected();
    void failed(const onramp::Error &error);
    void disconnected();
};

using TransportFactory = std::function<std::unique_ptr<Transport>()>;

} // namespace onramp::remote
