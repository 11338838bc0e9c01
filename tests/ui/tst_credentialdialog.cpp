// CredentialDialog: every kind of sign-in question gets the right fields (hidden or shown as the
// server asked), the refused answer's reason, the server's text exactly as sent (never as HTML),
// "Remember this password" only where it is right and with where it would be kept; answers come
// back in the prompts' order. CredentialStore: the in-memory fallback and how a missing keychain
// is reported.
#include "ui/credentialdialog.h"
#include "ui/credentialstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using onramp::remote::AuthPrompt;
using onramp::remote::AuthRequest;
using onramp::ui::CredentialDialog;
using onramp::ui::CredentialStore;

Q_DECLARE_METATYPE(AuthRequest)
Q_DECLARE_METATYPE(CredentialStore::Location)
Q_DECLARE_METATYPE(CredentialStore::Mode)

namespace {
template<typename T> T *child(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

AuthRequest request(AuthRequest::Kind kind, QList<AuthPrompt> prompts)
{
    AuthRequest r;
    r.kind = kind;
    r.host = QStringLiteral("[127.0.0.1]:2222");
    r.user = QStringLiteral("student");
    r.prompts = std::move(prompts);
    return r;
}

AuthRequest passwordRequest()
{
    AuthRequest r = request(AuthRequest::Kind::Password, {{QStringLiteral("Password: "), false}});
    r.rememberKey = QStringLiteral("student@127.0.0.1:2222");
    return r;
}

AuthRequest otpRequest()
{
    // What the lab gateway's pam_oath really sends (its prompt uses a backtick).
    AuthRequest r = request(AuthRequest::Kind::KeyboardInteractive,
                            {{QStringLiteral("One-time password (OATH) for `student': "), false}});
    r.host = QStringLiteral("10.77.0.2");
    return r;
}

// Lets a QSignalSpy-free lookup result be waited for with QTRY_*.
struct LookupResult {
    bool called = false;
    std::optional<QString> secret;
};
} // namespace

class TestCredentialDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void rendersEachKind_data();
    void rendersEachKind();
    void showsWhoAsks_data();
    void showsWhoAsks();
    void previousError_data();
    void previousError();
    void serverTextIsPlain_data();
    void serverTextIsPlain();
    void rememberOffered_data();
    void rememberOffered();
    void answersInOrder_data();
    void answersInOrder();
    void cancel_data();
    void cancel();
    void everyControlIsNamed_data();
    void everyControlIsNamed();
    void storeRoundTrip_data();
    void storeRoundTrip();
    void storeReportsMissingKeychain();
};

void TestCredentialDialog::initTestCase()
{
    // No session bus at all, even where a developer has one: "no keychain" must be reported the same
    // way everywhere (Secret Service and KWallet are both reached over D-Bus).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onramp-test-bus");
    qunsetenv("DISPLAY");
}

void TestCredentialDialog::cleanup()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

void TestCredentialDialog::rendersEachKind_data()
{
    QTest::addColumn<AuthRequest>("request");
    QTest::addColumn<QList<bool>>("echo");
    QTest::addColumn<QString>("okText");

    QTest::newRow("password") << passwordRequest() << QList<bool> {false} << QStringLiteral("Sign In");
    AuthRequest passphrase
        = request(AuthRequest::Kind::Passphrase, {{QStringLiteral("Passphrase for the key: "), false}});
    passphrase.keyFile = QStringLiteral("/home/student/.ssh/id_ed25519");
    QTest::newRow("passphrase") << passphrase << QList<bool> {false} << QStringLiteral("Unlock");
    QTest::newRow("keyboard-interactive: one-time password")
        << otpRequest() << QList<bool> {false} << QStringLiteral("Sign In");
    QTest::newRow("keyboard-interactive: user name shown, then PIN")
        << request(AuthRequest::Kind::KeyboardInteractive,
                   {{QStringLiteral("Badge number: "), true}, {QStringLiteral("PIN: "), false}})
        << QList<bool> {true, false} << QStringLiteral("Sign In");
    QTest::newRow("keyboard-interactive: three questions")
        << request(AuthRequest::Kind::KeyboardInteractive,
                   {{QStringLiteral("Password: "), false},
                    {QStringLiteral("Verification code: "), false},
                    {QStringLiteral("Project: "), true}})
        << QList<bool> {false, false, true} << QStringLiteral("Sign In");
}

