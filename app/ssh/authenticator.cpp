#include "ssh/authenticator.h"

#include "ssh/libsshhandles.h"
#include "ssh/sshtr.h"

#include <QFile>
#include <QStringList>

namespace onramp::ssh {

namespace {

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

} // namespace

Authenticator::Authenticator(ssh_session session, const remote::Endpoint &endpoint)
    : m_session(session), m_endpoint(endpoint)
{ }

Status Authenticator::run()
{
    // "none" both asks for the list of methods and lets servers that need nothing in.
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return success();
    if (rc == SSH_AUTH_ERROR)
        return Error {ErrorKind::ConnectFailed, Tr::tr("The connection broke while signing in."),
                      QString::fromUtf8(ssh_get_error(m_session))};

    for (;;) {
        m_offered = ssh_userauth_list(m_session, nullptr);
        Outcome outcome = Outcome::Denied;
        if ((m_offered & SSH_AUTH_METHOD_PUBLICKEY) && !(m_tried & SSH_AUTH_METHOD_PUBLICKEY))
            outcome = tryPublicKey();
        else
            return failure(); // nothing left that we may try

        switch (outcome) {
        case Outcome::Success:
            return success();
        case Outcome::Partial:
            // One factor accepted and the server asks for another (e.g. a one-time password):
            // the next round reads the methods it still offers.
            continue;
        case Outcome::Denied:
            continue;
        case Outcome::Failed:
            return Error {ErrorKind::ConnectFailed, Tr::tr("The connection broke while signing in."),
                          m_detail};
        }
    }
}

Authenticator::Outcome Authenticator::tryPublicKey()
{
    m_tried |= SSH_AUTH_METHOD_PUBLICKEY;
    int rc = SSH_AUTH_DENIED;
    if (!m_endpoint.identityFile.isEmpty()) {
        // An explicit identity is used alone (like IdentitiesOnly): the person chose this key.
        const QByteArray path = QFile::encodeName(m_endpoint.identityFile);
        ssh_key rawKey = nullptr;
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &rawKey) != SSH_OK) {
            m_keyError
                = Error {ErrorKind::AuthFailed,
                         Tr::tr("The key file %1 could not be read. It may be missing, not a private key, "
                                "or protected by a passphrase.")
                             .arg(m_endpoint.identityFile),
                         QStringLiteral("ssh_pki_import_privkey_file failed")};
            return Outcome::Denied;
        }
        const KeyPtr key(rawKey);
        rc = ssh_userauth_publickey(m_session, nullptr, key.get());
    } else {
        rc = ssh_userauth_publickey_auto(m_session, nullptr, nullptr);
    }
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return Outcome::Success;
    case SSH_AUTH_PARTIAL:
        return Outcome::Partial;
    case SSH_AUTH_DENIED:
        m_detail = QString::fromUtf8(ssh_get_error(m_session));
        return Outcome::Denied;
    default:
        m_detail = QString::fromUtf8(ssh_get_error(m_session));
        return Outcome::Failed;
    }
}

Error Authenticator::failure() const
{
    if (m_keyError)
        return *m_keyError;
    const QString who
        = m_endpoint.user.isEmpty() ? m_endpoint.host : m_endpoint.user + QLatin1Char('@') + m_endpoint.host;
    const QString keySource = m_endpoint.identityFile.isEmpty()
        ? Tr::tr("the keys in ssh-agent and ~/.ssh")
        : Tr::tr("the key %1").arg(m_endpoint.identityFile);
    QString message;
    if (m_tried & SSH_AUTH_METHOD_PUBLICKEY)
        message
            = Tr::tr(
                  "The server refused to let %1 sign in. Onramp tried: public key (%2). The server offers: "
                  "%3.")
                  .arg(who, keySource, methodNames(m_offered));
    else
        message = Tr::tr("The server did not let %1 sign in with a method Onramp can use yet. Onramp tried: "
                         "none. The server offers: %2.")
                      .arg(who, methodNames(m_offered));
    return Error {ErrorKind::AuthFailed, message,
                  QStringLiteral("offered=0x%1 tried=0x%2 %3")
                      .arg(QString::number(m_offered, 16), QString::number(m_tried, 16), m_detail)};
}

} // namespace onramp::ssh
