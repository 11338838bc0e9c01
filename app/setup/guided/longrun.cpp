#include "setup/guided/longrun.h"

#include "setup/guided/guidedtr.h"

namespace onramp::setup::guided {

LongRun::~LongRun() = default;
LongRunLauncher::~LongRunLauncher() = default;

LongRun *LongRunLauncher::reattach(const QString &, QObject *)
{
    return nullptr;
}

namespace {

class ExecRun : public LongRun {
public:
    ExecRun(remote::RemoteProcess *process, QObject *parent) : LongRun(parent), m_process(process)
    {
        process->setParent(this);
        connect(process, &remote::RemoteProcess::stdoutText, this, &LongRun::output);
        connect(process, &remote::RemoteProcess::stderrText, this, &LongRun::output);
        connect(process, &remote::RemoteProcess::done, this, [this](const remote::ProcessResult &result) {
            Q_EMIT finished(result.error ? -1 : result.exitCode, result.error);
        });
    }
    QString id() const override { return {}; }
    void cancel() override
    {
        if (m_process)
            m_process->cancel();
    }

private:
    QPointer<remote::RemoteProcess> m_process;
};

} // namespace

ExecRunLauncher::ExecRunLauncher(remote::Transport *transport) : m_transport(transport) { }

Result<LongRun *> ExecRunLauncher::launch(const QString &, const QString &script, QObject *parent)
{
    if (!m_transport)
        return Error {ErrorKind::Disconnected, GuidedTr::tr("There is no connection to run this on."), {}};
    return static_cast<LongRun *>(new ExecRun(m_transport->exec(script), parent));
}

} // namespace onramp::setup::guided
