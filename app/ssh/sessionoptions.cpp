#include "ssh/sessionoptions.h"

#include "core/sshconfig.h"
#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QFile>

namespace onramp::ssh {

namespace {

Error optionError(ssh_session session, const QString &what, const QString &value)
{
    return Error {
        ErrorKind::InvalidInput,
        Tr::tr("The connection setting “%1” has a value libssh does not accept: %2").arg(what, value),
        QStringLiteral("ssh_options_set(%1): %2").arg(what, QString::fromUtf8(ssh_get_error(session)))};
}

Status setString(ssh_session session, ssh_options_e option, const QString &what, const QByteArray &value)
{
    if (ssh_options_set(session, option, value.constData()) != SSH_OK)
        return optionError(session, what, QString::fromUtf8(value));
    return success();
}

QString stringOption(ssh_session session, ssh_options_e option)
{
    char *raw = nullptr;
    if (ssh_options_get(session, option, &raw) != SSH_OK)
        return {};
    const CStringPtr owned(raw);
    return QString::fromUtf8(owned.get());
}

} // namespace

Result<remote::Endpoint> applyEndpoint(ssh_session session, const remote::Endpoint &endpoint)
{
    if (endpoint.host.trimmed().isEmpty())
        return Error {ErrorKind::InvalidInput, Tr::tr("Enter the name of the computer to connect to."),
                      QStringLiteral("empty host")};

    // The alias has to be in place before the config file is read: Host blocks match against it,
    // and HostName then replaces it.
    if (auto s = setString(session, SSH_OPTIONS_HOST, Tr::tr("host"), endpoint.host.toUtf8()); !s)
        return s.error();

    // libssh 0.10 lets Port and UserKnownHostsFile from the config file overwrite values set
    // before it (User it does not), so the file is read first and the explicit fields after it.
    // Without an explicit file, libssh reads ~/.ssh/config and /etc/ssh/ssh_config like OpenSSH.
    const QByteArray configFile = QFile::encodeName(endpoint.sshConfigFile);
    if (ssh_options_parse_config(session, configFile.isEmpty() ? nullptr : configFile.constData()) != SSH_OK)
        return Error {
            ErrorKind::InvalidInput,
            Tr::tr("The SSH configuration file %1 could not be read.")
                .arg(endpoint.sshConfigFile.isEmpty() ? defaultSshConfigPath() : endpoint.sshConfigFile),
            QString::fromUtf8(ssh_get_error(session))};

    if (endpoint.port > 0) {
        const unsigned int port = static_cast<unsigned int>(endpoint.port);
        if (endpoint.port > 65535 || ssh_options_set(session, SSH_OPTIONS_PORT, &port) != SSH_OK)
            return optionError(session, Tr::tr("port"), QString::number(endpoint.port));
    }
    if (!endpoint.user.isEmpty()) {
        if (auto s = setString(session, SSH_OPTIONS_USER, Tr::tr("user name"), endpoint.user.toUtf8()); !s)
            return s.error();
    }

    // known_hosts: the Endpoint's file, else the config's UserKnownHostsFile, else OpenSSH's default.
    QString knownHosts = endpoint.knownHostsFile;
    if (knownHosts.isEmpty())
        knownHosts = stringOption(session, SSH_OPTIONS_KNOWNHOSTS);
    if (knownHosts.isEmpty())
        knownHosts = defaultKnownHostsPath();
    if (auto s = setString(session, SSH_OPTIONS_KNOWNHOSTS, Tr::tr("known hosts file"),
                           QFile::encodeName(knownHosts));
        !s)
        return s.error();

    // Every blocking libssh call (connect, key exchange, authentication) is bounded by this.
    const long timeout = endpoint.connectTimeoutSec > 0 ? endpoint.connectTimeoutSec : 30;
    if (ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout) != SSH_OK)
        return optionError(session, Tr::tr("connection timeout"), QString::number(timeout));

    // Small interactive packets (a prompt, one output line) should not wait for Nagle's algorithm.
    const int noDelay = 1;
    if (ssh_options_set(session, SSH_OPTIONS_NODELAY, &noDelay) != SSH_OK)
        return optionError(session, QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));

    remote::Endpoint effective = endpoint;
    effective.host = stringOption(session, SSH_OPTIONS_HOST);
    unsigned int port = 0;
    if (ssh_options_get_port(session, &port) == SSH_OK)
        effective.port = static_cast<int>(port);
    if (const QString user = stringOption(session, SSH_OPTIONS_USER); !user.isEmpty())
        effective.user = user;
    effective.knownHostsFile = knownHosts;
    effective.connectTimeoutSec = static_cast<int>(timeout);
    return effective;
}

QString effectiveUser(ssh_session session)
{
    return stringOption(session, SSH_OPTIONS_USER);
}

} // namespace onramp::ssh
