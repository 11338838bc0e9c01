// Every way students sign in, the terminal, SFTP and keepalive, against the lab's real sshd
// instances: aha (key, password, keyboard-interactive through PAM), the gateway (key AND a TOTP
// code from pam_oath) and aha-inner, reachable only through the gateway (ProxyJump).

#include "core/shellquote.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/remoterun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

#include <signal.h>

using namespace onramp;
using namespace onramp::testing;
using remote::AuthRequest;
using remote::ConnectionState;
using remote::Endpoint;
using remote::Transport;

namespace {

using Answerer = std::function<std::optional<QStringList>(const AuthRequest &)>;

// A transport whose sign-in questions are answered by `answerer` (nullopt: cancel), with every
// request kept for the test to inspect.
struct Session {
    std::unique_ptr<Transport> transport = ssh::createSshTransport();
    QList<AuthRequest> requests;
    QList<ConnectionState> states;
    QList<Error> failures;
    Answerer answerer;

    explicit Session(Answerer answer = {}) : answerer(std::move(answer))
    {
        QObject::connect(transport.get(), &Transport::credentialsRequested, transport.get(),
                         [this](const AuthRequest &request) {
                             requests << request;
                             std::optional<QStringList> answers = answerer ? answerer(request) : std::nullopt;
                             if (answers)
                                 transport->answerCredentials(*answers);
                             else
                                 transport->cancelCredentials();
                         });
        QObject::connect(transport.get(), &Transport::stateChanged, transport.get(),
                         [this](ConnectionState state) { states << state; });
        QObject::connect(transport.get(), &Transport::failed, transport.get(),
                         [this](const Error &error) { failures << error; });
    }

    // Connects and waits until connected or failed; true when connected.
    bool connect(const Endpoint &endpoint)
    {
        transport->connectTo(endpoint);
        return waitSettled();
    }

    bool waitSettled()
    {
        const qsizetype before = failures.size();
        static_cast<void>(QTest::qWaitFor(
            [&] { return transport->state() == ConnectionState::Connected || failures.size() > before; },
            kConnectWaitMs * 2));
        if (failures.size() > before)
            qWarning() << "failed:" << failures.last().message << failures.last().detail;
        return transport->state() == ConnectionState::Connected;
    }
};

std::optional<QStringList> reply(const QString &answer)
{
    return QStringList {answer};
}

QString readFirstLine(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readLine()).trimmed() : QString();
}

qsizetype countInFile(const QString &path, const QString &needle)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).count(needle) : -1;
}

// The parent of a process, from /proc (the privileged half of an sshd connection).
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid ...": comm may contain spaces, so read after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

// Freezes the server side of a connection (both sshd processes), as a suspended laptop's peer or
// a dead link looks: TCP stays up, nothing answers. Thawing kills them.
class FrozenServer {
public:
    explicit FrozenServer(QList<qint64> pids) : m_pids(std::move(pids))
    {
        for (qint64 pid : m_pids)
            ::kill(static_cast<pid_t>(pid), SIGSTOP);
    }
    ~FrozenServer()
    {
        for (qint64 pid : m_pids) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            ::kill(static_cast<pid_t>(pid), SIGCONT);
        }
    }

private:
    QList<qint64> m_pids;
};

// Collects a terminal's raw output as text.
struct TerminalLog {
    QString text;
    std::optional<remote::ProcessResult> closed;
    bool opened = false;

    explicit TerminalLog(remote::RemoteTerminal *terminal)
    {
        QObject::connect(terminal, &remote::RemoteTerminal::opened, terminal, [this] { opened = true; });
        QObject::connect(terminal, &remote::RemoteTerminal::output, terminal,
                         [this](const QByteArray &bytes) { text += QString::fromUtf8(bytes); });
        QObject::connect(terminal, &remote::RemoteTerminal::closed, terminal,
                         [this](const remote::ProcessResult &result) { closed = result; });
    }
    bool waitFor(const QRegularExpression &pattern, qsizetype from = 0)
    {
        return QTest::qWaitFor([&] { return pattern.match(text.mid(from)).hasMatch(); }, kCommandWaitMs);
    }
};

} // namespace

