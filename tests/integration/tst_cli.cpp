// onramp-cli as a person or a script uses it: a separate process, against the real lab.

#include "core/version.h"
#include "support/clirun.h"
#include "support/labenv.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <unistd.h>

using onramp::testing::CliRun;

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionNamesEveryComponent();
    void helpDescribesExec();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void separatesStdoutAndStderrAndPropagatesExitCode();
    void severalWordsAreQuotedOneByOne();
    void signalBecomes128PlusNumber();
    void unknownHostKeyWithoutTerminalIsRefused();
    void acceptNewHostKeyWritesKnownHosts();
    void connectionErrorExitsWith255();
    void messagesFollowTheLanguage_data();
    void messagesFollowTheLanguage();
    void interruptEndsTheRemoteCommand();
    void signsInThroughAskPass_data();
    void signsInThroughAskPass();

private:
    // Runs onramp-cli with stdin from /dev/null (no terminal), like a script does. The locale is
    // English (LANG=C.UTF-8) unless `locale` sets LANG, LC_ALL, LC_MESSAGES or LANGUAGE ("NAME=value").
    CliRun cli(const QStringList &arguments, const QStringList &locale = {});
    QStringList labArguments() const;

    onramp::testing::LabEnv m_lab;
};

CliRun TestCli::cli(const QStringList &arguments, const QStringList &locale)
{
    return onramp::testing::runCli(QStringLiteral(ONRAMP_CLI_PATH), arguments, locale);
}

QStringList TestCli::labArguments() const
{
    return onramp::testing::labCliArguments(m_lab, QStringLiteral("exec"));
}

void TestCli::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    QVERIFY2(QFile::exists(QStringLiteral(ONRAMP_CLI_PATH)), ONRAMP_CLI_PATH);
}

void TestCli::versionNamesEveryComponent()
{
    const CliRun run = cli({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("onramp-cli %1").arg(QStringLiteral(ONRAMP_VERSION))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("libssh 0.")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Python 3.")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("isolated")), qPrintable(run.out));
}

void TestCli::helpDescribesExec()
{
    const CliRun run = cli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--host", "--port", "--user", "--identity", "--known-hosts", "--ssh-config",
                               "--accept-new-host-key", "--version"})
        QVERIFY2(run.out.contains(QLatin1String(option)), option);
}

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList();
    QTest::newRow("unknown verb") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("no host") << QStringList {QStringLiteral("exec"), QStringLiteral("--"),
                                             QStringLiteral("true")};
    QTest::newRow("no command") << QStringList {QStringLiteral("exec"), QStringLiteral("--host"),
                                                QStringLiteral("x")};
    QTest::newRow("bad port") << QStringList {
        QStringLiteral("exec"), QStringLiteral("--host"), QStringLiteral("x"),   QStringLiteral("--port"),
        QStringLiteral("http"), QStringLiteral("--"),     QStringLiteral("true")};
    QTest::newRow("unknown option") << QStringList {QStringLiteral("--frobnicate")};
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("--help")), qPrintable(run.err));
}

void TestCli::separatesStdoutAndStderrAndPropagatesExitCode()
{
    const CliRun run = cli(labArguments() << QStringLiteral("--")
                                          << QStringLiteral("echo out; echo err >&2; echo 中文; exit 7"));
    QCOMPARE(run.exitCode, 7);
    QCOMPARE(run.out, QStringLiteral("out\n中文\n"));
    QCOMPARE(run.err, QStringLiteral("err\n"));
}

void TestCli::severalWordsAreQuotedOneByOne()
{
    const CliRun run
        = cli(labArguments() << QStringLiteral("--") << QStringLiteral("printf") << QStringLiteral("%s|")
                             << QStringLiteral("a b") << QStringLiteral("$HOME") << QStringLiteral("it's"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("a b|$HOME|it's|"));
}

void TestCli::signalBecomes128PlusNumber()
{
    const CliRun run = cli(labArguments() << QStringLiteral("--") << QStringLiteral("kill -TERM $$"));
    QCOMPARE(run.exitCode, 128 + 15);
    QVERIFY2(run.err.contains(QLatin1String("TERM")), qPrintable(run.err));
}

void TestCli::unknownHostKeyWithoutTerminalIsRefused()
{
    QTemporaryDir dir;
    QStringList arguments = labArguments();
    arguments[arguments.indexOf(QStringLiteral("--known-hosts")) + 1]
        = dir.filePath(QStringLiteral("known_hosts"));
    const CliRun run = cli(arguments << QStringLiteral("--") << QStringLiteral("echo should-not-run"));
    QCOMPARE(run.exitCode, 255);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("SHA256:")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("--accept-new-host-key")), qPrintable(run.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("known_hosts"))));
}

void TestCli::acceptNewHostKeyWritesKnownHosts()
{
    QTemporaryDir dir;
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    QStringList arguments = labArguments();
    arguments[arguments.indexOf(QStringLiteral("--known-hosts")) + 1] = knownHosts;
    const CliRun run = cli(arguments << QStringLiteral("--accept-new-host-key") << QStringLiteral("--")
                                     << QStringLiteral("echo ran"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("ran\n"));
    QVERIFY2(run.err.contains(QLatin1String("SHA256:")), qPrintable(run.err));
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("ssh-ed25519"));
}

void TestCli::connectionErrorExitsWith255()
{
    QStringList arguments = labArguments();
    arguments[arguments.indexOf(QStringLiteral("--port")) + 1] = QStringLiteral("1");
    const CliRun run = cli(arguments << QStringLiteral("--") << QStringLiteral("true"));
    QCOMPARE(run.exitCode, 255);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QLatin1String("onramp-cli: ")), qPrintable(run.err));
}

