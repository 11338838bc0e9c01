#include "setup/guided/setupjournal.h"

#include "setup/guided/guidedtr.h"
#include "setup/runs/runjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace onramp::setup::guided {

SetupJournal::SetupJournal(const QString &folder) : m_folder(folder.isEmpty() ? defaultFolder() : folder) { }

QString SetupJournal::defaultFolder()
{
    return runs::RunJournal::stateDirectory() + QStringLiteral("/setup");
}

QString SetupJournal::pathFor(const QString &host, const QString &envName) const
{
    // Host names and env names are safe-ish, but a file name must never leave the folder.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.+-]"));
    QString name = host + QLatin1Char('-') + envName;
    name.replace(unsafe, QStringLiteral("_"));
    return m_folder + QLatin1Char('/') + name + QStringLiteral(".json");
}

std::optional<SetupEvidence> SetupJournal::load(const QString &host, const QString &envName) const
{
    QFile file(pathFor(host, envName));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return std::nullopt;
    return evidenceFromJson(doc.object());
}

Status SetupJournal::save(const SetupEvidence &evidence) const
{
    if (!QDir().mkpath(m_folder)) {
        return Error {
            ErrorKind::Internal, GuidedTr::tr("Onramp cannot create its folder %1.").arg(m_folder), {}};
    }
    QSaveFile file(pathFor(evidence.host, evidence.options.envName));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error {ErrorKind::Internal, GuidedTr::tr("Onramp cannot write %1.").arg(file.fileName()),
                      file.errorString()};
    }
    file.write(QJsonDocument(toJson(evidence)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Error {ErrorKind::Internal, GuidedTr::tr("Onramp cannot write %1.").arg(file.fileName()),
                      file.errorString()};
    }
    return success();
}

Status SetupJournal::remove(const QString &host, const QString &envName) const
{
    QFile::remove(pathFor(host, envName));
    return success();
}

} // namespace onramp::setup::guided
