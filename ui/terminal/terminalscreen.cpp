#include "ui/terminal/terminalscreen.h"

#include <vterm.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <utility>
#include <vector>

namespace onramp {
namespace ui {

namespace {
constexpr uint32_t kWideCharTail = 0xffffffffu; // libvterm's mark for the right half of a wide char

VTermScreenCell blankCell()
{
    VTermScreenCell cell;
    std::memset(&cell, 0, sizeof cell);
    cell.width = 1;
    cell.fg.type = VTERM_COLOR_DEFAULT_FG;
    cell.bg.type = VTERM_COLOR_DEFAULT_BG;
    return cell;
}

bool isBlank(const VTermScreenCell &cell)
{
    return cell.chars[0] == 0 && VTERM_COLOR_IS_DEFAULT_BG(&cell.bg) && !cell.attrs.reverse;
}

VTermModifier toVTermModifier(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    return VTermModifier(mod);
}

VTermKey toVTermKey(int qtKey)
{
    switch (qtKey) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        if (qtKey >= Qt::Key_F1 && qtKey <= Qt::Key_F12)
            return VTermKey(VTERM_KEY_FUNCTION(qtKey - Qt::Key_F1 + 1));
        return VTERM_KEY_NONE;
    }
}

// The C0 byte for Ctrl+key, as xterm sends it. libvterm 0.1.4 encodes Ctrl+I, J, M and [ as
// "CSI u" sequences, which bash, readline and most programs on a cluster do not read.
int controlByte(int qtKey)
{
    if (qtKey >= Qt::Key_A && qtKey <= Qt::Key_Z)
        return qtKey - Qt::Key_A + 1;
    switch (qtKey) {
    case Qt::Key_At:
    case Qt::Key_Space:
    case Qt::Key_2:
        return 0x00;
    case Qt::Key_BracketLeft:
    case Qt::Key_3:
        return 0x1b;
    case Qt::Key_Backslash:
    case Qt::Key_4:
        return 0x1c;
    case Qt::Key_BracketRight:
    case Qt::Key_5:
        return 0x1d;
    case Qt::Key_AsciiCircum:
    case Qt::Key_6:
        return 0x1e;
    case Qt::Key_Underscore:
    case Qt::Key_7:
        return 0x1f;
    case Qt::Key_Question:
    case Qt::Key_8:
        return 0x7f;
    default:
        return -1;
    }
}

QColor fromRgb(const VTermColor &color)
{
    return QColor(color.rgb.red, color.rgb.green, color.rgb.blue);
}
} // namespace

struct TerminalScreen::History {
    // Trailing blank cells are not kept: most lines are much shorter than the screen is wide.
    std::deque<std::vector<VTermScreenCell>> lines;
    int maximum = 10000;
    qint64 dropped = 0;

    void trim()
    {
        while (int(lines.size()) > maximum) {
            lines.pop_front();
            ++dropped;
        }
    }
};

// libvterm calls back with a void pointer; these forward to the TerminalScreen it belongs to.
struct TerminalScreen::Callbacks {
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static void output(const char *bytes, size_t length, void *user)
    {
        // Queued, not sent: the receiver may answer synchronously with more input, and libvterm
        // must not be re-entered while it is still inside vterm_input_write().
        self(user)->m_pendingOutput.append(bytes, qsizetype(length));
    }

    static int damage(VTermRect rect, void *user)
    {
        self(user)->addDamage(QRect(rect.start_col, rect.start_row, rect.end_col - rect.start_col,
                                    rect.end_row - rect.start_row));
        return 1;
    }

    static int moveCursor(VTermPos pos, VTermPos oldPos, int visible, void *user)
    {
        TerminalScreen *s = self(user);
        // Two cells wide: the cursor may sit on a wide character.
        s->addDamage(QRect(oldPos.col, oldPos.row, 2, 1));
        s->addDamage(QRect(pos.col, pos.row, 2, 1));
        s->m_cursor = QPoint(pos.col, pos.row);
        s->m_cursorVisible = visible;
        return 1;
    }

