// The SSH transport against the real lab (tests/lab): OpenSSH sshd, Slurm, real host keys.

#include "core/shellquote.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/remoterun.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace onramp;
using namespace onramp::testing;
using remote::ConnectionState;
using remote::Endpoint;
using remote::ExecOptions;
using remote::HostKey;
using remote::ProcessResult;
using remote::RemoteProcess;
using remote::Transport;

namespace {

// "SHA256:..." of the server's key of `type` (e.g. ssh-ed25519), as OpenSSH's ssh-keygen computes
// it from a known_hosts file.
QString opensshFingerprint(const QString &knownHostsFile, const QString &hostName, const QString &type)
{
    // ssh-keygen -l -F prints "[127.0.0.1]:2222 ED25519 SHA256:xxx", hashed entries (|1|...) included.
    const QString wanted = type.mid(type.indexOf(QLatin1Char('-')) + 1).toUpper();
    const QString listing = runLocal(QStringLiteral("ssh-keygen"),
                                     {QStringLiteral("-l"), QStringLiteral("-F"), hostName,
                                      QStringLiteral("-f"), knownHostsFile});
    for (const QString &line : listing.split(QLatin1Char('\n'))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() >= 3 && words[0] == hostName && words[1] == wanted)
            return words[2];
    }
    return {};
}

// The public half of a new, random ed25519 key (a different server's or an unauthorised client's).
QString makeKey(const QString &path)
{
    int status = -1;
    runLocal(QStringLiteral("ssh-keygen"),
             {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
              QString(), QStringLiteral("-f"), path},
             &status);
    QFile pub(path + QStringLiteral(".pub"));
    if (status != 0 || !pub.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(pub.readAll()).section(QLatin1Char(' '), 0, 1);
}

// A TCP port that accepts connections (the kernel's backlog) but never says a word: an SSH
// server that hangs. Closing it resets the waiting connections.
class SilentServer {
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_fd, 4) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestSshTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void connectsWithKeyAndKnownHosts();
    void sshConfigAliasResolvesAndExplicitFieldsWin_data();
    void sshConfigAliasResolvesAndExplicitFieldsWin();
    void execBeforeConnectingFails();

    void streamsHostnameAndSinfo();
    void separatesStdoutAndStderr();
    void reportsExitCodes_data();
    void reportsExitCodes();
    void reportsSignalExit();
    void keepsUtf8SplitAcrossReadsWhole();
    void streamsIncrementally();
    void deliversOutputWithLowLatency();
    void remoteStdinIsClosed();
    void runsManyCommandsAtOnce_data();
    void runsManyCommandsAtOnce();
    void commandsThatEndAtOnceAllFinish();
    void timeoutEndsTheRemoteProcess();
    void cancelKillsTheRemoteProcess();
    void srunGetsAGpu();

    void unknownHostKeyTrustedIsWrittenForOpenSsh();
    void unknownHostKeyRejectedFails();
    void changedHostKeyIsRefused();
    void wrongKeyFailsAuthentication();
    void partialAuthenticationNamesTheMissingFactor();
    void refusedPortFailsToConnect();
    void silentServerTimesOut();
    void destroyingWhileConnectingDoesNotBlock();
    void droppedConnectionFailsRunningCommandsAndReconnects();

private:
    std::unique_ptr<Transport> connectTransport(const Endpoint &endpoint);
    // Waits (on the remote side, bounded) until no process has exactly this command line.
    bool remoteProcessGone(const QString &commandLine);
    bool remoteProcessExists(const QString &commandLine);

    testing::LabEnv m_lab;
    std::unique_ptr<Transport> m_shared; // one connection for the exec tests, like the app
};

std::unique_ptr<Transport> TestSshTransport::connectTransport(const Endpoint &endpoint)
{
    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    static_cast<void>(
        QTest::qWaitFor([&] { return transport->state() == ConnectionState::Connected || !failed.isEmpty(); },
                        kConnectWaitMs));
    if (!failed.isEmpty())
        qWarning() << "connect failed:" << failed.first().first().value<Error>().message
                   << failed.first().first().value<Error>().detail;
    return transport;
}

