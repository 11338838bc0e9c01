#include "cli/statuscommands.h"

#include "cli/clitr.h"
#include "cli/credentialprompt.h"
#include "cli/hostkeyprompt.h"
#include "cluster/slurm/slurmvalidate.h"
#include "cluster/slurm/slurmvalues.h"
#include "setup/status/gpumonitor.h"
#include "setup/status/jobsmonitor.h"
#include "setup/status/statusjson.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTime>

#include <cstdio>

namespace onramp::cli {

using setup::status::GpuMonitor;
using setup::status::GpuReading;
using setup::status::GpuTarget;
using setup::status::JobEntry;
using setup::status::JobsMonitor;
using setup::status::StatusProblem;

namespace {

constexpr int kExitProblem = 1;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Columns a terminal gives a character: two for the wide East Asian ones (Chinese headings).
int displayWidth(const QString &text)
{
    int width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF)
            || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F)
            || (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6);
        if (!c.isLowSurrogate())
            width += wide ? 2 : 1;
    }
    return width;
}

// Rows as columns aligned on the widest cell, two spaces apart, no trailing blanks.
QString formatTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = qMax(widths[i], displayWidth(row.at(i)));
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            line += row.at(i);
            if (i + 1 < row.size())
                line += QString(widths.at(i) - displayWidth(row.at(i)) + 2, QLatin1Char(' '));
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString mib(std::optional<qint64> value)
{
    if (!value)
        return QStringLiteral("-");
    if (*value < 1024)
        return Tr::tr("%1 MiB").arg(*value);
    return QLocale::c().formattedDataSize(*value * 1024 * 1024, 1, QLocale::DataSizeIecFormat);
}

QString problemText(const StatusProblem &problem)
{
    QString text = problem.error.message + QLatin1Char('\n');
    for (const cluster::Diagnosis &d : problem.diagnoses) {
        if (!d.suggestion.isEmpty())
            text += QStringLiteral("  ") + d.suggestion + QLatin1Char('\n');
    }
    return text;
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

int positiveInt(const QString &text, bool *ok)
{
    const int value = text.toInt(ok);
    *ok = *ok && value >= 0;
    return value;
}

} // namespace

StatusOptions::StatusOptions()
    : job(QStringLiteral("job"),
          Tr::tr("gpus: only the GPUs of this running job (default: all your running jobs with GPUs)."),
          Tr::tr("id")),
      node(QStringLiteral("node"), Tr::tr("gpus: the node of the job to look at (default: its first node)."),
           Tr::tr("node")),
      json(QStringLiteral("json"), Tr::tr("gpus, jobs: print a JSON document instead of a table.")),
      watch(QStringLiteral("watch"),
            Tr::tr("gpus, jobs: keep polling over the same connection until interrupted "
                   "(or --count polls); with --json, one document per line.")),
      count(QStringLiteral("count"), Tr::tr("gpus, jobs: with --watch, stop after this many polls."),
            Tr::tr("n")),
      interval(QStringLiteral("interval"),
               Tr::tr("gpus, jobs: seconds between polls with --watch (default 2)."), Tr::tr("seconds")),
      cancel(QStringLiteral("cancel"), Tr::tr("jobs: cancel this job (scancel) instead of listing."),
             Tr::tr("id"))
{ }

QList<QCommandLineOption> StatusOptions::all() const
{
    return {job, node, json, watch, count, interval, cancel};
}

bool isStatusVerb(const QString &verb)
{
    return verb == QLatin1String("gpus") || verb == QLatin1String("jobs");
}

