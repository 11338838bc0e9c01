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

// Writes the server's key to the session's known_hosts file (the one OpenSSH reads).
Status trustHostKey(ssh_session session, const remote::HostKey &key);

// How OpenSSH names a host in known_hosts and for `ssh-keygen -R`: "host", or "[host]:port".
QString knownHostsName(const QString &host, int port);

} // namespace onramp::ssh
