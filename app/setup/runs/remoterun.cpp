#include "setup/runs/remoterun.h"

#include "setup/runs/runstr.h"

#include <QDir>
#include <QFileInfo>

namespace onramp::setup::runs {

namespace {

// What the tail keeps of its stderr: its last line is all that matters.
constexpr qsizetype kMaxTailStderr = 8 * 1024;

QString profileOf(const remote::Transport *transport)
{
    if (!transport)
        return QString();
    const remote::Endpoint e = transport->endpoint();
    QString key = e.host;
    if (!e.user.isEmpty())
        key = e.user + QLatin1Char('@') + key;
    if (e.port > 0 && e.port != 22)
        key += QLatin1Char(':') + QString::number(e.port);
    return key;
}

} // namespace

RemoteRun::RemoteRun(const RunEntry &entry, remote::Transport *transport, RunJournal *journal,
                     QObject *parent)
    : QObject(parent), m_journal(journal), m_entry(entry)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RemoteRun::resume);
    setTransport(transport);
}

RemoteRun::~RemoteRun()
{
    stopProcesses();
    if (m_journal && m_entry.isActive())
        m_journal->update(m_entry, true);
}

Result<RemoteRun *> RemoteRun::start(const RunSpec &spec, remote::Transport *transport, RunJournal *journal,
                                     QObject *parent)
{
    RunEntry entry;
    entry.id = spec.id.isEmpty() ? newRunId() : spec.id;
    if (const Status valid = validateRunId(entry.id); !valid)
        return valid.error();
    if (spec.script.toUtf8().size() > kMaxScriptBytes)
        return Error {ErrorKind::InvalidInput,
                      RunsTr::tr("The script of \"%1\" is too long to send (more than %2 KiB).")
                          .arg(spec.title)
                          .arg(kMaxScriptBytes / 1024),
                      QStringLiteral("script of %1 bytes").arg(spec.script.toUtf8().size())};
    if (journal && journal->entry(entry.id))
        return Error {ErrorKind::InvalidInput, RunsTr::tr("A run named \"%1\" already exists.").arg(entry.id),
                      QStringLiteral("duplicate run id")};
    entry.title = spec.title;
    entry.profile = spec.profile.isEmpty() ? profileOf(transport) : spec.profile;
    entry.remoteDir = defaultRemoteDir(entry.id);
    entry.startedAt = QDateTime::currentDateTimeUtc();

    auto *run = new RemoteRun(entry, transport, journal, parent);
    run->m_script = spec.script;
    if (!run->openLocalLog(true)) {
        const Error error {ErrorKind::Internal,
                           RunsTr::tr("Could not create the local log %1.").arg(run->m_log.fileName()),
                           run->m_log.errorString()};
        delete run;
        return error;
    }
    run->record(true);
    QMetaObject::invokeMethod(run, &RemoteRun::resume, Qt::QueuedConnection);
    return run;
}

RemoteRun *RemoteRun::attach(const RunEntry &entry, remote::Transport *transport, RunJournal *journal,
                             QObject *parent)
{
    auto *run = new RemoteRun(entry, transport, journal, parent);
    if (!run->openLocalLog(false)) {
        run->m_brokenLocalLog = true;
        QMetaObject::invokeMethod(
            run,
            [run] {
                Q_EMIT run->failed(
                    Error {ErrorKind::Internal,
                           RunsTr::tr("Could not open the local log %1.").arg(run->m_log.fileName()),
                           run->m_log.errorString()});
            },
            Qt::QueuedConnection);
        return run;
    }
    if (run->m_entry.isActive())
        QMetaObject::invokeMethod(run, &RemoteRun::resume, Qt::QueuedConnection);
    return run;
}

bool RemoteRun::openLocalLog(bool truncate)
{
    const QString path = m_journal
        ? m_journal->localLogPath(m_entry.id)
        : QDir::temp().filePath(QStringLiteral("onramp-run-%1.log").arg(m_entry.id));
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_log.setFileName(path);
    if (!m_entry.isActive() && !truncate)
        return true; // an ended run is only read
    if (!m_log.open(truncate ? (QIODevice::WriteOnly | QIODevice::Truncate) : QIODevice::Append))
        return false;
    // The local log is the truth: whatever it holds was received in order, even if the journal's
    // offset was saved before the last bytes arrived.
    if (m_entry.offset != m_log.size()) {
        m_entry.offset = m_log.size();
        record(false);
    }
    return true;
}