Result<StatusRequest> statusRequestFrom(const QString &verb, const QStringList &words,
                                        const QCommandLineParser &parser, const StatusOptions &options)
{
    const auto usage = [](const QString &message) { return Error {ErrorKind::InvalidInput, message, {}}; };
    StatusRequest request;
    request.verb = verb == QLatin1String("gpus") ? StatusRequest::Verb::Gpus : StatusRequest::Verb::Jobs;
    if (!words.isEmpty())
        return usage(Tr::tr("“%1” takes no arguments, but got “%2”.").arg(verb, words.first()));
    const bool gpus = request.verb == StatusRequest::Verb::Gpus;
    for (const QCommandLineOption *only : {&options.job, &options.node}) {
        if (!gpus && parser.isSet(*only))
            return usage(Tr::tr("--%1 belongs to “gpus”.").arg(only->names().first()));
    }
    if (gpus && parser.isSet(options.cancel))
        return usage(Tr::tr("--cancel belongs to “jobs”."));
    request.jobId = parser.value(options.job);
    if (!request.jobId.isEmpty()) {
        if (const Status ok = cluster::checkJobId(request.jobId); !ok)
            return usage(ok.error().message);
    }
    request.node = parser.value(options.node);
    if (!request.node.isEmpty()) {
        if (request.jobId.isEmpty())
            return usage(Tr::tr("--node needs --job: GPUs are looked at from inside one of your jobs."));
        if (const Status ok = cluster::checkNodeList(request.node); !ok)
            return usage(ok.error().message);
    }
    request.cancelJobId = parser.value(options.cancel);
    if (parser.isSet(options.cancel)) {
        if (const Status ok = cluster::checkJobId(request.cancelJobId); !ok)
            return usage(ok.error().message);
        if (parser.isSet(options.watch))
            return usage(Tr::tr("--cancel and --watch do not go together."));
    }
    request.json = parser.isSet(options.json);
    request.watch = parser.isSet(options.watch);
    request.count = request.watch ? 0 : 1;
    if (parser.isSet(options.count)) {
        bool ok = false;
        request.count = positiveInt(parser.value(options.count), &ok);
        if (!ok || request.count < 1)
            return usage(Tr::tr("--count needs a whole number of polls, 1 or more."));
        if (!request.watch)
            return usage(Tr::tr("--count goes with --watch."));
    }
    if (parser.isSet(options.interval)) {
        bool ok = false;
        const double seconds = parser.value(options.interval).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 3600)
            return usage(Tr::tr("--interval needs a number of seconds from 0 to 3600."));
        request.intervalMs = int(seconds * 1000);
    }
    return request;
}

StatusCommand::StatusCommand(StatusRequest request, std::unique_ptr<remote::Transport> transport,
                             QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_transport(std::move(transport))
{
    m_jobs = new JobsMonitor(this);
    m_jobs->setTransport(m_transport.get());
    if (m_request.timeoutMs > 0)
        m_jobs->setPollTimeoutMs(m_request.timeoutMs);
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &StatusCommand::startRound);
    connect(m_transport.get(), &remote::Transport::hostKeyUnknown, this, [this](const remote::HostKey &key) {
        m_transport->answerHostKey(decideOnUnknownHostKey(key, m_request.acceptNewHostKey));
    });
    answerCredentialsFromTerminal(m_transport.get());
    connect(m_transport.get(), &remote::Transport::connected, this, &StatusCommand::onConnected);
    connect(m_transport.get(), &remote::Transport::failed, this, [this](const Error &error) {
        write(stderr, Tr::tr("onramp-cli: %1\n").arg(error.message));
        finish(kExitConnectionError);
    });
    connect(m_jobs, &JobsMonitor::pollFinished, this, &StatusCommand::onJobsPolled);
    connect(m_jobs, &JobsMonitor::cancelFinished, this,
            [this](const QString &jobId, const std::optional<StatusProblem> &problem) {
                printCancel(jobId, !problem, problem ? problemText(*problem) : QString(),
                            problem ? QJsonValue(setup::status::toJson(*problem))
                                    : QJsonValue(QJsonValue::Null));
                finish(problem ? kExitProblem : 0);
            });
}

StatusCommand::~StatusCommand()
{
    // The monitors end their polls before the transport goes.
    qDeleteAll(m_gpus);
    m_gpus.clear();
    delete m_jobs;
    m_jobs = nullptr;
}

void StatusCommand::start()
{
    m_transport->connectTo(m_request.endpoint);
}

void StatusCommand::interrupt(int signalNumber)
{
    if (m_finished)
        return;
    // Deleting the monitors cancels their polls on the cluster (signal, then channel close).
    qDeleteAll(m_gpus);
    m_gpus.clear();
    m_jobs->setTransport(nullptr);
    finish(128 + signalNumber);
}

void StatusCommand::onConnected()
{
    if (!m_request.cancelJobId.isEmpty()) {
        const Status started = m_jobs->cancelJob(m_request.cancelJobId);
        if (!started) {
            write(stderr, Tr::tr("onramp-cli: %1\n").arg(started.error().message));
            finish(kExitProblem);
        }
        return;
    }
    if (m_request.verb == StatusRequest::Verb::Gpus && !m_request.jobId.isEmpty()) {
        auto *monitor = new GpuMonitor(this);
        monitor->setTransport(m_transport.get());
        if (m_request.timeoutMs > 0)
            monitor->setPollTimeoutMs(m_request.timeoutMs);
        monitor->setTarget(GpuTarget {m_request.jobId, m_request.node, -1});
        connect(monitor, &GpuMonitor::pollFinished, this, &StatusCommand::onGpuPolled);
        m_gpus << monitor;
    }
    startRound();
}