    static int setTermProp(VTermProp prop, VTermValue *value, void *user)
    {
        TerminalScreen *s = self(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            s->m_cursorVisible = value->boolean;
            s->addDamage(QRect(s->m_cursor, QSize(2, 1)));
            break;
        case VTERM_PROP_CURSORSHAPE:
            s->m_cursorShape = value->number == VTERM_PROP_CURSORSHAPE_UNDERLINE ? CursorShape::Underline
                : value->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT               ? CursorShape::Bar
                                                                                 : CursorShape::Block;
            s->addDamage(QRect(s->m_cursor, QSize(2, 1)));
            break;
        case VTERM_PROP_ALTSCREEN:
            s->m_altScreen = value->boolean;
            s->addDamage(QRect(0, 0, s->m_columns, s->m_rows));
            break;
        case VTERM_PROP_REVERSE:
            s->m_reverseVideo = value->boolean;
            s->addDamage(QRect(0, 0, s->m_columns, s->m_rows));
            break;
        case VTERM_PROP_MOUSE:
            s->m_mouseMode = value->number;
            break;
        case VTERM_PROP_TITLE:
            s->m_title = QString::fromUtf8(value->string);
            s->m_titlePending = true;
            break;
        default:
            break;
        }
        s->m_changed = true;
        return 1;
    }

    static int bell(void *user)
    {
        self(user)->m_bellPending = true;
        return 1;
    }

    static int pushLine(int columns, const VTermScreenCell *cells, void *user)
    {
        TerminalScreen *s = self(user);
        // libvterm only scrolls the main screen into here; the check is for full-screen programs
        // all the same, whose redraws must never fill the scrollback.
        if (s->m_altScreen)
            return 0;
        int used = columns;
        while (used > 0 && isBlank(cells[used - 1]))
            --used;
        s->m_history->lines.emplace_back(cells, cells + used);
        s->m_history->trim();
        s->m_changed = true;
        return 1;
    }

    static int popLine(int columns, VTermScreenCell *cells, void *user)
    {
        TerminalScreen *s = self(user);
        auto &lines = s->m_history->lines;
        if (lines.empty())
            return 0;
        const std::vector<VTermScreenCell> &line = lines.back();
        for (int column = 0; column < columns; ++column)
            cells[column] = column < int(line.size()) ? line[size_t(column)] : blankCell();
        lines.pop_back();
        s->m_changed = true;
        return 1;
    }

    static const VTermScreenCallbacks *table()
    {
        static const VTermScreenCallbacks callbacks = {
            &damage,
            nullptr, // moverect: libvterm reports the moved area as damage instead
            &moveCursor, &setTermProp, &bell,
            nullptr, // resize
            &pushLine,   &popLine,
        };
        return &callbacks;
    }
};

TerminalScreen::TerminalScreen(int rows, int columns, QObject *parent)
    : QObject(parent),
      m_rows(std::max(1, rows)),
      m_columns(std::max(2, columns)),
      m_history(std::make_unique<History>()),
      m_ansi(defaultAnsiColors(false))
{
    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &Callbacks::output, this);
    m_screen = vterm_obtain_screen(m_vterm);
    vterm_screen_set_callbacks(m_screen, Callbacks::table(), this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
    setAnsiColors(m_ansi);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vterm);
}

void TerminalScreen::resize(int rows, int columns)
{
    rows = std::max(1, rows);
    columns = std::max(2, columns);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vterm, rows, columns);
    addDamage(QRect(0, 0, columns, rows));
    finish();
}

void TerminalScreen::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(m_vterm, bytes.constData(), size_t(bytes.size()));
    finish();
}

void TerminalScreen::reset()
{
    vterm_screen_reset(m_screen, 1);
    clearScrollback();
    m_altScreen = false;
    m_reverseVideo = false;
    m_mouseMode = 0;
    addDamage(QRect(0, 0, m_columns, m_rows));
    finish();
}

bool TerminalScreen::sendKey(int qtKey, Qt::KeyboardModifiers modifiers, const QString &text)
{
    VTermModifier mod = toVTermModifier(modifiers);
    if (const VTermKey key = toVTermKey(qtKey); key != VTERM_KEY_NONE) {
        if (qtKey == Qt::Key_Backtab)
            mod = VTermModifier(mod | VTERM_MOD_SHIFT);
        // Shift/Ctrl+Enter and Ctrl+Backspace become "CSI u" in libvterm, which a shell would
        // print as garbage; a person who holds Shift while pressing Enter means Enter.
        if (key == VTERM_KEY_ENTER || key == VTERM_KEY_BACKSPACE || key == VTERM_KEY_ESCAPE)
            mod = VTermModifier(mod & VTERM_MOD_ALT);
        vterm_keyboard_key(m_vterm, key, mod);
        finish();
        return true;
    }
    if (modifiers & Qt::ControlModifier) {
        if (const int byte = controlByte(qtKey); byte >= 0) {
            if (modifiers & Qt::AltModifier)
                m_pendingOutput.append('\x1b');
            m_pendingOutput.append(char(byte));
            finish();
            return true;
        }
    }
    const bool printable = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() != 0x7f;
    });
    if (!printable)
        return false;
    // Shift is already in the text; Alt is sent as an ESC prefix, as xterm's metaSendsEscape does.
    const VTermModifier textMod = VTermModifier(mod & VTERM_MOD_ALT);
    for (const char32_t c : text.toUcs4())
        vterm_keyboard_unichar(m_vterm, c, textMod);
    finish();
    return true;
}

