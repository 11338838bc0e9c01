// ~/.ssh/config and known_hosts through the real SshTransport against the lab's login node: what
// Onramp writes, OpenSSH must read (and the other way round), and aliases resolve as in ssh(1).

#include "ssh/sshtransport.h"
#include "support/labenv.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onramp;
using remote::ConnectionState;
using remote::Endpoint;
using remote::HostKey;
using remote::ProcessResult;
using remote::Transport;

namespace {

constexpr int kConnectWaitMs = 20000;

struct Local {
    int status = -1;
    QString out;
    QString err;
};

// A local OpenSSH program (ssh, ssh-keygen), bounded.
Local runLocal(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Local result;
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        return result;
    }
    result.status = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QList<QByteArray> entries(const QByteArray &knownHosts)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : knownHosts.split('\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            lines << line;
    }
    return lines;
}

// The public half of a new ed25519 key ("ssh-ed25519 AAAA..."): another server's identity.
QByteArray makeKey(const QString &path)
{
    const Local made = runLocal(u"ssh-keygen"_qs,
                                {u"-q"_qs, u"-t"_qs, u"ed25519"_qs, u"-N"_qs, QString(), u"-f"_qs, path});
    if (made.status != 0)
        return {};
    return readAll(path + u".pub"_qs).split(' ').mid(0, 2).join(' ');
}

} // namespace

class TestSshConfigLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trustedKeyIsWrittenForOpenSsh_data();
    void trustedKeyIsWrittenForOpenSsh();
    void entryHashedBySshKeygenIsKnown();
    void rotatedKeyIsRefused();
    void aliasResolvesLikeOpenSsh_data();
    void aliasResolvesLikeOpenSsh();

private:
    std::unique_ptr<Transport> connectTransport(const Endpoint &endpoint, QString *error = nullptr);
    QString name() const; // "[127.0.0.1]:2222"
    QString writeConfig(const QTemporaryDir &dir, const QString &text);

    testing::LabEnv m_lab;
};

void TestSshConfigLab::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
}

QString TestSshConfigLab::name() const
{
    return u"[%1]:%2"_qs.arg(m_lab.value(u"ONRAMP_LAB_HOST"_qs), m_lab.value(u"ONRAMP_LAB_PORT"_qs));
}

QString TestSshConfigLab::writeConfig(const QTemporaryDir &dir, const QString &text)
{
    const QString path = dir.filePath(u"ssh_config"_qs);
    return writeAll(path, text.toUtf8()) ? path : QString();
}

std::unique_ptr<Transport> TestSshConfigLab::connectTransport(const Endpoint &endpoint, QString *error)
{
    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    transport->connectTo(endpoint);
    static_cast<void>(QTest::qWaitFor(
        [&] {
            return transport->state() == ConnectionState::Connected || !failed.isEmpty()
                || !unknownKey.isEmpty();
        },
        kConnectWaitMs));
    if (error && !failed.isEmpty())
        *error = failed.first().first().value<Error>().message;
    if (error && !unknownKey.isEmpty())
        *error = u"asked about the host key"_qs;
    return transport;
}

void TestSshConfigLab::trustedKeyIsWrittenForOpenSsh_data()
{
    QTest::addColumn<bool>("hashed");
    QTest::newRow("HashKnownHosts yes") << true;
    QTest::newRow("HashKnownHosts no") << false;
}