bool TestSshTransport::remoteProcessExists(const QString &commandLine)
{
    auto run = runCommand(*m_shared,
                          QStringLiteral("pgrep -u \"$(id -u)\" -x -f %1").arg(shellQuote(commandLine)));
    return run->done && run->result.exitCode == 0;
}

bool TestSshTransport::remoteProcessGone(const QString &commandLine)
{
    // Polls on the cluster for up to 5 s: a killed process can take a moment to be reaped.
    auto run = runCommand(*m_shared,
                          QStringLiteral("for i in $(seq 50); do pgrep -u \"$(id -u)\" -x -f %1 >/dev/null "
                                         "|| exit 0; sleep 0.1; done; exit 1")
                              .arg(shellQuote(commandLine)));
    return run->done && run->result.exitCode == 0;
}

void TestSshTransport::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    m_shared = connectTransport(m_lab.directEndpoint());
    QCOMPARE(m_shared->state(), ConnectionState::Connected);
}

void TestSshTransport::cleanupTestCase()
{
    m_shared.reset();
}

void TestSshTransport::connectsWithKeyAndKnownHosts()
{
    auto transport = ssh::createSshTransport();
    QSignalSpy states(transport.get(), &Transport::stateChanged);
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QElapsedTimer clock;
    clock.start();
    transport->connectTo(m_lab.directEndpoint());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kConnectWaitMs);
    qInfo("connect + host key + key authentication: %lld ms", clock.elapsed());

    QList<ConnectionState> seen;
    for (const auto &args : states)
        seen << args.first().value<ConnectionState>();
    const QList<ConnectionState> expected {ConnectionState::Connecting, ConnectionState::VerifyingHostKey,
                                           ConnectionState::Authenticating, ConnectionState::Connected};
    QCOMPARE(seen, expected);
    QCOMPARE(unknownKey.size(), 0);
    QCOMPARE(transport->endpoint().host, m_lab.value(QStringLiteral("ONRAMP_LAB_HOST")));
    QCOMPARE(transport->endpoint().port, m_lab.value(QStringLiteral("ONRAMP_LAB_PORT")).toInt());
    QCOMPARE(transport->endpoint().user, m_lab.value(QStringLiteral("ONRAMP_LAB_USER")));

    QSignalSpy disconnected(transport.get(), &Transport::disconnected);
    transport->disconnectFrom();
    QTRY_COMPARE(disconnected.size(), 1);
    QCOMPARE(transport->state(), ConnectionState::Disconnected);
}

void TestSshTransport::sshConfigAliasResolvesAndExplicitFieldsWin_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<bool>("explicitPortAndUser");
    const QString host = m_lab.value(QStringLiteral("ONRAMP_LAB_HOST"));
    const QString port = m_lab.value(QStringLiteral("ONRAMP_LAB_PORT"));
    const QString user = m_lab.value(QStringLiteral("ONRAMP_LAB_USER"));
    QTest::newRow("alias gives host, port and user")
        << QStringLiteral("Host lab-alias\n  HostName %1\n  Port %2\n  User %3\n").arg(host, port, user)
        << false;
    // Port and UserKnownHostsFile in a config file override earlier ssh_options_set() calls in
    // libssh 0.10: the explicit values must still win.
    QTest::newRow("explicit port and user beat the config")
        << QStringLiteral(
               "Host lab-alias\n  HostName %1\n  Port 1\n  User nobody\n  UserKnownHostsFile /dev/null\n")
               .arg(host)
        << true;
}

void TestSshTransport::sshConfigAliasResolvesAndExplicitFieldsWin()
{
    QFETCH(QString, config);
    QFETCH(bool, explicitPortAndUser);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("config")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config.toUtf8());
    file.close();

    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.host = QStringLiteral("lab-alias");
    endpoint.sshConfigFile = file.fileName();
    if (!explicitPortAndUser) {
        endpoint.port = 0;
        endpoint.user.clear();
    }
    auto transport = connectTransport(endpoint);
    QCOMPARE(transport->state(), ConnectionState::Connected);
    QCOMPARE(transport->endpoint().host, m_lab.value(QStringLiteral("ONRAMP_LAB_HOST")));
    QCOMPARE(transport->endpoint().port, m_lab.value(QStringLiteral("ONRAMP_LAB_PORT")).toInt());
    QCOMPARE(transport->endpoint().user, m_lab.value(QStringLiteral("ONRAMP_LAB_USER")));
    QCOMPARE(transport->endpoint().knownHostsFile, m_lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")));
}

