#include "setup/status/jobsmonitor.h"

#include "cluster/slurm/slurmcommands.h"
#include "cluster/slurm/slurmdiagnosis.h"
#include "cluster/slurm/slurmvalidate.h"
#include "setup/status/statustr.h"

namespace onramp::setup::status {

StatusProblem slurmProblem(const CommandRecord &record, const QString &what)
{
    StatusProblem problem;
    const remote::ProcessResult &result = record.result;
    if (result.error) {
        problem.error = *result.error;
        problem.error.message = what + QLatin1Char(' ') + result.error->message;
        return problem;
    }
    problem.diagnoses
        = cluster::explainSlurmOutput(QString(record.stderrText + QLatin1Char('\n') + record.stdoutText));
    QString detail = record.stderrText.trimmed();
    if (detail.isEmpty())
        detail = record.stdoutText.trimmed();
    const QString how = result.exitSignal.isEmpty() ? QStringLiteral("exit status %1").arg(result.exitCode)
                                                    : QStringLiteral("signal %1").arg(result.exitSignal);
    problem.error = Error {
        ErrorKind::ChannelFailed,
        problem.diagnoses.isEmpty() ? what : what + QLatin1Char(' ') + problem.diagnoses.first().summary,
        QStringLiteral("%1 (%2): %3").arg(record.command, how, detail)};
    return problem;
}

JobsMonitor::JobsMonitor(QObject *parent) : PollingMonitor(parent) { }

QString JobsMonitor::user() const
{
    if (!m_user.isEmpty())
        return m_user;
    if (transport() && cluster::isValidUserName(transport()->endpoint().user))
        return transport()->endpoint().user;
    return {};
}

std::optional<JobEntry> JobsMonitor::job(const QString &id) const
{
    for (const JobEntry &entry : m_jobs) {
        if (entry.job.id == id)
            return entry;
    }
    return std::nullopt;
}

QList<JobEntry> JobsMonitor::runningGpuJobs() const
{
    QList<JobEntry> running;
    for (const JobEntry &entry : m_jobs) {
        if (entry.isRunningWithGpus())
            running << entry;
    }
    return running;
}

std::optional<QString> JobsMonitor::nextCommand()
{
    cluster::SqueueRequest request;
    request.user = user();
    const Result<QString> command = cluster::squeueCommand(request);
    if (!command) {
        setProblem(StatusProblem {command.error(), {}});
        return std::nullopt;
    }
    return command.value();
}

void JobsMonitor::handlePoll(const CommandRecord &record)
{
    if (!record.result.succeeded()) {
        setProblem(slurmProblem(record, StatusTr::tr("Onramp could not list your jobs.")));
        return;
    }
    const Result<QList<cluster::Job>> parsed = cluster::parseSqueue(record.stdoutText);
    if (!parsed) {
        setProblem(StatusProblem {parsed.error(), {}});
        return;
    }
    QList<JobEntry> jobs;
    for (const cluster::Job &job : parsed.value())
        jobs << JobEntry {job, cluster::explainJob(job)};
    m_jobs = jobs;
    m_hasSnapshot = true;
    setProblem(std::nullopt);
    Q_EMIT jobsChanged();
}

void JobsMonitor::connectionChanged(bool connected)
{
    if (!connected) {
        m_hasSnapshot = false;
        m_cancelling.clear(); // their scancel went with the connection
    }
}

void JobsMonitor::setProblem(std::optional<StatusProblem> problem)
{
    if (!problem && !m_problem)
        return;
    m_problem = std::move(problem);
    Q_EMIT problemChanged();
}

Status JobsMonitor::cancelJob(const QString &jobId)
{
    const Result<QString> command = cluster::scancelCommand(jobId);
    if (!command)
        return command.error();
    if (!transport() || transport()->state() != remote::ConnectionState::Connected)
        return Error {ErrorKind::Disconnected, StatusTr::tr("Connect to the cluster first."), {}};
    if (m_cancelling.contains(jobId))
        return success();
    m_cancelling.insert(jobId);
    auto *recorded = new RecordedCommand(*transport(), command.value(), this);
    connect(recorded, &RecordedCommand::finished, this, [this, recorded, jobId](const CommandRecord &record) {
        recorded->deleteLater();
        m_cancelling.remove(jobId);
        std::optional<StatusProblem> problem;
        if (!record.result.succeeded())
            problem = slurmProblem(record, StatusTr::tr("Onramp could not cancel job %1.").arg(jobId));
        Q_EMIT cancelFinished(jobId, problem);
        pollNow();
    });
    recorded->start();
    return success();
}

} // namespace onramp::setup::status
