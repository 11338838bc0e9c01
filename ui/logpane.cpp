#include "ui/logpane.h"

#include "ui/retranslate.h"

#include "ui/terminal/terminalscreen.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace onramp {
namespace ui {

namespace {
constexpr int kDefaultFlushMs = 50;
// A line longer than this is broken, so that output without any newline still stays bounded.
constexpr qsizetype kMaximumLineLength = 64 * 1024;
// An escape sequence longer than these is garbage; it ends and what follows shows again.
constexpr qsizetype kMaximumCsiLength = 64;
constexpr qsizetype kMaximumStringLength = 4096;
// Counting goes on, but more highlights than this would only slow painting.
constexpr qsizetype kMaximumMatches = 100000;
constexpr qsizetype kMaximumHighlights = 2000;
// Styles are interned while text is queued; past this many, the table is rebuilt after a flush.
constexpr qsizetype kStyleTableLimit = 512;

constexpr quint32 kIndexed = 0x01000000;
constexpr quint32 kRgb = 0x02000000;

QToolButton *makeToolButton(QWidget *parent, const QString &objectName, const QString &toolTip,
                            const QString &accessibleName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setIconSize(QSize(18, 18));
    button->setToolTip(toolTip);
    button->setAccessibleName(accessibleName);
    return button;
}

QString timeText(int msecs)
{
    return QTime::fromMSecsSinceStartOfDay(msecs).toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

// The view with a column of arrival times on its left, painted from each block's userState (the
// local time of day in ms), so that showing or hiding the times never touches the text.
class LogTextEdit : public QPlainTextEdit {
public:
    explicit LogTextEdit(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
    {
        m_gutter->hide();
        connect(this, &QPlainTextEdit::updateRequest, m_gutter, [this](const QRect &rect, int dy) {
            if (dy != 0)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
    }

    bool timestampsShown() const { return m_shown; }
    void setTimestampsShown(bool shown)
    {
        m_shown = shown;
        m_gutter->setVisible(shown);
        setViewportMargins(shown ? gutterWidth() : 0, 0, 0, 0);
        placeGutter();
    }
    int gutterWidth() const { return fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 14; }
    QWidget *gutter() const { return m_gutter; }
    // The document position at the top of the view.
    int topPosition() const { return firstVisibleBlock().position(); }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        placeGutter();
    }
    void changeEvent(QEvent *event) override
    {
        QPlainTextEdit::changeEvent(event);
        if (event->type() == QEvent::FontChange && m_shown)
            setTimestampsShown(true);
    }

private:
    class Gutter : public QWidget {
    public:
        explicit Gutter(LogTextEdit *edit) : QWidget(edit), m_edit(edit)
        {
            setObjectName(QStringLiteral("logTimestamps"));
        }

    protected:
        void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

    private:
        LogTextEdit *m_edit;
    };

    void placeGutter()
    {
        const QRect r = contentsRect();
        m_gutter->setGeometry(r.left(), r.top(), gutterWidth(), r.height());
    }

    void paintGutter(QPaintEvent *event)
    {
        QPainter painter(m_gutter);
        const QPalette pal = palette();
        painter.fillRect(event->rect(), tint(pal.color(QPalette::Text), pal, 0.05));
        painter.setFont(font());
        painter.setPen(pal.color(QPalette::Disabled, QPalette::Text));
        const int right = m_gutter->width() - 8;
        const int lineHeight = fontMetrics().height();
        QTextBlock block = firstVisibleBlock();
        qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
        while (block.isValid() && top <= event->rect().bottom()) {
            const qreal height = blockBoundingRect(block).height();
            if (block.isVisible() && top + height >= event->rect().top() && block.userState() >= 0)
                painter.drawText(QRect(0, qRound(top), right, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                                 timeText(block.userState()));
            block = block.next();
            top += height;
        }
    }

    Gutter *m_gutter;
    bool m_shown = false;
};

LogPane::LogPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("logPane"));

    auto *title = new QLabel(this);
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

    m_droppedLabel = new QLabel(this);
    m_droppedLabel->setObjectName(QStringLiteral("logDroppedNote"));
    m_droppedLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_droppedLabel->hide();

    // Tooltips and accessible names: set with the other texts, below.
    m_followButton = makeToolButton(this, QStringLiteral("followTailButton"), {}, {});
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_timestampsButton = makeToolButton(this, QStringLiteral("timestampsButton"), {}, {});
    m_timestampsButton->setCheckable(true);
    m_findButton = makeToolButton(this, QStringLiteral("findButton"), {}, {});
    m_copyButton = makeToolButton(this, QStringLiteral("copyLogButton"), {}, {});
    m_saveButton = makeToolButton(this, QStringLiteral("saveLogButton"), {}, {});
    m_clearButton = makeToolButton(this, QStringLiteral("clearLogButton"), {}, {});

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(8);
    header->addWidget(title);
    header->addWidget(m_badge);
    header->addWidget(m_statusLabel);
    header->addWidget(m_droppedLabel, 1);
    header->addStretch(0);
    header->addWidget(m_followButton);
    header->addWidget(m_timestampsButton);
    header->addWidget(m_findButton);
    header->addWidget(m_copyButton);
    header->addWidget(m_saveButton);
    header->addWidget(m_clearButton);

    m_view = new LogTextEdit(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_view->setWordWrapMode(QTextOption::WrapAnywhere);
    m_view->setFont(monospaceFont());
    m_view->setMaximumBlockCount(m_maximumLines + 1);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->installEventFilter(this);

    m_findBar = new QWidget(this);
    m_findBar->setObjectName(QStringLiteral("logFindBar"));
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(QStringLiteral("logFindField"));
    m_findField->setClearButtonEnabled(true);
    m_findField->installEventFilter(this);
    m_findCount = new QLabel(m_findBar);
    m_findCount->setObjectName(QStringLiteral("logFindCount"));
    m_findCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_findPreviousButton = makeToolButton(m_findBar, QStringLiteral("logFindPrevious"), {}, {});
    m_findNextButton = makeToolButton(m_findBar, QStringLiteral("logFindNext"), {}, {});
    m_findCloseButton = makeToolButton(m_findBar, QStringLiteral("logFindClose"), {}, {});
    bindTranslation(this, [=, this] {
        title->setText(tr("Output"));
        m_followButton->setToolTip(tr("Follow new output (scroll to the end as it arrives)"));
        m_followButton->setAccessibleName(tr("Follow new output"));
        m_timestampsButton->setToolTip(tr("Show the time each line arrived"));
        m_timestampsButton->setAccessibleName(tr("Show times"));
        m_findButton->setToolTip(tr("Find in the output (Ctrl+F)"));
        m_findButton->setAccessibleName(tr("Find"));
        m_copyButton->setToolTip(tr("Copy the output (or the selected part) to the clipboard"));
        m_copyButton->setAccessibleName(tr("Copy"));
        m_saveButton->setToolTip(tr("Save the output to a text file"));
        m_saveButton->setAccessibleName(tr("Save"));
        m_clearButton->setToolTip(tr("Clear the output shown here"));
        m_clearButton->setAccessibleName(tr("Clear"));
        m_view->setAccessibleName(tr("Output"));
        // An owner may have put its own placeholder (a setup step's): that one it translates itself.
        const QString placeholder = tr("Output from the cluster appears here once you connect.");
        if (m_view->placeholderText().isEmpty() || m_view->placeholderText() == m_placeholder)
            m_view->setPlaceholderText(placeholder);
        m_placeholder = placeholder;
        m_findBar->setAccessibleName(tr("Find in output"));
        m_findField->setPlaceholderText(tr("Find in output"));
        m_findField->setAccessibleName(tr("Text to find"));
        m_findCount->setAccessibleName(tr("Matches"));
        // Wide enough for large counts, so that the bar does not jump while output streams in.
        m_findCount->setMinimumWidth(
            m_findCount->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(88888).arg(88888)));
        m_findPreviousButton->setToolTip(tr("Previous match (Shift+Enter)"));
        m_findPreviousButton->setAccessibleName(tr("Previous match"));
        m_findNextButton->setToolTip(tr("Next match (Enter)"));
        m_findNextButton->setAccessibleName(tr("Next match"));
        m_findCloseButton->setToolTip(tr("Close the find bar (Esc)"));
        m_findCloseButton->setAccessibleName(tr("Close find"));
        // What depends on the state: the source badge, the dropped lines, the match count.
        setSource(m_source);
        updateDroppedNote();
        updateFindCount();
    });
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->setSpacing(4);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(m_findCount);
    findLayout->addWidget(m_findPreviousButton);
    findLayout->addWidget(m_findNextButton);
    findLayout->addWidget(m_findCloseButton);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_findBar);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogPane::flush);

    connect(m_followButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            scrollToEnd();
        Q_EMIT followTailChanged(on);
    });
    connect(m_timestampsButton, &QToolButton::toggled, this, [this](bool on) {
        m_view->setTimestampsShown(on);
        Q_EMIT showTimestampsChanged(on);
    });
    // Scrolling up by hand (bar, wheel, keys) stops following; scrolling back to the end resumes it.
    // Growth, trimming and resizes move the bar too, and must not.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::actionTriggered, this, [this, bar](int) {
        if (!m_scrolling)
            setFollowTail(bar->sliderPosition() >= bar->maximum());
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (followTail())
            scrollToEnd();
    });
    connect(m_findButton, &QToolButton::clicked, this, [this] { isFindOpen() ? closeFind() : openFind(); });
    connect(m_copyButton, &QToolButton::clicked, this, &LogPane::copyToClipboard);
    connect(m_saveButton, &QToolButton::clicked, this, &LogPane::saveWithDialog);
    connect(m_clearButton, &QToolButton::clicked, this, &LogPane::clear);

    connect(m_findField, &QLineEdit::textChanged, this, [this] { refreshMatches(true); });
    connect(m_findField, &QLineEdit::returnPressed, this, &LogPane::findNext);
    connect(m_findPreviousButton, &QToolButton::clicked, this, &LogPane::findPrevious);
    connect(m_findNextButton, &QToolButton::clicked, this, &LogPane::findNext);
    connect(m_findCloseButton, &QToolButton::clicked, this, &LogPane::closeFind);
    // Shortcuts belong to this pane only: several panes may be open in one window.
    auto *findShortcut = new QShortcut(QKeySequence::Find, this, this, &LogPane::openFind);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *nextShortcut = new QShortcut(QKeySequence::FindNext, this, this, &LogPane::findNext);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *previousShortcut = new QShortcut(QKeySequence::FindPrevious, this, this, &LogPane::findPrevious);
    previousShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar, this, &LogPane::closeFind);
    escape->setContext(Qt::WidgetWithChildrenShortcut);

    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
}

