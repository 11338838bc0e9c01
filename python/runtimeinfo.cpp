#include "python/runtimeinfo.h"

#include "python/pythonruntime.h"

namespace onramp::python {

RuntimeInfo runtimeInfo()
{
    if (PythonRuntime *existing = PythonRuntime::active()) {
        if (auto info = existing->info())
            return info.value();
        return {};
    }
    PythonRuntime runtime;
    if (auto info = runtime.info())
        return info.value();
    return {};
}

} // namespace onramp::python