class TestSshAuth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void agentKeySignsIn();
    void encryptedKeyAsksForItsPassphrase();
    void passwordSignsIn_data();
    void passwordSignsIn();
    void wrongPasswordIsSentOnceThenAskedAgain();
    void cancellingThePromptStops();
    void gatewayAsksForKeyThenOneTimeCode();
    void wrongOneTimeCodeIsAskedAgain();
    void proxyJumpReachesTheInnerLoginNode_data();
    void proxyJumpReachesTheInnerLoginNode();

    void terminalRunsSrunAndResizes();
    void sftpRoundTrip();
    void sftpReportsMissingFiles();

    void keepaliveNoticesAFrozenServerAndReconnects();
    void lostConnectionThatNeedsAPersonWaitsForReconnect();

private:
    Endpoint passwordEndpoint() const;
    Endpoint gatewayEndpoint() const;
    QString otp() const;
    QString password() const
    {
        return readFirstLine(m_lab.value(QStringLiteral("ONRAMP_LAB_PASSWORD_FILE")));
    }
    // The sshd processes serving `transport`'s connection.
    QList<qint64> serverProcesses(Transport &transport);
    // Adds a public key to the lab user's authorized_keys for the test's duration.
    bool authorize(const QString &publicKeyFile);

    LabEnv m_lab;
    QStringList m_authorized;
};

void TestSshAuth::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
}

Endpoint TestSshAuth::passwordEndpoint() const
{
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.identityFile.clear();
    endpoint.identitiesOnly = true; // no key at all: the server must ask
    return endpoint;
}

Endpoint TestSshAuth::gatewayEndpoint() const
{
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.host = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_HOST"));
    endpoint.port = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_PORT")).toInt();
    endpoint.identitiesOnly = true;
    return endpoint;
}

QString TestSshAuth::otp() const
{
    const QString secret = readFirstLine(m_lab.value(QStringLiteral("ONRAMP_LAB_TOTP_SECRET_FILE")));
    return runLocal(QStringLiteral("oathtool"), {QStringLiteral("--totp"), secret}).trimmed();
}

QList<qint64> TestSshAuth::serverProcesses(Transport &transport)
{
    auto run = runCommand(transport, QStringLiteral("echo $PPID"));
    const qint64 session = run->out.trimmed().toLongLong();
    return {session, parentOf(session)};
}

bool TestSshAuth::authorize(const QString &publicKeyFile)
{
    QFile pub(publicKeyFile);
    QFile keys(m_lab.value(QStringLiteral("ONRAMP_LAB_HOME")) + QStringLiteral("/.ssh/authorized_keys"));
    if (!pub.open(QIODevice::ReadOnly) || !keys.open(QIODevice::Append))
        return false;
    const QByteArray line = pub.readAll().trimmed();
    m_authorized << QString::fromUtf8(line);
    keys.write(line + '\n');
    return true;
}

void TestSshAuth::agentKeySignsIn()
{
    // The lab key, only in a fresh agent: the files would not find it.
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("agent_only_key"));
    QVERIFY(QFile::copy(m_lab.value(QStringLiteral("ONRAMP_LAB_KEY")), key));
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    const QString socket = dir.filePath(QStringLiteral("agent.sock"));
    QProcess agent;
    agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket});
    QVERIFY(agent.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(socket); }, 5000));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
    QProcess add;
    add.setProcessEnvironment(env);
    add.start(QStringLiteral("ssh-add"), {key});
    QVERIFY(add.waitForFinished(10000));
    QCOMPARE(add.exitCode(), 0);
    QFile::remove(key);

    const QByteArray savedSock = qgetenv("SSH_AUTH_SOCK");
    qputenv("SSH_AUTH_SOCK", socket.toUtf8());
    Endpoint endpoint = passwordEndpoint();
    endpoint.identitiesOnly = false;
    endpoint.preferredAuthentications = {QStringLiteral("publickey")};
    Session session;
    const bool connected = session.connect(endpoint);
    qputenv("SSH_AUTH_SOCK", savedSock);
    agent.kill();
    agent.waitForFinished();
    QVERIFY(connected);
    QVERIFY(session.requests.isEmpty());
}

