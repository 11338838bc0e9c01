// ChannelTunnel (Onramp's ProxyJump) against the real lab: aha's sshd forwards to itself, the
// gateway forwards to the inner node, and the sessions that run over the tunnels are plain libssh.

#include "ssh/channeltunnel.h"
#include "support/labenv.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <libssh/libssh.h>

#include <atomic>
#include <memory>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

using namespace onramp;
using ssh::ChannelTunnel;
using ssh::SessionPtr;

namespace {

constexpr long kSessionTimeoutSec = 15;
constexpr int kReadTimeoutMs = 30000;

struct ChannelDeleter {
    void operator()(ssh_channel channel) const { ssh_channel_free(channel); }
};
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

// What `seq 1 N` prints.
QByteArray seqOutput(int n)
{
    QByteArray out;
    out.reserve(n * 8);
    for (int i = 1; i <= n; ++i) {
        out += QByteArray::number(i);
        out += '\n';
    }
    return out;
}

QByteArray md5sumLine(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex() + "  -\n";
}

QString sshError(ssh_session session, const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(ssh_get_error(session)));
}

// A session to host:port, or over `fd` (a tunnel's socket) when given; host and port then only
// select the known_hosts entry.
SessionPtr newSession(const testing::LabEnv &lab, const QString &host, int port, int fd = -1)
{
    SessionPtr session(ssh_new());
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray user = lab.value(QStringLiteral("ONRAMP_LAB_USER")).toUtf8();
    const QByteArray knownHosts = lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")).toUtf8();
    const unsigned int portValue = static_cast<unsigned int>(port);
    const long timeout = kSessionTimeoutSec;
    const int no = 0;
    ssh_options_set(session.get(), SSH_OPTIONS_HOST, hostBytes.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_PORT, &portValue);
    ssh_options_set(session.get(), SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    // The tester's own ~/.ssh/config must not interfere.
    ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &no);
    if (fd >= 0)
        ssh_options_set(session.get(), SSH_OPTIONS_FD, &fd);
    return session;
}

// Connects, insists on a known host key, then signs in with the lab key (and, where the server
// asks for more, the gateway's one-time code). Returns why it failed, or an empty string.
QString signIn(const testing::LabEnv &lab, ssh_session session)
{
    if (ssh_connect(session) != SSH_OK)
        return sshError(session, "connect");
    if (const auto known = ssh_session_is_known_server(session); known != SSH_KNOWN_HOSTS_OK)
        return QStringLiteral("host key not known (%1)").arg(int(known));
    ssh_key key = nullptr;
    const QByteArray keyFile = lab.value(QStringLiteral("ONRAMP_LAB_KEY")).toUtf8();
    if (ssh_pki_import_privkey_file(keyFile.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK)
        return QStringLiteral("cannot read %1").arg(QString::fromUtf8(keyFile));
    int rc = ssh_userauth_publickey(session, nullptr, key);
    ssh_key_free(key);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc != SSH_AUTH_PARTIAL)
        return sshError(session, "publickey");
    // The gateway: public key AND a TOTP code (keyboard-interactive).
    rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    while (rc == SSH_AUTH_INFO) {
        const int prompts = ssh_userauth_kbdint_getnprompts(session);
        for (int i = 0; i < prompts; ++i) {
            QProcess oathtool;
            QFile secret(lab.value(QStringLiteral("ONRAMP_LAB_TOTP_SECRET_FILE")));
            if (!secret.open(QIODevice::ReadOnly))
                return QStringLiteral("cannot read the TOTP secret");
            oathtool.start(QStringLiteral("oathtool"),
                           {QStringLiteral("--totp"), QString::fromLatin1(secret.readAll().trimmed())});
            if (!oathtool.waitForFinished(10000) || oathtool.exitCode() != 0)
                return QStringLiteral("oathtool failed");
            const QByteArray code = oathtool.readAllStandardOutput().trimmed();
            ssh_userauth_kbdint_setanswer(session, static_cast<unsigned int>(i), code.constData());
        }
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    return rc == SSH_AUTH_SUCCESS ? QString() : sshError(session, "keyboard-interactive");
}

struct CommandRun {
    QByteArray out;
    int exitStatus = -1;
    QString error;
};

// Runs `command` with `input` on stdin, blocking (each wait bounded by the session's timeout).
CommandRun runCommand(ssh_session session, const QByteArray &command, const QByteArray &input = {})
{
    CommandRun run;
    ChannelPtr channel(ssh_channel_new(session));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
        run.error = sshError(session, "open session channel");
        return run;
    }
    if (ssh_channel_request_exec(channel.get(), command.constData()) != SSH_OK) {
        run.error = sshError(session, "exec");
        return run;
    }
    for (qsizetype sent = 0; sent < input.size();) {
        const auto len = static_cast<uint32_t>(qMin<qsizetype>(input.size() - sent, 32768));
        const int n = ssh_channel_write(channel.get(), input.constData() + sent, len);
        if (n <= 0) {
            run.error = sshError(session, "write stdin");
            return run;
        }
        sent += n;
    }
    ssh_channel_send_eof(channel.get());
    char buffer[65536];
    for (;;) {
        const int n = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, kReadTimeoutMs);
        if (n > 0) {
            run.out.append(buffer, n);
            continue;
        }
        if (n < 0) {
            run.error = sshError(session, "read");
            return run;
        }
        if (ssh_channel_is_eof(channel.get()))
            break;
        run.error = QStringLiteral("no output for %1 ms").arg(kReadTimeoutMs);
        return run;
    }
    run.exitStatus = ssh_channel_get_exit_status(channel.get());
    ssh_channel_close(channel.get());
    return run;
}

} // namespace

