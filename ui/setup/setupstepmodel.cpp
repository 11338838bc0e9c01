#include "ui/setup/setupstepmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

namespace onramp {
namespace ui {

using setup::guided::StepId;
using setup::guided::StepState;

SetupStepModel::SetupStepModel(QObject *parent) : QAbstractListModel(parent)
{
    reset();
}

int SetupStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_states.size());
}

QVariant SetupStepModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_states.size())
        return {};
    const StepId step = stepAt(index);
    const StepState state = m_states.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1. %2").arg(int(step)).arg(setup::guided::stepTitle(step));
    case Qt::ToolTipRole:
    case StateTextRole:
        return stateText(state);
    case Qt::AccessibleTextRole:
        return tr("Step %1 of %2: %3, %4")
            .arg(int(step))
            .arg(m_states.size())
            .arg(setup::guided::stepTitle(step), stateText(state));
    case StepRole:
        return int(step);
    case StateRole:
        return int(state);
    case ToneRole:
        return int(stateTone(state));
    default:
        return {};
    }
}

void SetupStepModel::setState(StepId step, StepState state)
{
    const QModelIndex at = indexOf(step);
    if (!at.isValid() || m_states.at(at.row()) == state)
        return;
    m_states[at.row()] = state;
    Q_EMIT dataChanged(at, at);
}

StepState SetupStepModel::state(StepId step) const
{
    const QModelIndex at = indexOf(step);
    return at.isValid() ? m_states.at(at.row()) : StepState::Pending;
}

void SetupStepModel::reset()
{
    beginResetModel();
    m_states = QList<StepState>(setup::guided::allSteps().size(), StepState::Pending);
    endResetModel();
}

void SetupStepModel::retranslate()
{
    if (!m_states.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_states.size()) - 1));
}

QModelIndex SetupStepModel::indexOf(StepId step) const
{
    const int row = int(setup::guided::allSteps().indexOf(step));
    return row < 0 ? QModelIndex() : index(row);
}

StepId SetupStepModel::stepAt(const QModelIndex &index) const
{
    return setup::guided::allSteps().value(index.row(), StepId::Identify);
}

QString SetupStepModel::stateText(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return tr("Not started");
    case StepState::Running:
        return tr("Running…");
    case StepState::WaitingForPerson:
        return tr("Needs you");
    case StepState::Done:
        return tr("Done");
    case StepState::Reused:
        return tr("Already done, reused");
    case StepState::Skipped:
        return tr("Skipped");
    case StepState::Blocked:
        return tr("Blocked");
    case StepState::Failed:
        return tr("Failed");
    case StepState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

Tone SetupStepModel::stateTone(StepState state)
{
    switch (state) {
    case StepState::Running:
    case StepState::WaitingForPerson:
        return Tone::Busy;
    case StepState::Done:
    case StepState::Reused:
        return Tone::Success;
    case StepState::Blocked:
    case StepState::Failed:
        return Tone::Error;
    default:
        return Tone::Neutral;
    }
}

QString SetupStepModel::stateIconName(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QStringLiteral("step-pending");
    case StepState::Running:
        return QStringLiteral("step-running");
    case StepState::WaitingForPerson:
        return QStringLiteral("step-waiting");
    case StepState::Done:
        return QStringLiteral("step-done");
    case StepState::Reused:
        return QStringLiteral("step-reused");
    case StepState::Skipped:
    case StepState::Cancelled:
        return QStringLiteral("step-skipped");
    case StepState::Blocked:
        return QStringLiteral("step-blocked");
    case StepState::Failed:
        return QStringLiteral("step-failed");
    }
    return {};
}

void SetupStepDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const auto state = StepState(index.data(SetupStepModel::StateRole).toInt());
    const QColor tone = toneColor(Tone(index.data(SetupStepModel::ToneRole).toInt()), pal);
    const QRect r = opt.rect.adjusted(10, 6, -8, -6);
    const int iconSize = 20;
    const QColor iconColor = selected ? pal.color(QPalette::HighlightedText) : tone;
    const QIcon icon = themedIcon(SetupStepModel::stateIconName(state), pal, iconColor);
    icon.paint(painter, QRect(r.left(), r.top() + 1, iconSize, iconSize));

    painter->save();
    const QRect text = r.adjusted(iconSize + 10, 0, 0, 0);
    QFont bold = opt.font;
    bold.setBold(state == StepState::Running || state == StepState::WaitingForPerson);
    painter->setFont(bold);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    // Long titles wrap onto a second line instead of being cut off.
    const QRect titleRect = QFontMetrics(bold).boundingRect(
        QRect(text.left(), text.top(), text.width(), 1000), Qt::TextWordWrap, title);
    painter->drawText(titleRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, title);
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : tone);
    painter->drawText(text.left(), titleRect.bottom() + 2, text.width(), QFontMetrics(small).height(),
                      Qt::AlignLeft | Qt::AlignVCenter, index.data(SetupStepModel::StateTextRole).toString());
    painter->restore();
}

QSize SetupStepDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : 200;
    QFont bold = option.font;
    bold.setBold(true); // the widest the title gets (a running step)
    const QRect title = QFontMetrics(bold).boundingRect(
        QRect(0, 0, qMax(40, width - 48), 1000), Qt::TextWordWrap, index.data(Qt::DisplayRole).toString());
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    return {width, title.height() + QFontMetrics(small).height() + 16};
}

} // namespace ui
} // namespace onramp
