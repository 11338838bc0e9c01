#include "ssh/sshtransport.h"

#include "ssh/sessionworker.h"
#include "ssh/sshremoteprocess.h"
#include "ssh/sshremoteterminal.h"
#include "ssh/sshtr.h"

#include <QDeadlineTimer>
#include <QThread>

#include <libssh/libssh.h>

namespace onramp::ssh {

namespace {
// The worker finishes its current libssh call before it can stop. Connecting to an unreachable
// host blocks for up to the connect timeout; the GUI does not wait that long on destruction.
constexpr int kShutdownWaitMs = 2000;
} // namespace

SshTransport::SshTransport(QObject *parent)
    : remote::Transport(parent), m_thread(new QThread(this)), m_worker(new SessionWorker)
{
    qRegisterMetaType<remote::ConnectionState>();
    qRegisterMetaType<remote::Endpoint>();
    qRegisterMetaType<remote::HostKey>();
    qRegisterMetaType<remote::ProcessResult>();
    qRegisterMetaType<remote::AuthRequest>();
    qRegisterMetaType<remote::FileResult>();
    qRegisterMetaType<remote::TerminalOptions>();
    qRegisterMetaType<Error>();

    m_thread->setObjectName(QStringLiteral("onramp-ssh"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &SessionWorker::stateChanged, this, &SshTransport::onStateChanged);
    connect(m_worker, &SessionWorker::endpointResolved, this,
            [this](const remote::Endpoint &effective) { m_endpoint = effective; });
    connect(m_worker, &SessionWorker::hostKeyUnknown, this, &SshTransport::hostKeyUnknown);
    connect(m_worker, &SessionWorker::credentialsRequested, this, &SshTransport::credentialsRequested);
    connect(m_worker, &SessionWorker::credentialsWithdrawn, this, &SshTransport::credentialsWithdrawn);
    connect(m_worker, &SessionWorker::latencyMeasured, this, &SshTransport::latencyMeasured);
    connect(m_worker, &SessionWorker::fileFinished, this, &SshTransport::onFileFinished);
    connect(m_worker, &SessionWorker::connected, this, &SshTransport::connected);
    connect(m_worker, &SessionWorker::failed, this, &SshTransport::failed);
    connect(m_worker, &SessionWorker::disconnected, this, &SshTransport::disconnected);
    connect(m_worker, &SessionWorker::processStarted, this, &SshTransport::onProcessStarted);
    connect(m_worker, &SessionWorker::processOutput, this, &SshTransport::onProcessOutput);
    connect(m_worker, &SessionWorker::processFinished, this, &SshTransport::onProcessFinished);
    m_thread->start();
}

SshTransport::~SshTransport()
{
    m_thread->quit();
    if (!m_thread->wait(QDeadlineTimer(kShutdownWaitMs))) {
        // Still inside a blocking connect: let the thread finish on its own and clean up after
        // itself (the worker is deleted on finished(), then the thread).
        qCWarning(lcSsh) << "SSH thread still busy at shutdown; detaching it";
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
}

remote::ConnectionState SshTransport::state() const
{
    return m_state;
}

remote::Endpoint SshTransport::endpoint() const
{
    return m_endpoint;
}

void SshTransport::connectTo(const remote::Endpoint &endpoint)
{
    m_endpoint = endpoint;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, endpoint] { worker->open(endpoint); });
}

void SshTransport::disconnectFrom()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->close(); });
}

void SshTransport::answerHostKey(bool trust)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, trust] { worker->answerHostKey(trust); });
}

remote::RemoteProcess *SshTransport::exec(const QString &command, const remote::ExecOptions &options)
{
    const quint64 id = m_nextProcessId++;
    auto *process = new SshRemoteProcess(command, this);
    connect(process, &SshRemoteProcess::cancelRequested, this, [this, id] { cancelProcess(id); });
    m_processes.insert(id, process);
    // Queued: the caller connects to the process's signals before anything can arrive.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, command, timeoutMs = options.timeoutMs] {
        worker->startProcess(id, command, timeoutMs);
    });
    return process;
}