class TestChannelTunnel : public QObject {
    Q_OBJECT

private:
    testing::LabEnv m_lab;

    QString labHost() const { return m_lab.value(QStringLiteral("ONRAMP_LAB_HOST")); }
    int labPort() const { return m_lab.value(QStringLiteral("ONRAMP_LAB_PORT")).toInt(); }

    // An authenticated session to aha, the first hop of every test.
    SessionPtr ahaHop()
    {
        SessionPtr hop = newSession(m_lab, labHost(), labPort());
        const QString why = signIn(m_lab, hop.get());
        if (!why.isEmpty()) {
            qWarning("hop aha: %s", qPrintable(why));
            return nullptr;
        }
        return hop;
    }

    // aha → aha: the tunnel's target is aha's own sshd.
    std::unique_ptr<ChannelTunnel> tunnelToAha()
    {
        SessionPtr hop = ahaHop();
        if (!hop)
            return nullptr;
        auto tunnel = ChannelTunnel::open(std::move(hop), QStringLiteral("aha"), labHost(), labPort());
        if (!tunnel) {
            qWarning("tunnel: %s (%s)", qPrintable(tunnel.error().message),
                     qPrintable(tunnel.error().detail));
            return nullptr;
        }
        return std::move(tunnel).value();
    }

private Q_SLOTS:
    void initTestCase() { ONRAMP_REQUIRE_LAB(m_lab); }

