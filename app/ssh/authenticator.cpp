#include "ssh/authenticator.h"

#include "ssh/hostkeycheck.h"
#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QtEndian>

#include <algorithm>

namespace onramp::ssh {

namespace {

// Servers may send keyboard-interactive rounds without any prompt (an instruction only); a bound
// keeps a misbehaving server from spinning us.
constexpr int kMaxEmptyRounds = 5;

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << Tr::tr("public key");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << Tr::tr("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << Tr::tr("password");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << Tr::tr("Kerberos (GSSAPI)");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << Tr::tr("host-based");
    return names.isEmpty() ? Tr::tr("none") : names.join(QStringLiteral(", "));
}

// Overwrites a secret before its buffer goes back to the allocator.
void wipe(QByteArray &secret)
{
    secret.fill('\0');
    secret.clear();
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace

bool isEncryptedPrivateKey(const QByteArray &contents)
{
    if (contents.contains("Proc-Type: 4,ENCRYPTED") || contents.contains("BEGIN ENCRYPTED PRIVATE KEY"))
        return true;
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype start = contents.indexOf(begin);
    const qsizetype end = contents.indexOf("-----END OPENSSH PRIVATE KEY-----");
    if (start < 0 || end < start)
        return false;
    const QByteArray body
        = QByteArray::fromBase64(contents.mid(start + begin.size(), end - start - begin.size()).simplified());
    // openssh-key-v1\0, then the cipher name as an SSH string: "none" for an unencrypted key.
    const QByteArray magic("openssh-key-v1\0", 15);
    if (!body.startsWith(magic) || body.size() < magic.size() + 4)
        return false;
    const quint32 length = qFromBigEndian<quint32>(body.constData() + magic.size());
    return body.mid(magic.size() + 4, length) != "none";
}

Authenticator::Authenticator(ssh_session session, const remote::Endpoint &effective)
    : m_session(session), m_endpoint(effective), m_hostName(knownHostsName(effective.host, effective.port))
{
    if (m_endpoint.identityFiles.isEmpty() && !m_endpoint.identityFile.isEmpty())
        m_endpoint.identityFiles << m_endpoint.identityFile;
    static const QList<QPair<QString, int>> methods {
        {QStringLiteral("publickey"), SSH_AUTH_METHOD_PUBLICKEY},
        {QStringLiteral("keyboard-interactive"), SSH_AUTH_METHOD_INTERACTIVE},
        {QStringLiteral("password"), SSH_AUTH_METHOD_PASSWORD},
    };
    for (const QString &name : m_endpoint.preferredAuthentications) {
        for (const auto &[known, bit] : methods) {
            if (name.trimmed() == known && !m_order.contains(bit))
                m_order << bit;
        }
    }
    if (m_order.isEmpty()) {
        for (const auto &[known, bit] : methods)
            m_order << bit;
    }
}

AuthStep Authenticator::start()
{
    // "none" both asks for the list of methods and lets servers that need nothing in.
    const int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return AuthStep {AuthStep::Kind::SignedIn, {}, {}};
    if (rc == SSH_AUTH_ERROR)
        return AuthStep {AuthStep::Kind::Failed, {}, brokenConnection()};
    return proceed();
}

AuthStep Authenticator::proceed()
{
    for (;;) {
        m_offered = ssh_userauth_list(m_session, nullptr);
        const auto next = std::find_if(m_order.cbegin(), m_order.cend(), [this](int method) {
            return (m_offered & method) && !(m_tried & method);
        });
        if (next == m_order.cend())
            return AuthStep {AuthStep::Kind::Failed, {}, failure()};
        Outcome outcome = Outcome::Denied;
        switch (*next) {
        case SSH_AUTH_METHOD_PUBLICKEY:
            outcome = nextPublicKey();
            break;
        case SSH_AUTH_METHOD_INTERACTIVE:
            outcome = startKeyboardInteractive();
            break;
        default:
            outcome = askPassword();
            break;
        }
        if (outcome != Outcome::Denied && outcome != Outcome::Partial)
            return stepFor(outcome);
        // Denied: the next method (or key). Partial: one factor accepted, the server wants another;
        // the next round reads what it still offers.
    }
}

AuthStep Authenticator::stepFor(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success:
        return AuthStep {AuthStep::Kind::SignedIn, {}, {}};
    case Outcome::Ask:
        m_askedPerson = true;
        m_request.previousError = std::exchange(m_refusal, {});
        return AuthStep {AuthStep::Kind::NeedsAnswer, m_request, {}};
    case Outcome::Failed:
        return AuthStep {AuthStep::Kind::Failed, {}, brokenConnection()};
    case Outcome::Partial:
    case Outcome::Denied:
        break;
    }
    return proceed();
}

AuthStep Authenticator::answer(const QStringList &answers)
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::None:
        return AuthStep {AuthStep::Kind::Failed,
                         {},
                         Error {ErrorKind::Internal, Tr::tr("An answer arrived when no question was open."),
                                QStringLiteral("answer without a pending question")}};
    case Pending::Passphrase: {
        QByteArray passphrase = answers.value(0).toUtf8();
        const Outcome outcome = tryKeyFile(m_pendingKey, passphrase);
        wipe(passphrase);
        return stepFor(outcome);
    }
    case Pending::Password: {
        QByteArray password = answers.value(0).toUtf8();
        const int rc = ssh_userauth_password(m_session, nullptr, password.constData());
        wipe(password);
        if (rc == SSH_AUTH_DENIED) {
            // One attempt per answer: the person is asked again and decides whether to retry.
            m_refusal = Tr::tr("The server did not accept this password.");
            m_detail = fromUtf8(ssh_get_error(m_session));
            return stepFor(askPassword());
        }
        return stepFor(fromLibssh(rc));
    }
    case Pending::KeyboardInteractive: {
        for (int i = 0; i < m_request.prompts.size(); ++i) {
            QByteArray reply = answers.value(i).toUtf8();
            ssh_userauth_kbdint_setanswer(m_session, static_cast<unsigned int>(i), reply.constData());
            wipe(reply); // libssh keeps its own copy, which it clears after sending
        }
        m_kbdAnswered = true;
        return stepFor(readKeyboardInteractive(ssh_userauth_kbdint(m_session, nullptr, nullptr)));
    }
    }
    return proceed();
}