void TestSshTransport::execBeforeConnectingFails()
{
    auto transport = ssh::createSshTransport();
    auto run = watch(transport->exec(QStringLiteral("true")));
    QTRY_VERIFY(run->done);
    QVERIFY(run->result.error);
    QCOMPARE(run->result.error->kind, ErrorKind::Disconnected);
    QVERIFY(!run->started);
}

void TestSshTransport::streamsHostnameAndSinfo()
{
    auto run = runCommand(*m_shared, QStringLiteral("hostname; sinfo"));
    QVERIFY(run->done);
    QVERIFY2(run->result.succeeded(), qPrintable(describe(run->result) + run->err));
    QVERIFY(run->started);
    const QStringList lines = run->out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    QCOMPARE(lines.first(), m_lab.value(QStringLiteral("ONRAMP_LAB_NODE")));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("PARTITION")), qPrintable(run->out));
    QVERIFY2(run->out.contains(QLatin1String("gpu")), qPrintable(run->out));
}

void TestSshTransport::separatesStdoutAndStderr()
{
    auto run = runCommand(*m_shared, QStringLiteral("echo to-out; echo to-err >&2; echo more-out"));
    QVERIFY(run->done);
    QVERIFY(run->result.succeeded());
    QCOMPARE(run->out, QStringLiteral("to-out\nmore-out\n"));
    QCOMPARE(run->err, QStringLiteral("to-err\n"));
    QCOMPARE(run->doneCount, 1);
}

void TestSshTransport::reportsExitCodes_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("success") << QStringLiteral("true") << 0;
    QTest::newRow("exit 3") << QStringLiteral("exit 3") << 3;
    QTest::newRow("command not found") << QStringLiteral("onramp-no-such-command") << 127;
}

void TestSshTransport::reportsExitCodes()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    auto run = runCommand(*m_shared, command);
    QVERIFY(run->done);
    QVERIFY2(!run->result.error, qPrintable(describe(run->result)));
    QCOMPARE(run->result.exitCode, exitCode);
    QVERIFY(run->result.exitSignal.isEmpty());
    QCOMPARE(run->result.succeeded(), exitCode == 0);
}

void TestSshTransport::reportsSignalExit()
{
    auto run = runCommand(*m_shared, QStringLiteral("kill -TERM $$"));
    QVERIFY(run->done);
    QVERIFY2(!run->result.error, qPrintable(describe(run->result)));
    QCOMPARE(run->result.exitSignal, QStringLiteral("TERM"));
    QCOMPARE(run->result.exitCode, -1);
    QVERIFY(!run->result.succeeded());
}

void TestSshTransport::keepsUtf8SplitAcrossReadsWhole()
{
    // "中文" is E4 B8 AD E6 96 87: printed one byte at a time, each byte arrives in its own packet.
    auto run = runCommand(*m_shared,
                          QStringLiteral("for b in 344 270 255 346 226 207; do printf \"\\\\$b\"; "
                                         "sleep 0.05; done; echo"));
    QVERIFY(run->done);
    QVERIFY2(run->result.succeeded(), qPrintable(describe(run->result) + run->err));
    QCOMPARE(run->out, QStringLiteral("中文\n"));
    QVERIFY2(run->outChunks.size() >= 2, qPrintable(run->outChunks.join(QLatin1Char('|'))));
    for (const QString &chunk : std::as_const(run->outChunks))
        QVERIFY2(!chunk.contains(QChar::ReplacementCharacter),
                 qPrintable(run->outChunks.join(QLatin1Char('|'))));
}

void TestSshTransport::streamsIncrementally()
{
    auto run = runCommand(*m_shared, QStringLiteral("echo a; sleep 1; echo b"));
    QVERIFY(run->done);
    QVERIFY(run->result.succeeded());
    QCOMPARE(run->out, QStringLiteral("a\nb\n"));
    // "a" came on its own, before "b" was printed: output streams, it is not collected until the end.
    QCOMPARE(run->outChunks.first(), QStringLiteral("a\n"));
    QVERIFY(run->outChunks.size() >= 2);
}

