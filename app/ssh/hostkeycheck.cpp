#include "ssh/hostkeycheck.h"

#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QDir>
#include <QFileInfo>

namespace onramp::ssh {

QString knownHostsName(const QString &host, int port)
{
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

namespace {

// "SHA256:<base64>" exactly as `ssh-keygen -l` and OpenSSH's prompt print it.
QString sha256Fingerprint(ssh_key key)
{
    unsigned char *rawHash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &rawHash, &length) != SSH_OK)
        return {};
    const HashPtr hash(rawHash);
    const CStringPtr text(ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash.get(), length));
    return text ? QString::fromLatin1(text.get()) : QString();
}

Error changedKeyError(const remote::HostKey &key)
{
    const QString name = knownHostsName(key.host, key.port);
    const QString removeCommand
        = QStringLiteral("ssh-keygen -R \"%1\" -f \"%2\"").arg(name, key.knownHostsFile);
    const QString message = key.verdict == remote::HostKey::Verdict::OtherType
        ? Tr::tr(
            "The server %1 presented a %2 key (%3), but %4 lists a different kind of key for it. This can "
            "mean someone is intercepting the connection, so Onramp will not connect. If the cluster's "
            "administrators confirm that the server's keys changed, remove the old entry with:\n%5")
        : Tr::tr(
            "The identity of the server %1 has changed: it presented the %2 key %3, which does not match "
            "the one recorded in %4. This can mean someone is intercepting the connection, so Onramp will "
            "not connect. If the cluster's administrators confirm that the key changed, remove the old "
            "entry with:\n%5");
    return Error {ErrorKind::HostKeyChanged,
                  message.arg(name, key.type, key.fingerprint, key.knownHostsFile, removeCommand),
                  QStringLiteral("host key %1 %2 for %3 does not match %4")
                      .arg(key.type, key.fingerprint, name, key.knownHostsFile)};
}

} // namespace

HostKeyCheck checkHostKey(ssh_session session, const remote::Endpoint &effective)
{
    HostKeyCheck check;
    check.key.host = effective.host;
    check.key.port = effective.port;
    check.key.knownHostsFile = effective.knownHostsFile;

    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK) {
        check.error = Error {ErrorKind::ConnectFailed, Tr::tr("The server did not present a host key."),
                             QString::fromUtf8(ssh_get_error(session))};
        return check;
    }
    const KeyPtr serverKey(rawKey);
    check.key.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey.get())));
    check.key.fingerprint = sha256Fingerprint(serverKey.get());

    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        check.key.verdict = remote::HostKey::Verdict::Known;
        break;
    case SSH_KNOWN_HOSTS_NOT_FOUND: // no known_hosts file yet: same question as an unknown host
    case SSH_KNOWN_HOSTS_UNKNOWN:
        check.key.verdict = remote::HostKey::Verdict::Unknown;
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
        check.key.verdict = remote::HostKey::Verdict::Changed;
        check.error = changedKeyError(check.key);
        break;
    case SSH_KNOWN_HOSTS_OTHER:
        check.key.verdict = remote::HostKey::Verdict::OtherType;
        check.error = changedKeyError(check.key);
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        check.key.verdict = remote::HostKey::Verdict::Unknown;
        check.error = Error {
            ErrorKind::HostKeyUnknown,
            Tr::tr("The server's identity could not be checked against %1.").arg(check.key.knownHostsFile),
            QString::fromUtf8(ssh_get_error(session))};
        break;
    }
    return check;
}

Status trustHostKey(ssh_session session, const remote::HostKey &key)
{
    // OpenSSH creates ~/.ssh on first use; libssh may not, and a missing folder must not turn a
    // "yes, trust it" into a failure.
    const QFileInfo file(key.knownHostsFile);
    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    if (!file.absoluteDir().exists() && !QDir().mkdir(file.absolutePath(), ownerOnly))
        return Error {ErrorKind::HostKeyUnknown,
                      Tr::tr("The folder %1 could not be created to remember the server's identity.")
                          .arg(file.absolutePath()),
                      QStringLiteral("mkpath failed")};
    if (ssh_session_update_known_hosts(session) != SSH_OK)
        return Error {ErrorKind::HostKeyUnknown,
                      Tr::tr("The server's identity could not be saved in %1.").arg(key.knownHostsFile),
                      QString::fromUtf8(ssh_get_error(session))};
    return success();
}

} // namespace onramp::ssh
