#include "python/runtimeinfo.h"

#include <QTest>

class TestPythonRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isolatedDebianInterpreter();
};

// The machine's first python3 may be a pyenv shim; the embedded one must be the system's own,
// isolated from the person's site-packages.
void TestPythonRuntime::isolatedDebianInterpreter()
{
    const auto info = onramp::python::runtimeInfo();
    QVERIFY2(info.version.startsWith(u"3."_qs), qPrintable(info.version));
    QVERIFY2(!info.executable.contains(u"pyenv"_qs), qPrintable(info.executable));
    QCOMPARE(info.executable, QStringLiteral(ONRAMP_TEST_PYTHON_EXECUTABLE));
    QVERIFY(info.isolated);
    // CTest starts this test with PYTHONPATH and PYTHONHOME pointing at nonsense: an isolated
    // interpreter ignores them (a non-isolated one would fail to start at all with that PYTHONHOME).
    QVERIFY(qEnvironmentVariableIsSet("PYTHONHOME"));
}

QTEST_GUILESS_MAIN(TestPythonRuntime)
#include "tst_pythonruntime.moc"
