#include "ui/status/gpudashboard.h"

#include "ui/retranslate.h"
#include "ui/status/allocationform.h"
#include "ui/status/gpucard.h"
#include "ui/status/gpuhistorychart.h"

#include "setup/status/hostlist.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using setup::status::GpuMonitor;
using setup::status::GpuTarget;
using setup::status::JobEntry;
using setup::status::JobsMonitor;

namespace {
enum Page { EmptyPage, GpusPage };
} // namespace

GpuDashboard::GpuDashboard(JobsMonitor *jobs, GpuMonitor *gpus, setup::status::AllocationStarter *starter,
                           QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_gpus(gpus), m_starter(starter)
{
    setObjectName(QStringLiteral("gpuDashboard"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("gpuDashboardTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("gpuTargetCombo"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_node = new QComboBox(this);
    m_node->setObjectName(QStringLiteral("gpuNodeCombo"));
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_node->hide();
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("gpuUpdated"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_target);
    header->addWidget(m_node);
    header->addSpacing(12);
    header->addWidget(m_updated, 1);

    m_problemBox = new QWidget(this);
    m_problemBox->setObjectName(QStringLiteral("gpuProblem"));
    m_problemBox->setAttribute(Qt::WA_StyledBackground);
    m_problemTitle = new QLabel(m_problemBox);
    m_problemTitle->setObjectName(QStringLiteral("gpuProblemTitle"));
    m_problemTitle->setWordWrap(true);
    QFont bold = m_problemTitle->font();
    bold.setBold(true);
    m_problemTitle->setFont(bold);
    m_problemText = new QLabel(m_problemBox);
    m_problemText->setObjectName(QStringLiteral("gpuProblemText"));
    m_problemText->setWordWrap(true);
    m_problemText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *problemLayout = new QVBoxLayout(m_problemBox);
    problemLayout->setContentsMargins(14, 10, 14, 10);
    problemLayout->setSpacing(4);
    problemLayout->addWidget(m_problemTitle);
    problemLayout->addWidget(m_problemText);
    m_problemBox->hide();

    // GPUs: cards above, history charts below.
    m_cardsHost = new QWidget(this);
    m_cardsHost->setObjectName(QStringLiteral("gpuCards"));
    m_cardsLayout = new QGridLayout(m_cardsHost);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->setSpacing(12);
    m_utilChart = new GpuHistoryChart(GpuHistoryChart::Measure::Utilization, this);
    m_memoryChart = new GpuHistoryChart(GpuHistoryChart::Measure::Memory, this);
    auto *charts = new QHBoxLayout;
    charts->setSpacing(12);
    charts->addWidget(m_utilChart);
    charts->addWidget(m_memoryChart);
    auto *gpusPage = new QWidget(this);
    auto *gpusLayout = new QVBoxLayout(gpusPage);
    gpusLayout->setContentsMargins(0, 0, 0, 0);
    gpusLayout->setSpacing(12);
    gpusLayout->addWidget(m_cardsHost);
    gpusLayout->addLayout(charts, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("gpuScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(gpusPage);

    // No allocation.
    auto *emptyPage = new QWidget(this);
    emptyPage->setObjectName(QStringLiteral("gpuEmptyState"));
    m_emptyTitle = new QLabel(emptyPage);
    m_emptyTitle->setObjectName(QStringLiteral("gpuEmptyTitle"));
    m_emptyTitle->setFont(titleFont);
    m_emptyTitle->setWordWrap(true);
    m_emptyText = new QLabel(emptyPage);
    m_emptyText->setObjectName(QStringLiteral("gpuEmptyText"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyFormBox = new QFrame(emptyPage);
    m_emptyFormBox->setObjectName(QStringLiteral("gpuAllocationBox"));
    m_emptyFormBox->setAttribute(Qt::WA_StyledBackground);
    auto *formTitle = new QLabel(m_emptyFormBox);
    formTitle->setFont(bold);
    m_form = new AllocationForm(starter, m_emptyFormBox);
    auto *formLayout = new QVBoxLayout(m_emptyFormBox);
    formLayout->setContentsMargins(16, 14, 16, 16);
    formLayout->setSpacing(8);
    formLayout->addWidget(formTitle);
    formLayout->addWidget(m_form);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->setContentsMargins(0, 24, 0, 0);
    emptyLayout->setSpacing(10);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(m_emptyFormBox, 0, Qt::AlignLeft);
    emptyLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("gpuStack"));
    m_stack->insertWidget(EmptyPage, emptyPage);
    m_stack->insertWidget(GpusPage, scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_problemBox);
    layout->addWidget(m_stack, 1);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updatingTargets || !m_gpus || index < 0)
            return;
        const QString jobId = m_target->itemData(index).toString();
        const std::optional<JobEntry> job = m_jobs ? m_jobs->job(jobId) : std::nullopt;
        m_gpus->setTarget(GpuTarget {jobId, {}, job ? int(job->job.gpus()) : -1});
    });
    connect(m_node, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updatingTargets || !m_gpus || index < 0)
            return;
        GpuTarget target = m_gpus->target();
        target.node = m_node->itemText(index);
        m_gpus->setTarget(target);
    });
    connect(m_form, &AllocationForm::allocationChanged, this, [this] {
        if (m_jobs)
            m_jobs->pollNow();
    });
    if (m_jobs) {
        connect(m_jobs, &JobsMonitor::jobsChanged, this, &GpuDashboard::onJobsChanged);
        connect(m_jobs, &JobsMonitor::pollingChanged, this, &GpuDashboard::updateEmptyState);
    }
    if (m_gpus) {
        connect(m_gpus, &GpuMonitor::updated, this, &GpuDashboard::onGpusUpdated);
        connect(m_gpus, &GpuMonitor::targetChanged, this, &GpuDashboard::rebuildTargets);
        connect(m_gpus, &GpuMonitor::pollingChanged, this, &GpuDashboard::updateHeader);
    }
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    onJobsChanged();
    onGpusUpdated();
    bindTranslation(this, [=, this] {
        m_title->setText(tr("GPUs"));
        m_target->setToolTip(tr("The allocation whose GPUs are shown"));
        m_target->setAccessibleName(tr("The allocation whose GPUs are shown"));
        m_node->setToolTip(tr("The node of the allocation whose GPUs are shown"));
        m_node->setAccessibleName(tr("The node of the allocation whose GPUs are shown"));
        formTitle->setText(tr("Start a GPU allocation"));
        // The job labels are translated: rebuilt, the shown job stays chosen (m_updatingTargets
        // and the blockers keep the monitor's target as it is).
        const QSignalBlocker quietTarget(m_target);
        const QSignalBlocker quietNode(m_node);
        rebuildTargets(); // and the empty state and the header
    });
}

GpuDashboard::~GpuDashboard() = default;

GpuHistoryChart *GpuDashboard::utilizationChart() const
{
    return m_utilChart;
}

GpuHistoryChart *GpuDashboard::memoryChart() const
{
    return m_memoryChart;
}

AllocationForm *GpuDashboard::allocationForm() const
{
    return m_form;
}

QList<GpuCard *> GpuDashboard::cards() const
{
    QList<GpuCard *> cards;
    for (int i = 0; i < m_cardsLayout->count(); ++i) {
        if (auto *card = qobject_cast<GpuCard *>(m_cardsLayout->itemAt(i)->widget()))
            cards << card;
    }
    return cards;
}

bool GpuDashboard::hasSettled() const
{
    if (!m_jobs || !m_jobs->hasSnapshot())
        return false;
    if (!m_gpus || !m_gpus->hasTarget())
        return true; // "no allocation" is an answer
    return m_gpus->hasReading() || m_gpus->diagnosis() || m_gpus->error();
}

void GpuDashboard::onJobsChanged()
{
    rebuildTargets();
    updateEmptyState();
}

void GpuDashboard::rebuildTargets()
{
    m_updatingTargets = true;
    m_target->clear();
    const QString current = m_gpus ? m_gpus->target().jobId : QString();
    if (m_jobs) {
        for (const JobEntry &job : m_jobs->jobs()) {
            if (!job.isRunning())
                continue;
            const QString label = job.job.gpus() > 0
                ? tr("Job %1 (%2) on %3 · %n GPU(s)", nullptr, int(job.job.gpus()))
                      .arg(job.job.id, job.job.name, job.job.nodeList)
                : tr("Job %1 (%2) on %3 · no GPU").arg(job.job.id, job.job.name, job.job.nodeList);
            m_target->addItem(label, job.job.id);
        }
    }
    if (!current.isEmpty() && m_target->findData(current) < 0)
        m_target->addItem(tr("Job %1").arg(current), current);
    m_target->setCurrentIndex(m_target->findData(current));
    m_target->setVisible(m_target->count() > 0);

    // A job on several nodes: which node to look at (the first one unless the person picks).
    m_node->clear();
    const std::optional<JobEntry> job = m_jobs && !current.isEmpty() ? m_jobs->job(current) : std::nullopt;
    const QStringList nodes = job ? setup::status::expandHostList(job->job.nodeList) : QStringList();
    m_node->addItems(nodes);
    const QString node = m_gpus ? m_gpus->target().node : QString();
    m_node->setCurrentIndex(node.isEmpty() ? 0 : m_node->findText(node));
    m_node->setVisible(nodes.size() > 1);
    m_updatingTargets = false;
    updateEmptyState();
}

void GpuDashboard::updateEmptyState()
{
    const bool connected
        = m_jobs && m_jobs->transport() && m_jobs->transport()->state() == remote::ConnectionState::Connected;
    if (m_gpus && m_gpus->hasTarget()) {
        m_stack->setCurrentIndex(GpusPage);
        m_emptyFormBox->hide();
    } else {
        m_stack->setCurrentIndex(EmptyPage);
        bool offerForm = false;
        if (!connected) {
            m_emptyTitle->setText(tr("Connect to the cluster to see your GPUs."));
            m_emptyText->setText(tr("Once connected, Onramp shows the GPUs of your running allocations here, "
                                    "updated every few seconds over the same connection."));
        } else if (!m_jobs->hasSnapshot()) {
            m_emptyTitle->setText(tr("Looking for your allocations…"));
            m_emptyText->setText({});
        } else {
            std::optional<JobEntry> waiting;
            for (const JobEntry &job : m_jobs->jobs()) {
                if (job.isPending() && job.job.gpus() > 0) {
                    waiting = job;
                    break;
                }
            }
            if (waiting) {
                m_emptyTitle->setText(tr("Your GPU job %1 is waiting to start.").arg(waiting->job.id));
                m_emptyText->setText(waiting->explanation ? tr("%1\n%2").arg(waiting->explanation->summary,
                                                                             waiting->explanation->suggestion)
                                                          : tr("Slurm has not given it a node yet."));
            } else {
                m_emptyTitle->setText(tr("You have no running GPU allocation."));
                m_emptyText->setText(
                    tr("GPU status needs a running Slurm job that holds GPUs: Onramp looks at them "
                       "from inside the job. Start an allocation below and its GPUs appear here "
                       "as soon as Slurm grants it."));
                offerForm = true;
            }
        }
        m_emptyFormBox->setVisible(offerForm || (m_starter && m_starter->isRunning()));
    }
    updateHeader();
    if (!m_settled && hasSettled()) {
        m_settled = true;
        Q_EMIT settled();
    }
}

void GpuDashboard::onGpusUpdated()
{
    if (!m_gpus)
        return;
    // Problem box: nvidia-smi's or srun's failure explained.
    if (const auto &d = m_gpus->diagnosis()) {
        m_problemTitle->setText(d->summary);
        m_problemText->setText(d->suggestion);
        m_problemText->setToolTip(d->evidence);
        m_problemBox->show();
    } else if (const auto &e = m_gpus->error()) {
        m_problemTitle->setText(e->message);
        m_problemText->setText(e->detail);
        m_problemText->setToolTip({});
        m_problemBox->show();
    } else {
        m_problemBox->hide();
    }

    // Cards, kept per GPU so they do not flicker.
    const QList<setup::status::GpuReading> readings = m_gpus->gpus();
    QStringList keys;
    for (const auto &gpu : readings)
        keys << gpu.key();
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (!keys.contains(it.key())) {
            m_cardsLayout->removeWidget(it.value());
            delete it.value();
            it = m_cards.erase(it);
        } else {
            ++it;
        }
    }
    const int columns = readings.size() > 1 ? 2 : 1;
    for (int i = 0; i < readings.size(); ++i) {
        const auto &gpu = readings.at(i);
        GpuCard *card = m_cards.value(gpu.key());
        if (!card) {
            card = new GpuCard(m_cardsHost);
            m_cards.insert(gpu.key(), card);
        }
        card->setReading(gpu);
        m_cardsLayout->addWidget(card, i / columns, i % columns);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_utilChart->showHistory(*m_gpus, now);
    m_memoryChart->showHistory(*m_gpus, now);
    updateEmptyState();
}

void GpuDashboard::updateHeader()
{
    if (!m_gpus)
        return;
    const int seconds = qMax(1, m_gpus->intervalMs() / 1000);
    if (!m_gpus->hasTarget()) {
        m_updated->clear();
    } else if (!m_gpus->isPolling()) {
        m_updated->setText(tr("Paused: updates resume when this view is open and Onramp is connected."));
    } else if (m_gpus->hasReading() && m_gpus->lastPollAt().isValid()) {
        m_updated->setText(
            tr("Updated at %1 · every %n second(s)", nullptr, seconds)
                .arg(QLocale().toString(m_gpus->lastPollAt().toLocalTime().time(), QLocale::ShortFormat)));
    } else if (!m_gpus->diagnosis() && !m_gpus->error()) {
        m_updated->setText(tr("Asking the GPUs of job %1…").arg(m_gpus->target().jobId));
    }
}

void GpuDashboard::applyTheme()
{
    const QPalette pal = palette();
    const QColor muted = pal.color(QPalette::Disabled, QPalette::WindowText);
    const QColor error = toneColor(Tone::Error, pal);
    const QColor face = isDark(pal) ? pal.color(QPalette::Base).lighter(115) : pal.color(QPalette::Base);
    m_updated->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_emptyText->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_problemBox->setStyleSheet(
        QStringLiteral("QWidget#gpuProblem { background: %1; border: 1px solid %2; "
                       "border-radius: 8px; } QLabel#gpuProblemTitle { color: %3; }")
            .arg(tint(error, pal, 0.10).name(), tint(error, pal, 0.45).name(), error.name()));
    m_emptyFormBox->setStyleSheet(
        QStringLiteral("QFrame#gpuAllocationBox { background: %1; border: 1px solid %2; "
                       "border-radius: 8px; }")
            .arg(face.name(), pal.color(QPalette::Mid).name()));
}

} // namespace ui
} // namespace onramp
