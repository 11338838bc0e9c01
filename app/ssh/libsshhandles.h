#pragma once

// Owners for libssh's C handles: every handle is freed exactly once, on every path.

#include <libssh/libssh.h>

#include <memory>

namespace onramp::ssh {

struct SessionDeleter {
    void operator()(ssh_session session) const
    {
        if (ssh_is_connected(session))
            ssh_disconnect(session);
        ssh_free(session);
    }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;

struct KeyDeleter {
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;

struct EventDeleter {
    void operator()(ssh_event event) const { ssh_event_free(event); }
};
using EventPtr = std::unique_ptr<ssh_event_struct, EventDeleter>;

// Strings that libssh allocates and that must go back through its own free function.
struct CStringDeleter {
    void operator()(char *s) const { ssh_string_free_char(s); }
};
using CStringPtr = std::unique_ptr<char, CStringDeleter>;

struct HashDeleter {
    void operator()(unsigned char *hash) const { ssh_clean_pubkey_hash(&hash); }
};
using HashPtr = std::unique_ptr<unsigned char, HashDeleter>;

} // namespace onramp::ssh
