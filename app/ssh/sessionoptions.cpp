#include "ssh/sessionoptions.h"

#include "core/sshconfig.h"
#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace onramp::ssh {

namespace {

// More hops than this is a ProxyJump loop (a → b → a) rather than a real network.
constexpr int kMaxHops = 16;
constexpr int kDefaultConnectTimeoutSec = 30;
constexpr int kDefaultServerAliveIntervalSec = 30;
constexpr int kDefaultServerAliveCountMax = 3;

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

bool isNone(const QString &value)
{
    return value.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
}

struct Resolution {
    remote::Endpoint effective;
    SshHostEntry entry; // the config's block for the host, before the Endpoint's fields
};

// The chain of hops for `raw` (a ProxyJump value), with the outermost hop's own ProxyJump in front.
Result<QStringList> resolveHops(const QString &raw, const SshConfigFile &config)
{
    QStringList chain;
    QString pending = raw;
    while (!pending.trimmed().isEmpty() && !isNone(pending)) {
        auto hops = parseProxyJump(pending);
        if (!hops)
            return hops.error();
        QStringList elements;
        for (const QString &element : pending.split(QLatin1Char(',')))
            elements << element.trimmed();
        chain = elements + chain;
        if (chain.size() > kMaxHops)
            return Error {ErrorKind::InvalidInput,
                          Tr::tr("The jump hosts for this connection lead back to each other (ProxyJump "
                                 "loop): %1")
                              .arg(chain.mid(0, kMaxHops).join(QLatin1String(", "))),
                          QStringLiteral("more than %1 hops").arg(kMaxHops)};
        pending = config.resolve(hops.value().first().host).proxyJump;
    }
    return chain;
}

QStringList identityFilesFor(const remote::Endpoint &endpoint, const SshHostEntry &entry,
                             const SshTokenContext &tokens)
{
    QStringList files;
    bool named = false;
    if (!endpoint.identityFile.isEmpty()) {
        named = true;
        files << expandSshTokens(endpoint.identityFile, tokens);
    }
    for (const QString &raw : entry.identityFiles) {
        named = true;
        if (isNone(raw)) // "IdentityFile none": no file, and no defaults either
            continue;
        const QString path = expandSshTokens(raw, tokens);
        if (!files.contains(path))
            files << path;
    }
    if (!named) {
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            const QString path = QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
            if (QFileInfo::exists(path))
                files << path;
        }
    }
    return files;
}

Result<Resolution> resolve(const remote::Endpoint &endpoint, const QString &systemConfig,
                           const QString &fallbackKnownHosts)
{
    if (endpoint.host.trimmed().isEmpty())
        return Error {ErrorKind::InvalidInput, Tr::tr("Enter the name of the computer to connect to."),
                      QStringLiteral("empty host")};
    if (endpoint.port < 0 || endpoint.port > 65535)
        return Error {ErrorKind::InvalidInput,
                      Tr::tr("The port %1 is not valid: use a number from 1 to 65535.").arg(endpoint.port),
                      QStringLiteral("port out of range")};

    const SshConfigFile config = SshConfigFile::loadForConnection(endpoint.sshConfigFile, systemConfig);
    Resolution r;
    r.entry = config.resolve(endpoint.host);
    const SshHostEntry &entry = r.entry;
    remote::Endpoint &e = r.effective;
    e = endpoint;
    e.host = entry.hostName;
    e.port = endpoint.port > 0 ? endpoint.port : (entry.port > 0 && entry.port <= 65535 ? entry.port : 22);
    e.user = !endpoint.user.isEmpty() ? endpoint.user : !entry.user.isEmpty() ? entry.user : localUserName();

    const QString rawJump = endpoint.proxyJump.trimmed().isEmpty() ? entry.proxyJump : endpoint.proxyJump;
    auto hops = resolveHops(rawJump, config);
    if (!hops)
        return hops.error();
    e.resolvedHops = hops.value();
    e.proxyJump = e.resolvedHops.isEmpty() ? QStringLiteral("none") : e.resolvedHops.join(QLatin1Char(','));

    const SshTokenContext tokens {endpoint.host, e.host, e.port, e.user,
                                  isNone(rawJump) ? QString() : rawJump.trimmed()};
    if (!endpoint.knownHostsFile.isEmpty())
        e.knownHostsFile = expandSshTokens(endpoint.knownHostsFile, tokens);
    else if (isNone(entry.userKnownHostsFile))
        e.knownHostsFile = QStringLiteral("/dev/null");
    else if (!entry.userKnownHostsFile.isEmpty())
        e.knownHostsFile = expandSshTokens(entry.userKnownHostsFile, tokens);
    else if (!fallbackKnownHosts.isEmpty())
        e.knownHostsFile = expandSshTokens(fallbackKnownHosts, tokens);
    else
        e.knownHostsFile = defaultKnownHostsPath();

    e.connectTimeoutSec = endpoint.connectTimeoutSec > 0 ? endpoint.connectTimeoutSec
        : entry.connectTimeoutSec.value_or(0) > 0        ? *entry.connectTimeoutSec
                                                         : kDefaultConnectTimeoutSec;
    e.serverAliveIntervalSec = endpoint.serverAliveIntervalSec > 0
        ? endpoint.serverAliveIntervalSec
        : entry.serverAliveIntervalSec.value_or(kDefaultServerAliveIntervalSec);
    e.serverAliveCountMax = endpoint.serverAliveCountMax > 0 ? endpoint.serverAliveCountMax
        : entry.serverAliveCountMax.value_or(0) > 0          ? *entry.serverAliveCountMax
                                                             : kDefaultServerAliveCountMax;
    e.identitiesOnly = endpoint.identitiesOnly || entry.identitiesOnly.value_or(false);
    e.identityFile
        = endpoint.identityFile.isEmpty() ? QString() : expandSshTokens(endpoint.identityFile, tokens);
    e.identityFiles = identityFilesFor(endpoint, entry, tokens);
    if (e.preferredAuthentications.isEmpty())
        e.preferredAuthentications = entry.preferredAuthentications;

    std::optional<bool> hash = entry.hashKnownHosts;
    if (!hash && !endpoint.sshConfigFile.isEmpty() && !systemConfig.isEmpty())
        hash = SshConfigFile::load(systemConfig, QFileInfo(systemConfig).absolutePath())
                   .resolve(endpoint.host)
                   .hashKnownHosts;
    e.hashKnownHosts = hash.value_or(false);
    return r;
}

} // namespace

