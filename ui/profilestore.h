#pragma once

#include "remote/transport.h"

#include <QList>
#include <QString>

class QSettings;

namespace onramp {
namespace ui {

// A named place to connect to: what the connection form holds, saved under a name the person
// chose ("School cluster", "Lab via gateway"). Only where and how to connect is kept, never a
// secret: passwords go to the keychain (CredentialStore), keys stay in their files.
struct Profile {
    QString name;
    remote::Endpoint endpoint;
    friend bool operator==(const Profile &a, const Profile &b)
    {
        return a.name == b.name && a.endpoint.host == b.endpoint.host && a.endpoint.port == b.endpoint.port
            && a.endpoint.user == b.endpoint.user && a.endpoint.identityFile == b.endpoint.identityFile
            && a.endpoint.knownHostsFile == b.endpoint.knownHostsFile
            && a.endpoint.sshConfigFile == b.endpoint.sshConfigFile
            && a.endpoint.proxyJump == b.endpoint.proxyJump;
    }
};

// The saved profiles, in QSettings ("Onramp"/"Onramp", group "profiles"), sorted by name. A value
// class like AppSettings: load() reads, save() writes the whole list.
class ProfileStore {
public:
    static constexpr int kMaxNameLength = 60;

    QList<Profile> profiles;

    static ProfileStore load();
    static ProfileStore load(const QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;

    // Adds or replaces (same name, compared without case) and keeps the list sorted.
    void put(const Profile &profile);
    bool remove(const QString &name);
    const Profile *find(const QString &name) const;

    // Empty when `name` can be saved; otherwise why not, translated.
    static QString nameProblem(const QString &name);
};

} // namespace ui
} // namespace onramp
