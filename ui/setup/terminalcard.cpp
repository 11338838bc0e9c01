#include "ui/setup/terminalcard.h"

#include "ui/retranslate.h"

#include "setup/guided/setupchecks.h"
#include "ui/theme.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextEdit>
#include <QVBoxLayout>

#include <cmath>

namespace onramp {
namespace ui {

using setup::guided::SetupEvidence;
using setup::guided::StepId;
using setup::guided::StepState;

namespace {

// A terminal's colours, the same in light and dark mode (the guide's pictures are dark terminals).
const QColor kBackground(0x1d, 0x21, 0x28);
const QColor kTitleBar(0x2a, 0x2f, 0x38);
const QColor kText(0xd8, 0xdc, 0xe2);
const QColor kPrompt(0x8f, 0xd4, 0x7a);
const QColor kKey(0xf2, 0xc9, 0x6b);
const QColor kComment(0x8b, 0x93, 0xa1);
const QColor kFailure(0xff, 0x8a, 0x80);

QString promptFor(const QString &user, const QString &host, const QString &env)
{
    const QString at = QStringLiteral("%1@%2:~$").arg(user, host);
    return env.isEmpty() ? at : QStringLiteral("(%1) %2").arg(env, at);
}

class Builder {
public:
    QList<CardLine> lines;
    void command(const QString &prompt, const QString &text)
    {
        lines << CardLine {CardLine::Kind::Command, prompt, text};
    }
    void output(const QString &text) { lines << CardLine {CardLine::Kind::Output, {}, text}; }
    void key(const QString &text) { lines << CardLine {CardLine::Kind::Key, {}, text}; }
    void comment(const QString &text)
    {
        lines << CardLine {CardLine::Kind::Comment, {}, QStringLiteral("# ") + text};
    }
    void failure(const QString &text) { lines << CardLine {CardLine::Kind::Failure, {}, text}; }
};

QString orElse(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

} // namespace

QString CardContent::plainText() const
{
    QStringList out;
    for (const CardLine &line : lines)
        out << (line.kind == CardLine::Kind::Command ? line.prompt + QLatin1Char(' ') + line.text
                                                     : line.text);
    return out.join(QLatin1Char('\n'));
}

CardContent stepCard(StepId step, const SetupEvidence &evidence, const QString &userName)
{
    const StepState state = evidence.step(step).state;
    CardContent card;
    card.illustrative = state == StepState::Pending;
    const auto fact = [&](StepId s, const char *key) {
        return card.illustrative ? QString() : evidence.fact(s, QLatin1String(key));
    };
    const QString user = orElse(userName, QStringLiteral("student"));
    const QString login
        = orElse(evidence.fact(StepId::Identify, QStringLiteral("login_node")), QStringLiteral("aha"));
    const QString node = orElse(evidence.fact(StepId::ComputeNode, QStringLiteral("compute_node")),
                                QStringLiteral("eureka"));
    const QString env = orElse(evidence.options.envName, QStringLiteral("cola"));
    const QString loginPrompt = promptFor(user, login, {});
    const QString basePrompt = promptFor(user, node, QStringLiteral("base"));
    const QString envPrompt = promptFor(user, node, env);
    card.title = card.illustrative ? TerminalCard::tr("Example from the guide")
                                   : QStringLiteral("%1@%2").arg(user, login);
    Builder b;

    switch (step) {
    case StepId::Identify: {
        b.command(loginPrompt, QStringLiteral("hostname"));
        b.key(login);
        b.command(loginPrompt, QStringLiteral("which conda srun"));
        b.output(orElse(fact(StepId::Identify, "conda"),
                        QStringLiteral("/home/%1/miniconda3/bin/conda").arg(user)));
        b.output(
            orElse(fact(StepId::Identify, "sinfo").replace(QLatin1String("sinfo"), QLatin1String("srun")),
                   QStringLiteral("/usr/bin/srun")));
        b.command(loginPrompt, QStringLiteral("conda --version"));
        b.output(QStringLiteral("conda %1")
                     .arg(orElse(fact(StepId::Identify, "conda_version"), QStringLiteral("23.x"))));
        const double free
            = evidence.step(StepId::Identify).facts.value(QStringLiteral("free_bytes")).toDouble(-1);
        if (!card.illustrative && free >= 0)
            b.comment(
                TerminalCard::tr("%1 free where conda keeps packages and environments")
                    .arg(QLocale().formattedDataSize(qint64(free), 1, QLocale::DataSizeTraditionalFormat)));
        break;
    }
    case StepId::ComputeNode: {
        b.command(loginPrompt, QStringLiteral("srun --pty bash -i"));
        b.command(basePrompt, QStringLiteral("hostname"));
        b.key(node);
        const QString driver = fact(StepId::ComputeNode, "driver_version");
        if (!driver.isEmpty())
            b.comment(TerminalCard::tr("The GPU nodes' driver %1 supports CUDA %2")
                          .arg(driver, fact(StepId::ComputeNode, "driver_cuda")));
        break;
    }
    case StepId::CreateEnv: {
        QString create = QStringLiteral("conda create -n %1").arg(env);
        if (!evidence.options.pythonVersion.isEmpty())
            create += QStringLiteral(" python=%1").arg(evidence.options.pythonVersion);
        b.command(basePrompt, create);
        if (card.illustrative)
            b.output(QStringLiteral("Proceed ([y]/n)? y"));
        break;
    }
    case StepId::Activation: {
        b.command(basePrompt, QStringLiteral("conda activate %1").arg(env));
        b.command(envPrompt, QStringLiteral("python -c \"import sys; print(sys.prefix)\""));
        b.output(orElse(fact(StepId::CreateEnv, "prefix"),
                        QStringLiteral("/home/%1/miniconda3/envs/%2").arg(user, env)));
        const QString activation = fact(StepId::Activation, "activation");
        if (!activation.isEmpty())
            b.comment(TerminalCard::tr("Without .bashrc, as Onramp does it: %1").arg(activation));
        break;
    }
    case StepId::InstallTorch:
    case StepId::ExtraPackages: {
        const QJsonArray plans = evidence.step(step).facts.value(QStringLiteral("plans")).toArray();
        const QString prompt = envPrompt;
        if (plans.isEmpty()) {
            if (step == StepId::InstallTorch) {
                const auto recipe = setup::guided::torchRecipe(
                    evidence.options, evidence.fact(StepId::ComputeNode, QStringLiteral("driver_cuda")));
                QString command = QStringLiteral("conda install ") + recipe.specs.join(QLatin1Char(' '));
                for (const QString &channel : recipe.channels)
                    command += QStringLiteral(" -c ") + channel;
                b.command(prompt, command);
            } else {
                for (const QString &package : evidence.options.extraPackages)
                    b.command(prompt, QStringLiteral("conda install %1 -c conda-forge").arg(package));
            }
            if (card.illustrative)
                b.output(QStringLiteral("Proceed ([y]/n)? y"));
        }
        for (const QJsonValue &value : plans) {
            const QJsonObject plan = value.toObject();
            QStringList specs;
            for (const QJsonValue &s : plan.value(QStringLiteral("specs")).toArray())
                specs << s.toString();
            QString command = QStringLiteral("conda install ") + specs.join(QLatin1Char(' '));
            for (const QJsonValue &c : plan.value(QStringLiteral("channels")).toArray())
                command += QStringLiteral(" -c ") + c.toString();
            b.command(prompt, command);
            for (const QJsonValue &e : plan.value(QStringLiteral("entries")).toArray()) {
                const QJsonObject entry = e.toObject();
                const QString name = entry.value(QStringLiteral("name")).toString();
                const bool wanted = name == QLatin1String("python") || name == QLatin1String("pytorch")
                    || specs.contains(name)
                    || (specs.size() == 1 && name == specs.first().section(QLatin1Char('='), 0, 0));
                if (!wanted)
                    continue;
                const QString line
                    = QStringLiteral("  %1 %2 %3")
                          .arg(name.leftJustified(14),
                               entry.value(QStringLiteral("version")).toString().leftJustified(10),
                               entry.value(QStringLiteral("build")).toString());
                if (name == QLatin1String("pytorch"))
                    b.key(line);
                else
                    b.output(line);
            }
            if (plan.value(QStringLiteral("blocked")).toBool())
                b.failure(QStringLiteral("Proceed ([y]/n)? n"));
            else if (state == StepState::WaitingForPerson && value == plans.last())
                b.output(QStringLiteral("Proceed ([y]/n)?"));
            else if (state == StepState::Done || state == StepState::Failed || value != plans.last())
                b.output(QStringLiteral("Proceed ([y]/n)? y"));
        }
        if (state == StepState::Done)
            b.output(QStringLiteral("Executing transaction: done"));
        if (state == StepState::Reused && step == StepId::InstallTorch)
            b.comment(TerminalCard::tr("PyTorch is already there (%1): nothing to install")
                          .arg(evidence.fact(StepId::InstallTorch, QStringLiteral("torch_build"))));
        break;
    }
    case StepId::Verify: {
        const int gpus = qMax(1, evidence.options.gpus);
        const QString gpuNode = orElse(fact(StepId::Verify, "gpu_node"), node);
        const QString gpuBase = promptFor(user, gpuNode, QStringLiteral("base"));
        const QString gpuEnv = promptFor(user, gpuNode, env);
        b.command(loginPrompt, QStringLiteral("srun --pty --gres=gpu:%1 bash -i").arg(gpus));
        b.command(gpuBase, QStringLiteral("hostname"));
        b.key(gpuNode);
        b.command(gpuBase, QStringLiteral("nvidia-smi"));
        const QString smi = fact(StepId::Verify, "nvidia_smi");
        if (smi.trimmed().isEmpty()) {
            b.comment(TerminalCard::tr("the GPU's table: driver, CUDA version, memory and use"));
        } else {
            for (const QString &line : smi.trimmed().split(QLatin1Char('\n')))
                b.output(line);
        }
        b.command(gpuBase, QStringLiteral("conda activate %1").arg(env));
        b.command(gpuEnv, QStringLiteral("python"));
        b.command(QStringLiteral(">>>"), QStringLiteral("import torch"));
        b.command(QStringLiteral(">>>"), QStringLiteral("torch.cuda.device_count()"));
        const QJsonValue count = evidence.step(StepId::Verify).facts.value(QStringLiteral("device_count"));
        if (card.illustrative || count.isDouble()) {
            const int n = card.illustrative ? gpus : count.toInt();
            if (n == gpus)
                b.key(QString::number(n));
            else
                b.failure(QString::number(n));
        }
        break;
    }
    case StepId::Evidence: {
        for (const setup::guided::StepRecord &record : evidence.steps) {
            if (record.step == StepId::Evidence)
                continue;
            b.comment(
                QStringLiteral("%1. %2").arg(int(record.step)).arg(setup::guided::stepTitle(record.step)));
        }
        break;
    }
    }

    card.lines = b.lines;
    return card;
}

TerminalCard::TerminalCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("terminalCard"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QFrame#terminalCard { background: %1; border-radius: 10px; }"
                                 "QFrame#terminalCardBar { background: %2; border-top-left-radius: 10px;"
                                 " border-top-right-radius: 10px; }"
                                 "QLabel#terminalCardTitle { color: %3; }"
                                 "QLabel#terminalCardBadge { color: %4; border: 1px solid %4;"
                                 " border-radius: 8px; padding: 0 6px; }")
                      .arg(kBackground.name(), kTitleBar.name(), kComment.name(), kKey.name()));

    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("terminalCardBar"));
    bar->setAttribute(Qt::WA_StyledBackground);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(12, 6, 12, 6);
    barLayout->setSpacing(6);
    for (const QColor &dot : {QColor(0xff, 0x5f, 0x57), QColor(0xfe, 0xbc, 0x2e), QColor(0x28, 0xc8, 0x40)}) {
        auto *d = new QLabel(bar);
        d->setFixedSize(11, 11);
        d->setStyleSheet(QStringLiteral("background: %1; border-radius: 5px;").arg(dot.name()));
        barLayout->addWidget(d);
    }
    barLayout->addSpacing(8);
    m_title = new QLabel(bar);
    m_title->setObjectName(QStringLiteral("terminalCardTitle"));
    barLayout->addWidget(m_title, 1);
    m_badge = new QLabel(bar);
    m_badge->setObjectName(QStringLiteral("terminalCardBadge"));
    barLayout->addWidget(m_badge);

