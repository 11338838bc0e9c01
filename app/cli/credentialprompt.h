#pragma once

#include "remote/transport.h"

#include <optional>

namespace onramp::cli {

// Answers a sign-in question the way ssh(1) does: on the controlling terminal (/dev/tty, echo off
// for secrets), or through the program named by SSH_ASKPASS when there is no terminal or
// SSH_ASKPASS_REQUIRE=force. nullopt: nobody could be asked (the reason went to stderr) or the
// person gave up (Ctrl-D).
std::optional<QStringList> askCredentials(const remote::AuthRequest &request);

// Routes the transport's credentialsRequested() through askCredentials().
void answerCredentialsFromTerminal(remote::Transport *transport);

} // namespace onramp::cli
