#include "ui/status/jobsview.h"

#include "ui/retranslate.h"
#include "ui/status/allocationform.h"
#include "ui/status/jobstablemodel.h"
#include "ui/status/statebadgedelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using setup::status::JobEntry;
using setup::status::JobsMonitor;

JobsView::JobsView(JobsMonitor *jobs, setup::status::AllocationStarter *starter, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_starter(starter)
{
    setObjectName(QStringLiteral("jobsView"));
    m_model = new JobsTableModel(this);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("jobsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("jobsUpdated"));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("jobsRefreshButton"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_updated, 1);
    header->addWidget(m_refresh);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("jobsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    // The table and the selected job's explanation.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 18);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(JobsTableModel::ReasonColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(JobsTableModel::StateColumn, new StateBadgeDelegate(m_table));

    m_detailBox = new QWidget(this);
    m_detailBox->setObjectName(QStringLiteral("jobDetailBox"));
    m_detailBox->setAttribute(Qt::WA_StyledBackground);
    m_detailTitle = new QLabel(m_detailBox);
    m_detailTitle->setObjectName(QStringLiteral("jobDetailTitle"));
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(m_detailBox);
    m_detail->setObjectName(QStringLiteral("jobExplanation"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *detailLayout = new QVBoxLayout(m_detailBox);
    detailLayout->setContentsMargins(14, 10, 14, 12);
    detailLayout->setSpacing(4);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detail);

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(10);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_detailBox);

    // No job at all.
    auto *emptyPage = new QWidget(this);
    emptyPage->setObjectName(QStringLiteral("jobsEmptyState"));
    m_emptyTitle = new QLabel(emptyPage);
    m_emptyTitle->setObjectName(QStringLiteral("jobsEmptyTitle"));
    m_emptyTitle->setFont(titleFont);
    m_emptyText = new QLabel(emptyPage);
    m_emptyText->setObjectName(QStringLiteral("jobsEmptyText"));
    m_emptyText->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->setContentsMargins(0, 24, 0, 0);
    emptyLayout->setSpacing(8);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("jobsStack"));
    m_stack->addWidget(emptyPage);
    m_stack->addWidget(listPage);

    // Starting an allocation, offered while the person has no GPU job.
    m_allocBox = new QFrame(this);
    m_allocBox->setObjectName(QStringLiteral("jobsAllocationBox"));
    m_allocBox->setAttribute(Qt::WA_StyledBackground);
    auto *allocTitle = new QLabel(m_allocBox);
    allocTitle->setFont(bold);
    auto *allocText = new QLabel(m_allocBox);
    allocText->setWordWrap(true);
    allocText->setObjectName(QStringLiteral("jobsAllocationText"));
    m_form = new AllocationForm(starter, m_allocBox);
    auto *allocLayout = new QVBoxLayout(m_allocBox);
    allocLayout->setContentsMargins(16, 14, 16, 16);
    allocLayout->setSpacing(8);
    allocLayout->addWidget(allocTitle);
    allocLayout->addWidget(allocText);
    allocLayout->addWidget(m_form);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_allocBox);

    setCancelConfirmer({});
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (m_jobs)
            m_jobs->pollNow();
    });
    connect(m_form, &AllocationForm::allocationChanged, this, [this] {
        if (m_jobs)
            m_jobs->pollNow();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsView::updateDetail);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsView::updateButtons);
    if (m_jobs) {
        connect(m_jobs, &JobsMonitor::jobsChanged, this, &JobsView::onJobsChanged);
        connect(m_jobs, &JobsMonitor::problemChanged, this, &JobsView::onProblemChanged);
        connect(m_jobs, &JobsMonitor::pollFinished, this, &JobsView::updateHeader);
        connect(m_jobs, &JobsMonitor::pollingChanged, this, &JobsView::updateHeader);
        connect(m_jobs, &JobsMonitor::cancelFinished, this,
                [this](const QString &jobId, const std::optional<setup::status::StatusProblem> &problem) {
                    if (problem) {
                        QString text = problem->error.message;
                        for (const cluster::Diagnosis &d : problem->diagnoses)
                            text += QLatin1Char('\n') + d.suggestion;
                        showMessage(text.trimmed(), Tone::Error, problem->error.detail);
                    } else {
                        showOwnMessage([jobId] { return tr("Job %1 was cancelled.").arg(jobId); },
                                       Tone::Success);
                    }
                    updateButtons();
                });
    }
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    onJobsChanged();
    bindTranslation(this, [=, this] {
        m_title->setText(tr("Your jobs"));
        m_refresh->setText(tr("Refresh"));
        m_refresh->setAccessibleName(m_refresh->text());
        m_table->setAccessibleName(tr("Your jobs"));
        allocTitle->setText(tr("Start a GPU allocation"));
        allocText->setText(tr("Slurm reserves GPUs on a compute node for you until the time limit. While "
                              "the allocation lasts, Onramp shows its GPUs live, and cancelling it gives "
                              "them back."));
        m_model->retranslate();
        updateEmptyState();
        updateButtons();
        updateDetail();
        updateHeader();
        if (m_messageText)
            showOwnMessage(m_messageText, m_messageTone);
    });
}