void TestSshConfigLab::trustedKeyIsWrittenForOpenSsh()
{
    QFETCH(bool, hashed);
    QTemporaryDir dir;
    Endpoint endpoint = m_lab.directEndpoint();
    // A folder that does not exist yet, like ~/.ssh on a new laptop.
    endpoint.knownHostsFile = dir.filePath(u"dot-ssh/known_hosts"_qs);
    endpoint.sshConfigFile
        = writeConfig(dir, u"Host *\n  HashKnownHosts %1\n"_qs.arg(hashed ? u"yes"_qs : u"no"_qs));

    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy connected(transport.get(), &Transport::connected);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(unknownKey.size(), 1, kConnectWaitMs);
    QCOMPARE(unknownKey.first().first().value<HostKey>().verdict, HostKey::Verdict::Unknown);
    QCOMPARE(transport->endpoint().hashKnownHosts, hashed);
    transport->answerHostKey(true);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kConnectWaitMs);

    const QByteArray written = readAll(endpoint.knownHostsFile);
    const QList<QByteArray> lines = entries(written);
    QCOMPARE(lines.size(), 1);
    QVERIFY(written.endsWith('\n'));
    QCOMPARE(QFileInfo(endpoint.knownHostsFile).permissions() & 0x7077, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(dir.filePath(u"dot-ssh"_qs)).permissions() & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray plainName = name().toUtf8();
    const bool asWanted = hashed ? lines.first().startsWith("|1|") && !lines.first().contains(plainName)
                                 : lines.first().startsWith(QByteArray(plainName + ' '));
    QVERIFY2(asWanted, lines.first().constData());
    QVERIFY2(lines.first().contains(" ssh-ed25519 AAAA"), lines.first().constData());

    // OpenSSH finds the entry, and real ssh(1) connects with it under strict checking.
    const Local found = runLocal(u"ssh-keygen"_qs, {u"-F"_qs, name(), u"-f"_qs, endpoint.knownHostsFile});
    QCOMPARE(found.status, 0);
    QVERIFY2(found.out.contains(u"ssh-ed25519"_qs), qPrintable(found.out));
    const Local ssh = runLocal(
        u"ssh"_qs,
        {u"-F"_qs, u"/dev/null"_qs, u"-o"_qs, u"BatchMode=yes"_qs, u"-o"_qs, u"StrictHostKeyChecking=yes"_qs,
         u"-o"_qs, u"UserKnownHostsFile="_qs + endpoint.knownHostsFile, u"-o"_qs,
         u"GlobalKnownHostsFile=/dev/null"_qs, u"-i"_qs, m_lab.value(u"ONRAMP_LAB_KEY"_qs), u"-o"_qs,
         u"IdentitiesOnly=yes"_qs, u"-p"_qs, m_lab.value(u"ONRAMP_LAB_PORT"_qs),
         m_lab.value(u"ONRAMP_LAB_USER"_qs) + u'@' + m_lab.value(u"ONRAMP_LAB_HOST"_qs), u"true"_qs});
    QVERIFY2(ssh.status == 0, qPrintable(u"ssh exit %1: %2"_qs.arg(ssh.status).arg(ssh.err)));

    // The next connection knows the server, asks nothing and writes nothing.
    QString error;
    auto again = connectTransport(endpoint, &error);
    QVERIFY2(again->state() == ConnectionState::Connected, qPrintable(error));
    QCOMPARE(readAll(endpoint.knownHostsFile), written);
}

void TestSshConfigLab::entryHashedBySshKeygenIsKnown()
{
    // The lab's plain entries for the server, hashed by OpenSSH itself.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"known_hosts"_qs);
    const Local lab
        = runLocal(u"ssh-keygen"_qs, {u"-F"_qs, name(), u"-f"_qs, m_lab.value(u"ONRAMP_LAB_KNOWN_HOSTS"_qs)});
    QCOMPARE(lab.status, 0);
    QVERIFY(writeAll(file, entries(lab.out.toUtf8()).join('\n') + '\n'));
    QCOMPARE(runLocal(u"ssh-keygen"_qs, {u"-H"_qs, u"-f"_qs, file}).status, 0);
    const QList<QByteArray> hashed = entries(readAll(file));
    QVERIFY(!hashed.isEmpty());
    for (const QByteArray &line : hashed)
        QVERIFY2(line.startsWith("|1|") && !line.contains(name().toUtf8()), line.constData());

    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = file;
    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy failed(transport.get(), &Transport::failed);
    QSignalSpy connected(transport.get(), &Transport::connected);
    transport->connectTo(endpoint);
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty() || !unknownKey.isEmpty(),
                             kConnectWaitMs);
    QCOMPARE(unknownKey.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(transport->state(), ConnectionState::Connected);
}

