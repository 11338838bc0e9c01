#pragma once

#include <QString>

namespace onramp::python {

struct RuntimeInfo {
    QString version; // sys.version of the embedded interpreter
    QString executable; // where it believes it lives (never a pyenv shim)
    bool isolated = false;
};

// Starts the embedded interpreter (isolated: no user site-packages, no PYTHON* variables) if it
// is not running yet, and describes it. Must be called from the thread that owns Python.
RuntimeInfo runtimeInfo();

} // namespace onramp::python
