#include "cli/execcommand.h"

#include "cli/clitr.h"
#include "cli/credentialprompt.h"
#include "cli/hostkeyprompt.h"

#include <QHash>
#include <QLoggingCategory>

#include <cstdio>

namespace onramp::cli {

namespace {
Q_LOGGING_CATEGORY(lcCli, "onramp.cli", QtInfoMsg)

void writeTo(FILE *stream, const QString &text)
{
    // Written and flushed per chunk: the person sees output as the cluster produces it.
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

ExecCommand::ExecCommand(ExecRequest request, std::unique_ptr<remote::Transport> transport, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_transport(std::move(transport))
{
    connect(m_transport.get(), &remote::Transport::hostKeyUnknown, this, &ExecCommand::onHostKeyUnknown);
    answerCredentialsFromTerminal(m_transport.get());
    connect(m_transport.get(), &remote::Transport::connected, this, &ExecCommand::onConnected);
    connect(m_transport.get(), &remote::Transport::failed, this, &ExecCommand::onFailed);
}

ExecCommand::~ExecCommand() = default;

void ExecCommand::start()
{
    m_transport->connectTo(m_request.endpoint);
}

int ExecCommand::exitStatusForSignal(const QString &name)
{
    static const QHash<QString, int> linuxSignals {
        {QStringLiteral("HUP"), 1},   {QStringLiteral("INT"), 2},   {QStringLiteral("QUIT"), 3},
        {QStringLiteral("ILL"), 4},   {QStringLiteral("TRAP"), 5},  {QStringLiteral("ABRT"), 6},
        {QStringLiteral("BUS"), 7},   {QStringLiteral("FPE"), 8},   {QStringLiteral("KILL"), 9},
        {QStringLiteral("USR1"), 10}, {QStringLiteral("SEGV"), 11}, {QStringLiteral("USR2"), 12},
        {QStringLiteral("PIPE"), 13}, {QStringLiteral("ALRM"), 14}, {QStringLiteral("TERM"), 15},
        {QStringLiteral("XCPU"), 24}, {QStringLiteral("XFSZ"), 25},
    };
    const int number = linuxSignals.value(name, -1);
    return number < 0 ? -1 : 128 + number;
}

void ExecCommand::interrupt(int signalNumber)
{
    if (m_finished)
        return;
    m_interruptSignal = signalNumber;
    if (m_process && m_process->isRunning()) {
        m_process->cancel(); // done() follows and finishes with 128+signal
        return;
    }
    finish(128 + signalNumber);
}

void ExecCommand::onHostKeyUnknown(const remote::HostKey &key)
{
    m_transport->answerHostKey(decideOnUnknownHostKey(key, m_request.acceptNewHostKey));
}

void ExecCommand::onConnected()
{
    if (m_interruptSignal) {
        finish(128 + m_interruptSignal);
        return;
    }
    remote::ExecOptions options;
    options.timeoutMs = m_request.timeoutMs;
    m_process = m_transport->exec(m_request.commandLine, options);
    connect(m_process, &remote::RemoteProcess::stdoutText, this,
            [](const QString &text) { writeTo(stdout, text); });
    connect(m_process, &remote::RemoteProcess::stderrText, this,
            [](const QString &text) { writeTo(stderr, text); });
    connect(m_process, &remote::RemoteProcess::done, this, &ExecCommand::onDone);
}

void ExecCommand::onFailed(const Error &error)
{
    if (m_finished)
        return;
    reportError(error);
    finish(kExitConnectionError);
}

void ExecCommand::onDone(const remote::ProcessResult &result)
{
    if (m_interruptSignal) {
        finish(128 + m_interruptSignal);
        return;
    }
    if (result.error) {
        reportError(*result.error);
        finish(kExitConnectionError);
        return;
    }
    if (!result.exitSignal.isEmpty()) {
        const int status = exitStatusForSignal(result.exitSignal);
        writeTo(stderr,
                Tr::tr("onramp-cli: the remote command was killed by signal %1.\n").arg(result.exitSignal));
        finish(status < 0 ? kExitConnectionError : status);
        return;
    }
    finish(result.exitCode);
}

void ExecCommand::reportError(const Error &error)
{
    writeTo(stderr, Tr::tr("onramp-cli: %1\n").arg(error.message));
    qCDebug(lcCli) << "detail:" << error.detail;
}

void ExecCommand::finish(int exitStatus)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitStatus);
}

} // namespace onramp::cli
