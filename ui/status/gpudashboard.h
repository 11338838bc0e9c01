#pragma once

#include "setup/status/allocationstarter.h"
#include "setup/status/gpumonitor.h"
#include "setup/status/jobsmonitor.h"
#include "ui/theme.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QStackedWidget;

namespace onramp {
namespace ui {

class AllocationForm;
class GpuCard;
class GpuHistoryChart;

// The GPUs of the person's running allocation, live: one card per GPU (name, utilisation and
// memory gauges, temperature, power, processes) and the history of utilisation and memory as
// charts. Selectors pick among several running jobs, and among the nodes of a job on several
// nodes. When nvidia-smi or srun fails, the problem
// is shown in plain words. Without a running allocation it says so (and why, for a waiting job)
// and offers to start one.
class GpuDashboard : public QWidget {
    Q_OBJECT
public:
    GpuDashboard(setup::status::JobsMonitor *jobs, setup::status::GpuMonitor *gpus,
                 setup::status::AllocationStarter *starter, QWidget *parent = nullptr);
    ~GpuDashboard() override;

    QList<GpuCard *> cards() const;
    GpuHistoryChart *utilizationChart() const;
    GpuHistoryChart *memoryChart() const;
    AllocationForm *allocationForm() const;
    // True once the view shows an answer: GPU values, a problem, or that there is no allocation.
    bool hasSettled() const;

Q_SIGNALS:
    // The view went from "asking" to an answer (for screenshots and tests).
    void settled();

private:
    void onJobsChanged();
    void onGpusUpdated();
    void rebuildTargets();
    void updateEmptyState();
    void updateHeader();
    void applyTheme();

    QPointer<setup::status::JobsMonitor> m_jobs;
    QPointer<setup::status::GpuMonitor> m_gpus;
    QPointer<setup::status::AllocationStarter> m_starter;
    QPointer<QLabel> m_title;
    QPointer<QComboBox> m_target;
    QPointer<QComboBox> m_node;
    QPointer<QLabel> m_updated;
    QPointer<QWidget> m_problemBox;
    QPointer<QLabel> m_problemTitle;
    QPointer<QLabel> m_problemText;
    QPointer<QStackedWidget> m_stack;
    QPointer<QWidget> m_cardsHost;
    QGridLayout *m_cardsLayout = nullptr;
    QHash<QString, GpuCard *> m_cards;
    QPointer<GpuHistoryChart> m_utilChart;
    QPointer<GpuHistoryChart> m_memoryChart;
    QPointer<QLabel> m_emptyTitle;
    QPointer<QLabel> m_emptyText;
    QPointer<QWidget> m_emptyFormBox;
    QPointer<AllocationForm> m_form;
    bool m_settled = false;
    bool m_updatingTargets = false;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
