#include "setup/guided/remoterunlauncher.h"

#include "setup/guided/guidedtr.h"
#include "setup/runs/remoterun.h"
#include "setup/runs/runjournal.h"

#include <QFile>
#include <QStringDecoder>

#include <utility>

namespace onramp::setup::guided {

namespace {

class DetachedRun : public LongRun {
public:
    // replay: the bytes of the log received before a restart, shown again before the new ones.
    DetachedRun(runs::RemoteRun *run, QObject *parent, const QByteArray &replay = {})
        : LongRun(parent), m_run(run), m_replay(replay)
    {
        run->setParent(this);
        connect(run, &runs::RemoteRun::output, this, [this](const QByteArray &bytes) {
            flushReplay();
            Q_EMIT output(m_decoder.decode(bytes));
        });
        if (!m_replay.isEmpty())
            QMetaObject::invokeMethod(this, &DetachedRun::flushReplay, Qt::QueuedConnection);
        connect(run, &runs::RemoteRun::finished, this,
                [this](int exitCode) { Q_EMIT finished(exitCode, {}); });
        connect(run, &runs::RemoteRun::cancelled, this, [this](const QString &summary) {
            Q_EMIT finished(-1, Error {ErrorKind::Cancelled, summary, {}});
        });
        connect(run, &runs::RemoteRun::lost, this, [this](const QString &why) {
            Q_EMIT finished(-1, Error {ErrorKind::Disconnected, why, {}});
        });
        connect(run, &runs::RemoteRun::failed, this,
                [this](const Error &error) { Q_EMIT finished(-1, error); });
    }
    QString id() const override { return m_run ? m_run->id() : QString(); }
    void flushReplay()
    {
        if (m_replay.isEmpty())
            return;
        const QByteArray bytes = std::exchange(m_replay, {});
        Q_EMIT output(m_decoder.decode(bytes));
    }
    // A run that ended while nobody followed it: shown, then its end as the journal recorded it.
    void reportEnded(const runs::RunEntry &entry)
    {
        flushReplay();
        switch (entry.state) {
        case runs::RunState::Finished:
            Q_EMIT finished(entry.exitCode.value_or(-1), {});
            return;
        case runs::RunState::Cancelled:
            Q_EMIT finished(-1, Error {ErrorKind::Cancelled, entry.note, {}});
            return;
        case runs::RunState::Running:
            return;
        case runs::RunState::Lost:
        case runs::RunState::Failed:
            Q_EMIT finished(-1, Error {ErrorKind::Disconnected, entry.note, {}});
            return;
        }
    }
    void cancel() override
    {
        if (m_run)
            m_run->cancel();
    }

private:
    QPointer<runs::RemoteRun> m_run;
    QByteArray m_replay;
    QStringDecoder m_decoder {QStringDecoder::Utf8};
};

} // namespace

RemoteRunLauncher::RemoteRunLauncher(remote::Transport *transport, runs::RunJournal *journal,
                                     const QString &profile)
    : m_transport(transport), m_journal(journal), m_profile(profile)
{ }

Result<LongRun *> RemoteRunLauncher::launch(const QString &title, const QString &script, QObject *parent)
{
    if (!m_transport)
        return Error {ErrorKind::Disconnected, GuidedTr::tr("There is no connection to run this on."), {}};
    runs::RunSpec spec;
    spec.title = title;
    spec.script = script;
    spec.profile = m_profile;
    Result<runs::RemoteRun *> started = runs::RemoteRun::start(spec, m_transport, m_journal);
    if (!started)
        return started.error();
    return static_cast<LongRun *>(new DetachedRun(started.value(), parent));
}

LongRun *RemoteRunLauncher::reattach(const QString &id, QObject *parent)
{
    if (!m_journal || !m_transport)
        return nullptr;
    const std::optional<runs::RunEntry> entry = m_journal->entry(id);
    if (!entry)
        return nullptr;
    QByteArray replay;
    QFile local(m_journal->localLogPath(id));
    if (local.open(QIODevice::ReadOnly))
        replay = local.readAll();
    auto *run = new DetachedRun(runs::RemoteRun::attach(*entry, m_transport, m_journal), parent, replay);
    if (!entry->isActive())
        QMetaObject::invokeMethod(
            run, [run, e = *entry] { run->reportEnded(e); }, Qt::QueuedConnection);
    return run;
}

} // namespace onramp::setup::guided
