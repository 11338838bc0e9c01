#pragma once

#include "ui/theme.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

class QLabel;
#include <QPlainTextEdit>
class QToolButton;

namespace onramp {
namespace ui {

// A read-only, monospace view of a remote command's output. Producers append text as it arrives;
// the pane queues it and inserts it in batches on a short timer, so a flood of output never
// freezes the window. It keeps at most maximumLines() lines: older lines fall off the top, and
// output that would have been dropped before it was ever shown is skipped with a note saying so.
class LogPane : public QWidget {
    Q_OBJECT
public:
    enum class Stream { Stdout, Stderr, Note };

    explicit LogPane(QWidget *parent = nullptr);
    ~LogPane() override;

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

    bool hasPendingText() const { return !m_pending.isEmpty(); }
    // Lines skipped because more arrived between two flushes than the pane can hold.
    qint64 skippedLines() const { return m_skippedLines; }
    // How many batches have been inserted (tests check that appends are batched).
    int flushCount() const { return m_flushCount; }

    // Everything the pane shows now, as plain text.
    QString text() const;
    QPlainTextEdit *view() const { return m_view; }
    bool saveToFile(const QString &path, QString *errorMessage) const;

public Q_SLOTS:
    void copyToClipboard();
    void saveWithDialog();

Q_SIGNALS:
    void flushed();
    void followTailChanged(bool follow);

protected:
private:
    struct Chunk {
        Stream stream;
        QString text;
    };

    void trimPending();
    void applyTheme();
    PaletteFollower *m_theme = nullptr;
    void scrollToEnd();

    QPointer<QLabel> m_badge;
    QPointer<QLabel> m_statusLabel;
    QPointer<QPlainTextEdit> m_view;
    QPointer<QToolButton> m_followButton;
    QPointer<QToolButton> m_copyButton;
    QPointer<QToolButton> m_saveButton;
    QPointer<QToolButton> m_clearButton;
    QTimer m_flushTimer;
    QList<Chunk> m_pending;
    qsizetype m_pendingLines = 0; // '\n' characters in m_pending
    qint64 m_skippedLines = 0;
    qint64 m_skippedSinceFlush = 0;
    int m_maximumLines = 5000;
    int m_flushCount = 0;
    bool m_atLineStart = true; // after everything appended so far, including pending text
    QString m_source;
    Tone m_statusTone = Tone::Neutral;
};

} // namespace ui
} // namespace onramp
