// The main window against the real lab over the real SSH transport: connect by clicking, see the
// login node's name and Slurm partitions stream into the log pane; an unknown host key is asked
// about (trust connects, cancel shows the banner); a changed key is refused with the full message;
// a password sign-in asks in the credential dialog. Without the lab (tests named fake*), a scripted
// transport drives the sign-in questions (remembered passwords answered once, forgotten when
// refused, never looping), the Reconnecting and Lost states, Reconnect, latency, and the status
// monitors across a reconnect.
#include "remote/transport.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/uitest.h"
#include "ui/connectionform.h"
#include "ui/credentialdialog.h"
#include "ui/credentialstore.h"
#include "ui/errorbanner.h"
#include "ui/hostkeydialog.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/statusindicator.h"
#include "ui/terminal/terminalpane.h"
#include "ui/terminal/terminalview.h"
#include "ui/theme.h"

#include "setup/status/jobsmonitor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace onramp;
using onramp::testing::LabEnv;
using ui::MainWindow;

using onramp::testing::child;

namespace {
constexpr int kTimeoutMs = 20000;

remote::TransportFactory sshFactory()
{
    return [] { return ssh::createSshTransport(); };
}

void fillForm(MainWindow &window, const remote::Endpoint &e)
{
    onramp::testing::fillConnectionForm(&window, e);
}

void clickConnect(MainWindow &window)
{
    onramp::testing::clickConnect(&window);
}

// The lab server's key line from the lab's known_hosts ("[127.0.0.1]:2222 ssh-ed25519 AAAA...").
QByteArray serverKeyLine(const LabEnv &lab)
{
    QFile f(lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray name
        = QStringLiteral("[%1]:%2")
              .arg(lab.value(QStringLiteral("ONRAMP_LAB_HOST")), lab.value(QStringLiteral("ONRAMP_LAB_PORT")))
              .toUtf8();
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line;
    }
    return {};
}

// "SHA256:..." as ssh-keygen -l prints it, computed from the key in known_hosts.
QString fingerprintOf(const QByteArray &keyLine)
{
    const QByteArray blob = QByteArray::fromBase64(keyLine.split(' ').value(2));
    const QByteArray hash = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") + QString::fromLatin1(hash.toBase64(QByteArray::OmitTrailingEquals));
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QString stateText(MainWindow &window)
{
    return child<QLabel>(&window, "stateLabel")->text();
}

// A command that runs until the test (or a cancel) ends it.
class FakeProcess : public remote::RemoteProcess {
public:
    FakeProcess(const QString &command, QObject *parent) : remote::RemoteProcess(parent), m_command(command)
    { }
    QString command() const override { return m_command; }
    bool isRunning() const override { return m_running; }
    void cancel() override
    {
        if (!m_running)
            return;
        m_running = false;
        QTimer::singleShot(0, this, [this] {
            remote::ProcessResult result;
            result.error = Error {ErrorKind::Cancelled, QStringLiteral("cancelled"), {}};
            Q_EMIT done(result);
        });
    }

private:
    QString m_command;
    bool m_running = true;
};

// A terminal that only records what it is told.
class FakeTerminal : public remote::RemoteTerminal {
public:
    using remote::RemoteTerminal::RemoteTerminal;
    bool isOpen() const override { return true; }
    void write(const QByteArray &) override { }
    void resize(int, int) override { }
    void close() override { }
};

// A transport whose every move the test makes: states, questions, withdrawals, latency.
class FakeTransport : public remote::Transport {
public:
    using remote::Transport::Transport;
    remote::ConnectionState state() const override { return m_state; }
    remote::Endpoint endpoint() const override { return m_endpoint; }
    void connectTo(const remote::Endpoint &endpoint) override
    {
        m_endpoint = endpoint;
        setState(remote::ConnectionState::Connecting);
    }
    void disconnectFrom() override
    {
        const bool was = m_state == remote::ConnectionState::Connected;
        setState(remote::ConnectionState::Disconnected);
        if (was)
            Q_EMIT disconnected();
    }
    void answerHostKey(bool) override { }
    remote::RemoteProcess *exec(const QString &command, const remote::ExecOptions &) override
    {
        commands.append(command);
        return new FakeProcess(command, this);
    }
    void answerCredentials(const QStringList &a) override { answers.append(a); }
    void cancelCredentials() override { ++cancels; }
    void reconnect() override
    {
        ++reconnects;
        setState(remote::ConnectionState::Connecting);
    }
    remote::RemoteTerminal *openTerminal(const remote::TerminalOptions &options) override
    {
        terminalOptions.append(options);
        auto *terminal = new FakeTerminal(this);
        terminals.append(terminal);
        return terminal;
    }
    remote::RemoteFileOperation *readFile(const QString &) override { return nullptr; }
    remote::RemoteFileOperation *writeFile(const QString &, const QByteArray &, uint) override
    {
        return nullptr;
    }
    remote::RemoteFileOperation *statFile(const QString &) override { return nullptr; }

    void setState(remote::ConnectionState state)
    {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    void goConnected()
    {
        setState(remote::ConnectionState::Connected);
        Q_EMIT connected();
    }
    // The link dies under an open session, as the SSH worker reports it.
    void drop(remote::ConnectionState next)
    {
        Q_EMIT disconnected();
        setState(next);
        if (next == remote::ConnectionState::Lost)
            Q_EMIT failed(Error {ErrorKind::Disconnected,
                                 QStringLiteral("The connection to 127.0.0.1:2222 was lost. Signing in again "
                                                "needs you: choose Reconnect."),
                                 QStringLiteral("session closed")});
    }
    void ask(const remote::AuthRequest &request)
    {
        setState(remote::ConnectionState::Authenticating);
        Q_EMIT credentialsRequested(request);
    }
    int count(const QString &needle) const
    {
        return int(std::count_if(commands.cbegin(), commands.cend(),
                                 [&needle](const QString &c) { return c.contains(needle); }));
    }

    QList<QStringList> answers;
    QStringList commands;
    QList<remote::TerminalOptions> terminalOptions;
    QList<QPointer<FakeTerminal>> terminals;
    int cancels = 0;
    int reconnects = 0;

private:
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
    remote::Endpoint m_endpoint;
};

// A shown MainWindow whose transports are FakeTransports; `fake` is the latest one it made.
struct FakeWindow {
    FakeTransport *fake = nullptr;
    MainWindow window {[this] {
        auto transport = std::make_unique<FakeTransport>();
        fake = transport.get();
        return transport;
    }};
    bool show()
    {
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    }
};

remote::Endpoint fakeEndpoint()
{
    remote::Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = 2222;
    e.user = QStringLiteral("student");
    return e;
}

remote::AuthRequest passwordRequest(const QString &previousError = {})
{
    remote::AuthRequest r;
    r.kind = remote::AuthRequest::Kind::Password;
    r.host = QStringLiteral("[127.0.0.1]:2222");
    r.user = QStringLiteral("student");
    r.prompts = {{QStringLiteral("Password: "), false}};
    r.rememberKey = QStringLiteral("student@127.0.0.1:2222");
    r.previousError = previousError;
    return r;
}

// The dialog as a test finds it: by objectName among the window's children, visible.
ui::CredentialDialog *openDialog(MainWindow &window)
{
    auto *dialog = window.findChild<ui::CredentialDialog *>(QStringLiteral("credentialDialog"));
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void answerDialog(ui::CredentialDialog *dialog, const QString &secret, bool remember)
{
    QLineEdit *field = dialog->fields().first();
    QTest::keyClicks(field, secret);
    if (remember)
        child<QCheckBox>(dialog, "rememberCheck")->setChecked(true);
    QTest::keyClick(field, Qt::Key_Return);
}

QString readPassword(const LabEnv &lab)
{
    QFile f(lab.value(QStringLiteral("ONRAMP_LAB_PASSWORD_FILE")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine()).trimmed();
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void connectsAndShowsTheCluster();
    void unknownHostKey_data();
    void unknownHostKey();
    void changedHostKeyIsRefused();
    void passwordSignIn_data();
    void passwordSignIn();
    void fakeRememberedPasswordAnswersOnce();
    void fakeRefusedPasswordIsNotRemembered();
    void fakeQuestionWithdrawn_data();
    void fakeQuestionWithdrawn();
    void fakeReconnectingAndLost_data();
    void fakeReconnectingAndLost();
    void fakeTerminalDock_data();
    void fakeTerminalDock();

private:
    LabEnv m_lab;
};

void TestMainWindow::initTestCase()
{
    // Never the developer's real keychain: "Remember this password" goes to memory here.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onramp-test-bus");
}

void TestMainWindow::init()
{
    if (QByteArray(QTest::currentTestFunction()).startsWith("fake"))
        return;
    ONRAMP_REQUIRE_LAB(m_lab);
}

void TestMainWindow::cleanup()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    for (QWidget *w : leaked)
        qWarning() << "leaked top-level widget:" << w;
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

void TestMainWindow::connectsAndShowsTheCluster()
{
    const remote::Endpoint endpoint = m_lab.directEndpoint();
    MainWindow window(sshFactory());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int prompts = 0;
    window.setHostKeyPrompter(
        [&prompts](const remote::HostKey &, QWidget *, std::function<void(bool)> answer) {
            ++prompts;
            answer(false);
        });
    fillForm(window, endpoint);
    clickConnect(window);

    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Connected, kTimeoutMs);
    QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::Connected));
    QVERIFY(child<QLabel>(&window, "hostLabel")->text().contains(endpoint.host));
    QCOMPARE(child<QLabel>(window.logPane(), "sourceBadge")->text(),
             endpoint.user + QLatin1Char('@') + endpoint.host);

    // The login node's name and sinfo's partitions stream into the log pane.
    ui::LogPane *log = window.logPane();
    const QString node = m_lab.value(QStringLiteral("ONRAMP_LAB_NODE"));
    QVERIFY(!node.isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(
        log->text().contains(QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(node)),
                                                QRegularExpression::MultilineOption)),
        qPrintable(log->text()), kTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(log->text().contains(QRegularExpression(QStringLiteral(R"(^cpu\*\|up\|)"),
                                                                      QRegularExpression::MultilineOption)),
                              qPrintable(log->text()), kTimeoutMs);
    QVERIFY2(log->text().contains(
                 QRegularExpression(QStringLiteral(R"(^gpu\|up\|)"), QRegularExpression::MultilineOption)),
             qPrintable(log->text()));
    QTRY_VERIFY_WITH_TIMEOUT(window.identifyRecord().has_value(), kTimeoutMs);
    QCOMPARE(window.identifyRecord()->result.exitCode, 0);
    QVERIFY(window.identifyRecord()->stdoutText.contains(QStringLiteral("cpu*|up|")));
    QTRY_VERIFY(log->text().contains(QStringLiteral("Exit status 0")));
    QCOMPARE(child<QLabel>(window.logPane(), "logStatus")->text(), QStringLiteral("Exit status 0"));
    QVERIFY(!window.errorBanner()->isVisible());
    QCOMPARE(prompts, 0); // the lab's known_hosts knows the server

    // Disconnect by clicking the same button.
    QCOMPARE(child<QPushButton>(&window, "connectButton")->text(), QStringLiteral("Disconnect"));
    clickConnect(window);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Disconnected, kTimeoutMs);
    QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::Disconnected));
}