LogPane::~LogPane() = default;

QPlainTextEdit *LogPane::view() const
{
    return m_view;
}

void LogPane::setSource(const QString &source)
{
    m_source = source;
    m_badge->setText(source);
    m_badge->setToolTip(tr("The output below comes from %1.").arg(source));
    m_badge->setAccessibleName(tr("Output from %1").arg(source));
    m_badge->setVisible(!source.isEmpty());
}

void LogPane::setTitleVisible(bool visible)
{
    if (auto *title = findChild<QLabel *>(QStringLiteral("logTitle")))
        title->setVisible(visible);
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

// --- Parsing: text arrives in pieces of any size; every state survives to the next append. ---

void LogPane::appendText(Stream stream, const QString &text)
{
    if (text.isEmpty())
        return;
    parse(m_parsers[int(stream)], text, QTime::currentTime().msecsSinceStartOfDay());
    // Never queue more than the pane could show: the oldest queued lines would fall off anyway.
    if (m_lineStarts.size() > 2 * qsizetype(m_maximumLines))
        trimPending();
    if (hasPendingText() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogPane::appendNote(const QString &line)
{
    QString text = line;
    if (m_currentLineLength > 0)
        text.prepend(QLatin1Char('\n'));
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    appendText(Stream::Note, text);
}

void LogPane::parse(Parser &parser, QStringView text, int now)
{
    const QChar *p = text.data();
    const QChar *const end = p + text.size();
    while (p < end) {
        switch (parser.mode) {
        case Parser::Text: {
            const QChar *start = p;
            while (p < end) {
                const char16_t c = p->unicode();
                if (c < 0x20 || (c >= 0x7f && c < 0xa0))
                    break;
                ++p;
            }
            if (p > start)
                addText(QStringView(start, p), parser, now);
            if (p == end)
                return;
            const char16_t c = (p++)->unicode();
            switch (c) {
            case u'\n':
                newLine(parser, now);
                break;
            case u'\r':
                m_carriageReturn = true;
                break;
            case u'\t':
                addText(u"\t", parser, now);
                break;
            case u'\b':
                backspace();
                break;
            case 0x1b:
                parser.mode = Parser::Escape;
                break;
            case 0x9b: // CSI as one C1 character
                parser.mode = Parser::Csi;
                parser.sequence.clear();
                break;
            case 0x90: // DCS, SOS, OSC, PM, APC as C1 characters
            case 0x98:
            case 0x9d:
            case 0x9e:
            case 0x9f:
                parser.mode = Parser::String;
                parser.stringLength = 0;
                break;
            default: // BEL, SO/SI, the other C0 and C1 controls: nothing a log can show
                break;
            }
            break;
        }
        case Parser::Escape: {
            const char16_t c = p->unicode();
            if (c < 0x20 && c != 0x1b) { // a control inside a sequence ends it and acts as usual
                parser.mode = Parser::Text;
                break;
            }
            ++p;
            if (c == u'[') {
                parser.mode = Parser::Csi;
                parser.sequence.clear();
            } else if (c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_') {
                parser.mode = Parser::String;
                parser.stringLength = 0;
            } else if (c == 0x1b) {
                parser.mode = Parser::Escape;
            } else if (c >= 0x20 && c <= 0x2f) {
                parser.mode = Parser::EscapeArgument; // ESC ( B, ESC # 8, ...: a final character follows
            } else {
                parser.mode = Parser::Text; // ESC 7, ESC =, ESC M, ESC c, ...
            }
            break;
        }
        case Parser::EscapeArgument: {
            const char16_t c = p->unicode();
            if (c < 0x20) {
                parser.mode = c == 0x1b ? Parser::Escape : Parser::Text;
                p += c == 0x1b ? 1 : 0;
                break;
            }
            ++p;
            if (c > 0x2f)
                parser.mode = Parser::Text;
            break;
        }
        case Parser::Csi: {
            const char16_t c = p->unicode();
            if (c < 0x20 || c > 0x7e) {
                parser.mode = c == 0x1b ? Parser::Escape : Parser::Text;
                p += c == 0x1b ? 1 : 0;
                break;
            }
            ++p;
            // An overlong sequence is still consumed up to its final character, but means nothing.
            if (parser.sequence.size() <= kMaximumCsiLength)
                parser.sequence += QChar(c);
            if (c >= 0x40) {
                if (parser.sequence.size() <= kMaximumCsiLength)
                    finishCsi(parser);
                parser.mode = Parser::Text;
            }
            break;
        }
        case Parser::String: {
            // Window titles and the like end with BEL or ST. A newline ends them too: a log is made of
            // lines, and a stray ESC ] must not swallow the rest of the output.
            const char16_t c = p->unicode();
            if (c == u'\n' || ++parser.stringLength > kMaximumStringLength) {
                parser.mode = Parser::Text;
                break;
            }
            ++p;
            if (c == 0x07 || c == 0x9c)
                parser.mode = Parser::Text;
            else if (c == 0x1b)
                parser.mode = Parser::StringEscape;
            break;
        }
        case Parser::StringEscape:
            if (p->unicode() == u'\\') {
                ++p;
                parser.mode = Parser::Text;
            } else {
                parser.mode = Parser::Escape; // the ESC ended the string and starts a sequence
            }
            break;
        }
    }
}

void LogPane::addText(QStringView text, Parser &parser, int now)
{
    while (!text.isEmpty()) {
        if (m_carriageReturn) {
            clearCurrentLine();
            m_carriageReturn = false;
        }
        if (m_currentLineLength >= kMaximumLineLength)
            newLine(parser, now);
        const QStringView part = text.first(qMin(text.size(), kMaximumLineLength - m_currentLineLength));
        text = text.sliced(part.size());
        const int id = styleId(parser);
        if (m_runs.isEmpty() || m_runs.last().style != id) {
            if (!m_runs.isEmpty() && m_runs.last().start == m_buffer.size())
                m_runs.last().style = id;
            else
                m_runs.append({m_buffer.size(), id});
        }
        if (m_currentLineLength == 0) {
            int &stamp = m_lineStarts.isEmpty() ? m_headMsecs : m_lineStarts.last().msecs;
            if (stamp < 0)
                stamp = now;
        }
        m_buffer += part;
        m_currentLineLength += part.size();
    }
}

void LogPane::newLine(Parser &parser, int now)
{
    m_carriageReturn = false; // "\r\n" is a plain newline
    if (m_currentLineLength == 0) { // an empty line arrives with its '\n'
        int &stamp = m_lineStarts.isEmpty() ? m_headMsecs : m_lineStarts.last().msecs;
        if (stamp < 0)
            stamp = now;
    }
    const int id = styleId(parser);
    if (m_runs.isEmpty() || m_runs.last().style != id)
        m_runs.append({m_buffer.size(), id});
    m_buffer += QLatin1Char('\n');
    m_lineStarts.append({m_buffer.size(), -1});
    m_currentLineLength = 0;
}

void LogPane::clearCurrentLine()
{
    qsizetype start = 0;
    if (m_lineStarts.isEmpty())
        m_clearShownLine = true; // the line began in the view: the flush replaces it there
    else
        start = m_lineStarts.last().position;
    m_buffer.truncate(start);
    while (!m_runs.isEmpty() && m_runs.last().start >= start)
        m_runs.removeLast();
    m_currentLineLength = 0;
}

void LogPane::backspace()
{
    // After a '\r' the cursor is at the start of the line, where a backspace does nothing; a line
    // already in the view is left alone.
    const qsizetype start = m_lineStarts.isEmpty() ? 0 : m_lineStarts.last().position;
    if (m_carriageReturn || m_buffer.size() <= start)
        return;
    m_buffer.chop(m_buffer.size() - start >= 2 && m_buffer.back().isLowSurrogate() ? 2 : 1);
    m_currentLineLength = qMax<qsizetype>(0, m_currentLineLength - 1);
    while (!m_runs.isEmpty() && m_runs.last().start >= m_buffer.size())
        m_runs.removeLast();
}

void LogPane::finishCsi(Parser &parser)
{
    const QStringView sequence(parser.sequence);
    const QChar final = sequence.back();
    const QStringView parameters = sequence.chopped(1);
    // Private modes (ESC[?2004h, ESC[?25l) and sequences with intermediates change nothing in a log.
    if (!parameters.isEmpty()
        && (parameters.front() == u'?' || parameters.front() == u'>' || parameters.front() == u'<'
            || parameters.front() == u'=' || parameters.back().unicode() < 0x30))
        return;
    switch (final.unicode()) {
    case u'm':
        applySgr(parser, parameters);
        break;
    case u'K': { // erase in line: whole line, or from the start of the line after a '\r'
        const int mode = parameters.toInt();
        if (mode == 2 || (m_carriageReturn && (mode == 0 || mode == 1))) {
            clearCurrentLine();
            m_carriageReturn = false;
        }
        break;
    }
    case u'G': // cursor to column 1 is how some tools say '\r'
        if (parameters.toInt() <= 1)
            m_carriageReturn = true;
        break;
    default: // cursor movement, scrolling regions, erasing the screen: not in a log
        break;
    }
}

void LogPane::applySgr(Parser &parser, QStringView parameters)
{
    QList<int> values;
    for (const QStringView part : parameters.tokenize(u';'))
        for (const QStringView sub : part.tokenize(u':'))
            values.append(sub.isEmpty() ? 0 : sub.toInt());
    if (values.isEmpty())
        values.append(0);
    Style &s = parser.style;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const int v = values.at(i);
        if (v == 0) {
            s = Style {};
            s.stream = Stream(&parser - m_parsers);
        } else if (v == 1) {
            s.bold = true;
        } else if (v == 3) {
            s.italic = true;
        } else if (v == 4) {
            s.underline = true;
        } else if (v == 7) {
            s.inverse = true;
        } else if (v == 22) {
            s.bold = false;
        } else if (v == 23) {
            s.italic = false;
        } else if (v == 24) {
            s.underline = false;
        } else if (v == 27) {
            s.inverse = false;
        } else if (v >= 30 && v <= 37) {
            s.foreground = kIndexed | quint32(v - 30);
        } else if (v >= 40 && v <= 47) {
            s.background = kIndexed | quint32(v - 40);
        } else if (v >= 90 && v <= 97) {
            s.foreground = kIndexed | quint32(v - 90 + 8);
        } else if (v >= 100 && v <= 107) {
            s.background = kIndexed | quint32(v - 100 + 8);
        } else if (v == 39) {
            s.foreground = 0;
        } else if (v == 49) {
            s.background = 0;
        } else if (v == 38 || v == 48) {
            Colour colour = 0;
            if (i + 2 < values.size() && values.at(i + 1) == 5) {
                colour = kIndexed | quint32(std::clamp(values.at(i + 2), 0, 255));
                i += 2;
            } else if (i + 4 < values.size() && values.at(i + 1) == 2) {
                colour = kRgb | (quint32(std::clamp(values.at(i + 2), 0, 255)) << 16)
                    | (quint32(std::clamp(values.at(i + 3), 0, 255)) << 8)
                    | quint32(std::clamp(values.at(i + 4), 0, 255));
                i += 4;
            } else {
                break; // malformed: the rest of the parameters cannot be trusted
            }
            (v == 38 ? s.foreground : s.background) = colour;
        }
        // 2 (faint), 5 (blink), 9 (strike-out) and the rest: ignored
    }
    parser.styleId = -1;
}

int LogPane::styleId(Parser &parser)
{
    if (parser.styleId >= 0)
        return parser.styleId;
    parser.style.stream = Stream(&parser - m_parsers);
    parser.styleId = intern(parser.style);
    return parser.styleId;
}

int LogPane::intern(const Style &style)
{
    auto it = m_styleIds.constFind(style);
    if (it == m_styleIds.constEnd()) {
        it = m_styleIds.insert(style, int(m_styles.size()));
        m_styles.append(style);
    }
    return it.value();
}

QColor LogPane::ansiColor(int index) const
{
    index = std::clamp(index, 0, 255);
    if (index < 16)
        return m_ansi16.value(index);
    if (index < 232) {
        static constexpr int levels[] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return QColor(levels[i / 36], levels[(i / 6) % 6], levels[i % 6]);
    }
    const int grey = 8 + 10 * (index - 232);
    return QColor(grey, grey, grey);
}

QColor LogPane::resolve(Colour colour) const
{
    if (colour & kRgb)
        return QColor::fromRgb(QRgb(colour & 0xffffff));
    if (colour & kIndexed)
        return ansiColor(int(colour & 0xff));
    return {};
}

QTextCharFormat LogPane::formatFor(int id)
{
    if (const auto it = m_formats.constFind(id); it != m_formats.constEnd())
        return it.value();
    const Style &s = m_styles.at(id);
    const QPalette pal = palette();
    QColor foreground = resolve(s.foreground);
    QColor background = resolve(s.background);
    // Plain output keeps no colour of its own, so it follows the palette (dark mode) after the fact.
    if (!foreground.isValid() && s.stream == Stream::Stderr)
        foreground = toneColor(Tone::Error, pal);
    else if (!foreground.isValid() && s.stream == Stream::Note)
        foreground = pal.color(QPalette::Disabled, QPalette::Text);
    if (s.inverse) {
        const QColor f = foreground.isValid() ? foreground : pal.color(QPalette::Text);
        foreground = background.isValid() ? background : pal.color(QPalette::Base);
        background = f;
    }
    QTextCharFormat format;
    if (foreground.isValid())
        format.setForeground(foreground);
    if (background.isValid())
        format.setBackground(background);
    if (s.bold)
        format.setFontWeight(QFont::Bold);
    if (s.italic || s.stream == Stream::Note)
        format.setFontItalic(true);
    if (s.underline)
        format.setFontUnderline(true);
    m_formats.insert(id, format);
    return format;
}

void LogPane::trimPending()
{
    // Keep the last lines of the queue that fit, with room for the note that says lines were skipped.
    if (m_lineStarts.size() <= m_maximumLines)
        return;
    const qsizetype keep = qMax(1, m_maximumLines - 1);
    const qsizetype drop = m_lineStarts.size() - keep;
    const LineStart first = m_lineStarts.at(drop - 1);
    const qsizetype cut = first.position;
    m_buffer.remove(0, cut);
    if (m_buffer.isEmpty()) {
        m_runs.clear();
    } else {
        qsizetype covering = 0;
        while (covering + 1 < m_runs.size() && m_runs.at(covering + 1).start <= cut)
            ++covering;
        m_runs.remove(0, covering);
        m_runs.first().start = 0;
        for (qsizetype i = 1; i < m_runs.size(); ++i)
            m_runs[i].start -= cut;
    }
    m_lineStarts.remove(0, drop);
    for (LineStart &line : m_lineStarts)
        line.position -= cut;
    // What is left starts a line of its own; the view's last line stays as it was.
    m_headMsecs = first.msecs;
    m_clearShownLine = false;
    m_skippedSinceFlush += drop;
}

void LogPane::resetPending()
{
    m_buffer.clear();
    m_runs.clear();
    m_lineStarts.clear();
    m_headMsecs = -1;
    m_clearShownLine = false;
}

void LogPane::flush()
{
    m_flushTimer.stop();
    if (!hasPendingText())
        return;
    trimPending();

    QTextDocument *doc = m_view->document();
    const int blocksBefore = doc->blockCount();
    int blocksAdded = 0;
    QTextCursor cursor(doc);
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (m_clearShownLine) {
        cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    if (m_skippedSinceFlush > 0) {
        Style note;
        note.stream = Stream::Note;
        const QTextCharFormat noteFormat = formatFor(intern(note));
        const int now = QTime::currentTime().msecsSinceStartOfDay();
        if (!cursor.atBlockStart()) {
            cursor.insertBlock();
            ++blocksAdded;
        }
        cursor.block().setUserState(now);
        cursor.insertText(tr("… %n earlier line(s) skipped to keep up with the output.", nullptr,
                             int(qMin<qint64>(m_skippedSinceFlush, INT_MAX))),
                          noteFormat);
        cursor.insertBlock();
        ++blocksAdded;
        m_skippedLines += m_skippedSinceFlush;
        m_skippedSinceFlush = 0;
    }
    QTextBlock block = cursor.block();
    if (block.userState() < 0 && m_headMsecs >= 0)
        block.setUserState(m_headMsecs);
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        const qsizetype start = m_runs.at(i).start;
        const qsizetype end = i + 1 < m_runs.size() ? m_runs.at(i + 1).start : m_buffer.size();
        if (end > start)
            cursor.insertText(m_buffer.sliced(start, end - start), formatFor(m_runs.at(i).style));
    }
    // Lines dropping off the top (maximumBlockCount) go only when the edit block ends, so the new
    // blocks can be stamped here one after the other.
    for (const LineStart &line : std::as_const(m_lineStarts)) {
        block = block.next();
        block.setUserState(line.msecs);
    }
    blocksAdded += int(m_lineStarts.size());
    // Lines beyond the maximum go now rather than through maximumBlockCount, which selects them with
    // movePosition(NextBlock) block by block: 80 ms for 5000 lines, against 2 ms for one setPosition.
    if (const int excess = doc->blockCount() - (m_maximumLines + 1); excess > 0) {
        QTextCursor top(doc);
        top.setPosition(doc->findBlockByNumber(excess).position(), QTextCursor::KeepAnchor);
        top.removeSelectedText();
    }
    cursor.endEditBlock();
    resetPending();
    if (m_styles.size() > kStyleTableLimit) {
        m_styles.clear();
        m_styleIds.clear();
        m_formats.clear();
        for (Parser &parser : m_parsers)
            parser.styleId = -1;
    }

    if (const qint64 dropped = qint64(blocksBefore) + blocksAdded - doc->blockCount(); dropped > 0) {
        m_droppedLines += dropped;
        updateDroppedNote();
    }
    ++m_flushCount;
    if (followTail())
        scrollToEnd();
    if (isFindOpen() && !m_findField->text().isEmpty())
        refreshMatches(false);
    Q_EMIT flushed();
}

void LogPane::clear()
{
    m_flushTimer.stop();
    resetPending();
    m_skippedSinceFlush = 0;
    m_skippedLines = 0;
    m_droppedLines = 0;
    m_carriageReturn = false;
    m_currentLineLength = 0;
    for (Parser &parser : m_parsers)
        parser = Parser {};
    m_view->clear();
    updateDroppedNote();
    refreshMatches(false);
}

void LogPane::setMaximumLines(int lines)
{
    m_maximumLines = qMax(1, lines);
    // One more block than lines: text ending in '\n' leaves an empty block after the last line.
    m_view->setMaximumBlockCount(m_maximumLines + 1);
}

void LogPane::updateDroppedNote()
{
    m_droppedLabel->setVisible(m_droppedLines > 0);
    if (m_droppedLines <= 0)
        return;
    m_droppedLabel->setText(
        tr("%n older line(s) removed", nullptr, int(qMin<qint64>(m_droppedLines, INT_MAX))));
    m_droppedLabel->setToolTip(
        tr("This pane keeps the last %n line(s); older ones are removed to keep it fast. "
           "Save the output to keep everything shown so far.",
           nullptr, m_maximumLines));
    m_droppedLabel->setAccessibleName(m_droppedLabel->text());
}

// --- Following the tail ---

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
    m_scrolling = true;
    bar->setValue(bar->maximum());
    m_scrolling = false;
}

void LogPane::updateFollowFromPosition()
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    setFollowTail(bar->value() >= bar->maximum());
}

