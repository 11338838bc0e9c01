#include "ui/terminal/terminalview.h"

#include "ui/retranslate.h"

#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace onramp {
namespace ui {

namespace {
// Long enough to gather a burst of output (a progress bar, `ls` of a big folder) into one paint,
// short enough that typing feels immediate: one frame at 60 Hz.
constexpr int kRepaintMs = 8;
constexpr int kResizeMs = 40;
constexpr int kMinimumPointSize = 6;
constexpr int kMaximumZoomSteps = 24;
constexpr int kWheelLines = 3;

bool isWordCharacter(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.at(0);
    // Paths, host names and job IDs are one "word" for a double click.
    return c.isLetterOrNumber() || QStringLiteral("-_./~:@%+=").contains(c) || c.unicode() > 0x2e80;
}
} // namespace

TerminalView::TerminalView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("terminalView"));
    bindTranslation(this, [this] { setAccessibleName(tr("Terminal")); });
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFrameShape(QFrame::NoFrame);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent, true);
    verticalScrollBar()->setObjectName(QStringLiteral("terminalScrollBar"));

    m_screen = new TerminalScreen(24, 80, this);
    m_screen->setAnsiColors(TerminalScreen::defaultAnsiColors(isDark(palette())));
    connect(m_screen, &TerminalScreen::changed, this, &TerminalView::onScreenChanged);
    connect(m_screen, &TerminalScreen::titleChanged, this, &TerminalView::titleChanged);
    connect(m_screen, &TerminalScreen::bell, this, [] { QApplication::beep(); });
    connect(m_screen, &TerminalScreen::outputReady, this, [this](const QByteArray &bytes) {
        // Answers to the program's queries (cursor position, device attributes) go out even
        // while a person could not type: the program is waiting for them.
        if (m_terminal)
            m_terminal->write(bytes);
    });

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TerminalView::flushRepaint);
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(kResizeMs);
    connect(&m_resizeTimer, &QTimer::timeout, this, &TerminalView::sendSize);

    m_font = monospaceFont();
    applyFont();
}

TerminalView::~TerminalView() = default;

void TerminalView::setTerminal(remote::RemoteTerminal *terminal)
{
    if (m_terminal == terminal)
        return;
    if (m_terminal)
        disconnect(m_terminal, nullptr, this, nullptr);
    m_terminal = terminal;
    m_acceptsInput = terminal != nullptr;
    if (!terminal)
        return;

    clearSelection();
    m_screen->reset();
    m_follow = true;
    connect(terminal, &remote::RemoteTerminal::output, m_screen, &TerminalScreen::feed);
    connect(terminal, &remote::RemoteTerminal::opened, this, &TerminalView::sendSize);
    connect(terminal, &remote::RemoteTerminal::closed, this, &TerminalView::onTerminalClosed);
    connect(terminal, &QObject::destroyed, this, [this] { m_acceptsInput = false; });
    // The terminal may have been opened at another size (80x24) than this view has room for.
    if (terminal->isOpen())
        sendSize();
}

int TerminalView::scrolledBack() const
{
    return verticalScrollBar()->maximum() - verticalScrollBar()->value();
}

QSizeF TerminalView::cellSize() const
{
    return QSizeF(m_cellWidth, m_cellHeight);
}

QString TerminalView::selectedText() const
{
    return m_hasSelection ? m_screen->text(m_anchor, m_extent) : QString();
}

void TerminalView::select(QPoint from, QPoint to)
{
    const int base = int(m_screen->historyBase());
    setSelection(QPoint(from.x(), from.y() + base), QPoint(to.x(), to.y() + base));
    m_hasSelection = true;
    Q_EMIT selectionChanged(true);
}

void TerminalView::clearSelection()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    viewport()->update();
    Q_EMIT selectionChanged(false);
}

QSize TerminalView::sizeHint() const
{
    return QSize(qCeil(80 * m_cellWidth) + verticalScrollBar()->sizeHint().width(), 24 * m_cellHeight);
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return m_acceptsInput;
    case Qt::ImCursorRectangle: {
        // Where the candidate window of a Chinese input method should appear: under the cursor.
        const QPoint cursor = m_screen->cursorPosition();
        const int row = cursor.y() - topLine();
        return QRect(qRound(cursor.x() * m_cellWidth), row * m_cellHeight, qCeil(m_cellWidth), m_cellHeight);
    }
    case Qt::ImFont:
        return m_font;
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return 0;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
        return QString();
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TerminalView::copy()
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText());
}

