#pragma once

#include "remote/transport.h"

#include <QHash>
#include <QPointer>

#include <memory>

class QThread;

namespace onramp::ssh {

class SessionWorker;
class SshRemoteProcess;
class SshRemoteTerminal;

// The SSH implementation of remote::Transport (libssh). Lives in the caller's thread and never
// blocks it: a SessionWorker on a dedicated thread owns the session and makes every libssh call;
// the two talk only through queued calls and signals.
class SshTransport final : public remote::Transport {
    Q_OBJECT
public:
    explicit SshTransport(QObject *parent = nullptr);
    ~SshTransport() override;

    remote::ConnectionState state() const override;
    remote::Endpoint endpoint() const override;

    void connectTo(const remote::Endpoint &endpoint) override;
    void disconnectFrom() override;
    void answerHostKey(bool trust) override;
    remote::RemoteProcess *exec(const QString &command, const remote::ExecOptions &options = {}) override;
    void answerCredentials(const QStringList &answers) override;
    void cancelCredentials() override;
    void reconnect() override;
    remote::RemoteTerminal *openTerminal(const remote::TerminalOptions &options) override;
    remote::RemoteFileOperation *readFile(const QString &path) override;
    remote::RemoteFileOperation *writeFile(const QString &path, const QByteArray &data,
                                           uint permissions = 0644) override;
    remote::RemoteFileOperation *statFile(const QString &path) override;

private:
    void cancelProcess(quint64 id);
    void onStateChanged(remote::ConnectionState state);
    void onProcessStarted(quint64 id);
    void onProcessOutput(quint64 id, const QByteArray &stdoutBytes, const QByteArray &stderrBytes);
    void onProcessFinished(quint64 id, const remote::ProcessResult &result);
    void onFileFinished(quint64 id, const remote::FileResult &result);
    remote::RemoteFileOperation *startFileOperation(int op, const QString &path, const QByteArray &data,
                                                    uint permissions);

    QThread *m_thread;
    SessionWorker *m_worker;
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
    remote::Endpoint m_endpoint;
    QHash<quint64, QPointer<SshRemoteProcess>> m_processes;
    QHash<quint64, QPointer<SshRemoteTerminal>> m_terminals;
    QHash<quint64, QPointer<remote::RemoteFileOperation>> m_fileOperations;
    quint64 m_nextProcessId = 1;
};

// For code that only knows the interface (the GUI, the CLI, a TransportFactory).
std::unique_ptr<remote::Transport> createSshTransport(QObject *parent = nullptr);

// libssh's version and crypto backend, e.g. "0.10.6/openssl/zlib", for --version and bug reports.
QString libsshVersion();

} // namespace onramp::ssh