void TestMainWindow::unknownHostKey_data()
{
    QTest::addColumn<bool>("useDialog"); // the real dialog (default prompter) or the prompter seam
    QTest::addColumn<bool>("trust");
    QTest::newRow("dialog: trust and connect") << true << true;
    QTest::newRow("dialog: cancel") << true << false;
    QTest::newRow("prompter: trust") << false << true;
    QTest::newRow("prompter: cancel") << false << false;
}

void TestMainWindow::unknownHostKey()
{
    QFETCH(bool, useDialog);
    QFETCH(bool, trust);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    remote::Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = dir.filePath(QStringLiteral("known_hosts"));
    QVERIFY(writeFile(endpoint.knownHostsFile, {})); // empty: the server is unknown
    const QByteArray keyLine = serverKeyLine(m_lab);
    QVERIFY2(!keyLine.isEmpty(), "the lab's known_hosts has no line for the direct login node");
    const QString expectedFingerprint = fingerprintOf(keyLine);

    MainWindow window(sshFactory());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    std::optional<remote::HostKey> asked;
    if (!useDialog) {
        window.setHostKeyPrompter(
            [&asked, trust](const remote::HostKey &key, QWidget *parent, std::function<void(bool)> answer) {
                QCOMPARE(parent->objectName(), QStringLiteral("mainWindow"));
                asked = key;
                answer(trust);
            });
    }
    fillForm(window, endpoint);
    clickConnect(window);

    if (useDialog) {
        QTRY_VERIFY_WITH_TIMEOUT(window.hostKeyDialog() && window.hostKeyDialog()->isVisible(), kTimeoutMs);
        ui::HostKeyDialog *dialog = window.hostKeyDialog();
        asked = dialog->hostKey();
        QCOMPARE(child<QLabel>(dialog, "fingerprintLabel")->text(), expectedFingerprint);
        QCOMPARE(child<QLabel>(dialog, "hostKeyTypeLabel")->text(), QStringLiteral("ssh-ed25519"));
        QCOMPARE(child<QLabel>(dialog, "hostKeyPortLabel")->text(), QString::number(endpoint.port));
        QVERIFY(child<QLabel>(dialog, "hostKeyExplanation")->text().contains(endpoint.knownHostsFile));
        QVERIFY(dialog->cancelButton()->isDefault());
        QVERIFY(!dialog->trustButton()->isDefault());
        QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::VerifyingHostKey));
        QTest::mouseClick(trust ? child<QPushButton>(dialog, "trustButton")
                                : child<QPushButton>(dialog, "cancelButton"),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.hostKeyDialog()); // closed and deleted
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(asked.has_value(), kTimeoutMs);
    }
    QCOMPARE(asked->fingerprint, expectedFingerprint);
    QCOMPARE(asked->type, QStringLiteral("ssh-ed25519"));
    QCOMPARE(asked->port, endpoint.port);

    QFile knownHosts(endpoint.knownHostsFile);
    if (trust) {
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Connected, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.logPane()->text().contains(QStringLiteral("cpu*|up|")), kTimeoutMs);
        QVERIFY(!window.errorBanner()->isVisible());
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        const QByteArray saved = knownHosts.readAll();
        QVERIFY2(saved.contains(keyLine.split(' ').value(2)), saved.constData());
    } else {
        ui::ErrorBanner *banner = window.errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Failed, kTimeoutMs);
        QVERIFY2(child<QLabel>(banner, "errorTitle")->text().startsWith(QStringLiteral("Not connected")),
                 qPrintable(banner->title()));
        QVERIFY(child<QLabel>(banner, "errorMessage")->text().contains(QStringLiteral("did not trust")));
        QVERIFY(!window.logPane()->text().contains(QStringLiteral("cpu*|up|")));
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        QCOMPARE(knownHosts.readAll(), QByteArray()); // nothing was trusted
    }
}

