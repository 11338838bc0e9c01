#include "ui/connectionform.h"

#include "ui/retranslate.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {
QString expandHome(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

// Host names, addresses ([::1] too) and ssh_config aliases: no spaces, quotes or shell characters,
// and never a leading '-' (it would read as an option).
bool isPlausibleHost(const QString &host)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_.:%\[\]][A-Za-z0-9_.:%\[\]\-]*$)"));
    return re.match(host).hasMatch();
}

bool isPlausibleUser(const QString &user)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_.][A-Za-z0-9_.@\-]*\$?$)"));
    return re.match(user).hasMatch();
}

QWidget *withButton(QWidget *parent, QLineEdit *edit, QToolButton *button)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}
} // namespace

ConnectionForm::ConnectionForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("connectionForm"));

    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("hostCombo"));
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_host->setMinimumContentsLength(12);

    m_resolved = new QLabel(this);
    m_resolved->setObjectName(QStringLiteral("resolvedHostLabel"));
    m_resolved->setWordWrap(true);
    m_resolved->setTextFormat(Qt::PlainText);
    m_resolved->hide();

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setClearButtonEnabled(true);

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);

    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("identityEdit"));
    m_identity->setClearButtonEnabled(true);
    m_identityBrowse = new QToolButton(this);
    m_identityBrowse->setObjectName(QStringLiteral("identityBrowseButton"));

    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_advanced = new QWidget(this);
    m_advanced->setObjectName(QStringLiteral("advancedPanel"));
    m_knownHosts = new QLineEdit(m_advanced);
    m_knownHosts->setObjectName(QStringLiteral("knownHostsEdit"));
    m_knownHosts->setPlaceholderText(QDir::toNativeSeparators(defaultKnownHostsPath()));
    m_knownHostsBrowse = new QToolButton(m_advanced);
    m_knownHostsBrowse->setObjectName(QStringLiteral("knownHostsBrowseButton"));
    m_sshConfig = new QLineEdit(m_advanced);
    m_sshConfig->setObjectName(QStringLiteral("sshConfigEdit"));
    m_sshConfig->setPlaceholderText(QDir::toNativeSeparators(defaultSshConfigPath()));
    m_sshConfigBrowse = new QToolButton(m_advanced);
    m_sshConfigBrowse->setObjectName(QStringLiteral("sshConfigBrowseButton"));

    auto *advancedLayout = new QFormLayout(m_advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *knownHostsLabel = new QLabel(m_advanced);
    auto *sshConfigLabel = new QLabel(m_advanced);
    advancedLayout->addRow(knownHostsLabel, withButton(m_advanced, m_knownHosts, m_knownHostsBrowse));
    advancedLayout->addRow(sshConfigLabel, withButton(m_advanced, m_sshConfig, m_sshConfigBrowse));

    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_connect->setAutoDefault(true);
    m_connect->setMinimumHeight(34);

    m_abandon = new QPushButton(this);
    m_abandon->setObjectName(QStringLiteral("abandonButton"));
    m_abandon->setAutoDefault(false);
    m_abandon->setFlat(true);
    m_abandon->hide();

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->hide();

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setVerticalSpacing(6);
    auto *hostLabel = new QLabel(this);
    hostLabel->setBuddy(m_host);
    auto *userLabel = new QLabel(this);
    userLabel->setBuddy(m_user);
    auto *portLabel = new QLabel(this);
    portLabel->setBuddy(m_port);
    auto *identityLabel = new QLabel(this);
    identityLabel->setBuddy(m_identity);
    auto *hostBox = new QWidget(this);
    auto *hostBoxLayout = new QVBoxLayout(hostBox);
    hostBoxLayout->setContentsMargins(0, 0, 0, 0);
    hostBoxLayout->setSpacing(3);
    hostBoxLayout->addWidget(m_host);
    hostBoxLayout->addWidget(m_resolved);
    form->addRow(hostLabel, hostBox);
    form->addRow(userLabel, m_user);
    form->addRow(portLabel, m_port);
    form->addRow(identityLabel, withButton(this, m_identity, m_identityBrowse));

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_saveProfile = new QToolButton(this);
    m_saveProfile->setObjectName(QStringLiteral("saveProfileButton"));
    m_deleteProfile = new QToolButton(this);
    m_deleteProfile->setObjectName(QStringLiteral("deleteProfileButton"));
    auto *profileLabel = new QLabel(this);
    profileLabel->setBuddy(m_profile);
    auto *profileRow = new QHBoxLayout;
    profileRow->setSpacing(4);
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_saveProfile);
    profileRow->addWidget(m_deleteProfile);
    form->insertRow(0, profileLabel, profileRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addSpacing(4);
    layout->addWidget(m_connect);
    layout->addWidget(m_abandon);
    layout->addWidget(m_validation);

    connect(m_host, &QComboBox::currentTextChanged, this, [this] {
        updateResolvedHint();
        m_validation->hide();
    });
    connect(m_host->lineEdit(), &QLineEdit::returnPressed, this, &ConnectionForm::submit);
    connect(m_user, &QLineEdit::returnPressed, this, &ConnectionForm::submit);
    connect(m_identity, &QLineEdit::returnPressed, this, &ConnectionForm::submit);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionForm::submit);
    connect(m_abandon, &QPushButton::clicked, this, &ConnectionForm::disconnectRequested);
    connect(m_advancedToggle, &QToolButton::toggled, this, &ConnectionForm::setAdvancedVisible);
    connect(m_sshConfig, &QLineEdit::editingFinished, this, &ConnectionForm::reloadSshConfig);
    connect(m_identityBrowse, &QToolButton::clicked, this,
            [this] { browseFor(m_identity, tr("Choose a Private Key")); });
    connect(m_knownHostsBrowse, &QToolButton::clicked, this,
            [this] { browseFor(m_knownHosts, tr("Choose a Known Hosts File")); });
    connect(m_sshConfigBrowse, &QToolButton::clicked, this, [this] {
        browseFor(m_sshConfig, tr("Choose an SSH Config File"));
        reloadSshConfig();
    });

    connect(m_profile, &QComboBox::activated, this,
            [this] { chooseProfile(m_profile->currentData().toString()); });
    connect(m_saveProfile, &QToolButton::clicked, this, &ConnectionForm::askToSaveProfile);
    connect(m_deleteProfile, &QToolButton::clicked, this,
            [this] { deleteProfile(m_profile->currentData().toString()); });

    setAdvancedVisible(false);
    reloadSshConfig();
    bindTranslation(this, [=, this] {
        m_host->lineEdit()->setPlaceholderText(tr("e.g. aha or login.example.edu"));
        m_host->setToolTip(
            tr("The cluster's login node: a host name, an address, or a Host alias from your SSH config."));
        m_user->setPlaceholderText(tr("From SSH config, or your local user name"));
        m_port->setSpecialValueText(tr("Default (22 or from SSH config)"));
        m_port->setToolTip(tr("Leave at Default to use the port from your SSH config, or 22."));
        m_identity->setPlaceholderText(tr("ssh-agent or ~/.ssh/id_* keys"));
        m_identityBrowse->setToolTip(tr("Choose a private key file"));
        m_advancedToggle->setText(tr("Advanced"));
        m_knownHosts->setToolTip(tr("Where the keys of servers you trust are kept. Shared with OpenSSH."));
        m_knownHostsBrowse->setToolTip(tr("Choose a known hosts file"));
        m_sshConfig->setToolTip(tr("The SSH config file whose Host aliases are offered above."));
        m_sshConfigBrowse->setToolTip(tr("Choose an SSH config file"));
        m_abandon->setText(tr("Disconnect"));
        m_abandon->setAccessibleName(m_abandon->text());
        m_abandon->setToolTip(tr("End this session instead of reconnecting, to change where to connect."));
        knownHostsLabel->setText(tr("Known hosts file"));
        sshConfigLabel->setText(tr("SSH config file"));
        hostLabel->setText(tr("&Host"));
        userLabel->setText(tr("&User"));
        portLabel->setText(tr("&Port"));
        identityLabel->setText(tr("&Identity file"));
        profileLabel->setText(tr("P&rofile"));
        m_profile->setToolTip(tr("Saved places to connect to. Choose one to fill in the fields below."));
        m_profile->setAccessibleName(tr("Profile"));
        m_saveProfile->setToolTip(tr("Save these fields as a profile"));
        m_saveProfile->setAccessibleName(tr("Save as profile"));
        m_deleteProfile->setToolTip(tr("Delete the chosen profile"));
        m_deleteProfile->setAccessibleName(tr("Delete profile"));
        m_host->setAccessibleName(tr("Host"));
        m_user->setAccessibleName(tr("User"));
        m_port->setAccessibleName(tr("Port"));
        m_identity->setAccessibleName(tr("Identity file"));
        m_identityBrowse->setAccessibleName(tr("Choose a private key file"));
        m_knownHosts->setAccessibleName(tr("Known hosts file"));
        m_sshConfig->setAccessibleName(tr("SSH config file"));
        reloadProfiles();
        setConnectionState(m_state);
    });
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
}

