#pragma once

#include "core/streamdecoder.h"
#include "remote/transport.h"

namespace onramp::ssh {

// The caller's side of one remote command: turns the worker's byte chunks into text (one
// stateful decoder per stream, so a UTF-8 character split between two reads stays whole) and
// guarantees started() at most once and done() exactly once.
class SshRemoteProcess final : public remote::RemoteProcess {
    Q_OBJECT
public:
    SshRemoteProcess(const QString &command, QObject *parent);
    ~SshRemoteProcess() override;

    QString command() const override { return m_command; }
    bool isRunning() const override { return !m_finished; }
    void cancel() override;

    void handleStarted();
    void handleOutput(const QByteArray &stdoutBytes, const QByteArray &stderrBytes);
    void handleFinished(const remote::ProcessResult &result);

Q_SIGNALS:
    // To the transport: end the remote process (also sent when the object dies before done()).
    void cancelRequested();

private:
    QString m_command;
    StreamDecoder m_stdoutDecoder;
    StreamDecoder m_stderrDecoder;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelSent = false;
};

} // namespace onramp::ssh