bool LogPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_End && key->modifiers().testFlag(Qt::ControlModifier)) {
            // Going to the end of the output is asking to follow it.
            QMetaObject::invokeMethod(
                this, [this] { setFollowTail(true); }, Qt::QueuedConnection);
            return QWidget::eventFilter(watched, event);
        }
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
            // After the view has moved: the key scrolls the view, not the bar.
            QMetaObject::invokeMethod(this, &LogPane::updateFollowFromPosition, Qt::QueuedConnection);
            break;
        default:
            break;
        }
    } else if (watched == m_view && event->type() == QEvent::Resize && followTail()) {
        QMetaObject::invokeMethod(this, &LogPane::scrollToEnd, Qt::QueuedConnection);
    } else if (watched == m_findField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// --- Timestamps ---

bool LogPane::showTimestamps() const
{
    return m_timestampsButton->isChecked();
}

void LogPane::setShowTimestamps(bool show)
{
    m_timestampsButton->setChecked(show);
}

QTime LogPane::lineTime(int block) const
{
    const QTextBlock b = m_view->document()->findBlockByNumber(block);
    return b.isValid() && b.userState() >= 0 ? QTime::fromMSecsSinceStartOfDay(b.userState()) : QTime();
}

// --- Text out ---

QString LogPane::text() const
{
    return m_view->toPlainText();
}

QString LogPane::exportText() const
{
    if (!showTimestamps())
        return text();
    QStringList lines;
    const QTextDocument *doc = m_view->document();
    lines.reserve(doc->blockCount());
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text();
        lines.append(block.userState() >= 0 ? timeText(block.userState()) + QStringLiteral("  ") + line
                                            : line);
    }
    return lines.join(QLatin1Char('\n'));
}