    void carriesASession_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("hello and md5") << QByteArray("echo hello; seq 1 200000 | md5sum") << QByteArray()
                                       << QByteArray("hello\n" + md5sumLine(seqOutput(200000)));
        // Several times the channel windows of both sessions, in each direction.
        QTest::newRow("download 6 MB") << QByteArray("echo hello; seq 1 800000") << QByteArray()
                                       << QByteArray("hello\n" + seqOutput(800000));
        const QByteArray upload = seqOutput(600000);
        QTest::newRow("upload 4 MB") << QByteArray("md5sum") << upload << md5sumLine(upload);
    }

    void carriesASession()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);

        std::unique_ptr<ChannelTunnel> tunnel = tunnelToAha();
        QVERIFY(tunnel);
        QVERIFY(tunnel->isAlive());
        SessionPtr inner = newSession(m_lab, labHost(), labPort(), tunnel->takeSocket());
        const auto freeInner = qScopeGuard([&] { ssh::freeTunnelledSession(std::move(inner)); });
        QCOMPARE(tunnel->takeSocket(), -1); // handed out once
        const QString why = signIn(m_lab, inner.get());
        QVERIFY2(why.isEmpty(), qPrintable(why));

        const CommandRun run = runCommand(inner.get(), command, input);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.exitStatus, 0);
        QCOMPARE(run.out.size(), expected.size());
        QVERIFY(run.out == expected);
        // A second command on the same inner session: the tunnel keeps going between commands.
        const CommandRun again = runCommand(inner.get(), "echo again");
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.out, QByteArray("again\n"));
        QVERIFY(tunnel->isAlive());
    }

    void refusesTarget_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");

        QTest::newRow("closed port") << QStringLiteral("127.0.0.1") << 1;
        // Only the gateway can reach the inner node.
        QTest::newRow("unreachable inner node") << QStringLiteral("10.77.0.6") << 22;
        QTest::newRow("unknown host name") << QStringLiteral("no-such-host.invalid") << 22;
    }

    void refusesTarget()
    {
        QFETCH(QString, host);
        QFETCH(int, port);

        SessionPtr hop = ahaHop();
        QVERIFY(hop);
        const auto tunnel = ChannelTunnel::open(std::move(hop), QStringLiteral("aha"), host, port);
        QVERIFY(!tunnel);
        qDebug() << tunnel.error().message << tunnel.error().detail;
        QCOMPARE(tunnel.error().kind, ErrorKind::ConnectFailed);
        QVERIFY(tunnel.error().message.contains(QStringLiteral("aha")));
        QVERIFY(tunnel.error().message.contains(QStringLiteral("%1:%2").arg(host).arg(port)));
        QVERIFY(tunnel.error().detail.contains(QStringLiteral("opening failure")));
    }

    void rejectsBadTargetAndDeadHop()
    {
        SessionPtr hop = ahaHop();
        QVERIFY(hop);
        auto badPort = ChannelTunnel::open(std::move(hop), QStringLiteral("aha"), labHost(), 0);
        QVERIFY(!badPort);
        QCOMPARE(badPort.error().kind, ErrorKind::InvalidInput);

        SessionPtr notConnected(ssh_new());
        auto dead = ChannelTunnel::open(std::move(notConnected), QStringLiteral("aha"), labHost(), labPort());
        QVERIFY(!dead);
        QCOMPARE(dead.error().kind, ErrorKind::Disconnected);
    }

    // The tunnel goes away while another thread waits for output: the inner session sees its
    // connection end (an error, not a timeout), and nothing hangs or crashes.
    void tunnelDestroyedWhileInUse()
    {
        std::unique_ptr<ChannelTunnel> tunnel = tunnelToAha();
        QVERIFY(tunnel);
        SessionPtr inner = newSession(m_lab, labHost(), labPort(), tunnel->takeSocket());
        const auto freeInner = qScopeGuard([&] { ssh::freeTunnelledSession(std::move(inner)); });
        const QString why = signIn(m_lab, inner.get());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        ChannelPtr channel(ssh_channel_new(inner.get()));
        QVERIFY(channel);
        QCOMPARE(ssh_channel_open_session(channel.get()), SSH_OK);
        QCOMPARE(ssh_channel_request_exec(channel.get(), "echo started; sleep 60"), SSH_OK);
        char buffer[256];
        QVERIFY(ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, kReadTimeoutMs) > 0);

        std::atomic<bool> reading {false};
        int readResult = 1;
        std::thread reader([&] {
            reading = true;
            // Would return 0 after the timeout if the end of the connection went unnoticed.
            readResult = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, 60000);
        });
        QTRY_VERIFY(reading.load());
        QTest::qWait(200); // let the reader block in libssh
        tunnel.reset();
        reader.join();
        QCOMPARE(readResult, SSH_ERROR);
        QVERIFY(!ssh_is_connected(inner.get())
                || (ssh_get_status(inner.get()) & (SSH_CLOSED | SSH_CLOSED_ERROR)));
        channel.reset();
    }

    // The inner session ends first: the tunnel notices, closes the channel and frees the hop.
    void innerSessionEndsFirst_data()
    {
        QTest::addColumn<bool>("viaHelper");
        QTest::newRow("freeTunnelledSession") << true;
        QTest::newRow("ssh_disconnect, then ssh_free") << false;
    }

    void innerSessionEndsFirst()
    {
        QFETCH(bool, viaHelper);

        std::unique_ptr<ChannelTunnel> tunnel = tunnelToAha();
        QVERIFY(tunnel);
        const int fd = tunnel->takeSocket();
        SessionPtr inner = newSession(m_lab, labHost(), labPort(), fd);
        const QString why = signIn(m_lab, inner.get());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(runCommand(inner.get(), "echo hello").out, QByteArray("hello\n"));
        if (viaHelper) {
            ssh::freeTunnelledSession(std::move(inner));
            QCOMPARE(::fcntl(fd, F_GETFD), -1); // closed, exactly once
        } else {
            // Why the helper exists: libssh 0.10.6 leaves a socket given with SSH_OPTIONS_FD open
            // after ssh_disconnect(), so SessionPtr's deleter alone would leak it.
            inner.reset();
            QVERIFY(::fcntl(fd, F_GETFD) != -1);
            QVERIFY(tunnel->isAlive());
            ::close(fd);
        }
        QTRY_VERIFY(!tunnel->isAlive());
        tunnel.reset();
    }

    // A tunnel whose socket was never taken, and one whose inner session never connected.
    void unusedTunnel()
    {
        std::unique_ptr<ChannelTunnel> untaken = tunnelToAha();
        QVERIFY(untaken);
        QVERIFY(untaken->isAlive());
        untaken.reset();

        std::unique_ptr<ChannelTunnel> tunnel = tunnelToAha();
        QVERIFY(tunnel);
        const int fd = tunnel->takeSocket();
        QVERIFY(fd >= 0);
        ::close(fd);
        QTRY_VERIFY(!tunnel->isAlive());
    }

    // ProxyJump over two hops: aha → gateway (key + TOTP) → inner node, which only the gateway
    // can reach. The gateway's session itself runs over the first tunnel.
    void twoHopsThroughTheGateway()
    {
        const QString gwHost = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_HOST"));
        const int gwPort = m_lab.value(QStringLiteral("ONRAMP_LAB_GATEWAY_PORT")).toInt();
        const QString innerHost = m_lab.value(QStringLiteral("ONRAMP_LAB_INNER_HOST"));
        const int innerPort = m_lab.value(QStringLiteral("ONRAMP_LAB_INNER_PORT")).toInt();

        SessionPtr hop = ahaHop();
        QVERIFY(hop);
        auto toGateway = ChannelTunnel::open(std::move(hop), QStringLiteral("aha"), gwHost, gwPort);
        QVERIFY2(toGateway, qPrintable(toGateway.ok() ? QString() : toGateway.error().detail));
        std::unique_ptr<ChannelTunnel> first = std::move(toGateway).value();

        SessionPtr gateway = newSession(m_lab, gwHost, gwPort, first->takeSocket());
        QString why = signIn(m_lab, gateway.get());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        auto toInner
            = ChannelTunnel::open(std::move(gateway), QStringLiteral("gateway"), innerHost, innerPort);
        QVERIFY2(toInner, qPrintable(toInner.ok() ? QString() : toInner.error().detail));
        std::unique_ptr<ChannelTunnel> second = std::move(toInner).value();

        SessionPtr inner = newSession(m_lab, innerHost, innerPort, second->takeSocket());
        const auto freeInner = qScopeGuard([&] { ssh::freeTunnelledSession(std::move(inner)); });
        why = signIn(m_lab, inner.get());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const CommandRun run = runCommand(inner.get(), "echo hello; seq 1 200000 | md5sum");
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.out, QByteArray("hello\n" + md5sumLine(seqOutput(200000))));

        // The first hop ends: everything behind it sees its connection end, in order.
        first.reset();
        QTRY_VERIFY(!second->isAlive());
        QCOMPARE(runCommand(inner.get(), "echo late").error.isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestChannelTunnel)
#include "tst_channeltunnel.moc"
