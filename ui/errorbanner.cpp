#include "ui/errorbanner.h"

#include "ui/retranslate.h"

#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

ErrorBanner::ErrorBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::NoFrame);
    setAttribute(Qt::WA_StyledBackground);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("errorIcon"));
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("errorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("errorDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setFont(monospaceFont());
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->hide();

    m_detailToggle = new QPushButton(this);
    m_detailToggle->setObjectName(QStringLiteral("errorDetailToggle"));
    m_detailToggle->setFlat(true);
    m_detailToggle->setCheckable(true);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("copyErrorButton"));
    m_copy->setFlat(true);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("dismissErrorButton"));
    m_close->setAutoRaise(true);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    buttons->addWidget(m_detailToggle);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);

    auto *text = new QVBoxLayout;
    text->setContentsMargins(0, 0, 0, 0);
    text->setSpacing(4);
    text->addWidget(m_title);
    text->addWidget(m_message);
    text->addWidget(m_detail);
    text->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_detailToggle, &QPushButton::toggled, this, &ErrorBanner::setDetailVisible);
    connect(m_copy, &QPushButton::clicked, this, &ErrorBanner::copyDetails);
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);

    setDetailVisible(false);
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    hide();
    // The title and the message are the caller's: it sets them again.
    bindTranslation(this, [this] {
        m_copy->setText(tr("Copy details"));
        m_copy->setAccessibleName(m_copy->text());
        m_copy->setToolTip(
            tr("Copy the message and the technical details, e.g. for your cluster's helpdesk"));
        m_close->setToolTip(tr("Dismiss"));
        m_close->setAccessibleName(tr("Dismiss"));
        setDetailVisible(m_detailToggle->isChecked());
    });
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showError(const QString &title, const Error &error)
{
    m_error = error;
    m_title->setText(title);
    m_message->setText(error.message);
    m_message->setVisible(!error.message.isEmpty());
    m_detail->setText(error.detail);
    m_detailToggle->setVisible(!error.detail.isEmpty());
    m_detailToggle->setChecked(false);
    setDetailVisible(false);
    show();
}

void ErrorBanner::dismiss()
{
    if (isHidden())
        return;
    hide();
    Q_EMIT dismissed();
}

QString ErrorBanner::title() const
{
    return m_title->text();
}

QString ErrorBanner::message() const
{
    return m_error.message;
}

QString ErrorBanner::detail() const
{
    return m_error.detail;
}

QString ErrorBanner::detailsText() const
{
    QString text = m_title->text();
    if (!m_error.message.isEmpty())
        text += QStringLiteral("\n\n") + m_error.message;
    if (!m_error.detail.isEmpty())
        text += QStringLiteral("\n\n") + tr("Technical details: %1").arg(m_error.detail);
    return text;
}

void ErrorBanner::copyDetails()
{
    QApplication::clipboard()->setText(detailsText());
}

void ErrorBanner::setDetailVisible(bool visible)
{
    m_detail->setVisible(visible && !m_error.detail.isEmpty());
    m_detailToggle->setText(visible ? tr("Hide details") : tr("Show details"));
    m_detailToggle->setAccessibleName(m_detailToggle->text());
}

void ErrorBanner::applyTheme()
{
    const QPalette pal = palette();
    const QColor error = toneColor(Tone::Error, pal);
    setStyleSheet(
        QStringLiteral("QFrame#errorBanner { background: %1; border: 1px solid %2; border-radius: 8px; }"
                       "QLabel#errorTitle { color: %3; }"
                       "QLabel#errorDetail { color: %4; }")
            .arg(tint(error, pal, 0.10).name(), tint(error, pal, 0.55).name(), error.name(),
                 pal.color(QPalette::Disabled, QPalette::WindowText).name()));
    m_icon->setPixmap(themedIcon(QStringLiteral("error"), pal, error).pixmap(QSize(22, 22)));
    m_close->setIcon(themedIcon(QStringLiteral("close"), pal));
    m_copy->setIcon(themedIcon(QStringLiteral("copy"), pal));
}

} // namespace ui
} // namespace onramp
