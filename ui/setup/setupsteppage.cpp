#include "ui/setup/setupsteppage.h"

#include "ui/retranslate.h"

#include "ui/logpane.h"
#include "ui/setup/diagnosisview.h"
#include "ui/setup/setupstepmodel.h"
#include "ui/setup/terminalcard.h"
#include "ui/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using setup::guided::StepId;
using setup::guided::StepState;

SetupStepPage::SetupStepPage(StepId step, QWidget *parent) : QWidget(parent), m_step(step)
{
    setObjectName(QStringLiteral("setupStepPage-%1").arg(setup::guided::stepKey(step)));

    auto *number = new QLabel(this);
    number->setObjectName(QStringLiteral("stepNumber"));
    m_number = number;
    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("stepTitle"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    title->setFont(titleFont);
    title->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stepState"));
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(m_state, 0, Qt::AlignRight | Qt::AlignVCenter);

    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("stepExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_diagnosis = new DiagnosisView(this);
    m_checks = new QLabel(this);
    m_checks->setObjectName(QStringLiteral("stepChecks"));
    m_checks->setWordWrap(true);
    m_checks->setTextFormat(Qt::RichText);
    m_checks->hide();
    m_card = new TerminalCard(this);

    auto *top = new QWidget;
    top->setObjectName(QStringLiteral("stepTop"));
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 4, 12, 12);
    topLayout->setSpacing(12);
    topLayout->addWidget(number);
    topLayout->addLayout(head);
    topLayout->addWidget(explanation);
    // What went wrong comes first, then what waits for the person, then the options.
    topLayout->addWidget(m_diagnosis);
    m_reviewSlot = new QVBoxLayout;
    m_reviewSlot->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(m_reviewSlot);
    m_options = new QVBoxLayout;
    m_options->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(m_options);
    topLayout->addWidget(m_checks);
    topLayout->addWidget(m_card);
    topLayout->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("stepScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(top);

    m_log = new LogPane(this);
    m_log->setObjectName(QStringLiteral("stepLog"));
    m_log->setMinimumHeight(110);
    // Its header (a long machine badge, the tools) must not widen the window.
    m_log->setMinimumWidth(320);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("stepSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_scroll);
    split->addWidget(m_log);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({520, 130});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    setState(StepState::Pending);
    new PaletteFollower(this, [this] { applyTheme(); });
    bindTranslation(this, [=, this] {
        number->setText(tr("Step %1 of %2").arg(int(step)).arg(setup::guided::allSteps().size()));
        title->setText(setup::guided::stepTitle(step));
        explanation->setText(SetupStepPage::explanation(step));
        m_log->setAccessibleName(tr("Output of step %1").arg(int(step)));
        m_log->view()->setPlaceholderText(
            tr("What this step runs and what the cluster prints appears here."));
        setAccessibleName(setup::guided::stepTitle(step));
        m_scroll->setAccessibleName(setup::guided::stepTitle(step));
        setState(m_stateValue);
    });
}

void SetupStepPage::setState(StepState state)
{
    m_stateValue = state;
    m_state->setText(SetupStepModel::stateText(state));
    m_state->setAccessibleName(tr("State: %1").arg(m_state->text()));
    applyTheme();
}

void SetupStepPage::setChecks(const QList<setup::guided::CheckResult> &checks)
{
    QString html;
    const QPalette pal = palette();
    for (const setup::guided::CheckResult &c : checks) {
        html += QStringLiteral("<div><span style=\"color:%1\">%2</span>&nbsp;%3</div>")
                    .arg(toneColor(c.passed ? Tone::Success : Tone::Error, pal).name(),
                         c.passed ? QStringLiteral("✓") : QStringLiteral("✗"), c.message.toHtmlEscaped());
    }
    m_checks->setText(html);
    m_checks->setVisible(!html.isEmpty());
}

void SetupStepPage::addOptions(QWidget *options)
{
    m_options->addWidget(options);
}

void SetupStepPage::showInReviewSlot(QWidget *widget)
{
    if (widget->parentWidget() != m_scroll->widget())
        m_reviewSlot->addWidget(widget);
    widget->show();
}

void SetupStepPage::scrollToTop()
{
    m_scroll->verticalScrollBar()->setValue(0);
}

void SetupStepPage::scrollTo(QWidget *widget)
{
    // Where the layout puts it now, not where it was before it was added; once more when the scroll
    // area has caught up with the page's new height.
    const auto scroll = [this, target = QPointer<QWidget>(widget)] {
        if (!target)
            return;
        m_scroll->widget()->layout()->activate();
        m_scroll->verticalScrollBar()->setValue(target->mapTo(m_scroll->widget(), QPoint(0, 0)).y() - 8);
    };
    scroll();
    QTimer::singleShot(0, this, scroll);
}

void SetupStepPage::scrollToCard()
{
    const auto scroll = [this] {
        m_scroll->widget()->layout()->activate();
        const QPoint at = m_card->mapTo(m_scroll->widget(), QPoint(0, 0));
        m_scroll->verticalScrollBar()->setValue(at.y() + m_card->height() + 12
                                                - m_scroll->viewport()->height());
    };
    scroll();
    QTimer::singleShot(0, this, scroll);
}

void SetupStepPage::applyTheme()
{
    const QPalette pal = palette();
    const Tone tone = SetupStepModel::stateTone(m_stateValue);
    const QColor color = toneColor(tone, pal);
    m_state->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %1;"
                                          " border-radius: 10px; padding: 2px 10px; }")
                               .arg(color.name(), tint(color, pal, 0.12).name()));
    // On the label alone: a style sheet on the page would pin its children to the palette of the
    // moment, and the page would stay light when the system turns dark.
    m_number->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                .arg(pal.color(QPalette::Disabled, QPalette::WindowText).name()));
}

