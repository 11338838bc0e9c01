#include "core/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using onramp::JumpHost;
using onramp::SshConfigFile;
using onramp::SshHostEntry;
using onramp::SshTokenContext;

namespace {

QString flag(const std::optional<bool> &value)
{
    return value ? (*value ? u"yes"_qs : u"no"_qs) : u"unset"_qs;
}

QString number(const std::optional<int> &value)
{
    return value ? QString::number(*value) : u"unset"_qs;
}

// One field of an entry as text, so that one data-driven test covers them all.
QString field(const SshHostEntry &e, const QString &name)
{
    if (name == u"hostName")
        return e.hostName;
    if (name == u"user")
        return e.user;
    if (name == u"port")
        return QString::number(e.port);
    if (name == u"identityFile")
        return e.identityFile;
    if (name == u"identityFiles")
        return e.identityFiles.join(u'|');
    if (name == u"identitiesOnly")
        return flag(e.identitiesOnly);
    if (name == u"proxyJump")
        return e.proxyJump;
    if (name == u"proxyCommand")
        return e.proxyCommand;
    if (name == u"serverAliveInterval")
        return number(e.serverAliveIntervalSec);
    if (name == u"serverAliveCountMax")
        return number(e.serverAliveCountMax);
    if (name == u"connectTimeout")
        return number(e.connectTimeoutSec);
    if (name == u"userKnownHostsFile")
        return e.userKnownHostsFile;
    if (name == u"hashKnownHosts")
        return flag(e.hashKnownHosts);
    if (name == u"preferredAuthentications")
        return e.preferredAuthentications.join(u'|');
    return u"no such field "_qs + name;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestSshConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aliases();
    void resolve_data();
    void resolve();
    void resolveOptions_data();
    void resolveOptions();
    void parseProxyJump_data();
    void parseProxyJump();
    void expandTokens_data();
    void expandTokens();
    void includeFollowsGlobsAndStaysInsideItsHostBlock();
    void includeDepthIsBounded();
    void appendedFileOnlyFillsGaps();
};

static const char *kConfig = R"(# a student's config
ServerAliveInterval 30
Host aha
    HostName aha.cs.example.edu
    User s2024001
    IdentityFile ~/.ssh/id_ed25519
Host eureka* gpu-?
    ProxyJump aha
Host "lab"
    HostName=127.0.0.1
    Port=2222
Host *.example.edu !bad.example.edu
    User fallback
    Port 2200
Host aha
    User ignored-second-match
Match host foo
    User matched
)";

void TestSshConfig::aliases()
{
    const auto cfg = SshConfigFile::parse(QString::fromUtf8(kConfig));
    QCOMPARE(cfg.aliases(), (QStringList {u"aha"_qs, u"lab"_qs}));
}

void TestSshConfig::resolve_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("proxyJump");
    QTest::newRow("alias with hostname")
        << u"aha"_qs << u"aha.cs.example.edu"_qs << u"s2024001"_qs << 0 << QString();
    QTest::newRow("equals syntax and quotes")
        << u"lab"_qs << u"127.0.0.1"_qs << QString() << 2222 << QString();
    QTest::newRow("wildcard block") << u"eureka3"_qs << u"eureka3"_qs << QString() << 0 << u"aha"_qs;
    QTest::newRow("domain wildcard") << u"x.example.edu"_qs << u"x.example.edu"_qs << u"fallback"_qs << 2200
                                     << QString();
    QTest::newRow("negated pattern") << u"bad.example.edu"_qs << u"bad.example.edu"_qs << QString() << 0
                                     << QString();
    QTest::newRow("unknown host") << u"other"_qs << u"other"_qs << QString() << 0 << QString();
}

void TestSshConfig::resolve()
{
    QFETCH(QString, alias);
    QFETCH(QString, hostName);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QString, proxyJump);
    const auto entry = SshConfigFile::parse(QString::fromUtf8(kConfig)).resolve(alias);
    QCOMPARE(entry.hostName, hostName);
    QCOMPARE(entry.user, user);
    QCOMPARE(entry.port, port);
    QCOMPARE(entry.proxyJump, proxyJump);
}

static const char *kOptions = R"(
Host multi
    IdentityFile ~/.ssh/first
    IdentityFile "/keys/with space"
    IdentitiesOnly yes
Host multi other
    IdentityFile %d/third
    IdentitiesOnly no
    ServerAliveInterval 15
    ServerAliveCountMax 5
    PreferredAuthentications keyboard-interactive,password
