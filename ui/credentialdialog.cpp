#include "ui/credentialdialog.h"

#include "ui/retranslate.h"

#include "ui/theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {
// Server text is shown exactly as sent and never as rich text: a server could otherwise draw its
// own links, images or fake buttons into Onramp's window.
QLabel *plainLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setText(text);
    label->setAccessibleName(text);
    return label;
}

// "Password: " reads as "Password" to a screen reader and as a field's name.
QString promptName(const QString &prompt)
{
    QString name = prompt.trimmed();
    while (name.endsWith(QLatin1Char(':')) || name.endsWith(QChar(0xFF1A)))
        name.chop(1);
    return name.trimmed();
}
} // namespace

QString CredentialDialog::who(const remote::AuthRequest &request)
{
    // The transport writes "[host]:port" as known_hosts does; people read "host:port".
    QString host = request.host;
    static const QRegularExpression bracketed(QStringLiteral(R"(^\[([^\]:]+)\]:(\d+)$)"));
    if (const QRegularExpressionMatch m = bracketed.match(host); m.hasMatch())
        host = m.captured(1) + QLatin1Char(':') + m.captured(2);
    return request.user.isEmpty() ? host : request.user + QLatin1Char('@') + host;
}

CredentialDialog::CredentialDialog(const remote::AuthRequest &request, QWidget *parent)
    : QDialog(parent), m_request(request)
{
    setObjectName(QStringLiteral("credentialDialog"));
    setModal(true);
    const QString whoAsks = who(request);
    const bool passphrase = request.kind == remote::AuthRequest::Kind::Passphrase;

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("credentialIcon"));
    icon->setPixmap(themedIcon(QStringLiteral("key"), palette(), palette().color(QPalette::Highlight))
                        .pixmap(QSize(36, 36)));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = plainLabel({}, QStringLiteral("credentialHeading"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);

    auto *text = new QVBoxLayout;
    text->setSpacing(8);
    text->addWidget(heading);

    QLabel *passphraseExplanation = nullptr;
    QLabel *keyFile = nullptr;
    QLabel *passwordExplanation = nullptr;
    if (passphrase) {
        passphraseExplanation = plainLabel({}, QStringLiteral("passphraseExplanation"), this);
        text->addWidget(passphraseExplanation);
        keyFile = plainLabel(QDir::toNativeSeparators(request.keyFile), QStringLiteral("keyFileLabel"), this);
        keyFile->setFont(monospaceFont());
        text->addWidget(keyFile);
    } else if (request.kind == remote::AuthRequest::Kind::Password) {
        passwordExplanation = plainLabel({}, QStringLiteral("passwordExplanation"), this);
        text->addWidget(passwordExplanation);
    }
    if (!request.name.trimmed().isEmpty()) {
        auto *name = plainLabel(request.name.trimmed(), QStringLiteral("serverNameLabel"), this);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        text->addWidget(name);
    }
    if (!request.instruction.trimmed().isEmpty())
        text->addWidget(plainLabel(request.instruction.trimmed(), QStringLiteral("instructionLabel"), this));

    QLabel *error = nullptr;
    if (!request.previousError.isEmpty()) {
        error = plainLabel(request.previousError, QStringLiteral("previousErrorLabel"), this);
        const QColor tone = toneColor(Tone::Error, palette());
        error->setStyleSheet(
            QStringLiteral("QLabel#previousErrorLabel { color: %1; background: %2; border: "
                           "1px solid %3; border-radius: 6px; padding: 6px 8px; }")
                .arg(tone.name(), tint(tone, palette(), 0.10).name(), tint(tone, palette(), 0.45).name()));
        text->addWidget(error);
    }

    // Label above field, full width: a QFormLayout squeezes a long, wrapping prompt into a narrow
    // column ("One-time / password (OATH) / for `student':").
    auto *form = new QVBoxLayout;
    form->setSpacing(4);
    for (int i = 0; i < request.prompts.size(); ++i) {
        const remote::AuthPrompt &prompt = request.prompts.at(i);
        auto *field = new QLineEdit(this);
        field->setObjectName(QStringLiteral("answerEdit%1").arg(i));
        field->setEchoMode(prompt.echo ? QLineEdit::Normal : QLineEdit::Password);
        field->setInputMethodHints(prompt.echo ? Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText
                                               : Qt::ImhHiddenText | Qt::ImhSensitiveData
                                           | Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
        auto *label = plainLabel(prompt.text.trimmed(), QStringLiteral("promptLabel%1").arg(i), this);
        label->setWordWrap(true);
        label->setBuddy(field);
        if (i > 0)
            form->addSpacing(6);
        form->addWidget(label);
        form->addWidget(field);
        m_fields.append(field);
    }
    text->addLayout(form);

    if (!request.rememberKey.isEmpty()) {
        m_remember = new QCheckBox(this);
        m_remember->setObjectName(QStringLiteral("rememberCheck"));
        m_rememberWhere = plainLabel({}, QStringLiteral("rememberWhereLabel"), this);
        m_rememberWhere->setStyleSheet(
            QStringLiteral("QLabel#rememberWhereLabel { color: %1; }")
                .arg(palette().color(QPalette::Disabled, QPalette::WindowText).name()));
        m_rememberWhere->setIndent(fontMetrics().height() + 4); // under the checkbox's text
        text->addWidget(m_remember);
        text->addWidget(m_rememberWhere);
        setRememberLocation(CredentialStore::Location::Checking);
    }

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("credentialButtons"));
    m_ok = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setDefault(true); // Enter in any field submits
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAutoDefault(false);
    m_cancel->setIcon({});
    m_ok->setIcon({});
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addWidget(buttons);

    bindTranslation(this, [=, this] {
        setWindowTitle(passphrase ? tr("Unlock Your Key") : tr("Sign In"));
        setAccessibleName(windowTitle());
        icon->setAccessibleName(tr("Key"));
        switch (request.kind) {
        case remote::AuthRequest::Kind::Password:
            heading->setText(tr("Sign in to %1").arg(whoAsks));
            break;
        case remote::AuthRequest::Kind::Passphrase:
            heading->setText(tr("Unlock your key to sign in to %1").arg(whoAsks));
            break;
        case remote::AuthRequest::Kind::KeyboardInteractive:
            heading->setText(tr("%1 asks you to sign in").arg(whoAsks));
            break;
        }
        heading->setAccessibleName(heading->text());
        if (passphraseExplanation) {
            passphraseExplanation->setText(
                tr("Your private key is protected by a passphrase. Onramp needs it "
                   "to use the key; it is not sent to the server."));
            passphraseExplanation->setAccessibleName(passphraseExplanation->text());
        }
        if (keyFile)
            keyFile->setAccessibleName(tr("Key file: %1").arg(QDir::toNativeSeparators(request.keyFile)));
        if (passwordExplanation) {
            passwordExplanation->setText(
                tr("Onramp sends it to this server only, over the encrypted connection."));
            passwordExplanation->setAccessibleName(passwordExplanation->text());
        }
        if (error)
            error->setAccessibleName(tr("Not accepted: %1").arg(request.previousError));
        for (int i = 0; i < m_fields.size(); ++i) {
            const QString name = promptName(request.prompts.at(i).text);
            m_fields.at(i)->setAccessibleName(name.isEmpty() ? tr("Answer %1").arg(i + 1) : name);
        }
        if (m_remember) {
            m_remember->setText(tr("Remember this password"));
            m_remember->setAccessibleName(m_remember->text());
            setRememberLocation(m_rememberLocation); // fits the height too
        }
        m_ok->setText(passphrase ? tr("Unlock") : tr("Sign In"));
        m_ok->setAccessibleName(m_ok->text());
        m_cancel->setText(tr("Cancel"));
        m_cancel->setAccessibleName(m_cancel->text());
        fitHeight();
    });
    if (!m_fields.isEmpty())
        m_fields.first()->setFocus(Qt::OtherFocusReason);
}

