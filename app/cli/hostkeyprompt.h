#pragma once

#include "remote/transport.h"

namespace onramp::cli {

// The person's decision about a server key that is not in known_hosts, asked the way ssh(1) asks:
// on the terminal, showing the SHA256 fingerprint. Without a terminal nobody can compare the
// fingerprint, so the answer is "no" unless --accept-new-host-key said yes in advance.
bool decideOnUnknownHostKey(const remote::HostKey &key, bool acceptNew);

} // namespace onramp::cli
