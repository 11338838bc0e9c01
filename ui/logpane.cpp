#include "ui/logpane.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {
constexpr int kDefaultFlushMs = 50;

qsizetype countLines(QStringView text)
{
    return text.count(QLatin1Char('\n'));
}

QToolButton *makeToolButton(QWidget *parent, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setIconSize(QSize(18, 18));
    return button;
}
} // namespace

LogPane::LogPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("logPane"));

    auto *title = new QLabel(tr("Output"), this);
    title->setObjectName(QStringLiteral("logTitle"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("sourceBadge"));
    m_badge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge->hide();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("logStatus"));
    m_statusLabel->hide();

    m_followButton = makeToolButton(this, QStringLiteral("followTailButton"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(tr("Follow new output (scroll to the end as it arrives)"));
    m_copyButton = makeToolButton(this, QStringLiteral("copyLogButton"));
    m_copyButton->setToolTip(tr("Copy the output (or the selected part) to the clipboard"));
    m_saveButton = makeToolButton(this, QStringLiteral("saveLogButton"));
    m_saveButton->setToolTip(tr("Save the output to a text file"));
    m_clearButton = makeToolButton(this, QStringLiteral("clearLogButton"));
    m_clearButton->setToolTip(tr("Clear the output shown here"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(8);
    header->addWidget(title);
    header->addWidget(m_badge);
    header->addWidget(m_statusLabel);
    header->addStretch(1);
    header->addWidget(m_followButton);
    header->addWidget(m_copyButton);
    header->addWidget(m_saveButton);
    header->addWidget(m_clearButton);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_view->setWordWrapMode(QTextOption::WrapAnywhere);
    m_view->setFont(monospaceFont());
    m_view->setMaximumBlockCount(m_maximumLines + 1);
    m_view->setPlaceholderText(tr("Output from the cluster appears here once you connect."));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogPane::flush);

    connect(m_followButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            scrollToEnd();
        Q_EMIT followTailChanged(on);
    });
    // Scrolling up by hand stops following; scrolling back to the end resumes it.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::actionTriggered, this,
            [this, bar](int) { setFollowTail(bar->sliderPosition() >= bar->maximum()); });
    connect(m_copyButton, &QToolButton::clicked, this, &LogPane::copyToClipboard);
    connect(m_saveButton, &QToolButton::clicked, this, &LogPane::saveWithDialog);
    connect(m_clearButton, &QToolButton::clicked, this, &LogPane::clear);

    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
}

LogPane::~LogPane() = default;

void LogPane::setSource(const QString &source)
{
    m_source = source;
    m_badge->setText(source);
    m_badge->setToolTip(tr("The output below comes from %1.").arg(source));
    m_badge->setVisible(!source.isEmpty());
}

QString LogPane::source() const
{
    return m_source;
}

void LogPane::setStatus(const QString &text, Tone tone)
{
    m_statusTone = tone;
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    m_theme->apply();
}

QString LogPane::status() const
{
    return m_statusLabel->text();
}

void LogPane::appendText(Stream stream, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!m_pending.isEmpty() && m_pending.last().stream == stream)
        m_pending.last().text += text;
    else
        m_pending.append({stream, text});
    m_pendingLines += countLines(text);
    m_atLineStart = text.endsWith(QLatin1Char('\n'));
    // Never queue more than the pane could show: the oldest queued lines would fall off anyway.
    if (m_pendingLines > 2 * qsizetype(m_maximumLines))
        trimPending();
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogPane::appendNote(const QString &line)
{
    QString text = line;
    if (!m_atLineStart)
        text.prepend(QLatin1Char('\n'));
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    appendText(Stream::Note, text);
}

void LogPane::trimPending()
{
    // Keep the last lines of the queue that fit, with room for the note that says lines were
    // skipped; drop whole chunks, then cut into the first.
    if (m_pendingLines <= m_maximumLines)
        return;
    const qsizetype keep = qMax(1, m_maximumLines - 1);
    qsizetype excess = m_pendingLines - keep;
    while (excess > 0 && !m_pending.isEmpty()) {
        Chunk &first = m_pending.first();
        const qsizetype lines = countLines(first.text);
        if (lines <= excess) {
            excess -= lines;
            m_pendingLines -= lines;
            m_skippedSinceFlush += lines;
            m_pending.removeFirst();
            continue;
        }
        qsizetype cut = -1;
        for (qsizetype i = 0; i < excess; ++i)
            cut = first.text.indexOf(QLatin1Char('\n'), cut + 1);
        first.text.remove(0, cut + 1);
        m_pendingLines -= excess;
        m_skippedSinceFlush += excess;
        excess = 0;
    }
}