void TerminalView::paste()
{
    if (!m_acceptsInput)
        return;
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty())
        return;
    scrollToBottom();
    m_screen->paste(text);
}

void TerminalView::zoomIn()
{
    if (m_zoomSteps < kMaximumZoomSteps) {
        ++m_zoomSteps;
        applyFont();
    }
}

void TerminalView::zoomOut()
{
    const qreal base = monospaceFont().pointSizeF();
    if (base <= 0 || base + m_zoomSteps - 1 >= kMinimumPointSize) {
        --m_zoomSteps;
        applyFont();
    }
}

void TerminalView::resetZoom()
{
    m_zoomSteps = 0;
    applyFont();
}

void TerminalView::clearScrollback()
{
    clearSelection();
    m_screen->clearScrollback();
    m_follow = true;
    syncScrollBar();
    viewport()->update();
}

void TerminalView::scrollToBottom()
{
    const bool moved = scrolledBack() != 0;
    m_follow = true;
    syncScrollBar();
    if (moved)
        viewport()->update();
}

bool TerminalView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress: {
        // Tab belongs to the shell (completion), not to focus navigation.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            keyPressEvent(key);
            return true;
        }
        break;
    }
    case QEvent::ShortcutOverride: {
        // Ctrl+C, Ctrl+W, Alt+F, F10 and Esc mean something to the program in the terminal; the
        // window's shortcuts must not take them while the terminal has the focus.
        auto *key = static_cast<QKeyEvent *>(event);
        const bool modified = key->modifiers() & (Qt::ControlModifier | Qt::AltModifier);
        const bool special
            = key->key() == Qt::Key_Escape || (key->key() >= Qt::Key_F1 && key->key() <= Qt::Key_F12);
        if (m_acceptsInput && (modified || special)) {
            event->accept();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QAbstractScrollArea::event(event);
}

void TerminalView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect area = event->rect();
    painter.fillRect(area, palette().color(QPalette::Base));
    const int first = std::max(0, area.top() / m_cellHeight);
    const int last = std::min(rows() - 1, area.bottom() / m_cellHeight);
    const int top = topLine();
    for (int row = first; row <= last; ++row)
        paintRow(painter, row, top + row);
}

