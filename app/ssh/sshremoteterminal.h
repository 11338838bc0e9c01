#pragma once

#include "remote/transport.h"

#include <functional>

namespace onramp::ssh {

// The caller's side of one terminal channel: forwards keystrokes and sizes to the worker and the
// worker's raw output to the caller; closed() exactly once.
class SshRemoteTerminal final : public remote::RemoteTerminal {
    Q_OBJECT
public:
    struct Hooks {
        std::function<void(const QByteArray &)> write;
        std::function<void(int, int)> resize;
        std::function<void()> close;
    };
    SshRemoteTerminal(Hooks hooks, QObject *parent);
    ~SshRemoteTerminal() override;

    bool isOpen() const override { return m_open; }
    void write(const QByteArray &bytes) override;
    void resize(int columns, int rows) override;
    void close() override;

    void handleStarted();
    void handleOutput(const QByteArray &bytes);
    void handleFinished(const remote::ProcessResult &result);

private:
    Hooks m_hooks;
    bool m_open = false;
    bool m_finished = false;
};

} // namespace onramp::ssh
