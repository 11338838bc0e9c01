#include "setup/runs/runspec.h"

#include "setup/runs/runstr.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace onramp::setup::runs {

QString newRunId()
{
    static const QLatin1String alphabet("abcdefghijklmnopqrstuvwxyz0123456789");
    QString suffix;
    for (int i = 0; i < 6; ++i)
        suffix += alphabet[QRandomGenerator::global()->bounded(int(alphabet.size()))];
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-")) + suffix;
}

Status validateRunId(const QString &id)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (valid.match(id).hasMatch())
        return success();
    return Error {
        ErrorKind::InvalidInput,
        RunsTr::tr("\"%1\" is not a valid run name: use 1 to 64 letters, digits, '_' or '-'.").arg(id),
        QStringLiteral("invalid run id")};
}

} // namespace onramp::setup::runs