void TerminalView::paintRow(QPainter &painter, int row, int line)
{
    const QColor defaultForeground = palette().color(QPalette::Text);
    const QColor defaultBackground = palette().color(QPalette::Base);
    const qint64 absolute = m_screen->historyBase() + line;
    const int y = row * m_cellHeight;
    const QPoint cursor = m_screen->cursorPosition();
    const bool cursorHere = line == cursor.y() && m_screen->cursorVisible() && m_acceptsInput;

    struct Styled {
        TerminalCell cell;
        QColor foreground;
        QColor background;
    };
    QVector<Styled> cells;
    cells.reserve(columns());
    for (int column = 0; column < columns(); ++column) {
        Styled styled {m_screen->cell(line, column), {}, {}};
        QColor foreground = styled.cell.foreground.isValid() ? styled.cell.foreground : defaultForeground;
        QColor background = styled.cell.background.isValid() ? styled.cell.background : defaultBackground;
        if (styled.cell.reverse != m_screen->reverseVideo())
            std::swap(foreground, background);
        if (isSelected(absolute, column)) {
            foreground = palette().color(QPalette::HighlightedText);
            background = palette().color(QPalette::Highlight);
        }
        styled.foreground = foreground;
        styled.background = background;
        cells << styled;
    }

    // Backgrounds first, in runs, so that a wide glyph's overhang is not painted over.
    for (int column = 0; column < columns();) {
        int end = column + 1;
        while (end < columns() && cells[end].background == cells[column].background)
            ++end;
        if (cells[column].background != defaultBackground)
            painter.fillRect(QRectF(column * m_cellWidth, y, (end - column) * m_cellWidth, m_cellHeight),
                             cells[column].background);
        column = end;
    }

    // Text: runs of plain ASCII in one call (they fit the monospace grid); every other character
    // on its own, placed on its cell, because a fallback font (CJK, symbols) has other advances.
    auto isAscii = [](const TerminalCell &c) {
        return c.width == 1 && c.text.size() == 1 && c.text.at(0).unicode() < 0x7f;
    };
    auto sameStyle = [](const Styled &a, const Styled &b) {
        return a.foreground == b.foreground && a.cell.bold == b.cell.bold && a.cell.italic == b.cell.italic
            && a.cell.underline == b.cell.underline && a.cell.strike == b.cell.strike;
    };
    for (int column = 0; column < columns();) {
        const Styled &start = cells[column];
        if (start.cell.width == 0 || (start.cell.text.isEmpty() && !start.cell.underline)) {
            ++column;
            continue;
        }
        QString text = start.cell.text.isEmpty() ? QStringLiteral(" ") : start.cell.text;
        int end = column + 1;
        if (isAscii(start.cell)) {
            while (end < columns() && isAscii(cells[end].cell) && sameStyle(cells[end], start)) {
                text += cells[end].cell.text;
                ++end;
            }
        } else {
            end = column + std::max(1, start.cell.width);
        }
        QFont font = m_font;
        font.setBold(start.cell.bold);
        font.setItalic(start.cell.italic);
        font.setUnderline(start.cell.underline);
        font.setStrikeOut(start.cell.strike);
        painter.setFont(font);
        painter.setPen(start.foreground);
        qreal x = column * m_cellWidth;
        if (start.cell.width == 2) {
            // Centre a CJK glyph in its two cells; the fallback font's advance rarely matches.
            const qreal advance = QFontMetricsF(font).horizontalAdvance(text);
            x += std::max<qreal>(0, (2 * m_cellWidth - advance) / 2);
        }
        painter.drawText(QPointF(x, y + m_ascent), text);
        column = end;
    }

    if (cursorHere) {
        const int width = std::max(1, cells.value(cursor.x()).cell.width);
        const QRectF box(cursor.x() * m_cellWidth, y, width * m_cellWidth, m_cellHeight);
        const QColor color = cursor.x() < cells.size() ? cells[cursor.x()].foreground : defaultForeground;
        if (!hasFocus()) {
            painter.setPen(color);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
        } else if (m_screen->cursorShape() == TerminalScreen::CursorShape::Underline) {
            painter.fillRect(QRectF(box.left(), box.bottom() - 2, box.width(), 2), color);
        } else if (m_screen->cursorShape() == TerminalScreen::CursorShape::Bar) {
            painter.fillRect(QRectF(box.left(), box.top(), 2, box.height()), color);
        } else {
            painter.fillRect(box, color);
            if (cursor.x() < cells.size() && !cells[cursor.x()].cell.text.isEmpty()) {
                const Styled &under = cells[cursor.x()];
                QFont font = m_font;
                font.setBold(under.cell.bold);
                font.setItalic(under.cell.italic);
                painter.setFont(font);
                painter.setPen(under.background);
                painter.drawText(QPointF(box.left(), y + m_ascent), under.cell.text);
            }
        }
    }

    if (!m_preedit.isEmpty() && line == cursor.y()) {
        // The input method's composition (pinyin, candidates) sits at the cursor, underlined.
        QFont font = m_font;
        font.setUnderline(true);
        const QFontMetricsF metrics(font);
        const QRectF box(cursor.x() * m_cellWidth, y, metrics.horizontalAdvance(m_preedit), m_cellHeight);
        painter.fillRect(box, defaultBackground);
        painter.setFont(font);
        painter.setPen(defaultForeground);
        painter.drawText(QPointF(box.left(), y + m_ascent), m_preedit);
    }
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGrid();
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    // The terminal's own shortcuts: with Shift, so that plain Ctrl+C and Ctrl+V reach the program.
    if (modifiers == (Qt::ControlModifier | Qt::ShiftModifier) && key == Qt::Key_C) {
        copy();
        return;
    }
    if (modifiers == (Qt::ControlModifier | Qt::ShiftModifier) && key == Qt::Key_V) {
        paste();
        return;
    }
    if (modifiers & Qt::ControlModifier) {
        if (key == Qt::Key_Equal || key == Qt::Key_Plus) {
            zoomIn();
            return;
        }
        if (key == Qt::Key_Minus) {
            zoomOut();
            return;
        }
        if (key == Qt::Key_0 && modifiers == Qt::ControlModifier) {
            resetZoom();
            return;
        }
    }
    if (modifiers == Qt::ShiftModifier && !m_screen->isAltScreen()) {
        QScrollBar *bar = verticalScrollBar();
        if (key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            const int step = std::max(1, rows() - 1);
            bar->setValue(bar->value() + (key == Qt::Key_PageUp ? -step : step));
            return;
        }
    }
    if (!m_acceptsInput) {
        event->ignore();
        return;
    }
    if (m_screen->sendKey(key, modifiers, event->text())) {
        scrollToBottom();
        event->accept();
        return;
    }
    event->ignore();
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    if (m_acceptsInput && !event->commitString().isEmpty()) {
        scrollToBottom();
        m_screen->sendText(event->commitString());
    }
    m_preedit = m_acceptsInput ? event->preeditString() : QString();
    viewport()->update();
    event->accept();
}

