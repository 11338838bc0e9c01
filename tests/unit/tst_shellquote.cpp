#include "core/shellquote.h"

#include <QProcess>
#include <QTest>

using onramp::shellJoin;
using onramp::shellQuote;

class TestShellQuote : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quotesExactly_data();
    void quotesExactly();
    void survivesARealShell_data();
    void survivesARealShell();
    void joinKeepsWordBoundaries();
};

void TestShellQuote::quotesExactly_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain word") << u"cola"_qs << u"cola"_qs;
    QTest::newRow("option with value") << u"--gres=gpu:1"_qs << u"--gres=gpu:1"_qs;
    QTest::newRow("package spec") << u"python=3.8"_qs << u"python=3.8"_qs;
    QTest::newRow("empty") << QString() << u"''"_qs;
    QTest::newRow("space") << u"my env"_qs << u"'my env'"_qs;
    QTest::newRow("single quote") << u"it's"_qs << u"'it'\\''s'"_qs;
    QTest::newRow("dollar") << u"$HOME"_qs << u"'$HOME'"_qs;
    QTest::newRow("version range") << u"numpy>=1.20"_qs << u"'numpy>=1.20'"_qs;
    QTest::newRow("tilde") << u"~/x"_qs << u"'~/x'"_qs;
    QTest::newRow("chinese") << u"环境"_qs << u"'环境'"_qs;
}

void TestShellQuote::quotesExactly()
{
    QFETCH(QString, argument);
    QFETCH(QString, expected);
    QCOMPARE(shellQuote(argument), expected);
}

void TestShellQuote::survivesARealShell_data()
{
    QTest::addColumn<QString>("argument");
    QTest::newRow("command substitution") << u"$(touch /tmp/onramp-pwned)"_qs;
    QTest::newRow("backticks") << u"`id`"_qs;
    QTest::newRow("semicolon and pipe") << u"a; rm -rf / | cat"_qs;
    QTest::newRow("quotes mixed") << u"it's \"quoted\" \\ back"_qs;
    QTest::newRow("newline") << u"line1\nline2"_qs;
    QTest::newRow("glob") << u"*.py ?"_qs;
    QTest::newRow("leading dash") << u"-rf"_qs;
    QTest::newRow("utf-8") << u"环境 ü"_qs;
    QTest::newRow("only quotes") << u"''''"_qs;
}

// The real contract: /bin/sh gets back exactly the argument, one word, nothing executed.
void TestShellQuote::survivesARealShell()
{
    QFETCH(QString, argument);
    QProcess sh;
    sh.start(u"/bin/sh"_qs, {u"-c"_qs, u"printf '%s' "_qs + shellQuote(argument)});
    QVERIFY(sh.waitForFinished(5000));
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), argument);
}

void TestShellQuote::joinKeepsWordBoundaries()
{
    const QStringList argv {u"conda"_qs, u"create"_qs, u"-n"_qs, u"my env"_qs, u"python=3.8"_qs, QString()};
    QProcess sh;
    sh.start(u"/bin/sh"_qs, {u"-c"_qs, u"printf '[%s]' "_qs + shellJoin(argv)});
    QVERIFY(sh.waitForFinished(5000));
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), u"[conda][create][-n][my env][python=3.8][]"_qs);
}

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
