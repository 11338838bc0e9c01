#include "ui/profilestore.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>

namespace onramp {
namespace ui {

namespace {

const QString kOrganization = QStringLiteral("Onramp");
const QString kApplication = QStringLiteral("Onramp");
const QString kGroup = QStringLiteral("profiles");

struct ProfileTr {
    Q_DECLARE_TR_FUNCTIONS(Profile)
};

} // namespace

ProfileStore ProfileStore::load()
{
    const QSettings settings(kOrganization, kApplication);
    return load(settings);
}

ProfileStore ProfileStore::load(const QSettings &settings)
{
    ProfileStore store;
    // QSettings::beginReadArray needs a non-const object; the keys are read by name instead.
    const int count = settings.value(kGroup + QStringLiteral("/size")).toInt();
    for (int i = 1; i <= count; ++i) {
        const QString prefix = QStringLiteral("%1/%2/").arg(kGroup).arg(i);
        Profile p;
        p.name = settings.value(prefix + QStringLiteral("name")).toString().trimmed();
        p.endpoint.host = settings.value(prefix + QStringLiteral("host")).toString().trimmed();
        if (!nameProblem(p.name).isEmpty() || p.endpoint.host.isEmpty())
            continue; // a hand-edited entry that cannot be used
        p.endpoint.port = qBound(0, settings.value(prefix + QStringLiteral("port")).toInt(), 65535);
        p.endpoint.user = settings.value(prefix + QStringLiteral("user")).toString();
        p.endpoint.identityFile = settings.value(prefix + QStringLiteral("identityFile")).toString();
        p.endpoint.knownHostsFile = settings.value(prefix + QStringLiteral("knownHostsFile")).toString();
        p.endpoint.sshConfigFile = settings.value(prefix + QStringLiteral("sshConfigFile")).toString();
        p.endpoint.proxyJump = settings.value(prefix + QStringLiteral("proxyJump")).toString();
        store.put(p);
    }
    return store;
}

void ProfileStore::save() const
{
    QSettings settings(kOrganization, kApplication);
    save(settings);
    settings.sync();
}

void ProfileStore::save(QSettings &settings) const
{
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("host"), p.endpoint.host);
        settings.setValue(QStringLiteral("port"), p.endpoint.port);
        settings.setValue(QStringLiteral("user"), p.endpoint.user);
        settings.setValue(QStringLiteral("identityFile"), p.endpoint.identityFile);
        settings.setValue(QStringLiteral("knownHostsFile"), p.endpoint.knownHostsFile);
        settings.setValue(QStringLiteral("sshConfigFile"), p.endpoint.sshConfigFile);
        settings.setValue(QStringLiteral("proxyJump"), p.endpoint.proxyJump);
    }
    settings.endArray();
}

void ProfileStore::put(const Profile &profile)
{
    remove(profile.name);
    profiles.append(profile);
    std::sort(profiles.begin(), profiles.end(), [](const Profile &a, const Profile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
}

bool ProfileStore::remove(const QString &name)
{
    return profiles.removeIf([&name](const Profile &p) {
        return p.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
    }) > 0;
}

const Profile *ProfileStore::find(const QString &name) const
{
    for (const Profile &p : profiles)
        if (p.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

QString ProfileStore::nameProblem(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return ProfileTr::tr("Give the profile a name.");
    if (trimmed.size() > kMaxNameLength)
        return ProfileTr::tr("A profile name has at most %n characters.", nullptr, kMaxNameLength);
    for (const QChar c : trimmed)
        if (c.category() == QChar::Other_Control)
            return ProfileTr::tr("A profile name cannot contain control characters.");
    return {};
}

} // namespace ui
} // namespace onramp