bool LogPane::saveToFile(const QString &path, QString *errorMessage) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = tr("Could not open “%1” for writing: %2").arg(path, file.errorString());
        return false;
    }
    QString content = exportText();
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
    QString text = selected.isEmpty() ? exportText() : selected;
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

// --- Find ---

bool LogPane::isFindOpen() const
{
    return !m_findBar->isHidden();
}

QString LogPane::findText() const
{
    return m_findField->text();
}

void LogPane::setFindText(const QString &text)
{
    if (!isFindOpen())
        openFind();
    m_findField->setText(text);
}

void LogPane::openFind()
{
    flush();
    const QString selected = m_view->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)
        && selected != m_findField->text())
        m_findField->setText(selected);
    m_findBar->show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
    refreshMatches(true);
}

void LogPane::closeFind()
{
    m_findBar->hide();
    m_matches.clear();
    m_currentMatch = -1;
    m_currentMatchCursor = QTextCursor();
    m_view->setExtraSelections({});
    m_view->setFocus(Qt::OtherFocusReason);
}

void LogPane::findNext()
{
    if (!isFindOpen()) {
        openFind();
        return;
    }
    if (m_matches.isEmpty())
        return;
    selectMatch(m_currentMatch < 0 ? 0 : int((m_currentMatch + 1) % m_matches.size()));
}

