#include "ui/credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QTimer>

namespace onramp {
namespace ui {

namespace {
Q_LOGGING_CATEGORY(lcStore, "onramp.ui.credentials")

const QString kService = QStringLiteral("Onramp");
// Jobs have no parent and delete themselves once finished: qtkeychain's libsecret backend calls
// back into its job when GLib's answer arrives, so a job deleted while running (with a store that
// went away) would be used after it was freed. Their signals reach the store only while it lives.
// Read, never written: its answer only tells whether a keychain is there to ask.
const QString kProbeKey = QStringLiteral("onramp-keychain-probe");
// A keychain that does not answer at all (a D-Bus service hanging) counts as none.
constexpr int kProbeTimeoutMs = 10000;

bool keychainWorked(QKeychain::Error error)
{
    return error == QKeychain::NoError || error == QKeychain::EntryNotFound;
}
} // namespace

void wipeString(QString &secret)
{
    secret.fill(QChar(0));
    secret.clear();
}

void wipeStrings(QStringList &secrets)
{
    for (QString &s : secrets)
        wipeString(s);
    secrets.clear();
}

CredentialStore::CredentialStore(Mode mode, QObject *parent) : QObject(parent), m_mode(mode)
{
    if (m_mode == Mode::MemoryOnly)
        m_location = Location::Memory;
    else
        probe();
}

CredentialStore::~CredentialStore()
{
    for (auto it = m_memory.begin(); it != m_memory.end(); ++it)
        wipeString(it.value());
    m_memory.clear();
}

void CredentialStore::probe()
{
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(kProbeKey);
    auto *timeout = new QTimer(job);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this] {
        if (m_location == Location::Checking)
            setLocation(Location::Memory,
                        QStringLiteral("the keychain did not answer within %1 ms").arg(kProbeTimeoutMs));
    });
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (m_location != Location::Checking)
            return; // timed out meanwhile
        QString data = job->textData();
        wipeString(data);
        if (keychainWorked(job->error()))
            setLocation(Location::Keychain);
        else
            setLocation(Location::Memory,
                        job->errorString().isEmpty()
                            ? QStringLiteral("keychain error %1").arg(int(job->error()))
                            : job->errorString());
    });
    timeout->start(kProbeTimeoutMs);
    job->start();
}

void CredentialStore::setLocation(Location location, const QString &problem)
{
    m_problem = problem;
    if (location == Location::Memory && !problem.isEmpty())
        qCDebug(lcStore) << "no usable system keychain, remembered passwords stay in memory:" << problem;
    const bool changed = m_location != location;
    m_location = location;
    if (m_location != Location::Checking) {
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &task : waiting)
            task();
    }
    if (changed)
        Q_EMIT locationChanged(m_location);
}

void CredentialStore::runWhenKnown(std::function<void()> task)
{
    if (m_location == Location::Checking)
        m_waiting.append(std::move(task));
    else
        task();
}

void CredentialStore::lookup(const QString &key, QObject *context,
                             std::function<void(std::optional<QString>)> done)
{
    QPointer<QObject> guard = context;
    // A found flag rather than an optional by value: GCC 12 at -O2 misreads a moved-from
    // std::optional<QString> as uninitialised (-Wmaybe-uninitialized).
    auto deliver = [guard, done = std::move(done)](QString secret, bool found) {
        if (guard)
            done(found ? std::optional<QString>(secret) : std::optional<QString>());
        wipeString(secret);
    };
    // Queued even when the answer is at hand: callers may rely on "never inside lookup()".
    QTimer::singleShot(0, this, [this, key, deliver = std::move(deliver)]() mutable {
        runWhenKnown([this, key, deliver = std::move(deliver)]() mutable {
            if (key.isEmpty()) {
                deliver({}, false);
                return;
            }
            if (const auto it = m_memory.constFind(key); it != m_memory.cend()) {
                deliver(it.value(), true);
                return;
            }
            if (m_location != Location::Keychain) {
                deliver({}, false);
                return;
            }
            auto *job = new QKeychain::ReadPasswordJob(kService);
            job->setAutoDelete(true);
            job->setInsecureFallback(false);
            job->setKey(key);
            connect(job, &QKeychain::Job::finished, this, [job, deliver = std::move(deliver)]() mutable {
                if (job->error() == QKeychain::NoError) {
                    deliver(job->textData(), true);
                    return;
                }
                if (job->error() != QKeychain::EntryNotFound)
                    qCInfo(lcStore) << "reading a remembered password failed:" << job->errorString();
                deliver({}, false);
            });
            job->start();
        });
    });
}

void CredentialStore::remember(const QString &key, const QString &secret)
{
    if (key.isEmpty())
        return;
    runWhenKnown([this, key, secret = QString(secret)]() mutable {
        if (m_location != Location::Keychain) {
            keepInMemory(key, secret);
            wipeString(secret);
            Q_EMIT stored(key, Location::Memory);
            return;
        }
        auto *job = new QKeychain::WritePasswordJob(kService);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        job->setTextData(secret);
        connect(job, &QKeychain::Job::finished, this, [this, job, key, secret]() mutable {
            if (job->error() == QKeychain::NoError) {
                wipeString(secret);
                wipe(key); // an older in-memory copy from a keychain hiccup
                Q_EMIT stored(key, Location::Keychain);
                return;
            }
            // The keychain went away after the probe: keep the promise for this session at least,
            // and say so from now on.
            keepInMemory(key, secret);
            wipeString(secret);
            setLocation(Location::Memory, job->errorString());
            Q_EMIT stored(key, Location::Memory);
        });
        job->start();
    });
}

void CredentialStore::forget(const QString &key)
{
    if (key.isEmpty())
        return;
    wipe(key);
    runWhenKnown([this, key] {
        if (m_location != Location::Keychain) {
            Q_EMIT forgotten(key);
            return;
        }
        auto *job = new QKeychain::DeletePasswordJob(kService);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, job, key] {
            if (!keychainWorked(job->error()))
                qCInfo(lcStore) << "forgetting a remembered password failed:" << job->errorString();
            Q_EMIT forgotten(key);
        });
        job->start();
    });
}

bool CredentialStore::hasInMemory(const QString &key) const
{
    return m_memory.contains(key);
}

void CredentialStore::keepInMemory(const QString &key, const QString &secret)
{
    wipe(key);
    // A deep copy that only this map refers to, so wipe() reaches the characters it keeps.
    m_memory.insert(key, QString(secret.constData(), secret.size()));
}

void CredentialStore::wipe(const QString &key)
{
    const auto it = m_memory.find(key);
    if (it == m_memory.end())
        return;
    wipeString(it.value());
    m_memory.erase(it);
}

} // namespace ui
} // namespace onramp
