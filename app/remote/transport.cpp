#include "remote/transport.h"

#include <QCoreApplication>

namespace onramp::remote {

RemoteProcess::~RemoteProcess() = default;
RemoteTerminal::~RemoteTerminal() = default;
RemoteFileOperation::~RemoteFileOperation() = default;
Transport::~Transport() = default;

QString describe(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("onramp::remote", "Not connected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("onramp::remote", "Connecting…");
    case ConnectionState::VerifyingHostKey:
        return QCoreApplication::translate("onramp::remote", "Checking the server's identity…");
    case ConnectionState::Authenticating:
        return QCoreApplication::translate("onramp::remote", "Signing in…");
    case ConnectionState::Connected:
        return QCoreApplication::translate("onramp::remote", "Connected");
    case ConnectionState::Failed:
        return QCoreApplication::translate("onramp::remote", "Connection failed");
    case ConnectionState::Reconnecting:
        return QCoreApplication::translate("onramp::remote", "Connection dropped, reconnecting…");
    case ConnectionState::Lost:
        return QCoreApplication::translate("onramp::remote", "Connection lost");
    }
    return {};
}

} // namespace onramp::remote
