#pragma once

#include "setup/guided/longrun.h"

#include <QPointer>

namespace onramp::setup::runs {
class RunJournal;
} // namespace onramp::setup::runs

namespace onramp::setup::guided {

// Long runs as setup/runs' detached RemoteRun: the script runs under ~/.onramp/runs/<id>/ on the
// cluster whatever happens to the connection, its log is tailed by byte offset (decoded here as UTF-8,
// characters split between chunks kept whole), and the run is recorded in the run journal so a
// restarted Onramp can reattach() by id.
class RemoteRunLauncher : public LongRunLauncher {
public:
    // Neither is owned; both must outlive the runs.
    RemoteRunLauncher(remote::Transport *transport, runs::RunJournal *journal, const QString &profile = {});

    Result<LongRun *> launch(const QString &title, const QString &script, QObject *parent) override;
    LongRun *reattach(const QString &id, QObject *parent) override;

private:
    QPointer<remote::Transport> m_transport;
    runs::RunJournal *m_journal = nullptr;
    QString m_profile;
};

} // namespace onramp::setup::guided
