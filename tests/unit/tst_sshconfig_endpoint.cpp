// The SSH layer's use of ssh_config without a server: the effective Endpoint, hops, libssh's options
// and the known_hosts lines Onramp writes (checked with libssh and OpenSSH's ssh-keygen).

#include "core/sshconfig.h"
#include "ssh/hostkeycheck.h"
#include "ssh/sessionoptions.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <libssh/libssh.h>

using namespace onramp;
using remote::Endpoint;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "key=value;key=value" onto an Endpoint, so that each data row states its input in one line.
Endpoint endpointFrom(const QString &setup)
{
    Endpoint e;
    for (const QString &pair : setup.split(u';', Qt::SkipEmptyParts)) {
        const QString key = pair.section(u'=', 0, 0);
        const QString value = pair.section(u'=', 1);
        if (key == u"host")
            e.host = value;
        else if (key == u"port")
            e.port = value.toInt();
        else if (key == u"user")
            e.user = value;
        else if (key == u"identityFile")
            e.identityFile = value;
        else if (key == u"knownHostsFile")
            e.knownHostsFile = value;
        else if (key == u"connectTimeout")
            e.connectTimeoutSec = value.toInt();
        else if (key == u"proxyJump")
            e.proxyJump = value;
        else if (key == u"serverAliveInterval")
            e.serverAliveIntervalSec = value.toInt();
        else if (key == u"serverAliveCountMax")
            e.serverAliveCountMax = value.toInt();
        else if (key == u"identitiesOnly")
            e.identitiesOnly = value == u"yes";
        else
            qFatal("unknown endpoint key %s", qPrintable(key));
    }
    return e;
}

QString field(const Endpoint &e, const QString &name)
{
    if (name == u"host")
        return e.host;
    if (name == u"port")
        return QString::number(e.port);
    if (name == u"user")
        return e.user;
    if (name == u"knownHostsFile")
        return e.knownHostsFile;
    if (name == u"connectTimeout")
        return QString::number(e.connectTimeoutSec);
    if (name == u"serverAlive")
        return u"%1/%2"_qs.arg(e.serverAliveIntervalSec).arg(e.serverAliveCountMax);
    if (name == u"identitiesOnly")
        return e.identitiesOnly ? u"yes"_qs : u"no"_qs;
    if (name == u"identityFiles")
        return e.identityFiles.join(u'|');
    if (name == u"hashKnownHosts")
        return e.hashKnownHosts ? u"yes"_qs : u"no"_qs;
    if (name == u"hops")
        return e.resolvedHops.join(u'|');
    if (name == u"proxyJump")
        return e.proxyJump;
    if (name == u"preferredAuthentications")
        return e.preferredAuthentications.join(u'|');
    return u"no such field "_qs + name;
}

QString proxyCommandOf(ssh_session session)
{
    char *raw = nullptr;
    if (ssh_options_get(session, SSH_OPTIONS_PROXYCOMMAND, &raw) != SSH_OK)
        return {};
    const QString value = QString::fromUtf8(raw);
    ssh_string_free_char(raw);
    return value;
}

// A fresh ed25519 public key as known_hosts writes it: type and base64.
QPair<QByteArray, QByteArray> newPublicKey()
{
    ssh_key key = nullptr;
    char *base64 = nullptr;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK
        || ssh_pki_export_pubkey_base64(key, &base64) != SSH_OK)
        return {};
    const QPair<QByteArray, QByteArray> out {ssh_key_type_to_char(ssh_key_type(key)), QByteArray(base64)};
    ssh_string_free_char(base64);
    ssh_key_free(key);
    return out;
}

int runLocal(const QString &program, const QStringList &arguments, QString *out = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    return process.exitCode();
}

} // namespace

class TestSshConfigEndpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resolvesEndpoint_data();
    void resolvesEndpoint();
    void systemConfigFillsHashKnownHostsOnly();
    void hopEndpointUsesTheHopsOwnBlock();
    void hopEndpointRejectsBadSpecs_data();
    void hopEndpointRejectsBadSpecs();
    void libsshSpawnsNoSshForProxyJump_data();
    void libsshSpawnsNoSshForProxyJump();
    void knownHostsLineIsReadByLibsshAndOpenSsh_data();
    void knownHostsLineIsReadByLibsshAndOpenSsh();
    void appendingKeepsOtherLinesAndCreatesPrivateFiles();

