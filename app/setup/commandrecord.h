#pragma once

#include "remote/transport.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

namespace onramp::setup {

// Evidence of one remote command: what ran, everything it printed, how it ended and how long it
// took. Later steps (report, diagnosis) read these records instead of re-running commands.
struct CommandRecord {
    QString command;
    QString host; // where it ran, as the person named it
    QString stdoutText;
    QString stderrText;
    remote::ProcessResult result;
    QDateTime startedAt;
    qint64 elapsedMs = -1;
    bool finished = false;
};

// Runs one command on a transport and fills a CommandRecord as output arrives, re-emitting the
// process's signals so a view can stream them without knowing about records.
class RecordedCommand : public QObject {
    Q_OBJECT
public:
    RecordedCommand(remote::Transport &transport, const QString &command, QObject *parent = nullptr);

    void start();
    void cancel();
    const CommandRecord &record() const { return m_record; }

Q_SIGNALS:
    void stdoutText(const QString &text);
    void stderrText(const QString &text);
    void finished(const onramp::setup::CommandRecord &record);

private:
    remote::Transport &m_transport;
    CommandRecord m_record;
    QPointer<remote::RemoteProcess> m_process;
};

} // namespace onramp::setup
