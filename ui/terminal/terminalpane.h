#pragma once

#include "app/remote/transport.h"

#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QToolButton;

namespace onramp {
namespace ui {

class PaletteFollower;
class TerminalView;

// The terminal tab: a small toolbar (zoom, copy, paste, clear scrollback) over a TerminalView.
// Without a live terminal it explains what opening one does and offers a button for it; the
// owner opens the RemoteTerminal on openRequested() and hands it over with setTerminal().
class TerminalPane : public QWidget {
    Q_OBJECT
public:
    explicit TerminalPane(QWidget *parent = nullptr);
    ~TerminalPane() override;

    // Not owned; nullptr unbinds. The view keeps showing what the last terminal printed.
    void setTerminal(remote::RemoteTerminal *terminal);
    remote::RemoteTerminal *terminal() const;
    TerminalView *view() const { return m_view; }

Q_SIGNALS:
    // The person asked for a terminal (none is bound, or the last one ended).
    void openRequested();

private:
    void updateState();
    void updateTitle();
    void applyTheme();

    TerminalView *m_view = nullptr;
    QPointer<QLabel> m_title;
    QString m_remoteTitle; // what the shell calls its window, or empty
    QPointer<QToolButton> m_zoomOutButton;
    QPointer<QToolButton> m_zoomInButton;
    QPointer<QToolButton> m_copyButton;
    QPointer<QToolButton> m_pasteButton;
    QPointer<QToolButton> m_clearButton;
    QPointer<QFrame> m_startPanel;
    QPointer<QLabel> m_startText;
    QPointer<QPushButton> m_openButton;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
