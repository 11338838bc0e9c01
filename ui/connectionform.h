#pragma once

#include "ui/profilestore.h"
#include "ui/theme.h"

#include "core/error.h"
#include "core/sshconfig.h"
#include "remote/transport.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace onramp {
namespace ui {

// Where to connect: host (or ~/.ssh/config alias), user, port, identity file and, under
// "Advanced", the known_hosts and SSH config files. Validates what the person typed and says
// plainly what is wrong; emits connectRequested() only with a valid endpoint.
class ConnectionForm : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionForm(QWidget *parent = nullptr);
    ~ConnectionForm() override;

    // Fills the fields (command line, saved profile).
    void setEndpoint(const remote::Endpoint &endpoint);
    // The endpoint in the fields, or an InvalidInput error with a sentence for the person.
    Result<remote::Endpoint> endpoint() const;

    // The SSH config file whose Host aliases the host field offers (default ~/.ssh/config).
    void setSshConfigPath(const QString &path);
    QString sshConfigPath() const;
    QStringList hostAliases() const;

    // Follows the connection: the button becomes Cancel/Disconnect, fields lock while connected;
    // when the connection is lost it offers Reconnect, with Disconnect beside it.
    void setConnectionState(remote::ConnectionState state);

    // Saved profiles (ProfileStore): the "Profile" box fills the fields from one; "New connection"
    // empties them. saveProfile() stores the fields under `name` and returns why it could not
    // (empty when saved); the save button asks for the name first.
    QStringList profileNames() const;
    QString currentProfile() const; // empty: "New connection"
    void chooseProfile(const QString &name);
    QString saveProfile(const QString &name);
    void deleteProfile(const QString &name);
    void reloadProfiles();

    // The last validation message shown (empty when the input is valid).
    QString validationMessage() const;

public Q_SLOTS:
    // What the Connect/Disconnect button does.
    void submit();

Q_SIGNALS:
    void connectRequested(const onramp::remote::Endpoint &endpoint);
    void disconnectRequested();
    // The connection was lost and the person chose Reconnect (same endpoint, asks again if needed).
    void reconnectRequested();
    // Connect was pressed but the input is not usable; `message` is shown under the button.
    void validationFailed(const QString &message);

protected:
private:
    Result<remote::Endpoint> validated(QWidget **badField) const;
    void reloadSshConfig();
    void updateResolvedHint();
    void showValidation(const QString &message, QWidget *field);
    void applyTheme();
    void askToSaveProfile();
    PaletteFollower *m_theme = nullptr;
    void setAdvancedVisible(bool visible);
    void browseFor(QLineEdit *edit, const QString &title);

    QPointer<QComboBox> m_profile;
    QPointer<QToolButton> m_saveProfile;
    QPointer<QToolButton> m_deleteProfile;
    ProfileStore m_profiles;
    QPointer<QComboBox> m_host;
    QPointer<QLabel> m_resolved;
    QPointer<QLineEdit> m_user;
    QPointer<QSpinBox> m_port;
    QPointer<QLineEdit> m_identity;
    QPointer<QToolButton> m_identityBrowse;
    QPointer<QToolButton> m_advancedToggle;
    QPointer<QWidget> m_advanced;
    QPointer<QLineEdit> m_knownHosts;
    QPointer<QToolButton> m_knownHostsBrowse;
    QPointer<QLineEdit> m_sshConfig;
    QPointer<QToolButton> m_sshConfigBrowse;
    QPointer<QPushButton> m_connect;
    QPointer<QPushButton> m_abandon; // "Disconnect" beside Reconnect while the connection is lost
    QPointer<QLabel> m_validation;
    SshConfigFile m_config;
    QString m_configPath;
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
    int m_connectTimeoutSec = 30;
};

} // namespace ui
} // namespace onramp
