#include "cli/hostkeyprompt.h"

#include "cli/clitr.h"

#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

namespace onramp::cli {

namespace {
QString hostName(const remote::HostKey &key)
{
    return key.port == 22 ? key.host : QStringLiteral("[%1]:%2").arg(key.host).arg(key.port);
}
} // namespace

bool decideOnUnknownHostKey(const remote::HostKey &key, bool acceptNew)
{
    QTextStream err(stderr);
    err << Tr::tr("The authenticity of host %1 can't be established.\n%2 key fingerprint is %3.\n")
               .arg(hostName(key), key.type, key.fingerprint);
    if (acceptNew) {
        err << Tr::tr("Accepting it as asked (--accept-new-host-key) and adding it to %1.\n")
                   .arg(key.knownHostsFile);
        return true;
    }
    if (!isatty(STDIN_FILENO)) {
        err << Tr::tr(
            "There is no terminal to ask whether to trust it. Compare the fingerprint with the one your "
            "cluster publishes, then run again with --accept-new-host-key.\n");
        return false;
    }
    err << Tr::tr("Do you trust this host and want to continue connecting (yes/no)? ");
    err.flush();
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    const QString reply = QString::fromLocal8Bit(answer).trimmed().toLower();
    return reply == QLatin1String("yes") || reply == QLatin1String("y");
}

} // namespace onramp::cli
