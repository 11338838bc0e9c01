// The main window against the real lab over the real SSH transport: connect by clicking, see the
// login node's name and Slurm partitions stream into the log pane; an unknown host key is asked
// about (trust connects, cancel shows the banner); a changed key is refused with the full message.
#include "remote/transport.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "ui/connectionform.h"
#include "ui/errorbanner.h"
#include "ui/hostkeydialog.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp;
using onramp::testing::LabEnv;
using ui::MainWindow;

namespace {
constexpr int kTimeoutMs = 20000;

template<typename T> T *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child named %s", name);
    return w;
}

remote::TransportFactory sshFactory()
{
    return [] { return ssh::createSshTransport(); };
}

// Types into the form as a person would, by objectName.
void fillForm(MainWindow &window, const remote::Endpoint &e)
{
    child<QComboBox>(&window, "hostCombo")->setCurrentText(e.host);
    child<QLineEdit>(&window, "userEdit")->setText(e.user);
    child<QSpinBox>(&window, "portSpin")->setValue(e.port);
    child<QLineEdit>(&window, "identityEdit")->setText(e.identityFile);
    child<QLineEdit>(&window, "knownHostsEdit")->setText(e.knownHostsFile);
    child<QLineEdit>(&window, "sshConfigEdit")->setText(e.sshConfigFile);
}

void clickConnect(MainWindow &window)
{
    auto *button = child<QPushButton>(&window, "connectButton");
    QTest::mouseClick(button, Qt::LeftButton);
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
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void connectsAndShowsTheCluster();
    void unknownHostKey_data();
    void unknownHostKey();
    void changedHostKeyIsRefused();

private:
    LabEnv m_lab;
};

void TestMainWindow::init()
{
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
    QCOMPARE(child<QLabel>(&window, "sourceBadge")->text(), endpoint.user + QLatin1Char('@') + endpoint.host);

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
    QCOMPARE(child<QLabel>(&window, "logStatus")->text(), QStringLiteral("Exit status 0"));
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
