#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>
#include <QStringList>

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
    int connectTimeoutSec = 0; // 0: ConnectTimeout from the config, else 30
    // Hops to go through, "[user@]host[:port]" or config aliases, comma-separated like ProxyJump;
    // empty: the config's ProxyJump; "none": connect directly.
    QString proxyJump;
    int serverAliveIntervalSec = 0; // 0: ServerAliveInterval from the config, else 30
    int serverAliveCountMax = 0; // 0: ServerAliveCountMax from the config, else 3
    bool identitiesOnly = false; // also set by IdentitiesOnly in the config
    // Sign-in methods in the order to try, as OpenSSH's PreferredAuthentications names them
    // ("publickey", "keyboard-interactive", "password"); empty: that order.
    QStringList preferredAuthentications;
    // Filled in by the transport in the effective endpoint (config applied): the hops, outermost
    // first, each "[user@]host[:port]" or an alias; every identity file to offer, in order;
    // whether new known_hosts entries are hashed (HashKnownHosts).
    QStringList resolvedHops;
    QStringList identityFiles;
    bool hashKnownHosts = false;
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

// Reconnecting: the link died and the transport is signing in again on its own (it only does so when
// no person is needed). Lost: the link died and coming back needs the person (a prompt, a host key,
// or automatic attempts ran out); Transport::reconnect() starts again.
enum class ConnectionState {
    Disconnected,
    Connecting,
    VerifyingHostKey,
    Authenticating,
    Connected,
    Failed,
    Reconnecting,
    Lost
};

// A translated, human name for a state (status bar, logs).
QString describe(ConnectionState state);

// How a remote command ended: an exit code, a signal, or an error that prevented a normal end.
struct ProcessResult {
    int exitCode = -1; // -1 when killed by a signal or never started
    QString exitSignal; // e.g. "TERM" when killed by a signal
    std::optional<Error> error; // channel failure, timeout, cancellation, lost connection
    bool succeeded() const { return !error && exitSignal.isEmpty() && exitCode == 0; }
};

// One question of a sign-in step, exactly as the server (or the key file) put it.
struct AuthPrompt {
    QString text; // e.g. "Password: " or "One-time code: "
    bool echo = false; // false: a secret, shown as dots
};

// What a sign-in step needs from the person. Nothing proceeds until Transport::answerCredentials()
// or cancelCredentials(); nothing is ever sent again on its own after a rejection.
struct AuthRequest {
    enum class Kind { Password, Passphrase, KeyboardInteractive };
    Kind kind = Kind::Password;
    QString host; // the machine asking: a hop or the target, "[host]:port" when not port 22
    QString user;
    QString name; // keyboard-interactive: the server's name for the exchange (may be empty)
    QString instruction; // keyboard-interactive: the server's instruction (may be empty)
    QList<AuthPrompt> prompts; // at least one
    QString keyFile; // Passphrase: the encrypted private key
    // Set when the previous answer was refused: shown to the person above the prompt.
    QString previousError;
    // Stable key for remembering a password ("user@host:port"); empty where remembering is wrong
    // (one-time codes, passphrases).
    QString rememberKey;
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
    // The raw bytes of stdout, just before their text: for byte-exact copies (a log tailed by
    // offset), where re-encoding the decoded text could differ from what the file holds.
    void stdoutData(const QByteArray &bytes);
    void stdoutText(const QString &text);
    void stderrText(const QString &text);
    void done(const onramp::remote::ProcessResult &result);
};

struct TerminalOptions {
    QString command; // empty: the login shell
    QByteArray termType = QByteArrayLiteral("xterm-256color");
    int columns = 80;
    int rows = 24;
};

// An interactive program on a pseudo-terminal (the terminal pane). Bytes both ways, untouched:
// a terminal emulator decodes them.
class RemoteTerminal : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteTerminal() override;

    virtual bool isOpen() const = 0;
    virtual void write(const QByteArray &bytes) = 0;
    virtual void resize(int columns, int rows) = 0;
    // Hangs up (SIGHUP to the remote side, then the channel closes); closed() follows.
    virtual void close() = 0;

Q_SIGNALS:
    void opened();
    void output(const QByteArray &bytes);
    void closed(const onramp::remote::ProcessResult &result);
};

struct RemoteFileInfo {
    QString path;
    qint64 size = 0;
    uint permissions = 0; // st_mode permission bits
    bool isDirectory = false;
    qint64 modifiedSecs = 0; // seconds since the epoch
};

// The outcome of one SFTP operation.
struct FileResult {
    std::optional<Error> error;
    QByteArray data; // readFile
    RemoteFileInfo info; // statFile, readFile
};

// One SFTP operation on the shared session; emits done() exactly once, then deletes itself.
class RemoteFileOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteFileOperation() override;

Q_SIGNALS:
    void done(const onramp::remote::FileResult &result);
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

    // The person's answers to credentialsRequested(), one per prompt, in order.
    virtual void answerCredentials(const QStringList &answers) = 0;
    // The person declined: signing in stops with a Cancelled error.
    virtual void cancelCredentials() = 0;
    // After Lost (or Failed): connect again to the same endpoint, asking whatever is needed.
    virtual void reconnect() = 0;

    // An interactive terminal; owned by the caller (deleting it closes the channel).
    virtual RemoteTerminal *openTerminal(const TerminalOptions &options) = 0;

    // Small files only (logs, scripts, configuration): the whole file travels in one piece.
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    virtual RemoteFileOperation *readFile(const QString &path) = 0;
    virtual RemoteFileOperation *writeFile(const QString &path, const QByteArray &data,
                                           uint permissions = 0644)
        = 0;
    virtual RemoteFileOperation *statFile(const QString &path) = 0;

Q_SIGNALS:
    void stateChanged(onramp::remote::ConnectionState state);
    // An unknown host key needs the person's decision; nothing proceeds until answerHostKey().
    void hostKeyUnknown(const onramp::remote::HostKey &key);
    // A sign-in step needs the person (password, passphrase, one-time code, any server prompt).
    void credentialsRequested(const onramp::remote::AuthRequest &request);
    // The previous request is no longer current (answered elsewhere, timed out, connection ended).
    void credentialsWithdrawn();
    // Round-trip time of the last keepalive reply, for the status bar.
    void latencyMeasured(int milliseconds);
    void connected();
    void failed(const onramp::Error &error);
    void disconnected();
};

using TransportFactory = std::function<std::unique_ptr<Transport>()>;

} // namespace onramp::remote