Host timeouts
    ConnectTimeout 1m30s
    ServerAliveInterval 0
Host badnumbers
    ConnectTimeout soon
    ServerAliveCountMax -1
Host jump-then-command
    ProxyJump u@bastion:2200,inner
    ProxyCommand nc %h %p
Host command-then-jump
    ProxyCommand nc %h %p
    ProxyJump bastion
Host nojump
    ProxyJump none
Host files
    UserKnownHostsFile ~/.ssh/known_hosts_%h /etc/other
    HashKnownHosts no
Host *.cluster
    User=clusteruser
    Port 2022
    HashKnownHosts yes
Host gpu.cluster
    User late
Host pct
    HostName node-%h.example%%
Host *
    IdentityFile ~/.ssh/id_default
    ConnectTimeout 7
    HashKnownHosts yes
)";

void TestSshConfig::resolveOptions_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("expected");
    // IdentityFile adds up across every matching block, in file order; everything else: first wins.
    QTest::newRow("identity files accumulate")
        << u"multi"_qs << u"identityFiles"_qs
        << u"~/.ssh/first|/keys/with space|%d/third|~/.ssh/id_default"_qs;
    QTest::newRow("first identity file") << u"multi"_qs << u"identityFile"_qs << u"~/.ssh/first"_qs;
    QTest::newRow("identities only, first wins") << u"multi"_qs << u"identitiesOnly"_qs << u"yes"_qs;
    QTest::newRow("identities only no") << u"other"_qs << u"identitiesOnly"_qs << u"no"_qs;
    QTest::newRow("identities only unset") << u"timeouts"_qs << u"identitiesOnly"_qs << u"unset"_qs;
    QTest::newRow("server alive interval") << u"other"_qs << u"serverAliveInterval"_qs << u"15"_qs;
    QTest::newRow("server alive count") << u"other"_qs << u"serverAliveCountMax"_qs << u"5"_qs;
    QTest::newRow("server alive off") << u"timeouts"_qs << u"serverAliveInterval"_qs << u"0"_qs;
    QTest::newRow("server alive unset") << u"files"_qs << u"serverAliveInterval"_qs << u"unset"_qs;
    QTest::newRow("connect timeout with units") << u"timeouts"_qs << u"connectTimeout"_qs << u"90"_qs;
    QTest::newRow("connect timeout from wildcard") << u"multi"_qs << u"connectTimeout"_qs << u"7"_qs;
    // A value ssh would reject is skipped here, so the next block's value applies.
    QTest::newRow("unreadable timeout skipped") << u"badnumbers"_qs << u"connectTimeout"_qs << u"7"_qs;
    QTest::newRow("negative count ignored") << u"badnumbers"_qs << u"serverAliveCountMax"_qs << u"unset"_qs;
    QTest::newRow("proxy jump first")
        << u"jump-then-command"_qs << u"proxyJump"_qs << u"u@bastion:2200,inner"_qs;
    QTest::newRow("proxy jump stops proxy command")
        << u"jump-then-command"_qs << u"proxyCommand"_qs << QString();
    QTest::newRow("proxy command first") << u"command-then-jump"_qs << u"proxyCommand"_qs << u"nc %h %p"_qs;
    QTest::newRow("proxy command stops proxy jump")
        << u"command-then-jump"_qs << u"proxyJump"_qs << QString();
    QTest::newRow("proxy jump none kept as written") << u"nojump"_qs << u"proxyJump"_qs << u"none"_qs;
    QTest::newRow("first known hosts file")
        << u"files"_qs << u"userKnownHostsFile"_qs << u"~/.ssh/known_hosts_%h"_qs;
    QTest::newRow("hash known hosts first wins") << u"files"_qs << u"hashKnownHosts"_qs << u"no"_qs;
    QTest::newRow("hash known hosts yes") << u"a.cluster"_qs << u"hashKnownHosts"_qs << u"yes"_qs;
    QTest::newRow("wildcard user") << u"gpu.cluster"_qs << u"user"_qs << u"clusteruser"_qs;
    QTest::newRow("wildcard port") << u"gpu.cluster"_qs << u"port"_qs << u"2022"_qs;
    QTest::newRow("wildcard is case-insensitive") << u"GPU.Cluster"_qs << u"port"_qs << u"2022"_qs;
    QTest::newRow("preferred authentications")
        << u"other"_qs << u"preferredAuthentications"_qs << u"keyboard-interactive|password"_qs;
    QTest::newRow("hostname tokens") << u"pct"_qs << u"hostName"_qs << u"node-pct.example%"_qs;
    QTest::newRow("no match keeps alias") << u"plain"_qs << u"hostName"_qs << u"plain"_qs;
}

