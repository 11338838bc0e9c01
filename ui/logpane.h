#pragma once

#include "ui/theme.h"

#include <QHash>
#include <QList>
#include <QPlainTextEdit>
#include <QPointer>
#include <QString>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace onramp {
namespace ui {

class LogTextEdit;

// A read-only, monospace view of a remote command's output, as a terminal would show it: `\r`
// rewrites the current line in place (progress bars collapse to their last state), ANSI SGR colours
// and bold are drawn, and every other escape sequence (cursor moves, titles, mode toggles) is removed.
// Producers append text as it arrives; the pane parses it at once into a queue of coloured lines and
// inserts the queue in batches on a short timer, so a flood of output never freezes the window. It
// keeps at most maximumLines() lines: older lines fall off the top (the header says so), and output
// that would have been dropped before it was ever shown is skipped with a note saying so.
// Around the view: a badge naming the machine, follow-tail, timestamps, find (Ctrl+F), copy, save.
class LogPane : public QWidget {
    Q_OBJECT
public:
    enum class Stream { Stdout, Stderr, Note };

    explicit LogPane(QWidget *parent = nullptr);
    ~LogPane() override;

    // The header's "Output" title; hidden where a frame already says it (the Output dock's title bar).
    void setTitleVisible(bool visible);

    // Which machine the output comes from ("user@host"), shown as a badge in the header.
    void setSource(const QString &source);
    QString source() const;

    // A short status in the header, e.g. "Running…" or "Exit status 0".
    void setStatus(const QString &text, Tone tone);
    QString status() const;

    void appendText(Stream stream, const QString &text);
    void appendStdout(const QString &text) { appendText(Stream::Stdout, text); }
    void appendStderr(const QString &text) { appendText(Stream::Stderr, text); }
    // One line of Onramp's own (the command being run, how it ended), on a line of its own.
    void appendNote(const QString &line);

    // Inserts everything queued now, without waiting for the timer.
    void flush();
    void clear();

    int maximumLines() const { return m_maximumLines; }
    void setMaximumLines(int lines);
    int flushIntervalMs() const { return m_flushTimer.interval(); }
    void setFlushIntervalMs(int ms) { m_flushTimer.setInterval(ms); }
    bool followTail() const;
    void setFollowTail(bool follow);

    // Each line's local arrival time in a column left of the text.
    bool showTimestamps() const;
    void setShowTimestamps(bool show);
    // When line `block` of the view first received text; invalid if it has none yet.
    QTime lineTime(int block) const;

    bool hasPendingText() const { return !m_buffer.isEmpty() || m_clearShownLine; }
    // Lines skipped because more arrived between two flushes than the pane can hold.
    qint64 skippedLines() const { return m_skippedLines; }
    // Lines shown once and then removed from the top to stay within maximumLines().
    qint64 droppedLines() const { return m_droppedLines; }
    // How many batches have been inserted (tests check that appends are batched).
    int flushCount() const { return m_flushCount; }

    // Everything the pane shows now, as plain text (no escape sequences, no timestamps).
    QString text() const;
    // What copy-all and save write: text(), each line prefixed with its time while timestamps show.
    QString exportText() const;
    QPlainTextEdit *view() const;
    bool saveToFile(const QString &path, QString *errorMessage) const;

    // The colour of ANSI palette entry 0–255 on the pane's current palette.
    QColor ansiColor(int index) const;