private:
    QTemporaryDir m_home; // HOME for the whole test: default keys and ~ live here
    QString m_config;
    QString m_noSystem; // an empty "system" config, so /etc/ssh/ssh_config does not decide
};

static const char *kConfig = R"(
Host lab
    HostName 127.0.0.1
    Port 2222
    User student
    IdentityFile ~/.ssh/lab_key
    IdentityFile %d/keys/%h-%p-%r
    IdentityFile ~/.ssh/lab_key
    IdentitiesOnly yes
    UserKnownHostsFile ~/.ssh/known_hosts.d/%h:%p
    ConnectTimeout 12
    ServerAliveInterval 5
    ServerAliveCountMax 7
    HashKnownHosts no
Host inner
    HostName 10.77.0.6
    ProxyJump gw
Host gw
    HostName 10.77.0.2
    User gwuser
    Port 2200
    IdentityFile ~/.ssh/gw_key
    UserKnownHostsFile /tmp/gw_known_hosts
    ProxyJump outer
Host deep
    ProxyJump gw,me@second:23
Host loop
    ProxyJump loop
Host badjump
    ProxyJump a,,b
Host keysoff
    IdentityFile none
Host alive-off
    ServerAliveInterval 0
Host noknown
    UserKnownHostsFile none
Host hashed
    HashKnownHosts yes
Host onlyflag
    IdentitiesOnly yes
Host kbd
    PreferredAuthentications keyboard-interactive,password
)";

void TestSshConfigEndpoint::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QVERIFY(QDir(m_home.path()).mkdir(u".ssh"_qs));
    // Two of the three default keys exist; only those are offered.
    writeFile(m_home.filePath(u".ssh/id_ed25519"_qs), "key");
    writeFile(m_home.filePath(u".ssh/id_rsa"_qs), "key");
    m_config = m_home.filePath(u"config"_qs);
    writeFile(m_config, kConfig);
    m_noSystem = m_home.filePath(u"empty_system_config"_qs);
    writeFile(m_noSystem, "");
}