    m_view = new QTextEdit(this);
    m_view->setObjectName(QStringLiteral("terminalCardText"));
    m_view->setReadOnly(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setLineWrapMode(QTextEdit::NoWrap);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setFont(monospaceFont());
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setStyleSheet(QStringLiteral("QTextEdit { background: transparent; color: %1;"
                                         " selection-background-color: #3e4451; }")
                              .arg(kText.name()));
    m_view->viewport()->setAutoFillBackground(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view);
    // The content itself is Onramp's (stepCard()): whoever sets it sets it again.
    bindTranslation(this, [this] {
        m_badge->setText(tr("Example"));
        updateAccessibleName();
    });
}

void TerminalCard::updateAccessibleName()
{
    setAccessibleName(m_content.illustrative
                          ? tr("Example terminal: %1").arg(m_content.title)
                          : tr("Terminal snapshot of your session on %1").arg(m_content.title));
    m_view->setAccessibleName(accessibleName()); // the text itself takes the focus
}

void TerminalCard::setContent(const CardContent &content)
{
    m_content = content;
    m_title->setText(content.title);
    m_badge->setVisible(content.illustrative);
    QString html = QStringLiteral("<pre style=\"margin: 6px 10px;\">");
    for (const CardLine &line : content.lines) {
        const QString text = line.text.toHtmlEscaped();
        switch (line.kind) {
        case CardLine::Kind::Command:
            html += QStringLiteral("<span style=\"color:%1;font-weight:600\">%2</span> %3")
                        .arg(kPrompt.name(), line.prompt.toHtmlEscaped(), text);
            break;
        case CardLine::Kind::Output:
            html += text;
            break;
        case CardLine::Kind::Key:
            html += QStringLiteral("<span style=\"color:%1;font-weight:600\">%2</span>")
                        .arg(kKey.name(), text);
            break;
        case CardLine::Kind::Comment:
            html += QStringLiteral("<span style=\"color:%1\">%2</span>").arg(kComment.name(), text);
            break;
        case CardLine::Kind::Failure:
            html += QStringLiteral("<span style=\"color:%1\">%2</span>").arg(kFailure.name(), text);
            break;
        }
        html += QLatin1Char('\n');
    }
    if (html.endsWith(QLatin1Char('\n')))
        html.chop(1);
    html += QStringLiteral("</pre>");
    m_view->setHtml(html);
    m_longestLine = 0;
    for (const CardLine &line : content.lines) {
        const int length = int(line.text.size() + (line.prompt.isEmpty() ? 0 : line.prompt.size() + 1));
        m_longestLine = qMax(m_longestLine, length);
    }
    fit();
    updateAccessibleName();
    m_view->setAccessibleDescription(content.plainText());
}

void TerminalCard::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fit();
}

void TerminalCard::fit()
{
    // Like a picture of a terminal: a wide table (nvidia-smi's) is shown smaller rather than cut, down
    // to a size that stays readable; beyond that the card scrolls sideways.
    const QFont base = monospaceFont();
    const qreal available = qMax(100, width() - 24);
    const qreal needed = QFontMetricsF(base).horizontalAdvance(QLatin1Char('M')) * qMax(1, m_longestLine);
    const qreal scale = qBound(0.72, available / needed, 1.0);
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * scale);
    if (m_view->font() != font) {
        m_view->setFont(font);
        m_view->document()->setDefaultFont(font);
    }
    // As tall as its text (the whole picture, never a scroll bar of its own), like a picture in the guide.
    const bool sideways = QFontMetricsF(font).horizontalAdvance(QLatin1Char('M')) * m_longestLine > available;
    const qreal text = m_view->document()->size().height();
    m_view->setFixedHeight(int(std::ceil(text)) + 2 * m_view->frameWidth() + 2
                           + (sideways ? m_view->horizontalScrollBar()->sizeHint().height() : 0));
}

} // namespace ui
} // namespace onramp
