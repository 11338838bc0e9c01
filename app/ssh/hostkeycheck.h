#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/libssh.h>

#include <optional>

namespace onramp::ssh {

// The outcome of comparing the server's key with known_hosts, OpenSSH-style:
// - Known: continue;
// - Unknown: ask the person (key.fingerprint is what they compare);
// - anything else: `error` is set and the connection must stop, with no way around it.
struct HostKeyCheck {
    remote::HostKey key;
    std::optional<Error> error;
};

HostKeyCheck checkHostKey(ssh_session session, const remote::Endpoint &effective);

// Appends the server's key to key.knownHostsFile (the one OpenSSH reads) as OpenSSH writes it:
// hashed ("|1|salt|HMAC-SHA1") when `hashed` (pass the effective endpoint's hashKnownHosts), else
// the plain name. The folder (0700) and the file (0600) are created when missing; other lines are
// never touched. Afterwards libssh must find the key there, or the entry is reported as unusable.
// The default stays `true` only until the session worker passes the effective value.
Status trustHostKey(ssh_session session, const remote::HostKey &key, bool hashed = true);

// One known_hosts line (with its newline): "NAME TYPE BASE64", or with `hashed` the name replaced by
// "|1|base64(salt)|base64(HMAC-SHA1(salt, NAME))". An empty salt means a fresh random 20 bytes.
QByteArray knownHostsLine(const QString &name, const QByteArray &keyType, const QByteArray &base64Key,
                          bool hashed, const QByteArray &salt = {});

// Appends `line` to `file`, after a newline when the file does not end with one; creates the
// missing folders (0700) and the file (0600).
Status appendKnownHostsLine(const QString &file, const QByteArray &line);

// How OpenSSH names a host in known_hosts and for `ssh-keygen -R`: "host", or "[host]:port".
QString knownHostsName(const QString &host, int port);

} // namespace onramp::ssh
