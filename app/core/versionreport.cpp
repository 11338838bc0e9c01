#include "core/versionreport.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QStringList>

namespace onramp {

namespace {
// The context onramp-cli's catalogue already translates these lines under (they lived in app/cli).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(onramp::cli)
};
} // namespace

QString versionReport(const ComponentVersions &versions)
{
    QStringList lines;
    lines << QStringLiteral("%1 %2").arg(versions.program, QStringLiteral(ONRAMP_VERSION));
    lines << Tr::tr("Qt %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << Tr::tr("libssh %1").arg(versions.libssh);
    if (versions.python.isEmpty()) // e.g. its standard library is missing: a broken install
        lines << Tr::tr("Python: the embedded interpreter did not start");
    else
        lines << (versions.pythonIsolated ? Tr::tr("Python %1 (embedded, isolated, %2)")
                                          : Tr::tr("Python %1 (embedded, not isolated, %2)"))
                     .arg(versions.python, versions.pythonExecutable);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace onramp
