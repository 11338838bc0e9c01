#include "ui/checks/checkspage.h"

#include "ui/checks/pythonhighlighter.h"
#include "ui/retranslate.h"
#include "ui/theme.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace onramp {
namespace ui {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh");

Tone toneOf(const QString &status)
{
    if (status == QLatin1String("pass"))
        return Tone::Success;
    if (status == QLatin1String("warn"))
        return Tone::Busy;
    if (status == QLatin1String("skip"))
        return Tone::Neutral;
    return Tone::Error;
}

QString iconOf(const QString &status)
{
    if (status == QLatin1String("pass"))
        return QStringLiteral("step-done");
    if (status == QLatin1String("warn"))
        return QStringLiteral("warning");
    if (status == QLatin1String("skip"))
        return QStringLiteral("step-skipped");
    return QStringLiteral("step-failed");
}

QJsonObject withoutTime(QJsonObject evidence)
{
    evidence.remove(QLatin1String("collected_at"));
    evidence.remove(QLatin1String("gpu_history"));
    return evidence;
}

QScrollArea *scrolling(QWidget *inner, const char *objectName)
{
    auto *area = new QScrollArea;
    area->setObjectName(QLatin1String(objectName));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(inner);
    return area;
}

QLabel *heading(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

void clearRows(QVBoxLayout *layout)
{
    while (layout->count() > 1) { // the stretch at the end stays
        QLayoutItem *item = layout->takeAt(0);
        delete item->widget();
        delete item;
    }
}

const char kSnippetTemplate[] = R"PY("""What this check looks at, in one line (shown as its title)."""
import onramp

ev = onramp.evidence()
print("host:", ev.get("host"))
onramp.result("pass", "Describe what was found.", fix="")
)PY";

} // namespace

QString statusText(const QString &status)
{
    if (status == QLatin1String("pass"))
        return ChecksPage::tr("Passed");
    if (status == QLatin1String("warn"))
        return ChecksPage::tr("Warning");
    if (status == QLatin1String("fail"))
        return ChecksPage::tr("Failed");
    if (status == QLatin1String("skip"))
        return ChecksPage::tr("Skipped");
    return ChecksPage::tr("Error");
}

QWidget *makeOutcomeRow(const python::CheckOutcome &outcome, QWidget *parent)
{
    const QPalette pal = parent->palette();
    auto *row = new QFrame(parent);
    row->setObjectName(QStringLiteral("outcome_") + outcome.id);
    row->setProperty("status", outcome.status);
    row->setFrameShape(QFrame::StyledPanel);
    row->setAccessibleName(QStringLiteral("%1: %2").arg(statusText(outcome.status), outcome.title));

    const QColor color = toneColor(toneOf(outcome.status), pal);
    auto *icon = new QLabel(row);
    icon->setObjectName(QStringLiteral("outcomeIcon"));
    icon->setPixmap(themedIcon(iconOf(outcome.status), pal, color).pixmap(QSize(20, 20)));
    icon->setToolTip(statusText(outcome.status));
    icon->setAccessibleName(statusText(outcome.status));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(row);
    title->setObjectName(QStringLiteral("outcomeTitle"));
    title->setText(outcome.title.isEmpty() ? outcome.id : outcome.title);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *status = new QLabel(statusText(outcome.status), row);
    status->setObjectName(QStringLiteral("outcomeStatus"));
    status->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
    auto *titleLine = new QHBoxLayout;
    titleLine->addWidget(title, 1);
    titleLine->addWidget(status);

    auto *message = new QLabel(outcome.message, row);
    message->setObjectName(QStringLiteral("outcomeMessage"));
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addLayout(titleLine);
    text->addWidget(message);
    if (!outcome.fix.isEmpty() && outcome.status != QLatin1String("pass")) {
        auto *fix = new QLabel(row);
        fix->setObjectName(QStringLiteral("outcomeFix"));
        fix->setWordWrap(true);
        fix->setTextFormat(Qt::PlainText);
        fix->setTextInteractionFlags(Qt::TextSelectableByMouse);
        fix->setText(ChecksPage::tr("Fix: %1").arg(outcome.fix));
        auto *copy = new QToolButton(row);
        copy->setObjectName(QStringLiteral("copyFixButton"));
        copy->setIcon(themedIcon(QStringLiteral("copy"), pal));
        copy->setAutoRaise(true);
        copy->setToolTip(ChecksPage::tr("Copy the fix"));
        copy->setAccessibleName(ChecksPage::tr("Copy the fix for “%1”").arg(title->text()));
        const QString fixText = outcome.fix;
        QObject::connect(copy, &QToolButton::clicked, row,
                         [fixText] { QGuiApplication::clipboard()->setText(fixText); });
        auto *fixLine = new QHBoxLayout;
        fixLine->addWidget(fix, 1);
        fixLine->addWidget(copy, 0, Qt::AlignTop);
        text->addLayout(fixLine);
    }

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return row;
}

ChecksPage::ChecksPage(python::PythonRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_folder(python::PythonRuntime::snippetFolder())
{
    setObjectName(QStringLiteral("checksPage"));

    // Nothing collected yet: say so, and where to go.
    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("checksEmpty"));
    auto *emptyText = new QLabel(empty);
    emptyText->setObjectName(QStringLiteral("checksEmptyText"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *goSetup = new QPushButton(empty);
    goSetup->setObjectName(QStringLiteral("goToSetupButton"));
    connect(goSetup, &QPushButton::clicked, this, &ChecksPage::setupRequested);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(goSetup, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    // The built-in checks.
    auto *checksBox = new QWidget(this);
    auto *checksHeading = heading(checksBox, "checksHeading");
    m_summary = new QLabel(checksBox);
    m_summary->setObjectName(QStringLiteral("checksSummary"));
    m_summary->setWordWrap(true);
    m_rerun = new QPushButton(checksBox);
    m_rerun->setObjectName(QStringLiteral("rerunChecksButton"));
    connect(m_rerun, &QPushButton::clicked, this, &ChecksPage::runChecks);
    auto *checksHead = new QHBoxLayout;
    checksHead->addWidget(checksHeading);
    checksHead->addWidget(m_summary, 1);
    checksHead->addWidget(m_rerun);
    m_checkList = new QWidget;
    m_checkList->setObjectName(QStringLiteral("checksList"));
    m_checkRows = new QVBoxLayout(m_checkList);
    m_checkRows->setContentsMargins(0, 0, 4, 0);
    m_checkRows->setSpacing(6);
    m_checkRows->addStretch(1);
    auto *checksLayout = new QVBoxLayout(checksBox);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    checksLayout->addLayout(checksHead);
    checksLayout->addWidget(scrolling(m_checkList, "checksScroll"), 1);

    // The person's snippets: list and buttons, editor, results and output.
    auto *snippetsBox = new QWidget(this);
    auto *snippetsHeading = heading(snippetsBox, "snippetsHeading");
    m_snippets = new QListWidget(snippetsBox);
    m_snippets->setObjectName(QStringLiteral("snippetList"));
    connect(m_snippets, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            selectSnippet(item->data(Qt::UserRole).toString());
    });
    m_new = new QPushButton(snippetsBox);
    m_new->setObjectName(QStringLiteral("newSnippetButton"));
    connect(m_new, &QPushButton::clicked, this, &ChecksPage::newSnippet);
    m_openFolder = new QPushButton(snippetsBox);
    m_openFolder->setObjectName(QStringLiteral("openSnippetFolderButton"));
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder)); });
    m_delete = new QPushButton(snippetsBox);
    m_delete->setObjectName(QStringLiteral("deleteSnippetButton"));
    connect(m_delete, &QPushButton::clicked, this, &ChecksPage::deleteSnippet);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_openFolder);
    listButtons->addWidget(m_delete);
    auto *listBox = new QWidget(snippetsBox);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_snippets, 1);
    listLayout->addLayout(listButtons);

    m_editorTitle = new QLabel(snippetsBox);
    m_editorTitle->setObjectName(QStringLiteral("snippetEditorTitle"));
    m_editor = new QPlainTextEdit(snippetsBox);
    m_editor->setObjectName(QStringLiteral("snippetEditor"));
    m_editor->setFont(monospaceFont());
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabStopDistance(QFontMetricsF(monospaceFont()).horizontalAdvance(QLatin1Char(' ')) * 4);
    m_highlighter = new PythonHighlighter(m_editor->document());
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &ChecksPage::updateControls);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ChecksPage::updateControls);
    m_save = new QPushButton(snippetsBox);
    m_save->setObjectName(QStringLiteral("saveSnippetButton"));
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QPushButton::clicked, this, &ChecksPage::saveSnippet);
    m_run = new QPushButton(snippetsBox);
    m_run->setObjectName(QStringLiteral("runSnippetButton"));
    connect(m_run, &QPushButton::clicked, this, &ChecksPage::runSnippet);
    m_runAll = new QPushButton(snippetsBox);
    m_runAll->setObjectName(QStringLiteral("runAllSnippetsButton"));
    connect(m_runAll, &QPushButton::clicked, this, &ChecksPage::runAllSnippets);
    m_stop = new QPushButton(snippetsBox);
    m_stop->setObjectName(QStringLiteral("stopSnippetButton"));
    connect(m_stop, &QPushButton::clicked, this, &ChecksPage::stop);
    auto *editorButtons = new QHBoxLayout;
    editorButtons->addWidget(m_editorTitle, 1);
    editorButtons->addWidget(m_save);
    editorButtons->addWidget(m_run);
    editorButtons->addWidget(m_runAll);
    editorButtons->addWidget(m_stop);
    auto *editorBox = new QWidget(snippetsBox);
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(editorButtons);
    editorLayout->addWidget(m_editor, 1);

    m_snippetStatus = new QLabel(snippetsBox);
    m_snippetStatus->setObjectName(QStringLiteral("snippetStatus"));
    m_snippetStatus->setWordWrap(true);
    m_resultList = new QWidget;
    m_resultList->setObjectName(QStringLiteral("snippetResults"));
    m_resultRows = new QVBoxLayout(m_resultList);
    m_resultRows->setContentsMargins(0, 0, 4, 0);
    m_resultRows->setSpacing(6);
    m_resultRows->addStretch(1);
    m_output = new QPlainTextEdit(snippetsBox);
    m_output->setObjectName(QStringLiteral("snippetOutput"));
    m_output->setReadOnly(true);
    m_output->setFont(monospaceFont());
    m_output->setMaximumBlockCount(5000);
    auto *resultsBox = new QWidget(snippetsBox);
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_snippetStatus);
    resultsLayout->addWidget(scrolling(m_resultList, "snippetResultsScroll"), 1);
    resultsLayout->addWidget(m_output, 1);

    auto *snippetSplit = new QSplitter(Qt::Horizontal, snippetsBox);
    snippetSplit->setObjectName(QStringLiteral("snippetSplitter"));
    snippetSplit->addWidget(listBox);
    snippetSplit->addWidget(editorBox);
    snippetSplit->addWidget(resultsBox);
    snippetSplit->setStretchFactor(0, 1);
    snippetSplit->setStretchFactor(1, 3);
    snippetSplit->setStretchFactor(2, 2);
    snippetSplit->setSizes({170, 420, 300});
    auto *snippetsLayout = new QVBoxLayout(snippetsBox);
    snippetsLayout->setContentsMargins(0, 0, 0, 0);
    snippetsLayout->addWidget(snippetsHeading);
    snippetsLayout->addWidget(snippetSplit, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("checksSplitter"));
    split->addWidget(checksBox);
    split->addWidget(snippetsBox);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    split->setSizes({340, 420});
    split->setChildrenCollapsible(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(split);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    if (m_runtime) {
        connect(m_runtime, &python::PythonRuntime::checksFinished, this,
                [this](quint64 id, const Result<QList<python::CheckOutcome>> &result,
                       const python::CallOutput &) { onChecksFinished(id, result); });
        connect(m_runtime, &python::PythonRuntime::snippetFinished, this, &ChecksPage::onSnippetFinished);
        connect(m_runtime, &python::PythonRuntime::snippetsDiscovered, this,
                &ChecksPage::onSnippetsDiscovered);
        connect(m_runtime, &python::PythonRuntime::output, this, &ChecksPage::onOutput);
    }

    bindTranslation(this, [=, this] {
        emptyText->setText(
            tr("Nothing to check yet. Onramp checks what the guided setup found on your cluster: "
               "run the setup first, then come back here."));
        goSetup->setText(tr("Go to Setup"));
        goSetup->setAccessibleName(tr("Go to the Setup tab"));
        checksHeading->setText(tr("Onramp’s checks"));
        m_rerun->setText(tr("Check again"));
        m_rerun->setAccessibleName(tr("Run Onramp’s checks again"));
        snippetsHeading->setText(tr("Your snippets"));
        m_snippets->setAccessibleName(tr("Your snippets"));
        m_snippets->setToolTip(tr("Python files in %1").arg(QDir::toNativeSeparators(m_folder)));
        m_new->setText(tr("New"));
        m_new->setAccessibleName(tr("New snippet"));
        m_openFolder->setText(tr("Open folder"));
        m_openFolder->setAccessibleName(tr("Open the snippets folder"));
        m_delete->setText(tr("Delete"));
        m_delete->setAccessibleName(tr("Delete the selected snippet"));
        m_editor->setAccessibleName(tr("Snippet editor"));
        m_editor->setPlaceholderText(tr("Choose a snippet on the left, or press New."));
        m_save->setText(tr("Save"));
        m_save->setAccessibleName(tr("Save the snippet"));
        m_run->setText(tr("Run"));
        m_run->setAccessibleName(tr("Run this snippet"));
        m_runAll->setText(tr("Run all"));
        m_runAll->setAccessibleName(tr("Run all snippets"));
        m_stop->setText(tr("Stop"));
        m_stop->setAccessibleName(tr("Stop the running snippet"));
        m_output->setAccessibleName(tr("Snippet output"));
        m_output->setPlaceholderText(tr("What the snippet prints appears here."));
        if (m_snippetStatusText)
            m_snippetStatus->setText(m_snippetStatusText());
        showChecks();
        showSnippetResults();
        updateControls();
    });
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    m_stack->setCurrentIndex(0);
}

ChecksPage::~ChecksPage() = default;

QString ChecksPage::lang() const
{
    return QLocale().name().startsWith(QLatin1String("zh")) ? kChinese : kEnglish;
}

void ChecksPage::setEvidence(const QJsonObject &evidence)
{
    const bool changed = withoutTime(evidence) != withoutTime(m_evidence);
    m_evidence = evidence;
    m_stack->setCurrentIndex(m_evidence.isEmpty() ? 0 : 1);
    if (!changed)
        return;
    m_checks.clear();
    m_checkErrors.clear();
    if (m_runtime)
        m_runtime->setEvidence(m_evidence);
    if (!m_evidence.isEmpty())
        runChecks();
    else
        showChecks();
}

void ChecksPage::setSnippetFolder(const QString &folder)
{
    m_folder = folder;
    m_folderReady = false;
    if (isVisible())
        reloadSnippets();
}

QList<python::CheckOutcome> ChecksPage::checkResults() const
{
    return m_checks.value(lang());
}

void ChecksPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_folderReady)
        reloadSnippets();
}

void ChecksPage::runChecks()
{
    if (!m_runtime || m_evidence.isEmpty())
        return;
    m_runtime->setEvidence(m_evidence);
    m_checks.clear();
    m_checkErrors.clear();
    // Both languages: a live switch then shows the other at once.
    for (const QString &language : {kEnglish, kChinese})
        m_checkRuns.insert(m_runtime->runChecks(language), language);
    showChecks();
    updateControls();
}

void ChecksPage::onChecksFinished(quint64 id, const Result<QList<python::CheckOutcome>> &result)
{
    const auto it = m_checkRuns.constFind(id);
    if (it == m_checkRuns.cend())
        return;
    const QString language = *it;
    m_checkRuns.erase(it);
    if (result)
        m_checks.insert(language, result.value());
    else
        m_checkErrors.insert(language, result.error());
    showChecks();
    updateControls();
    if (m_checkRuns.isEmpty())
        Q_EMIT checksFinished();
}

void ChecksPage::showChecks()
{
    clearRows(m_checkRows);
    const QString language = lang();
    if (m_checkErrors.contains(language)) {
        const Error &error = m_checkErrors[language];
        m_summary->setText(tr("The checks could not run: %1").arg(error.message));
        auto *detail = new QLabel(error.detail, m_checkList);
        detail->setObjectName(QStringLiteral("checksError"));
        detail->setFont(monospaceFont());
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_checkRows->insertWidget(0, detail);
        return;
    }
    if (!m_checks.contains(language)) {
        m_summary->setText(m_checkRuns.isEmpty() ? QString() : tr("Checking…"));
        return;
    }
    // What needs attention first: failures and errors, warnings, then what passed or was skipped.
    QList<python::CheckOutcome> checks = m_checks[language];
    auto rank = [](const QString &status) {
        return status == QLatin1String("pass") ? 2
            : status == QLatin1String("skip")  ? 3
            : status == QLatin1String("warn")  ? 1
                                               : 0;
    };
    std::stable_sort(checks.begin(), checks.end(),
                     [&](const auto &a, const auto &b) { return rank(a.status) < rank(b.status); });
    int counts[4] = {0, 0, 0, 0};
    int i = 0;
    for (const python::CheckOutcome &check : checks) {
        m_checkRows->insertWidget(i++, makeOutcomeRow(check, m_checkList));
        if (check.status == QLatin1String("pass"))
            ++counts[0];
        else if (check.status == QLatin1String("warn"))
            ++counts[1];
        else if (check.status == QLatin1String("skip"))
            ++counts[3];
        else
            ++counts[2];
    }
    m_summary->setText(tr("%1 passed, %2 with a warning, %3 failed, %4 skipped.")
                           .arg(counts[0])
                           .arg(counts[1])
                           .arg(counts[2])
                           .arg(counts[3]));
}

void ChecksPage::reloadSnippets()
{
    const Result<QString> folder = python::PythonRuntime::ensureSnippetFolder(m_folder);
    m_folderReady = true;
    if (!folder) {
        m_snippetStatusText = {};
        m_snippetStatus->setText(folder.error().message);
        return;
    }
    const QString keep = m_currentPath;
    QSignalBlocker block(m_snippets);
    m_snippets->clear();
    const QFileInfoList files
        = QDir(m_folder).entryInfoList({QStringLiteral("*.py")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &file : files) {
        if (file.fileName().startsWith(QLatin1Char('_')) || file.fileName().startsWith(QLatin1Char('.')))
            continue;
        auto *item = new QListWidgetItem(file.completeBaseName(), m_snippets);
        item->setData(Qt::UserRole, file.absoluteFilePath());
        item->setToolTip(QDir::toNativeSeparators(file.absoluteFilePath()));
        if (file.absoluteFilePath() == keep)
            m_snippets->setCurrentItem(item);
    }
    block.unblock();
    if (!m_snippets->currentItem() && m_snippets->count() > 0)
        m_snippets->setCurrentRow(0);
    else if (m_snippets->count() == 0)
        selectSnippet({});
    updateControls();
}

void ChecksPage::selectSnippet(const QString &path)
{
    if (path == m_currentPath && !path.isEmpty())
        return;
    if (m_editor->document()->isModified() && !m_currentPath.isEmpty())
        saveSnippet(); // switching snippets never loses an edit
    m_currentPath = path;
    QString text;
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(file.readAll());
    }
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    m_editorTitle->setText(path.isEmpty() ? QString() : QFileInfo(path).fileName());
    for (int i = 0; i < m_snippets->count(); ++i) {
        if (m_snippets->item(i)->data(Qt::UserRole).toString() == path) {
            QSignalBlocker block(m_snippets);
            m_snippets->setCurrentRow(i);
        }
    }
    updateControls();
}

void ChecksPage::newSnippet()
{
    if (!m_folderReady)
        reloadSnippets();
    QDir dir(m_folder);
    QString name = QStringLiteral("my_check.py");
    for (int n = 2; dir.exists(name); ++n)
        name = QStringLiteral("my_check_%1.py").arg(n);
    QSaveFile file(dir.absoluteFilePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(kSnippetTemplate) < 0 || !file.commit()) {
        m_snippetStatusText = {};
        m_snippetStatus->setText(
            tr("Onramp could not create %1: %2").arg(dir.absoluteFilePath(name), file.errorString()));
        return;
    }
    reloadSnippets();
    selectSnippet(dir.absoluteFilePath(name));
    m_editor->setFocus();
}

bool ChecksPage::saveSnippet()
{
    if (m_currentPath.isEmpty())
        return false;
    QSaveFile file(m_currentPath);
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_snippetStatusText = {};
        m_snippetStatus->setText(tr("Onramp could not save %1: %2").arg(m_currentPath, file.errorString()));
        return false;
    }
    m_editor->document()->setModified(false);
    m_snippetStatusText = {};
    m_snippetStatus->setText(tr("Saved %1.").arg(QFileInfo(m_currentPath).fileName()));
    return true;
}

void ChecksPage::deleteSnippet()
{
    if (m_currentPath.isEmpty())
        return;
    const QString path = m_currentPath;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete snippet"),
        tr("Delete %1? The file is removed from the snippets folder.").arg(QFileInfo(path).fileName()),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteSnippetQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, path](int result) {
        if (result != QMessageBox::Yes)
            return;
        if (!QFile::remove(path)) {
            m_snippetStatusText = {};
            m_snippetStatus->setText(tr("Onramp could not delete %1.").arg(path));
            return;
        }
        m_snippetRuns.remove(QFileInfo(path).completeBaseName());
        if (m_currentPath == path) {
            m_currentPath.clear();
            m_editor->document()->setModified(false);
        }
        reloadSnippets();
        showSnippetResults();
    });
    box->open(); // window-modal, no nested event loop
}

void ChecksPage::runSnippet()
{
    if (!m_runtime)
        return;
    m_output->clear();
    m_runtime->setEvidence(m_evidence);
    quint64 id = 0;
    if (!m_currentPath.isEmpty() && (!m_editor->document()->isModified() || saveSnippet()))
        id = m_runtime->runSnippetFile(m_currentPath, m_deadlineMs);
    else
        id = m_runtime->runSnippetCode(m_editor->toPlainText(), tr("this snippet"), m_deadlineMs);
    m_pending.insert(id);
    m_snippetStatusText = {};
    m_snippetStatus->setText(tr("Running…"));
    updateControls();
}

void ChecksPage::runAllSnippets()
{
    if (!m_runtime)
        return;
    if (m_editor->document()->isModified())
        saveSnippet();
    m_output->clear();
    m_runtime->setEvidence(m_evidence);
    m_discoverId = m_runtime->discoverSnippets(m_folder);
    m_pending.insert(m_discoverId);
    m_snippetStatusText = {};
    m_snippetStatus->setText(tr("Running…"));
    updateControls();
}

void ChecksPage::onSnippetsDiscovered(quint64 id, const Result<QList<python::SnippetInfo>> &result)
{
    if (!m_pending.remove(id))
        return;
    if (!result) {
        m_snippetStatusText = {};
        m_snippetStatus->setText(result.error().message);
    } else {
        for (const python::SnippetInfo &snippet : result.value()) {
            m_titles.insert(snippet.path, snippet.title);
            m_pending.insert(m_runtime->runSnippetFile(snippet.path, m_deadlineMs));
        }
        if (result.value().isEmpty())
            m_snippetStatusText = {};
        m_snippetStatus->setText(tr("There are no snippets in %1.").arg(QDir::toNativeSeparators(m_folder)));
    }
    updateControls();
    if (m_pending.isEmpty())
        Q_EMIT snippetsIdle();
}

void ChecksPage::onOutput(quint64 id, const QString &text, bool isStderr)
{
    if (!m_pending.contains(id))
        return;
    appendOutput(text, isStderr ? toneColor(Tone::Error, palette()) : QColor());
}

void ChecksPage::appendOutput(const QString &text, QColor color)
{
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    if (color.isValid())
        format.setForeground(color);
    cursor.insertText(text, format);
    m_output->ensureCursorVisible();
}

void ChecksPage::onSnippetFinished(quint64 id, const python::SnippetRun &received)
{
    if (!m_pending.remove(id))
        return;
    python::SnippetRun run = received;
    if (const QString title = m_titles.value(run.path); !title.isEmpty())
        run.outcome.title = title;
    if (run.outcome.title.isEmpty())
        run.outcome.title = run.name;
    if (run.outcome.id.isEmpty())
        run.outcome.id = run.name;
    if (!m_snippetRuns.contains(run.name))
        m_snippetOrder.append(run.name);
    m_snippetRuns.insert(run.name, run);
    // The output came live; what is left is how it ended.
    if (run.output.truncated)
        appendOutput(tr("\n[more output than Onramp keeps; the start is shown]\n"));
    if (run.stopped)
        appendOutput(tr("\n%1 was stopped: it ran past its deadline (%2 s).\n")
                         .arg(run.name, QLocale().toString(double(run.elapsedMs) / 1000.0, 'f', 1)),
                     toneColor(Tone::Error, palette()));
    if (!run.traceback.isEmpty())
        appendOutput(QLatin1Char('\n') + run.traceback.trimmed() + QLatin1Char('\n'),
                     toneColor(Tone::Error, palette()));
    showSnippetResults();
    const QString name = run.name;
    const QString status = run.outcome.status;
    const bool stopped = run.stopped;
    m_snippetStatusText = [=] {
        return stopped ? tr("%1 was stopped by its deadline.").arg(name)
                       : tr("%1: %2").arg(name, statusText(status));
    };
    m_snippetStatus->setText(m_snippetStatusText());
    updateControls();
    Q_EMIT snippetFinished(run);
    if (m_pending.isEmpty())
        Q_EMIT snippetsIdle();
}

void ChecksPage::showSnippetResults()
{
    clearRows(m_resultRows);
    int i = 0;
    for (const QString &name : std::as_const(m_snippetOrder)) {
        if (!m_snippetRuns.contains(name))
            continue;
        QWidget *row = makeOutcomeRow(m_snippetRuns[name].outcome, m_resultList);
        row->setObjectName(QStringLiteral("snippetResult_") + name);
        m_resultRows->insertWidget(i++, row);
    }
}

void ChecksPage::stop()
{
    if (m_runtime && !m_pending.isEmpty())
        m_runtime->stop();
}

void ChecksPage::updateControls()
{
    const bool running = !m_pending.isEmpty();
    const bool selected = !m_currentPath.isEmpty();
    m_rerun->setEnabled(!m_evidence.isEmpty() && m_checkRuns.isEmpty());
    m_delete->setEnabled(selected && !running);
    m_save->setEnabled(selected && m_editor->document()->isModified());
    m_run->setEnabled(!running && !m_editor->toPlainText().trimmed().isEmpty());
    m_runAll->setEnabled(!running);
    m_stop->setEnabled(running);
}

void ChecksPage::applyTheme()
{
    const QPalette pal = palette();
    m_rerun->setIcon(themedIcon(QStringLiteral("refresh"), pal));
    m_new->setIcon(themedIcon(QStringLiteral("plus"), pal));
    m_openFolder->setIcon(themedIcon(QStringLiteral("folder"), pal));
    m_delete->setIcon(themedIcon(QStringLiteral("trash"), pal));
    m_save->setIcon(themedIcon(QStringLiteral("save"), pal));
    m_run->setIcon(themedIcon(QStringLiteral("play"), pal));
    m_runAll->setIcon(themedIcon(QStringLiteral("play"), pal));
    m_stop->setIcon(themedIcon(QStringLiteral("stop"), pal));
    m_highlighter->applyPalette(pal);
    showChecks();
    showSnippetResults();
}

} // namespace ui
} // namespace onramp