void TestMainWindow::changedHostKeyIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    remote::Endpoint endpoint = m_lab.directEndpoint();
    endpoint.knownHostsFile = dir.filePath(QStringLiteral("known_hosts"));
    // Another ed25519 key under the lab server's name: what a man in the middle would look like.
    QByteArray blob;
    const auto putString = [&blob](const QByteArray &s) {
        const quint32 n = quint32(s.size());
        blob.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
        blob.append(s);
    };
    putString("ssh-ed25519");
    putString(QByteArray(32, '\x5a'));
    const QByteArray name = serverKeyLine(m_lab).split(' ').value(0);
    QVERIFY(!name.isEmpty());
    QVERIFY(writeFile(endpoint.knownHostsFile, QByteArray(name + " ssh-ed25519 " + blob.toBase64() + '\n')));
    const QString realFingerprint = fingerprintOf(serverKeyLine(m_lab));

    MainWindow window(sshFactory());
    window.resize(1100, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int prompts = 0;
    window.setHostKeyPrompter(
        [&prompts](const remote::HostKey &, QWidget *, std::function<void(bool)> answer) {
            ++prompts;
            answer(true);
        });
    fillForm(window, endpoint);
    clickConnect(window);

    ui::ErrorBanner *banner = window.errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    QCOMPARE(window.connectionState(), remote::ConnectionState::Failed);
    QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::Failed));
    QCOMPARE(prompts, 0); // a changed key is never offered for trust
    QVERIFY(child<QLabel>(banner, "errorTitle")->text().contains(QStringLiteral("has changed")));
    auto *message = child<QLabel>(banner, "errorMessage");
    QVERIFY2(message->text().contains(realFingerprint), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("ssh-keygen -R")), qPrintable(message->text()));
    QVERIFY(message->text().contains(endpoint.knownHostsFile));
    // Readable in full: wrapped, and given all the height the wrapped text needs.
    QVERIFY(message->wordWrap());
    QTRY_VERIFY2(
        message->height() >= message->heightForWidth(message->width()),
        qPrintable(
            QStringLiteral("%1 < %2").arg(message->height()).arg(message->heightForWidth(message->width()))));
    QVERIFY(banner->detailsText().contains(realFingerprint));
    QVERIFY(!window.logPane()->text().contains(QStringLiteral("cpu*|up|")));
}