ConnectionForm::~ConnectionForm() = default;

void ConnectionForm::setEndpoint(const remote::Endpoint &endpoint)
{
    if (!endpoint.sshConfigFile.isEmpty())
        setSshConfigPath(endpoint.sshConfigFile);
    m_host->setCurrentText(endpoint.host);
    m_user->setText(endpoint.user);
    m_port->setValue(qBound(0, endpoint.port, 65535));
    m_identity->setText(endpoint.identityFile);
    m_knownHosts->setText(endpoint.knownHostsFile);
    if (endpoint.connectTimeoutSec > 0)
        m_connectTimeoutSec = endpoint.connectTimeoutSec;
    if (!endpoint.knownHostsFile.isEmpty() || !endpoint.sshConfigFile.isEmpty())
        m_advancedToggle->setChecked(true);
    updateResolvedHint();
}

Result<remote::Endpoint> ConnectionForm::endpoint() const
{
    return validated(nullptr);
}

Result<remote::Endpoint> ConnectionForm::validated(QWidget **badField) const
{
    QWidget *field = m_host;
    const auto invalid = [&field, badField](const QString &message) {
        if (badField)
            *badField = field;
        return Error {ErrorKind::InvalidInput, message, {}};
    };
    remote::Endpoint e;
    e.host = m_host->currentText().trimmed();
    e.user = m_user->text().trimmed();
    e.port = m_port->value();
    e.identityFile = expandHome(m_identity->text().trimmed());
    e.knownHostsFile = expandHome(m_knownHosts->text().trimmed());
    e.sshConfigFile = expandHome(m_sshConfig->text().trimmed());
    e.connectTimeoutSec = m_connectTimeoutSec;

    if (e.host.isEmpty())
        return invalid(tr("Enter the cluster's login node in Host, for example aha or login.example.edu."));
    // "wanglu@aha", as in a guide's ssh command: take the user from it.
    if (e.host.contains(QLatin1Char('@'))) {
        const QString user = e.host.section(QLatin1Char('@'), 0, -2);
        const QString host = e.host.section(QLatin1Char('@'), -1);
        if (!e.user.isEmpty() && e.user != user)
            return invalid(tr("The host “%1” names the user %2, but the User field says %3. Keep only one.")
                               .arg(e.host, user, e.user));
        e.user = user;
        e.host = host;
        if (e.host.isEmpty())
            return invalid(
                tr("Enter the cluster's login node in Host, for example aha or login.example.edu."));
    }
    if (!isPlausibleHost(e.host))
        return invalid(tr("“%1” is not a host name Onramp can use. Use letters, digits, dots and dashes (for "
                          "example login.example.edu), an IP address, or an alias from your SSH config.")
                           .arg(e.host));
    field = m_user;
    if (!e.user.isEmpty() && !isPlausibleUser(e.user))
        return invalid(tr("“%1” is not a valid user name: it may contain letters, digits, dots, dashes and "
                          "underscores, and must not start with a dash.")
                           .arg(e.user));
    field = m_identity;
    if (!e.identityFile.isEmpty()) {
        const QFileInfo info(e.identityFile);
        if (!info.exists())
            return invalid(
                tr("The identity file “%1” does not exist. Choose your private key (for example "
                   "~/.ssh/id_ed25519), or leave the field empty to use ssh-agent and your default keys.")
                    .arg(e.identityFile));
        if (!info.isFile() || !info.isReadable())
            return invalid(tr("The identity file “%1” is not a file Onramp can read.").arg(e.identityFile));
    }
    field = m_knownHosts;
    if (!e.knownHostsFile.isEmpty()) {
        const QFileInfo info(e.knownHostsFile);
        if (info.isDir())
            return invalid(
                tr("The known hosts file “%1” is a folder. Choose a file, for example ~/.ssh/known_hosts.")
                    .arg(e.knownHostsFile));
        if (!info.absoluteDir().exists())
            return invalid(
                tr("The folder of the known hosts file “%1” does not exist.").arg(e.knownHostsFile));
    }
    field = m_sshConfig;
    if (!e.sshConfigFile.isEmpty() && !QFileInfo::exists(e.sshConfigFile))
        return invalid(tr("The SSH config file “%1” does not exist.").arg(e.sshConfigFile));
    return e;
}