CredentialDialog::~CredentialDialog()
{
    wipe();
}

void CredentialDialog::fitHeight()
{
    // Wrapped labels make a top-level window's size hint unreliable (and very wide for Chinese):
    // fix the width, then give the text all the height it needs.
    const int width = qBound(480, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 70, 640);
    setFixedWidth(width);
    const int height = layout()->totalHeightForWidth(width);
    setMinimumHeight(height);
    resize(width, qMax(sizeHint().height(), height));
}

QStringList CredentialDialog::answers() const
{
    return m_answers;
}

bool CredentialDialog::rememberRequested() const
{
    return m_remember && m_remember->isChecked();
}

void CredentialDialog::setRememberLocation(CredentialStore::Location location)
{
    if (!m_rememberWhere)
        return;
    m_rememberLocation = location;
    switch (location) {
    case CredentialStore::Location::Checking:
        m_rememberWhere->setText(tr("Checking whether your system keychain can keep it…"));
        break;
    case CredentialStore::Location::Keychain:
        m_rememberWhere->setText(tr("Onramp keeps it in your system keychain."));
        break;
    case CredentialStore::Location::Memory:
        m_rememberWhere->setText(tr("No system keychain is available, so Onramp keeps it for this session "
                                    "only, in memory."));
        break;
    }
    m_rememberWhere->setAccessibleName(m_rememberWhere->text());
    if (layout())
        fitHeight(); // the line may wrap differently now
}

QList<QLineEdit *> CredentialDialog::fields() const
{
    return m_fields;
}

void CredentialDialog::done(int result)
{
    wipeStrings(m_answers);
    if (result == QDialog::Accepted) {
        for (QLineEdit *field : std::as_const(m_fields))
            m_answers.append(field->text());
    }
    // The fields' copies go now; the answers stay until the caller has handed them on.
    for (QLineEdit *field : std::as_const(m_fields)) {
        field->setText(QString(field->text().size(), QChar(0)));
        field->clear();
    }
    QDialog::done(result);
}

void CredentialDialog::wipe()
{
    wipeStrings(m_answers);
    for (QLineEdit *field : std::as_const(m_fields)) {
        if (field)
            field->clear();
    }
}

} // namespace ui
} // namespace onramp