void TestSshAuth::encryptedKeyAsksForItsPassphrase()
{
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("id_protected"));
    const QString passphrase = QStringLiteral("correct horse 电池");
    int status = -1;
    runLocal(QStringLiteral("ssh-keygen"),
             {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
              passphrase, QStringLiteral("-f"), key},
             &status);
    QCOMPARE(status, 0);
    QVERIFY(authorize(key + QStringLiteral(".pub")));

    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.identityFile = key;
    endpoint.identitiesOnly = true;
    endpoint.preferredAuthentications = {QStringLiteral("publickey")};
    int asked = 0;
    Session session([&](const AuthRequest &) -> std::optional<QStringList> {
        ++asked;
        return QStringList {asked == 1 ? QStringLiteral("wrong") : passphrase};
    });
    QVERIFY(session.connect(endpoint));
    QCOMPARE(session.requests.size(), 2);
    for (const AuthRequest &request : std::as_const(session.requests)) {
        QCOMPARE(request.kind, AuthRequest::Kind::Passphrase);
        QCOMPARE(request.keyFile, key);
        QCOMPARE(request.prompts.size(), 1);
        QVERIFY(!request.prompts.first().echo);
        QVERIFY(request.rememberKey.isEmpty()); // a passphrase is never remembered
    }
    QVERIFY(session.requests.at(0).previousError.isEmpty());
    QVERIFY(!session.requests.at(1).previousError.isEmpty());
}

void TestSshAuth::passwordSignsIn_data()
{
    QTest::addColumn<QStringList>("methods");
    QTest::addColumn<AuthRequest::Kind>("kind");
    QTest::newRow("password") << QStringList {QStringLiteral("password")} << AuthRequest::Kind::Password;
    QTest::newRow("keyboard-interactive (PAM)")
        << QStringList {QStringLiteral("keyboard-interactive")} << AuthRequest::Kind::KeyboardInteractive;
}

void TestSshAuth::passwordSignsIn()
{
    QFETCH(QStringList, methods);
    QFETCH(AuthRequest::Kind, kind);
    Endpoint endpoint = passwordEndpoint();
    endpoint.preferredAuthentications = methods;
    Session session([&](const AuthRequest &) { return reply(password()); });
    QVERIFY(session.connect(endpoint));
    QCOMPARE(session.requests.size(), 1);
    const AuthRequest &request = session.requests.first();
    QCOMPARE(request.kind, kind);
    QCOMPARE(request.prompts.size(), 1);
    QVERIFY2(request.prompts.first().text.contains(QLatin1String("assword")),
             qPrintable(request.prompts.first().text));
    QVERIFY(!request.prompts.first().echo);
    QVERIFY(!request.rememberKey.isEmpty());
    QCOMPARE(request.host, QStringLiteral("[%1]:%2").arg(endpoint.host).arg(endpoint.port));
    auto run = runCommand(*session.transport, QStringLiteral("whoami"));
    QCOMPARE(run->out.trimmed(), endpoint.user);
}

void TestSshAuth::wrongPasswordIsSentOnceThenAskedAgain()
{
    const QString log = m_lab.value(QStringLiteral("ONRAMP_LAB_DIR")) + QStringLiteral("/log/sshd-aha.log");
    const qsizetype failuresBefore = countInFile(log, QStringLiteral("Failed password for"));
    Endpoint endpoint = passwordEndpoint();
    endpoint.preferredAuthentications = {QStringLiteral("password")};
    Session session([&](const AuthRequest &request) -> std::optional<QStringList> {
        if (!request.previousError.isEmpty())
            return std::nullopt; // the person gives up after seeing the refusal
        return QStringList {QStringLiteral("not-the-password")};
    });
    QVERIFY(!session.connect(endpoint));
    QCOMPARE(session.requests.size(), 2);
    QVERIFY(session.requests.at(0).previousError.isEmpty());
    QVERIFY(!session.requests.at(1).previousError.isEmpty());
    QCOMPARE(session.failures.size(), 1);
    QCOMPARE(session.failures.first().kind, ErrorKind::AuthFailed);
    QVERIFY(session.failures.first().message.contains(session.requests.at(1).previousError));
    QCOMPARE(session.transport->state(), ConnectionState::Failed);
    // Exactly one attempt reached the server; sshd may log it a moment later.
    QTRY_COMPARE(countInFile(log, QStringLiteral("Failed password for")), failuresBefore + 1);
    QTest::qWait(500);
    QCOMPARE(countInFile(log, QStringLiteral("Failed password for")), failuresBefore + 1);
}

