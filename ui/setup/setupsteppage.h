#pragma once

#include "setup/guided/setupevidence.h"
#include "ui/logpane.h"
#include "ui/setup/diagnosisview.h"
#include "ui/setup/terminalcard.h"

#include <QLabel>
#include <QPointer>
#include <QWidget>

class QScrollArea;
class QVBoxLayout;

namespace onramp {
namespace ui {

// One step of the guided setup: what it does and why (in the guide's terms), its options, the plan
// review or question when the step waits for the person, its checks, a terminal card of the step as
// the guide pictures it, and the live log of what ran.
class SetupStepPage : public QWidget {
    Q_OBJECT
public:
    SetupStepPage(setup::guided::StepId step, QWidget *parent = nullptr);

    setup::guided::StepId step() const { return m_step; }
    void setState(setup::guided::StepState state);
    void setChecks(const QList<setup::guided::CheckResult> &checks);
    // Shows a widget (options, the plan review, a question) in the page; the page does not own it
    // beyond Qt's parenting.
    void addOptions(QWidget *options);
    void showInReviewSlot(QWidget *widget);
    void scrollToTop();
    // Brings a widget of the page (the plan review) to the top of the visible part.
    void scrollTo(QWidget *widget);
    // Shows as much of the terminal card as fits, its end (the answer) included.
    void scrollToCard();

    static QString explanation(setup::guided::StepId step);

    QLabel *stateLabel() const { return m_state; }
    QLabel *checksLabel() const { return m_checks; }
    DiagnosisView *diagnosis() const { return m_diagnosis; }
    TerminalCard *card() const { return m_card; }
    LogPane *log() const { return m_log; }

private:
    void applyTheme();

    setup::guided::StepId m_step;
    setup::guided::StepState m_stateValue = setup::guided::StepState::Pending;
    QPointer<QScrollArea> m_scroll;
    QPointer<QLabel> m_number;
    QPointer<QLabel> m_state;
    QPointer<QLabel> m_checks;
    QPointer<QVBoxLayout> m_options;
    QPointer<QVBoxLayout> m_reviewSlot;
    QPointer<DiagnosisView> m_diagnosis;
    QPointer<TerminalCard> m_card;
    QPointer<LogPane> m_log;
};

} // namespace ui
} // namespace onramp
