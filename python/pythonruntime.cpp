#include "python/pythonruntime.h"

#include "core/datadirs.h"

#include "python/interpreter.h"
#include "python/pythontr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <atomic>

Q_LOGGING_CATEGORY(lcPython, "onramp.python")

namespace onramp::python {

namespace {

std::atomic<PythonRuntime *> g_active {nullptr};

// Results travel back to the runtime's thread only while the runtime exists: a worker left behind
// by a snippet stuck in a C call must not post to a destroyed object.
struct Poster {
    QMutex mutex;
    QObject *target = nullptr;

    // f(PythonRuntime *) runs on the runtime's thread.
    template<typename F> void post(F f)
    {
        QMutexLocker lock(&mutex);
        if (target)
            QMetaObject::invokeMethod(
                target, [runtime = target, f = std::move(f)] { f(static_cast<PythonRuntime *>(runtime)); },
                Qt::QueuedConnection);
    }
};

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms < 10'000 ? 1 : 0);
}

Error callError(const detail::CallResult &call, const QString &what)
{
    if (call.stopped)
        return {ErrorKind::Timeout,
                Tr::tr("%1 did not finish and was stopped after %2 s.").arg(what, seconds(call.elapsedMs)),
                call.traceback};
    if (call.exceptionText.startsWith(QLatin1String("ModuleNotFoundError")))
        return {ErrorKind::Internal,
                Tr::tr("%1 is unavailable: Onramp’s Python package was not found in %2.")
                    .arg(what, PythonRuntime::packageDir()),
                call.traceback};
    return {ErrorKind::Internal, Tr::tr("%1 failed in Python: %2").arg(what, call.exceptionText),
            call.traceback};
}

Result<QJsonDocument> parseJson(const detail::CallResult &call, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(call.value.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return Error {ErrorKind::UnexpectedOutput,
                      Tr::tr("%1 gave an answer Onramp could not read.").arg(what), error.errorString()};
    return document;
}

QString text(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString()                     ? value.toString()
        : value.isNull() || value.isUndefined() ? QString()
                                                : value.toVariant().toString();
}

// A snippet's result as the person reads it: what it reported, or why it has none.
void describeSnippet(SnippetRun &run, const QString &exceptionLine)
{
    if (run.stopped) {
        run.outcome.status = QStringLiteral("error");
        run.outcome.message
            = Tr::tr("Stopped after %1 s: the snippet ran past its deadline.").arg(seconds(run.elapsedMs));
        run.outcome.fix = Tr::tr("Look for an endless loop, or do less work in one snippet.");
    } else if (run.raised) {
        run.outcome.status = QStringLiteral("error");
        run.outcome.message = Tr::tr("The snippet raised an exception: %1").arg(exceptionLine);
        run.outcome.fix = Tr::tr("The traceback shows the line that failed.");
    } else if (!run.reported) {
        run.outcome.status = QStringLiteral("pass");
        run.outcome.message = Tr::tr("The snippet ran to the end without reporting a result.");
    } else {
        static const QStringList known = {QStringLiteral("pass"), QStringLiteral("warn"),
                                          QStringLiteral("fail"), QStringLiteral("skip")};
        if (!known.contains(run.outcome.status)) {
            run.outcome.message
                = Tr::tr("The snippet reported “%1”, which is not pass, warn, fail or skip: %2")
                      .arg(run.outcome.status, run.outcome.message);
            run.outcome.status = QStringLiteral("error");
        }
    }
}

} // namespace

std::optional<ReportFormat> reportFormatFromKey(const QString &key)
{
    for (const ReportFormat format :
         {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Json, ReportFormat::Yaml})
        if (formatKey(format) == key)
            return format;
    return std::nullopt;
}

QString formatKey(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Markdown:
        return QStringLiteral("md");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Yaml:
        return QStringLiteral("yml");
    }
    return {};
}

// What the runtime and its queued work share; outlives either.
struct RuntimeShared {
    Poster poster;
    std::atomic<bool> shuttingDown {false};
};