void RemoteRun::setTransport(remote::Transport *transport)
{
    if (m_transport == transport)
        return;
    if (m_transport)
        m_transport->disconnect(this);
    stopProcesses();
    m_transport = transport;
    if (!m_transport)
        return;
    connect(m_transport, &remote::Transport::connected, this, [this] {
        m_tailFailures = 0;
        resume();
    });
    connect(m_transport, &remote::Transport::stateChanged, this, [this](remote::ConnectionState state) {
        if (state != remote::ConnectionState::Connected && m_entry.isActive() && !m_waiting) {
            m_waiting = true;
            Q_EMIT waitingForConnection();
        }
    });
    if (m_entry.isActive() && isConnected())
        QMetaObject::invokeMethod(this, &RemoteRun::resume, Qt::QueuedConnection);
}

bool RemoteRun::isConnected() const
{
    return m_transport && m_transport->state() == remote::ConnectionState::Connected;
}

void RemoteRun::stopProcesses()
{
    m_retryTimer.stop();
    for (QPointer<remote::RemoteProcess> *p : {&m_startProcess, &m_tail, &m_cancelProcess}) {
        if (*p) {
            (*p)->disconnect(this);
            (*p)->cancel();
        }
        p->clear();
    }
}

void RemoteRun::record(bool saveNow)
{
    if (m_journal)
        m_journal->update(m_entry, saveNow);
}

void RemoteRun::resume()
{
    if (!m_entry.isActive() || m_brokenLocalLog)
        return;
    if (!isConnected()) {
        if (!m_waiting) {
            m_waiting = true;
            Q_EMIT waitingForConnection();
        }
        return;
    }
    m_waiting = false;
    if (m_entry.pgid == 0 && !m_script.isEmpty()) {
        startRemote();
        return;
    }
    if (m_entry.cancelRequested && !m_cancelProcess && !m_cancelReply)
        sendCancel();
    follow();
}

void RemoteRun::resumeAfterDrop()
{
    // A process of the old connection may end before the transport reports the drop (or after the
    // new connection came up): connected() resumes, and the timer covers a connected() already past.
    if (isConnected())
        m_retryTimer.start(kResumeAfterDropMs);
    else
        resume();
}

void RemoteRun::startRemote()
{
    if (m_startProcess)
        return;
    m_startOut.clear();
    m_startErr.clear();
    m_startProcess = m_transport->exec(startCommand(m_entry.id, m_script));
    connect(m_startProcess, &remote::RemoteProcess::stdoutText, this,
            [this](const QString &text) { m_startOut += text; });
    connect(m_startProcess, &remote::RemoteProcess::stderrText, this,
            [this](const QString &text) { m_startErr += text.right(kMaxTailStderr); });
    connect(m_startProcess, &remote::RemoteProcess::done, this, [this](const remote::ProcessResult &result) {
        m_startProcess.clear();
        if (const auto reply = parseStartReply(m_startOut); reply && result.succeeded()) {
            m_entry.pgid = reply->pgid;
            m_entry.remoteDir = reply->dir;
            m_script.clear();
            record(true);
            Q_EMIT started();
            resume();
            return;
        }
        if ((result.error && result.error->kind == ErrorKind::Disconnected) || !isConnected()) {
            resumeAfterDrop(); // the start is idempotent and goes again
            return;
        }
        QString message;
        switch (result.exitCode) {
        case 90:
            message = RunsTr::tr("Could not create the folder of \"%1\" on the cluster (%2). Is the home "
                                 "folder full or over quota?")
                          .arg(m_entry.title, m_entry.remoteDir);
            break;
        case 91:
            message = RunsTr::tr("Could not write the script of \"%1\" on the cluster. Is the home folder "
                                 "full or over quota?")
                          .arg(m_entry.title);
            break;
        default:
            message = RunsTr::tr("Could not start \"%1\" on the cluster.").arg(m_entry.title);
            break;
        }
        const Error error {result.error ? result.error->kind : ErrorKind::ChannelFailed, message,
                           QStringLiteral("exit %1: %2 %3")
                               .arg(result.exitCode)
                               .arg(m_startErr.trimmed(), result.error ? result.error->detail : QString())};
        setEnded(RunState::Failed, error.message);
        Q_EMIT failed(error);
    });
}

