#pragma once

#include "setup/guided/setupevidence.h"
#include "ui/theme.h"

#include <QAbstractListModel>
#include <QList>
#include <QStyledItemDelegate>

namespace onramp {
namespace ui {

// The eight steps of the guided setup with their states, for the setup sidebar.
class SetupStepModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        StepRole = Qt::UserRole + 1, // int(StepId)
        StateRole, // int(StepState)
        StateTextRole, // the state in words
        ToneRole, // int(Tone): the state's colour
    };

    explicit SetupStepModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void setState(setup::guided::StepId step, setup::guided::StepState state);
    setup::guided::StepState state(setup::guided::StepId step) const;
    void reset();
    // The interface language changed: the views re-read every step's title and state.
    void retranslate();
    QModelIndex indexOf(setup::guided::StepId step) const;
    setup::guided::StepId stepAt(const QModelIndex &index) const;

    static QString stateText(setup::guided::StepState state);
    static Tone stateTone(setup::guided::StepState state);
    static QString stateIconName(setup::guided::StepState state);

private:
    QList<setup::guided::StepState> m_states;
};

// Draws a step as its state icon, the number and title, and the state in its colour below.
class SetupStepDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ui
} // namespace onramp