QPoint TerminalView::cellAt(const QPoint &pixel) const
{
    const int column = std::clamp(int(pixel.x() / m_cellWidth), 0, columns() - 1);
    const int row = std::clamp(pixel.y() / m_cellHeight, 0, rows() - 1);
    return QPoint(column, int(m_screen->historyBase()) + topLine() + row);
}

bool TerminalView::isSelected(qint64 absoluteLine, int column) const
{
    if (!m_hasSelection)
        return false;
    QPoint from = m_anchor;
    QPoint to = m_extent;
    if (from.y() > to.y() || (from.y() == to.y() && from.x() > to.x()))
        std::swap(from, to);
    if (absoluteLine < from.y() || absoluteLine > to.y())
        return false;
    if (absoluteLine == from.y() && column < from.x())
        return false;
    if (absoluteLine == to.y() && column > to.x())
        return false;
    return true;
}

void TerminalView::setSelection(QPoint anchor, QPoint extent)
{
    m_anchor = anchor;
    m_extent = extent;
    viewport()->update();
}

bool TerminalView::forwardMouse(QMouseEvent *event, bool pressed)
{
    // Programs that asked for the mouse (htop, vim with mouse=a) get it; Shift+click still selects.
    if (!m_acceptsInput || !m_screen->mouseTracking() || (event->modifiers() & Qt::ShiftModifier))
        return false;
    const QPoint position = event->position().toPoint();
    const int column = std::clamp(int(position.x() / m_cellWidth), 0, columns() - 1);
    const int row = std::clamp(position.y() / m_cellHeight, 0, rows() - 1);
    m_screen->sendMouseMove(row, column, event->modifiers());
    int button = 0;
    switch (event->button()) {
    case Qt::LeftButton:
        button = 1;
        break;
    case Qt::MiddleButton:
        button = 2;
        break;
    case Qt::RightButton:
        button = 3;
        break;
    default:
        break;
    }
    if (button != 0 && event->type() != QEvent::MouseMove)
        m_screen->sendMouseButton(button, pressed, event->modifiers());
    return true;
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    if (forwardMouse(event, true)) {
        m_mouseForwarded = true;
        return;
    }
    m_mouseForwarded = false;
    if (event->button() == Qt::LeftButton) {
        clearSelection();
        m_selecting = true;
        m_anchor = m_extent = cellAt(event->position().toPoint());
    } else if (event->button() == Qt::MiddleButton && m_acceptsInput) {
        // X11 habit: middle click pastes the last selection (the clipboard where there is none).
        QClipboard *clipboard = QGuiApplication::clipboard();
        const QString text
            = clipboard->supportsSelection() ? clipboard->text(QClipboard::Selection) : clipboard->text();
        if (!text.isEmpty()) {
            scrollToBottom();
            m_screen->paste(text);
        }
    }
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_mouseForwarded) {
        if (m_screen->mouseTracking())
            forwardMouse(event, true);
        return;
    }
    if (!m_selecting)
        return;
    // Dragging past the top or bottom edge scrolls, so a selection can reach into the scrollback.
    const int y = event->position().toPoint().y();
    if (y < 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
    else if (y >= viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
    const QPoint extent = cellAt(event->position().toPoint());
    if (extent != m_extent || !m_hasSelection) {
        setSelection(m_anchor, extent);
        if (!m_hasSelection && m_anchor != m_extent) {
            m_hasSelection = true;
            Q_EMIT selectionChanged(true);
        }
    }
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_mouseForwarded) {
        forwardMouse(event, false);
        m_mouseForwarded = false;
        return;
    }
    m_selecting = false;
    if (m_hasSelection && QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || (m_acceptsInput && m_screen->mouseTracking()))
        return;
    const QPoint at = cellAt(event->position().toPoint());
    const int line = int(at.y() - m_screen->historyBase());
    if (!isWordCharacter(m_screen->cell(line, at.x()).text))
        return;
    int first = at.x();
    int last = at.x();
    while (first > 0 && isWordCharacter(m_screen->cell(line, first - 1).text))
        --first;
    while (last + 1 < columns()
           && (isWordCharacter(m_screen->cell(line, last + 1).text)
               || m_screen->cell(line, last + 1).width == 0))
        ++last;
    select(QPoint(first, line), QPoint(last, line));
    m_selecting = false;
    if (QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    const int notches = event->angleDelta().y() / 120;
    if (m_acceptsInput && m_screen->mouseTracking() && notches != 0) {
        const QPoint position = event->position().toPoint();
        m_screen->sendMouseMove(std::clamp(position.y() / m_cellHeight, 0, rows() - 1),
                                std::clamp(int(position.x() / m_cellWidth), 0, columns() - 1),
                                event->modifiers());
        for (int i = 0; i < std::abs(notches); ++i) {
            m_screen->sendMouseButton(notches > 0 ? 4 : 5, true, event->modifiers());
            m_screen->sendMouseButton(notches > 0 ? 4 : 5, false, event->modifiers());
        }
        return;
    }
    if (m_screen->isAltScreen()) {
        // Full-screen programs without mouse support (less, man) scroll with the arrow keys, as
        // in xterm's alternateScroll; the alternate screen has no scrollback of its own.
        if (m_acceptsInput) {
            for (int i = 0; i < std::abs(notches) * kWheelLines; ++i)
                m_screen->sendKey(notches > 0 ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier, QString());
        }
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

QMenu *TerminalView::buildContextMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("terminalContextMenu"));
    auto add = [this, menu](const QString &text, const QKeySequence &shortcut, const QString &name,
                            void (TerminalView::*slot)()) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(shortcut); // shown as a reminder; the keys are handled in keyPressEvent
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("Copy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("terminalCopyAction"),
        &TerminalView::copy)
        ->setEnabled(m_hasSelection);
    add(tr("Paste"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QStringLiteral("terminalPasteAction"),
        &TerminalView::paste)
        ->setEnabled(m_acceptsInput && !QGuiApplication::clipboard()->text().isEmpty());
    menu->addSeparator();
    add(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), QStringLiteral("terminalZoomInAction"),
        &TerminalView::zoomIn);
    add(tr("Zoom Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), QStringLiteral("terminalZoomOutAction"),
        &TerminalView::zoomOut);
    add(tr("Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), QStringLiteral("terminalResetZoomAction"),
        &TerminalView::resetZoom);
    menu->addSeparator();
    add(tr("Clear Scrollback"), QKeySequence(), QStringLiteral("terminalClearAction"),
        &TerminalView::clearScrollback);
    return menu;
}

void TerminalView::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_acceptsInput && m_screen->mouseTracking() && event->reason() == QContextMenuEvent::Mouse
        && !(event->modifiers() & Qt::ShiftModifier))
        return; // the right button went to the program
    QMenu *menu = buildContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update(); // the cursor turns solid
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update(); // the cursor turns hollow
}

void TerminalView::scrollContentsBy(int, int)
{
    const QScrollBar *bar = verticalScrollBar();
    m_follow = bar->value() == bar->maximum();
    m_viewTop = m_screen->historyBase() + topLine();
    viewport()->update();
}

void TerminalView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_screen->setAnsiColors(TerminalScreen::defaultAnsiColors(isDark(palette())));
    else if (event->type() == QEvent::FontChange)
        applyFont();
}