void TestSshTransport::deliversOutputWithLowLatency()
{
    // The lab runs on this machine, so the remote clock is ours: each line carries the time it
    // was printed, and the difference on arrival is the transport's latency.
    auto process = m_shared->exec(QStringLiteral("for i in $(seq 20); do date +%s%N; sleep 0.05; done"));
    QList<qint64> latenciesUs;
    QString pending;
    connect(process, &RemoteProcess::stdoutText, this, [&](const QString &text) {
        const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        pending += text;
        while (pending.contains(QLatin1Char('\n'))) {
            const QString line = pending.section(QLatin1Char('\n'), 0, 0);
            pending = pending.section(QLatin1Char('\n'), 1);
            latenciesUs << nowUs - line.toLongLong() / 1000;
        }
    });
    auto run = watch(process);
    QTRY_VERIFY_WITH_TIMEOUT(run->done, kCommandWaitMs);
    QCOMPARE(latenciesUs.size(), 20);
    std::sort(latenciesUs.begin(), latenciesUs.end());
    const qint64 medianUs = latenciesUs.at(latenciesUs.size() / 2);
    // A measurement, not an assertion (bench/ has the comparisons): every line must arrive.
    qInfo("remote print -> stdoutText latency: median %lld us, max %lld us", medianUs, latenciesUs.last());
}

void TestSshTransport::remoteStdinIsClosed()
{
    // No one types into an exec'd command: a command that reads stdin must see EOF, not hang.
    auto run = runCommand(*m_shared, QStringLiteral("cat; echo after-cat"));
    QVERIFY(run->done);
    QVERIFY(run->result.succeeded());
    QCOMPARE(run->out, QStringLiteral("after-cat\n"));
}

void TestSshTransport::runsManyCommandsAtOnce_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("barrier");
    // Each of the 20 waits until all 20 have started: they can only finish if they run at once.
    QTest::newRow("20 at once") << 20 << true;
    // More than the lab sshd's MaxSessions (32): the rest wait for a free channel.
    QTest::newRow("40, beyond MaxSessions") << 40 << false;
}

void TestSshTransport::runsManyCommandsAtOnce()
{
    QFETCH(int, count);
    QFETCH(bool, barrier);
    const QString dir
        = QStringLiteral("/tmp/onramp-barrier-%1-%2").arg(QCoreApplication::applicationPid()).arg(count);
    // The barrier gives up after ~30 s (exit 9) so a serialised run fails instead of hanging.
    const QString wait = barrier ? QStringLiteral("mkdir -p %1; touch %1/$$; n=0; "
                                                  "while [ $(ls %1 | wc -l) -lt %2 ]; do sleep 0.05; "
                                                  "n=$((n+1)); [ $n -gt 600 ] && exit 9; done; ")
                                       .arg(dir)
                                       .arg(count)
                                 : QStringLiteral("sleep 1; ");
    QList<std::shared_ptr<Run>> runs;
    for (int i = 0; i < count; ++i)
        runs << watch(m_shared->exec(wait + QStringLiteral("echo %1; echo err%1 >&2").arg(i)));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(runs.cbegin(), runs.cend(), [](const auto &r) { return r->done; }),
                             kCommandWaitMs);
    for (int i = 0; i < count; ++i) {
        QVERIFY2(runs[i]->result.succeeded(), qPrintable(describe(runs[i]->result)));
        QCOMPARE(runs[i]->out, QStringLiteral("%1\n").arg(i));
        QCOMPARE(runs[i]->err, QStringLiteral("err%1\n").arg(i));
        QCOMPARE(runs[i]->doneCount, 1);
    }
    if (barrier)
        runCommand(*m_shared, QStringLiteral("rm -rf ") + dir);
}

