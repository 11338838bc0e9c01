#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace onramp {
namespace ui {

// Remembers sign-in passwords the person asked Onramp to keep ("Remember this password"), under
// the transport's remember key ("user@host:port"). They go to the system keychain (Secret
// Service, KWallet, macOS Keychain, Windows Credential Manager, through qtkeychain, service
// "Onramp") when one works; otherwise they stay in this object's memory for the session only, and
// location() says so, so the dialog can tell the person which. Every keychain call is
// asynchronous; nothing here blocks the GUI thread, logs a secret or writes one to disk itself
// (qtkeychain's plain-text "insecure fallback" stays off). Copies in memory are overwritten on
// forget() and on destruction.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    enum class Location {
        Checking, // the keychain probe has not answered yet
        Keychain, // the system keychain works
        Memory, // no keychain: this session only, in memory
    };
    enum class Mode {
        Auto, // probe the system keychain, fall back to memory
        MemoryOnly, // never touch a keychain (tests, or a person who wants nothing stored)
    };

    explicit CredentialStore(Mode mode = Mode::Auto, QObject *parent = nullptr);
    ~CredentialStore() override;

    Location location() const { return m_location; }
    // Why the keychain is not used (qtkeychain's words, for the log); empty while it works.
    QString keychainProblem() const { return m_problem; }

    // Calls `done` exactly once, later (never inside this call), with the password remembered
    // under `key`, or nothing. Skipped when `context` is gone by then.
    void lookup(const QString &key, QObject *context, std::function<void(std::optional<QString>)> done);
    // Keeps `secret` under `key`, replacing an older one. Emits stored() when it is kept.
    void remember(const QString &key, const QString &secret);
    // Drops what is kept under `key` (a remembered password that the server refused).
    void forget(const QString &key);
    // Whether a password is known to be kept under `key` in memory (the keychain is not asked).
    bool hasInMemory(const QString &key) const;

Q_SIGNALS:
    void locationChanged(onramp::ui::CredentialStore::Location location);
    // `location`: where the secret went (a failing keychain write falls back to memory).
    void stored(const QString &key, onramp::ui::CredentialStore::Location location);
    void forgotten(const QString &key);

private:
    void probe();
    void setLocation(Location location, const QString &problem = {});
    void keepInMemory(const QString &key, const QString &secret);
    void wipe(const QString &key);
    void runWhenKnown(std::function<void()> task);

    Mode m_mode;
    Location m_location = Location::Checking;
    QString m_problem;
    QHash<QString, QString> m_memory;
    QList<std::function<void()>> m_waiting; // lookups that came before the probe's answer
};

// Overwrites a string's characters before it is dropped (best effort: Qt may hold other copies).
void wipeString(QString &secret);
void wipeStrings(QStringList &secrets);

} // namespace ui
} // namespace onramp