void TerminalView::onScreenChanged()
{
    if (!m_repaintTimer.isActive())
        m_repaintTimer.start();
}

void TerminalView::flushRepaint()
{
    ++m_repaintBatches;
    syncScrollBar();
    const QRect damage = m_screen->takeDamage();
    const qint64 top = m_screen->historyBase() + topLine();
    if (top != std::exchange(m_paintedTop, top) || !m_preedit.isEmpty()) {
        viewport()->update();
        return;
    }
    if (damage.isNull())
        return;
    const int row = damage.top() - topLine();
    viewport()->update(QRect(int(std::floor(damage.left() * m_cellWidth)), row * m_cellHeight,
                             qCeil(damage.width() * m_cellWidth) + 1, damage.height() * m_cellHeight));
}

void TerminalView::onTerminalClosed(const remote::ProcessResult &result)
{
    m_acceptsInput = false;
    m_preedit.clear();
    QString notice;
    if (result.error)
        notice = tr("[connection ended: %1]").arg(result.error->message);
    else if (!result.exitSignal.isEmpty())
        notice = tr("[process ended: signal %1]").arg(result.exitSignal);
    else
        notice = tr("[process ended: exit %1]").arg(result.exitCode);
    // Through the emulator, so the notice scrolls and copies like any other line. A full-screen
    // program that died leaves the alternate screen first, or the notice would vanish with it.
    QByteArray bytes;
    if (m_screen->isAltScreen())
        bytes += "\x1b[?1049l";
    bytes += "\x1b[0m";
    if (m_screen->cursorPosition().x() != 0)
        bytes += "\r\n";
    bytes += "\x1b[1m" + notice.toUtf8() + "\x1b[0m\r\n";
    m_screen->feed(bytes);
    scrollToBottom();
    Q_EMIT ended(result);
}