void TestSshAuth::cancellingThePromptStops()
{
    Session session([](const AuthRequest &) { return std::nullopt; });
    QVERIFY(!session.connect(passwordEndpoint()));
    QCOMPARE(session.requests.size(), 1);
    QCOMPARE(session.failures.size(), 1);
    QCOMPARE(session.failures.first().kind, ErrorKind::Cancelled);
    QVERIFY(!session.failures.first().message.isEmpty());
}

void TestSshAuth::gatewayAsksForKeyThenOneTimeCode()
{
    Session session([&](const AuthRequest &) { return reply(otp()); });
    const Endpoint endpoint = gatewayEndpoint();
    QVERIFY(session.connect(endpoint));
    QCOMPARE(session.requests.size(), 1);
    const AuthRequest &request = session.requests.first();
    QCOMPARE(request.kind, AuthRequest::Kind::KeyboardInteractive);
    QCOMPARE(request.host, endpoint.host); // port 22: the bare name, as known_hosts writes it
    QCOMPARE(request.prompts.size(), 1);
    // pam_oath's own words, passed through untouched.
    QVERIFY2(request.prompts.first().text.contains(QLatin1String("One-time password")),
             qPrintable(request.prompts.first().text));
    QVERIFY(request.rememberKey.isEmpty()); // a one-time code is never remembered
    auto run = runCommand(*session.transport, QStringLiteral("echo $ONRAMP_LAB_LOGIN_NODE"));
    QCOMPARE(run->out.trimmed(), QStringLiteral("gateway"));
}

void TestSshAuth::wrongOneTimeCodeIsAskedAgain()
{
    Session session([&](const AuthRequest &request) {
        return reply(request.previousError.isEmpty() ? QStringLiteral("000000") : otp());
    });
    // 000000 can be the right code once in a million steps; then only one request is seen.
    QVERIFY(session.connect(gatewayEndpoint()));
    QCOMPARE(session.requests.size(), 2);
    QVERIFY(!session.requests.at(1).previousError.isEmpty());
}

void TestSshAuth::proxyJumpReachesTheInnerLoginNode_data()
{
    QTest::addColumn<QString>("proxyJump");
    QTest::addColumn<int>("codes");
    QTest::newRow("ProxyJump from ~/.ssh/config") << QString() << 1;
    QTest::newRow("two hops") << QStringLiteral("gateway,gateway") << 2;
}

void TestSshAuth::proxyJumpReachesTheInnerLoginNode()
{
    QFETCH(QString, proxyJump);
    QFETCH(int, codes);
    // The lab's ssh_config: aha-inner has ProxyJump gateway; every host uses the lab key.
    Endpoint endpoint;
    endpoint.host = QStringLiteral("aha-inner");
    endpoint.sshConfigFile = m_lab.value(QStringLiteral("ONRAMP_LAB_SSH_CONFIG"));
    endpoint.proxyJump = proxyJump;
    Session session([&](const AuthRequest &) { return reply(otp()); });
    QVERIFY(session.connect(endpoint));
    QCOMPARE(session.requests.size(), codes);
    for (const AuthRequest &request : std::as_const(session.requests))
        QCOMPARE(request.host, m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_HOST")));
    QCOMPARE(session.transport->endpoint().host, m_lab.value(QStringLiteral("ONRAMP_LAB_INNER_HOST")));
    auto run = runCommand(*session.transport,
                          QStringLiteral("echo $ONRAMP_LAB_LOGIN_NODE; sinfo -h -o %P | head -1"));
    QVERIFY2(run->result.succeeded(), qPrintable(describe(run->result)));
    QCOMPARE(run->out.section(QLatin1Char('\n'), 0, 0), QStringLiteral("aha-inner"));
    // Many channels through the tunnel at once.
    QList<std::shared_ptr<Run>> runs;
    for (int i = 0; i < 8; ++i)
        runs << watch(session.transport->exec(QStringLiteral("seq 1 20000 | tail -1")));
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(runs.cbegin(), runs.cend(), [](auto &r) { return r->done; }); },
        kCommandWaitMs));
    for (const auto &r : std::as_const(runs))
        QCOMPARE(r->out.trimmed(), QStringLiteral("20000"));
}

