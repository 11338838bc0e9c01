#pragma once

#include "python/pythonruntime.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace onramp {
namespace ui {

class PythonHighlighter;
class PaletteFollower;

// "Checks": Onramp's built-in checks over the setup's evidence, and the person's own snippets (listed
// from the snippets folder, edited with Python colouring, run, with their results, live output,
// traceback). Everything goes through PythonRuntime's asynchronous calls: the window never waits.
// The built-in checks are run in English and Chinese, so a language switch shows the other at once.
class ChecksPage : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPage(python::PythonRuntime *runtime, QWidget *parent = nullptr);
    ~ChecksPage() override;

    // The evidence (setup::guided::reportEvidence()); empty: nothing to check yet. The checks run
    // again when it differs from the last (apart from its collection time).
    void setEvidence(const QJsonObject &evidence);
    bool hasEvidence() const { return !m_evidence.isEmpty(); }

    // Default: PythonRuntime::snippetFolder(), created with its example the first time it is shown.
    void setSnippetFolder(const QString &folder);
    QString snippetFolder() const { return m_folder; }
    // How long one snippet may run before it is stopped.
    void setSnippetDeadlineMs(int ms) { m_deadlineMs = ms; }

    // The built-in checks' results in the interface's language, as shown; empty while they run.
    QList<python::CheckOutcome> checkResults() const;
    // The last run of each snippet, by name.
    QHash<QString, python::SnippetRun> snippetRuns() const { return m_snippetRuns; }
    bool isRunning() const { return !m_pending.isEmpty(); }
    QString currentSnippetPath() const { return m_currentPath; }

public Q_SLOTS:
    void runChecks();
    void reloadSnippets();
    // A new snippet from a template, selected in the editor.
    void newSnippet();
    bool saveSnippet();
    void runSnippet();
    void runAllSnippets();
    void stop();

Q_SIGNALS:
    // "Go to Setup" while there is no evidence.
    void setupRequested();
    void checksFinished();
    void snippetFinished(const onramp::python::SnippetRun &run);
    // Every snippet of a Run or Run all has finished.
    void snippetsIdle();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onChecksFinished(quint64 id, const Result<QList<python::CheckOutcome>> &result);
    void onSnippetFinished(quint64 id, const python::SnippetRun &run);
    void onSnippetsDiscovered(quint64 id, const Result<QList<python::SnippetInfo>> &result);
    void onOutput(quint64 id, const QString &text, bool isStderr);
    void selectSnippet(const QString &path);
    void deleteSnippet();
    void showChecks();
    void showSnippetResults();
    void appendOutput(const QString &text, QColor color = {});
    void updateControls();
    void applyTheme();
    QString lang() const;

    QPointer<python::PythonRuntime> m_runtime;
    QJsonObject m_evidence;
    QString m_folder;
    bool m_folderReady = false;
    int m_deadlineMs = python::PythonRuntime::kDefaultSnippetDeadlineMs;
    QString m_currentPath;
    QHash<QString, QList<python::CheckOutcome>> m_checks; // by language
    QHash<QString, Error> m_checkErrors; // by language
    QHash<quint64, QString> m_checkRuns; // running id -> language
    QSet<quint64> m_pending; // snippet and discovery ids of this page
    quint64 m_discoverId = 0;
    QHash<QString, python::SnippetRun> m_snippetRuns;
    QStringList m_snippetOrder;
    QHash<QString, QString> m_titles; // path -> title

    QStackedWidget *m_stack = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_rerun = nullptr;
    QVBoxLayout *m_checkRows = nullptr;
    QWidget *m_checkList = nullptr;
    QListWidget *m_snippets = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    PythonHighlighter *m_highlighter = nullptr;
    QLabel *m_editorTitle = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_stop = nullptr;
    QVBoxLayout *m_resultRows = nullptr;
    QWidget *m_resultList = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QLabel *m_snippetStatus = nullptr;
    std::function<QString()> m_snippetStatusText; // the last run's outcome, in the current language
    PaletteFollower *m_theme = nullptr;
};

// A result row (status icon, title, message, fix with a Copy button), shared by the checks and snippets.
QWidget *makeOutcomeRow(const python::CheckOutcome &outcome, QWidget *parent);
QString statusText(const QString &status);

} // namespace ui
} // namespace onramp