void TestMainWindow::passwordSignIn_data()
{
    QTest::addColumn<bool>("wrongFirst");
    QTest::newRow("password typed in the dialog") << false;
    QTest::newRow("a wrong password first: the refusal is shown, then the right one") << true;
}

void TestMainWindow::passwordSignIn()
{
    QFETCH(bool, wrongFirst);
    const QString password = readPassword(m_lab);
    QVERIFY2(!password.isEmpty(), "ONRAMP_LAB_PASSWORD_FILE has no password");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // No key at all: the only identity is a file that does not exist, and no agent is asked, so
    // the server falls back to keyboard-interactive or password.
    qunsetenv("SSH_AUTH_SOCK");
    remote::Endpoint endpoint = m_lab.directEndpoint();
    endpoint.identityFile = dir.filePath(QStringLiteral("no-such-key"));
    endpoint.identitiesOnly = true;

    MainWindow window(sshFactory());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy prompted(&window, &MainWindow::credentialsPrompted);
    window.connectToEndpoint(endpoint);

    QTRY_VERIFY_WITH_TIMEOUT(openDialog(window), kTimeoutMs);
    ui::CredentialDialog *dialog = openDialog(window);
    QCOMPARE(window.connectionState(), remote::ConnectionState::Authenticating);
    QVERIFY2(
        child<QLabel>(dialog, "credentialHeading")->text().contains(QStringLiteral("student@127.0.0.1:")),
        qPrintable(child<QLabel>(dialog, "credentialHeading")->text()));
    QCOMPARE(dialog->fields().size(), 1);
    QCOMPARE(dialog->fields().first()->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("previousErrorLabel")));
    if (wrongFirst) {
        QPointer<ui::CredentialDialog> first = dialog;
        answerDialog(dialog, password + QStringLiteral("-wrong"), true);
        QTRY_VERIFY_WITH_TIMEOUT(!first && openDialog(window), kTimeoutMs);
        dialog = openDialog(window);
        auto *error = child<QLabel>(dialog, "previousErrorLabel");
        QVERIFY(error && error->isVisible() && !error->text().isEmpty());
        QCOMPARE(prompted.size(), 2);
    }
    answerDialog(dialog, password, false);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Connected, kTimeoutMs);
    QTRY_VERIFY(!openDialog(window));
    QTRY_VERIFY_WITH_TIMEOUT(window.logPane()->text().contains(QStringLiteral("cpu*|up|")), kTimeoutMs);
    QVERIFY(!window.errorBanner()->isVisible());
    // "Remember" was ticked only on the refused password: nothing is kept.
    QVERIFY(!window.credentialStore()->hasInMemory(QStringLiteral("student@127.0.0.1:2222")));
    window.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Disconnected, kTimeoutMs);
}