void TestSshConfigEndpoint::resolvesEndpoint_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("expected"); // $H: HOME; "error": resolution fails
    const QString home = u"$H"_qs;
    QTest::newRow("alias host") << u"host=lab"_qs << u"host"_qs << u"127.0.0.1"_qs;
    QTest::newRow("alias port") << u"host=lab"_qs << u"port"_qs << u"2222"_qs;
    QTest::newRow("alias user") << u"host=lab"_qs << u"user"_qs << u"student"_qs;
    QTest::newRow("explicit port wins") << u"host=lab;port=22"_qs << u"port"_qs << u"22"_qs;
    QTest::newRow("explicit user wins") << u"host=lab;user=me"_qs << u"user"_qs << u"me"_qs;
    QTest::newRow("local user last") << u"host=plain"_qs << u"user"_qs << localUserName();
    QTest::newRow("port 22 last") << u"host=plain"_qs << u"port"_qs << u"22"_qs;
    QTest::newRow("bad port") << u"host=plain;port=70000"_qs << u"port"_qs << u"error"_qs;
    QTest::newRow("empty host") << u"host= "_qs << u"host"_qs << u"error"_qs;

    QTest::newRow("known hosts from config, tokens")
        << u"host=lab"_qs << u"knownHostsFile"_qs << home + u"/.ssh/known_hosts.d/127.0.0.1:2222"_qs;
    QTest::newRow("explicit known hosts wins")
        << u"host=lab;knownHostsFile=~/kh"_qs << u"knownHostsFile"_qs << home + u"/kh"_qs;
    QTest::newRow("default known hosts")
        << u"host=plain"_qs << u"knownHostsFile"_qs << home + u"/.ssh/known_hosts"_qs;
    QTest::newRow("known hosts none") << u"host=noknown"_qs << u"knownHostsFile"_qs << u"/dev/null"_qs;

    QTest::newRow("connect timeout from config") << u"host=lab"_qs << u"connectTimeout"_qs << u"12"_qs;
    QTest::newRow("explicit connect timeout")
        << u"host=lab;connectTimeout=3"_qs << u"connectTimeout"_qs << u"3"_qs;
    QTest::newRow("default connect timeout") << u"host=plain"_qs << u"connectTimeout"_qs << u"30"_qs;
    QTest::newRow("server alive from config") << u"host=lab"_qs << u"serverAlive"_qs << u"5/7"_qs;
    QTest::newRow("explicit server alive")
        << u"host=lab;serverAliveInterval=9;serverAliveCountMax=2"_qs << u"serverAlive"_qs << u"9/2"_qs;
    QTest::newRow("default server alive") << u"host=plain"_qs << u"serverAlive"_qs << u"30/3"_qs;
    QTest::newRow("server alive off in config") << u"host=alive-off"_qs << u"serverAlive"_qs << u"0/3"_qs;

    QTest::newRow("identities only from config") << u"host=lab"_qs << u"identitiesOnly"_qs << u"yes"_qs;
    QTest::newRow("identities only explicit")
        << u"host=plain;identitiesOnly=yes"_qs << u"identitiesOnly"_qs << u"yes"_qs;
    QTest::newRow("identities only off") << u"host=plain"_qs << u"identitiesOnly"_qs << u"no"_qs;
    QTest::newRow("identity files: explicit, then config, tokens, no duplicates")
        << u"host=lab;identityFile=~/chosen"_qs << u"identityFiles"_qs
        << home + u"/chosen|"_qs + home + u"/.ssh/lab_key|"_qs + home + u"/keys/127.0.0.1-2222-student"_qs;
    QTest::newRow("identity files: defaults that exist")
        << u"host=plain"_qs << u"identityFiles"_qs
        << home + u"/.ssh/id_ed25519|"_qs + home + u"/.ssh/id_rsa"_qs;
    QTest::newRow("identity files: defaults with IdentitiesOnly too (as OpenSSH)")
        << u"host=onlyflag"_qs << u"identityFiles"_qs
        << home + u"/.ssh/id_ed25519|"_qs + home + u"/.ssh/id_rsa"_qs;
    QTest::newRow("identity files: explicit file replaces the defaults")
        << u"host=plain;identityFile=/k"_qs << u"identityFiles"_qs << u"/k"_qs;
    QTest::newRow("identity files: none") << u"host=keysoff"_qs << u"identityFiles"_qs << QString();

    QTest::newRow("hash known hosts from config") << u"host=hashed"_qs << u"hashKnownHosts"_qs << u"yes"_qs;
    QTest::newRow("hash known hosts no") << u"host=lab"_qs << u"hashKnownHosts"_qs << u"no"_qs;
    QTest::newRow("hash known hosts default") << u"host=plain"_qs << u"hashKnownHosts"_qs << u"no"_qs;

    QTest::newRow("preferred authentications from config")
        << u"host=kbd"_qs << u"preferredAuthentications"_qs << u"keyboard-interactive|password"_qs;
    QTest::newRow("preferred authentications default")
        << u"host=plain"_qs << u"preferredAuthentications"_qs << QString();

    QTest::newRow("no hops") << u"host=lab"_qs << u"hops"_qs << QString();
    QTest::newRow("no hops: proxyJump none") << u"host=lab"_qs << u"proxyJump"_qs << u"none"_qs;
    // inner → gw, and gw (the outermost hop) has its own ProxyJump outer: ssh -J gw goes through it.
    QTest::newRow("hop's own ProxyJump in front") << u"host=inner"_qs << u"hops"_qs << u"outer|gw"_qs;
    QTest::newRow("chain as proxyJump") << u"host=inner"_qs << u"proxyJump"_qs << u"outer,gw"_qs;
    // Only the outermost hop's ProxyJump is followed; second's (none here) would be ignored anyway.
    QTest::newRow("multi-hop") << u"host=deep"_qs << u"hops"_qs << u"outer|gw|me@second:23"_qs;
    QTest::newRow("explicit hops win")
        << u"host=inner;proxyJump=a:2201, b"_qs << u"hops"_qs << u"a:2201|b"_qs;
    QTest::newRow("explicit none") << u"host=inner;proxyJump=none"_qs << u"hops"_qs << QString();
    QTest::newRow("loop") << u"host=loop"_qs << u"hops"_qs << u"error"_qs;
    QTest::newRow("invalid config jump") << u"host=badjump"_qs << u"hops"_qs << u"error"_qs;
    QTest::newRow("invalid explicit jump") << u"host=plain;proxyJump=[::1"_qs << u"hops"_qs << u"error"_qs;
}

