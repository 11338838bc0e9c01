#pragma once

#include "cluster/diagnosis.h"
#include "cluster/slurm/slurmparsers.h"
#include "core/error.h"
#include "setup/status/pollingmonitor.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace onramp::setup::status {

// One of the person's jobs as squeue lists it, with what its state means in plain words.
struct JobEntry {
    cluster::Job job;
    // Why it waits (the pending reason explained) or why it ended badly; none while it runs.
    std::optional<cluster::Diagnosis> explanation;

    bool isRunning() const { return job.state == cluster::JobState::Running; }
    bool isPending() const { return job.state == cluster::JobState::Pending; }
    // A running job that holds GPUs: something the GPU view can look into.
    bool isRunningWithGpus() const { return isRunning() && job.gpus() > 0; }
};

// When a command of the status feature failed: the sentence for the person, and what Slurm's own
// words mean when Onramp recognised them.
struct StatusProblem {
    Error error;
    cluster::Diagnoses diagnoses;
};

// Polls `squeue` for the person's jobs (every 2 s by default) over the open session, and cancels
// jobs with `scancel`. The list is replaced by every successful poll; a failed poll keeps the last
// list and reports the problem.
class JobsMonitor : public PollingMonitor {
    Q_OBJECT
public:
    explicit JobsMonitor(QObject *parent = nullptr);

    // Whose jobs: empty (default) takes the user the transport signed in as, else squeue --me.
    void setUser(const QString &user) { m_user = user; }
    QString user() const;

    QList<JobEntry> jobs() const { return m_jobs; }
    std::optional<JobEntry> job(const QString &id) const;
    QList<JobEntry> runningGpuJobs() const;
    // A poll has succeeded since the transport connected: jobs() is the cluster's answer.
    bool hasSnapshot() const { return m_hasSnapshot; }
    // The last poll's failure; cleared by the next good poll.
    const std::optional<StatusProblem> &problem() const { return m_problem; }

    // `scancel ID` on the session; cancelFinished() follows, then a new poll.
    Status cancelJob(const QString &jobId);
    bool isCancelling(const QString &jobId) const { return m_cancelling.contains(jobId); }

Q_SIGNALS:
    void jobsChanged();
    void problemChanged();
    void cancelFinished(const QString &jobId,
                        const std::optional<onramp::setup::status::StatusProblem> &problem);

protected:
    std::optional<QString> nextCommand() override;
    void handlePoll(const CommandRecord &record) override;
    void connectionChanged(bool connected) override;

private:
    void setProblem(std::optional<StatusProblem> problem);

    QString m_user;
    QList<JobEntry> m_jobs;
    std::optional<StatusProblem> m_problem;
    QSet<QString> m_cancelling;
    bool m_hasSnapshot = false;
};

// The problem of a Slurm command that did not succeed, with Slurm's words explained. `what` is the
// sentence for the person when nothing more precise is known.
StatusProblem slurmProblem(const CommandRecord &record, const QString &what);

} // namespace onramp::setup::status