void StatusCommand::startRound()
{
    m_roundClock.start();
    m_worst = 0;
    // `gpus --job J` goes straight to the GPUs; everything else starts from the job list.
    if (m_request.verb == StatusRequest::Verb::Gpus && !m_request.jobId.isEmpty()) {
        pollGpus();
        return;
    }
    if (!m_jobs->pollNow()) {
        write(stderr, Tr::tr("onramp-cli: the connection is not usable.\n"));
        finish(kExitConnectionError);
    }
}

void StatusCommand::onJobsPolled()
{
    if (m_request.verb == StatusRequest::Verb::Jobs) {
        printJobs();
        endRound(m_jobs->problem() ? kExitProblem : 0);
        return;
    }
    if (m_jobs->problem()) {
        printGpus();
        endRound(kExitProblem);
        return;
    }
    // One monitor per running GPU job, as the jobs are now.
    QHash<QString, GpuMonitor *> byJob;
    for (GpuMonitor *monitor : std::as_const(m_gpus))
        byJob.insert(monitor->target().jobId, monitor);
    QList<GpuMonitor *> monitors;
    for (const JobEntry &job : m_jobs->runningGpuJobs()) {
        GpuMonitor *monitor = byJob.take(job.job.id);
        if (!monitor) {
            monitor = new GpuMonitor(this);
            monitor->setTransport(m_transport.get());
            if (m_request.timeoutMs > 0)
                monitor->setPollTimeoutMs(m_request.timeoutMs);
            connect(monitor, &GpuMonitor::pollFinished, this, &StatusCommand::onGpuPolled);
        }
        monitor->setTarget(GpuTarget {job.job.id, {}, int(job.job.gpus())});
        monitors << monitor;
    }
    qDeleteAll(byJob);
    m_gpus = monitors;
    if (m_gpus.isEmpty()) {
        printGpus();
        endRound(0);
        return;
    }
    pollGpus();
}

void StatusCommand::pollGpus()
{
    for (GpuMonitor *monitor : std::as_const(m_gpus)) {
        if (!monitor->pollNow()) {
            write(stderr, Tr::tr("onramp-cli: the connection is not usable.\n"));
            finish(kExitConnectionError);
            return;
        }
    }
}

void StatusCommand::onGpuPolled()
{
    for (const GpuMonitor *monitor : std::as_const(m_gpus)) {
        if (monitor->isBusy())
            return; // the round ends with the last of them
    }
    printGpus();
    int status = 0;
    for (const GpuMonitor *monitor : std::as_const(m_gpus)) {
        if (monitor->error())
            status = kExitProblem;
    }
    endRound(status);
}

void StatusCommand::endRound(int status)
{
    ++m_rounds;
    m_worst = qMax(m_worst, status);
    if (!m_request.watch || (m_request.count > 0 && m_rounds >= m_request.count)) {
        finish(m_worst);
        return;
    }
    m_next.start(int(qMax<qint64>(0, m_request.intervalMs - m_roundClock.elapsed())));
}