void TestSshConfigLab::rotatedKeyIsRefused()
{
    // known_hosts lists another ed25519 key for the server, hashed: the server's key "changed".
    QTemporaryDir dir;
    const QByteArray otherKey = makeKey(dir.filePath(u"other_host_key"_qs));
    QVERIFY(!otherKey.isEmpty());
    const QString file = dir.filePath(u"known_hosts"_qs);
    QVERIFY(writeAll(file, "# managed by hand\n" + name().toUtf8() + ' ' + otherKey + '\n'));
    QCOMPARE(runLocal(u"ssh-keygen"_qs, {u"-H"_qs, u"-f"_qs, file}).status, 0);
    const QByteArray before = readAll(file);
    QVERIFY(entries(before).first().startsWith("|1|"));

    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = file;
    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.kind, ErrorKind::HostKeyChanged);
    QVERIFY2(error.message.contains(u"ssh-keygen -R \"%1\" -f \"%2\""_qs.arg(name(), file)),
             qPrintable(error.message));
    QCOMPARE(unknownKey.size(), 0); // no question, so no way to "connect anyway"
    QCOMPARE(readAll(file), before);
}

void TestSshConfigLab::aliasResolvesLikeOpenSsh_data()
{
    QTest::addColumn<bool>("explicitFields");
    QTest::newRow("everything from the config") << false;
    QTest::newRow("explicit timeouts win") << true;
}

void TestSshConfigLab::aliasResolvesLikeOpenSsh()
{
    QFETCH(bool, explicitFields);
    QTemporaryDir dir;
    const QString key = m_lab.value(u"ONRAMP_LAB_KEY"_qs);
    const QString knownHosts = m_lab.value(u"ONRAMP_LAB_KNOWN_HOSTS"_qs);
    const QString config
        = u"Host myaha\n"
          "  HostName %1\n"
          "  Port %2\n"
          "  User %3\n"
          "  IdentityFile %4\n"
          "  IdentitiesOnly yes\n"
          "  UserKnownHostsFile %5\n"
          "  ConnectTimeout 7\n"
          "  ServerAliveInterval 11\n"
          "  ServerAliveCountMax 4\n"
          "  ProxyJump none\n"
          "Host *\n"
          "  ConnectTimeout 99\n"
          "  User nobody\n"_qs.arg(m_lab.value(u"ONRAMP_LAB_HOST"_qs), m_lab.value(u"ONRAMP_LAB_PORT"_qs),
                                   m_lab.value(u"ONRAMP_LAB_USER"_qs), key, knownHosts);
    Endpoint endpoint;
    endpoint.host = u"myaha"_qs;
    endpoint.sshConfigFile = writeConfig(dir, config);
    if (explicitFields) {
        endpoint.connectTimeoutSec = 5;
        endpoint.serverAliveIntervalSec = 6;
        endpoint.serverAliveCountMax = 2;
    }

    QString error;
    auto transport = connectTransport(endpoint, &error);
    QVERIFY2(transport->state() == ConnectionState::Connected, qPrintable(error));
    const Endpoint effective = transport->endpoint();
    QCOMPARE(effective.host, m_lab.value(u"ONRAMP_LAB_HOST"_qs));
    QCOMPARE(effective.port, m_lab.value(u"ONRAMP_LAB_PORT"_qs).toInt());
    QCOMPARE(effective.user, m_lab.value(u"ONRAMP_LAB_USER"_qs));
    QCOMPARE(effective.identityFiles, QStringList {key});
    QVERIFY(effective.identitiesOnly);
    QCOMPARE(effective.knownHostsFile, knownHosts);
    QVERIFY(effective.resolvedHops.isEmpty());
    QCOMPARE(effective.connectTimeoutSec, explicitFields ? 5 : 7);
    QCOMPARE(effective.serverAliveIntervalSec, explicitFields ? 6 : 11);
    QCOMPARE(effective.serverAliveCountMax, explicitFields ? 2 : 4);

    // Signed in as the config's user, on the config's host.
    auto *process = transport->exec(u"whoami"_qs);
    QString out;
    bool done = false;
    ProcessResult result;
    connect(process, &remote::RemoteProcess::stdoutText, this, [&](const QString &text) { out += text; });
    connect(process, &remote::RemoteProcess::done, this, [&](const ProcessResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, kConnectWaitMs);
    QVERIFY(result.succeeded());
    QCOMPARE(out.trimmed(), m_lab.value(u"ONRAMP_LAB_USER"_qs));
}

QTEST_GUILESS_MAIN(TestSshConfigLab)
#include "tst_sshconfig_lab.moc"