void TestMainWindow::fakeRememberedPasswordAnswersOnce()
{
    FakeWindow shown;
    QVERIFY(shown.show());
    MainWindow &window = shown.window;
    FakeTransport *&fake = shown.fake;
    QSignalSpy prompted(&window, &MainWindow::credentialsPrompted);
    ui::CredentialStore *store = window.credentialStore();
    const QString key = passwordRequest().rememberKey;
    window.connectToEndpoint(fakeEndpoint());
    QVERIFY(fake);

    // 1. Nothing remembered: the person is asked, ticks "Remember", and the password is kept only
    //    once the server accepted it.
    fake->ask(passwordRequest());
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(window), 15000); // the keychain probe may answer first
    QCOMPARE(prompted.size(), 1);
    ui::CredentialDialog *dialog = openDialog(window);
    QVERIFY(child<QCheckBox>(dialog, "rememberCheck")->isVisible());
    answerDialog(dialog, QStringLiteral("hunter2"), true);
    QCOMPARE(fake->answers, QList<QStringList> {{QStringLiteral("hunter2")}});
    QTRY_VERIFY(!openDialog(window));
    QVERIFY(!store->hasInMemory(key));
    fake->goConnected();
    QTRY_VERIFY(store->hasInMemory(key));

    // 2. Signing in again: the remembered password answers, exactly once, without a dialog.
    fake->drop(remote::ConnectionState::Lost);
    QTRY_VERIFY(window.reconnectAction()->isEnabled());
    window.reconnectAction()->trigger();
    QCOMPARE(fake->reconnects, 1);
    fake->ask(passwordRequest());
    QTRY_COMPARE(fake->answers.size(), 2);
    QCOMPARE(fake->answers.last(), QStringList {QStringLiteral("hunter2")});
    QVERIFY(!openDialog(window));
    QCOMPARE(prompted.size(), 1);

    // 3. The server refuses it: it is forgotten and the person is asked, with the reason; the
    //    refused password is never sent again on its own.
    fake->ask(passwordRequest(QStringLiteral("Permission denied, please try again.")));
    QTRY_VERIFY(openDialog(window));
    QCOMPARE(prompted.size(), 2);
    QCOMPARE(fake->answers.size(), 2);
    QTRY_VERIFY(!store->hasInMemory(key));
    QCOMPARE(child<QLabel>(openDialog(window), "previousErrorLabel")->text(),
             QStringLiteral("Permission denied, please try again."));
    QTRY_VERIFY(window.logPane()->text().contains(QStringLiteral("forgot it")));

    // 4. The next fresh question finds nothing remembered: a dialog again, no automatic answer.
    QTest::mouseClick(openDialog(window)->cancelButton(), Qt::LeftButton);
    QCOMPARE(fake->cancels, 1);
    fake->ask(passwordRequest());
    QTRY_VERIFY(openDialog(window));
    QCOMPARE(fake->answers.size(), 2);
    QCOMPARE(prompted.size(), 3);
    QTest::mouseClick(openDialog(window)->cancelButton(), Qt::LeftButton);
    QCOMPARE(fake->cancels, 2);
}

