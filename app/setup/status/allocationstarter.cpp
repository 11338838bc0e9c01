#include "setup/status/allocationstarter.h"

#include "setup/status/statustr.h"

namespace onramp::setup::status {

AllocationStarter::AllocationStarter(QObject *parent) : QObject(parent) { }

AllocationStarter::~AllocationStarter()
{
    if (m_process)
        m_process->disconnect(this);
}

void AllocationStarter::setTransport(remote::Transport *transport)
{
    if (m_transport == transport)
        return;
    m_transport = transport;
    if (m_process) {
        // Another session (or none) from now on: salloc ends, and Slurm withdraws a request whose
        // salloc has ended.
        m_process->disconnect(this);
        m_process->cancel();
        m_process.clear();
        StatusProblem problem;
        problem.error
            = Error {ErrorKind::Disconnected,
                     StatusTr::tr("The connection closed while Slurm had not granted the allocation yet."),
                     m_output.trimmed()};
        Q_EMIT finished(false, m_progress.jobId, problem);
    }
}

cluster::AllocationRequest AllocationStarter::defaultRequest()
{
    cluster::AllocationRequest request;
    request.partition = QStringLiteral("gpu");
    request.gpus = 1;
    request.timeLimit = QStringLiteral("01:00:00");
    request.jobName = QStringLiteral("onramp-gpu");
    return request;
}

Status AllocationStarter::start(const cluster::AllocationRequest &request)
{
    if (isRunning())
        return Error {
            ErrorKind::InvalidInput,
            StatusTr::tr("Onramp is already waiting for an allocation (job %1).").arg(m_progress.jobId),
            {}};
    if (!m_transport || m_transport->state() != remote::ConnectionState::Connected)
        return Error {ErrorKind::Disconnected, StatusTr::tr("Connect to the cluster first."), {}};
    const Result<QString> command = cluster::sallocCommand(request);
    if (!command)
        return command.error();
    m_command = command.value();
    m_output.clear();
    m_stdout.clear();
    m_progress = {};
    m_process = m_transport->exec(m_command);
    connect(m_process, &remote::RemoteProcess::stdoutText, this,
            [this](const QString &text) { m_stdout += text; });
    connect(m_process, &remote::RemoteProcess::stderrText, this, [this](const QString &text) {
        m_output += text;
        const cluster::AllocationProgress progress = cluster::parseAllocationProgress(m_output);
        if (progress.stage != m_progress.stage || progress.jobId != m_progress.jobId) {
            m_progress = progress;
            Q_EMIT progressChanged(m_progress.stage, m_progress.jobId);
        }
    });
    connect(m_process, &remote::RemoteProcess::done, this, [this](const remote::ProcessResult &result) {
        m_process.clear();
        const cluster::AllocationProgress progress = cluster::parseAllocationProgress(m_output);
        m_progress = progress;
        const bool granted = result.succeeded() && progress.stage == Stage::Granted;
        std::optional<StatusProblem> problem;
        if (!granted) {
            CommandRecord record;
            record.command = m_command;
            record.stdoutText = m_stdout;
            record.stderrText = m_output;
            record.result = result;
            problem = slurmProblem(record, StatusTr::tr("Slurm did not grant the allocation."));
        }
        Q_EMIT finished(granted, progress.jobId, problem);
    });
    return success();
}

void AllocationStarter::abandon()
{
    if (m_process)
        m_process->cancel();
}

} // namespace onramp::setup::status
