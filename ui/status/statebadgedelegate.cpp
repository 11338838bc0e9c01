#include "ui/status/statebadgedelegate.h"

#include "ui/status/jobstablemodel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QPainter>

namespace onramp {
namespace ui {

namespace {
constexpr int kPadX = 8;
constexpr int kPadY = 2;
} // namespace

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection and background

    const QPalette &pal = opt.palette;
    const Tone tone = Tone(index.data(JobsTableModel::ToneRole).toInt());
    const QColor ink = tone == Tone::Neutral ? pal.color(QPalette::WindowText) : toneColor(tone, pal);
    const QColor fill = tint(ink, pal, isDark(pal) ? 0.28 : 0.16);
    const QFontMetrics fm(opt.font);
    const int width = fm.horizontalAdvance(text) + 2 * kPadX;
    const int height = fm.height() + 2 * kPadY;
    const QRect badge(opt.rect.left() + 6, opt.rect.center().y() - height / 2 + 1,
                      qMin(width, opt.rect.width() - 8), height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(ink);
    painter->setFont(opt.font);
    // elidedText() may cut a text that horizontalAdvance() says fits: elide only what does not.
    const int room = badge.width() - 2 * kPadX;
    painter->drawText(badge, Qt::AlignCenter,
                      fm.horizontalAdvance(text) <= room ? text : fm.elidedText(text, Qt::ElideRight, room));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    // The badge, its left inset and a gap before the next column.
    size.setWidth(fm.horizontalAdvance(index.data().toString()) + 2 * kPadX + 6 + 14);
    size.setHeight(qMax(size.height(), fm.height() + 2 * kPadY + 8));
    return size;
}

} // namespace ui
} // namespace onramp
