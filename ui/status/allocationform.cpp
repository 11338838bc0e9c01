#include "ui/status/allocationform.h"

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
    m_time->setPlaceholderText(tr("HH:MM:SS"));
    m_time->setToolTip(
        tr("How long the allocation may last, in Slurm's form: HH:MM:SS, or D-HH:MM:SS for days."));
    m_time->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00-00:00:00")) * 2);

    m_start = new QPushButton(tr("Start a GPU allocation"), this);
    m_start->setObjectName(QStringLiteral("startAllocationButton"));
    m_start->setDefault(true);
    m_abandon = new QPushButton(tr("Stop waiting"), this);
    m_abandon->setObjectName(QStringLiteral("abandonAllocationButton"));
    m_abandon->setToolTip(tr("Withdraw the request: Slurm removes the waiting job."));
    m_abandon->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("allocStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    fields->setLabelAlignment(Qt::AlignLeft);
    fields->addRow(tr("Partition"), m_partition);
    fields->addRow(tr("GPUs"), m_gpus);
    fields->addRow(tr("Time limit"), m_time);
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
        connect(m_starter, &AllocationStarter::finished, this,
                [this](bool granted, const QString &jobId,
                       const std::optional<setup::status::StatusProblem> &problem) {
                    refresh();
                    if (granted) {
                        showStatus(tr("Slurm granted job %1. Its GPUs appear in the GPU view.").arg(jobId),
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
    showStatus(tr("Asking Slurm for %n GPU(s) on partition %1…", nullptr, m_gpus->value())
                   .arg(m_partition->currentText().trimmed()),
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
        showStatus(tr("Job %1 is waiting in the queue. The jobs view explains why.").arg(m_starter->jobId()),
                   Tone::Busy);
}

void AllocationForm::showStatus(const QString &text, Tone tone)
{
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