QString SetupStepPage::explanation(StepId step)
{
    switch (step) {
    case StepId::Identify:
        return tr(
            "Everything starts on the login node (aha): the shared machine you sign in to. It is only a "
            "door to the cluster: it has no GPU and is not meant for computing. Onramp looks around "
            "there: which conda you have, whether Slurm's commands are there, and how much space is left "
            "in your home folder and where conda keeps packages and environments (PyTorch needs a few "
            "gigabytes).");
    case StepId::ComputeNode:
        return tr(
            "Work runs on compute nodes, which you reach through Slurm. The guide types "
            "“srun --pty bash -i”, and the prompt changes from “you@aha” to “(base) you@node”: you are "
            "now on that node. Onramp asks Slurm for a short job to check that this works, and reads the "
            "GPU driver's CUDA version with nvidia-smi on a GPU node, which the install plan needs. All "
            "nodes share your home folder and conda, so the environment is set up once for all of them.");
    case StepId::CreateEnv:
        return tr(
            "A conda environment is a folder with its own Python and packages, so this project cannot "
            "break another one. The guide calls it “cola”. If an environment of that name already has a "
            "PyTorch that uses the GPU, Onramp reuses it; if it has none, you choose to keep it or to "
            "start over. A new environment is created together with PyTorch in step 5, from the plan you "
            "approve, so cancelling there leaves nothing behind.");
    case StepId::Activation:
        return tr(
            "“conda activate” switches a shell to the environment. It relies on conda's shell "
            "functions, which “conda init” puts into ~/.bashrc, but batch jobs and Onramp's own commands "
            "do not run ~/.bashrc the way an interactive login does. Onramp activates the environment the "
            "reliable way, by loading conda.sh from conda's base folder, and explains a conda block in "
            "~/.bashrc that prints text or runs in every non-interactive shell.");
    case StepId::InstallTorch:
        return tr(
            "PyTorch comes from conda. The guide's recipe is “pytorch torchvision cudatoolkit -c "
            "conda-forge -c pytorch”; the modern recipe takes PyTorch from conda-forge with a CUDA version "
            "that matches the GPU nodes' driver. Before conda installs anything it shows a plan and asks "
            "“Proceed ([y]/n)?”: check the Python version and that PyTorch is a CUDA build. Onramp checks "
            "this too, and stops a CPU-only build, which would never use the GPU. The download can take "
            "minutes; it keeps running on the cluster even if your laptop sleeps.");
    case StepId::Verify:
        return tr(
            "The real test happens on a GPU node. Onramp asks Slurm for one GPU (“srun --gres=gpu:1”), "
            "shows the node's name and nvidia-smi's table, then asks PyTorch in your environment how many "
            "GPUs it sees. “torch.cuda.device_count()” must print 1, the number of GPUs asked for: then "
            "your environment can compute on the GPU.");
    case StepId::ExtraPackages:
        return tr(
            "Most projects need more than PyTorch. Onramp installs the packages below that the "
            "environment does not have yet (matplotlib, pillow and numpy, like the guide), each with its "
            "own plan to review, from conda-forge. This step is optional: empty the list to skip it.");
    case StepId::Evidence:
        return tr(
            "Onramp keeps what every step ran, printed and checked: the nodes, the plan you approved, "
            "nvidia-smi's table and PyTorch's answer. It stays on this computer, so a later run can pick "
            "up where this one stopped, and you can show it when you ask for help.");
    }
    return {};
}

} // namespace ui
} // namespace onramp
