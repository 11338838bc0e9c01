#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace onramp::setup::runs {

// Running: started (or starting) on the cluster, not known to have ended; Finished: the script
// ended with an exit code; Cancelled: stopped by the person; Lost: the run's processes or its
// directory disappeared without an exit code; Failed: it could not be started.
enum class RunState { Running, Finished, Cancelled, Lost, Failed };

QString stateWord(RunState state); // "running", "finished", ... (the journal's words)
std::optional<RunState> runStateFromWord(const QString &word);
// A translated, human name for a state.
QString describe(RunState state);

// One run as the journal records it.
struct RunEntry {
    QString id;
    QString title;
    QString profile; // the host or profile key it belongs to
    QString remoteDir; // "~/.onramp/runs/<id>" until the cluster confirmed the absolute path
    qint64 offset = 0; // bytes of the remote log held in the local log
    RunState state = RunState::Running;
    std::optional<int> exitCode; // Finished only
    QDateTime startedAt; // UTC, local clock
    QDateTime finishedAt; // UTC, local clock; invalid while running
    qint64 pgid = 0; // the remote process group; 0 until the start was confirmed
    bool cancelRequested = false; // a cancel must be (re)sent when the connection is back
    QString note; // what a cancel stopped, or why the run was lost or failed

    bool isActive() const { return state == RunState::Running; }
    // Milliseconds from start to end (or to now while running).
    qint64 elapsedMs() const;
};

// The local record of runs: one JSON file (by default AppLocalDataLocation/runs.json), written
// atomically (QSaveFile), plus each run's received bytes in a local log beside it
// (runs/<id>.log), so that a restart shows everything without downloading it again. Offsets
// change often: those saves are batched (at most one per kSaveDelayMs); state changes save at once.
class RunJournal : public QObject {
    Q_OBJECT
public:
    static constexpr int kSaveDelayMs = 250;
    static constexpr int kVersion = 1;

    // An empty path: defaultPath().
    explicit RunJournal(const QString &path = {}, QObject *parent = nullptr);
    ~RunJournal() override; // writes a pending save

    static QString defaultPath();
    // Where the window and onramp-cli keep what they know about runs and setups:
    // GenericDataLocation/onramp (~/.local/share/onramp; XDG_DATA_HOME moves it). One folder for
    // both programs, so either can pick up what the other started.
    static QString stateDirectory();
    QString path() const { return m_path; }
    // <journal's folder>/runs/<id>.log
    QString localLogPath(const QString &id) const;

    // Reads the file; a missing file is an empty journal. Replaces what was held.
    Status load();
    // Writes now (atomically) and cancels a pending batched save.
    Status save();
    bool hasPendingSave() const { return m_saveTimer.isActive(); }
    int saveCount() const { return m_saveCount; }

    QList<RunEntry> entries() const { return m_entries; }
    std::optional<RunEntry> entry(const QString &id) const;
    // Runs still running here: the ones to reattach after a start.
    QList<RunEntry> activeEntries() const;

    // Adds or replaces the entry with this id. saveNow: write before returning (state changes);
    // otherwise within kSaveDelayMs (offsets).
    void update(const RunEntry &entry, bool saveNow);
    // Forgets a run and deletes its local log.
    Status remove(const QString &id);

Q_SIGNALS:
    void entryChanged(const QString &id);
    void saveFailed(const onramp::Error &error);

private:
    void saveSoon();

    QString m_path;
    QList<RunEntry> m_entries;
    QTimer m_saveTimer;
    int m_saveCount = 0;
};

} // namespace onramp::setup::runs
