#pragma once

#include <QStyledItemDelegate>

namespace onramp {
namespace ui {

// Draws a job's state as a rounded, coloured badge (JobsTableModel::ToneRole picks the colour).
class StateBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ui
} // namespace onramp