AuthStep Authenticator::decline()
{
    if (std::exchange(m_pending, Pending::None) == Pending::Passphrase)
        return proceed(); // the next key, then the other methods
    if (!m_request.previousError.isEmpty())
        return AuthStep {
            AuthStep::Kind::Failed,
            {},
            Error {ErrorKind::AuthFailed,
                   Tr::tr("%1 Signing in to %2 was stopped.").arg(m_request.previousError, m_hostName),
                   m_detail}};
    return AuthStep {AuthStep::Kind::Failed,
                     {},
                     Error {ErrorKind::Cancelled, Tr::tr("Signing in to %1 was cancelled.").arg(m_hostName),
                            QStringLiteral("credentials declined")}};
}

Authenticator::Outcome Authenticator::fromLibssh(int rc)
{
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return Outcome::Success;
    case SSH_AUTH_PARTIAL:
        return Outcome::Partial;
    case SSH_AUTH_DENIED:
        m_detail = fromUtf8(ssh_get_error(m_session));
        return Outcome::Denied;
    default:
        m_detail = fromUtf8(ssh_get_error(m_session));
        return Outcome::Failed;
    }
}

Authenticator::Outcome Authenticator::nextPublicKey()
{
    if (!m_agentTried) {
        m_agentTried = true;
        // IdentitiesOnly: only the configured files, not whatever the agent holds (servers count
        // every offered key against MaxAuthTries).
        if (!m_endpoint.identitiesOnly && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            const int rc = ssh_userauth_agent(m_session, nullptr);
            if (rc == SSH_AUTH_SUCCESS || rc == SSH_AUTH_PARTIAL)
                return fromLibssh(rc);
            if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
                return fromLibssh(rc);
            // An agent that is unreachable or holds no key the server likes: the files are next.
        }
    }
    while (m_nextIdentity < m_endpoint.identityFiles.size()) {
        const QString path = m_endpoint.identityFiles.at(m_nextIdentity++);
        const bool chosen = path == m_endpoint.identityFile;
        if (!QFileInfo::exists(path)) {
            if (chosen)
                m_keyError
                    = Error {ErrorKind::AuthFailed, Tr::tr("The key file %1 does not exist.").arg(path),
                             QStringLiteral("identity file missing")};
            continue;
        }
        // Ask the server first with the public half: a passphrase is asked only for a key the
        // server would accept.
        ssh_key rawPublic = nullptr;
        const QByteArray publicPath = QFile::encodeName(path + QStringLiteral(".pub"));
        if (ssh_pki_import_pubkey_file(publicPath.constData(), &rawPublic) == SSH_OK) {
            const KeyPtr publicKey(rawPublic);
            const int rc = ssh_userauth_try_publickey(m_session, nullptr, publicKey.get());
            if (rc == SSH_AUTH_DENIED)
                continue;
            if (rc != SSH_AUTH_SUCCESS)
                return fromLibssh(rc);
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_keyError = Error {ErrorKind::AuthFailed, Tr::tr("The key file %1 could not be read.").arg(path),
                                file.errorString()};
            continue;
        }
        if (isEncryptedPrivateKey(file.readAll())) {
            m_pendingKey = path;
            m_pending = Pending::Passphrase;
            m_request = baseRequest(remote::AuthRequest::Kind::Passphrase);
            m_request.keyFile = path;
            m_request.prompts = {remote::AuthPrompt {Tr::tr("Passphrase for %1:").arg(path), false}};
            return Outcome::Ask;
        }
        const Outcome outcome = tryKeyFile(path, {});
        if (outcome != Outcome::Denied)
            return outcome;
    }
    m_tried |= SSH_AUTH_METHOD_PUBLICKEY;
    return Outcome::Denied;
}