void TestSshAuth::terminalRunsSrunAndResizes()
{
    Session session;
    QVERIFY(session.connect(m_lab.directEndpoint()));
    remote::TerminalOptions options;
    options.columns = 80;
    options.rows = 24;
    std::unique_ptr<remote::RemoteTerminal> terminal(session.transport->openTerminal(options));
    TerminalLog log(terminal.get());
    QTRY_VERIFY_WITH_TIMEOUT(log.opened, kCommandWaitMs);

    terminal->write("stty size\r");
    QVERIFY2(log.waitFor(QRegularExpression(QStringLiteral("(?<!\\d)24 80\\r?\\n"))), qPrintable(log.text));
    terminal->resize(100, 30);
    qsizetype mark = log.text.size();
    terminal->write("stty size\r");
    QVERIFY2(log.waitFor(QRegularExpression(QStringLiteral("(?<!\\d)30 100\\r?\\n")), mark),
             qPrintable(log.text));

    // The guide's step: a shell on a compute node, with the job's environment.
    mark = log.text.size();
    terminal->write("srun --pty bash -i\r");
    terminal->write("echo \"node=$SLURMD_NODENAME job=$SLURM_JOB_ID tty=$(tty)\"\r");
    QVERIFY2(log.waitFor(QRegularExpression(QStringLiteral("node=\\S+ job=\\d+ tty=/dev/pts/\\d+")), mark),
             qPrintable(log.text.mid(mark)));
    mark = log.text.size();
    terminal->write("exit\r");
    // Input typed while srun is ending goes to the job, like in a real terminal: wait for the
    // login node's prompt first.
    QVERIFY(log.waitFor(QRegularExpression(QStringLiteral("exit\\r?\\n[^\\n]*\\$ $")), mark));
    terminal->write("echo \"back=${SLURM_JOB_ID:-login}\"\r");
    QVERIFY2(log.waitFor(QRegularExpression(QStringLiteral("back=login")), mark),
             qPrintable(log.text.mid(mark)));

    // Colours arrive as escape sequences, untouched, for the emulator.
    mark = log.text.size();
    terminal->write("printf '\\033[31mred\\033[0m\\n'\r");
    QVERIFY(log.waitFor(QRegularExpression(QStringLiteral("\\x1b\\[31mred\\x1b\\[0m")), mark));

    terminal->write("exit 3\r");
    QTRY_VERIFY_WITH_TIMEOUT(log.closed.has_value(), kCommandWaitMs);
    QCOMPARE(log.closed->exitCode, 3);
    QVERIFY(!terminal->isOpen());
}

