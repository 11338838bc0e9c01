#include "python/pythonruntime.h"
#include "python/runtimeinfo.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using onramp::python::PythonRuntime;
using onramp::python::SnippetRun;

class TestPythonRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void isolatedDebianInterpreter();
    void environmentHasNoEffect();
    void snippets_data();
    void snippets();
    void stoppedSnippetThenNextRuns();
    void liveOutput();
    void stopRunningSnippet();
    void evidenceReachesPython();
    void snippetFolderWithExample();
    void cleanupTestCase();

private:
    SnippetRun run(const QString &code, int deadlineMs = 5000);

    std::unique_ptr<PythonRuntime> m_runtime;
};

void TestPythonRuntime::initTestCase()
{
    m_runtime = std::make_unique<PythonRuntime>();
}

void TestPythonRuntime::cleanupTestCase()
{
    // Finalises the interpreter: a clean exit is part of the test.
    m_runtime.reset();
}

SnippetRun TestPythonRuntime::run(const QString &code, int deadlineMs)
{
    std::optional<SnippetRun> result;
    quint64 wanted = 0;
    auto connection = connect(m_runtime.get(), &PythonRuntime::snippetFinished, this,
                              [&](quint64 id, const SnippetRun &r) {
                                  if (id == wanted)
                                      result = r;
                              });
    wanted = m_runtime->runSnippetCode(code, QStringLiteral("test.py"), deadlineMs);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), deadlineMs + 10000); }();
    disconnect(connection);
    return result.value_or(SnippetRun {});
}

// The machine's first python3 may be a pyenv shim; the embedded one must be the system's own,
// isolated from the person's site-packages.
void TestPythonRuntime::isolatedDebianInterpreter()
{
    const auto info = onramp::python::runtimeInfo();
    QVERIFY2(info.version.startsWith(u"3."_qs), qPrintable(info.version));
    QVERIFY2(!info.executable.contains(u"pyenv"_qs), qPrintable(info.executable));
    QCOMPARE(info.executable, QStringLiteral(ONRAMP_TEST_PYTHON_EXECUTABLE));
    QVERIFY(info.isolated);
    // sys.path is exactly the standard library, its compiled modules and the onramp package.
    QCOMPARE(info.path.size(), 3);
    QVERIFY2(info.path[0].startsWith(u"/usr/lib/python3"_qs), qPrintable(info.path.join(u' ')));
    QVERIFY2(info.path[1].endsWith(u"lib-dynload"_qs), qPrintable(info.path[1]));
    QCOMPARE(info.path[2], PythonRuntime::packageDir());
    QVERIFY(m_runtime->isStarted());
}

// CTest starts this test with PYTHONHOME, PYTHONPATH and PYTHONSTARTUP pointing at nonsense and a
// user site-packages that would shadow json: an isolated interpreter ignores all of them (a
// non-isolated one would fail to start at all with that PYTHONHOME).
void TestPythonRuntime::environmentHasNoEffect()
{
    QVERIFY(qEnvironmentVariableIsSet("PYTHONHOME"));
    QVERIFY(qEnvironmentVariableIsSet("PYTHONSTARTUP"));
    const SnippetRun r = run(QStringLiteral(
        "import sys, json\n"
        "print(json.dumps({'site': 'site' in sys.modules, 'no_user_site': sys.flags.no_user_site,\n"
        "    'path': sys.path, 'startup_ran': 'ONRAMP_STARTUP_RAN' in dir(__builtins__),\n"
        "    'json_file': json.__file__}))\n"));
    QVERIFY2(!r.raised, qPrintable(r.traceback));
    const QJsonObject o = QJsonDocument::fromJson(r.output.stdoutText.toUtf8()).object();
    QVERIFY2(!o.isEmpty(), qPrintable(r.output.stdoutText));
    QCOMPARE(o.value(u"site"_qs).toBool(), false);
    QCOMPARE(o.value(u"no_user_site"_qs).toInt(), 1);
    QCOMPARE(o.value(u"startup_ran"_qs).toBool(), false);
    QVERIFY(o.value(u"json_file"_qs).toString().startsWith(u"/usr/lib/python3"_qs));
    for (const QJsonValue &entry : o.value(u"path"_qs).toArray()) {
        QVERIFY2(!entry.toString().contains(u"nonexistent"_qs), qPrintable(entry.toString()));
        QVERIFY2(!entry.toString().contains(u".local"_qs), qPrintable(entry.toString()));
        QVERIFY2(!entry.toString().contains(u"dist-packages"_qs), qPrintable(entry.toString()));
    }
}

