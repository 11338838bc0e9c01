#pragma once

#include "cluster/slurm/slurmcommands.h"
#include "cluster/slurm/slurmparsers.h"
#include "core/error.h"
#include "remote/transport.h"
#include "setup/status/jobsmonitor.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace onramp::setup::status {

// "Start a GPU allocation" for a person who has none: `salloc --no-shell` on the session. salloc
// waits while Slurm queues the request ("Pending job allocation N": the job is in squeue, pending
// with a reason) and returns once it is granted; the allocation then lives until its time limit or
// a cancel, and the GPU view polls it. Ending the wait (or losing the connection) makes salloc
// withdraw the request.
class AllocationStarter : public QObject {
    Q_OBJECT
public:
    using Stage = cluster::AllocationProgress::Stage;

    explicit AllocationStarter(QObject *parent = nullptr);
    ~AllocationStarter() override;

    void setTransport(remote::Transport *transport);

    // The defaults of the form: the "gpu" partition, 1 GPU, one hour, named "onramp-gpu".
    static cluster::AllocationRequest defaultRequest();

    // Validates and starts the request; an invalid one is refused at once (nothing runs).
    Status start(const cluster::AllocationRequest &request);
    // Stops waiting for a request that is still pending (salloc then withdraws it).
    void abandon();

    bool isRunning() const { return !m_process.isNull(); }
    Stage stage() const { return m_progress.stage; }
    QString jobId() const { return m_progress.jobId; }
    QString command() const { return m_command; }
    // What salloc has printed so far (its progress lines and errors).
    QString output() const { return m_output; }

Q_SIGNALS:
    // salloc reported a new stage or the job id.
    void progressChanged(onramp::setup::status::AllocationStarter::Stage stage, const QString &jobId);
    // salloc has returned: granted, or not with the problem explained.
    void finished(bool granted, const QString &jobId,
                  const std::optional<onramp::setup::status::StatusProblem> &problem);

private:
    QPointer<remote::Transport> m_transport;
    QPointer<remote::RemoteProcess> m_process;
    cluster::AllocationProgress m_progress;
    QString m_command;
    QString m_output;
    QString m_stdout;
};

} // namespace onramp::setup::status