void RemoteRun::follow()
{
    if (m_tail || !m_entry.isActive() || !isConnected())
        return;
    m_tailErr.clear();
    m_tail = m_transport->exec(tailCommand(m_entry.remoteDir, m_entry.offset, m_pollMs));
    ++m_followCount;
    connect(m_tail, &remote::RemoteProcess::stdoutData, this, &RemoteRun::onTailData);
    connect(m_tail, &remote::RemoteProcess::stderrText, this, [this](const QString &text) {
        m_tailErr += text;
        if (m_tailErr.size() > kMaxTailStderr)
            m_tailErr = m_tailErr.right(kMaxTailStderr);
    });
    connect(m_tail, &remote::RemoteProcess::done, this, &RemoteRun::onTailDone);
    Q_EMIT following(m_entry.offset);
}

void RemoteRun::onTailData(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    // Written and flushed before the offset moves: the journal never claims bytes the file lacks.
    if (m_log.write(bytes) != bytes.size() || !m_log.flush()) {
        const Error error {ErrorKind::Internal,
                           RunsTr::tr("Could not write the local log %1; following \"%2\" stopped.")
                               .arg(m_log.fileName(), m_entry.title),
                           m_log.errorString()};
        m_brokenLocalLog = true;
        m_entry.offset = m_log.size();
        record(true);
        stopProcesses();
        Q_EMIT failed(error);
        return;
    }
    m_entry.offset += bytes.size();
    m_tailFailures = 0;
    record(false);
    Q_EMIT output(bytes);
}

void RemoteRun::onTailDone(const remote::ProcessResult &result)
{
    m_tail.clear();
    if (!result.error && result.exitCode == 0) {
        if (const auto end = parseTailEnd(m_tailErr)) {
            conclude(*end);
            return;
        }
    }
    if ((result.error && result.error->kind == ErrorKind::Disconnected) || !isConnected()) {
        // Cut off with the connection: the bytes that arrived are kept, the rest comes on resume.
        resumeAfterDrop();
        return;
    }
    ++m_tailFailures;
    Q_EMIT problem(Error {
        result.error ? result.error->kind : ErrorKind::ChannelFailed,
        RunsTr::tr("Following the log of \"%1\" stopped unexpectedly; trying again.").arg(m_entry.title),
        QStringLiteral("exit %1: %2").arg(result.exitCode).arg(m_tailErr.trimmed().right(500))});
    if (m_tailFailures >= kMaxTailFailures) {
        Q_EMIT failed(Error {ErrorKind::ChannelFailed,
                             RunsTr::tr("Could not follow the log of \"%1\"; it keeps running on the cluster "
                                        "and is followed again after the next connect.")
                                 .arg(m_entry.title),
                             m_tailErr.trimmed().right(500)});
        return;
    }
    m_retryTimer.start(500 * m_tailFailures);
}

void RemoteRun::cancel()
{
    if (!m_entry.isActive() || m_entry.cancelRequested)
        return;
    m_entry.cancelRequested = true;
    record(true);
    // During the start, the cancel goes out once the start is confirmed (resume()).
    if (isConnected() && !m_startProcess && !(m_entry.pgid == 0 && !m_script.isEmpty()))
        sendCancel();
    else if (m_entry.pgid == 0 && !m_script.isEmpty() && !m_startProcess) {
        // Never sent: nothing to stop on the cluster.
        m_script.clear();
        m_cancelReply = CancelReply {};
        m_cancelReply->done = true;
        setEnded(RunState::Cancelled, cancelSummary());
        Q_EMIT cancelled(m_entry.note);
    }
}

