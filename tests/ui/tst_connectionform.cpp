// ConnectionForm: what the person types is validated with a clear message before anything
// connects, ~/.ssh/config aliases are offered and explained, and the button follows the state.
#include "ui/connectionform.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using onramp::remote::ConnectionState;
using onramp::remote::Endpoint;
using onramp::ui::ConnectionForm;

Q_DECLARE_METATYPE(onramp::remote::Endpoint)

class TestConnectionForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void validation_data();
    void validation();
    void splitsUserAtHost();
    void offersSshConfigAliases();
    void buttonFollowsState();
    void lostAndReconnecting_data();
    void lostAndReconnecting();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    ConnectionForm *makeForm(QWidget *parent);
    QTemporaryDir m_dir;
};

namespace {
template<typename T> T *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}
} // namespace

void TestConnectionForm::initTestCase()
{
    qRegisterMetaType<Endpoint>();
    QVERIFY(m_dir.isValid());
    writeFile(QStringLiteral("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    writeFile(QStringLiteral("known_hosts"), "");
    writeFile(QStringLiteral("config"),
              "Host aha\n  HostName aha.example.edu\n  User wanglu\n  Port 2200\n"
              "Host inner\n  HostName 10.0.0.6\n  ProxyJump gw\n"
              "Host *.example.edu\n  User someone\n");
}

void TestConnectionForm::cleanup()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

QString TestConnectionForm::writeFile(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

ConnectionForm *TestConnectionForm::makeForm(QWidget *parent)
{
    auto *form = new ConnectionForm(parent);
    // Never the tester's own ~/.ssh/config.
    form->setSshConfigPath(m_dir.filePath(QStringLiteral("config")));
    return form;
}

void TestConnectionForm::validation_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("identity"); // "@" = the key in the temporary folder
    QTest::addColumn<QString>("knownHosts"); // "@" = the known_hosts in the temporary folder
    QTest::addColumn<QString>("problem"); // empty: valid; else a part of the message

    const QString ok;
    QTest::newRow("valid: address and key") << "127.0.0.1"
                                            << "student"
                                            << "@"
                                            << "@" << ok;
    QTest::newRow("valid: alias only") << "aha"
                                       << ""
                                       << ""
                                       << "" << ok;
    QTest::newRow("valid: IPv6") << "[::1]"
                                 << "student"
                                 << ""
                                 << "" << ok;
    QTest::newRow("empty host") << ""
                                << "student"
                                << ""
                                << ""
                                << "Enter the cluster's login node";
    QTest::newRow("blank host") << "   "
                                << "student"
                                << ""
                                << ""
                                << "Enter the cluster's login node";
    QTest::newRow("host with a space") << "aha login"
                                       << ""
                                       << ""
                                       << ""
                                       << "is not a host name";
    QTest::newRow("host like an option") << "-oProxyCommand=x"
                                         << ""
                                         << ""
                                         << ""
                                         << "is not a host name";
    QTest::newRow("host with a semicolon") << "aha;rm"
                                           << ""
                                           << ""
                                           << ""
                                           << "is not a host name";
    QTest::newRow("user with a space") << "aha"
                                       << "wang lu"
                                       << ""
                                       << ""
                                       << "is not a valid user name";
    QTest::newRow("user like an option") << "aha"
                                         << "-l"
                                         << ""
                                         << ""
                                         << "is not a valid user name";
    QTest::newRow("missing key") << "aha"
                                 << ""
                                 << "/nonexistent/id_rsa"
                                 << ""
                                 << "does not exist";
    QTest::newRow("key is a folder") << "aha"
                                     << ""
                                     << "/tmp"
                                     << ""
                                     << "is not a file Onramp can read";
    QTest::newRow("known_hosts is a folder") << "aha"
                                             << ""
                                             << ""
                                             << "/tmp"
                                             << "is a folder";
    QTest::newRow("known_hosts in a missing folder") << "aha"
                                                     << ""
                                                     << ""
                                                     << "/nonexistent/known_hosts"
                                                     << "does not exist";
    QTest::newRow("new known_hosts in an existing folder") << "aha"
                                                           << ""
                                                           << ""
                                                           << "/tmp/new_known_hosts" << ok;
    QTest::newRow("two different users") << "alice@aha"
                                         << "bob"
                                         << ""
                                         << ""
                                         << "Keep only one";
}

void TestConnectionForm::validation()
{
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, identity);
    QFETCH(QString, knownHosts);
    QFETCH(QString, problem);
    if (identity == QLatin1String("@"))
        identity = m_dir.filePath(QStringLiteral("id_ed25519"));
    if (knownHosts == QLatin1String("@"))
        knownHosts = m_dir.filePath(QStringLiteral("known_hosts"));

    QWidget window;
    ConnectionForm *form = makeForm(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy requested(form, &ConnectionForm::connectRequested);
    QSignalSpy invalid(form, &ConnectionForm::validationFailed);

    child<QComboBox>(form, "hostCombo")->setCurrentText(host);
    child<QLineEdit>(form, "userEdit")->setText(user);
    child<QLineEdit>(form, "identityEdit")->setText(identity);
    child<QLineEdit>(form, "knownHostsEdit")->setText(knownHosts);
    QTest::mouseClick(child<QPushButton>(form, "connectButton"), Qt::LeftButton);

    auto *message = child<QLabel>(form, "validationLabel");
    if (problem.isEmpty()) {
        QCOMPARE(invalid.count(), 0);
        QCOMPARE(requested.count(), 1);
        QVERIFY(!message->isVisible());
        const auto endpoint = requested.first().first().value<Endpoint>();
        QCOMPARE(endpoint.host, host.trimmed());
        QCOMPARE(endpoint.identityFile, identity);
        QCOMPARE(endpoint.knownHostsFile, knownHosts);
    } else {
        QCOMPARE(requested.count(), 0);
        QCOMPARE(invalid.count(), 1);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(problem), qPrintable(message->text()));
        QCOMPARE(form->validationMessage(), message->text());
    }
}

void TestConnectionForm::splitsUserAtHost()
{
    QWidget window;
    ConnectionForm *form = makeForm(&window);
    child<QComboBox>(form, "hostCombo")->setCurrentText(QStringLiteral("wanglu@aha"));
    const auto endpoint = form->endpoint();
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint.value().host, QStringLiteral("aha"));
    QCOMPARE(endpoint.value().user, QStringLiteral("wanglu"));
}

