#pragma once

#include "cluster/slurm/slurmcommands.h"
#include "setup/status/allocationstarter.h"
#include "ui/theme.h"

#include <QFrame>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace onramp {
namespace ui {

// "Start a GPU allocation": partition, number of GPUs and time limit, and a button. It drives an
// AllocationStarter and says what happens (waiting and why, granted, refused and why). The same
// starter may back several forms (the GPU and jobs views); each shows its state.
class AllocationForm : public QFrame {
    Q_OBJECT
public:
    AllocationForm(setup::status::AllocationStarter *starter, QWidget *parent = nullptr);

    // The request as the fields say now (not validated).
    cluster::AllocationRequest request() const;
    void setPartitions(const QStringList &partitions);

    QPushButton *startButton() const;
    QString statusText() const;

Q_SIGNALS:
    // salloc named the job, or returned: the job list should be refreshed now.
    void allocationChanged();

private:
    void submit();
    void refresh();
    void showStatus(const QString &text, Tone tone);
    // A status of Onramp's own: `text` renders it again when the interface language changes.
    void showOwnStatus(std::function<QString()> text, Tone tone);
    void applyTheme();

    QPointer<setup::status::AllocationStarter> m_starter;
    QPointer<QComboBox> m_partition;
    QPointer<QSpinBox> m_gpus;
    QPointer<QLineEdit> m_time;
    QPointer<QPushButton> m_start;
    QPointer<QPushButton> m_abandon;
    QPointer<QLabel> m_status;
    std::function<QString()> m_statusText;
    Tone m_tone = Tone::Neutral;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