void TestCredentialDialog::rendersEachKind()
{
    QFETCH(AuthRequest, request);
    QFETCH(QList<bool>, echo);
    QFETCH(QString, okText);
    CredentialDialog dialog(request);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.fields().size(), echo.size());
    for (int i = 0; i < echo.size(); ++i) {
        auto *field = child<QLineEdit>(&dialog, QStringLiteral("answerEdit%1").arg(i));
        QVERIFY(field);
        QCOMPARE(field->echoMode(), echo.at(i) ? QLineEdit::Normal : QLineEdit::Password);
        auto *label = child<QLabel>(&dialog, QStringLiteral("promptLabel%1").arg(i));
        QVERIFY(label);
        QCOMPARE(label->text(), request.prompts.at(i).text.trimmed());
        QCOMPARE(label->buddy(), field);
        QVERIFY(label->isVisible());
    }
    QCOMPARE(dialog.okButton()->text(), okText);
    QVERIFY(dialog.okButton()->isDefault());
    QVERIFY(!dialog.cancelButton()->isDefault());
    QCOMPARE(QApplication::focusWidget(), dialog.fields().first());

    auto *keyFile = child<QLabel>(&dialog, QStringLiteral("keyFileLabel"));
    QCOMPARE(keyFile != nullptr, request.kind == AuthRequest::Kind::Passphrase);
    if (keyFile) {
        QCOMPARE(keyFile->text(), request.keyFile);
        QVERIFY(keyFile->isVisible());
    }
}

void TestCredentialDialog::showsWhoAsks_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("who");
    QTest::newRow("port 2222") << QStringLiteral("[127.0.0.1]:2222") << QStringLiteral("student")
                               << QStringLiteral("student@127.0.0.1:2222");
    QTest::newRow("port 22, the gateway")
        << QStringLiteral("10.77.0.2") << QStringLiteral("student") << QStringLiteral("student@10.77.0.2");
    QTest::newRow("IPv6 keeps its brackets")
        << QStringLiteral("[::1]:2222") << QStringLiteral("student") << QStringLiteral("student@[::1]:2222");
    QTest::newRow("no user") << QStringLiteral("login.example.edu") << QString()
                             << QStringLiteral("login.example.edu");
}

void TestCredentialDialog::showsWhoAsks()
{
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, who);
    AuthRequest r = passwordRequest();
    r.host = host;
    r.user = user;
    QCOMPARE(CredentialDialog::who(r), who);
    CredentialDialog dialog(r);
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("credentialHeading"))->text().contains(who));
}

void TestCredentialDialog::previousError_data()
{
    QTest::addColumn<QString>("error");
    QTest::newRow("first question") << QString();
    QTest::newRow("refused") << QStringLiteral("The server did not accept the password. Try again.");
}

void TestCredentialDialog::previousError()
{
    QFETCH(QString, error);
    AuthRequest r = passwordRequest();
    r.previousError = error;
    CredentialDialog dialog(r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *label = child<QLabel>(&dialog, QStringLiteral("previousErrorLabel"));
    QCOMPARE(label != nullptr, !error.isEmpty());
    if (!label)
        return;
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), error);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(label->styleSheet().contains(QStringLiteral("color"))); // the warning style
    // Above the fields.
    QVERIFY(label->mapTo(&dialog, QPoint(0, 0)).y()
            < dialog.fields().first()->mapTo(&dialog, QPoint(0, 0)).y());
}

void TestCredentialDialog::serverTextIsPlain_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("instruction");
    QTest::addColumn<QString>("prompt");
    QTest::newRow("bold") << QStringLiteral("<b>x</b>") << QStringLiteral("<b>x</b>")
                          << QStringLiteral("<b>x</b>: ");
    QTest::newRow("link and image") << QStringLiteral("Lab <a href=\"https://evil.example\">login</a>")
                                    << QStringLiteral("<img src=\"x\">Scan the code &amp; type it\nLine two")
                                    << QStringLiteral("<font color=red>Code</font>: ");
    QTest::newRow("plain, multi-line")
        << QStringLiteral("Duo two-factor login") << QStringLiteral("Enter a passcode\nor 1 for a push")
        << QStringLiteral("Passcode or option (1-1): ");
}

void TestCredentialDialog::serverTextIsPlain()
{
    QFETCH(QString, name);
    QFETCH(QString, instruction);
    QFETCH(QString, prompt);
    AuthRequest r = request(AuthRequest::Kind::KeyboardInteractive, {{prompt, false}});
    r.name = name;
    r.instruction = instruction;
    CredentialDialog dialog(r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QPair<QString, QString>> expected {{QStringLiteral("serverNameLabel"), name},
                                                   {QStringLiteral("instructionLabel"), instruction},
                                                   {QStringLiteral("promptLabel0"), prompt.trimmed()}};
    for (const auto &[objectName, text] : expected) {
        auto *label = child<QLabel>(&dialog, objectName);
        QVERIFY2(label, qPrintable(objectName));
        QVERIFY(label->isVisible());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QCOMPARE(label->text(), text);
    }
    // No label anywhere in the dialog reads text as rich text.
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->text().isEmpty())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
}

