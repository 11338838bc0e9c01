#include "ui/status/meterbar.h"

#include "ui/theme.h"

#include <QPainter>
#include <QPainterPath>

namespace onramp {
namespace ui {

MeterBar::MeterBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void MeterBar::setValue(std::optional<double> percent, const QString &text)
{
    if (percent)
        percent = qBound(0.0, *percent, 100.0);
    if (percent == m_percent && text == m_text)
        return;
    m_percent = percent;
    m_text = text;
    setToolTip(text);
    setAccessibleDescription(text);
    update();
}

QSize MeterBar::sizeHint() const
{
    return {200, qMax(10, fontMetrics().height() / 2 + 2)};
}

QSize MeterBar::minimumSizeHint() const
{
    return {60, sizeHint().height()};
}

void MeterBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRectF track = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = track.height() / 2;
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint(pal.color(QPalette::WindowText), pal, 0.12));
    painter.drawRoundedRect(track, radius, radius);
    if (!m_percent || *m_percent <= 0)
        return;
    QRectF filled = track;
    filled.setWidth(qMax(track.height(), track.width() * *m_percent / 100.0));
    const QColor accent
        = *m_percent > m_warnAbove ? toneColor(Tone::Busy, pal) : pal.color(QPalette::Highlight);
    painter.setBrush(accent);
    painter.drawRoundedRect(filled, radius, radius);
}

} // namespace ui
} // namespace onramp
