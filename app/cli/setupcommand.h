#pragma once

#include "core/error.h"
#include "remote/transport.h"
#include "setup/guided/remoterunlauncher.h"
#include "setup/guided/setupengine.h"
#include "setup/guided/setupjournal.h"
#include "setup/runs/runjournal.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QObject>

#include <memory>

namespace onramp::cli {

// The options of `onramp-cli setup`, beside the connection options every command shares.
struct SetupCliOptions {
    SetupCliOptions();
    QList<QCommandLineOption> all() const;

    QCommandLineOption env;
    QCommandLineOption python;
    QCommandLineOption recipe;
    QCommandLineOption planOnly;
    QCommandLineOption yes;
    QCommandLineOption extra;
    QCommandLineOption partition;
    QCommandLineOption fix;
};

struct SetupRequest {
    remote::Endpoint endpoint;
    bool acceptNewHostKey = false;
    setup::guided::SetupOptions options;
    bool yes = false; // approve every plan that is not blocked, reuse an existing environment
    bool json = false; // one JSON event per line
    QStringList fixes; // --fix: apply these fixes when a failure offers them
};

bool isSetupVerb(const QString &verb);
// The setup options as given (--json is shared with the status commands: main.cpp sets `json`); a mistake is
// ErrorKind::InvalidInput with a translated sentence.
Result<SetupRequest> setupRequestFrom(const QStringList &words, const QCommandLineParser &parser,
                                      const SetupCliOptions &options);

// `onramp-cli setup`: the guided setup engine headless. Asks at the plan review on the terminal (the
// plan table, then "Proceed ([y]/n/e)?" like conda, e: edit the options and plan again) unless --yes;
// --json prints one event per line. A job waiting in Slurm's queue is explained and asked about (wait,
// another partition, cancel; --yes waits with a status line). Fixes the engine can apply are offered
// after a failure (asked on the terminal, or applied with --fix ID).
// Exit status: 0 set up (or, with --plan-only, the plan shown), 1 failed or blocked (explained),
// 3 cancelled by the person, 255 connection problems, 128+N interrupted.
class SetupCommand : public QObject {
    Q_OBJECT
public:
    SetupCommand(SetupRequest request, std::unique_ptr<remote::Transport> transport,
                 QObject *parent = nullptr);
    ~SetupCommand() override;

    void start();
    void interrupt(int signalNumber);

Q_SIGNALS:
    void finished(int exitStatus);

private:
    void onConnected();
    void onPlan(const setup::guided::PlanReview &review);
    void onQuestion(const setup::guided::SetupQuestion &question);
    void onFinished(const setup::guided::SetupOutcome &outcome);
    // The person's edits at a plan review; false when they gave up (end of input).
    bool editOptions();
    bool offerFixes(const setup::guided::SetupOutcome &outcome);
    void event(const QJsonObject &object);
    // Text on stdout, after ending an open status line.
    void say(const QString &text);
    void status(const QString &text);
    void finish(int status);

    SetupRequest m_request;
    std::unique_ptr<remote::Transport> m_transport;
    setup::guided::SetupJournal m_journal;
    setup::runs::RunJournal m_runs;
    std::unique_ptr<setup::guided::RemoteRunLauncher> m_launcher;
    setup::guided::SetupEngine *m_engine = nullptr;
    bool m_finished = false;
    bool m_statusOpen = false;
    QStringList m_fixesTried;
};

} // namespace onramp::cli
