#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/libssh.h>

namespace onramp::ssh {

// Signs in on a connected session whose host key has been accepted. The order is fixed and each
// method is tried only if the server offers it: "none", then public key (the Endpoint's identity
// file, else ssh-agent and the default keys). SSH_AUTH_PARTIAL (key *and* one-time password sites)
// re-reads what the server still wants. Nothing is retried behind the person's back.
// Keyboard-interactive and password slot in after public key once the UI can ask for secrets.
class Authenticator {
public:
    Authenticator(ssh_session session, const remote::Endpoint &endpoint);

    Status run();

private:
    enum class Outcome { Success, Partial, Denied, Failed };
    Outcome tryPublicKey();
    Error failure() const;

    ssh_session m_session;
    remote::Endpoint m_endpoint;
    int m_offered = 0; // SSH_AUTH_METHOD_* bits the server offers now
    int m_tried = 0; // SSH_AUTH_METHOD_* bits tried so far
    QString m_detail; // libssh's text from the last failing call
    std::optional<Error> m_keyError; // the identity file could not be used at all
};

} // namespace onramp::ssh