void LogPane::findPrevious()
{
    if (!isFindOpen()) {
        openFind();
        return;
    }
    if (m_matches.isEmpty())
        return;
    selectMatch(m_currentMatch <= 0 ? int(m_matches.size() - 1) : m_currentMatch - 1);
}

void LogPane::refreshMatches(bool moveToNearest)
{
    m_matches.clear();
    const QString needle = m_findField->text();
    if (isFindOpen() && !needle.isEmpty()) {
        // Positions in toPlainText() are document positions: each block break is one character.
        const QString haystack = m_view->document()->toPlainText();
        for (qsizetype at = haystack.indexOf(needle, 0, Qt::CaseInsensitive);
             at >= 0 && m_matches.size() < kMaximumMatches;
             at = haystack.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            m_matches.append(at);
    }
    if (m_matches.isEmpty()) {
        m_currentMatch = -1;
        m_currentMatchCursor = QTextCursor();
    } else if (moveToNearest) {
        // The first match from the top of what is on screen, else the last one above it.
        const int top = m_view->topPosition();
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), qsizetype(top));
        selectMatch(it == m_matches.cend() ? int(m_matches.size() - 1) : int(it - m_matches.cbegin()));
        return;
    } else {
        // The selected match moved when lines dropped off the top; find it again.
        m_currentMatch = -1;
        if (!m_currentMatchCursor.isNull()
            && m_currentMatchCursor.selectionEnd() - m_currentMatchCursor.selectionStart() == needle.size()) {
            const qsizetype start = m_currentMatchCursor.selectionStart();
            const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), start);
            if (it != m_matches.cend() && *it == start)
                m_currentMatch = int(it - m_matches.cbegin());
        }
    }
    updateMatchHighlights();
}