void TestSshTransport::commandsThatEndAtOnceAllFinish()
{
    // A command that ends at once can have its exit status and close read by libssh together with
    // the answer to its exec request, inside that request (on a loaded machine, one run in
    // thousands; tst_cli once hung on `kill -TERM $$`). done() must come all the same. Many short
    // commands at a time, round after round, make that read likely; the deadline only turns a hang
    // into a failure.
    constexpr int kRounds = 10;
    constexpr int kPerRound = 24;
    for (int round = 0; round < kRounds; ++round) {
        QList<std::shared_ptr<Run>> runs;
        for (int i = 0; i < kPerRound; ++i) {
            QString command = QStringLiteral("echo %1").arg(i);
            if (i % 3 == 0)
                command = QStringLiteral("kill -TERM $$");
            else if (i % 3 == 1)
                command = QStringLiteral("exit 3");
            runs << watch(m_shared->exec(command));
        }
        static_cast<void>(QTest::qWaitFor(
            [&] { return std::all_of(runs.cbegin(), runs.cend(), [](const auto &r) { return r->done; }); },
            kCommandWaitMs));
        for (int i = 0; i < kPerRound; ++i) {
            const Run &run = *runs[i];
            const QString where = QStringLiteral("round %1, command %2: ").arg(round).arg(i);
            QVERIFY2(run.done, qPrintable(where + QStringLiteral("no done()")));
            QCOMPARE(run.doneCount, 1);
            QVERIFY2(!run.result.error, qPrintable(where + describe(run.result)));
            if (i % 3 == 0) {
                QCOMPARE(run.result.exitSignal, QStringLiteral("TERM"));
            } else if (i % 3 == 1) {
                QCOMPARE(run.result.exitCode, 3);
            } else {
                QCOMPARE(run.result.exitCode, 0);
                QCOMPARE(run.out, QStringLiteral("%1\n").arg(i));
            }
        }
    }
}

void TestSshTransport::timeoutEndsTheRemoteProcess()
{
    const QString sleeper = QStringLiteral("sleep 303");
    ExecOptions options;
    options.timeoutMs = 1000;
    auto run = runCommand(*m_shared, QStringLiteral("echo started; %1").arg(sleeper), options);
    QVERIFY(run->done);
    QVERIFY(run->result.error);
    QCOMPARE(run->result.error->kind, ErrorKind::Timeout);
    QCOMPARE(run->out, QStringLiteral("started\n"));
    QVERIFY2(run->doneMs < 5000, qPrintable(QString::number(run->doneMs)));
    QVERIFY(remoteProcessGone(sleeper));
}

void TestSshTransport::cancelKillsTheRemoteProcess()
{
    // A shell with a child (not a lone `sleep` that the shell would exec): the whole group must go.
    const QString sleeper = QStringLiteral("sleep 302");
    RemoteProcess *process
        = m_shared->exec(QStringLiteral("echo started; %1; echo not-reached").arg(sleeper));
    auto run = watch(process);
    QTRY_COMPARE_WITH_TIMEOUT(run->out, QStringLiteral("started\n"), kCommandWaitMs);
    QVERIFY(process->isRunning());
    QVERIFY2(remoteProcessExists(sleeper), "the check below would prove nothing");

    process->cancel();
    QTRY_VERIFY(run->done);
    QVERIFY(run->result.error);
    QCOMPARE(run->result.error->kind, ErrorKind::Cancelled);
    QVERIFY(remoteProcessGone(sleeper));
    QCOMPARE(run->out, QStringLiteral("started\n"));
    QCOMPARE(run->doneCount, 1);
}

void TestSshTransport::srunGetsAGpu()
{
    auto run = runCommand(*m_shared,
                          QStringLiteral("srun --gres=gpu:1 -p gpu bash -c 'echo $CUDA_VISIBLE_DEVICES'"));
    QVERIFY(run->done);
    QVERIFY2(run->result.succeeded(), qPrintable(describe(run->result) + run->err));
    QCOMPARE(run->out, QStringLiteral("0\n"));
}

