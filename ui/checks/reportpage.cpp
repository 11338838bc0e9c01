#include "ui/checks/reportpage.h"

#include "python/reportpdf.h"
#include "ui/retranslate.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {

const QStringList kFormats = {QStringLiteral("html"), QStringLiteral("md"), QStringLiteral("pdf"),
                              QStringLiteral("json"), QStringLiteral("yml")};

QJsonObject withoutTime(QJsonObject evidence)
{
    evidence.remove(QLatin1String("collected_at"));
    return evidence;
}

QString defaultPrompter(QWidget *parent, const QString &suggested, const QStringList &filters,
                        QString *selected)
{
    return QFileDialog::getSaveFileName(parent, ReportPage::tr("Export the report"), suggested,
                                        filters.join(QStringLiteral(";;")), selected);
}

} // namespace

QStringList ReportPage::exportFilters()
{
    return {tr("HTML page (*.html)"), tr("Markdown for a ticket (*.md)"), tr("PDF document (*.pdf)"),
            tr("JSON data (*.json)"), tr("Conda environment file (*.yml)")};
}

ReportPage::ReportPage(python::PythonRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_prompter(defaultPrompter)
{
    setObjectName(QStringLiteral("reportPage"));

    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("reportEmpty"));
    auto *emptyText = new QLabel(empty);
    emptyText->setObjectName(QStringLiteral("reportEmptyText"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *goSetup = new QPushButton(empty);
    goSetup->setObjectName(QStringLiteral("goToSetupButton"));
    connect(goSetup, &QPushButton::clicked, this, &ReportPage::setupRequested);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(goSetup, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    auto *body = new QWidget(this);
    auto *languageLabel = new QLabel(body);
    m_language = new QComboBox(body);
    m_language->setObjectName(QStringLiteral("reportLanguageCombo"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh"));
    languageLabel->setBuddy(m_language);
    connect(m_language, &QComboBox::activated, this, [this] {
        m_languageChosen = true;
        showPreview();
    });
    m_refresh = new QPushButton(body);
    m_refresh->setObjectName(QStringLiteral("refreshReportButton"));
    connect(m_refresh, &QPushButton::clicked, this, &ReportPage::refresh);
    m_export = new QPushButton(body);
    m_export->setObjectName(QStringLiteral("exportReportButton"));
    connect(m_export, &QPushButton::clicked, this, &ReportPage::exportReport);
    auto *bar = new QHBoxLayout;
    bar->addWidget(languageLabel);
    bar->addWidget(m_language);
    bar->addStretch(1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_export);

    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_preview = new QTextBrowser(body);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);

    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(bar);
    bodyLayout->addWidget(m_message);
    bodyLayout->addWidget(m_preview, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(body);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    if (m_runtime) {
        connect(m_runtime, &python::PythonRuntime::printableReportRendered, this,
                [this](quint64 id, const Result<python::PrintableReport> &report,
                       const python::CallOutput &) { onPrintable(id, report); });
        connect(m_runtime, &python::PythonRuntime::reportRendered, this,
                [this](quint64 id, const Result<QString> &text, const python::CallOutput &) {
                    onText(id, text);
                });
    }

    bindTranslation(this, [=, this] {
        emptyText->setText(tr("Nothing to report yet. The report describes what the guided setup found and "
                              "did on your cluster: run the setup first, then come back here."));
        goSetup->setText(tr("Go to Setup"));
        goSetup->setAccessibleName(tr("Go to the Setup tab"));
        languageLabel->setText(tr("Report language:"));
        m_language->setAccessibleName(tr("Report language"));
        m_refresh->setText(tr("Refresh"));
        m_refresh->setAccessibleName(tr("Render the report again"));
        m_export->setText(tr("Export…"));
        m_export->setAccessibleName(tr("Export the report to a file"));
        m_export->setToolTip(tr("HTML, Markdown, PDF, JSON or a conda environment file"));
        m_preview->setAccessibleName(tr("Report preview"));
        m_preview->setPlaceholderText(tr("Rendering the report…"));
        // The report follows the interface's language until the person picks one.
        if (!m_languageChosen) {
            const QString wanted = QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh")
                                                                                    : QStringLiteral("en");
            if (wanted != reportLanguage()) {
                m_language->setCurrentIndex(m_language->findData(wanted));
                showPreview();
            }
        }
    });
    m_theme = new PaletteFollower(this, [this] {
        const QPalette pal = palette();
        m_refresh->setIcon(themedIcon(QStringLiteral("refresh"), pal));
        m_export->setIcon(themedIcon(QStringLiteral("export"), pal));
        // The preview is the page as printed: paper stays white in dark mode too.
        m_preview->setStyleSheet(
            QStringLiteral("QTextBrowser#reportPreview { background: #ffffff; color: #1a1a1a; }"));
    });
}

ReportPage::~ReportPage() = default;

QString ReportPage::reportLanguage() const
{
    return m_language->currentData().toString();
}

void ReportPage::setReportLanguage(const QString &lang)
{
    const int index = m_language->findData(lang);
    if (index < 0 || index == m_language->currentIndex())
        return;
    m_languageChosen = true;
    m_language->setCurrentIndex(index);
    showPreview();
}

void ReportPage::setSaveFilePrompter(SaveFilePrompter prompter)
{
    m_prompter = prompter ? std::move(prompter) : SaveFilePrompter(defaultPrompter);
}

void ReportPage::setEvidence(const QJsonObject &evidence)
{
    const bool changed = withoutTime(evidence) != withoutTime(m_evidence);
    m_evidence = evidence;
    m_stack->setCurrentIndex(m_evidence.isEmpty() ? 0 : 1);
    if (changed && !m_evidence.isEmpty())
        refresh();
    else if (m_evidence.isEmpty())
        m_preview->clear();
}

void ReportPage::refresh()
{
    if (!m_runtime || m_evidence.isEmpty())
        return;
    m_runtime->setEvidence(m_evidence);
    m_rendered.clear();
    // Both languages: switching then shows the other at once. The chosen one first.
    const QString current = reportLanguage();
    const QString other = current == QLatin1String("zh") ? QStringLiteral("en") : QStringLiteral("zh");
    for (const QString &lang : {current, other})
        m_previewIds.insert(m_runtime->renderPrintableReport(lang), lang);
    m_refresh->setEnabled(false);
}

QString ReportPage::reportTitle() const
{
    return tr("Onramp report: %1 on %2")
        .arg(m_evidence.value(QLatin1String("options")).toObject().value(QLatin1String("env")).toString(),
             m_evidence.value(QLatin1String("host")).toString());
}

void ReportPage::onPrintable(quint64 id, const Result<python::PrintableReport> &report)
{
    if (id == m_exportId && m_exportFormat == QLatin1String("pdf")) {
        m_exportId = 0;
        if (!report) {
            finishExport(report.error());
            return;
        }
        finishExport(python::writeReportPdf(report.value(), m_exportPath, reportTitle()));
        return;
    }
    const auto it = m_previewIds.constFind(id);
    if (it == m_previewIds.cend())
        return;
    const QString lang = *it;
    m_previewIds.erase(it);
    m_refresh->setEnabled(m_previewIds.isEmpty());
    if (!report) {
        if (lang == reportLanguage()) {
            showMessage(tr("Onramp could not render the report: %1").arg(report.error().message), true);
            m_preview->setPlainText(report.error().detail);
        }
        return;
    }
    m_rendered.insert(lang, report.value());
    if (lang == reportLanguage())
        showPreview();
}

void ReportPage::showPreview()
{
    const auto it = m_rendered.constFind(reportLanguage());
    if (it == m_rendered.cend()) {
        if (m_previewIds.isEmpty())
            refresh();
        return;
    }
    const int scroll = m_preview->verticalScrollBar()->value();
    // Charts no wider than the view (less the document's margins).
    const qreal width = m_preview->viewport()->width() - 2 * m_preview->document()->documentMargin() - 4;
    m_preview->document()->clear();
    python::loadPrintableReport(m_preview->document(), *it, qMax<qreal>(200, width));
    m_preview->verticalScrollBar()->setValue(scroll);
    Q_EMIT previewReady();
}

void ReportPage::exportReport()
{
    if (m_evidence.isEmpty())
        return;
    const QString env
        = m_evidence.value(QLatin1String("options")).toObject().value(QLatin1String("env")).toString();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("onramp-report-%1.html").arg(env.isEmpty() ? QStringLiteral("env") : env));
    const QStringList filters = exportFilters();
    QString selected = filters.first();
    QString path = m_prompter(this, suggested, filters, &selected);
    if (path.isEmpty())
        return;
    const qsizetype index = qMax<qsizetype>(0, filters.indexOf(selected));
    const QString format = kFormats.at(index);
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    exportTo(path, format);
}

void ReportPage::exportTo(const QString &path, const QString &format)
{
    if (!m_runtime || m_evidence.isEmpty() || !kFormats.contains(format))
        return;
    m_runtime->setEvidence(m_evidence);
    m_exportPath = path;
    m_exportFormat = format;
    if (const auto text = python::reportFormatFromKey(format))
        m_exportId = m_runtime->renderReport(*text, reportLanguage());
    else
        m_exportId = m_runtime->renderPrintableReport(reportLanguage());
    m_export->setEnabled(false);
    showMessage(tr("Exporting the report to %1…").arg(QDir::toNativeSeparators(path)), false);
}

void ReportPage::onText(quint64 id, const Result<QString> &text)
{
    if (id != m_exportId)
        return;
    m_exportId = 0;
    if (!text) {
        finishExport(text.error());
        return;
    }
    QSaveFile file(m_exportPath);
    const QByteArray bytes = text.value().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        finishExport(Error {ErrorKind::InvalidInput,
                            tr("Onramp could not write %1: %2").arg(m_exportPath, file.errorString()),
                            {}});
        return;
    }
    finishExport(success());
}

void ReportPage::finishExport(const Status &status)
{
    m_export->setEnabled(true);
    if (!status) {
        showMessage(tr("The report was not exported: %1").arg(status.error().message), true);
        Q_EMIT exportFailed(status.error());
        return;
    }
    const QString path = QFileInfo(m_exportPath).absoluteFilePath();
    showMessage(tr("The report is in %1.").arg(QDir::toNativeSeparators(path)), false);
    Q_EMIT exported(path);
}

void ReportPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    const QPalette pal = palette();
    const QColor color = toneColor(error ? Tone::Error : Tone::Success, pal);
    m_message->setStyleSheet(QStringLiteral("QLabel#reportMessage { color: %1; background: %2; padding: 6px; "
                                            "border-radius: 4px; }")
                                 .arg(color.name(), tint(color, pal, 0.12).name()));
    m_message->show();
}

} // namespace ui
} // namespace onramp
