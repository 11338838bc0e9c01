#include "ui/setup/planreviewview.h"

#include "ui/retranslate.h"

#include "ui/setup/diagnosisview.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

using cluster::CondaChange;
using cluster::TorchBuild;

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

bool isTorch(const QString &name)
{
    return name == QLatin1String("pytorch") || name == QLatin1String("pytorch-gpu")
        || name == QLatin1String("pytorch-cpu") || name == QLatin1String("torch");
}

} // namespace

PlanReviewView::PlanReviewView(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("planReview"));
    setAttribute(Qt::WA_StyledBackground);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("planHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);

    const auto value = [this](const char *name) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_python = value("planPython");
    m_torch = value("planTorch");
    m_channels = value("planChannels");
    m_download = value("planDownload");
    auto *facts = new QFormLayout;
    facts->setLabelAlignment(Qt::AlignLeft);
    facts->setHorizontalSpacing(16);
    facts->setVerticalSpacing(4);
    auto *pythonLabel = new QLabel(this);
    auto *torchLabel = new QLabel(this);
    auto *channelsLabel = new QLabel(this);
    auto *downloadLabel = new QLabel(this);
    facts->addRow(pythonLabel, m_python);
    facts->addRow(torchLabel, m_torch);
    facts->addRow(channelsLabel, m_channels);
    facts->addRow(downloadLabel, m_download);

    m_checks = value("planChecks");
    m_checks->setTextFormat(Qt::RichText);
    m_blocked = new DiagnosisView(this);
    m_blocked->setObjectName(QStringLiteral("planBlocked"));

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setMinimumHeight(280);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    m_question = new QLabel(QStringLiteral("Proceed ([y]/n)?"), this);
    m_question->setObjectName(QStringLiteral("planQuestion"));
    m_question->setFont(monospaceFont());
    m_approve = new QPushButton(this);
    m_approve->setObjectName(QStringLiteral("approvePlanButton"));
    m_approve->setDefault(true);
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("editPlanButton"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelPlanButton"));
    connect(m_approve, &QPushButton::clicked, this, &PlanReviewView::approveRequested);
    connect(m_edit, &QPushButton::clicked, this, &PlanReviewView::editRequested);
    connect(m_cancel, &QPushButton::clicked, this, &PlanReviewView::cancelRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(intro);
    layout->addLayout(facts);
    layout->addWidget(m_checks);
    layout->addWidget(m_blocked);
    // The decision right under the summary; the packages, for whoever wants every line, below.
    layout->addWidget(m_question, 0, Qt::AlignRight);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    setAnswerable(false);
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    bindTranslation(this, [=, this] {
        intro->setText(tr("conda shows a plan and asks “Proceed ([y]/n)?” before it changes anything. "
                          "Onramp made the same plan with a dry run and checked it for you: read it, "
                          "then approve it, edit what to install, or cancel."));
        pythonLabel->setText(tr("Python:"));
        torchLabel->setText(tr("PyTorch:"));
        channelsLabel->setText(tr("Channels:"));
        downloadLabel->setText(tr("Download:"));
        m_table->setAccessibleName(tr("Packages in the plan"));
        m_table->setHorizontalHeaderLabels(
            {tr("Package"), tr("Version"), tr("Build"), tr("Channel"), tr("Size"), tr("Change")});
        m_table->horizontalHeaderItem(4)->setToolTip(tr("What conda downloads; — when the package is already "
                                                        "in conda's package cache"));
        m_approve->setText(tr("Approve and install"));
        m_approve->setAccessibleName(m_approve->text());
        m_edit->setText(tr("Edit…"));
        m_edit->setAccessibleName(m_edit->text());
        m_edit->setToolTip(tr("Go back to the options: other packages, another Python version"));
        m_cancel->setText(tr("Cancel"));
        m_cancel->setAccessibleName(m_cancel->text());
        m_cancel->setToolTip(tr("Install nothing and stop the setup"));
        if (m_hasReview) {
            const int scrolled = m_table->verticalScrollBar()->value();
            showReview();
            m_table->verticalScrollBar()->setValue(scrolled);
        }
    });
}

void PlanReviewView::setReview(const setup::guided::PlanReview &review)
{
    m_review = review;
    m_hasReview = true;
    showReview();
    if (m_torchRow >= 0) {
        // Once the table has its size: the pytorch row in the middle of what shows.
        QTimer::singleShot(0, m_table, [table = m_table, row = m_torchRow] {
            if (table && row < table->rowCount())
                table->scrollToItem(table->item(row, 0), QAbstractItemView::PositionAtCenter);
        });
    }
}

// The review's texts (again, when the interface language changes).
void PlanReviewView::showReview()
{
    const setup::guided::PlanReview &review = m_review;
    const cluster::CondaPlan &plan = review.plan;
    m_heading->setText(tr("The plan for %1").arg(review.title));
    setAccessibleName(m_heading->text());
    m_python->setText(plan.pythonVersion.isEmpty() ? tr("unchanged") : plan.pythonVersion);

    const TorchBuild &torch = plan.torch;
    switch (torch.variant) {
    case TorchBuild::Variant::Cuda:
        m_torch->setText(
            torch.cudaVersion.isEmpty()
                ? tr("%1, a CUDA build (uses the GPU)").arg(torch.version)
                : tr("%1, a CUDA %2 build (uses the GPU)").arg(torch.version, torch.cudaVersion));
        break;
    case TorchBuild::Variant::Cpu:
        m_torch->setText(tr("%1, a CPU-only build (cannot use the GPU)").arg(torch.version));
        break;
    case TorchBuild::Variant::Unknown:
        m_torch->setText(tr("%1, build %2 (CPU or CUDA is not clear)").arg(torch.version, torch.build));
        break;
    case TorchBuild::Variant::Absent:
        m_torch->setText(tr("not part of this plan"));
        break;
    }
    QStringList channels;
    for (const cluster::CondaPackage &p : plan.linked()) {
        if (!p.channel.isEmpty() && !channels.contains(p.channel))
            channels << p.channel;
    }
    m_channels->setText(channels.isEmpty() ? review.channels.join(QStringLiteral(", "))
                                           : channels.join(QStringLiteral(", ")));
    const QString total = plan.downloadBytes < 0 ? tr("unknown") : sizeText(plan.downloadBytes);
    m_download->setText(
        review.freeBytes < 0 ? total : tr("%1 to download, %2 free").arg(total, sizeText(review.freeBytes)));

    QString checks;
    for (const setup::guided::CheckResult &check : review.verdict.checks) {
        checks += QStringLiteral("<div>%1&nbsp;%2</div>")
                      .arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"),
                           check.message.toHtmlEscaped());
    }
    m_checks->setText(checks);
    m_checks->setVisible(!checks.isEmpty());
    if (review.verdict.blocked)
        m_blocked->showDiagnoses(
            [] { return tr("Blocked: Onramp stopped this plan before anything was installed."); },
            review.verdict.diagnoses, Tone::Error, review.command);
    else
        m_blocked->clear();

    QHash<QString, qint64> downloads;
    for (const cluster::CondaPackage &p : plan.downloads)
        downloads.insert(p.name, p.size);
    m_table->setRowCount(0);
    m_torchRow = -1;
    const QPalette pal = palette();
    for (const cluster::CondaPlanEntry &e : plan.entries) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString change;
        switch (e.change) {
        case CondaChange::Install:
            change = tr("new");
            break;
        case CondaChange::Update:
            change = tr("update from %1").arg(e.previous.version);
            break;
        case CondaChange::Downgrade:
            change = tr("downgrade from %1").arg(e.previous.version);
            break;
        case CondaChange::Supersede:
            change = tr("replaces %1's").arg(e.previous.channel);
            break;
        case CondaChange::Reinstall:
            change = tr("reinstall");
            break;
        case CondaChange::Remove:
            change = tr("remove");
            break;
        }
        QString build = e.package.build;
        const bool torchRow = isTorch(e.package.name);
        if (torchRow) {
            // The kind first, so a narrow column cuts the hash and not what matters.
            m_torchRow = row;
            if (torch.variant == TorchBuild::Variant::Cuda)
                build = tr("CUDA %1 · %2").arg(torch.cudaVersion, build);
            else if (torch.variant == TorchBuild::Variant::Cpu)
                build = tr("CPU only · %1").arg(build);
        }
        QString size = QStringLiteral("—");
        if (downloads.contains(e.package.name))
            size
                = downloads.value(e.package.name) < 0 ? tr("yes") : sizeText(downloads.value(e.package.name));
        const QStringList cells {e.package.name, e.package.version, build, e.package.channel, size, change};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 4 && size == QLatin1String("—"))
                item->setToolTip(tr("Already in conda's package cache: nothing to download"));
            if (torchRow) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                const Tone tone = torch.variant == TorchBuild::Variant::Cuda ? Tone::Success : Tone::Error;
                item->setBackground(tint(toneColor(tone, pal), pal, 0.18));
            }
            m_table->setItem(row, column, item);
        }
    }
    // A new environment: every package is new, and the column would say only that.
    bool allNew = true;
    for (const cluster::CondaPlanEntry &e : plan.entries)
        allNew = allNew && e.change == CondaChange::Install;
    m_table->setColumnHidden(5, allNew);
    applyTheme();
    setAnswerable(m_answerable);
}

QWidget *PlanReviewView::blockedView() const
{
    return m_blocked;
}

void PlanReviewView::setAnswerable(bool answerable)
{
    m_answerable = answerable;
    m_approve->setEnabled(answerable && !m_review.verdict.blocked);
    m_cancel->setEnabled(answerable);
    m_question->setVisible(answerable && !m_review.verdict.blocked);
}

void PlanReviewView::applyTheme()
{
    const QPalette pal = palette();
    setStyleSheet(QStringLiteral("QFrame#planReview { border: 1px solid %1; border-radius: 8px; }")
                      .arg(pal.color(QPalette::Mid).name()));
    using Variant = TorchBuild::Variant;
    const Variant v = m_review.plan.torch.variant;
    const Tone tone = v == Variant::Cuda             ? Tone::Success
        : v == Variant::Cpu || v == Variant::Unknown ? Tone::Error
                                                     : Tone::Neutral;
    m_torch->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: 600; }")
                               .arg(tone == Tone::Neutral ? pal.color(QPalette::WindowText).name()
                                                          : toneColor(tone, pal).name()));
}

} // namespace ui
} // namespace onramp
