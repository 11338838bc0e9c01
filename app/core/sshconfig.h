#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onramp {

// What ~/.ssh/config says about one host, for the connection form (aliases, what an alias resolves
// to) and for the SSH layer, which completes its Endpoint from it. Values are as written, except
// HostName (%h and %% expanded); paths still need expandSshTokens().
struct SshHostEntry {
    QString alias;
    QString hostName; // HostName, else the alias itself
    QString user;
    int port = 0; // 0: not set
    QString identityFile; // the first IdentityFile (kept for the connection form)
    QStringList identityFiles; // every IdentityFile, in order ("none" included as written)
    std::optional<bool> identitiesOnly;
    // ProxyJump as written ("none": explicitly none). ProxyJump and ProxyCommand compete: whichever
    // comes first wins, so at most one of the two is set.
    QString proxyJump;
    QString proxyCommand;
    std::optional<int> serverAliveIntervalSec; // 0 is meaningful: keepalives off
    std::optional<int> serverAliveCountMax;
    std::optional<int> connectTimeoutSec;
    QString userKnownHostsFile; // the first file named (OpenSSH writes new keys there)
    std::optional<bool> hashKnownHosts;
    QStringList preferredAuthentications; // PreferredAuthentications, split at the commas
};

// One hop of a ProxyJump chain.
struct JumpHost {
    QString user; // empty: the hop's config, else the local user
    QString host; // name, address or config alias (IPv6 without the brackets)
    int port = 0; // 0: the hop's config, else 22
    // "[user@]host[:port]", IPv6 in brackets: the form ProxyJump and Endpoint::proxyJump take.
    QString toString() const;
    friend bool operator==(const JumpHost &, const JumpHost &) = default;
};

// Parses a ProxyJump value: comma-separated "[user@]host[:port]" or "ssh://[user@]host[:port]"
// elements, IPv6 addresses in brackets. Empty and "none" give no hops.
Result<QList<JumpHost>> parseProxyJump(const QString &spec);

// What the %-tokens of IdentityFile, UserKnownHostsFile and friends stand for (ssh_config(5)
// TOKENS). Local ones (%d %u %l %L %i) come from the running process.
struct SshTokenContext {
    QString originalHost; // %n: the name as given (an alias)
    QString hostName; // %h
    int port = 22; // %p
    QString remoteUser; // %r
    QString proxyJump; // %j
};

// Expands a leading ~ or ~user and the tokens %% %C %d %h %i %j %k %L %l %n %p %r %u.
QString expandSshTokens(const QString &value, const SshTokenContext &context);

class SshConfigFile {
public:
    // Parses text in ssh_config(5) syntax ("Key value", "Key=value", comments, quoted values).
    // Include is followed (globs, nesting, conditional inside Host); relative Include paths are
    // taken from includeDir (empty: ~/.ssh, as for a user's file; /etc/ssh for the system file).
    static SshConfigFile parse(const QString &text, const QString &includeDir = {});
    static SshConfigFile load(const QString &path, const QString &includeDir = {});
    // What OpenSSH reads: an explicit file alone (ssh -F), else ~/.ssh/config then /etc/ssh/ssh_config.
    static SshConfigFile loadForConnection(const QString &explicitPath,
                                           const QString &systemPath = systemSshConfigPath());
    static QString systemSshConfigPath();

    // Adds another file's blocks after these (a later file only fills what earlier ones left open).
    void append(const SshConfigFile &other);

    // Concrete aliases (no wildcards, no negations), in file order, without duplicates.
    QStringList aliases() const;
    // First-match-wins resolution for an alias, as ssh does (including matching wildcard blocks).
    SshHostEntry resolve(const QString &alias) const;

private:
    struct Block {
        // Every pattern list must match: an included file's Host blocks stay inside the Host block
        // that included it.
        QList<QStringList> conditions;
        QList<QPair<QString, QString>> options; // lower-case key, value
    };
    void parseInto(const QString &text, const QList<QStringList> &outer, const QString &includeDir,
                   int depth);
    QList<Block> m_blocks;
};

// The local user's login name (%u; the remote user when nothing else names one).
QString localUserName();
// ~/.ssh/config of the current user.
QString defaultSshConfigPath();
// ~/.ssh/known_hosts, shared with OpenSSH.
QString defaultKnownHostsPath();

} // namespace onramp
