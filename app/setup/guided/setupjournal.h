#pragma once

#include "core/error.h"
#include "setup/guided/setupevidence.h"

#include <QString>

#include <optional>

namespace onramp::setup::guided {

// The setup's own journal: the evidence so far (steps done, their facts, the options and answers
// chosen) and the long run in flight, one JSON file per host and environment, so a restarted app or
// `onramp-cli setup` picks up where it stopped. Written atomically after every step.
class SetupJournal {
public:
    // folder: where the files go; empty: RunJournal::stateDirectory()/setup, shared by the window and
    // onramp-cli (XDG_DATA_HOME moves it).
    explicit SetupJournal(const QString &folder = {});

    static QString defaultFolder();
    QString pathFor(const QString &host, const QString &envName) const;

    std::optional<SetupEvidence> load(const QString &host, const QString &envName) const;
    Status save(const SetupEvidence &evidence) const;
    Status remove(const QString &host, const QString &envName) const;

private:
    QString m_folder;
};

} // namespace onramp::setup::guided
