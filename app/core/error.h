#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace onramp {

// What went wrong, for code that must react to it (retry, ask the person, give up).
enum class ErrorKind {
    InvalidInput,
    ConnectFailed,
    HostKeyUnknown,
    HostKeyChanged,
    AuthFailed,
    ChannelFailed,
    Timeout,
    Cancelled,
    Disconnected,
    UnexpectedOutput, // a tool printed something Onramp could not read (a parser's error)
    Internal,
};

// Errors are values: a translated sentence for the person and a technical detail for the log.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message; // translated, shown to the person
    QString detail; // untranslated technical detail (library text, errno); never a secret
};

// A value or an Error. Small on purpose: std::expected arrives with C++23.
template<typename T> class Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
using Status = Result<std::monostate>;
inline Status success()
{
    return Status(std::monostate {});
}

} // namespace onramp
