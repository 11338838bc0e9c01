// pybind11 first: Qt's keyword macros must not be seen by Python's headers.
#include <pybind11/embed.h>

#include "python/interpreter.h"

#include "core/version.h"
#include "python/pythontr.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace onramp::python::detail {

namespace {

QMutex g_evidenceMutex;
QByteArray g_evidence = QByteArrayLiteral("{}");
std::atomic<bool> g_running {false};

// The exception a deadline raises. A BaseException, like KeyboardInterrupt, so that a snippet's
// `except Exception` does not swallow it. Owned by the interpreter (the _onramp module holds it).
PyObject *g_deadlineExceeded = nullptr;

// What one call printed. Only the Python thread touches it, with the GIL held.
struct Capture {
    PythonWorker::OutputSink *sink = nullptr;
    CallOutput output;
    QString pending[2];
    QElapsedTimer sinceFlush;

    void write(const QString &text, bool isStderr)
    {
        QString &kept = isStderr ? output.stderrText : output.stdoutText;
        if (kept.size() < PythonRuntime::kMaxCapturedBytes)
            kept += text.left(PythonRuntime::kMaxCapturedBytes - kept.size());
        if (kept.size() >= PythonRuntime::kMaxCapturedBytes && text.size() > 0)
            output.truncated
                = output.truncated || kept.size() + text.size() > PythonRuntime::kMaxCapturedBytes;
        if (!sink || !*sink)
            return;
        if (pending[isStderr ? 1 : 0].size() < PythonRuntime::kMaxCapturedBytes)
            pending[isStderr ? 1 : 0] += text;
        // Live output is batched: a print() loop would otherwise post one event per line. The first
        // write after a quiet spell goes out at once.
        if (!sinceFlush.isValid() || sinceFlush.elapsed() >= 50)
            flush();
    }

    void flush()
    {
        sinceFlush.start();
        for (int i = 0; i < 2; ++i) {
            if (!pending[i].isEmpty() && sink && *sink)
                (*sink)(pending[i], i == 1);
            pending[i].clear();
        }
    }
};

Capture *g_capture = nullptr;

struct OutputStream {
    bool isStderr = false;
};

QString toQString(const py::handle &object)
{
    return QString::fromStdString(py::str(object).cast<std::string>());
}

// Replaces sys.stdout and sys.stderr for one call and puts the previous ones back.
class CaptureScope {
public:
    CaptureScope(Capture &capture) : m_sys(py::module_::import("sys"))
    {
        g_capture = &capture;
        m_stdout = m_sys.attr("stdout");
        m_stderr = m_sys.attr("stderr");
        auto module = py::module_::import("_onramp");
        m_sys.attr("stdout") = module.attr("OutputStream")(false);
        m_sys.attr("stderr") = module.attr("OutputStream")(true);
    }
    ~CaptureScope()
    {
        m_sys.attr("stdout") = m_stdout;
        m_sys.attr("stderr") = m_stderr;
        if (g_capture)
            g_capture->flush();
        g_capture = nullptr;
    }
    CaptureScope(const CaptureScope &) = delete;
    CaptureScope &operator=(const CaptureScope &) = delete;

private:
    py::module_ m_sys;
    py::object m_stdout;
    py::object m_stderr;
};

// Installed on the snippet's thread once its deadline passed: every line or call raises the deadline
// again, so `except BaseException: pass` in a loop cannot keep the code alive.
int stopEverything(PyObject *, PyFrameObject *, int what, PyObject *)
{
    if (what == PyTrace_LINE || what == PyTrace_CALL || what == PyTrace_OPCODE) {
        PyErr_SetString(g_deadlineExceeded, "stopped by Onramp: the deadline passed");
        return -1;
    }
    return 0;
}

} // namespace

// Interrupts the Python thread at a deadline: an asynchronous exception under the GIL, plus the trace
// function above, repeated every 100 ms until the call returns. Its own thread, because the Python
// thread is busy running the code it must stop.
class Watchdog {
public:
    using Clock = std::chrono::steady_clock;

