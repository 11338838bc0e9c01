#include "ui/statusindicator.h"

#include "ui/theme.h"

#include <QPainter>

namespace onramp {
namespace ui {

StatusIndicator::StatusIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stateIndicator"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusIndicator::setState(remote::ConnectionState state)
{
    m_state = state;
    setToolTip(remote::describe(state));
    update();
}

QColor StatusIndicator::color() const
{
    switch (m_state) {
    case remote::ConnectionState::Disconnected:
        return toneColor(Tone::Neutral, palette());
    case remote::ConnectionState::Connecting:
    case remote::ConnectionState::VerifyingHostKey:
    case remote::ConnectionState::Authenticating:
    case remote::ConnectionState::Reconnecting:
        return toneColor(Tone::Busy, palette());
    case remote::ConnectionState::Connected:
        return toneColor(Tone::Success, palette());
    case remote::ConnectionState::Failed:
    case remote::ConnectionState::Lost:
        return toneColor(Tone::Error, palette());
    }
    return toneColor(Tone::Neutral, palette());
}

QSize StatusIndicator::sizeHint() const
{
    const int side = fontMetrics().height();
    return {side, side};
}

void StatusIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal d = qMin(width(), height()) * 0.6;
    const QRectF dot((width() - d) / 2.0, (height() - d) / 2.0, d, d);
    const QColor c = color();
    QColor halo = c;
    halo.setAlphaF(0.25f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(halo);
    painter.drawEllipse(dot.adjusted(-2, -2, 2, 2));
    painter.setBrush(c);
    painter.drawEllipse(dot);
}

} // namespace ui
} // namespace onramp
