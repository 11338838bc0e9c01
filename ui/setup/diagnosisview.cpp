#include "ui/setup/diagnosisview.h"

#include "ui/retranslate.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {
constexpr int kEvidenceLines = 8;

QString lastLines(const QString &text, int count)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.mid(qMax(0, int(lines.size()) - count)).join(QLatin1Char('\n'));
}
} // namespace

DiagnosisView::DiagnosisView(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("diagnosisView"));
    setAttribute(Qt::WA_StyledBackground);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("diagnosisTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("copyDetailsButton"));
    connect(m_copy, &QPushButton::clicked, this, &DiagnosisView::copyDetails);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_copy, 0, Qt::AlignTop);

    m_items = new QWidget(this);
    m_itemsLayout = new QVBoxLayout(m_items);
    m_itemsLayout->setContentsMargins(0, 0, 0, 0);
    m_itemsLayout->setSpacing(10);

    m_fixes = new QWidget(this);
    m_fixes->setObjectName(QStringLiteral("diagnosisFixes"));
    auto *fixRow = new QHBoxLayout(m_fixes);
    fixRow->setContentsMargins(0, 0, 0, 0);
    m_fixes->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addLayout(head);
    layout->addWidget(m_items);
    layout->addWidget(m_fixes);
    hide();
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    bindTranslation(this, [this] {
        m_copy->setText(tr("Copy details"));
        m_copy->setAccessibleName(m_copy->text());
        m_copy->setToolTip(
            tr("Copy what happened, the explanation and the output, e.g. for your cluster's admins"));
        if (m_titleText) {
            m_title->setText(m_titleText());
            setAccessibleName(m_title->text());
        }
        showItems();
    });
}

void DiagnosisView::setDiagnoses(const QString &title, const cluster::Diagnoses &diagnoses, Tone tone,
                                 const QString &technicalDetail)
{
    m_titleText = nullptr;
    m_diagnoses = diagnoses;
    m_detail = technicalDetail;
    m_tone = tone;
    m_title->setText(title);
    showItems();
    setAccessibleName(title);
    applyTheme();
    setVisible(!title.isEmpty() || !diagnoses.isEmpty());
}

// The diagnoses as labels (again, when the interface language changes).
void DiagnosisView::showItems()
{
    while (QLayoutItem *item = m_itemsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const cluster::Diagnosis &d : std::as_const(m_diagnoses)) {
        auto *summary = new QLabel(d.summary, m_items);
        summary->setObjectName(QStringLiteral("diagnosisSummary"));
        summary->setWordWrap(true);
        summary->setTextFormat(Qt::PlainText);
        summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_itemsLayout->addWidget(summary);
        if (!d.suggestion.isEmpty()) {
            auto *suggestion = new QLabel(tr("What to do: %1").arg(d.suggestion), m_items);
            suggestion->setObjectName(QStringLiteral("diagnosisSuggestion"));
            suggestion->setWordWrap(true);
            suggestion->setTextFormat(Qt::PlainText);
            suggestion->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_itemsLayout->addWidget(suggestion);
        }
        if (!d.evidence.trimmed().isEmpty()) {
            auto *evidence = new QLabel(lastLines(d.evidence, kEvidenceLines), m_items);
            evidence->setObjectName(QStringLiteral("diagnosisEvidence"));
            evidence->setFont(monospaceFont());
            evidence->setTextFormat(Qt::PlainText);
            evidence->setWordWrap(true);
            evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
            evidence->setToolTip(tr("What the tool printed (the last lines)"));
            m_itemsLayout->addWidget(evidence);
        }
    }
}

void DiagnosisView::showDiagnoses(std::function<QString()> title, const cluster::Diagnoses &diagnoses,
                                  Tone tone, const QString &technicalDetail)
{
    setDiagnoses(title(), diagnoses, tone, technicalDetail);
    m_titleText = std::move(title);
}

void DiagnosisView::clear()
{
    setDiagnoses({}, {});
    setFixes({});
}

void DiagnosisView::setFixes(const QList<setup::guided::SetupFix> &fixes)
{
    QLayout *row = m_fixes->layout();
    while (QLayoutItem *item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const setup::guided::SetupFix &f : fixes) {
        auto *button = new QPushButton(f.label, m_fixes);
        button->setObjectName(QStringLiteral("fix-%1").arg(f.id));
        connect(button, &QPushButton::clicked, this, [this, id = f.id] { Q_EMIT fixRequested(id); });
        row->addWidget(button);
    }
    static_cast<QHBoxLayout *>(row)->addStretch(1);
    m_fixes->setVisible(!fixes.isEmpty());
}

QString DiagnosisView::title() const
{
    return m_title->text();
}

QString DiagnosisView::details() const
{
    QString text = m_title->text() + QLatin1Char('\n');
    for (const cluster::Diagnosis &d : m_diagnoses) {
        text += QStringLiteral("\n[%1] %2\n").arg(d.code, d.summary);
        if (!d.suggestion.isEmpty())
            text += d.suggestion + QLatin1Char('\n');
        if (!d.evidence.isEmpty())
            text += QStringLiteral("---\n%1\n---\n").arg(d.evidence.trimmed());
    }
    if (!m_detail.isEmpty())
        text += QStringLiteral("\n%1\n").arg(m_detail.trimmed());
    return text;
}

void DiagnosisView::copyDetails()
{
    QApplication::clipboard()->setText(details());
}

void DiagnosisView::applyTheme()
{
    const QPalette pal = palette();
    const QColor tone = m_tone == Tone::Neutral ? pal.color(QPalette::Highlight) : toneColor(m_tone, pal);
    setStyleSheet(QStringLiteral("QFrame#diagnosisView { background: %1; border: 1px solid %2;"
                                 " border-left: 4px solid %2; border-radius: 6px; }"
                                 "QLabel#diagnosisTitle { color: %3; }"
                                 "QLabel#diagnosisEvidence { color: %4; }")
                      .arg(tint(tone, pal, 0.10).name(), tone.name(),
                           m_tone == Tone::Neutral ? pal.color(QPalette::WindowText).name() : tone.name(),
                           pal.color(QPalette::Disabled, QPalette::WindowText).name()));
}

} // namespace ui
} // namespace onramp