void TerminalScreen::sendText(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if (c >= 0x20 && c != 0x7f)
            vterm_keyboard_unichar(m_vterm, c, VTERM_MOD_NONE);
    }
    finish();
}

void TerminalScreen::paste(const QString &text)
{
    // Line ends become Enter, as when typed. Other control characters are dropped: an ESC inside
    // pasted text could end bracketed paste early and run what follows as typed commands.
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r')) {
            clean += QLatin1Char('\r');
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('\n')) {
            clean += QLatin1Char('\r');
        } else if (c == QLatin1Char('\t') || (c.unicode() >= 0x20 && c.unicode() != 0x7f)) {
            clean += c;
        }
    }
    if (clean.isEmpty())
        return;
    // libvterm adds the bracketed-paste markers only when the program enabled the mode.
    vterm_keyboard_start_paste(m_vterm);
    m_pendingOutput.append(clean.toUtf8());
    vterm_keyboard_end_paste(m_vterm);
    finish();
}

void TerminalScreen::sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers)
{
    vterm_mouse_move(m_vterm, row, column, toVTermModifier(modifiers));
    finish();
}

void TerminalScreen::sendMouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers)
{
    vterm_mouse_button(m_vterm, button, pressed, toVTermModifier(modifiers));
    finish();
}

TerminalCell TerminalScreen::cell(int line, int column) const
{
    VTermScreenCell raw = blankCell();
    if (column >= 0 && column < m_columns) {
        if (line >= 0 && line < m_rows) {
            vterm_screen_get_cell(m_screen, VTermPos {line, column}, &raw);
        } else if (line < 0 && -line <= scrollbackLines()) {
            const auto &stored = m_history->lines[m_history->lines.size() - size_t(-line)];
            if (column < int(stored.size()))
                raw = stored[size_t(column)];
        }
    }

    TerminalCell cell;
    if (raw.chars[0] == kWideCharTail) {
        cell.width = 0;
    } else {
        cell.width = raw.width;
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && raw.chars[i] != 0; ++i)
            cell.text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&raw.chars[i]), 1);
    }
    auto resolve = [this](VTermColor color) {
        vterm_screen_convert_color_to_rgb(m_screen, &color);
        return fromRgb(color);
    };
    if (!VTERM_COLOR_IS_DEFAULT_FG(&raw.fg))
        cell.foreground = resolve(raw.fg);
    if (!VTERM_COLOR_IS_DEFAULT_BG(&raw.bg))
        cell.background = resolve(raw.bg);
    cell.bold = raw.attrs.bold;
    cell.italic = raw.attrs.italic;
    cell.underline = raw.attrs.underline != VTERM_UNDERLINE_OFF;
    cell.reverse = raw.attrs.reverse;
    cell.strike = raw.attrs.strike;
    return cell;
}

QString TerminalScreen::lineText(int line) const
{
    // Cells that were never written to are not text; spaces the program printed (a prompt's
    // last character) are.
    QString text;
    qsizetype written = 0;
    for (int column = 0; column < m_columns; ++column) {
        const TerminalCell c = cell(line, column);
        if (c.width == 0)
            continue;
        text += c.text.isEmpty() ? QStringLiteral(" ") : c.text;
        if (!c.text.isEmpty())
            written = text.size();
    }
    text.truncate(written);
    return text;
}