void TestMainWindow::fakeRefusedPasswordIsNotRemembered()
{
    FakeWindow shown;
    QVERIFY(shown.show());
    MainWindow &window = shown.window;
    FakeTransport *&fake = shown.fake;
    window.connectToEndpoint(fakeEndpoint());
    fake->ask(passwordRequest());
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(window), 15000);
    answerDialog(openDialog(window), QStringLiteral("wrong"), true);
    fake->ask(passwordRequest(QStringLiteral("Wrong password.")));
    QTRY_VERIFY(openDialog(window));
    answerDialog(openDialog(window), QStringLiteral("right"), false);
    QCOMPARE(fake->answers, (QList<QStringList> {{QStringLiteral("wrong")}, {QStringLiteral("right")}}));
    fake->goConnected();
    QCOMPARE(window.connectionState(), remote::ConnectionState::Connected);
    // Neither the refused password nor the unticked one is kept.
    QVERIFY(!window.credentialStore()->hasInMemory(passwordRequest().rememberKey));
}

void TestMainWindow::fakeQuestionWithdrawn_data()
{
    QTest::addColumn<int>("how");
    QTest::newRow("withdrawn (timed out)") << 0;
    QTest::newRow("connection failed") << 1;
    QTest::newRow("person disconnects") << 2;
}

