#pragma once

// The Python side of PythonRuntime, private to this layer: everything here runs on the runtime's
// thread. Qt types only, so that pythonruntime.cpp never sees pybind11.

#include "core/error.h"
#include "python/pythonruntime.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace onramp::python::detail {

// The evidence `_onramp.evidence_json()` returns; shared by every thread, guarded inside.
void setEvidenceJson(const QByteArray &json);
QByteArray evidenceJson();

// Whether an interpreter is up in this process (started by one PythonRuntime or runtimeInfo()).
bool interpreterRunning();

// One call into Python: its value as text (a str result as is, anything else as JSON), or what went wrong.
struct CallResult {
    bool ok = false;
    QString value;
    QString traceback; // formatted exception when it raised
    QString exceptionText; // "ModuleNotFoundError: No module named 'onramp'"
    bool stopped = false; // interrupted at the deadline or by stop()
    CallOutput output;
    qint64 elapsedMs = 0;
};

class Watchdog;

class PythonWorker : public QObject {
public:
    using OutputSink = std::function<void(const QString &text, bool isStderr)>;

    PythonWorker();
    ~PythonWorker() override;

    // Starts the interpreter when it is not running (idempotent).
    Result<RuntimeInfo> start();
    // Finalises it (the runtime is going away); waits for nothing.
    void finish();

    // onramp.<module>.<function>(*args): a null QString in args is None.
    CallResult call(const QString &module, const QString &function, const QStringList &args, int deadlineMs);
    SnippetRun runSnippet(const QString &code, const QString &name, const QString &path, int deadlineMs);

    void setOutputSink(OutputSink sink) { m_sink = std::move(sink); }
    // Any thread: interrupts the call running now.
    void stopCurrent();

private:
    OutputSink m_sink;
    std::unique_ptr<Watchdog> m_watchdog;
    bool m_started = false;
    RuntimeInfo m_info;
    void *m_savedThreadState = nullptr; // PyThreadState* while this thread does not hold the GIL
};

} // namespace onramp::python::detail