void StatusCommand::printJobs()
{
    const std::optional<StatusProblem> &problem = m_jobs->problem();
    if (m_request.json) {
        QJsonArray jobs;
        for (const JobEntry &job : m_jobs->jobs())
            jobs.append(setup::status::toJson(job));
        const QJsonObject doc {
            {QStringLiteral("schema"), setup::status::jobsSchema()},
            {QStringLiteral("time"), nowIso()},
            {QStringLiteral("user"), m_jobs->user()},
            {QStringLiteral("pollMs"), m_jobs->lastPollMs()},
            {QStringLiteral("jobs"), problem ? QJsonValue(QJsonValue::Null) : QJsonValue(jobs)},
            {QStringLiteral("problem"),
             problem ? QJsonValue(setup::status::toJson(*problem)) : QJsonValue(QJsonValue::Null)}};
        write(stdout,
              QString::fromUtf8(QJsonDocument(doc).toJson(m_request.watch ? QJsonDocument::Compact
                                                                          : QJsonDocument::Indented)));
        if (m_request.watch)
            write(stdout, QStringLiteral("\n"));
        return;
    }
    QString out;
    if (m_request.watch)
        out += Tr::tr("Your jobs at %1:\n")
                   .arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat));
    if (problem) {
        write(stdout, out);
        write(stderr, problemText(*problem));
        return;
    }
    const QList<JobEntry> jobs = m_jobs->jobs();
    if (jobs.isEmpty()) {
        out += Tr::tr("You have no jobs on the cluster right now.\n");
    } else {
        QList<QStringList> rows {{Tr::tr("JOB"), Tr::tr("NAME"), Tr::tr("PARTITION"), Tr::tr("STATE"),
                                  Tr::tr("ELAPSED"), Tr::tr("GPUS"), Tr::tr("NODES"), Tr::tr("REASON")}};
        for (const JobEntry &e : jobs) {
            rows << QStringList {e.job.id,
                                 orDash(e.job.name),
                                 orDash(e.job.partition),
                                 e.job.state == cluster::JobState::Unknown
                                     ? e.job.stateText
                                     : cluster::jobStateName(e.job.state),
                                 orDash(cluster::formatSlurmDuration(e.job.elapsed)),
                                 QString::number(e.job.gpus()),
                                 orDash(e.job.nodeList),
                                 orDash(e.job.reason)};
        }
        out += formatTable(rows);
        for (const JobEntry &e : jobs) {
            if (!e.explanation)
                continue;
            out += QLatin1Char('\n') + Tr::tr("Job %1: %2\n").arg(e.job.id, e.explanation->summary);
            if (!e.explanation->suggestion.isEmpty())
                out += QStringLiteral("  ") + e.explanation->suggestion + QLatin1Char('\n');
        }
    }
    if (m_request.watch)
        out += QLatin1Char('\n');
    write(stdout, out);
}

