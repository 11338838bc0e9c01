#pragma once

#include "remote/transport.h"
#include "ui/credentialstore.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QPushButton>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace onramp {
namespace ui {

// Asks the person for what a sign-in step needs (a password, a key's passphrase, or the answers
// to a server's keyboard-interactive questions such as a one-time code): who asks, the server's
// own name and instruction (always plain text: server text is never read as HTML), one field per
// prompt labelled with the prompt's words (hidden unless the server asks for echo), the reason the
// last answer was refused, and "Remember this password" only where remembering is right, with
// where it would be kept. Enter submits; Cancel declines. answers() is in the prompts' order.
class CredentialDialog : public QDialog {
    Q_OBJECT
public:
    explicit CredentialDialog(const remote::AuthRequest &request, QWidget *parent = nullptr);
    ~CredentialDialog() override;

    const remote::AuthRequest &request() const { return m_request; }
    // The person's answers, one per prompt, in order (empty until accepted).
    QStringList answers() const;
    // Whether the person asked to remember the password (only offered with a rememberKey).
    bool rememberRequested() const;
    // Where a remembered password would be kept; updates the line under the checkbox.
    void setRememberLocation(CredentialStore::Location location);
    QList<QLineEdit *> fields() const;
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }

    // Overwrites the typed secrets (after they were handed on, or on cancel).
    void wipe();

    // Who asks, as shown: "student@127.0.0.1:2222" (or the host alone without a user).
    static QString who(const remote::AuthRequest &request);

protected:
    void done(int result) override;

private:
    void fitHeight();

    remote::AuthRequest m_request;
    QList<QLineEdit *> m_fields;
    QStringList m_answers;
    QPointer<QCheckBox> m_remember;
    QPointer<QLabel> m_rememberWhere;
    CredentialStore::Location m_rememberLocation = CredentialStore::Location::Checking;
    QPointer<QPushButton> m_ok;
    QPointer<QPushButton> m_cancel;
};

} // namespace ui
} // namespace onramp