PythonRuntime::PythonRuntime(QObject *parent) : QObject(parent), m_shared(std::make_shared<RuntimeShared>())
{
    qRegisterMetaType<CheckOutcome>();
    qRegisterMetaType<CallOutput>();
    qRegisterMetaType<SnippetRun>();
    qRegisterMetaType<RuntimeInfo>();
    m_shared->poster.target = this;
    PythonRuntime *none = nullptr;
    if (!g_active.compare_exchange_strong(none, this))
        qCWarning(lcPython) << "a second PythonRuntime: only one interpreter can run per process";
}

PythonRuntime::~PythonRuntime()
{
    PythonRuntime *self = this;
    g_active.compare_exchange_strong(self, nullptr);
    {
        QMutexLocker lock(&m_shared->poster.mutex);
        m_shared->poster.target = nullptr;
    }
    if (!m_thread)
        return;
    m_shared->shuttingDown = true;
    m_worker->stopCurrent();
    QThread *thread = m_thread.get();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, thread] {
            worker->finish();
            thread->quit();
        },
        Qt::QueuedConnection);
    // A snippet stopped by its deadline ends within moments; one stuck in a blocking C call does not.
    if (!m_thread->wait(QDeadlineTimer(5000))) {
        qCWarning(lcPython) << "the Python thread did not stop (a blocking call); leaving it behind";
        (void)m_thread.release();
    }
}

PythonRuntime *PythonRuntime::active()
{
    return g_active.load();
}

