// pybind11 first: Qt's keyword macros must not be seen by Python's headers.
#include <pybind11/embed.h>

#include "python/runtimeinfo.h"

#include <mutex>

namespace py = pybind11;

namespace onramp::python {

namespace {
void startIsolatedInterpreter()
{
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    // Without a program name the interpreter reports the first python3 on PATH (a pyenv shim here).
    PyConfig_SetBytesString(&config, &config.program_name, ONRAMP_PYTHON_EXECUTABLE);
    py::initialize_interpreter(&config, 0, nullptr, false);
    PyConfig_Clear(&config);
    // The interpreter lives as long as the program: finalising and restarting CPython is unsafe.
}
} // namespace

RuntimeInfo runtimeInfo()
{
    static std::once_flag started;
    std::call_once(started, startIsolatedInterpreter);
    py::gil_scoped_acquire gil;
    auto sys = py::module_::import("sys");
    RuntimeInfo info;
    info.version
        = QString::fromStdString(sys.attr("version").cast<std::string>()).section(QLatin1Char(' '), 0, 0);
    info.executable = QString::fromStdString(sys.attr("executable").cast<std::string>());
    info.isolated = sys.attr("flags").attr("isolated").cast<int>() != 0;
    return info;
}

} // namespace onramp::python