void TestCli::messagesFollowTheLanguage_data()
{
    // Port 1 on this machine refuses connections: the message comes from the SSH layer's catalogue.
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("locale");
    QTest::addColumn<QString>("expected");
    const QString chinese = QStringLiteral("onramp-cli：Onramp 无法连接到 ");
    const QString english = QStringLiteral("onramp-cli: Onramp could not connect to ");
    QTest::newRow("--lang zh_CN") << QStringList {QStringLiteral("--lang"), QStringLiteral("zh_CN")}
                                  << QStringList() << chinese;
    QTest::newRow("--lang=zh_CN") << QStringList {QStringLiteral("--lang=zh_CN")} << QStringList() << chinese;
    QTest::newRow("LANG=zh_CN.UTF-8")
        << QStringList() << QStringList {QStringLiteral("LANG=zh_CN.UTF-8")} << chinese;
    QTest::newRow("LC_ALL=zh_CN.UTF-8")
        << QStringList() << QStringList {QStringLiteral("LC_ALL=zh_CN.UTF-8")} << chinese;
    QTest::newRow("--lang en over LANG=zh_CN.UTF-8")
        << QStringList {QStringLiteral("--lang"), QStringLiteral("en")}
        << QStringList {QStringLiteral("LANG=zh_CN.UTF-8")} << english;
    QTest::newRow("LANG=C.UTF-8") << QStringList() << QStringList() << english;
}

void TestCli::messagesFollowTheLanguage()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, locale);
    QFETCH(QString, expected);
    const CliRun run = cli(
        options << QStringList {QStringLiteral("exec"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--ssh-config"),
                                QStringLiteral("/dev/null"), QStringLiteral("--"), QStringLiteral("true")},
        locale);
    QCOMPARE(run.exitCode, 255);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(expected), qPrintable(run.err));
}

void TestCli::interruptEndsTheRemoteCommand()
{
    // Ctrl-C on onramp-cli must not leave the command running on the cluster.
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(ONRAMP_CLI_PATH),
                  labArguments() << QStringLiteral("--") << QStringLiteral("echo started; sleep 305"));
    QByteArray out;
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [&] { out += process.readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(out.contains("started"), 30000);
    const QStringList check = labArguments() << QStringLiteral("--");
    QCOMPARE(cli(QStringList(check) << QStringLiteral("pgrep -u \"$(id -u)\" -x -f 'sleep 305'")).exitCode,
             0);

    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + SIGINT);
    const CliRun gone
        = cli(QStringList(check) << QStringLiteral(
                  "for i in $(seq 50); do pgrep -u \"$(id -u)\" -x -f 'sleep 305' >/dev/null || exit 0; "
                  "sleep 0.1; done; exit 1"));
    QCOMPARE(gone.exitCode, 0);
}

void TestCli::signsInThroughAskPass_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("askPass");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // stdout on success, a piece of stderr on failure
    const QString config = m_lab.value(QStringLiteral("ONRAMP_LAB_SSH_CONFIG"));
    // One word: the remote shell expands it (several words would be quoted one by one).
    const QStringList remote {QStringLiteral("--"), QStringLiteral("echo $ONRAMP_LAB_LOGIN_NODE")};
    QTest::newRow("gateway: key, then the one-time code from SSH_ASKPASS")
        << (QStringList {QStringLiteral("exec"), QStringLiteral("--ssh-config"), config,
                         QStringLiteral("--host"), QStringLiteral("gateway")}
            + remote)
        << true << 0 << QStringLiteral("gateway\n");
    QTest::newRow("ProxyJump from the SSH config")
        << (QStringList {QStringLiteral("exec"), QStringLiteral("--ssh-config"), config,
                         QStringLiteral("--host"), QStringLiteral("aha-inner")}
            + remote)
        << true << 0 << QStringLiteral("aha-inner\n");
    QTest::newRow("-J like ssh -J, no config")
        << (QStringList {QStringLiteral("exec"), QStringLiteral("--ssh-config"), QStringLiteral("/dev/null"),
                         QStringLiteral("--identity"), m_lab.value(QStringLiteral("ONRAMP_LAB_KEY")),
                         QStringLiteral("--known-hosts"),
                         m_lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")), QStringLiteral("--user"),
                         m_lab.value(QStringLiteral("ONRAMP_LAB_USER")), QStringLiteral("-J"),
                         // Like ssh -J, a hop has its own user: the local one unless given.
                         m_lab.value(QStringLiteral("ONRAMP_LAB_USER")) + QLatin1Char('@')
                             + m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_HOST")),
                         QStringLiteral("--host"), m_lab.value(QStringLiteral("ONRAMP_LAB_INNER_HOST"))}
            + remote)
        << true << 0 << QStringLiteral("aha-inner\n");
    QTest::newRow("no terminal and no SSH_ASKPASS: says why, exits 255")
        << (QStringList {QStringLiteral("exec"), QStringLiteral("--ssh-config"), config,
                         QStringLiteral("--host"), QStringLiteral("gateway")}
            + remote)
        << false << 255 << QStringLiteral("no terminal");
}

void TestCli::signsInThroughAskPass()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, askPass);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QStringList environment {QStringLiteral("SSH_ASKPASS=")};
    if (askPass)
        environment = {QStringLiteral("SSH_ASKPASS=") + m_lab.value(QStringLiteral("ONRAMP_LAB_ASKPASS")),
                       QStringLiteral("SSH_ASKPASS_REQUIRE=force")};
    const CliRun run = cli(arguments, environment);
    QVERIFY2(run.exitCode == exitCode,
             qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    if (exitCode == 0)
        QCOMPARE(run.out, expected);
    else
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