void StatusCommand::printGpus()
{
    const std::optional<StatusProblem> &jobsProblem = m_jobs->problem();
    const bool discovered = m_request.jobId.isEmpty();
    const QString none
        = Tr::tr("You have no running job with GPUs. Start one (for example: salloc --no-shell "
                 "--partition=gpu --gres=gpu:1 --time=1:00:00), or use the GPU view of Onramp.");
    if (m_request.json) {
        QJsonArray allocations;
        for (const GpuMonitor *monitor : std::as_const(m_gpus)) {
            QJsonArray gpus;
            for (const GpuReading &gpu : monitor->gpus())
                gpus.append(setup::status::toJson(gpu));
            const GpuTarget target = monitor->target();
            const std::optional<JobEntry> job = m_jobs->job(target.jobId);
            QJsonValue problem(QJsonValue::Null);
            if (monitor->error()) {
                StatusProblem p {*monitor->error(), {}};
                if (monitor->diagnosis())
                    p.diagnoses << *monitor->diagnosis();
                problem = setup::status::toJson(p);
            }
            allocations.append(QJsonObject {
                {QStringLiteral("job"), target.jobId},
                {QStringLiteral("name"), job ? QJsonValue(job->job.name) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("node"),
                 !target.node.isEmpty()                    ? QJsonValue(target.node)
                     : job && !job->job.nodeList.isEmpty() ? QJsonValue(job->job.nodeList)
                                                           : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("gpusRequested"),
                 target.gpusRequested >= 0 ? QJsonValue(target.gpusRequested) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("pollMs"), monitor->lastPollMs()},
                {QStringLiteral("command"),
                 monitor->lastRecord() ? QJsonValue(monitor->lastRecord()->command)
                                       : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("gpus"), gpus},
                {QStringLiteral("problem"), problem}});
        }
        QJsonValue message(QJsonValue::Null);
        if (jobsProblem)
            message = jobsProblem->error.message;
        else if (discovered && m_gpus.isEmpty())
            message = none;
        const QJsonObject doc {
            {QStringLiteral("schema"), setup::status::gpusSchema()},
            {QStringLiteral("time"), nowIso()},
            {QStringLiteral("allocations"), allocations},
            {QStringLiteral("message"), message},
            {QStringLiteral("problem"),
             jobsProblem ? QJsonValue(setup::status::toJson(*jobsProblem)) : QJsonValue(QJsonValue::Null)}};
        write(stdout,
              QString::fromUtf8(QJsonDocument(doc).toJson(m_request.watch ? QJsonDocument::Compact
                                                                          : QJsonDocument::Indented)));
        if (m_request.watch)
            write(stdout, QStringLiteral("\n"));
        return;
    }
    QString out;
    if (m_request.watch)
        out += Tr::tr("GPUs at %1:\n").arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat));
    if (jobsProblem) {
        write(stdout, out);
        write(stderr, problemText(*jobsProblem));
        return;
    }
    if (m_gpus.isEmpty())
        out += none + QLatin1Char('\n');
    bool first = true;
    for (const GpuMonitor *monitor : std::as_const(m_gpus)) {
        if (!first)
            out += QLatin1Char('\n');
        first = false;
        const GpuTarget target = monitor->target();
        const std::optional<JobEntry> job = m_jobs->job(target.jobId);
        const QString where = !target.node.isEmpty() ? target.node : job ? job->job.nodeList : QString();
        const QString seconds = QLocale().toString(double(monitor->lastPollMs()) / 1000.0, 'f', 2);
        out += where.isEmpty() ? Tr::tr("Job %1 (polled in %2 s)\n").arg(target.jobId, seconds)
                               : Tr::tr("Job %1 on %2 (polled in %3 s)\n").arg(target.jobId, where, seconds);
        if (monitor->error()) {
            StatusProblem p {*monitor->error(), {}};
            if (monitor->diagnosis()) {
                p.error.message = monitor->diagnosis()->summary;
                p.diagnoses << *monitor->diagnosis();
            }
            out += QStringLiteral("  ") + problemText(p);
            continue;
        }
        QList<QStringList> rows {{Tr::tr("GPU"), Tr::tr("NAME"), Tr::tr("UTIL"), Tr::tr("MEMORY"),
                                  Tr::tr("TEMP"), Tr::tr("POWER")}};
        QList<QStringList> processes {{Tr::tr("GPU"), Tr::tr("PID"), Tr::tr("MEMORY"), Tr::tr("PROCESS")}};
        for (const GpuReading &gpu : monitor->gpus()) {
            const cluster::GpuStatus &s = gpu.status;
            const QString index = s.index ? QString::number(*s.index) : QStringLiteral("-");
            QString power = QStringLiteral("-");
            if (s.powerDrawW && s.powerLimitW)
                power = Tr::tr("%1 W / %2 W").arg(qRound(*s.powerDrawW)).arg(qRound(*s.powerLimitW));
            else if (s.powerDrawW)
                power = Tr::tr("%1 W").arg(qRound(*s.powerDrawW));
            rows << QStringList {index,
                                 orDash(s.name),
                                 s.utilizationGpuPercent ? Tr::tr("%1 %").arg(*s.utilizationGpuPercent)
                                                         : QStringLiteral("-"),
                                 Tr::tr("%1 / %2").arg(mib(s.memoryUsedMiB), mib(s.memoryTotalMiB)),
                                 s.temperatureC ? Tr::tr("%1 °C").arg(*s.temperatureC) : QStringLiteral("-"),
                                 power};
            for (const cluster::GpuProcess &p : gpu.processes) {
                processes << QStringList {index, p.pid ? QString::number(*p.pid) : QStringLiteral("-"),
                                          mib(p.usedMemoryMiB), orDash(p.name)};
            }
        }
        out += formatTable(rows);
        if (processes.size() > 1)
            out += QLatin1Char('\n') + formatTable(processes);
        else
            out += Tr::tr("No processes are using these GPUs.\n");
    }
    if (m_request.watch)
        out += QLatin1Char('\n');
    write(stdout, out);
}

void StatusCommand::printCancel(const QString &jobId, bool ok, const QString &message,
                                const QJsonValue &problem)
{
    if (m_request.json) {
        const QJsonObject doc {{QStringLiteral("schema"), QStringLiteral("onramp.cancel/1")},
                               {QStringLiteral("time"), nowIso()},
                               {QStringLiteral("job"), jobId},
                               {QStringLiteral("cancelled"), ok},
                               {QStringLiteral("problem"), problem}};
        write(stdout, QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
        return;
    }
    if (ok)
        write(stdout, Tr::tr("Cancelled job %1.\n").arg(jobId));
    else
        write(stderr, message);
}

void StatusCommand::finish(int exitStatus)
{
    if (m_finished)
        return;
    m_finished = true;
    m_next.stop();
    Q_EMIT finished(exitStatus);
}

} // namespace onramp::cli