void TerminalView::sendSize()
{
    m_resizeTimer.stop();
    if (m_terminal && m_terminal->isOpen())
        m_terminal->resize(columns(), rows());
}

void TerminalView::applyFont()
{
    QFont font = monospaceFont();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max<qreal>(kMinimumPointSize, font.pointSizeF() + m_zoomSteps));
    // Glyphs are placed on a grid; kerning and ligatures would pull them off it.
    font.setKerning(false);
    m_font = font;
    const QFontMetricsF metrics(m_font);
    m_cellWidth = std::max<qreal>(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = std::max(1, qCeil(metrics.height()));
    m_ascent = qRound(metrics.ascent());
    verticalScrollBar()->setSingleStep(1);
    updateGrid();
    viewport()->update();
}

void TerminalView::updateGrid()
{
    const int newColumns = std::max(2, int(viewport()->width() / m_cellWidth));
    const int newRows = std::max(1, viewport()->height() / m_cellHeight);
    if (newColumns == columns() && newRows == rows())
        return;
    clearSelection();
    m_screen->resize(newRows, newColumns);
    verticalScrollBar()->setPageStep(newRows);
    syncScrollBar();
    m_resizeTimer.start();
}

void TerminalView::syncScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const int scrollback = m_screen->isAltScreen() ? 0 : m_screen->scrollbackLines();
    const QSignalBlocker blocker(bar);
    bar->setRange(0, scrollback);
    bar->setPageStep(rows());
    if (m_follow) {
        bar->setValue(scrollback);
    } else {
        // Keep the same text in view while new output pushes more lines into the scrollback.
        const qint64 oldest = m_screen->historyBase() - m_screen->scrollbackLines();
        bar->setValue(int(std::clamp<qint64>(m_viewTop - oldest, 0, scrollback)));
    }
}

int TerminalView::topLine() const
{
    if (m_screen->isAltScreen())
        return 0;
    return verticalScrollBar()->value() - verticalScrollBar()->maximum();
}

} // namespace ui
} // namespace onramp