    // Find (Ctrl+F): a bar under the view; matches are case-insensitive and all highlighted.
    bool isFindOpen() const;
    QString findText() const;
    void setFindText(const QString &text);
    int matchCount() const { return int(m_matches.size()); }
    // Index of the selected match in [0, matchCount()), or -1.
    int currentMatch() const { return m_currentMatch; }

public Q_SLOTS:
    void copyToClipboard();
    void saveWithDialog();
    void openFind();
    void closeFind();
    void findNext();
    void findPrevious();

Q_SIGNALS:
    void flushed();
    void followTailChanged(bool follow);
    void showTimestampsChanged(bool show);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // An SGR colour: 0 = the default; kIndexed | 0–255; kRgb | 0xRRGGBB.
    using Colour = quint32;
    struct Style {
        Stream stream = Stream::Stdout;
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool inverse = false;
        Colour foreground = 0;
        Colour background = 0;
        friend bool operator==(const Style &, const Style &) = default;
        friend size_t qHash(const Style &s, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, int(s.stream), s.bold, s.italic, s.underline, s.inverse, s.foreground,
                              s.background);
        }
    };
    // Where one stream's parser is: inside an escape sequence (kept across appends) and its SGR state.
    struct Parser {
        enum Mode { Text, Escape, EscapeArgument, Csi, String, StringEscape };
        Mode mode = Text;
        QString sequence; // a CSI's parameters and final character
        qsizetype stringLength = 0; // characters swallowed by an OSC/DCS string so far
        Style style;
        int styleId = -1;
    };
    struct Run {
        qsizetype start;
        int style;
    };
    struct LineStart {
        qsizetype position; // in m_buffer, just after its '\n'
        int msecs; // local time of day its first character arrived, or -1
    };

    void parse(Parser &parser, QStringView text, int now);
    void addText(QStringView text, Parser &parser, int now);
    void newLine(Parser &parser, int now);
    void clearCurrentLine();
    void backspace();
    void finishCsi(Parser &parser);
    void applySgr(Parser &parser, QStringView parameters);
    int styleId(Parser &parser);
    int intern(const Style &style);
    QTextCharFormat formatFor(int styleId);
    QColor resolve(Colour colour) const;
    void trimPending();
    void resetPending();

    void applyTheme();
    void scrollToEnd();
    void updateFollowFromPosition();
    void updateDroppedNote();
    void refreshMatches(bool moveToNearest);
    void selectMatch(int index);
    void updateMatchHighlights();
    void updateFindCount();

    PaletteFollower *m_theme = nullptr;
    QPointer<QLabel> m_badge;
    QPointer<QLabel> m_statusLabel;
    QPointer<QLabel> m_droppedLabel;
    QPointer<LogTextEdit> m_view;
    QPointer<QToolButton> m_followButton;
    QPointer<QToolButton> m_timestampsButton;
    QPointer<QToolButton> m_findButton;
    QPointer<QToolButton> m_copyButton;
    QPointer<QToolButton> m_saveButton;
    QPointer<QToolButton> m_clearButton;
    QPointer<QWidget> m_findBar;
    QPointer<QLineEdit> m_findField;
    QPointer<QLabel> m_findCount;
    QPointer<QToolButton> m_findPreviousButton;
    QPointer<QToolButton> m_findNextButton;
    QPointer<QToolButton> m_findCloseButton;
    QTimer m_flushTimer;

    // The queue: text not yet in the view, its style runs and the lines that start inside it. Text
    // before the first '\n' continues the view's last line (replacing it if m_clearShownLine).
    QString m_buffer;
    QList<Run> m_runs;
    QList<LineStart> m_lineStarts;
    int m_headMsecs = -1; // when the continued last line got its first character
    bool m_clearShownLine = false;
    bool m_carriageReturn = false; // a '\r' waits: the next text replaces the current line
    qsizetype m_currentLineLength = 0; // characters on the current line, shown or queued
    Parser m_parsers[3];

    QList<Style> m_styles;
    QHash<Style, int> m_styleIds;
    QHash<int, QTextCharFormat> m_formats;
    QList<QColor> m_ansi16;

    qint64 m_skippedLines = 0;
    qint64 m_skippedSinceFlush = 0;
    qint64 m_droppedLines = 0;
    int m_maximumLines = 5000;
    int m_flushCount = 0;
    bool m_scrolling = false; // our own scroll, not the user's
    QString m_source;
    QString m_placeholder; // the placeholder of its own, as last translated
    Tone m_statusTone = Tone::Neutral;

    QList<qsizetype> m_matches; // start positions in the document
    int m_currentMatch = -1;
    QTextCursor m_currentMatchCursor; // follows edits, so the match survives lines dropping off the top
};

} // namespace ui
} // namespace onramp
