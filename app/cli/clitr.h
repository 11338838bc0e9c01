#pragma once

#include <QCoreApplication>

namespace onramp::cli {

// Translation context for onramp-cli's sentences.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(onramp::cli)
};

// Exit status for "no remote exit code": connection, host key or sign-in problems (as ssh(1)).
constexpr int kExitConnectionError = 255;

} // namespace onramp::cli