    Watchdog() : m_thread([this] { loop(); }) { }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    // On the Python thread, with the GIL.
    void arm(int deadlineMs)
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
        m_armed = true;
        m_fired = false;
        m_threadId = PyThread_get_thread_ident();
        m_threadState = PyThreadState_Get();
        m_deadline = Clock::now() + std::chrono::milliseconds(qMax(1, deadlineMs));
        m_wake.notify_all();
    }
    // On the Python thread, with the GIL; never waits for the watchdog (it may be waiting for the GIL).
    // Returns whether the deadline fired.
    bool disarm()
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
        m_armed = false;
        return m_fired;
    }
    // Any thread.
    void stopNow()
    {
        std::lock_guard lock(m_mutex);
        if (!m_armed)
            return;
        m_deadline = Clock::now();
        m_wake.notify_all();
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        while (!m_quit) {
            if (!m_armed) {
                m_wake.wait(lock);
                continue;
            }
            if (Clock::now() < m_deadline) {
                m_wake.wait_until(lock, m_deadline);
                continue;
            }
            const quint64 generation = m_generation;
            lock.unlock();
            const PyGILState_STATE gil = PyGILState_Ensure();
            lock.lock();
            // The call may have ended while this thread waited for the GIL.
            if (m_armed && m_generation == generation) {
                if (!m_fired)
                    _PyEval_SetTrace(m_threadState, stopEverything, nullptr);
                m_fired = true;
                PyThreadState_SetAsyncExc(m_threadId, g_deadlineExceeded);
                m_deadline = Clock::now() + std::chrono::milliseconds(100);
            }
            lock.unlock();
            PyGILState_Release(gil);
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_quit = false;
    bool m_armed = false;
    bool m_fired = false;
    quint64 m_generation = 0;
    unsigned long m_threadId = 0;
    PyThreadState *m_threadState = nullptr;
    Clock::time_point m_deadline;
    std::thread m_thread; // last: started once the members above exist
};

} // namespace onramp::python::detail

// The built-in module the onramp package reads: the evidence (read-only: a fresh copy each call), the
// output streams and the deadline's exception.
PYBIND11_EMBEDDED_MODULE(_onramp, m)
{
    using namespace onramp::python::detail;
    m.doc() = "Onramp's side of the embedded interpreter (read-only).";
    m.def("evidence_json", [] {
        QMutexLocker lock(&g_evidenceMutex);
        return g_evidence.toStdString();
    });
    m.def("onramp_version", [] { return std::string(ONRAMP_VERSION); });
    py::class_<OutputStream>(m, "OutputStream")
        .def(py::init([](bool isStderr) { return OutputStream {isStderr}; }))
        .def("write",
             [](const OutputStream &stream, const py::object &text) {
                 const QString s = toQString(text);
                 if (g_capture)
                     g_capture->write(s, stream.isStderr);
                 return s.size();
             })
        .def("flush",
             [](const OutputStream &) {
                 if (g_capture)
                     g_capture->flush();
             })
        .def("isatty", [](const OutputStream &) { return false; })
        .def("writable", [](const OutputStream &) { return true; })
        .def_property_readonly("encoding", [](const OutputStream &) { return "utf-8"; })
        .def_property_readonly("errors", [](const OutputStream &) { return "strict"; });
    g_deadlineExceeded = PyErr_NewException("_onramp.DeadlineExceeded", PyExc_BaseException, nullptr);
    m.attr("DeadlineExceeded") = py::reinterpret_borrow<py::object>(g_deadlineExceeded);
}