void LogPane::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    trimPending();

    const QPalette pal = palette();
    QTextCharFormat outFormat;
    outFormat.setForeground(pal.color(QPalette::Text));
    QTextCharFormat errFormat;
    errFormat.setForeground(toneColor(Tone::Error, pal));
    QTextCharFormat noteFormat;
    noteFormat.setForeground(pal.color(QPalette::Disabled, QPalette::Text));
    noteFormat.setFontItalic(true);

    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (m_skippedSinceFlush > 0) {
        if (!cursor.atBlockStart())
            cursor.insertText(QStringLiteral("\n"), noteFormat);
        cursor.insertText(tr("… %n earlier line(s) skipped to keep up with the output.", nullptr,
                             int(qMin<qint64>(m_skippedSinceFlush, INT_MAX)))
                              + QLatin1Char('\n'),
                          noteFormat);
        m_skippedLines += m_skippedSinceFlush;
        m_skippedSinceFlush = 0;
    }
    for (const Chunk &chunk : std::as_const(m_pending)) {
        const QTextCharFormat &format = chunk.stream == Stream::Stdout ? outFormat
            : chunk.stream == Stream::Stderr                           ? errFormat
                                                                       : noteFormat;
        // QPlainTextEdit treats '\n' as a new block; a trailing one leaves an empty last block.
        cursor.insertText(chunk.text, format);
    }
    cursor.endEditBlock();
    m_pending.clear();
    m_pendingLines = 0;
    ++m_flushCount;
    if (followTail())
        scrollToEnd();
    Q_EMIT flushed();
}

void LogPane::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    m_pendingLines = 0;
    m_skippedSinceFlush = 0;
    m_skippedLines = 0;
    m_atLineStart = true;
    m_view->clear();
}

void LogPane::setMaximumLines(int lines)
{
    m_maximumLines = qMax(1, lines);
    // One more block than lines: text ending in '\n' leaves an empty block after the last line.
    m_view->setMaximumBlockCount(m_maximumLines + 1);
}

bool LogPane::followTail() const
{
    return m_followButton->isChecked();
}

void LogPane::setFollowTail(bool follow)
{
    m_followButton->setChecked(follow);
}

void LogPane::scrollToEnd()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->maximum());
}

QString LogPane::text() const
{
    return m_view->toPlainText();
}

bool LogPane::saveToFile(const QString &path, QString *errorMessage) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = tr("Could not open “%1” for writing: %2").arg(path, file.errorString());
        return false;
    }
    QString content = text();
    if (!content.isEmpty() && !content.endsWith(QLatin1Char('\n')))
        content += QLatin1Char('\n');
    file.write(content.toUtf8());
    if (!file.commit()) {
        if (errorMessage)
            *errorMessage = tr("Could not save “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void LogPane::copyToClipboard()
{
    flush();
    const QString selected = m_view->textCursor().selectedText();
    // QTextCursor uses U+2029 between paragraphs in a selection.
    QString text = selected.isEmpty() ? this->text() : selected;
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    QApplication::clipboard()->setText(text);
}

void LogPane::saveWithDialog()
{
    flush();
    QString host = m_source.section(QLatin1Char('@'), -1);
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString suggested
        = QStringLiteral("onramp-%1-%2.txt")
              .arg(host.isEmpty() ? QStringLiteral("output") : host,
                   QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Output"), suggested,
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveToFile(path, &error))
        QMessageBox::warning(this, tr("Save Output"), error);
}

void LogPane::applyTheme()
{
    const QPalette pal = palette();
    m_followButton->setIcon(themedIcon(QStringLiteral("follow"), pal));
    m_copyButton->setIcon(themedIcon(QStringLiteral("copy"), pal));
    m_saveButton->setIcon(themedIcon(QStringLiteral("save"), pal));
    m_clearButton->setIcon(themedIcon(QStringLiteral("clear"), pal));

    const QColor accent = pal.color(QPalette::Highlight);
    m_badge->setStyleSheet(
        QStringLiteral("QLabel#sourceBadge { background: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 9px; padding: 1px 9px; }")
            .arg(tint(accent, pal, 0.14).name(), pal.color(QPalette::WindowText).name(),
                 tint(accent, pal, 0.45).name()));
    const QColor tone = toneColor(m_statusTone, pal);
    m_statusLabel->setStyleSheet(
        QStringLiteral(
            "QLabel#logStatus { color: %1; background: %2; border-radius: 9px; padding: 1px 9px; }")
            .arg(tone.name(), tint(tone, pal, 0.14).name()));
}

} // namespace ui
} // namespace onramp
