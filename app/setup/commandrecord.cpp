#include "setup/commandrecord.h"

#include <QElapsedTimer>

namespace onramp::setup {

RecordedCommand::RecordedCommand(remote::Transport &transport, const QString &command, QObject *parent)
    : QObject(parent), m_transport(transport)
{
    m_record.command = command;
}

void RecordedCommand::start()
{
    m_record.host = m_transport.endpoint().host;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_process = m_transport.exec(m_record.command);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(m_process, &remote::RemoteProcess::stdoutText, this, [this](const QString &text) {
        m_record.stdoutText += text;
        Q_EMIT stdoutText(text);
    });
    connect(m_process, &remote::RemoteProcess::stderrText, this, [this](const QString &text) {
        m_record.stderrText += text;
        Q_EMIT stderrText(text);
    });
    connect(m_process, &remote::RemoteProcess::done, this,
            [this, timer](const remote::ProcessResult &result) {
                m_record.result = result;
                m_record.elapsedMs = timer->elapsed();
                m_record.finished = true;
                Q_EMIT finished(m_record);
            });
}

void RecordedCommand::cancel()
{
    if (m_process)
        m_process->cancel();
}

} // namespace onramp::setup