Authenticator::Outcome Authenticator::tryKeyFile(const QString &path, const QByteArray &passphrase)
{
    const QByteArray encoded = QFile::encodeName(path);
    ssh_key rawKey = nullptr;
    if (ssh_pki_import_privkey_file(encoded.constData(),
                                    passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr, nullptr,
                                    &rawKey)
        != SSH_OK) {
        if (!passphrase.isEmpty()) {
            // Checked here, on this computer: a wrong passphrase never reaches the server.
            m_refusal = Tr::tr("This passphrase does not unlock the key.");
            m_pending = Pending::Passphrase;
            return Outcome::Ask;
        }
        m_keyError
            = Error {ErrorKind::AuthFailed,
                     Tr::tr("The key file %1 could not be read. It may not be a private key.").arg(path),
                     QStringLiteral("ssh_pki_import_privkey_file failed")};
        return Outcome::Denied;
    }
    const KeyPtr key(rawKey);
    return fromLibssh(ssh_userauth_publickey(m_session, nullptr, key.get()));
}

Authenticator::Outcome Authenticator::startKeyboardInteractive()
{
    m_kbdAnswered = false;
    return readKeyboardInteractive(ssh_userauth_kbdint(m_session, nullptr, nullptr));
}

Authenticator::Outcome Authenticator::readKeyboardInteractive(int rc)
{
    for (int round = 0; rc == SSH_AUTH_INFO; ++round) {
        const int count = ssh_userauth_kbdint_getnprompts(m_session);
        if (count > 0) {
            m_request = baseRequest(remote::AuthRequest::Kind::KeyboardInteractive);
            m_request.name = fromUtf8(ssh_userauth_kbdint_getname(m_session));
            m_request.instruction = fromUtf8(ssh_userauth_kbdint_getinstruction(m_session));
            for (int i = 0; i < count; ++i) {
                char echo = 0;
                const char *text
                    = ssh_userauth_kbdint_getprompt(m_session, static_cast<unsigned int>(i), &echo);
                m_request.prompts << remote::AuthPrompt {fromUtf8(text), echo != 0};
            }
            // A password-only exchange may be remembered; one-time codes must not be.
            // PAM's "Password: " (or "student's password:"), not "One-time password (OATH)".
            static const QRegularExpression plainPassword(QStringLiteral("^([^:]*'s )?password:?$"),
                                                          QRegularExpression::CaseInsensitiveOption);
            const bool passwordLike = count == 1 && !m_request.prompts.first().echo
                && plainPassword.match(m_request.prompts.first().text.trimmed()).hasMatch();
            if (!passwordLike)
                m_request.rememberKey.clear();
            m_pending = Pending::KeyboardInteractive;
            return Outcome::Ask;
        }
        if (round >= kMaxEmptyRounds)
            break;
        rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
    }
    if (rc == SSH_AUTH_DENIED && m_kbdAnswered) {
        // The answer (a code, a password) was wrong: ask again in a new exchange, never resend.
        m_refusal = Tr::tr("The server did not accept this answer.");
        m_detail = fromUtf8(ssh_get_error(m_session));
        return startKeyboardInteractive();
    }
    if (rc == SSH_AUTH_DENIED || rc == SSH_AUTH_INFO)
        m_tried |= SSH_AUTH_METHOD_INTERACTIVE;
    if (rc == SSH_AUTH_PARTIAL)
        m_tried &= ~SSH_AUTH_METHOD_INTERACTIVE; // a second factor may come through this method too
    return rc == SSH_AUTH_INFO ? Outcome::Denied : fromLibssh(rc);
}