void TestSshAuth::sftpRoundTrip()
{
    Session session;
    QVERIFY(session.connect(m_lab.directEndpoint()));
    const QString path = QStringLiteral("onramp-sftp-%1.txt").arg(QCoreApplication::applicationPid());
    QByteArray data = "#!/bin/bash\n# 训练脚本\necho ok\n";
    data += QByteArray(100000, 'x'); // several SFTP packets
    std::optional<remote::FileResult> written;
    auto *write = session.transport->writeFile(path, data, 0640);
    connect(write, &remote::RemoteFileOperation::done, this,
            [&](const remote::FileResult &r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), kCommandWaitMs);
    QVERIFY2(!written->error, qPrintable(written->error ? written->error->message : QString()));
    QCOMPARE(written->info.size, data.size());

    std::optional<remote::FileResult> stat;
    auto *statOp = session.transport->statFile(path);
    connect(statOp, &remote::RemoteFileOperation::done, this, [&](const remote::FileResult &r) { stat = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stat.has_value(), kCommandWaitMs);
    QVERIFY(!stat->error);
    QCOMPARE(stat->info.permissions, 0640u);
    QVERIFY(!stat->info.isDirectory);

    std::optional<remote::FileResult> read;
    auto *readOp = session.transport->readFile(path);
    connect(readOp, &remote::RemoteFileOperation::done, this, [&](const remote::FileResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), kCommandWaitMs);
    QVERIFY(!read->error);
    QCOMPARE(read->data, data);

    // The same bytes as the shell sees them, and no temporary file left behind.
    auto run = runCommand(
        *session.transport,
        QStringLiteral("md5sum < %1; ls %1.onramp-part 2>/dev/null; rm -f %1").arg(shellQuote(path)));
    const QByteArray md5 = QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    QCOMPARE(run->out.section(QLatin1Char(' '), 0, 0), QString::fromLatin1(md5));
    QVERIFY(!run->out.contains(QLatin1String("onramp-part")));
}

void TestSshAuth::sftpReportsMissingFiles()
{
    Session session;
    QVERIFY(session.connect(m_lab.directEndpoint()));
    std::optional<remote::FileResult> read;
    auto *op = session.transport->readFile(QStringLiteral("/nonexistent/onramp/file"));
    connect(op, &remote::RemoteFileOperation::done, this, [&](const remote::FileResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), kCommandWaitMs);
    QVERIFY(read->error.has_value());
    QVERIFY(read->error->message.contains(QLatin1String("/nonexistent/onramp/file")));
    // The session is still good for everything else.
    QCOMPARE(runCommand(*session.transport, QStringLiteral("echo still"))->out.trimmed(),
             QStringLiteral("still"));
}

void TestSshAuth::keepaliveNoticesAFrozenServerAndReconnects()
{
    Endpoint endpoint = m_lab.directEndpoint();
    endpoint.serverAliveIntervalSec = 1;
    endpoint.serverAliveCountMax = 2;
    Session session;
    QVERIFY(session.connect(endpoint));
    QSignalSpy latency(session.transport.get(), &Transport::latencyMeasured);
    QTRY_VERIFY_WITH_TIMEOUT(!latency.isEmpty(), 5000); // keepalive answers measure the round trip
    QVERIFY(latency.first().first().toInt() >= 0);

    QSignalSpy connected(session.transport.get(), &Transport::connected);
    session.states.clear();
    const QList<qint64> pids = serverProcesses(*session.transport);
    QVERIFY(pids.at(0) > 1 && pids.at(1) > 1);
    {
        const FrozenServer frozen(pids);
        // Two missed answers, one second apart: the link is declared dead, without any command.
        QTRY_VERIFY_WITH_TIMEOUT(session.states.contains(ConnectionState::Reconnecting), 15000);
    }
    // Key authentication needs nobody: Onramp comes back on its own.
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kConnectWaitMs);
    QCOMPARE(session.transport->state(), ConnectionState::Connected);
    QVERIFY(session.requests.isEmpty());
    QCOMPARE(runCommand(*session.transport, QStringLiteral("echo back"))->out.trimmed(),
             QStringLiteral("back"));
}

void TestSshAuth::lostConnectionThatNeedsAPersonWaitsForReconnect()
{
    Endpoint endpoint = passwordEndpoint();
    endpoint.preferredAuthentications = {QStringLiteral("password")};
    endpoint.serverAliveIntervalSec = 1;
    endpoint.serverAliveCountMax = 2;
    Session session([&](const AuthRequest &) { return reply(password()); });
    QVERIFY(session.connect(endpoint));
    QCOMPARE(session.requests.size(), 1);
    const QList<qint64> pids = serverProcesses(*session.transport);
    {
        const FrozenServer frozen(pids);
        QTRY_COMPARE_WITH_TIMEOUT(session.transport->state(), ConnectionState::Lost, 15000);
    }
    QVERIFY(!session.failures.isEmpty());
    QCOMPARE(session.failures.last().kind, ErrorKind::Disconnected);
    // Nothing asked the person behind their back.
    QTest::qWait(1500);
    QCOMPARE(session.requests.size(), 1);
    QCOMPARE(session.transport->state(), ConnectionState::Lost);

    session.transport->reconnect();
    QVERIFY(session.waitSettled());
    QCOMPARE(session.requests.size(), 2);
}

QTEST_GUILESS_MAIN(TestSshAuth)
#include "tst_sshauth.moc"
