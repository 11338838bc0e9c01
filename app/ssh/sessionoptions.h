#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/libssh.h>

namespace onramp::ssh {

// The Endpoint completed the way OpenSSH completes a command line from ssh_config, without libssh:
// every field the connection code needs, filled in.
// - host: HostName; port: Endpoint, config, 22; user: Endpoint, config, the local user.
// - knownHostsFile: Endpoint, config UserKnownHostsFile (tokens expanded), ~/.ssh/known_hosts.
// - connectTimeoutSec: Endpoint, ConnectTimeout, 30. serverAliveIntervalSec: Endpoint, config, 30;
//   an explicit "ServerAliveInterval 0" in the config stays 0 (keepalives off).
//   serverAliveCountMax: Endpoint, config, 3.
// - identityFiles: Endpoint.identityFile, then every IdentityFile of the config in order (tokens
//   expanded, "none" dropped). As in OpenSSH, only when neither names a file: the default keys
//   ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exist (IdentitiesOnly restricts the agent, not these).
// - identitiesOnly: Endpoint or config. preferredAuthentications: Endpoint, else the config's.
// - hashKnownHosts: the config's HashKnownHosts; when an explicit sshConfigFile leaves it open,
//   systemConfig's (Debian turns it on there), else off.
// - resolvedHops: Endpoint.proxyJump if set ("none": no hops), else the config's ProxyJump, split at
//   the commas, outermost first. Like `ssh -J`, the outermost hop's own ProxyJump (from the config)
//   is followed too and put in front; every other hop's own ProxyJump is ignored, exactly as OpenSSH
//   does when it chains `ssh -J rest -W ... last`. proxyJump becomes the chain itself, or "none".
// The files read: Endpoint.sshConfigFile alone (like ssh -F), else ~/.ssh/config then systemConfig.
Result<remote::Endpoint> resolveEndpoint(const remote::Endpoint &endpoint,
                                         const QString &systemConfig = QStringLiteral("/etc/ssh/ssh_config"));

// Applies an Endpoint to a fresh session the way OpenSSH combines the command line with
// ssh_config: the host (or alias) first, then the config file, then every field the Endpoint
// sets explicitly, so explicit values win and aliases still resolve. libssh 0.10 turns a ProxyJump
// into a ProxyCommand that spawns ssh(1); Onramp jumps itself, so that command is removed (a real
// ProxyCommand stays). Returns resolveEndpoint()'s result, with HostName, Port and User as libssh
// will use them.
// Give it the person's Endpoint (or hopEndpoint()'s), not an effective one: an alias must still be
// there for the config to apply.
Result<remote::Endpoint> applyEndpoint(ssh_session session, const remote::Endpoint &endpoint);

// One hop of target's chain (an element of resolvedHops, "[user@]host[:port]" or an alias) as an
// Endpoint of its own, ready for applyEndpoint() on the hop's session. The hop's config block
// supplies its HostName, User, Port, IdentityFile, IdentitiesOnly and UserKnownHostsFile; the spec's
// user and port win over it. From the target it takes the sshConfigFile, the knownHostsFile (unless
// the hop's config names one), the identityFile (offered first, so one key chosen in the form works
// for the whole trip) and the explicit timeouts. Its own ProxyJump is off ("none", see above).
Result<remote::Endpoint> hopEndpoint(const QString &spec, const remote::Endpoint &target);

// The user name libssh signs in as (after ssh_connect it falls back to the local user).
QString effectiveUser(ssh_session session);

} // namespace onramp::ssh
