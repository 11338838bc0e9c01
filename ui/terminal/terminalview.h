#pragma once

#include "app/remote/transport.h"
#include "ui/terminal/terminalscreen.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QPoint>
#include <QPointer>
#include <QTimer>

class QMenu;

namespace onramp {
namespace ui {

// An interactive terminal on a RemoteTerminal: libvterm (TerminalScreen) decodes the program's
// bytes, this widget paints the cells and turns keys, input-method text, pastes and mouse clicks
// into bytes for the program. Output is painted in batches on a short timer, only where cells
// changed. Lines that scroll off the top stay readable above (bounded, see TerminalScreen).
class TerminalView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    // Binds to a terminal (not owned; nullptr unbinds). A new terminal starts on a clean screen.
    void setTerminal(remote::RemoteTerminal *terminal);
    remote::RemoteTerminal *terminal() const { return m_terminal; }
    // False before a terminal is bound and after it ended: keys and pastes are then ignored.
    bool acceptsInput() const { return m_acceptsInput; }

    TerminalScreen *screen() const { return m_screen; }
    int columns() const { return m_screen->columns(); }
    int rows() const { return m_screen->rows(); }
    // What the screen shows: 0..rows()-1 from the top, negative lines into the scrollback.
    QString lineText(int line) const { return m_screen->lineText(line); }
    TerminalCell cellAt(int line, int column) const { return m_screen->cell(line, column); }
    QPoint cursorPosition() const { return m_screen->cursorPosition(); }
    // Lines scrolled up from the bottom (0: following the output).
    int scrolledBack() const;
    QSizeF cellSize() const; // in pixels; the width is fractional, as the font's advance

    bool hasSelection() const { return m_hasSelection; }
    QString selectedText() const;
    // Selects between two cells given as (column, line), lines as in lineText().
    void select(QPoint from, QPoint to);
    void clearSelection();

    int zoomSteps() const { return m_zoomSteps; }
    // Screen updates painted so far (tests check that output is batched).
    int repaintBatches() const { return m_repaintBatches; }

    QSize sizeHint() const override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

public Q_SLOTS:
    void copy();
    void paste();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void clearScrollback();
    void scrollToBottom();

Q_SIGNALS:
    void selectionChanged(bool hasSelection);
    void titleChanged(const QString &title);
    // The bound terminal's program ended (the notice is already on the screen).
    void ended(const onramp::remote::ProcessResult &result);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void onScreenChanged();
    void flushRepaint();
    void onTerminalClosed(const remote::ProcessResult &result);
    void sendSize();
    void applyFont();
    void updateGrid();
    void syncScrollBar();
    int topLine() const; // the line (as in lineText()) shown in the first row
    QPoint cellAt(const QPoint &pixel) const; // (column, absolute line)
    bool isSelected(qint64 absoluteLine, int column) const;
    void setSelection(QPoint anchor, QPoint extent);
    bool forwardMouse(QMouseEvent *event, bool pressed);
    void paintRow(QPainter &painter, int row, int line);
    QMenu *buildContextMenu();

    TerminalScreen *m_screen = nullptr;
    QPointer<remote::RemoteTerminal> m_terminal;
    bool m_acceptsInput = false;

    QTimer m_repaintTimer; // coalesces screen changes into one repaint
    QTimer m_resizeTimer; // coalesces a window drag into one remote resize
    int m_repaintBatches = 0;
    qint64 m_paintedTop = 0; // absolute line in the first row at the last repaint

    QFont m_font;
    int m_zoomSteps = 0;
    qreal m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;

    bool m_follow = true; // stay at the bottom as output arrives
    qint64 m_viewTop = 0; // absolute line in the first row while scrolled back

    bool m_hasSelection = false;
    bool m_selecting = false;
    QPoint m_anchor; // (column, absolute line)
    QPoint m_extent;

    QString m_preedit; // input-method composition, drawn at the cursor until committed
    bool m_mouseForwarded = false;
};

} // namespace ui
} // namespace onramp