QString TerminalScreen::text(QPoint fromAbsolute, QPoint toAbsolute) const
{
    if (fromAbsolute.y() > toAbsolute.y()
        || (fromAbsolute.y() == toAbsolute.y() && fromAbsolute.x() > toAbsolute.x()))
        std::swap(fromAbsolute, toAbsolute);
    const qint64 base = historyBase();
    QStringList lines;
    for (qint64 absolute = fromAbsolute.y(); absolute <= toAbsolute.y(); ++absolute) {
        const int line = int(absolute - base);
        if (line < -scrollbackLines() || line >= m_rows)
            continue;
        int first = absolute == fromAbsolute.y() ? std::max(0, fromAbsolute.x()) : 0;
        const int last = absolute == toAbsolute.y() ? std::min(m_columns - 1, toAbsolute.x()) : m_columns - 1;
        if (first > 0 && cell(line, first).width == 0)
            --first; // starting on the right half of a wide character takes all of it
        QString text;
        for (int column = first; column <= last; ++column) {
            const TerminalCell c = cell(line, column);
            if (c.width != 0)
                text += c.text.isEmpty() ? QStringLiteral(" ") : c.text;
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        lines << text;
    }
    return lines.join(QLatin1Char('\n'));
}

int TerminalScreen::scrollbackLines() const
{
    return int(m_history->lines.size());
}

int TerminalScreen::maximumScrollback() const
{
    return m_history->maximum;
}

void TerminalScreen::setMaximumScrollback(int lines)
{
    m_history->maximum = std::max(0, lines);
    m_history->trim();
    m_changed = true;
    finish();
}

void TerminalScreen::clearScrollback()
{
    m_history->dropped += qint64(m_history->lines.size());
    m_history->lines.clear();
    m_changed = true;
    finish();
}

qint64 TerminalScreen::historyBase() const
{
    return m_history->dropped + qint64(m_history->lines.size());
}

QColor TerminalScreen::paletteColor(int index) const
{
    VTermColor color;
    vterm_color_indexed(&color, uint8_t(std::clamp(index, 0, 255)));
    vterm_screen_convert_color_to_rgb(m_screen, &color);
    return fromRgb(color);
}

void TerminalScreen::setAnsiColors(const QList<QColor> &colors)
{
    m_ansi = colors;
    VTermState *state = vterm_obtain_state(m_vterm);
    for (int i = 0; i < 16 && i < colors.size(); ++i) {
        VTermColor color;
        vterm_color_rgb(&color, uint8_t(colors[i].red()), uint8_t(colors[i].green()),
                        uint8_t(colors[i].blue()));
        vterm_state_set_palette_color(state, i, &color);
    }
    addDamage(QRect(0, 0, m_columns, m_rows));
    finish();
}

QList<QColor> TerminalScreen::defaultAnsiColors(bool dark)
{
    // Tango, as GNOME Terminal ships it; on a dark background the dark blue and black would vanish,
    // so those two are lifted.
    QList<QColor> colors = {
        QColor(0x2e, 0x34, 0x36), QColor(0xcc, 0x00, 0x00), QColor(0x4e, 0x9a, 0x06),
        QColor(0xc4, 0xa0, 0x00), QColor(0x34, 0x65, 0xa4), QColor(0x75, 0x50, 0x7b),
        QColor(0x06, 0x98, 0x9a), QColor(0xd3, 0xd7, 0xcf), QColor(0x55, 0x57, 0x53),
        QColor(0xef, 0x29, 0x29), QColor(0x8a, 0xe2, 0x34), QColor(0xfc, 0xe9, 0x4f),
        QColor(0x72, 0x9f, 0xcf), QColor(0xad, 0x7f, 0xa8), QColor(0x34, 0xe2, 0xe2),
        QColor(0xee, 0xee, 0xec),
    };
    if (dark) {
        colors[0] = QColor(0x55, 0x57, 0x53);
        colors[4] = QColor(0x5c, 0x8f, 0xd6);
        colors[8] = QColor(0x88, 0x8a, 0x85);
    }
    return colors;
}

QRect TerminalScreen::takeDamage()
{
    return std::exchange(m_damage, QRect());
}

void TerminalScreen::addDamage(const QRect &cells)
{
    m_damage |= cells.intersected(QRect(0, 0, m_columns, m_rows));
    m_changed = true;
}

void TerminalScreen::finish()
{
    vterm_screen_flush_damage(m_screen);
    if (!m_pendingOutput.isEmpty())
        Q_EMIT outputReady(std::exchange(m_pendingOutput, {}));
    if (std::exchange(m_titlePending, false))
        Q_EMIT titleChanged(m_title);
    if (std::exchange(m_bellPending, false))
        Q_EMIT bell();
    if (std::exchange(m_changed, false))
        Q_EMIT changed();
}

} // namespace ui
} // namespace onramp
