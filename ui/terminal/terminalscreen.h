#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QRect>
#include <QString>

#include <memory>

// libvterm's handles are plain C structs; declaring them here keeps <vterm.h> out of every includer.
struct VTerm;
struct VTermScreen;

namespace onramp {
namespace ui {

// One character cell as the view paints it. Colours are resolved to RGB except the terminal's
// defaults, which stay invalid so that the view can follow the application palette (dark mode).
struct TerminalCell {
    QString text; // empty: a blank cell
    int width = 1; // 2: the left half of a wide (CJK) character; 0: its right half
    QColor foreground; // invalid: the default foreground
    QColor background; // invalid: the default background
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool reverse = false;
    bool strike = false;
};

// The terminal's state: libvterm's screen (main and alternate) plus a bounded scrollback of the
// lines that scrolled off the top of the main screen. Widget-free, so that tests can drive it with
// byte sequences and read back what a person would see.
//
// Lines are addressed two ways. A *line* counts from the top of the screen: 0..rows()-1 is the
// screen, -1 the newest scrollback line, -scrollbackLines() the oldest one kept. An *absolute* line
// number never changes for the same text while it moves from the screen into the scrollback, so a
// selection or the view's position survives new output; absolute = line + historyBase().
class TerminalScreen : public QObject {
    Q_OBJECT
public:
    explicit TerminalScreen(int rows = 24, int columns = 80, QObject *parent = nullptr);
    ~TerminalScreen() override;

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    void resize(int rows, int columns);

    // Bytes from the remote program (UTF-8, escape sequences); may end in the middle of either.
    void feed(const QByteArray &bytes);
    // A hard reset: modes, screen and scrollback, as for a new session.
    void reset();

    // Input from the person, encoded for the modes the remote program has set (application cursor
    // keys, bracketed paste). The bytes come out of outputReady(). Returns false for a key the
    // terminal has no encoding for, so the caller may use it for something else.
    bool sendKey(int qtKey, Qt::KeyboardModifiers modifiers, const QString &text);
    void sendText(const QString &text);
    void paste(const QString &text);
    // Mouse reports, for programs that asked for them (mouseTracking()); 0-based cell coordinates,
    // buttons 1-3 and 4/5 for the wheel as in xterm.
    void sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers);
    void sendMouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers);

    TerminalCell cell(int line, int column) const;
    QString lineText(int line) const;
    // The text between two absolute positions (inclusive), one '\n' between lines, trailing blanks
    // of every line dropped.
    QString text(QPoint fromAbsolute, QPoint toAbsolute) const;

    int scrollbackLines() const;
    int maximumScrollback() const;
    void setMaximumScrollback(int lines);
    void clearScrollback();
    qint64 historyBase() const;

    QPoint cursorPosition() const { return m_cursor; } // x: column, y: row
    bool cursorVisible() const { return m_cursorVisible; }
    enum class CursorShape { Block, Underline, Bar };
    CursorShape cursorShape() const { return m_cursorShape; }
    bool isAltScreen() const { return m_altScreen; }
    bool mouseTracking() const { return m_mouseMode != 0; }
    bool reverseVideo() const { return m_reverseVideo; }
    QString title() const { return m_title; }

    // The 16 ANSI colours; the rest of the 256 are xterm's cube and grey ramp.
    QColor paletteColor(int index) const;
    void setAnsiColors(const QList<QColor> &colors);
    // Tango's 16 colours, tuned for a light or a dark background.
    static QList<QColor> defaultAnsiColors(bool dark);

    // Cells changed since the last call (screen coordinates); null when nothing did.
    QRect takeDamage();

Q_SIGNALS:
    // Bytes to send to the remote program: input, and answers to its queries (cursor position).
    void outputReady(const QByteArray &bytes);
    // Something visible changed: cells, cursor, scrollback or a mode. Emitted at most once per
    // feed() or input call, however many cells changed.
    void changed();
    void titleChanged(const QString &title);
    void bell();

private:
    struct Callbacks;
    struct History; // the scrollback, in libvterm's cell type

    void finish(); // after each call into libvterm: flush damage and output, then notify
    void addDamage(const QRect &cells);

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows;
    int m_columns;
    std::unique_ptr<History> m_history;
    QRect m_damage;
    QByteArray m_pendingOutput;
    bool m_changed = false;
    bool m_titlePending = false;
    bool m_bellPending = false;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    CursorShape m_cursorShape = CursorShape::Block;
    bool m_altScreen = false;
    bool m_reverseVideo = false;
    int m_mouseMode = 0;
    QString m_title;
    QList<QColor> m_ansi;
};

} // namespace ui
} // namespace onramp