void ConnectionForm::submit()
{
    switch (m_state) {
    case remote::ConnectionState::Connecting:
    case remote::ConnectionState::VerifyingHostKey:
    case remote::ConnectionState::Authenticating:
    case remote::ConnectionState::Connected:
    case remote::ConnectionState::Reconnecting:
        Q_EMIT disconnectRequested();
        return;
    case remote::ConnectionState::Lost:
        Q_EMIT reconnectRequested();
        return;
    case remote::ConnectionState::Disconnected:
    case remote::ConnectionState::Failed:
        break;
    }
    QWidget *field = nullptr;
    const Result<remote::Endpoint> result = validated(&field);
    if (!result) {
        if (field == m_knownHosts || field == m_sshConfig)
            m_advancedToggle->setChecked(true);
        showValidation(result.error().message, field);
        Q_EMIT validationFailed(result.error().message);
        return;
    }
    m_validation->hide();
    m_validation->clear();
    Q_EMIT connectRequested(result.value());
}

QString ConnectionForm::validationMessage() const
{
    return m_validation->isVisibleTo(this) ? m_validation->text() : QString();
}

void ConnectionForm::showValidation(const QString &message, QWidget *field)
{
    m_validation->setText(message);
    m_validation->show();
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void ConnectionForm::setSshConfigPath(const QString &path)
{
    m_sshConfig->setText(path);
    reloadSshConfig();
}

QString ConnectionForm::sshConfigPath() const
{
    const QString path = expandHome(m_sshConfig->text().trimmed());
    return path.isEmpty() ? defaultSshConfigPath() : path;
}

QStringList ConnectionForm::hostAliases() const
{
    return m_config.aliases();
}

void ConnectionForm::reloadSshConfig()
{
    const QString path = sshConfigPath();
    if (path == m_configPath && m_host->count() > 0)
        return;
    m_configPath = path;
    m_config = SshConfigFile::load(path);
    const QString current = m_host->currentText();
    const QSignalBlocker blocker(m_host);
    m_host->clear();
    m_host->addItems(m_config.aliases());
    m_host->setCurrentText(current);
    updateResolvedHint();
}

void ConnectionForm::updateResolvedHint()
{
    QString host = m_host->currentText().trimmed();
    host = host.section(QLatin1Char('@'), -1);
    const bool isAlias = !host.isEmpty() && m_config.aliases().contains(host);
    if (!isAlias) {
        m_resolved->hide();
        m_user->setPlaceholderText(tr("From SSH config, or your local user name"));
        return;
    }
    const SshHostEntry entry = m_config.resolve(host);
    const QString target = entry.hostName.isEmpty() ? host : entry.hostName;
    QString where = entry.user.isEmpty() ? target : entry.user + QLatin1Char('@') + target;
    if (entry.port > 0)
        where += QLatin1Char(':') + QString::number(entry.port);
    const QString text = entry.proxyJump.isEmpty()
        ? tr("From your SSH config: %1").arg(where)
        : tr("From your SSH config: %1, through %2").arg(where, entry.proxyJump);
    m_resolved->setText(text);
    m_resolved->setToolTip(entry.identityFile.isEmpty()
                               ? QString()
                               : tr("Identity file from your SSH config: %1").arg(entry.identityFile));
    m_resolved->show();
    m_user->setPlaceholderText(entry.user.isEmpty() ? tr("From SSH config, or your local user name")
                                                    : tr("%1 (from SSH config)").arg(entry.user));
}

void ConnectionForm::setConnectionState(remote::ConnectionState state)
{
    m_state = state;
    bool editable = false;
    QString icon = QStringLiteral("connect");
    switch (state) {
    case remote::ConnectionState::Disconnected:
    case remote::ConnectionState::Failed:
        m_connect->setText(tr("Connect"));
        editable = true;
        break;
    case remote::ConnectionState::Connecting:
    case remote::ConnectionState::VerifyingHostKey:
    case remote::ConnectionState::Authenticating:
        m_connect->setText(tr("Cancel"));
        icon = QStringLiteral("close");
        break;
    case remote::ConnectionState::Reconnecting:
        m_connect->setText(tr("Stop Reconnecting"));
        icon = QStringLiteral("close");
        break;
    case remote::ConnectionState::Connected:
        m_connect->setText(tr("Disconnect"));
        icon = QStringLiteral("disconnect");
        break;
    case remote::ConnectionState::Lost:
        m_connect->setText(tr("Reconnect"));
        break;
    }
    const bool lost = state == remote::ConnectionState::Lost;
    m_connect->setAccessibleName(m_connect->text());
    // Lost: Reconnect is the way back; Disconnect ends the session so the fields can change.
    m_abandon->setVisible(lost);
    // Connect (or Reconnect) is the one primary action of the window: drawn in the accent colour.
    const QPalette pal = palette();
    const bool primary = editable || lost;
    m_connect->setIcon(themedIcon(
        icon, pal, primary ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::ButtonText)));
    m_connect->setStyleSheet(
        primary
            ? QStringLiteral("QPushButton#connectButton { background: %1; color: %2; border: 1px solid %3;"
                             " border-radius: 6px; padding: 6px 14px; font-weight: 600; }"
                             "QPushButton#connectButton:hover { background: %4; }"
                             "QPushButton#connectButton:pressed { background: %3; }")
                  .arg(pal.color(QPalette::Highlight).name(), pal.color(QPalette::HighlightedText).name(),
                       pal.color(QPalette::Highlight).darker(115).name(),
                       pal.color(QPalette::Highlight).lighter(110).name())
            : QString());
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_identity),
                       static_cast<QWidget *>(m_identityBrowse), static_cast<QWidget *>(m_advanced),
                       static_cast<QWidget *>(m_profile), static_cast<QWidget *>(m_saveProfile)})
        w->setEnabled(editable);
    m_deleteProfile->setEnabled(editable && m_profile->currentIndex() > 0);
}