void TestMainWindow::fakeQuestionWithdrawn()
{
    QFETCH(int, how);
    FakeWindow shown;
    QVERIFY(shown.show());
    MainWindow &window = shown.window;
    FakeTransport *&fake = shown.fake;
    window.connectToEndpoint(fakeEndpoint());
    remote::AuthRequest otp;
    otp.kind = remote::AuthRequest::Kind::KeyboardInteractive;
    otp.host = QStringLiteral("10.77.0.2");
    otp.user = QStringLiteral("student");
    otp.prompts = {{QStringLiteral("One-time password (OATH) for `student': "), false}};
    fake->ask(otp);
    QTRY_VERIFY(openDialog(window)); // nothing to remember: asked at once
    QVERIFY(!openDialog(window)->findChild<QCheckBox *>()); // a one-time code is never remembered
    QTest::keyClicks(openDialog(window)->fields().first(), QStringLiteral("123"));
    switch (how) {
    case 0:
        Q_EMIT fake->credentialsWithdrawn();
        break;
    case 1:
        fake->setState(remote::ConnectionState::Failed);
        Q_EMIT fake->failed(Error {ErrorKind::Timeout, QStringLiteral("Timed out."), {}});
        break;
    case 2:
        window.disconnectFromHost();
        break;
    }
    QTRY_VERIFY(!openDialog(window));
    QTRY_VERIFY(!window.credentialDialog());
    QCOMPARE(fake->answers.size(), 0);
    QCOMPARE(fake->cancels, 0); // the transport stopped waiting; nothing to tell it
}

void TestMainWindow::fakeReconnectingAndLost_data()
{
    QTest::addColumn<bool>("byButton"); // Reconnect in the form, or the window's action (Ctrl+R)
    QTest::newRow("Reconnect button") << true;
    QTest::newRow("Reconnect action") << false;
}

void TestMainWindow::fakeReconnectingAndLost()
{
    QFETCH(bool, byButton);
    FakeWindow shown;
    QVERIFY(shown.show());
    MainWindow &window = shown.window;
    FakeTransport *&fake = shown.fake;
    window.connectToEndpoint(fakeEndpoint());
    fake->goConnected();
    auto *latency = child<QLabel>(&window, "latencyLabel");
    auto *button = child<QPushButton>(&window, "connectButton");
    auto *abandon = child<QPushButton>(&window, "abandonButton");
    auto *indicator = window.findChild<ui::StatusIndicator *>(QStringLiteral("stateIndicator"));
    QVERIFY(!latency->isVisible());
    Q_EMIT fake->latencyMeasured(12);
    QVERIFY(latency->isVisible());
    QCOMPARE(latency->text(), QStringLiteral("12 ms"));

    // The jobs view polls over the session.
    QVERIFY(window.showTab(QStringLiteral("jobs")));
    QTRY_COMPARE(fake->count(QStringLiteral("squeue")), 1);
    QCOMPARE(fake->count(QStringLiteral("hostname")), 1); // identify, once

    // The link drops; the transport signs in again on its own.
    fake->drop(remote::ConnectionState::Reconnecting);
    QCOMPARE(window.connectionState(), remote::ConnectionState::Reconnecting);
    QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::Reconnecting));
    QCOMPARE(indicator->color(), ui::toneColor(ui::Tone::Busy, indicator->palette()));
    QVERIFY(!latency->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Stop Reconnecting"));
    QVERIFY(!child<QComboBox>(&window, "hostCombo")->isEnabled());
    QVERIFY(!window.jobsMonitor()->isPolling());
    QVERIFY(!window.reconnectAction()->isEnabled());
    QVERIFY(!window.errorBanner()->isVisible());

    // Back: the monitors poll again on the same transport; the identity is not asked again.
    fake->goConnected();
    QCOMPARE(window.connectionState(), remote::ConnectionState::Connected);
    QVERIFY(window.jobsMonitor()->isPolling());
    QTRY_COMPARE(fake->count(QStringLiteral("squeue")), 2);
    QCOMPARE(fake->count(QStringLiteral("hostname")), 1);
    QTRY_VERIFY(window.logPane()->text().contains(QStringLiteral("Reconnected to student@127.0.0.1:2222.")));

    // Lost: signing in again needs the person.
    fake->drop(remote::ConnectionState::Lost);
    QCOMPARE(window.connectionState(), remote::ConnectionState::Lost);
    QCOMPARE(stateText(window), remote::describe(remote::ConnectionState::Lost));
    QCOMPARE(indicator->color(), ui::toneColor(ui::Tone::Error, indicator->palette()));
    QVERIFY(window.errorBanner()->isVisible());
    QVERIFY2(window.errorBanner()->title().contains(QStringLiteral("was lost")),
             qPrintable(window.errorBanner()->title()));
    QCOMPARE(button->text(), QStringLiteral("Reconnect"));
    QVERIFY(abandon->isVisible());
    QVERIFY(window.reconnectAction()->isEnabled());
    QCOMPARE(fake->reconnects, 0);
    if (byButton)
        QTest::mouseClick(button, Qt::LeftButton);
    else
        window.reconnectAction()->trigger();
    QCOMPARE(fake->reconnects, 1);
    QVERIFY(!window.errorBanner()->isVisible());
    QCOMPARE(window.connectionState(), remote::ConnectionState::Connecting);
    QVERIFY(!abandon->isVisible());
    fake->goConnected();
    QTRY_COMPARE(fake->count(QStringLiteral("squeue")), 3);

    // Lost again, and this time the person gives up: Disconnect frees the form.
    fake->drop(remote::ConnectionState::Lost);
    QTest::mouseClick(abandon, Qt::LeftButton);
    QCOMPARE(window.connectionState(), remote::ConnectionState::Disconnected);
    QVERIFY(child<QComboBox>(&window, "hostCombo")->isEnabled());
    QCOMPARE(button->text(), QStringLiteral("Connect"));
    QCOMPARE(fake->reconnects, 1);
}