void TestCredentialDialog::rememberOffered_data()
{
    QTest::addColumn<QString>("rememberKey");
    QTest::addColumn<CredentialStore::Location>("location");
    QTest::addColumn<QString>("where"); // a phrase the line must contain
    QTest::newRow("one-time code: never") << QString() << CredentialStore::Location::Keychain << QString();
    QTest::newRow("password, keychain")
        << QStringLiteral("student@127.0.0.1:2222") << CredentialStore::Location::Keychain
        << QStringLiteral("in your system keychain");
    QTest::newRow("password, no keychain")
        << QStringLiteral("student@127.0.0.1:2222") << CredentialStore::Location::Memory
        << QStringLiteral("for this session only, in memory");
    QTest::newRow("password, still checking")
        << QStringLiteral("student@127.0.0.1:2222") << CredentialStore::Location::Checking
        << QStringLiteral("Checking");
}

void TestCredentialDialog::rememberOffered()
{
    QFETCH(QString, rememberKey);
    QFETCH(CredentialStore::Location, location);
    QFETCH(QString, where);
    AuthRequest r = passwordRequest();
    r.rememberKey = rememberKey;
    CredentialDialog dialog(r);
    dialog.setRememberLocation(location);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *check = child<QCheckBox>(&dialog, QStringLiteral("rememberCheck"));
    auto *line = child<QLabel>(&dialog, QStringLiteral("rememberWhereLabel"));
    QCOMPARE(check != nullptr, !rememberKey.isEmpty());
    QCOMPARE(line != nullptr, !rememberKey.isEmpty());
    QVERIFY(!dialog.rememberRequested());
    if (!check)
        return;
    QVERIFY(check->isVisible());
    QVERIFY(!check->isChecked()); // remembering is the person's choice
    QVERIFY(line->isVisible());
    QVERIFY2(line->text().contains(where), qPrintable(line->text()));
    check->click();
    QVERIFY(dialog.rememberRequested());
}

void TestCredentialDialog::answersInOrder_data()
{
    QTest::addColumn<AuthRequest>("request");
    QTest::addColumn<QStringList>("typed");
    QTest::newRow("password") << passwordRequest() << QStringList {QStringLiteral("s3cret pass")};
    QTest::newRow("one-time code") << otpRequest() << QStringList {QStringLiteral("123456")};
    QTest::newRow("three prompts") << request(AuthRequest::Kind::KeyboardInteractive,
                                              {{QStringLiteral("Password: "), false},
                                               {QStringLiteral("Code: "), false},
                                               {QStringLiteral("Project: "), true}})
                                   << QStringList {QStringLiteral("pw"), QStringLiteral("654321"),
                                                   QStringLiteral("vision")};
    QTest::newRow("an empty answer stays in its place")
        << request(AuthRequest::Kind::KeyboardInteractive,
                   {{QStringLiteral("Optional note: "), true}, {QStringLiteral("Code: "), false}})
        << QStringList {QString(), QStringLiteral("000111")};
}

void TestCredentialDialog::answersInOrder()
{
    QFETCH(AuthRequest, request);
    QFETCH(QStringList, typed);
    CredentialDialog dialog(request);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (int i = 0; i < typed.size(); ++i)
        QTest::keyClicks(dialog.fields().at(i), typed.at(i));
    // Enter in the last field submits (the Sign In button is the default).
    QTest::keyClick(dialog.fields().last(), Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.answers(), typed);
    // The fields no longer hold the secrets once answered.
    for (QLineEdit *field : dialog.fields())
        QVERIFY(field->text().isEmpty());
    dialog.wipe();
    QVERIFY(dialog.answers().isEmpty());
}

void TestCredentialDialog::cancel_data()
{
    QTest::addColumn<bool>("escape"); // the Escape key, or a click on Cancel
    QTest::newRow("Cancel button") << false;
    QTest::newRow("Escape") << true;
}

void TestCredentialDialog::cancel()
{
    QFETCH(bool, escape);
    CredentialDialog dialog(passwordRequest());
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.fields().first(), QStringLiteral("typed but not sent"));
    if (escape)
        QTest::keyClick(dialog.fields().first(), Qt::Key_Escape);
    else
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(dialog.answers().isEmpty());
    QVERIFY(dialog.fields().first()->text().isEmpty());
}

