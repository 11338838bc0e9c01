#include "setup/runs/runjournal.h"

#include "setup/runs/runstr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace onramp::setup::runs {

namespace {

QJsonObject toJson(const RunEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("title"), e.title);
    o.insert(QStringLiteral("profile"), e.profile);
    o.insert(QStringLiteral("remoteDir"), e.remoteDir);
    o.insert(QStringLiteral("offset"), e.offset);
    o.insert(QStringLiteral("state"), stateWord(e.state));
    o.insert(QStringLiteral("exitCode"), e.exitCode ? QJsonValue(*e.exitCode) : QJsonValue());
    o.insert(QStringLiteral("startedAt"), e.startedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("finishedAt"),
             e.finishedAt.isValid() ? QJsonValue(e.finishedAt.toString(Qt::ISODateWithMs)) : QJsonValue());
    o.insert(QStringLiteral("pgid"), e.pgid);
    o.insert(QStringLiteral("cancelRequested"), e.cancelRequested);
    o.insert(QStringLiteral("note"), e.note);
    return o;
}

std::optional<RunEntry> fromJson(const QJsonObject &o)
{
    RunEntry e;
    e.id = o.value(QStringLiteral("id")).toString();
    const auto state = runStateFromWord(o.value(QStringLiteral("state")).toString());
    if (e.id.isEmpty() || !state)
        return std::nullopt;
    e.state = *state;
    e.title = o.value(QStringLiteral("title")).toString();
    e.profile = o.value(QStringLiteral("profile")).toString();
    e.remoteDir = o.value(QStringLiteral("remoteDir")).toString();
    e.offset = o.value(QStringLiteral("offset")).toInteger();
    if (const QJsonValue code = o.value(QStringLiteral("exitCode")); code.isDouble())
        e.exitCode = code.toInt();
    e.startedAt = QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    e.finishedAt = QDateTime::fromString(o.value(QStringLiteral("finishedAt")).toString(), Qt::ISODateWithMs);
    e.pgid = o.value(QStringLiteral("pgid")).toInteger();
    e.cancelRequested = o.value(QStringLiteral("cancelRequested")).toBool();
    e.note = o.value(QStringLiteral("note")).toString();
    return e;
}

} // namespace

QString stateWord(RunState state)
{
    switch (state) {
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Finished:
        return QStringLiteral("finished");
    case RunState::Cancelled:
        return QStringLiteral("cancelled");
    case RunState::Lost:
        return QStringLiteral("lost");
    case RunState::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

std::optional<RunState> runStateFromWord(const QString &word)
{
    for (RunState s :
         {RunState::Running, RunState::Finished, RunState::Cancelled, RunState::Lost, RunState::Failed}) {
        if (stateWord(s) == word)
            return s;
    }
    return std::nullopt;
}

QString describe(RunState state)
{
    switch (state) {
    case RunState::Running:
        return RunsTr::tr("Running");
    case RunState::Finished:
        return RunsTr::tr("Finished");
    case RunState::Cancelled:
        return RunsTr::tr("Cancelled");
    case RunState::Lost:
        return RunsTr::tr("Lost");
    case RunState::Failed:
        return RunsTr::tr("Could not start");
    }
    return QString();
}

qint64 RunEntry::elapsedMs() const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc();
    return qMax<qint64>(0, startedAt.msecsTo(end));
}

RunJournal::RunJournal(const QString &path, QObject *parent)
    : QObject(parent), m_path(path.isEmpty() ? defaultPath() : path)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (const Status s = save(); !s)
            Q_EMIT saveFailed(s.error());
    });
}

RunJournal::~RunJournal()
{
    if (m_saveTimer.isActive())
        static_cast<void>(save());
}

QString RunJournal::defaultPath()
{
    return stateDirectory() + QStringLiteral("/runs.json");
}

QString RunJournal::stateDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/onramp");
}

QString RunJournal::localLogPath(const QString &id) const
{
    return QFileInfo(m_path).absolutePath() + QStringLiteral("/runs/") + id + QStringLiteral(".log");
}

Status RunJournal::load()
{
    m_entries.clear();
    QFile file(m_path);
    if (!file.exists())
        return success();
    if (!file.open(QIODevice::ReadOnly))
        return Error {ErrorKind::Internal, RunsTr::tr("Could not read the run journal %1.").arg(m_path),
                      file.errorString()};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error {ErrorKind::UnexpectedOutput, RunsTr::tr("The run journal %1 is damaged.").arg(m_path),
                      parseError.errorString()};
    for (const QJsonValue &value : doc.object().value(QStringLiteral("runs")).toArray()) {
        if (auto e = fromJson(value.toObject()))
            m_entries << *e;
    }
    return success();
}

Status RunJournal::save()
{
    m_saveTimer.stop();
    QJsonArray runs;
    for (const RunEntry &e : std::as_const(m_entries))
        runs.append(toJson(e));
    QJsonObject root;
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("runs"), runs);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        return Error {ErrorKind::Internal, RunsTr::tr("Could not write the run journal %1.").arg(m_path),
                      file.errorString()};
    }
    ++m_saveCount;
    return success();
}

std::optional<RunEntry> RunJournal::entry(const QString &id) const
{
    for (const RunEntry &e : m_entries) {
        if (e.id == id)
            return e;
    }
    return std::nullopt;
}

QList<RunEntry> RunJournal::activeEntries() const
{
    QList<RunEntry> active;
    for (const RunEntry &e : m_entries) {
        if (e.isActive())
            active << e;
    }
    return active;
}

void RunJournal::update(const RunEntry &entry, bool saveNow)
{
    bool replaced = false;
    for (RunEntry &e : m_entries) {
        if (e.id == entry.id) {
            e = entry;
            replaced = true;
            break;
        }
    }
    if (!replaced)
        m_entries << entry;
    if (saveNow) {
        if (const Status s = save(); !s)
            Q_EMIT saveFailed(s.error());
    } else {
        saveSoon();
    }
    Q_EMIT entryChanged(entry.id);
}

void RunJournal::saveSoon()
{
    // Not restarted by later changes: a steady stream of offsets still saves every kSaveDelayMs.
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

Status RunJournal::remove(const QString &id)
{
    m_entries.removeIf([&](const RunEntry &e) { return e.id == id; });
    QFile::remove(localLogPath(id));
    return save();
}

} // namespace onramp::setup::runs