void TestMainWindow::fakeTerminalDock_data()
{
    QTest::addColumn<int>("end"); // how the session ends: link drop, Lost, the person's Disconnect
    QTest::newRow("link drops (reconnecting)") << 0;
    QTest::newRow("connection lost") << 1;
    QTest::newRow("disconnect") << 2;
}

void TestMainWindow::fakeTerminalDock()
{
    QFETCH(int, end);
    FakeWindow shown;
    QVERIFY(shown.show());
    MainWindow &window = shown.window;
    FakeTransport *&fake = shown.fake;
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("terminalDock"));
    QVERIFY(dock);
    QCOMPARE(dock->widget(), window.terminalPane());
    QVERIFY(!dock->isVisible());
    QTest::mouseClick(child<QToolButton>(&window, "terminalButton"), Qt::LeftButton);
    QVERIFY(dock->isVisible());

    // Not connected yet: nothing is opened.
    auto *open = child<QPushButton>(dock, "openTerminalButton");
    QVERIFY(open && open->isVisible());
    Q_EMIT window.terminalPane()->openRequested();
    window.connectToEndpoint(fakeEndpoint());
    Q_EMIT window.terminalPane()->openRequested();
    QVERIFY(fake->terminals.isEmpty());

    fake->goConnected();
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(fake->terminals.size(), 1);
    QCOMPARE(window.terminal(), fake->terminals.first().data());
    QCOMPARE(window.terminalPane()->terminal(), window.terminal());
    // Opened at the size the view shows.
    QCOMPARE(fake->terminalOptions.first().columns, qMax(20, window.terminalPane()->view()->columns()));
    QCOMPARE(fake->terminalOptions.first().rows, qMax(5, window.terminalPane()->view()->rows()));
    QVERIFY(fake->terminalOptions.first().command.isEmpty()); // the login shell
    Q_EMIT window.terminalPane()->openRequested(); // one at a time
    QCOMPARE(fake->terminals.size(), 1);

    switch (end) {
    case 0:
        fake->drop(remote::ConnectionState::Reconnecting);
        break;
    case 1:
        fake->drop(remote::ConnectionState::Lost);
        break;
    case 2:
        window.disconnectFromHost();
        break;
    }
    QVERIFY(!fake->terminals.first()); // closed and deleted with the session
    QVERIFY(!window.terminal());
    QVERIFY(!window.terminalPane()->terminal());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
