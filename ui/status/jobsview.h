#pragma once

#include "setup/status/allocationstarter.h"
#include "setup/status/jobsmonitor.h"
#include "ui/theme.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace onramp {
namespace ui {

class AllocationForm;
class JobsTableModel;

// Asks whether to cancel a job and calls `answer` exactly once (now or later). The default shows
// a window-modal question; tests answer directly.
using CancelConfirmer = std::function<void(const setup::status::JobEntry &job, QWidget *parent,
                                           std::function<void(bool cancel)> answer)>;

// The person's jobs: a table (id, name, partition, state as a coloured badge, elapsed time, nodes,
// the pending reason with its explanation) with a Cancel button per job, and the explanation of
// the selected job below. With no job, it says so and offers to start a GPU allocation.
class JobsView : public QWidget {
    Q_OBJECT
public:
    JobsView(setup::status::JobsMonitor *jobs, setup::status::AllocationStarter *starter,
             QWidget *parent = nullptr);
    ~JobsView() override;

    void setCancelConfirmer(CancelConfirmer confirmer);
    JobsTableModel *model() const { return m_model; }
    QTableView *table() const;
    AllocationForm *allocationForm() const;
    // The Cancel button of a job's row (objectName "cancelJob_<id>"), or nullptr.
    QPushButton *cancelButton(const QString &jobId) const;
    // The question of the default confirmer while it is open.
    QWidget *confirmation() const;
    // Asks, then cancels (what the row's button does).
    void requestCancel(const QString &jobId);

private:
    void onJobsChanged();
    void onProblemChanged();
    void updateHeader();
    void updateEmptyState();
    void updateButtons();
    void updateDetail();
    void showMessage(const QString &text, Tone tone, const QString &detail = {});
    // A message of Onramp's own: `text` renders it again when the interface language changes.
    void showOwnMessage(std::function<QString()> text, Tone tone);
    void applyTheme();

    QPointer<setup::status::JobsMonitor> m_jobs;
    QPointer<setup::status::AllocationStarter> m_starter;
    JobsTableModel *m_model = nullptr;
    CancelConfirmer m_confirmer;
    QPointer<QLabel> m_title;
    QPointer<QLabel> m_updated;
    QPointer<QPushButton> m_refresh;
    QPointer<QLabel> m_message;
    QPointer<QStackedWidget> m_stack;
    QPointer<QTableView> m_table;
    QPointer<QLabel> m_detailTitle;
    QPointer<QLabel> m_detail;
    QPointer<QWidget> m_detailBox;
    QPointer<QLabel> m_emptyTitle;
    QPointer<QLabel> m_emptyText;
    QPointer<QWidget> m_allocBox;
    QPointer<AllocationForm> m_form;
    QPointer<QWidget> m_confirmation;
    std::function<QString()> m_messageText;
    Tone m_messageTone = Tone::Neutral;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
