#pragma once

#include <QString>
#include <QStringList>

namespace onramp::python {

struct RuntimeInfo {
    QString version; // sys.version of the embedded interpreter
    QString executable; // where it believes it lives (never a pyenv shim)
    bool isolated = false;
    QStringList path; // sys.path: the standard library and the onramp package, nothing else
};

// Describes the embedded interpreter (isolated: no user site-packages, no PYTHON* variables), through
// the PythonRuntime that exists, or a short-lived one (started and finalised here). Any thread but the
// runtime's own.
RuntimeInfo runtimeInfo();

} // namespace onramp::python
