#pragma once

#include "remote/transport.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace onramp::cli {

struct ExecRequest {
    remote::Endpoint endpoint;
    QString commandLine; // one shell command line, run by the remote user's shell
    bool acceptNewHostKey = false;
    int timeoutMs = 0;
};

// `onramp-cli exec`: connect, run one command, stream its stdout/stderr to ours as it arrives,
// and finish with an exit status like ssh(1): the remote one, 128+N for signal N, 255 when the
// connection, host key or sign-in failed.
class ExecCommand : public QObject {
    Q_OBJECT
public:
    ExecCommand(ExecRequest request, std::unique_ptr<remote::Transport> transport, QObject *parent = nullptr);
    ~ExecCommand() override;

    void start();
    // Ctrl-C and friends: end the remote command, then finish with 128+signal.
    void interrupt(int signalNumber);

    // 128+N for a signal name as Linux numbers it (the cluster runs Linux), or -1 if unknown.
    static int exitStatusForSignal(const QString &name);

Q_SIGNALS:
    void finished(int exitStatus);

private:
    void onHostKeyUnknown(const remote::HostKey &key);
    void onConnected();
    void onFailed(const Error &error);
    void onDone(const remote::ProcessResult &result);
    void reportError(const Error &error);
    void finish(int exitStatus);

    ExecRequest m_request;
    std::unique_ptr<remote::Transport> m_transport;
    QPointer<remote::RemoteProcess> m_process;
    int m_interruptSignal = 0;
    bool m_finished = false;
};

} // namespace onramp::cli
