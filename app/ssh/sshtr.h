#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>

namespace onramp::ssh {

// Translation context for the SSH layer's sentences (non-QObject code translates through it).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(onramp::ssh)
};

// Technical log of the SSH layer. Never receives a secret (passwords, passphrases, OTPs).
Q_DECLARE_LOGGING_CATEGORY(lcSsh)

} // namespace onramp::ssh