void ConnectionForm::setAdvancedVisible(bool visible)
{
    m_advanced->setVisible(visible);
    m_advancedToggle->setIcon(
        themedIcon(visible ? QStringLiteral("chevron-down") : QStringLiteral("chevron-right"), palette()));
    if (m_advancedToggle->isChecked() != visible)
        m_advancedToggle->setChecked(visible);
}

void ConnectionForm::browseFor(QLineEdit *edit, const QString &title)
{
    QString start = expandHome(edit->text().trimmed());
    if (start.isEmpty())
        start = QDir::homePath() + QStringLiteral("/.ssh");
    const QString path
        = QFileDialog::getOpenFileName(this, title, start, QString(), nullptr,
                                       QFileDialog::DontResolveSymlinks | QFileDialog::HideNameFilterDetails);
    if (!path.isEmpty())
        edit->setText(QDir::toNativeSeparators(path));
}

void ConnectionForm::applyTheme()
{
    const QPalette pal = palette();
    const QIcon folder = themedIcon(QStringLiteral("folder"), pal);
    m_identityBrowse->setIcon(folder);
    m_knownHostsBrowse->setIcon(folder);
    m_sshConfigBrowse->setIcon(folder);
    m_saveProfile->setIcon(themedIcon(QStringLiteral("save"), pal));
    m_deleteProfile->setIcon(themedIcon(QStringLiteral("clear"), pal));
    setAdvancedVisible(m_advancedToggle->isChecked());
    setConnectionState(m_state);
    m_advancedToggle->setStyleSheet(
        QStringLiteral("QToolButton#advancedToggle { border: none; padding: 2px 0; }"));
    m_resolved->setStyleSheet(
        QStringLiteral("color: %1;").arg(pal.color(QPalette::Disabled, QPalette::WindowText).name()));
    m_validation->setStyleSheet(
        QStringLiteral("QLabel#validationLabel { color: %1; background: %2; border: 1px "
                       "solid %3; border-radius: 6px; padding: 6px 8px; }")
            .arg(toneColor(Tone::Error, pal).name(), tint(toneColor(Tone::Error, pal), pal, 0.10).name(),
                 tint(toneColor(Tone::Error, pal), pal, 0.45).name()));
}