void TestSshConfigEndpoint::resolvesEndpoint()
{
    QFETCH(QString, setup);
    QFETCH(QString, fieldName);
    QFETCH(QString, expected);
    Endpoint endpoint = endpointFrom(setup);
    endpoint.sshConfigFile = m_config;
    const auto effective = ssh::resolveEndpoint(endpoint, m_noSystem);
    if (expected == u"error") {
        QVERIFY(!effective);
        QCOMPARE(effective.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!effective.error().message.isEmpty());
        return;
    }
    QVERIFY2(effective, qPrintable(effective ? QString() : effective.error().detail));
    QCOMPARE(field(effective.value(), fieldName), QString(expected).replace(u"$H"_qs, m_home.path()));
}

void TestSshConfigEndpoint::systemConfigFillsHashKnownHostsOnly()
{
    // Debian's /etc/ssh/ssh_config says "HashKnownHosts yes"; with an explicit config file that
    // setting still decides hashing (and nothing else), unless the file itself says otherwise.
    const QString system = m_home.filePath(u"system_config"_qs);
    writeFile(system, "Host *\n  HashKnownHosts yes\n  User systemuser\n  Port 2\n");
    Endpoint endpoint;
    endpoint.sshConfigFile = m_config;
    endpoint.host = u"plain"_qs;
    auto effective = ssh::resolveEndpoint(endpoint, system);
    QVERIFY(effective);
    QVERIFY(effective.value().hashKnownHosts);
    QCOMPARE(effective.value().user, localUserName());
    QCOMPARE(effective.value().port, 22);

    endpoint.host = u"lab"_qs; // HashKnownHosts no in the user's file
    effective = ssh::resolveEndpoint(endpoint, system);
    QVERIFY(effective);
    QVERIFY(!effective.value().hashKnownHosts);
}

void TestSshConfigEndpoint::hopEndpointUsesTheHopsOwnBlock()
{
    Endpoint target;
    target.host = u"inner"_qs;
    target.sshConfigFile = m_config;
    target.knownHostsFile = u"/tmp/target_known_hosts"_qs;
    target.identityFile = u"/keys/chosen"_qs;
    target.connectTimeoutSec = 4;

    auto hop = ssh::hopEndpoint(u"gw"_qs, target);
    QVERIFY2(hop, qPrintable(hop ? QString() : hop.error().detail));
    QCOMPARE(hop.value().host, u"gw"_qs); // still the alias: applyEndpoint applies its block
    QCOMPARE(hop.value().sshConfigFile, m_config);
    QCOMPARE(hop.value().knownHostsFile, u"/tmp/gw_known_hosts"_qs); // the hop's config wins
    QCOMPARE(hop.value().proxyJump, u"none"_qs);
    QCOMPARE(hop.value().connectTimeoutSec, 4);

    const auto effective = ssh::resolveEndpoint(hop.value(), m_noSystem);
    QVERIFY(effective);
    QCOMPARE(effective.value().host, u"10.77.0.2"_qs);
    QCOMPARE(effective.value().port, 2200);
    QCOMPARE(effective.value().user, u"gwuser"_qs);
    QCOMPARE(effective.value().identityFiles,
             (QStringList {u"/keys/chosen"_qs, m_home.filePath(u".ssh/gw_key"_qs)}));
    QVERIFY(effective.value().resolvedHops.isEmpty()); // gw's own ProxyJump is the chain's business

    // The spec's user and port beat the hop's block; a hop without a block takes the target's file.
    hop = ssh::hopEndpoint(u"me@gw:2022"_qs, target);
    QVERIFY(hop);
    QCOMPARE(hop.value().user, u"me"_qs);
    QCOMPARE(hop.value().port, 2022);
    hop = ssh::hopEndpoint(u"ssh://[fd00::1]:23"_qs, target);
    QVERIFY(hop);
    QCOMPARE(hop.value().host, u"fd00::1"_qs);
    QCOMPARE(hop.value().port, 23);
    QCOMPARE(hop.value().knownHostsFile, target.knownHostsFile);
}

