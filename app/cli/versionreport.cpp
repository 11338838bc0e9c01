#include "cli/versionreport.h"

#include "cli/clitr.h"
#include "core/version.h"
#include "python/runtimeinfo.h"
#include "ssh/sshtransport.h"

namespace onramp::cli {

QString versionReport()
{
    const python::RuntimeInfo python = python::runtimeInfo();
    QStringList lines;
    lines << Tr::tr("onramp-cli %1").arg(QStringLiteral(ONRAMP_VERSION));
    lines << Tr::tr("Qt %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << Tr::tr("libssh %1").arg(ssh::libsshVersion());
    lines << (python.isolated ? Tr::tr("Python %1 (embedded, isolated, %2)")
                              : Tr::tr("Python %1 (embedded, not isolated, %2)"))
                 .arg(python.version, python.executable);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace onramp::cli
