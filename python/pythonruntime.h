#pragma once

#include "core/error.h"
#include "python/runtimeinfo.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

#include <memory>

class QThread;

namespace onramp::python {

namespace detail {
class PythonWorker;
}
struct RuntimeShared;

// One finding of a check or a snippet: the contract of onramp.checks.run_all() and onramp.result().
struct CheckOutcome {
    QString id; // "gpu.count", or a snippet's file name
    QString status; // "pass", "warn", "fail", "skip"; "error" when the code itself failed
    QString title;
    QString message;
    QString fix;
};

// What Python printed during one call (print(), sys.stderr, warnings).
struct CallOutput {
    QString stdoutText;
    QString stderrText;
    bool truncated = false; // more than kMaxCapturedBytes per stream was printed; the start is kept
};

// How one user snippet ended.
struct SnippetRun {
    QString name; // the file name, or the name given for code
    QString path; // empty for code
    CheckOutcome outcome; // onramp.result(...) when it called it
    bool reported = false; // it called onramp.result()
    bool raised = false; // it raised (outcome.status is "error", traceback below)
    bool stopped = false; // its deadline (or stop()) ended it
    QString traceback;
    CallOutput output;
    qint64 elapsedMs = 0;
};

// A snippet found in the snippets folder (onramp.snippets.discover()).
struct SnippetInfo {
    QString name;
    QString path;
    QString title;
};

// onramp.report.render_print(): HTML for QTextDocument and its charts as SVG text by name.
struct PrintableReport {
    QString html;
    QHash<QString, QByteArray> images;
};

enum class ReportFormat { Html, Markdown, Json, Yaml };
QString formatKey(ReportFormat format); // "html", "md", "json", "yml"
// The text format a key names (formatKey()'s inverse); empty for "pdf" and anything unknown.
std::optional<ReportFormat> reportFormatFromKey(const QString &key);

// The embedded interpreter, on its own thread ("onramp-python"), started by the first request so that
// nothing waits for it before then. Requests run one after another in the order they were made; each
// returns an id that its finished signal carries. Results are values: an Error with a translated
// message (and the traceback or Python's text as its detail) when Python failed; Python's output of the
// call comes with it. Every call has a deadline: code that overruns it is interrupted (an asynchronous
// exception, repeated until it gives up) and reported as stopped. A blocking C call (time.sleep, a
// socket read) cannot be interrupted before it returns.
//
// One PythonRuntime at a time per process: it owns the interpreter and finalises it when destroyed.
class PythonRuntime : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultSnippetDeadlineMs = 10'000;
    static constexpr int kDefaultCallDeadlineMs = 60'000;
    static constexpr qsizetype kMaxCapturedBytes = 1 << 20;

    explicit PythonRuntime(QObject *parent = nullptr);
    ~PythonRuntime() override;

    // The runtime of this process, if one exists.
    static PythonRuntime *active();

    // Where `import onramp` is found: $ONRAMP_PYTHON_DIR, else <exe>/../share/onramp/python (installed),
    // else this source tree's python/.
    static QString packageDir();
    // The person's snippets: ~/.config/onramp/snippets (XDG_CONFIG_HOME), the same for the window and the
    // CLI.
    static QString snippetFolder();
    // Creates the folder when it is missing, with an example snippet the first time.
    static Result<QString> ensureSnippetFolder(const QString &folder = snippetFolder());

    // The evidence onramp.evidence() reads (`_onramp.evidence_json()`), for every later request. Thread-safe.
    void setEvidence(const QJsonObject &evidence);
    QJsonObject evidence() const;

    bool isStarted() const;

    quint64 runChecks(const QString &lang = QStringLiteral("en"), int deadlineMs = kDefaultCallDeadlineMs);
    quint64 runSnippetFile(const QString &path, int deadlineMs = kDefaultSnippetDeadlineMs);
    quint64 runSnippetCode(const QString &code, const QString &name = QStringLiteral("<snippet>"),
                           int deadlineMs = kDefaultSnippetDeadlineMs);
    quint64 discoverSnippets(const QString &folder = snippetFolder());
    quint64 renderReport(ReportFormat format, const QString &lang = QStringLiteral("en"),
                         int deadlineMs = kDefaultCallDeadlineMs);
    quint64 renderPrintableReport(const QString &lang = QStringLiteral("en"),
                                  int deadlineMs = kDefaultCallDeadlineMs);
    // Stops the call running now (like its deadline); queued requests still run.
    void stop();

    // Blocking: waits for the interpreter to start (it starts if needed). For --version and tests.
    Result<RuntimeInfo> info();

Q_SIGNALS:
    void started(const onramp::python::RuntimeInfo &info);
    // The interpreter could not start (a missing standard library, a broken package dir).
    void startFailed(const onramp::Error &error);
    // Live output of the call running now (batched), before its finished signal.
    void output(quint64 id, const QString &text, bool isStderr);
    void checksFinished(quint64 id, const onramp::Result<QList<onramp::python::CheckOutcome>> &result,
                        const onramp::python::CallOutput &output);
    void snippetFinished(quint64 id, const onramp::python::SnippetRun &run);
    void snippetsDiscovered(quint64 id, const onramp::Result<QList<onramp::python::SnippetInfo>> &result);
    void reportRendered(quint64 id, const onramp::Result<QString> &text,
                        const onramp::python::CallOutput &output);
    void printableReportRendered(quint64 id, const onramp::Result<onramp::python::PrintableReport> &report,
                                 const onramp::python::CallOutput &output);

private:
    void ensureThread();
    template<typename Work> quint64 post(Work work);

    std::shared_ptr<RuntimeShared> m_shared;
    std::unique_ptr<QThread> m_thread;
    detail::PythonWorker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
    quint64 m_nextId = 1;
};

} // namespace onramp::python

Q_DECLARE_METATYPE(onramp::python::CheckOutcome)
Q_DECLARE_METATYPE(onramp::python::CallOutput)
Q_DECLARE_METATYPE(onramp::python::SnippetRun)
Q_DECLARE_METATYPE(onramp::python::RuntimeInfo)
