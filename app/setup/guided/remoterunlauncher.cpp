#include "setup/guided/remoterunlauncher.h"

#include "setup/guided/guidedtr.h"
#include "setup/runs/remoterun.h"
#include "setup/runs/runjournal.h"

#include <QStringDecoder>

namespace onramp::setup::guided {

namespace {

class DetachedRun : public LongRun {
public:
    DetachedRun(runs::RemoteRun *run, QObject *parent) : LongRun(parent), m_run(run)
    {
        run->setParent(this);
        connect(run, &runs::RemoteRun::output, this,
                [this](const QByteArray &bytes) { Q_EMIT output(m_decoder.decode(bytes)); });
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
    void cancel() override
    {
        if (m_run)
            m_run->cancel();
    }

private:
    QPointer<runs::RemoteRun> m_run;
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
    return new DetachedRun(runs::RemoteRun::attach(*entry, m_transport, m_journal), parent);
}

} // namespace onramp::setup::guided
