#include "ui/theme.h"

#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QSvgRenderer>
#include <QWidget>

namespace onramp {
namespace ui {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.45;
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Neutral:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case Tone::Busy:
        return dark ? QColor(0xf5, 0xb9, 0x42) : QColor(0xb4, 0x6a, 0x00);
    case Tone::Success:
        return dark ? QColor(0x5c, 0xd1, 0x7e) : QColor(0x1e, 0x7e, 0x34);
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    }
    return palette.color(QPalette::WindowText);
}

QColor tint(const QColor &color, const QPalette &palette, qreal amount)
{
    const QColor base = palette.color(QPalette::Window);
    const auto mix = [amount](float a, float b) { return a * (1.0f - float(amount)) + b * float(amount); };
    return QColor::fromRgbF(mix(base.redF(), color.redF()), mix(base.greenF(), color.greenF()),
                            mix(base.blueF(), color.blueF()));
}

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::TypeWriter);
    const QFont normal;
    if (normal.pointSizeF() > 0)
        font.setPointSizeF(normal.pointSizeF());
    return font;
}

QIcon themedIcon(const QString &name, const QPalette &palette, const QColor &color)
{
    QFile file(QStringLiteral(":/onramp/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    const QColor ink = color.isValid() ? color : palette.color(QPalette::WindowText);
    svg.replace("currentColor", ink.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 48}) {
        for (const qreal dpr : {1.0, 2.0}) {
            QPixmap pixmap(QSize(size, size) * dpr);
            pixmap.fill(Qt::transparent);
            {
                QPainter painter(&pixmap);
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.render(&painter);
            }
            pixmap.setDevicePixelRatio(dpr);
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

PaletteFollower::PaletteFollower(QWidget *widget, std::function<void()> apply)
    : QObject(widget), m_apply(std::move(apply))
{
    widget->installEventFilter(this);
    this->apply();
}

void PaletteFollower::apply()
{
    if (m_applying)
        return;
    const QScopedValueRollback guard(m_applying, true);
    m_apply();
}

bool PaletteFollower::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        apply();
    return QObject::eventFilter(watched, event);
}

} // namespace ui
} // namespace onramp