Authenticator::Outcome Authenticator::askPassword()
{
    m_pending = Pending::Password;
    m_request = baseRequest(remote::AuthRequest::Kind::Password);
    m_request.prompts
        = {remote::AuthPrompt {Tr::tr("Password for %1@%2:").arg(m_endpoint.user, m_hostName), false}};
    return Outcome::Ask;
}

remote::AuthRequest Authenticator::baseRequest(remote::AuthRequest::Kind kind) const
{
    remote::AuthRequest request;
    request.kind = kind;
    request.host = m_hostName;
    request.user = m_endpoint.user;
    if (kind != remote::AuthRequest::Kind::Passphrase)
        request.rememberKey = m_endpoint.user + QLatin1Char('@') + m_hostName;
    return request;
}

Error Authenticator::brokenConnection() const
{
    return Error {ErrorKind::ConnectFailed,
                  Tr::tr("The connection to %1 broke while signing in.").arg(m_hostName), m_detail};
}

Error Authenticator::failure() const
{
    if (m_keyError && !(m_tried & (SSH_AUTH_METHOD_INTERACTIVE | SSH_AUTH_METHOD_PASSWORD)))
        return *m_keyError;
    QStringList tried;
    if (m_tried & SSH_AUTH_METHOD_PUBLICKEY)
        tried << (m_endpoint.identityFiles.isEmpty()
                      ? Tr::tr("public key (ssh-agent)")
                      : Tr::tr("public key (%1)").arg(m_endpoint.identityFiles.join(QStringLiteral(", "))));
    if (m_tried & SSH_AUTH_METHOD_INTERACTIVE)
        tried << Tr::tr("keyboard-interactive");
    if (m_tried & SSH_AUTH_METHOD_PASSWORD)
        tried << Tr::tr("password");
    const QString who = m_endpoint.user + QLatin1Char('@') + m_hostName;
    const QString message = tried.isEmpty()
        ? Tr::tr("The server did not let %1 sign in with a method Onramp supports. The server offers: %2.")
              .arg(who, methodNames(m_offered))
        : Tr::tr("The server refused to let %1 sign in. Onramp tried: %2. The server offers: %3.")
              .arg(who, tried.join(QStringLiteral("; ")), methodNames(m_offered));
    return Error {ErrorKind::AuthFailed, message,
                  QStringLiteral("offered=0x%1 tried=0x%2 %3")
                      .arg(QString::number(m_offered, 16), QString::number(m_tried, 16), m_detail)};
}

} // namespace onramp::ssh
