#include "ui/hostkeydialog.h"

#include "ui/retranslate.h"

#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/sshconfig.h"

namespace onramp {
namespace ui {

namespace {
QLabel *valueLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
} // namespace

HostKeyDialog::HostKeyDialog(const remote::HostKey &key, QWidget *parent) : QDialog(parent), m_key(key)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setModal(true);

    const QString hostPort
        = key.port == 22 || key.port <= 0 ? key.host : QStringLiteral("%1:%2").arg(key.host).arg(key.port);

    auto *icon = new QLabel(this);
    icon->setPixmap(themedIcon(QStringLiteral("shield"), palette(), palette().color(QPalette::Highlight))
                        .pixmap(QSize(40, 40)));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("hostKeyHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);

    const QString knownHosts = QDir::toNativeSeparators(key.knownHostsFile.isEmpty() ? defaultKnownHostsPath()
                                                                                     : key.knownHostsFile);
    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("hostKeyExplanation"));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    const auto explanationText = [knownHosts] {
        return tr("Every SSH server has a key that proves which machine it is. Onramp has no record of this "
                  "server's "
                  "key yet, so it cannot tell whether you reached your cluster or a machine pretending to be "
                  "it.\n\n"
                  "Compare the fingerprint below with the one your cluster's administrators publish, or send "
                  "it to "
                  "them and ask. If it matches, choose “Trust and connect”: Onramp saves the key in %1 and "
                  "will "
                  "warn "
                  "you if it ever changes. If you are not sure, choose Cancel.")
            .arg(knownHosts);
    };

    m_fingerprint = valueLabel(key.fingerprint, QStringLiteral("fingerprintLabel"), this);
    m_fingerprint->setFont(monospaceFont());
    m_fingerprint->setWordWrap(false); // one unbroken token: "SHA256:" and 43 characters
    m_fingerprint->setStyleSheet(
        QStringLiteral("QLabel#fingerprintLabel { background: %1; border: 1px solid %2;"
                       " border-radius: 6px; padding: 6px 8px; }")
            .arg(palette().color(QPalette::Base).name(), palette().color(QPalette::Mid).name()));
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("copyFingerprintButton"));
    copy->setAutoRaise(true);
    copy->setIcon(themedIcon(QStringLiteral("copy"), palette()));
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_key.fingerprint); });
    auto *fingerprintRow = new QHBoxLayout;
    fingerprintRow->setSpacing(4);
    fingerprintRow->addWidget(m_fingerprint, 1);
    fingerprintRow->addWidget(copy, 0, Qt::AlignVCenter);

    auto *facts = new QFormLayout;
    facts->setLabelAlignment(Qt::AlignLeft);
    facts->setHorizontalSpacing(14);
    facts->setVerticalSpacing(6);
    auto *hostLabel = new QLabel(this);
    auto *portLabel = new QLabel(this);
    auto *typeLabel = new QLabel(this);
    auto *fingerprintLabel = new QLabel(this);
    facts->addRow(hostLabel, valueLabel(key.host, QStringLiteral("hostKeyHostLabel"), this));
    facts->addRow(portLabel, valueLabel(QString::number(key.port), QStringLiteral("hostKeyPortLabel"), this));
    facts->addRow(typeLabel, valueLabel(key.type, QStringLiteral("hostKeyTypeLabel"), this));
    facts->addRow(fingerprintLabel, fingerprintRow);

    auto *buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    m_trust->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setDefault(true);
    m_cancel->setAutoDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->setSpacing(12);
    text->addWidget(heading);
    text->addWidget(explanation);
    text->addLayout(facts);

    auto *top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(22, 20, 22, 16);
    layout->setSpacing(18);
    layout->addLayout(top);
    layout->addWidget(buttons);

    m_cancel->setIcon({}); // no style icon on one button only

    bindTranslation(this, [=, this] {
        setWindowTitle(tr("Check the Server's Identity"));
        heading->setText(key.verdict == remote::HostKey::Verdict::OtherType
                             ? tr("Your known hosts file has a different type of key for %1.").arg(hostPort)
                             : tr("This is the first time this computer connects to %1.").arg(hostPort));
        explanation->setText(explanationText());
        copy->setToolTip(tr("Copy the fingerprint"));
        copy->setAccessibleName(tr("Copy the fingerprint"));
        hostLabel->setText(tr("Host"));
        portLabel->setText(tr("Port"));
        typeLabel->setText(tr("Key type"));
        fingerprintLabel->setText(tr("Fingerprint"));
        m_trust->setText(tr("Trust and connect"));
        m_trust->setAccessibleName(m_trust->text());
        m_cancel->setText(tr("Cancel"));
        m_cancel->setAccessibleName(m_cancel->text());

        // Wrapped labels make a top-level window's size hint unreliable (and very wide for Chinese,
        // which has no spaces to wrap at): fix the width, then give the text all the height it needs.
        const int width = qBound(600, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 88, 820);
        setFixedWidth(width);
        resize(width, qMax(sizeHint().height(), layout->totalHeightForWidth(width)));
        setMinimumHeight(layout->totalHeightForWidth(width));
    });
    m_cancel->setFocus(Qt::OtherFocusReason);
}

HostKeyDialog::~HostKeyDialog() = default;

QString HostKeyDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

} // namespace ui
} // namespace onramp
