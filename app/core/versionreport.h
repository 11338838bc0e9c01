#pragma once

#include <QString>

namespace onramp {

// What the layers above core know about themselves. core sees neither libssh nor Python, so each
// executable's main() fills this in from app/ssh and python/.
struct ComponentVersions {
    QString program; // "onramp" or "onramp-cli"
    QString libssh;
    QString python; // sys.version of the embedded interpreter
    QString pythonExecutable;
    bool pythonIsolated = false;
};

// One line per component a bug report needs: Onramp (ONRAMP_VERSION), Qt (run time and build
// time), libssh, Python. Shared by `onramp --version` and `onramp-cli --version`.
QString versionReport(const ComponentVersions &versions);

} // namespace onramp
