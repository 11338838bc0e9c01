#pragma once

#include "python/pythonruntime.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace onramp {
namespace ui {

class PaletteFollower;

// "Report": the environment report as a student shows it to a teaching assistant, previewed as the PDF
// prints it (render_print()'s HTML with its charts), in English or Chinese, and exported as HTML,
// Markdown, PDF, JSON or environment.yml. Rendering goes through PythonRuntime: the window never waits.
class ReportPage : public QWidget {
    Q_OBJECT
public:
    explicit ReportPage(python::PythonRuntime *runtime, QWidget *parent = nullptr);
    ~ReportPage() override;

    // As ChecksPage::setEvidence(); the preview is rendered again when it changed.
    void setEvidence(const QJsonObject &evidence);
    bool hasEvidence() const { return !m_evidence.isEmpty(); }

    // "en" or "zh": the report's language (starts as the interface's).
    QString reportLanguage() const;
    void setReportLanguage(const QString &lang);

    QTextBrowser *preview() const { return m_preview; }
    bool isRendering() const { return !m_previewIds.isEmpty() || m_exportId != 0; }

    // Where Export… asks for a file name; tests answer it directly. `selectedFilter` is one of
    // exportFilters(); returns the chosen path (empty: cancelled) and sets the filter chosen.
    using SaveFilePrompter = std::function<QString(QWidget *parent, const QString &suggested,
                                                   const QStringList &filters, QString *selectedFilter)>;
    void setSaveFilePrompter(SaveFilePrompter prompter);
    static QStringList exportFilters();

public Q_SLOTS:
    void refresh();
    void exportReport();
    // Writes the report in `format` ("html", "md", "pdf", "json", "yml") to `path`, asynchronously:
    // exported() or exportFailed() tells how it went.
    void exportTo(const QString &path, const QString &format);

Q_SIGNALS:
    void setupRequested();
    void previewReady();
    void exported(const QString &path);
    void exportFailed(const onramp::Error &error);

private:
    void onPrintable(quint64 id, const Result<python::PrintableReport> &report);
    void onText(quint64 id, const Result<QString> &text);
    void finishExport(const Status &status);
    void showMessage(const QString &text, bool error);
    QString reportTitle() const;

    QPointer<python::PythonRuntime> m_runtime;
    QJsonObject m_evidence;
    SaveFilePrompter m_prompter;
    QHash<quint64, QString> m_previewIds; // rendering now -> language
    QHash<QString, python::PrintableReport> m_rendered; // by language: a switch shows the other at once
    void showPreview();
    quint64 m_exportId = 0;
    QString m_exportPath;
    QString m_exportFormat;
    bool m_languageChosen = false;

    QStackedWidget *m_stack = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    QTextBrowser *m_preview = nullptr;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