JobsView::~JobsView() = default;

QTableView *JobsView::table() const
{
    return m_table;
}

AllocationForm *JobsView::allocationForm() const
{
    return m_form;
}

QWidget *JobsView::confirmation() const
{
    return m_confirmation;
}

void JobsView::setCancelConfirmer(CancelConfirmer confirmer)
{
    if (confirmer) {
        m_confirmer = std::move(confirmer);
        return;
    }
    m_confirmer = [this](const JobEntry &job, QWidget *parent, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel job %1?").arg(job.job.id),
                                    tr("Cancel job %1 (%2)?").arg(job.job.id, job.job.name),
                                    QMessageBox::NoButton, parent);
        box->setObjectName(QStringLiteral("cancelJobConfirmation"));
        box->setInformativeText(job.isRunning()
                                    ? tr("Slurm stops everything running in it and gives its resources back. "
                                         "Unsaved work in the job is lost.")
                                    : tr("The job leaves the queue and does not start."));
        QPushButton *yes = box->addButton(tr("Cancel job"), QMessageBox::DestructiveRole);
        yes->setObjectName(QStringLiteral("confirmCancelButton"));
        QPushButton *no = box->addButton(tr("Keep it"), QMessageBox::RejectRole);
        no->setObjectName(QStringLiteral("keepJobButton"));
        box->setDefaultButton(no);
        box->setWindowModality(Qt::WindowModal);
        box->setAttribute(Qt::WA_DeleteOnClose);
        m_confirmation = box;
        connect(box, &QMessageBox::finished, this,
                [box, yes, answer = std::move(answer)] { answer(box->clickedButton() == yes); });
        box->open();
    };
}

QPushButton *JobsView::cancelButton(const QString &jobId) const
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return nullptr;
    return qobject_cast<QPushButton *>(
        m_table->indexWidget(m_model->index(row, JobsTableModel::ActionColumn)));
}

void JobsView::requestCancel(const QString &jobId)
{
    if (!m_jobs)
        return;
    const std::optional<JobEntry> job = m_jobs->job(jobId);
    if (!job)
        return;
    QPointer<JobsView> self = this;
    m_confirmer(*job, window(), [self, jobId](bool cancel) {
        if (!self || !cancel || !self->m_jobs)
            return;
        const Status started = self->m_jobs->cancelJob(jobId);
        if (!started)
            self->showMessage(started.error().message, Tone::Error);
        else
            self->showOwnMessage([jobId] { return tr("Cancelling job %1…").arg(jobId); }, Tone::Busy);
        self->updateButtons();
    });
}

void JobsView::onJobsChanged()
{
    const QList<JobEntry> jobs = m_jobs ? m_jobs->jobs() : QList<JobEntry>();
    const QString selected = m_table->currentIndex().isValid()
        ? m_model->data(m_model->index(m_table->currentIndex().row(), 0), JobsTableModel::JobIdRole)
              .toString()
        : QString();
    m_model->setJobs(jobs);
    updateButtons();
    const bool snapshot = m_jobs && m_jobs->hasSnapshot();
    if (jobs.isEmpty()) {
        m_stack->setCurrentIndex(0);
        updateEmptyState();
    } else {
        m_stack->setCurrentIndex(1);
        if (!m_table->currentIndex().isValid() || m_model->rowOf(selected) < 0) {
            // Select what most needs explaining: a waiting job first, else the first job.
            int row = 0;
            for (int i = 0; i < jobs.size(); ++i) {
                if (jobs.at(i).explanation) {
                    row = i;
                    break;
                }
            }
            m_table->selectRow(row);
        }
    }
    bool hasGpuJob = false;
    for (const JobEntry &job : jobs)
        hasGpuJob = hasGpuJob || (cluster::isActive(job.job.state) && job.job.gpus() > 0);
    const bool waiting = m_starter && m_starter->isRunning();
    m_allocBox->setVisible(snapshot && (!hasGpuJob || waiting));
    updateDetail();
    updateHeader();
}

// The texts of the page shown while there is no job.
void JobsView::updateEmptyState()
{
    if (m_jobs && m_jobs->hasSnapshot()) {
        m_emptyTitle->setText(tr("You have no jobs on the cluster right now."));
        m_emptyText->setText(tr("Nothing of yours is running or waiting in Slurm's queue. To work on a GPU, "
                                "start an allocation below; it appears here while Slurm finds room for it, "
                                "then runs until its time limit or until you cancel it."));
    } else {
        m_emptyTitle->setText(tr("Your jobs appear here once Onramp is connected."));
        m_emptyText->setText(
            tr("Connect to the cluster's login node: Onramp then lists your Slurm jobs every "
               "few seconds over the same connection."));
    }
}

