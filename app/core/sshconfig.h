#pragma once

#include <QString>
#include <QStringList>

namespace onramp {

// What the connection form needs from ~/.ssh/config: the Host aliases a person can pick, and what
// an alias resolves to for display. libssh applies the file itself when connecting.
struct SshHostEntry {
    QString alias;
    QString hostName;
    QString user;
    int port = 0; // 0: not set
    QString identityFile;
    QString proxyJump;
};

class SshConfigFile {
public:
    // Parses text in ssh_config(5) syntax ("Key value", "Key=value", comments, quoted values).
    static SshConfigFile parse(const QString &text);
    static SshConfigFile load(const QString &path);

    // Concrete aliases (no wildcards, no negations), in file order, without duplicates.
    QStringList aliases() const;
    // First-match-wins resolution for an alias, as ssh does (including matching wildcard blocks).
    SshHostEntry resolve(const QString &alias) const;

private:
    struct Block {
        QStringList patterns;
        QList<QPair<QString, QString>> options; // lower-case key, value
    };
    QList<Block> m_blocks;
};

// ~/.ssh/config of the current user.
QString defaultSshConfigPath();
// ~/.ssh/known_hosts, shared with OpenSSH.
QString defaultKnownHostsPath();

} // namespace onramp