void TestSshTransport::unknownHostKeyTrustedIsWrittenForOpenSsh()
{
    QTemporaryDir dir;
    Endpoint endpoint = m_lab.directEndpoint();
    // A folder that does not exist yet, like ~/.ssh on a new laptop.
    endpoint.knownHostsFile = dir.filePath(QStringLiteral("dot-ssh/known_hosts"));

    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy connected(transport.get(), &Transport::connected);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(unknownKey.size(), 1, kConnectWaitMs);
    QCOMPARE(transport->state(), ConnectionState::VerifyingHostKey);

    const auto key = unknownKey.first().first().value<HostKey>();
    const QString name = QStringLiteral("[%1]:%2").arg(endpoint.host).arg(endpoint.port);
    QCOMPARE(key.verdict, HostKey::Verdict::Unknown);
    QCOMPARE(key.host, endpoint.host);
    QCOMPARE(key.port, endpoint.port);
    QCOMPARE(key.knownHostsFile, endpoint.knownHostsFile);
    QCOMPARE(key.type, QStringLiteral("ssh-ed25519"));
    QVERIFY(key.fingerprint.startsWith(QLatin1String("SHA256:")));
    QCOMPARE(key.fingerprint,
             opensshFingerprint(m_lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")), name, key.type));

    transport->answerHostKey(true);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kConnectWaitMs);
    int status = -1;
    const QString found
        = runLocal(QStringLiteral("ssh-keygen"),
                   {QStringLiteral("-F"), name, QStringLiteral("-f"), endpoint.knownHostsFile}, &status);
    QCOMPARE(status, 0);
    QVERIFY2(found.contains(QLatin1String("ssh-ed25519")), qPrintable(found));
    QCOMPARE(opensshFingerprint(endpoint.knownHostsFile, name, key.type), key.fingerprint);

    // The next connection knows the server and asks nothing.
    auto again = connectTransport(endpoint);
    QCOMPARE(again->state(), ConnectionState::Connected);
}

void TestSshTransport::unknownHostKeyRejectedFails()
{
    QTemporaryDir dir;
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = dir.filePath(QStringLiteral("known_hosts"));

    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(unknownKey.size(), 1, kConnectWaitMs);
    transport->answerHostKey(false);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Error>().kind, ErrorKind::HostKeyUnknown);
    QCOMPARE(transport->state(), ConnectionState::Failed);
    QVERIFY(!QFile::exists(endpoint.knownHostsFile));
}

void TestSshTransport::changedHostKeyIsRefused()
{
    QTemporaryDir dir;
    const QString otherServerKey = makeKey(dir.filePath(QStringLiteral("other_host_key")));
    QVERIFY(!otherServerKey.isEmpty());
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = dir.filePath(QStringLiteral("known_hosts"));
    const QString name = QStringLiteral("[%1]:%2").arg(endpoint.host).arg(endpoint.port);
    const QByteArray entry = (name + QLatin1Char(' ') + otherServerKey + QLatin1Char('\n')).toUtf8();
    {
        QFile file(endpoint.knownHostsFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(entry);
    }

    auto transport = ssh::createSshTransport();
    QSignalSpy unknownKey(transport.get(), &Transport::hostKeyUnknown);
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.kind, ErrorKind::HostKeyChanged);
    QVERIFY2(error.message.contains(QStringLiteral("ssh-keygen -R \"%1\"").arg(name)),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(endpoint.knownHostsFile), qPrintable(error.message));
    const QString realFingerprint = opensshFingerprint(m_lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")),
                                                       name, QStringLiteral("ssh-ed25519"));
    QVERIFY2(error.message.contains(realFingerprint), qPrintable(error.message));
    QCOMPARE(unknownKey.size(), 0); // no question, so no way to "connect anyway"
    QCOMPARE(transport->state(), ConnectionState::Failed);

    QFile file(endpoint.knownHostsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), entry);
}

void TestSshTransport::wrongKeyFailsAuthentication()
{
    QTemporaryDir dir;
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.identityFile = dir.filePath(QStringLiteral("not_authorized"));
    endpoint.preferredAuthentications = {QStringLiteral("publickey")}; // no password prompt
    QVERIFY(!makeKey(endpoint.identityFile).isEmpty());

    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.kind, ErrorKind::AuthFailed);
    QVERIFY2(error.message.contains(endpoint.identityFile), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("password")),
             qPrintable(error.message)); // what the server offers
    QCOMPARE(transport->state(), ConnectionState::Failed);
}