void ConnectionForm::reloadProfiles()
{
    const QString current = m_profile->currentData().toString();
    m_profiles = ProfileStore::load();
    const QSignalBlocker quiet(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("New connection"), QString());
    for (const Profile &p : std::as_const(m_profiles.profiles))
        m_profile->addItem(p.name, p.name);
    m_profile->setCurrentIndex(qMax(0, m_profile->findData(current)));
    m_deleteProfile->setEnabled(m_profile->isEnabled() && m_profile->currentIndex() > 0);
}

QStringList ConnectionForm::profileNames() const
{
    QStringList names;
    for (const Profile &p : m_profiles.profiles)
        names.append(p.name);
    return names;
}

QString ConnectionForm::currentProfile() const
{
    return m_profile->currentData().toString();
}

void ConnectionForm::chooseProfile(const QString &name)
{
    const Profile *profile = m_profiles.find(name);
    m_profile->setCurrentIndex(profile ? qMax(0, m_profile->findData(profile->name)) : 0);
    m_deleteProfile->setEnabled(profile != nullptr);
    if (!profile) {
        // "New connection": empty fields, ready to type.
        setEndpoint(remote::Endpoint {});
        m_host->setFocus();
        return;
    }
    setEndpoint(profile->endpoint);
    m_validation->hide();
}