void SshTransport::answerCredentials(const QStringList &answers)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, answers] { worker->answerCredentials(answers); });
}

void SshTransport::cancelCredentials()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancelCredentials(); });
}

void SshTransport::reconnect()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->reconnect(); });
}

remote::RemoteTerminal *SshTransport::openTerminal(const remote::TerminalOptions &options)
{
    const quint64 id = m_nextProcessId++;
    SessionWorker *worker = m_worker;
    SshRemoteTerminal::Hooks hooks {
        [worker, id](const QByteArray &bytes) {
            QMetaObject::invokeMethod(worker, [worker, id, bytes] { worker->writeTerminal(id, bytes); });
        },
        [worker, id](int columns, int rows) {
            QMetaObject::invokeMethod(
                worker, [worker, id, columns, rows] { worker->resizeTerminal(id, columns, rows); });
        },
        [worker, id] { QMetaObject::invokeMethod(worker, [worker, id] { worker->cancelProcess(id); }); },
    };
    auto *terminal = new SshRemoteTerminal(std::move(hooks), this);
    m_terminals.insert(id, terminal);
    QMetaObject::invokeMethod(m_worker, [worker, id, options] { worker->startTerminal(id, options); });
    return terminal;
}

remote::RemoteFileOperation *SshTransport::startFileOperation(int op, const QString &path,
                                                              const QByteArray &data, uint permissions)
{
    const quint64 id = m_nextProcessId++;
    auto *operation = new remote::RemoteFileOperation(this);
    m_fileOperations.insert(id, operation);
    const auto kind = static_cast<SessionWorker::FileOp>(op);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, kind, path, data, permissions] {
        worker->fileOperation(id, kind, path, data, permissions);
    });
    return operation;
}

remote::RemoteFileOperation *SshTransport::readFile(const QString &path)
{
    return startFileOperation(static_cast<int>(SessionWorker::FileOp::Read), path, {}, 0);
}

remote::RemoteFileOperation *SshTransport::writeFile(const QString &path, const QByteArray &data,
                                                     uint permissions)
{
    return startFileOperation(static_cast<int>(SessionWorker::FileOp::Write), path, data, permissions);
}

remote::RemoteFileOperation *SshTransport::statFile(const QString &path)
{
    return startFileOperation(static_cast<int>(SessionWorker::FileOp::Stat), path, {}, 0);
}

void SshTransport::onFileFinished(quint64 id, const remote::FileResult &result)
{
    remote::RemoteFileOperation *operation = m_fileOperations.take(id);
    if (!operation)
        return;
    Q_EMIT operation->done(result);
    operation->deleteLater();
}

void SshTransport::cancelProcess(quint64 id)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id] { worker->cancelProcess(id); });
}

void SshTransport::onStateChanged(remote::ConnectionState state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SshTransport::onProcessStarted(quint64 id)
{
    if (SshRemoteProcess *process = m_processes.value(id))
        process->handleStarted();
    else if (SshRemoteTerminal *terminal = m_terminals.value(id))
        terminal->handleStarted();
}

void SshTransport::onProcessOutput(quint64 id, const QByteArray &stdoutBytes, const QByteArray &stderrBytes)
{
    if (SshRemoteProcess *process = m_processes.value(id))
        process->handleOutput(stdoutBytes, stderrBytes);
    else if (SshRemoteTerminal *terminal = m_terminals.value(id))
        terminal->handleOutput(stdoutBytes + stderrBytes);
}

void SshTransport::onProcessFinished(quint64 id, const remote::ProcessResult &result)
{
    if (QPointer<SshRemoteTerminal> terminal = m_terminals.take(id)) {
        terminal->handleFinished(result);
        return;
    }
    SshRemoteProcess *process = m_processes.take(id);
    if (!process)
        return;
    process->handleFinished(result);
    if (process->parent() == this)
        process->deleteLater();
}

std::unique_ptr<remote::Transport> createSshTransport(QObject *parent)
{
    return std::make_unique<SshTransport>(parent);
}

QString libsshVersion()
{
    return QString::fromLatin1(ssh_version(0));
}

} // namespace onramp::ssh