void TestPythonRuntime::snippets_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("deadlineMs");
    QTest::addColumn<bool>("stopped");
    QTest::addColumn<bool>("raised");
    QTest::addColumn<QString>("expectedStatus");
    QTest::addColumn<QString>("inTraceback");
    QTest::addColumn<QString>("inStdout");
    QTest::addColumn<QString>("inStderr");

    QTest::newRow("endless loop stopped at its deadline")
        << u"while True:\n    pass\n"_qs << 500 << true << false << u"error"_qs << QString() << QString()
        << QString();
    QTest::newRow("except BaseException in a loop still stopped")
        << u"n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n"
           "    except BaseException:\n        pass\n"_qs
        << 500 << true << false << u"error"_qs << QString() << QString() << QString();
    QTest::newRow("finally that loops forever still stopped")
        << u"try:\n    while True: pass\nfinally:\n    while True: pass\n"_qs << 500 << true << false
        << u"error"_qs << QString() << QString() << QString();
    QTest::newRow("raises: traceback with the line")
        << u"x = 1\ndef f():\n    return x / 0\nf()\n"_qs << 5000 << false << true << u"error"_qs
        << u"ZeroDivisionError: division by zero"_qs << QString() << QString();
    QTest::newRow("syntax error") << u"def broken(:\n"_qs << 5000 << false << true << u"error"_qs
                                  << u"SyntaxError"_qs << QString() << QString();
    QTest::newRow("sys.exit is an exception, not an exit")
        << u"import sys\nsys.exit(3)\n"_qs << 5000 << false << true << u"error"_qs << u"SystemExit"_qs
        << QString() << QString();
    QTest::newRow("print captured per stream")
        << u"import sys\nprint('hello', 42)\nprint('oops', file=sys.stderr)\n"_qs << 5000 << false << false
        << u"pass"_qs << QString() << u"hello 42\n"_qs << u"oops\n"_qs;
    QTest::newRow("unicode output") << u"print('显卡 ✓')\n"_qs << 5000 << false << false << u"pass"_qs
                                    << QString() << u"显卡 ✓\n"_qs << QString();
}

void TestPythonRuntime::snippets()
{
    QFETCH(QString, code);
    QFETCH(int, deadlineMs);
    QFETCH(bool, stopped);
    QFETCH(bool, raised);
    QFETCH(QString, expectedStatus);
    QFETCH(QString, inTraceback);
    QFETCH(QString, inStdout);
    QFETCH(QString, inStderr);

    const SnippetRun r = run(code, deadlineMs);
    QCOMPARE(r.stopped, stopped);
    QCOMPARE(r.raised, raised);
    QCOMPARE(r.outcome.status, expectedStatus);
    QVERIFY(!r.outcome.message.isEmpty());
    if (stopped) {
        QVERIFY2(r.outcome.message.contains(u"Stopped after"_qs), qPrintable(r.outcome.message));
        QVERIFY(r.elapsedMs >= deadlineMs);
        QVERIFY2(r.elapsedMs < deadlineMs + 3000, qPrintable(QString::number(r.elapsedMs)));
    }
    if (!inTraceback.isEmpty()) {
        QVERIFY2(r.traceback.contains(inTraceback), qPrintable(r.traceback));
        QVERIFY2(r.outcome.message.contains(inTraceback.section(u':', 0, 0)), qPrintable(r.outcome.message));
    }
    if (inTraceback.startsWith(u"ZeroDivision"_qs))
        QVERIFY2(r.traceback.contains(u"test.py\", line 3, in f"_qs), qPrintable(r.traceback));
    QCOMPARE(r.output.stdoutText, inStdout);
    QCOMPARE(r.output.stderrText, inStderr);
}

// The interpreter survives a stopped snippet: nothing of the deadline leaks into the next call.
void TestPythonRuntime::stoppedSnippetThenNextRuns()
{
    const SnippetRun first = run(u"while True: pass\n"_qs, 300);
    QVERIFY(first.stopped);
    const SnippetRun second
        = run(u"total = 0\nfor i in range(200000):\n    total += i\nprint(total)\n"_qs, 5000);
    QVERIFY2(!second.stopped && !second.raised, qPrintable(second.traceback));
    QCOMPARE(second.output.stdoutText, u"19999900000\n"_qs);
}