void RemoteRun::sendCancel()
{
    if (m_cancelProcess || !isConnected())
        return;
    m_cancelOut.clear();
    m_cancelProcess = m_transport->exec(cancelCommand(m_entry.remoteDir, m_graceSeconds));
    connect(m_cancelProcess, &remote::RemoteProcess::stdoutText, this,
            [this](const QString &text) { m_cancelOut += text; });
    connect(m_cancelProcess, &remote::RemoteProcess::done, this, [this](const remote::ProcessResult &) {
        m_cancelProcess.clear();
        const CancelReply reply = parseCancelReply(m_cancelOut);
        if (!reply.done) {
            resumeAfterDrop(); // cut off: sent again
            return;
        }
        // A repeated cancel finds nothing left; the first report says what was running.
        if (!m_cancelReply || !reply.processes.isEmpty() || !reply.jobs.isEmpty())
            m_cancelReply = reply;
        if (m_pendingEnd) {
            const TailEnd end = *m_pendingEnd;
            m_pendingEnd.reset();
            conclude(end);
        } else if (!m_tail) {
            follow();
        }
    });
}

void RemoteRun::conclude(const TailEnd &end)
{
    switch (end.kind) {
    case TailEnd::Kind::Finished:
        m_entry.exitCode = end.exitCode;
        setEnded(RunState::Finished, m_entry.cancelRequested ? cancelSummary() : QString());
        Q_EMIT finished(end.exitCode);
        return;
    case TailEnd::Kind::Cancelled:
        if (!m_cancelReply) {
            // The log is complete; the report of what was stopped is still on its way.
            m_pendingEnd = end;
            if (!m_cancelProcess)
                sendCancel();
            return;
        }
        setEnded(RunState::Cancelled, cancelSummary());
        Q_EMIT cancelled(m_entry.note);
        return;
    case TailEnd::Kind::Lost:
        setEnded(RunState::Lost,
                 RunsTr::tr("\"%1\" stopped on the cluster without an exit code: its processes are gone "
                            "(the node restarted, or something killed them).")
                     .arg(m_entry.title));
        Q_EMIT lost(m_entry.note);
        return;
    case TailEnd::Kind::More:
        follow(); // the window arrived and is on disk: ask for the next one
        return;
    case TailEnd::Kind::Missing:
        setEnded(RunState::Lost,
                 RunsTr::tr("The folder of \"%1\" (%2) no longer exists on the cluster.")
                     .arg(m_entry.title, m_entry.remoteDir));
        Q_EMIT lost(m_entry.note);
        return;
    }
}

void RemoteRun::setEnded(RunState state, const QString &note)
{
    stopProcesses();
    m_entry.state = state;
    m_entry.note = note;
    m_entry.finishedAt = QDateTime::currentDateTimeUtc();
    m_entry.cancelRequested = false;
    m_log.close();
    record(true);
    Q_EMIT stateChanged(state);
}

QString RemoteRun::cancelSummary() const
{
    if (!m_cancelReply)
        return QString();
    const CancelReply &r = *m_cancelReply;
    QStringList lines;
    if (r.alreadyFinished) {
        lines << RunsTr::tr("\"%1\" had already ended (exit code %2) when the cancel arrived.")
                     .arg(m_entry.title)
                     .arg(r.exitCode);
        return lines.join(QLatin1Char('\n'));
    }
    if (r.missing)
        return RunsTr::tr("The folder of \"%1\" no longer exists on the cluster; nothing to stop.")
            .arg(m_entry.title);
    lines << RunsTr::tr("Cancelled \"%1\" on the cluster.").arg(m_entry.title);
    for (const QString &job : r.jobs) {
        const QStringList words = job.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() >= 2)
            lines << RunsTr::tr("Cancelled Slurm job %1 (it was %2).").arg(words[0], words[1]);
        else if (!words.isEmpty())
            lines << RunsTr::tr("Slurm job %1 had already ended.").arg(words[0]);
    }
    for (const QString &process : r.processes)
        lines << RunsTr::tr("Stopped process %1.").arg(process);
    if (r.processes.isEmpty() && r.jobs.isEmpty())
        lines << RunsTr::tr("Nothing of it was still running.");
    if (r.killed)
        lines << RunsTr::tr("Some processes did not stop within %n second(s) and were killed.", nullptr,
                            m_graceSeconds);
    return lines.join(QLatin1Char('\n'));
}

} // namespace onramp::setup::runs
