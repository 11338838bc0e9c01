#include "ui/terminal/terminalpane.h"

#include "ui/retranslate.h"

#include "ui/terminal/terminalview.h"
#include "ui/theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {
QToolButton *makeToolButton(QWidget *parent, const QString &objectName, const QString &text,
                            const QString &accessibleName, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setIconSize(QSize(18, 18));
    return button;
}
} // namespace

TerminalPane::TerminalPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("terminalPane"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("terminalTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    // The texts, accessible names and tooltips: set with the other texts, below.
    m_zoomOutButton = makeToolButton(this, QStringLiteral("terminalZoomOutButton"), {}, {}, {});
    m_zoomInButton = makeToolButton(this, QStringLiteral("terminalZoomInButton"), {}, {}, {});
    m_copyButton = makeToolButton(this, QStringLiteral("terminalCopyButton"), {}, {}, {});
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setEnabled(false);
    m_pasteButton = makeToolButton(this, QStringLiteral("terminalPasteButton"), {}, {}, {});
    m_clearButton = makeToolButton(this, QStringLiteral("terminalClearButton"), {}, {}, {});
    m_clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    toolbar->setSpacing(4);
    toolbar->addWidget(m_title);
    toolbar->addStretch(1);
    toolbar->addWidget(m_zoomOutButton);
    toolbar->addWidget(m_zoomInButton);
    toolbar->addWidget(m_copyButton);
    toolbar->addWidget(m_pasteButton);
    toolbar->addWidget(m_clearButton);

    m_startPanel = new QFrame(this);
    m_startPanel->setObjectName(QStringLiteral("terminalStartPanel"));
    m_startPanel->setFrameShape(QFrame::StyledPanel);
    m_startText = new QLabel(m_startPanel);
    m_startText->setObjectName(QStringLiteral("terminalStartText"));
    m_startText->setWordWrap(true);
    m_startText->setTextFormat(Qt::RichText);
    m_openButton = new QPushButton(m_startPanel);
    m_openButton->setObjectName(QStringLiteral("openTerminalButton"));
    auto *startLayout = new QHBoxLayout(m_startPanel);
    startLayout->addWidget(m_startText, 1);
    startLayout->addWidget(m_openButton);

    m_view = new TerminalView(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(toolbar);
    layout->addWidget(m_startPanel);
    layout->addWidget(m_view, 1);

    connect(m_zoomOutButton, &QToolButton::clicked, m_view, &TerminalView::zoomOut);
    connect(m_zoomInButton, &QToolButton::clicked, m_view, &TerminalView::zoomIn);
    connect(m_copyButton, &QToolButton::clicked, m_view, &TerminalView::copy);
    connect(m_pasteButton, &QToolButton::clicked, m_view, [this] {
        m_view->paste();
        m_view->setFocus(); // go on typing where the text went
    });
    connect(m_clearButton, &QToolButton::clicked, m_view, &TerminalView::clearScrollback);
    connect(m_openButton, &QPushButton::clicked, this, &TerminalPane::openRequested);
    connect(m_view, &TerminalView::selectionChanged, m_copyButton, &QToolButton::setEnabled);
    connect(m_view, &TerminalView::titleChanged, this, [this](const QString &title) {
        m_remoteTitle = title;
        updateTitle();
    });
    connect(m_view, &TerminalView::ended, this, &TerminalPane::updateState);

    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    updateState();
    bindTranslation(this, [this] {
        setAccessibleName(tr("Terminal"));
        updateTitle();
        const auto label = [](QToolButton *button, const QString &text, const QString &accessibleName,
                              const QString &toolTip) {
            button->setText(text);
            button->setAccessibleName(accessibleName);
            button->setToolTip(toolTip);
        };
        label(m_zoomOutButton, tr("A\u2212"), tr("Zoom out"), tr("Smaller text (Ctrl+-)"));
        label(m_zoomInButton, tr("A+"), tr("Zoom in"), tr("Larger text (Ctrl+=)"));
        label(m_copyButton, tr("Copy"), tr("Copy"), tr("Copy the selected text (Ctrl+Shift+C)"));
        label(m_pasteButton, tr("Paste"), tr("Paste"),
              tr("Paste the clipboard into the terminal (Ctrl+Shift+V)"));
        label(m_clearButton, tr("Clear scrollback"), tr("Clear scrollback"),
              tr("Forget the lines that scrolled off the top"));
        m_startText->setText(
            tr("Opens a shell on the login node. Type <code>%1</code> to reach a compute node, "
               "as in the guide.")
                .arg(QStringLiteral("srun --pty bash -i")));
        m_openButton->setText(tr("Open terminal"));
        m_openButton->setAccessibleName(tr("Open terminal"));
    });
}

// "Terminal", or "Terminal — <what the shell calls itself>".
void TerminalPane::updateTitle()
{
    m_title->setText(m_remoteTitle.isEmpty() ? tr("Terminal") : tr("Terminal \u2014 %1").arg(m_remoteTitle));
}

TerminalPane::~TerminalPane() = default;

void TerminalPane::setTerminal(remote::RemoteTerminal *terminal)
{
    m_view->setTerminal(terminal);
    m_remoteTitle.clear();
    updateTitle();
    updateState();
    if (terminal)
        m_view->setFocus();
}

remote::RemoteTerminal *TerminalPane::terminal() const
{
    return m_view->terminal();
}

void TerminalPane::updateState()
{
    const bool live = m_view->acceptsInput();
    m_startPanel->setVisible(!live);
    m_pasteButton->setEnabled(live);
}

void TerminalPane::applyTheme()
{
    m_copyButton->setIcon(themedIcon(QStringLiteral("copy"), palette()));
    m_clearButton->setIcon(themedIcon(QStringLiteral("clear"), palette()));
    m_openButton->setIcon(themedIcon(QStringLiteral("terminal"), palette()));
}

} // namespace ui
} // namespace onramp