void TestSshTransport::partialAuthenticationNamesTheMissingFactor()
{
    // The gateway wants the key *and* a one-time code: the key is accepted (SSH_AUTH_PARTIAL), then
    // the server's own question for the code reaches the person. Declining it stops there.
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.host = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_HOST"));
    endpoint.port = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_PORT")).toInt();
    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    QSignalSpy asked(transport.get(), &Transport::credentialsRequested);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, kConnectWaitMs);
    const auto request = asked.first().first().value<remote::AuthRequest>();
    QCOMPARE(request.kind, remote::AuthRequest::Kind::KeyboardInteractive);
    QVERIFY2(request.prompts.value(0).text.contains(QLatin1String("One-time")),
             qPrintable(request.prompts.value(0).text));
    transport->cancelCredentials();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    QCOMPARE(failed.first().first().value<Error>().kind, ErrorKind::Cancelled);
    QCOMPARE(transport->state(), ConnectionState::Failed);
}

void TestSshTransport::refusedPortFailsToConnect()
{
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.port = 1; // nothing listens there
    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    QSignalSpy states(transport.get(), &Transport::stateChanged);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    QCOMPARE(failed.first().first().value<Error>().kind, ErrorKind::ConnectFailed);
    QCOMPARE(transport->state(), ConnectionState::Failed);
    QCOMPARE(states.last().first().value<ConnectionState>(), ConnectionState::Failed);
}

void TestSshTransport::silentServerTimesOut()
{
    SilentServer server;
    QVERIFY(server.port() > 0);
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.port = server.port();
    endpoint.connectTimeoutSec = 1;
    auto transport = ssh::createSshTransport();
    QSignalSpy failed(transport.get(), &Transport::failed);
    transport->connectTo(endpoint);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kConnectWaitMs);
    // Without the 1 s connect timeout the silent server would hold the connection past the wait.
    QCOMPARE(failed.first().first().value<Error>().kind, ErrorKind::ConnectFailed);
}

void TestSshTransport::destroyingWhileConnectingDoesNotBlock()
{
    SilentServer server;
    QVERIFY(server.port() > 0);
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.port = server.port();
    endpoint.connectTimeoutSec = 600;
    auto transport = ssh::createSshTransport();
    transport->connectTo(endpoint);
    QTRY_COMPARE(transport->state(), ConnectionState::Connecting);

    // The worker is inside a blocking libssh call; the GUI thread must not wait for it.
    QElapsedTimer clock;
    clock.start();
    transport.reset();
    // Blocking would last the whole 600 s connect timeout; the bound only turns that into a failure.
    QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    server.close(); // lets the detached worker finish now rather than after 600 s
}

void TestSshTransport::droppedConnectionFailsRunningCommandsAndReconnects()
{
    auto transport = connectTransport(m_lab.directEndpoint());
    QCOMPARE(transport->state(), ConnectionState::Connected);
    QSignalSpy failed(transport.get(), &Transport::failed);
    QSignalSpy disconnected(transport.get(), &Transport::disconnected);
    const QString sleeper = QStringLiteral("sleep 306");
    auto longRunning = watch(transport->exec(sleeper));
    QTRY_VERIFY_WITH_TIMEOUT(longRunning->started, kCommandWaitMs);

    // The parent of a command's shell is this connection's sshd process: killing it drops the
    // TCP connection the way a crashed server or a cut network would.
    auto killer = watch(transport->exec(QStringLiteral("kill -KILL $PPID")));
    QTRY_VERIFY_WITH_TIMEOUT(longRunning->done && killer->done, kCommandWaitMs);
    QVERIFY(longRunning->result.error);
    QCOMPARE(longRunning->result.error->kind, ErrorKind::Disconnected);
    QTRY_COMPARE(disconnected.size(), 1);
    // Signing in needed nobody, so the transport reconnects on its own instead of failing.
    QVERIFY(failed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(transport->state(), ConnectionState::Connected, kConnectWaitMs);
    QCOMPARE(runCommand(*transport, QStringLiteral("echo again"))->out.trimmed(), QStringLiteral("again"));

    // Without a PTY nothing tells the orphaned command that its connection died: clean up.
    auto cleanup = runCommand(
        *m_shared, QStringLiteral("pkill -u \"$(id -u)\" -x -f %1; true").arg(shellQuote(sleeper)));
    QVERIFY(cleanup->done);
}

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_sshtransport.moc"
