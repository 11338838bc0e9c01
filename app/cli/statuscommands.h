#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace onramp::setup::status {
class GpuMonitor;
class JobsMonitor;
} // namespace onramp::setup::status

namespace onramp::cli {

// The options of `onramp-cli gpus` and `onramp-cli jobs`, beside the connection options they
// share with `exec` (main.cpp reads those into an Endpoint for every command).
struct StatusOptions {
    StatusOptions();
    QList<QCommandLineOption> all() const;

    QCommandLineOption job;
    QCommandLineOption node;
    QCommandLineOption json;
    QCommandLineOption watch;
    QCommandLineOption count;
    QCommandLineOption interval;
    QCommandLineOption cancel;
};

struct StatusRequest {
    enum class Verb { Gpus, Jobs };
    Verb verb = Verb::Jobs;
    remote::Endpoint endpoint;
    bool acceptNewHostKey = false;
    int timeoutMs = 0; // per poll; 0: the monitors' default
    QString jobId; // gpus: this allocation only (default: every running job with GPUs)
    QString node; // gpus: this node of the allocation
    QString cancelJobId; // jobs --cancel
    bool json = false;
    bool watch = false;
    int count = 1; // polls; 0: until interrupted (--watch without --count)
    int intervalMs = 2000;
};

// True for the verbs this file implements ("gpus", "jobs").
bool isStatusVerb(const QString &verb);
// The status options as the person gave them for `verb`; a mistake is ErrorKind::InvalidInput with
// a translated sentence. `words` are the positional arguments after the verb (none are taken).
Result<StatusRequest> statusRequestFrom(const QString &verb, const QStringList &words,
                                        const QCommandLineParser &parser, const StatusOptions &options);

// `onramp-cli gpus` and `onramp-cli jobs`: connect once, then poll over that one session like the
// GUI does (same monitors), print an aligned table or a JSON document (one per line with --watch),
// and finish with 0 (the cluster answered), 1 (a Slurm or nvidia-smi command failed; the problem is
// explained), or 255 (connection, host key or sign-in failed).
class StatusCommand : public QObject {
    Q_OBJECT
public:
    StatusCommand(StatusRequest request, std::unique_ptr<remote::Transport> transport,
                  QObject *parent = nullptr);
    ~StatusCommand() override;

    void start();
    // Ctrl-C: stop the poll in flight, then finish with 128+signal.
    void interrupt(int signalNumber);

Q_SIGNALS:
    void finished(int exitStatus);

private:
    void onConnected();
    void startRound();
    void onJobsPolled();
    void pollGpus();
    void onGpuPolled();
    void printJobs();
    void printGpus();
    void printCancel(const QString &jobId, bool ok, const QString &message, const QJsonValue &problem);
    void endRound(int status);
    void finish(int exitStatus);

    StatusRequest m_request;
    std::unique_ptr<remote::Transport> m_transport;
    setup::status::JobsMonitor *m_jobs = nullptr;
    QList<setup::status::GpuMonitor *> m_gpus;
    QElapsedTimer m_roundClock;
    QTimer m_next;
    int m_rounds = 0;
    int m_worst = 0;
    bool m_finished = false;
};

} // namespace onramp::cli