void TestSshConfigEndpoint::hopEndpointRejectsBadSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("two hops") << u"a,b"_qs;
    QTest::newRow("none") << u"none"_qs;
    QTest::newRow("empty") << QString();
    QTest::newRow("bad port") << u"a:0"_qs;
}

void TestSshConfigEndpoint::hopEndpointRejectsBadSpecs()
{
    QFETCH(QString, spec);
    Endpoint target;
    target.host = u"x"_qs;
    target.sshConfigFile = m_config;
    const auto hop = ssh::hopEndpoint(spec, target);
    QVERIFY(!hop);
    QCOMPARE(hop.error().kind, ErrorKind::InvalidInput);
}

void TestSshConfigEndpoint::libsshSpawnsNoSshForProxyJump_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("proxyJump");
    QTest::addColumn<QString>("proxyCommand"); // what libssh is left with
    QTest::addColumn<QString>("hops");
    QTest::newRow("config ProxyJump")
        << QByteArray("Host t\n  ProxyJump u@j1:2200,j2\n") << QString() << QString() << u"u@j1:2200|j2"_qs;
    QTest::newRow("ProxyJump before ProxyCommand")
        << QByteArray("Host t\n  ProxyJump j1\n  ProxyCommand nc %h %p\n") << QString() << QString()
        << u"j1"_qs;
    QTest::newRow("real ProxyCommand stays")
        << QByteArray("Host t\n  ProxyCommand nc %h %p\n  ProxyJump j1\n") << QString() << u"nc %h %p"_qs
        << QString();
    QTest::newRow("explicit hops replace a ProxyCommand")
        << QByteArray("Host t\n  ProxyCommand nc %h %p\n") << u"j1"_qs << QString() << u"j1"_qs;
    QTest::newRow("explicit none too")
        << QByteArray("Host t\n  ProxyCommand nc %h %p\n") << u"none"_qs << QString() << QString();
    QTest::newRow("nothing") << QByteArray("Host t\n  Port 23\n") << QString() << QString() << QString();
}

void TestSshConfigEndpoint::libsshSpawnsNoSshForProxyJump()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, proxyJump);
    QFETCH(QString, proxyCommand);
    QFETCH(QString, hops);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"config"_qs);
    writeFile(file, config);
    Endpoint endpoint;
    endpoint.host = u"t"_qs;
    endpoint.sshConfigFile = file;
    endpoint.proxyJump = proxyJump;
    ssh_session session = ssh_new();
    const auto effective = ssh::applyEndpoint(session, endpoint);
    const QString left = proxyCommandOf(session);
    ssh_free(session);
    QVERIFY2(effective, qPrintable(effective ? QString() : effective.error().detail));
    QCOMPARE(left, proxyCommand);
    QCOMPARE(effective.value().resolvedHops.join(u'|'), hops);
}

void TestSshConfigEndpoint::knownHostsLineIsReadByLibsshAndOpenSsh_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("hashed");
    QTest::newRow("hashed, port 2222") << u"127.0.0.1"_qs << 2222 << true;
    QTest::newRow("hashed, port 22") << u"login.example.edu"_qs << 22 << true;
    QTest::newRow("plain, port 2222") << u"127.0.0.1"_qs << 2222 << false;
    QTest::newRow("hashed, IPv6") << u"::1"_qs << 2200 << true;
}

