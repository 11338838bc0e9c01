#include "core/sshconfig.h"

#include <QTest>

using onramp::SshConfigFile;

class TestSshConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aliases();
    void resolve_data();
    void resolve();
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

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
