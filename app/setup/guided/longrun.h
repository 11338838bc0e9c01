#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace onramp::setup::guided {

// A step's long command (conda create/install, the GPU verification job), as the engine sees it:
// output as it arrives, then exactly one finished(). The engine does not care whether it runs
// detached on the cluster (setup/runs' RemoteRun, surviving disconnects) or on one exec channel.
class LongRun : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~LongRun() override;

    // The run's id (detached runs: the journal's id; empty otherwise).
    virtual QString id() const = 0;
    // Stops the remote work; finished() follows.
    virtual void cancel() = 0;

Q_SIGNALS:
    void output(const QString &text);
    // exitCode -1 with an error when the run did not end normally (cancelled, lost).
    void finished(int exitCode, const std::optional<onramp::Error> &error);
};

// Starts long runs; the engine owns what it gets.
class LongRunLauncher {
public:
    virtual ~LongRunLauncher();
    virtual Result<LongRun *> launch(const QString &title, const QString &script, QObject *parent) = 0;
    // Follows a run started before a restart; nullptr when this launcher cannot (or it is unknown).
    virtual LongRun *reattach(const QString &id, QObject *parent);
};

// The simplest launcher: the script on one exec channel of the transport. It does not survive a
// dropped connection; RemoteRunLauncher does.
class ExecRunLauncher : public LongRunLauncher {
public:
    explicit ExecRunLauncher(remote::Transport *transport);
    Result<LongRun *> launch(const QString &title, const QString &script, QObject *parent) override;

private:
    QPointer<remote::Transport> m_transport;
};

} // namespace onramp::setup::guided