void TestSshConfigEndpoint::knownHostsLineIsReadByLibsshAndOpenSsh()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, hashed);
    const auto [type, base64] = newPublicKey();
    QVERIFY(!base64.isEmpty());
    const QString name = ssh::knownHostsName(host, port);
    const QByteArray line = ssh::knownHostsLine(name, type, base64, hashed);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.startsWith("|1|"), hashed);
    QCOMPARE(line.contains(name.toUtf8()), !hashed);
    if (hashed) {
        // |1|base64(20-byte salt)|base64(20-byte HMAC-SHA1) type key
        const QList<QByteArray> parts = line.split(' ').first().split('|');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(QByteArray::fromBase64(parts[2]).size(), 20);
        QCOMPARE(QByteArray::fromBase64(parts[3]).size(), 20);
        QVERIFY(ssh::knownHostsLine(name, type, base64, true) != line); // a fresh salt each time
    }

    // libssh: the line matches this name and no other.
    ssh_knownhosts_entry *entry = nullptr;
    const QByteArray text = line.trimmed();
    QCOMPARE(ssh_known_hosts_parse_line(name.toUtf8().constData(), text.constData(), &entry), SSH_OK);
    ssh_knownhosts_entry_free(entry);
    entry = nullptr;
    if (hashed) {
        QVERIFY(ssh_known_hosts_parse_line("other.example", text.constData(), &entry) != SSH_OK);
        ssh_knownhosts_entry_free(entry);
    }

    // libssh through a session, as checkHostKey() looks it up; OpenSSH's ssh-keygen -F.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"known_hosts"_qs);
    QVERIFY(ssh::appendKnownHostsLine(file, line));
    ssh_session session = ssh_new();
    const unsigned int p = static_cast<unsigned int>(port);
    ssh_options_set(session, SSH_OPTIONS_HOST, host.toUtf8().constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &p);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, QFile::encodeName(file).constData());
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    const auto known = ssh_session_has_known_hosts_entry(session);
    ssh_free(session);
    QCOMPARE(known, SSH_KNOWN_HOSTS_OK);

    QString found;
    QCOMPARE(runLocal(u"ssh-keygen"_qs, {u"-F"_qs, name, u"-f"_qs, file}, &found), 0);
    QVERIFY2(found.contains(QString::fromLatin1(base64)), qPrintable(found));
}

void TestSshConfigEndpoint::appendingKeepsOtherLinesAndCreatesPrivateFiles()
{
    QTemporaryDir dir;
    // A folder that does not exist yet, two levels deep (a new laptop's ~/.ssh under a new home).
    const QString file = dir.filePath(u"home/dot-ssh/known_hosts"_qs);
    QVERIFY(ssh::appendKnownHostsLine(file, "first line\n"));
    QCOMPARE(QFileInfo(file).permissions() & 0x7077, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(dir.filePath(u"home/dot-ssh"_qs)).permissions() & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(QFileInfo(dir.filePath(u"home"_qs)).permissions() & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A file another program left without a final newline: the new line starts on its own.
    const QString existing = dir.filePath(u"known_hosts"_qs);
    writeFile(existing, "# kept\nold-host ssh-ed25519 AAAA");
    QFile::setPermissions(existing, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    QVERIFY(ssh::appendKnownHostsLine(existing, "new-host ssh-ed25519 BBBB\n"));
    QVERIFY(ssh::appendKnownHostsLine(existing, "third ssh-ed25519 CCCC\n"));
    QCOMPARE(
        readFile(existing),
        QByteArray("# kept\nold-host ssh-ed25519 AAAA\nnew-host ssh-ed25519 BBBB\nthird ssh-ed25519 CCCC\n"));
    // An existing file keeps the permissions its owner gave it.
    QVERIFY(QFileInfo(existing).permissions().testFlag(QFile::ReadGroup));
}

QTEST_GUILESS_MAIN(TestSshConfigEndpoint)
#include "tst_sshconfig_endpoint.moc"