QString PythonRuntime::packageDir()
{
    const QString fromEnvironment = qEnvironmentVariable("ONRAMP_PYTHON_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    // Installed (share/onramp/python, or a macOS bundle's Resources/python) before the source tree.
    if (QCoreApplication::instance()) {
        const QString root = findDataDirectory(QStringLiteral("python/onramp/__init__.py"), {});
        if (!root.isEmpty())
            return root + QStringLiteral("/python");
    }
    return QStringLiteral(ONRAMP_PYTHON_SOURCE_DIR);
}

QString PythonRuntime::snippetFolder()
{
    // Not AppConfigLocation: the window (onramp) and onramp-cli have different application names, and
    // `onramp-cli check` must run the snippets written in the window.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/onramp/snippets");
}

Result<QString> PythonRuntime::ensureSnippetFolder(const QString &folder)
{
    QDir dir(folder);
    if (dir.exists())
        return folder;
    if (!QDir().mkpath(folder))
        return Error {ErrorKind::InvalidInput,
                      Tr::tr("Onramp could not create the snippets folder %1.").arg(folder),
                      QStringLiteral("mkpath")};
    // A first snippet to copy from, written once: deleting it is the person's choice.
    QSaveFile example(dir.absoluteFilePath(QStringLiteral("example_gpu_count.py")));
    if (example.open(QIODevice::WriteOnly)) {
        example.write(R"PY("""GPUs seen by PyTorch on the GPU node match the GPUs asked for.

A snippet is plain Python that Onramp runs with a deadline (an endless loop is stopped).
onramp.evidence() is what the setup found (read-only); onramp.result(status, message, fix="")
reports pass, warn, fail or skip. print() goes to the snippet's output.
"""
import onramp

ev = onramp.evidence()
verify = next((s for s in ev.get("steps", []) if s.get("step") == "verify"), {})
facts = verify.get("facts", {})
wanted = ev.get("options", {}).get("gpus", 1)
seen = facts.get("device_count")
print("asked for", wanted, "GPU(s); torch.cuda.device_count() said", seen)
if seen is None:
    onramp.result("skip", "The setup has not checked PyTorch on a GPU node yet.")
elif seen == wanted:
    onramp.result("pass", f"PyTorch sees {seen} GPU(s), as asked.")
else:
    onramp.result("fail", f"PyTorch sees {seen} GPU(s), but {wanted} were asked for.",
                  fix="Run the verification step again with --gres=gpu:N matching the request.")
)PY");
        example.commit();
    }
    return folder;
}

void PythonRuntime::setEvidence(const QJsonObject &evidence)
{
    detail::setEvidenceJson(QJsonDocument(evidence).toJson(QJsonDocument::Compact));
}

QJsonObject PythonRuntime::evidence() const
{
    return QJsonDocument::fromJson(detail::evidenceJson()).object();
}

bool PythonRuntime::isStarted() const
{
    return detail::interpreterRunning();
}

void PythonRuntime::ensureThread()
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("onramp-python"));
    m_worker = new detail::PythonWorker;
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

// Work runs on the Python thread with the interpreter started; it returns what to do back on this
// object's thread (emit the result).
template<typename Work> quint64 PythonRuntime::post(Work work)
{
    ensureThread();
    const quint64 id = m_nextId++;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, shared = m_shared, id, work = std::move(work)]() mutable {
            if (shared->shuttingDown)
                return;
            const bool wasStarted = detail::interpreterRunning();
            Result<RuntimeInfo> started = worker->start();
            if (!wasStarted) {
                shared->poster.post([started](PythonRuntime *runtime) {
                    if (started)
                        Q_EMIT runtime->started(started.value());
                    else
                        Q_EMIT runtime->startFailed(started.error());
                });
            }
            worker->setOutputSink([shared, id](const QString &text, bool isStderr) {
                shared->poster.post([id, text, isStderr](PythonRuntime *runtime) {
                    Q_EMIT runtime->output(id, text, isStderr);
                });
            });
            auto deliver = work(*worker, started);
            worker->setOutputSink({});
            shared->poster.post(
                [id, deliver = std::move(deliver)](PythonRuntime *runtime) { deliver(runtime, id); });
        },
        Qt::QueuedConnection);
    return id;
}

quint64 PythonRuntime::runChecks(const QString &lang, int deadlineMs)
{
    return post([lang, deadlineMs](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const QString what = Tr::tr("The checks");
        auto result = [&]() -> std::pair<Result<QList<CheckOutcome>>, CallOutput> {
            if (!started)
                return {started.error(), {}};
            const detail::CallResult call = worker.call(
                QStringLiteral("onramp.checks"), QStringLiteral("run_all"), {QString(), lang}, deadlineMs);
            if (!call.ok)
                return {callError(call, what), call.output};
            Result<QJsonDocument> document = parseJson(call, what);
            if (!document)
                return {document.error(), call.output};
            QList<CheckOutcome> outcomes;
            for (const QJsonValue &value : document.value().array()) {
                const QJsonObject o = value.toObject();
                outcomes.append({text(o, QLatin1String("id")), text(o, QLatin1String("status")),
                                 text(o, QLatin1String("title")), text(o, QLatin1String("message")),
                                 text(o, QLatin1String("fix"))});
            }
            return {outcomes, call.output};
        }();
        return [result](PythonRuntime *runtime, quint64 id) {
            Q_EMIT runtime->checksFinished(id, result.first, result.second);
        };
    });
}

namespace {

SnippetRun runOneSnippet(detail::PythonWorker &worker, const Result<RuntimeInfo> &started,
                         const QString &code, const QString &name, const QString &path, int deadlineMs)
{
    SnippetRun run;
    if (!started) {
        run.name = name;
        run.path = path;
        run.outcome = {name, QStringLiteral("error"), name, started.error().message, {}};
        return run;
    }
    run = worker.runSnippet(code, name, path, deadlineMs);
    const QString lastLine = run.traceback.section(QLatin1Char('\n'), -1).trimmed();
    describeSnippet(run, lastLine);
    return run;
}

} // namespace

quint64 PythonRuntime::runSnippetFile(const QString &path, int deadlineMs)
{
    return post([path, deadlineMs](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const QString name = QFileInfo(path).fileName();
        SnippetRun run;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            run.name = name;
            run.path = path;
            run.raised = true;
            run.outcome = {name,
                           QStringLiteral("error"),
                           name,
                           Tr::tr("Onramp could not read the snippet %1: %2").arg(path, file.errorString()),
                           {}};
        } else {
            run = runOneSnippet(worker, started, QString::fromUtf8(file.readAll()), name, path, deadlineMs);
        }
        return [run](PythonRuntime *runtime, quint64 id) { Q_EMIT runtime->snippetFinished(id, run); };
    });
}

quint64 PythonRuntime::runSnippetCode(const QString &code, const QString &name, int deadlineMs)
{
    return post([code, name, deadlineMs](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const SnippetRun run = runOneSnippet(worker, started, code, name, {}, deadlineMs);
        return [run](PythonRuntime *runtime, quint64 id) { Q_EMIT runtime->snippetFinished(id, run); };
    });
}

quint64 PythonRuntime::discoverSnippets(const QString &folder)
{
    return post([folder](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const QString what = Tr::tr("Finding the snippets");
        auto result = [&]() -> Result<QList<SnippetInfo>> {
            if (!started)
                return started.error();
            const detail::CallResult call
                = worker.call(QStringLiteral("onramp.snippets"), QStringLiteral("discover"), {folder},
                              kDefaultCallDeadlineMs);
            if (!call.ok)
                return callError(call, what);
            Result<QJsonDocument> document = parseJson(call, what);
            if (!document)
                return document.error();
            QList<SnippetInfo> found;
            for (const QJsonValue &value : document.value().array()) {
                const QJsonObject o = value.toObject();
                found.append({text(o, QLatin1String("name")), text(o, QLatin1String("path")),
                              text(o, QLatin1String("title"))});
            }
            return found;
        }();
        return
            [result](PythonRuntime *runtime, quint64 id) { Q_EMIT runtime->snippetsDiscovered(id, result); };
    });
}

quint64 PythonRuntime::renderReport(ReportFormat format, const QString &lang, int deadlineMs)
{
    return post([format, lang, deadlineMs](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const QString what = Tr::tr("The report");
        auto result = [&]() -> std::pair<Result<QString>, CallOutput> {
            if (!started)
                return {started.error(), {}};
            const detail::CallResult call
                = worker.call(QStringLiteral("onramp.report"), QStringLiteral("render"),
                              {QString(), formatKey(format), lang}, deadlineMs);
            if (!call.ok)
                return {callError(call, what), call.output};
            return {call.value, call.output};
        }();
        return [result](PythonRuntime *runtime, quint64 id) {
            Q_EMIT runtime->reportRendered(id, result.first, result.second);
        };
    });
}

quint64 PythonRuntime::renderPrintableReport(const QString &lang, int deadlineMs)
{
    return post([lang, deadlineMs](detail::PythonWorker &worker, const Result<RuntimeInfo> &started) {
        const QString what = Tr::tr("The printable report");
        auto result = [&]() -> std::pair<Result<PrintableReport>, CallOutput> {
            if (!started)
                return {started.error(), {}};
            const detail::CallResult call
                = worker.call(QStringLiteral("onramp.report"), QStringLiteral("render_print"),
                              {QString(), lang}, deadlineMs);
            if (!call.ok)
                return {callError(call, what), call.output};
            Result<QJsonDocument> document = parseJson(call, what);
            if (!document)
                return {document.error(), call.output};
            const QJsonObject o = document.value().object();
            PrintableReport report;
            report.html = o.value(QLatin1String("html")).toString();
            const QJsonObject images = o.value(QLatin1String("images")).toObject();
            for (auto it = images.begin(); it != images.end(); ++it)
                report.images.insert(it.key(), it.value().toString().toUtf8());
            return {report, call.output};
        }();
        return [result](PythonRuntime *runtime, quint64 id) {
            Q_EMIT runtime->printableReportRendered(id, result.first, result.second);
        };
    });
}

void PythonRuntime::stop()
{
    if (m_worker)
        m_worker->stopCurrent();
}

Result<RuntimeInfo> PythonRuntime::info()
{
    ensureThread();
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    const bool wasStarted = detail::interpreterRunning();
    std::optional<Result<RuntimeInfo>> info;
    QMetaObject::invokeMethod(
        m_worker, [&] { info = m_worker->start(); }, Qt::BlockingQueuedConnection);
    if (!wasStarted) {
        if (info->ok())
            Q_EMIT started(info->value());
        else
            Q_EMIT startFailed(info->error());
    }
    return *info;
}

} // namespace onramp::python