void TestSshConfig::resolveOptions()
{
    QFETCH(QString, alias);
    QFETCH(QString, fieldName);
    QFETCH(QString, expected);
    const auto entry = SshConfigFile::parse(QString::fromUtf8(kOptions)).resolve(alias);
    QCOMPARE(field(entry, fieldName), expected);
}

void TestSshConfig::parseProxyJump_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected"); // user/host/port per hop, "|" between hops; "error"
    QTest::newRow("host") << u"bastion"_qs << u"/bastion/0"_qs;
    QTest::newRow("user, host, port") << u"me@bastion:2200"_qs << u"me/bastion/2200"_qs;
    QTest::newRow("multi-hop") << u"a, me@b:22 ,c:2222"_qs << u"/a/0|me/b/22|/c/2222"_qs;
    QTest::newRow("alias") << u"aha-inner"_qs << u"/aha-inner/0"_qs;
    QTest::newRow("user with @") << u"me@corp@bastion"_qs << u"me@corp/bastion/0"_qs;
    QTest::newRow("IPv6 in brackets") << u"[fe80::1]"_qs << u"/fe80::1/0"_qs;
    QTest::newRow("IPv6 with user and port") << u"u@[2001:db8::2]:2200"_qs << u"u/2001:db8::2/2200"_qs;
    QTest::newRow("IPv4") << u"10.0.0.1:22"_qs << u"/10.0.0.1/22"_qs;
    QTest::newRow("ssh URI") << u"ssh://u@bastion:2200"_qs << u"u/bastion/2200"_qs;
    QTest::newRow("ssh URI, IPv6, escaped user") << u"ssh://a%40b@[::1]:22"_qs << u"a@b/::1/22"_qs;
    QTest::newRow("ssh URI mixed with plain") << u"ssh://gw,inner:23"_qs << u"/gw/0|/inner/23"_qs;
    QTest::newRow("none") << u"none"_qs << QString();
    QTest::newRow("NONE") << u" NONE "_qs << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("bare IPv6") << u"fe80::1"_qs << u"error"_qs;
    QTest::newRow("port zero") << u"host:0"_qs << u"error"_qs;
    QTest::newRow("port too big") << u"host:65536"_qs << u"error"_qs;
    QTest::newRow("port not a number") << u"host:ssh"_qs << u"error"_qs;
    QTest::newRow("signed port") << u"host:+22"_qs << u"error"_qs;
    QTest::newRow("empty port") << u"host:"_qs << u"error"_qs;
    QTest::newRow("empty user") << u"@host"_qs << u"error"_qs;
    QTest::newRow("empty host") << u"me@"_qs << u"error"_qs;
    QTest::newRow("empty element") << u"a,,b"_qs << u"error"_qs;
    QTest::newRow("trailing comma") << u"a,"_qs << u"error"_qs;
    QTest::newRow("space inside") << u"a b"_qs << u"error"_qs;
    QTest::newRow("unclosed bracket") << u"[::1"_qs << u"error"_qs;
    QTest::newRow("junk after bracket") << u"[::1]x"_qs << u"error"_qs;
    QTest::newRow("URI with path") << u"ssh://host/"_qs << u"error"_qs;
}

void TestSshConfig::parseProxyJump()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    const auto hops = onramp::parseProxyJump(spec);
    if (expected == u"error") {
        QVERIFY(!hops);
        QCOMPARE(hops.error().kind, onramp::ErrorKind::InvalidInput);
        QVERIFY2(!hops.error().message.isEmpty(), qPrintable(hops.error().detail));
        return;
    }
    QVERIFY2(hops, qPrintable(hops ? QString() : hops.error().detail));
    QStringList got;
    for (const JumpHost &hop : hops.value()) {
        got << u"%1/%2/%3"_qs.arg(hop.user, hop.host).arg(hop.port);
        // Written back, a hop parses to itself (IPv6 regains its brackets).
        const auto again = onramp::parseProxyJump(hop.toString());
        QVERIFY(again && again.value().size() == 1);
        QCOMPARE(again.value().first(), hop);
    }
    QCOMPARE(got.join(u'|'), expected);
}

