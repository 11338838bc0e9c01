#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <libssh/libssh.h>

#include <optional>

namespace onramp::ssh {

// Where signing in stands after a step: done, failed, or waiting for the person.
struct AuthStep {
    enum class Kind { SignedIn, NeedsAnswer, Failed };
    Kind kind = Kind::Failed;
    remote::AuthRequest request; // NeedsAnswer
    Error error; // Failed
};

// Signs in on a connected session whose host key has been accepted, one step at a time so that a
// question for the person (password, passphrase, one-time code) goes back to the event loop
// instead of blocking it. The order is OpenSSH's: "none", public key (ssh-agent, then each identity
// file, asking for the passphrase of an encrypted one), keyboard-interactive, password; each only
// if the server offers it. SSH_AUTH_PARTIAL (key *and* one-time code sites) re-reads what the
// server still wants. A refused answer is never sent again: the person is asked again, with the
// refusal shown, and decides.
class Authenticator {
public:
    Authenticator(ssh_session session, const remote::Endpoint &effective);

    AuthStep start();
    // The person's answers to the request of the last NeedsAnswer step, one per prompt.
    AuthStep answer(const QStringList &answers);
    // The person declined: an encrypted key is skipped, anything else stops with Cancelled.
    AuthStep decline();

    // True once a question went to the person: a reconnect must then ask before it starts.
    bool neededPerson() const { return m_askedPerson; }

private:
    enum class Outcome { Success, Partial, Denied, Ask, Failed };
    enum class Pending { None, Passphrase, KeyboardInteractive, Password };

    AuthStep proceed();
    AuthStep stepFor(Outcome outcome);
    Outcome nextPublicKey();
    Outcome tryKeyFile(const QString &path, const QByteArray &passphrase);
    Outcome startKeyboardInteractive();
    Outcome readKeyboardInteractive(int rc);
    Outcome askPassword();
    Outcome fromLibssh(int rc);
    remote::AuthRequest baseRequest(remote::AuthRequest::Kind kind) const;
    Error failure() const;
    Error brokenConnection() const;

    ssh_session m_session;
    remote::Endpoint m_endpoint;
    QString m_hostName; // "[host]:port" as known_hosts writes it
    QList<int> m_order; // SSH_AUTH_METHOD_* in the order to try
    int m_offered = 0; // SSH_AUTH_METHOD_* bits the server offers now
    int m_tried = 0; // SSH_AUTH_METHOD_* bits tried so far
    bool m_agentTried = false;
    qsizetype m_nextIdentity = 0;
    QString m_pendingKey; // the encrypted key file waiting for its passphrase
    Pending m_pending = Pending::None;
    remote::AuthRequest m_request; // the question now open
    QString m_refusal; // why the last answer was refused, for the next question
    bool m_askedPerson = false;
    bool m_kbdAnswered = false; // this keyboard-interactive exchange already got answers
    QString m_detail; // libssh's text from the last failing call
    std::optional<Error> m_keyError; // an identity file could not be used at all
};

// True if the private key file is protected by a passphrase (OpenSSH and PEM formats).
bool isEncryptedPrivateKey(const QByteArray &fileContents);

} // namespace onramp::ssh
