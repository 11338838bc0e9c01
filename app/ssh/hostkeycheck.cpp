#include "ssh/hostkeycheck.h"

#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <array>

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

QByteArray knownHostsLine(const QString &name, const QByteArray &keyType, const QByteArray &base64Key,
                          bool hashed, const QByteArray &salt)
{
    QByteArray host = name.toUtf8();
    if (hashed) {
        // OpenSSH's host_hash(): a SHA-1-sized salt, HMAC-SHA1 keyed with it over the name.
        QByteArray key = salt;
        if (key.isEmpty()) {
            std::array<quint32, 5> random {};
            QRandomGenerator::system()->fillRange(random.data(), random.size());
            key = QByteArray(reinterpret_cast<const char *>(random.data()), sizeof(random));
        }
        const QByteArray mac = QMessageAuthenticationCode::hash(host, key, QCryptographicHash::Sha1);
        host = "|1|" + key.toBase64() + '|' + mac.toBase64();
    }
    return host + ' ' + keyType + ' ' + base64Key + '\n';
}

Status appendKnownHostsLine(const QString &file, const QByteArray &line)
{
    const QFileInfo info(file);
    const auto ownerOnlyDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    // OpenSSH creates ~/.ssh on first use; a missing folder must not turn a "yes, trust it" into a
    // failure. Each missing level is created private, as ssh does for ~/.ssh.
    QStringList missing;
    for (QFileInfo dir(info.absolutePath()); !dir.exists(); dir = QFileInfo(dir.absolutePath()))
        missing.prepend(dir.absoluteFilePath());
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir, ownerOnlyDir))
            return Error {
                ErrorKind::HostKeyUnknown,
                Tr::tr("The folder %1 could not be created to remember the server's identity.").arg(dir),
                QStringLiteral("mkdir %1 failed").arg(dir)};
    }

    QFile out(file);
    // Append mode only ever adds at the end: a concurrent ssh(1) writing the same file loses nothing.
    if (!out.open(QIODevice::ReadWrite | QIODevice::Append, QFile::ReadOwner | QFile::WriteOwner))
        return Error {ErrorKind::HostKeyUnknown,
                      Tr::tr("The server's identity could not be saved in %1.").arg(file), out.errorString()};
    QByteArray bytes = line;
    if (const qint64 size = out.size(); size > 0 && out.seek(size - 1) && out.read(1) != "\n")
        bytes.prepend('\n');
    if (out.write(bytes) != bytes.size() || !out.flush())
        return Error {ErrorKind::HostKeyUnknown,
                      Tr::tr("The server's identity could not be saved in %1.").arg(file), out.errorString()};
    return success();
}

Status trustHostKey(ssh_session session, const remote::HostKey &key, bool hashed)
{
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK)
        return Error {ErrorKind::HostKeyUnknown, Tr::tr("The server did not present a host key."),
                      QString::fromUtf8(ssh_get_error(session))};
    const KeyPtr serverKey(rawKey);
    char *rawBase64 = nullptr;
    if (ssh_pki_export_pubkey_base64(serverKey.get(), &rawBase64) != SSH_OK)
        return Error {ErrorKind::HostKeyUnknown,
                      Tr::tr("The server's identity could not be saved in %1.").arg(key.knownHostsFile),
                      QStringLiteral("ssh_pki_export_pubkey_base64 failed")};
    const CStringPtr base64(rawBase64);
    const QByteArray type = ssh_key_type_to_char(ssh_key_type(serverKey.get()));

    const QByteArray line
        = knownHostsLine(knownHostsName(key.host, key.port), type, QByteArray(base64.get()), hashed);
    if (Status written = appendKnownHostsLine(key.knownHostsFile, line); !written)
        return written;
    // libssh matches hashed and plain names alike; if it cannot find what was just written, the next
    // connection would ask again, and the log should say why.
    if (ssh_session_is_known_server(session) != SSH_KNOWN_HOSTS_OK)
        qCWarning(lcSsh) << "libssh does not find the entry just written to" << key.knownHostsFile
                         << QString::fromUtf8(ssh_get_error(session));
    return success();
}

} // namespace onramp::ssh