void TestSshConfig::expandTokens_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const QString home = QDir::homePath();
    const QString user = onramp::localUserName();
    QTest::newRow("tilde") << u"~/.ssh/id_ed25519"_qs << home + u"/.ssh/id_ed25519"_qs;
    QTest::newRow("lone tilde") << u"~"_qs << home;
    QTest::newRow("tilde elsewhere untouched") << u"/a/~b"_qs << u"/a/~b"_qs;
    QTest::newRow("home token") << u"%d/.ssh/k"_qs << home + u"/.ssh/k"_qs;
    QTest::newRow("host, port, remote user") << u"/k/%h_%p_%r"_qs << u"/k/node1.example_2222_alice"_qs;
    QTest::newRow("local user") << u"/k/%u"_qs << u"/k/"_qs + user;
    QTest::newRow("original host") << u"/k/%n"_qs << u"/k/node1"_qs;
    QTest::newRow("uid") << u"/k/%i"_qs << u"/k/"_qs + QString::number(::getuid());
    QTest::newRow("proxy jump") << u"/k/%j"_qs << u"/k/gw"_qs;
    QTest::newRow("local host") << u"%l"_qs << QSysInfo::machineHostName();
    QTest::newRow("percent") << u"100%%"_qs << u"100%"_qs;
    QTest::newRow("unknown token kept") << u"%z"_qs << u"%z"_qs;
    QTest::newRow("trailing percent") << u"a%"_qs << u"a%"_qs;
}

void TestSshConfig::expandTokens()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const SshTokenContext context {u"node1"_qs, u"node1.example"_qs, 2222, u"alice"_qs, u"gw"_qs};
    QCOMPARE(onramp::expandSshTokens(value, context), expected);
    // %C is a SHA-1 of local host, host, port, user and jump: stable and 40 hex digits.
    const QString hash = onramp::expandSshTokens(u"%C"_qs, context);
    QCOMPARE(hash.size(), 40);
    QCOMPARE(onramp::expandSshTokens(u"%C"_qs, context), hash);
}

void TestSshConfig::includeFollowsGlobsAndStaysInsideItsHostBlock()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"conf.d"_qs));
    writeFile(dir.filePath(u"conf.d/10-lab.conf"_qs), "Host lab\n  HostName 127.0.0.1\n  Port 2222\n");
    writeFile(dir.filePath(u"conf.d/20-more.conf"_qs), "Host lab more\n  User fromglob\n");
    writeFile(dir.filePath(u"conf.d/ignored.txt"_qs), "Host lab\n  User wrong\n");
    writeFile(dir.filePath(u"inner"_qs), "User inneruser\nHost x\n  Port 1\n");
    const QString config = u"Include conf.d/*.conf\n"
                           "Host gated\n"
                           "  Include "_qs
        + dir.filePath(u"inner"_qs)
        + u"\n"
          "  Port 2000\n"
          "Host x\n"
          "  User xuser\n"_qs;
    const auto cfg = SshConfigFile::parse(config, dir.path());
    const auto lab = cfg.resolve(u"lab"_qs);
    QCOMPARE(lab.hostName, u"127.0.0.1"_qs);
    QCOMPARE(lab.port, 2222);
    QCOMPARE(lab.user, u"fromglob"_qs);
    // The included file's top lines apply only inside "Host gated"; its "Host x" only to a host that
    // is both gated and x (none), and "Port 2000" after the Include still belongs to gated.
    const auto gated = cfg.resolve(u"gated"_qs);
    QCOMPARE(gated.user, u"inneruser"_qs);
    QCOMPARE(gated.port, 2000);
    const auto x = cfg.resolve(u"x"_qs);
    QCOMPARE(x.user, u"xuser"_qs);
    QCOMPARE(x.port, 0);
    QVERIFY(cfg.aliases().contains(u"lab"_qs));
    QVERIFY(cfg.aliases().contains(u"more"_qs));
}

void TestSshConfig::includeDepthIsBounded()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"self"_qs), "Include self\nUser looped\n");
    const auto entry = SshConfigFile::load(dir.filePath(u"self"_qs), dir.path()).resolve(u"h"_qs);
    QCOMPARE(entry.user, u"looped"_qs);
}

void TestSshConfig::appendedFileOnlyFillsGaps()
{
    auto user = SshConfigFile::parse(u"Host h\n  User mine\n"_qs);
    user.append(SshConfigFile::parse(u"Host *\n  User system\n  HashKnownHosts yes\n"_qs));
    const auto entry = user.resolve(u"h"_qs);
    QCOMPARE(entry.user, u"mine"_qs);
    QCOMPARE(entry.hashKnownHosts, std::optional<bool>(true));
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