void TestPythonRuntime::liveOutput()
{
    QSignalSpy output(m_runtime.get(), &PythonRuntime::output);
    QSignalSpy finished(m_runtime.get(), &PythonRuntime::snippetFinished);
    const quint64 id = m_runtime->runSnippetCode(
        u"import time\nprint('first', flush=True)\ntime.sleep(0.3)\nprint('second')\n"_qs);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(output.size() >= 1);
    QString all;
    for (const auto &args : output) {
        QCOMPARE(args.at(0).value<quint64>(), id);
        all += args.at(1).toString();
    }
    QCOMPARE(all, u"first\nsecond\n"_qs);
    // The first line arrived before the snippet ended (print() writes the newline on its own).
    QVERIFY(output.first().at(1).toString().startsWith(u"first"_qs));
    QVERIFY(!output.first().at(1).toString().contains(u"second"_qs));
}

void TestPythonRuntime::stopRunningSnippet()
{
    QSignalSpy output(m_runtime.get(), &PythonRuntime::output);
    std::optional<SnippetRun> result;
    QObject context; // the connection ends with this test, whatever happens
    connect(m_runtime.get(), &PythonRuntime::snippetFinished, &context,
            [&](quint64, const SnippetRun &r) { result = r; });
    auto stopAnyway = qScopeGuard([this] { m_runtime->stop(); });
    m_runtime->runSnippetCode(u"print('started')\nwhile True:\n    pass\n"_qs, QStringLiteral("loop.py"),
                              60'000);
    QTRY_VERIFY(!output.isEmpty());
    m_runtime->stop();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(result->stopped);
}

void TestPythonRuntime::evidenceReachesPython()
{
    m_runtime->setEvidence({{u"host"_qs, u"aha"_qs}, {u"options"_qs, QJsonObject {{u"env"_qs, u"cola"_qs}}}});
    const SnippetRun r = run(u"import _onramp, json\nev = json.loads(_onramp.evidence_json())\n"
                             "print(ev['host'], ev['options']['env'], _onramp.onramp_version())\n"_qs);
    QVERIFY2(!r.raised, qPrintable(r.traceback));
    QVERIFY2(r.output.stdoutText.startsWith(u"aha cola "_qs), qPrintable(r.output.stdoutText));
    // The text is a copy: changing what Python got changes nothing on Onramp's side.
    const SnippetRun changed
        = run(u"import _onramp, json\nev = json.loads(_onramp.evidence_json())\nev['host'] = 'x'\n"
              "print(json.loads(_onramp.evidence_json())['host'])\n"_qs);
    QCOMPARE(changed.output.stdoutText, u"aha\n"_qs);
    QCOMPARE(m_runtime->evidence().value(u"host"_qs).toString(), u"aha"_qs);

    // Through the onramp package: read-only, and a snippet's own answer comes back.
    const SnippetRun assigned = run(u"import onramp\nonramp.evidence()['host'] = 'x'\n"_qs);
    QVERIFY(assigned.raised);
    QVERIFY2(assigned.traceback.contains(u"TypeError"_qs), qPrintable(assigned.traceback));
    const SnippetRun reported = run(u"import onramp\nev = onramp.evidence()\n"
                                    "onramp.result('warn', 'host ' + ev['host'], fix='none needed')\n"_qs);
    QVERIFY2(reported.reported, qPrintable(reported.traceback));
    QCOMPARE(reported.outcome.status, u"warn"_qs);
    QCOMPARE(reported.outcome.message, u"host aha"_qs);
    QCOMPARE(reported.outcome.fix, u"none needed"_qs);
    // Taken: the next snippet does not inherit it.
    QVERIFY(!run(u"pass\n"_qs).reported);
}

void TestPythonRuntime::snippetFolderWithExample()
{
    QTemporaryDir home;
    const QString folder = home.filePath(u"config/onramp/snippets"_qs);
    const auto made = PythonRuntime::ensureSnippetFolder(folder);
    QVERIFY(made.ok());
    QVERIFY(QFileInfo::exists(folder + u"/example_gpu_count.py"_qs));
    // Deleted by the person: not written again.
    QVERIFY(QFile::remove(folder + u"/example_gpu_count.py"_qs));
    QVERIFY(PythonRuntime::ensureSnippetFolder(folder).ok());
    QVERIFY(QDir(folder).isEmpty());
}

QTEST_GUILESS_MAIN(TestPythonRuntime)
#include "tst_pythonruntime.moc"