void TestConnectionForm::offersSshConfigAliases()
{
    QWidget window;
    ConnectionForm *form = makeForm(&window);
    window.show();
    auto *host = child<QComboBox>(form, "hostCombo");
    QCOMPARE(form->hostAliases(), QStringList({QStringLiteral("aha"), QStringLiteral("inner")}));
    QCOMPARE(host->count(), 2);
    QCOMPARE(host->itemText(0), QStringLiteral("aha"));

    auto *resolved = child<QLabel>(form, "resolvedHostLabel");
    host->setCurrentIndex(0);
    QVERIFY(resolved->isVisible());
    QCOMPARE(resolved->text(), QStringLiteral("From your SSH config: wanglu@aha.example.edu:2200"));
    QVERIFY(child<QLineEdit>(form, "userEdit")->placeholderText().contains(QStringLiteral("wanglu")));

    host->setCurrentIndex(1);
    QCOMPARE(resolved->text(), QStringLiteral("From your SSH config: 10.0.0.6, through gw"));

    host->setCurrentText(QStringLiteral("login.example.edu"));
    QVERIFY(!resolved->isVisible());

    // The port stays at "Default": the alias's port applies when connecting.
    host->setCurrentIndex(0);
    QCOMPARE(child<QSpinBox>(form, "portSpin")->value(), 0);
    QCOMPARE(form->endpoint().value().port, 0);
}

void TestConnectionForm::buttonFollowsState()
{
    QWidget window;
    ConnectionForm *form = makeForm(&window);
    window.show();
    auto *button = child<QPushButton>(form, "connectButton");
    auto *host = child<QComboBox>(form, "hostCombo");
    QSignalSpy disconnect(form, &ConnectionForm::disconnectRequested);
    QSignalSpy connect(form, &ConnectionForm::connectRequested);
    host->setCurrentText(QStringLiteral("aha"));

    QCOMPARE(button->text(), QStringLiteral("Connect"));
    form->setConnectionState(ConnectionState::Connecting);
    QCOMPARE(button->text(), QStringLiteral("Cancel"));
    QVERIFY(!host->isEnabled());
    form->setConnectionState(ConnectionState::Connected);
    QCOMPARE(button->text(), QStringLiteral("Disconnect"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(disconnect.count(), 1);
    QCOMPARE(connect.count(), 0);
    form->setConnectionState(ConnectionState::Failed);
    QCOMPARE(button->text(), QStringLiteral("Connect"));
    QVERIFY(host->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(connect.count(), 1);
}

void TestConnectionForm::lostAndReconnecting_data()
{
    QTest::addColumn<ConnectionState>("state");
    QTest::addColumn<QString>("buttonText");
    QTest::addColumn<bool>("abandonShown"); // "Disconnect" beside the main button
    QTest::addColumn<int>("click"); // what the main button asks for: 0 disconnect, 1 reconnect
    QTest::newRow("reconnecting on its own")
        << ConnectionState::Reconnecting << QStringLiteral("Stop Reconnecting") << false << 0;
    QTest::newRow("lost") << ConnectionState::Lost << QStringLiteral("Reconnect") << true << 1;
}

void TestConnectionForm::lostAndReconnecting()
{
    QFETCH(ConnectionState, state);
    QFETCH(QString, buttonText);
    QFETCH(bool, abandonShown);
    QFETCH(int, click);
    QWidget window;
    ConnectionForm *form = makeForm(&window);
    window.show();
    auto *button = child<QPushButton>(form, "connectButton");
    auto *abandon = child<QPushButton>(form, "abandonButton");
    QSignalSpy disconnect(form, &ConnectionForm::disconnectRequested);
    QSignalSpy reconnect(form, &ConnectionForm::reconnectRequested);
    QSignalSpy connect(form, &ConnectionForm::connectRequested);
    child<QComboBox>(form, "hostCombo")->setCurrentText(QStringLiteral("aha"));
    form->setConnectionState(ConnectionState::Connected);
    QVERIFY(!abandon->isVisible());

    form->setConnectionState(state);
    QCOMPARE(button->text(), buttonText);
    QCOMPARE(button->accessibleName(), buttonText);
    QCOMPARE(abandon->isVisible(), abandonShown);
    QVERIFY(!child<QComboBox>(form, "hostCombo")->isEnabled()); // the session is still this one
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(disconnect.count(), click == 0 ? 1 : 0);
    QCOMPARE(reconnect.count(), click == 1 ? 1 : 0);
    if (abandonShown) {
        QTest::mouseClick(abandon, Qt::LeftButton);
        QCOMPARE(disconnect.count(), 1);
    }
    QCOMPARE(connect.count(), 0);
}

QTEST_MAIN(TestConnectionForm)
#include "tst_connectionform.moc"