Result<remote::Endpoint> resolveEndpoint(const remote::Endpoint &endpoint, const QString &systemConfig)
{
    auto r = resolve(endpoint, systemConfig, {});
    if (!r)
        return r.error();
    return std::move(r).value().effective;
}

Result<remote::Endpoint> applyEndpoint(ssh_session session, const remote::Endpoint &endpoint)
{
    auto resolved = resolve(endpoint, SshConfigFile::systemSshConfigPath(), {});
    if (!resolved)
        return resolved.error();
    const SshHostEntry &entry = resolved.value().entry;
    remote::Endpoint effective = resolved.value().effective;

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

    // libssh 0.10 rewrites ProxyJump into ProxyCommand "ssh -J ... -W '[%h]:%p' ..." (and gets a
    // multi-hop chain backwards). The hops are Onramp's to make, so that command must not run. A real
    // ProxyCommand (the config's, when it came before any ProxyJump) stays.
    const QString proxyCommand = stringOption(session, SSH_OPTIONS_PROXYCOMMAND);
    const bool jumpRewritten = proxyCommand.contains(QLatin1String(" -W '[%h]:%p' "));
    if (!endpoint.proxyJump.trimmed().isEmpty() || !entry.proxyJump.isEmpty()
        || (jumpRewritten && entry.proxyCommand.isEmpty())) {
        if (jumpRewritten && entry.proxyJump.isEmpty() && endpoint.proxyJump.trimmed().isEmpty())
            qCWarning(lcSsh) << "ignoring a ProxyJump that only libssh saw (Match block?):" << proxyCommand;
        if (ssh_options_set(session, SSH_OPTIONS_PROXYCOMMAND, "none") != SSH_OK)
            return optionError(session, QStringLiteral("ProxyCommand"), QStringLiteral("none"));
    }

    if (endpoint.port > 0) {
        const unsigned int port = static_cast<unsigned int>(endpoint.port);
        if (ssh_options_set(session, SSH_OPTIONS_PORT, &port) != SSH_OK)
            return optionError(session, Tr::tr("port"), QString::number(endpoint.port));
    }
    if (!endpoint.user.isEmpty()) {
        if (auto s = setString(session, SSH_OPTIONS_USER, Tr::tr("user name"), endpoint.user.toUtf8()); !s)
            return s.error();
    }

    if (auto s = setString(session, SSH_OPTIONS_KNOWNHOSTS, Tr::tr("known hosts file"),
                           QFile::encodeName(effective.knownHostsFile));
        !s)
        return s.error();

    // Every blocking libssh call (connect, key exchange, authentication) is bounded by this.
    const long timeout = effective.connectTimeoutSec;
    if (ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout) != SSH_OK)
        return optionError(session, Tr::tr("connection timeout"), QString::number(timeout));

    // Small interactive packets (a prompt, one output line) should not wait for Nagle's algorithm.
    const int noDelay = 1;
    if (ssh_options_set(session, SSH_OPTIONS_NODELAY, &noDelay) != SSH_OK)
        return optionError(session, QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));

    // libssh connects, so where it differs from the resolution (a Match block), its values count.
    if (const QString host = stringOption(session, SSH_OPTIONS_HOST); !host.isEmpty())
        effective.host = host;
    unsigned int port = 0;
    if (ssh_options_get_port(session, &port) == SSH_OK && port > 0)
        effective.port = static_cast<int>(port);
    if (const QString user = stringOption(session, SSH_OPTIONS_USER); !user.isEmpty())
        effective.user = user;
    return effective;
}

Result<remote::Endpoint> hopEndpoint(const QString &spec, const remote::Endpoint &target)
{
    auto parsed = parseProxyJump(spec);
    if (!parsed)
        return parsed.error();
    if (parsed.value().size() != 1)
        return Error {ErrorKind::InvalidInput, Tr::tr("“%1” does not name exactly one jump host.").arg(spec),
                      QStringLiteral("hopEndpoint wants one hop, got %1").arg(parsed.value().size())};
    const JumpHost &jump = parsed.value().first();

    remote::Endpoint hop;
    hop.host = jump.host;
    hop.port = jump.port;
    hop.user = jump.user;
    hop.sshConfigFile = target.sshConfigFile;
    hop.identityFile = target.identityFile;
    hop.connectTimeoutSec = target.connectTimeoutSec;
    hop.serverAliveIntervalSec = target.serverAliveIntervalSec;
    hop.serverAliveCountMax = target.serverAliveCountMax;
    hop.proxyJump = QStringLiteral("none");
    auto resolved = resolve(hop, SshConfigFile::systemSshConfigPath(), target.knownHostsFile);
    if (!resolved)
        return resolved.error();
    hop.knownHostsFile = resolved.value().effective.knownHostsFile;
    return hop;
}

QString effectiveUser(ssh_session session)
{
    return stringOption(session, SSH_OPTIONS_USER);
}

} // namespace onramp::ssh