void LogPane::selectMatch(int index)
{
    m_currentMatch = index;
    QTextCursor cursor(m_view->document());
    cursor.setPosition(int(m_matches.at(index)));
    cursor.setPosition(int(m_matches.at(index) + m_findField->text().size()), QTextCursor::KeepAnchor);
    m_currentMatchCursor = cursor;
    // The view's cursor goes to the match without selecting it: a selection would paint over the
    // colour that tells the current match from the others.
    QTextCursor at = cursor;
    at.setPosition(cursor.selectionStart());
    m_view->setTextCursor(at);
    m_view->ensureCursorVisible();
    updateFollowFromPosition();
    updateMatchHighlights();
}

void LogPane::updateFindCount()
{
    const QString needle = m_findField->text();
    if (needle.isEmpty())
        m_findCount->clear();
    else if (m_matches.isEmpty())
        m_findCount->setText(tr("No matches"));
    else if (m_currentMatch >= 0)
        m_findCount->setText(tr("%1 of %2").arg(m_currentMatch + 1).arg(m_matches.size()));
    else
        m_findCount->setText(tr("%n match(es)", nullptr, int(m_matches.size())));
}

void LogPane::updateMatchHighlights()
{
    updateFindCount();
    const QString needle = m_findField->text();

    const QPalette pal = palette();
    QTextCharFormat all;
    all.setBackground(isDark(pal) ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe5, 0x6b));
    all.setForeground(isDark(pal) ? QColor(Qt::white) : QColor(Qt::black));
    QTextCharFormat current;
    current.setBackground(QColor(0xff, 0x96, 0x32));
    current.setForeground(QColor(Qt::black));
    QList<QTextEdit::ExtraSelection> selections;
    // Around the selected match, so that what is on screen near it is highlighted.
    const qsizetype centre = qMax(0, m_currentMatch);
    const qsizetype from = qMax<qsizetype>(0, centre - kMaximumHighlights / 2);
    const qsizetype to = qMin(m_matches.size(), from + kMaximumHighlights);
    QTextDocument *doc = m_view->document();
    for (qsizetype i = from; i < to; ++i) {
        QTextCursor cursor(doc);
        cursor.setPosition(int(m_matches.at(i)));
        cursor.setPosition(int(m_matches.at(i) + needle.size()), QTextCursor::KeepAnchor);
        selections.append({cursor, i == m_currentMatch ? current : all});
    }
    m_view->setExtraSelections(selections);
}

