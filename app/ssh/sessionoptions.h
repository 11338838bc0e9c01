#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/libssh.h>

namespace onramp::ssh {

// Applies an Endpoint to a fresh session the way OpenSSH combines the command line with
// ssh_config: the host (or alias) first, then the config file, then every field the Endpoint
// sets explicitly, so explicit values win and aliases still resolve. Returns the effective
// endpoint (HostName, Port, User and known_hosts as libssh will use them).
Result<remote::Endpoint> applyEndpoint(ssh_session session, const remote::Endpoint &endpoint);

// The user name libssh signs in as (after ssh_connect it falls back to the local user).
QString effectiveUser(ssh_session session);

} // namespace onramp::ssh