QString ConnectionForm::saveProfile(const QString &name)
{
    const QString problem = ProfileStore::nameProblem(name);
    if (!problem.isEmpty())
        return problem;
    const auto fields = endpoint();
    if (!fields)
        return fields.error().message;
    ProfileStore store = ProfileStore::load(); // another window may have saved one meanwhile
    store.put(Profile {name.trimmed(), fields.value()});
    store.save();
    reloadProfiles();
    m_profile->setCurrentIndex(qMax(0, m_profile->findData(store.find(name)->name)));
    m_deleteProfile->setEnabled(true);
    return {};
}

void ConnectionForm::deleteProfile(const QString &name)
{
    ProfileStore store = ProfileStore::load();
    if (store.remove(name))
        store.save();
    m_profile->setCurrentIndex(0);
    reloadProfiles();
}

void ConnectionForm::askToSaveProfile()
{
    QString name = currentProfile().isEmpty() ? m_host->currentText().trimmed() : currentProfile();
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Save Profile"), tr("Name of this profile:"), QLineEdit::Normal,
                                     name, &ok);
        if (!ok)
            return;
        const QString problem = saveProfile(name);
        if (problem.isEmpty())
            return;
        showValidation(problem, m_profile);
        if (ProfileStore::nameProblem(name).isEmpty())
            return; // the fields are wrong, not the name: the message under the button says how
    }
}

} // namespace ui
} // namespace onramp