namespace onramp::python::detail {

void setEvidenceJson(const QByteArray &json)
{
    QMutexLocker lock(&g_evidenceMutex);
    g_evidence = json;
}

QByteArray evidenceJson()
{
    QMutexLocker lock(&g_evidenceMutex);
    return g_evidence;
}

bool interpreterRunning()
{
    return g_running.load();
}

PythonWorker::PythonWorker() = default;

PythonWorker::~PythonWorker()
{
    finish();
}

namespace {

void appendPath(PyConfig &config, const QString &path)
{
    PyWideStringList_Append(&config.module_search_paths, path.toStdWString().c_str());
}

RuntimeInfo describe()
{
    auto sys = py::module_::import("sys");
    RuntimeInfo info;
    info.version = toQString(sys.attr("version")).section(QLatin1Char(' '), 0, 0);
    info.executable = toQString(sys.attr("executable"));
    info.isolated = sys.attr("flags").attr("isolated").cast<int>() != 0;
    for (const auto &entry : sys.attr("path"))
        info.path << toQString(entry);
    return info;
}

// The exception as text and a traceback.
void describeException(CallResult &result, py::error_already_set &error)
{
    result.exceptionText = QString::fromStdString(error.what()).section(QLatin1Char('\n'), 0, 0);
    try {
        auto orNone = [](const py::object &o) { return o ? o : py::none(); };
        auto lines = py::module_::import("traceback")
                         .attr("format_exception")(orNone(error.type()), orNone(error.value()),
                                                   orNone(error.trace()));
        result.traceback = toQString(py::str("").attr("join")(lines)).trimmed();
    } catch (const std::exception &) {
        // Even formatting failed: the exception's own line is all there is.
        result.traceback = result.exceptionText;
    }
    result.stopped = result.stopped || error.matches(g_deadlineExceeded);
}

} // namespace

Result<RuntimeInfo> PythonWorker::start()
{
    if (!m_started) {
        if (Py_IsInitialized() != 0)
            return Error {ErrorKind::Internal,
                          Tr::tr("Python is already running in this program; it cannot be started twice."),
                          QStringLiteral("Py_IsInitialized")};
        PyConfig config;
        // Isolated: no PYTHON* variables, no user site-packages, no current directory on sys.path.
        PyConfig_InitIsolatedConfig(&config);
        // Without a program name the interpreter reports the first python3 on PATH (a pyenv shim here).
        PyConfig_SetBytesString(&config, &config.program_name, ONRAMP_PYTHON_EXECUTABLE);
        config.site_import = 0; // nothing from dist-packages or .pth files
        config.write_bytecode = 0; // the package dir may be read-only (installed) or a source tree
        config.install_signal_handlers = 0; // Ctrl+C belongs to the program
        config.module_search_paths_set = 1;
        appendPath(config, QStringLiteral(ONRAMP_PYTHON_STDLIB));
        appendPath(config, QStringLiteral(ONRAMP_PYTHON_DYNLOAD));
        appendPath(config, PythonRuntime::packageDir());
        try {
            py::initialize_interpreter(&config, 0, nullptr, false);
        } catch (const std::exception &e) {
            return Error {ErrorKind::Internal,
                          Tr::tr("Python could not start; the checks and the report are unavailable."),
                          QString::fromLocal8Bit(e.what())};
        }
        m_watchdog = std::make_unique<Watchdog>();
        m_started = true;
        g_running = true;
        // Between calls this thread does not hold the GIL, so the watchdog (and runtimeInfo()) can take it.
        m_info = describe(); // this thread holds the GIL until PyEval_SaveThread()
        m_savedThreadState = PyEval_SaveThread();
    }
    return m_info;
}

void PythonWorker::finish()
{
    if (!m_started)
        return;
    // Before taking the GIL: the watchdog may be waiting for it.
    m_watchdog.reset();
    PyEval_RestoreThread(static_cast<PyThreadState *>(m_savedThreadState));
    m_savedThreadState = nullptr;
    g_deadlineExceeded = nullptr;
    py::finalize_interpreter();
    m_started = false;
    g_running = false;
}

void PythonWorker::stopCurrent()
{
    if (m_watchdog)
        m_watchdog->stopNow();
}

namespace {

// Runs body under the deadline with the output captured, and leaves no trace of the deadline behind.
template<typename Body>
CallResult guarded(Watchdog &watchdog, PythonWorker::OutputSink &sink, int deadlineMs, Body body)
{
    CallResult result;
    QElapsedTimer elapsed;
    elapsed.start();
    Capture capture;
    capture.sink = &sink;
    {
        CaptureScope scope(capture);
        watchdog.arm(deadlineMs);
        std::optional<py::error_already_set> raised;
        try {
            result.value = body();
            result.ok = true;
        } catch (py::error_already_set &e) {
            // Formatted below, once the deadline can no longer interrupt the formatting.
            raised = std::move(e);
        } catch (const std::exception &e) {
            result.exceptionText = QString::fromLocal8Bit(e.what());
            result.traceback = result.exceptionText;
        }
        result.stopped = watchdog.disarm();
        // A deadline exception still pending must not land in the code that follows.
        PyThreadState_SetAsyncExc(PyThread_get_thread_ident(), nullptr);
        PyEval_SetTrace(nullptr, nullptr);
        if (raised)
            describeException(result, *raised);
        if (result.ok && PyErr_Occurred())
            PyErr_Clear();
    }
    result.output = capture.output;
    result.elapsedMs = elapsed.elapsed();
    return result;
}

py::object jsonText(const py::object &value)
{
    if (py::isinstance<py::str>(value))
        return value;
    return py::module_::import("json").attr("dumps")(value, py::arg("ensure_ascii") = false,
                                                     py::arg("default")
                                                     = py::module_::import("builtins").attr("str"));
}

} // namespace

CallResult PythonWorker::call(const QString &module, const QString &function, const QStringList &args,
                              int deadlineMs)
{
    if (!m_started) {
        CallResult failed;
        failed.exceptionText = QStringLiteral("interpreter not started");
        return failed;
    }
    py::gil_scoped_acquire gil;
    return guarded(*m_watchdog, m_sink, deadlineMs, [&]() -> QString {
        py::tuple pyArgs(args.size());
        for (qsizetype i = 0; i < args.size(); ++i)
            pyArgs[i]
                = args[i].isNull() ? py::object(py::none()) : py::object(py::str(args[i].toStdString()));
        auto target = py::module_::import(module.toStdString().c_str()).attr(function.toStdString().c_str());
        return toQString(jsonText(target(*pyArgs)));
    });
}

SnippetRun PythonWorker::runSnippet(const QString &code, const QString &name, const QString &path,
                                    int deadlineMs)
{
    SnippetRun run;
    run.name = name;
    run.path = path;
    run.outcome.id = name;
    run.outcome.title = name;
    if (!m_started) {
        run.raised = true;
        run.outcome.status = QStringLiteral("error");
        return run;
    }
    py::gil_scoped_acquire gil;
    // onramp.result() keeps the last result until it is taken: a stale one must not be reported.
    py::object takeResult;
    try {
        auto onramp = py::module_::import("onramp");
        if (py::hasattr(onramp, "take_result")) {
            takeResult = onramp.attr("take_result");
            takeResult();
        }
    } catch (const py::error_already_set &) {
        // The package is not there or broken: snippets still run, they just cannot report.
    }
    const QByteArray filename = (path.isEmpty() ? name : path).toUtf8();
    const CallResult result = guarded(*m_watchdog, m_sink, deadlineMs, [&]() -> QString {
        auto compiled = py::reinterpret_steal<py::object>(
            Py_CompileString(code.toUtf8().constData(), filename.constData(), Py_file_input));
        if (!compiled)
            throw py::error_already_set();
        py::dict globals;
        globals["__name__"] = "__main__";
        globals["__file__"] = filename.toStdString();
        globals["__builtins__"] = py::module_::import("builtins");
        // Evaluated directly, not through a Python-level runner, so that nothing of Onramp's sits
        // between the snippet and the deadline.
        auto value = py::reinterpret_steal<py::object>(
            PyEval_EvalCode(compiled.ptr(), globals.ptr(), globals.ptr()));
        if (!value)
            throw py::error_already_set();
        return {};
    });
    run.output = result.output;
    run.elapsedMs = result.elapsedMs;
    run.stopped = result.stopped;
    run.raised = !result.ok && !result.stopped;
    run.traceback = result.traceback;
    if (takeResult) {
        try {
            py::object reported = takeResult();
            if (!reported.is_none()) {
                auto get = [&](const char *key) {
                    return reported.contains(key) ? toQString(reported[key]) : QString();
                };
                run.reported = true;
                run.outcome.status = get("status");
                run.outcome.message = get("message");
                run.outcome.fix = get("fix");
                if (reported.contains("title"))
                    run.outcome.title = get("title");
            }
        } catch (const py::error_already_set &) { }
    }
    return run;
}

} // namespace onramp::python::detail