// --- Look ---

void LogPane::applyTheme()
{
    const QPalette pal = palette();
    m_followButton->setIcon(themedIcon(QStringLiteral("follow"), pal));
    m_timestampsButton->setIcon(themedIcon(QStringLiteral("clock"), pal));
    m_findButton->setIcon(themedIcon(QStringLiteral("search"), pal));
    m_copyButton->setIcon(themedIcon(QStringLiteral("copy"), pal));
    m_saveButton->setIcon(themedIcon(QStringLiteral("save"), pal));
    m_clearButton->setIcon(themedIcon(QStringLiteral("clear"), pal));
    m_findPreviousButton->setIcon(themedIcon(QStringLiteral("chevron-up"), pal));
    m_findNextButton->setIcon(themedIcon(QStringLiteral("chevron-down"), pal));
    m_findCloseButton->setIcon(themedIcon(QStringLiteral("close"), pal));

    // New text takes the new palette's colours; what is shown keeps those it was drawn with.
    m_ansi16 = TerminalScreen::defaultAnsiColors(isDark(pal));
    m_formats.clear();

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
    m_droppedLabel->setStyleSheet(QStringLiteral("QLabel#logDroppedNote { color: %1; }")
                                      .arg(pal.color(QPalette::Disabled, QPalette::WindowText).name()));
    if (isFindOpen())
        updateMatchHighlights();
}

} // namespace ui
} // namespace onramp
