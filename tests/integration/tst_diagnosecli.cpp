// `onramp-cli diagnose` as a person or a script runs it: a separate process reading a log from a file
// or stdin, no connection and no lab; its JSON parsed, its exit codes checked.

#include "support/clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

#include <unistd.h>

using namespace onramp::testing;

namespace {

QString fixture(const char *relative)
{
    return QStringLiteral(ONRAMP_FIXTURES "/") + QString::fromUtf8(relative);
}

// A pasted log arrives through a pipe.
CliRun runWithStdin(const QStringList &arguments, const QByteArray &input,
                    const QStringList &environment = {})
{
    return runCli(QStringLiteral(ONRAMP_CLI_PATH), arguments, environment, 60000, input);
}

CliRun cli(const QStringList &arguments, const QStringList &environment = {})
{
    return runCli(QStringLiteral(ONRAMP_CLI_PATH), arguments, environment);
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return file.readAll();
}

// The codes of a --json document, or a message saying why there are none.
QStringList jsonCodes(const QString &out, QString *why)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = error.errorString() + QStringLiteral(": ") + out;
        return {};
    }
    const QJsonObject object = doc.object();
    if (object.value(QLatin1String("schema")).toString() != QLatin1String("onramp.diagnose/1")) {
        *why = QStringLiteral("wrong schema: ") + out;
        return {};
    }
    QStringList codes;
    for (const QJsonValue &value : object.value(QLatin1String("diagnoses")).toArray()) {
        const QJsonObject d = value.toObject();
        for (const char *key : {"code", "summary", "suggestion", "evidence"}) {
            if (d.value(QLatin1String(key)).toString().isEmpty())
                *why = QStringLiteral("no %1 in %2").arg(QLatin1String(key), out);
        }
        codes << d.value(QLatin1String("code")).toString();
    }
    return codes;
}

} // namespace

class TestDiagnoseCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explainsAFile();
    void readsStdin_data();
    void readsStdin();
    void json_data();
    void json();
    void nothingRecognisedExitsWithOne();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void helpNamesTheVerb();
};

void TestDiagnoseCli::explainsAFile()
{
    // No --host: the log is read here.
    const CliRun run = cli({QStringLiteral("diagnose"), fixture("logs/assembled__guide-session.txt")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    // Each explanation quotes the lines it was recognised from, most important first.
    const qsizetype disk
        = run.out.indexOf(QLatin1String("CondaError: Failed to write to /tmp/lab/fullpkgs/"));
    const qsizetype srun = run.out.indexOf(QLatin1String(
        "srun: error: Unable to allocate resources: Requested node configuration is not available"));
    const qsizetype ssh = run.out.indexOf(QLatin1String("Connection to 127.0.0.1 closed by remote host."));
    const qsizetype pending = run.out.indexOf(QLatin1String("(Resources)"));
    QVERIFY2(disk >= 0 && srun > disk && ssh > srun && pending > ssh, qPrintable(run.out));
}

void TestDiagnoseCli::readsStdin_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("-") << QStringList {QStringLiteral("diagnose"), QStringLiteral("-"),
                                       QStringLiteral("--json")};
    QTest::newRow("no file") << QStringList {QStringLiteral("diagnose"), QStringLiteral("--json")};
}

void TestDiagnoseCli::readsStdin()
{
    QFETCH(QStringList, arguments);
    const CliRun run
        = runWithStdin(arguments, bytesOf(fixture("slurm/lab/slurm-22.05.8__srun__invalid-gres.txt")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QString why;
    QCOMPARE(jsonCodes(run.out, &why), QStringList {QStringLiteral("slurm.error.InvalidGres")});
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestDiagnoseCli::json_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("environment");
    QTest::newRow("English") << QStringList() << QStringList();
    // The sentences follow the language; the codes and the log's own words do not.
    QTest::newRow("LANG=zh_CN.UTF-8") << QStringList() << QStringList {QStringLiteral("LANG=zh_CN.UTF-8")};
    QTest::newRow("--lang zh_CN") << QStringList {QStringLiteral("--lang"), QStringLiteral("zh_CN")}
                                  << QStringList();
}

void TestDiagnoseCli::json()
{
    QFETCH(QStringList, extra);
    QFETCH(QStringList, environment);
    const QString file = fixture("logs/assembled__gpu-check-mismatch.txt");
    const CliRun run
        = cli(QStringList {QStringLiteral("diagnose"), QStringLiteral("--json"), file} + extra, environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QString why;
    QCOMPARE(jsonCodes(run.out, &why), QStringList {QStringLiteral("nvidia-smi.driver-library-mismatch")});
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(doc.value(QLatin1String("source")).toString(), file);
    const QString evidence = doc.value(QLatin1String("diagnoses"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("evidence"))
                                 .toString();
    // nvidia-smi's and PyTorch's words for the one mismatch, in one diagnosis
    QVERIFY2(evidence.contains(QLatin1String("Failed to initialize NVML: Driver/library version mismatch")),
             qPrintable(evidence));
    QVERIFY2(evidence.contains(QLatin1String("Error 803")), qPrintable(evidence));
}

void TestDiagnoseCli::nothingRecognisedExitsWithOne()
{
    // A healthy nvidia-smi table, through a file.
    const CliRun healthy = cli({QStringLiteral("diagnose"),
                                fixture("gpu/nvidia-smi/table__H100-SXMx8__565.57.01__no-processes.txt")});
    QCOMPARE(healthy.exitCode, 1);
    QVERIFY2(healthy.out.contains(QLatin1String("helpdesk")), qPrintable(healthy.out));

    // Binary garbage through stdin, as JSON: an empty list.
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919) % 256));
    const CliRun binary = runWithStdin({QStringLiteral("diagnose"), QStringLiteral("--json")}, garbage);
    QCOMPARE(binary.exitCode, 1);
    QString why;
    QCOMPARE(jsonCodes(binary.out, &why), QStringList());
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // Nothing at all.
    const CliRun empty = runWithStdin({QStringLiteral("diagnose")}, QByteArray());
    QCOMPARE(empty.exitCode, 1);
}

void TestDiagnoseCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no such file") << QStringList {QStringLiteral("diagnose"),
                                                  QStringLiteral("/nonexistent/onramp-test/slurm.out")};
    QTest::newRow("a folder") << QStringList {QStringLiteral("diagnose"), QStringLiteral(ONRAMP_FIXTURES)};
    QTest::newRow("two files") << QStringList {QStringLiteral("diagnose"), fixture("logs/README.md"),
                                               fixture("logs/README.md")};
    QTest::newRow("--watch") << QStringList {QStringLiteral("diagnose"), QStringLiteral("--watch"),
                                             fixture("logs/README.md")};
}

void TestDiagnoseCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QLatin1String("onramp-cli: ")), qPrintable(run.err));
}

void TestDiagnoseCli::helpNamesTheVerb()
{
    const CliRun help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QLatin1String("diagnose [FILE|-]")), qPrintable(help.out));
    const CliRun unknown = cli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("“diagnose”")), qPrintable(unknown.err));
}

QTEST_GUILESS_MAIN(TestDiagnoseCli)
#include "tst_diagnosecli.moc"