void JobsView::onProblemChanged()
{
    if (m_jobs && m_jobs->problem()) {
        const setup::status::StatusProblem &p = *m_jobs->problem();
        QString text = p.error.message;
        for (const cluster::Diagnosis &d : p.diagnoses)
            text += QLatin1Char('\n') + d.suggestion;
        showMessage(text.trimmed(), Tone::Error, p.error.detail);
    } else if (m_messageTone == Tone::Error) {
        showMessage({}, Tone::Neutral);
    }
}

void JobsView::updateHeader()
{
    if (!m_jobs)
        return;
    const int seconds = qMax(1, m_jobs->intervalMs() / 1000);
    if (!m_jobs->isPolling()) {
        m_updated->setText(m_jobs->transport() && m_jobs->hasSnapshot()
                               ? tr("Paused: updates resume when this view is open and Onramp is connected.")
                               : tr("Not connected."));
    } else if (m_jobs->lastPollAt().isValid()) {
        m_updated->setText(
            tr("Updated at %1 · every %n second(s)", nullptr, seconds)
                .arg(QLocale().toString(m_jobs->lastPollAt().toLocalTime().time(), QLocale::ShortFormat)));
    } else {
        m_updated->setText(tr("Asking Slurm for your jobs…"));
    }
}

void JobsView::updateButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, JobsTableModel::ActionColumn);
        const JobEntry &job = m_model->jobs().at(row);
        auto *button = qobject_cast<QPushButton *>(m_table->indexWidget(index));
        if (!button) {
            button = new QPushButton(tr("Cancel"), m_table);
            const QString id = job.job.id;
            button->setObjectName(QStringLiteral("cancelJob_") + id);
            connect(button, &QPushButton::clicked, this, [this, id] { requestCancel(id); });
            m_table->setIndexWidget(index, button);
        }
        const bool cancellable = cluster::isActive(job.job.state);
        const bool cancelling = m_jobs && m_jobs->isCancelling(job.job.id);
        button->setEnabled(cancellable && !cancelling);
        button->setText(cancelling ? tr("Cancelling…") : tr("Cancel"));
        button->setToolTip(tr("Cancel job %1").arg(job.job.id));
        button->setAccessibleName(tr("Cancel job %1").arg(job.job.id));
    }
}

void JobsView::updateDetail()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const int row = !rows.isEmpty() ? rows.first().row() : current.row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_detailBox->hide();
        return;
    }
    const JobEntry &job = m_model->jobs().at(row);
    m_detailBox->show();
    if (job.explanation) {
        m_detailTitle->setText(tr("Job %1: %2").arg(job.job.id, job.explanation->summary));
        m_detail->setText(job.explanation->suggestion);
        m_detail->setToolTip(job.explanation->evidence);
    } else if (job.isRunning()) {
        m_detailTitle->setText(tr("Job %1 is running on %2.").arg(job.job.id, job.job.nodeList));
        m_detail->setText(job.job.gpus() > 0 ? tr("Its %n GPU(s) are shown live in the GPU view.", nullptr,
                                                  int(job.job.gpus()))
                                             : tr("It has no GPU."));
        m_detail->setToolTip({});
    } else {
        m_detailTitle->setText(tr("Job %1: %2").arg(job.job.id, cluster::jobStateLabel(job.job.state)));
        m_detail->setText({});
        m_detail->setToolTip({});
    }
    m_detail->setVisible(!m_detail->text().isEmpty());
}

void JobsView::showOwnMessage(std::function<QString()> text, Tone tone)
{
    showMessage(text(), tone);
    m_messageText = std::move(text);
}

void JobsView::showMessage(const QString &text, Tone tone, const QString &detail)
{
    m_messageText = nullptr;
    m_messageTone = tone;
    m_message->setText(text);
    m_message->setToolTip(detail);
    m_message->setVisible(!text.isEmpty());
    applyTheme();
}

void JobsView::applyTheme()
{
    const QPalette pal = palette();
    const QColor muted = pal.color(QPalette::Disabled, QPalette::WindowText);
    const QColor face = isDark(pal) ? pal.color(QPalette::Base).lighter(115) : pal.color(QPalette::Base);
    const QColor ink
        = m_messageTone == Tone::Neutral ? pal.color(QPalette::WindowText) : toneColor(m_messageTone, pal);
    m_updated->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_emptyText->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_message->setStyleSheet(
        QStringLiteral("QLabel { color: %1; background: %2; border-radius: 6px; padding: 8px 12px; }")
            .arg(ink.name(), tint(ink, pal, 0.12).name()));
    m_detailBox->setStyleSheet(QStringLiteral("QWidget#jobDetailBox { background: %1; border: 1px solid %2; "
                                              "border-radius: 8px; }")
                                   .arg(face.name(), pal.color(QPalette::Mid).name()));
    m_allocBox->setStyleSheet(
        QStringLiteral("QFrame#jobsAllocationBox { background: %1; border: 1px solid %2; "
                       "border-radius: 8px; }")
            .arg(face.name(), pal.color(QPalette::Mid).name()));
}

} // namespace ui
} // namespace onramp