void TestCredentialDialog::everyControlIsNamed_data()
{
    QTest::addColumn<AuthRequest>("request");
    AuthRequest full = request(AuthRequest::Kind::KeyboardInteractive,
                               {{QStringLiteral("Password: "), false}, {QStringLiteral("Code: "), true}});
    full.name = QStringLiteral("Lab login");
    full.instruction = QStringLiteral("Two steps");
    full.previousError = QStringLiteral("Wrong code");
    full.rememberKey = QStringLiteral("student@lab");
    QTest::newRow("everything") << full;
    AuthRequest passphrase
        = request(AuthRequest::Kind::Passphrase, {{QStringLiteral("Passphrase: "), false}});
    passphrase.keyFile = QStringLiteral("/tmp/key");
    QTest::newRow("passphrase") << passphrase;
}

void TestCredentialDialog::everyControlIsNamed()
{
    QFETCH(AuthRequest, request);
    CredentialDialog dialog(request);
    dialog.setRememberLocation(CredentialStore::Location::Memory);
    const auto widgets = dialog.findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *w : widgets) {
        if (!qobject_cast<QLineEdit *>(w) && !qobject_cast<QAbstractButton *>(w)
            && !qobject_cast<QLabel *>(w))
            continue;
        ++controls;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(controls >= 5);
}

void TestCredentialDialog::storeRoundTrip_data()
{
    QTest::addColumn<CredentialStore::Mode>("mode");
    QTest::newRow("memory only") << CredentialStore::Mode::MemoryOnly;
    QTest::newRow("keychain missing: memory fallback") << CredentialStore::Mode::Auto;
}

void TestCredentialDialog::storeRoundTrip()
{
    QFETCH(CredentialStore::Mode, mode);
    CredentialStore store(mode);
    const QString key = QStringLiteral("student@127.0.0.1:2222");
    const auto lookup = [&store, key](LookupResult &out) {
        out = {};
        store.lookup(key, &store, [&out](std::optional<QString> secret) {
            out.called = true;
            out.secret = std::move(secret);
        });
        return !out.called; // never answered inside lookup()
    };

    LookupResult result;
    QVERIFY(lookup(result));
    QTRY_VERIFY(result.called);
    QVERIFY(!result.secret);

    QSignalSpy stored(&store, &CredentialStore::stored);
    store.remember(key, QStringLiteral("pa55 wörd"));
    QTRY_COMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).at(1).value<CredentialStore::Location>(), CredentialStore::Location::Memory);
    QCOMPARE(store.location(), CredentialStore::Location::Memory);
    QVERIFY(store.hasInMemory(key));

    QVERIFY(lookup(result));
    QTRY_VERIFY(result.called);
    QCOMPARE(result.secret, std::optional<QString>(QStringLiteral("pa55 wörd")));

    // Another key is another secret.
    LookupResult other;
    store.lookup(QStringLiteral("student@10.77.0.2"), &store, [&other](std::optional<QString> secret) {
        other.called = true;
        other.secret = std::move(secret);
    });
    QTRY_VERIFY(other.called);
    QVERIFY(!other.secret);

    QSignalSpy forgotten(&store, &CredentialStore::forgotten);
    store.forget(key);
    QTRY_COMPARE(forgotten.size(), 1);
    QVERIFY(!store.hasInMemory(key));
    QVERIFY(lookup(result));
    QTRY_VERIFY(result.called);
    QVERIFY(!result.secret);

    // A lookup whose asker is gone by the answer is dropped.
    bool called = false;
    auto *asker = new QObject;
    store.lookup(key, asker, [&called](std::optional<QString>) { called = true; });
    delete asker;
    QVERIFY(lookup(result));
    QTRY_VERIFY(result.called);
    QVERIFY(!called);
}

void TestCredentialDialog::storeReportsMissingKeychain()
{
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::locationChanged);
    QCOMPARE(store.location(), CredentialStore::Location::Checking);
    QTRY_COMPARE_WITH_TIMEOUT(store.location(), CredentialStore::Location::Memory, 15000);
    QCOMPARE(changed.size(), 1);
    QVERIFY2(!store.keychainProblem().isEmpty(), "the reason stays available for the log");

    // The dialog says so.
    AuthRequest r = passwordRequest();
    CredentialDialog dialog(r);
    dialog.setRememberLocation(store.location());
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("rememberWhereLabel"))
                ->text()
                .contains(QStringLiteral("for this session only, in memory")));
}

QTEST_MAIN(TestCredentialDialog)
#include "tst_credentialdialog.moc"
