#include "ui/status/allocationform.h"

#include "ui/retranslate.h"

#include "cluster/slurm/slurmvalidate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using setup::status::AllocationStarter;

AllocationForm::AllocationForm(AllocationStarter *starter, QWidget *parent)
    : QFrame(parent), m_starter(starter)
{
    setObjectName(QStringLiteral("allocationForm"));
    const cluster::AllocationRequest defaults = AllocationStarter::defaultRequest();

    m_partition = new QComboBox(this);
    m_partition->setObjectName(QStringLiteral("allocPartition"));
    m_partition->setEditable(true);
    m_partition->addItem(defaults.partition);
    m_partition->setMinimumContentsLength(10);
    m_gpus = new QSpinBox(this);
    m_gpus->setObjectName(QStringLiteral("allocGpus"));
    m_gpus->setRange(1, 64);
    m_gpus->setValue(defaults.gpus);
    m_time = new QLineEdit(defaults.timeLimit, this);
    m_time->setObjectName(QStringLiteral("allocTime"));
    m_time->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00-00:00:00")) * 2);

    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startAllocationButton"));
    m_start->setDefault(true);
    m_abandon = new QPushButton(this);
    m_abandon->setObjectName(QStringLiteral("abandonAllocationButton"));
    m_abandon->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("allocStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    fields->setLabelAlignment(Qt::AlignLeft);
    auto *partitionLabel = new QLabel(this);
    auto *gpusLabel = new QLabel(this);
    auto *timeLabel = new QLabel(this);
    fields->addRow(partitionLabel, m_partition);
    fields->addRow(gpusLabel, m_gpus);
    fields->addRow(timeLabel, m_time);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_abandon);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(fields);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_start, &QPushButton::clicked, this, &AllocationForm::submit);
    connect(m_time, &QLineEdit::returnPressed, this, &AllocationForm::submit);
    connect(m_abandon, &QPushButton::clicked, this, [this] {
        if (m_starter)
            m_starter->abandon();
    });
    if (m_starter) {
        connect(m_starter, &AllocationStarter::progressChanged, this, [this] {
            refresh();
            Q_EMIT allocationChanged();
        });
        connect(
            m_starter, &AllocationStarter::finished, this,
            [this](bool granted, const QString &jobId,
                   const std::optional<setup::status::StatusProblem> &problem) {
                refresh();
                if (granted) {
                    showOwnStatus(
                        [jobId] {
                            return tr("Slurm granted job %1. Its GPUs appear in the GPU view.").arg(jobId);
                        },
                        Tone::Success);
                } else if (problem) {
                    QString text = problem->error.message;
                    for (const cluster::Diagnosis &d : problem->diagnoses) {
                        if (!d.suggestion.isEmpty())
                            text += QLatin1Char('\n') + d.suggestion;
                    }
                    showStatus(text, Tone::Error);
                    m_status->setToolTip(problem->error.detail);
                }
                Q_EMIT allocationChanged();
            });
    }
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    refresh();
    bindTranslation(this, [=, this] {
        m_time->setPlaceholderText(tr("HH:MM:SS"));
        m_time->setToolTip(
            tr("How long the allocation may last, in Slurm's form: HH:MM:SS, or D-HH:MM:SS for days."));
        m_start->setText(tr("Start a GPU allocation"));
        m_start->setAccessibleName(m_start->text());
        m_abandon->setText(tr("Stop waiting"));
        m_abandon->setAccessibleName(m_abandon->text());
        m_abandon->setToolTip(tr("Withdraw the request: Slurm removes the waiting job."));
        partitionLabel->setText(tr("Partition"));
        gpusLabel->setText(tr("GPUs"));
        timeLabel->setText(tr("Time limit"));
        m_partition->setAccessibleName(tr("Partition"));
        m_gpus->setAccessibleName(tr("GPUs"));
        m_time->setAccessibleName(tr("Time limit"));
        if (m_statusText) {
            const QString detail = m_status->toolTip();
            showOwnStatus(m_statusText, m_tone);
            m_status->setToolTip(detail);
        }
        refresh();
    });
}

QPushButton *AllocationForm::startButton() const
{
    return m_start;
}

cluster::AllocationRequest AllocationForm::request() const
{
    cluster::AllocationRequest request = AllocationStarter::defaultRequest();
    request.partition = m_partition->currentText().trimmed();
    request.gpus = m_gpus->value();
    request.timeLimit = m_time->text().trimmed();
    return request;
}

void AllocationForm::setPartitions(const QStringList &partitions)
{
    const QString current = m_partition->currentText();
    m_partition->clear();
    m_partition->addItems(partitions);
    m_partition->setCurrentText(current);
}

QString AllocationForm::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

void AllocationForm::submit()
{
    if (!m_starter || m_starter->isRunning())
        return;
    const Status started = m_starter->start(request());
    if (!started) {
        showStatus(started.error().message, Tone::Error);
        return;
    }
    showOwnStatus(
        [gpus = m_gpus->value(), partition = m_partition->currentText().trimmed()] {
            return tr("Asking Slurm for %n GPU(s) on partition %1…", nullptr, gpus).arg(partition);
        },
        Tone::Busy);
    refresh();
}

void AllocationForm::refresh()
{
    const bool running = m_starter && m_starter->isRunning();
    m_start->setEnabled(!running);
    m_partition->setEnabled(!running);
    m_gpus->setEnabled(!running);
    m_time->setEnabled(!running);
    m_abandon->setVisible(running);
    if (running && m_starter->stage() == AllocationStarter::Stage::Pending)
        showOwnStatus(
            [jobId = m_starter->jobId()] {
                return tr("Job %1 is waiting in the queue. The jobs view explains why.").arg(jobId);
            },
            Tone::Busy);
}

void AllocationForm::showOwnStatus(std::function<QString()> text, Tone tone)
{
    showStatus(text(), tone);
    m_statusText = std::move(text);
}

void AllocationForm::showStatus(const QString &text, Tone tone)
{
    m_statusText = nullptr;
    m_tone = tone;
    m_status->setText(text);
    m_status->setToolTip({});
    m_status->setVisible(!text.isEmpty());
    applyTheme();
}

void AllocationForm::applyTheme()
{
    m_status->setStyleSheet(QStringLiteral("color: %1;")
                                .arg(m_tone == Tone::Neutral ? palette().color(QPalette::WindowText).name()
                                                             : toneColor(m_tone, palette()).name()));
}

} // namespace ui
} // namespace onramp
