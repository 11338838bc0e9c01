#include "cli/versionreport.h"

#include "core/versionreport.h"
#include "python/runtimeinfo.h"
#include "ssh/sshtransport.h"

namespace onramp::cli {

QString versionReport()
{
    const python::RuntimeInfo python = python::runtimeInfo();
    return onramp::versionReport({QStringLiteral("onramp-cli"), ssh::libsshVersion(), python.version,
                                  python.executable, python.isolated});
}

} // namespace onramp::cli
