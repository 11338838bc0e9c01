// onramp-cli check and report over evidence fixtures: exit codes, snippets, each report format's
// structure (not byte-exact) and the PDF's text (pdftotext). No connection: the evidence is local.
#include "setup/guided/setupevidence.h"
#include "setup/guided/setupjournal.h"
#include "support/clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp::setup::guided;
using namespace onramp::testing;

namespace {

const QString kCli = QStringLiteral(ONRAMP_CLI_PATH);
const QString kComplete = QStringLiteral(ONRAMP_FIXTURES "/evidence/complete.json");

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The complete fixture with PyTorch seeing no GPU: gpu.count must fail.
QJsonObject withoutGpus(QJsonObject evidence)
{
    QJsonArray steps = evidence.value(u"steps"_qs).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QJsonObject step = steps[i].toObject();
        if (step.value(u"step"_qs).toString() != u"verify"_qs)
            continue;
        QJsonObject facts = step.value(u"facts"_qs).toObject();
        facts.insert(u"device_count"_qs, 0);
        facts.insert(u"cuda_available"_qs, false);
        step.insert(u"facts"_qs, facts);
        steps[i] = step;
    }
    evidence.insert(u"steps"_qs, steps);
    return evidence;
}

} // namespace

class TestPythonCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkExitCodes_data();
    void checkExitCodes();
    void checkJson();
    void checkFromJournal();
    void report_data();
    void report();
    void reportPdf_data();
    void reportPdf();
    void reportMistakes_data();
    void reportMistakes();

private:
    QTemporaryDir m_dir;
    QString m_failing;
    QString m_noSnippets;
    QStringList m_env;
};

void TestPythonCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(kComplete), qPrintable(kComplete));
    m_failing = m_dir.filePath(u"no-gpu.json"_qs);
    QVERIFY(writeFile(m_failing, QJsonDocument(withoutGpus(readJson(kComplete))).toJson()));
    m_noSnippets = m_dir.filePath(u"no-snippets"_qs);
    // The person's real config and data folders stay out of it.
    m_env = {u"XDG_CONFIG_HOME="_qs + m_dir.filePath(u"config"_qs),
             u"XDG_DATA_HOME="_qs + m_dir.filePath(u"data"_qs)};
}

void TestPythonCli::checkExitCodes_data()
{
    QTest::addColumn<QString>("evidence");
    QTest::addColumn<QStringList>("snippets"); // file name, then code, repeated
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("inOutput");

    QTest::newRow("complete setup: warnings only")
        << kComplete << QStringList() << 0 << QStringList {u"PASS"_qs, u"WARN"_qs, u"Nothing failed"_qs};
    QTest::newRow("no GPU seen: gpu.count fails")
        << u"no-gpu"_qs << QStringList() << 1 << QStringList {u"FAIL"_qs, u"failed"_qs};
    QTest::newRow("a passing snippet")
        << kComplete
        << QStringList {u"mine.py"_qs,
                        u"\"\"\"My own check.\"\"\"\nimport onramp\nprint('looked')\n"
                        "onramp.result('pass', 'fine by me')\n"_qs}
        << 0 << QStringList {u"My own check"_qs, u"fine by me"_qs, u"looked"_qs};
    QTest::newRow("a failing snippet")
        << kComplete
        << QStringList {u"strict.py"_qs,
                        u"import onramp\nonramp.result('fail', 'too old', fix='upgrade')\n"_qs}
        << 1 << QStringList {u"FAIL"_qs, u"too old"_qs, u"Fix: upgrade"_qs};
    QTest::newRow("a snippet that raises")
        << kComplete << QStringList {u"broken.py"_qs, u"import onramp\n{}['missing']\n"_qs} << 1
        << QStringList {u"ERROR"_qs, u"KeyError: 'missing'"_qs, u"broken.py"_qs};
    QTest::newRow("an endless snippet is stopped, the next one runs")
        << kComplete
        << QStringList {u"a_loop.py"_qs, u"while True:\n    pass\n"_qs, u"b_after.py"_qs,
                        u"import onramp\nonramp.result('pass', 'still here')\n"_qs}
        << 1 << QStringList {u"Stopped after"_qs, u"still here"_qs};
    QTest::newRow("missing evidence file") << u"/nonexistent/evidence.json"_qs << QStringList() << 2
                                           << QStringList {u"could not read the evidence file"_qs};
}

void TestPythonCli::checkExitCodes()
{
    QFETCH(QString, evidence);
    QFETCH(QStringList, snippets);
    QFETCH(int, exitCode);
    QFETCH(QStringList, inOutput);
    if (evidence == u"no-gpu"_qs)
        evidence = m_failing;

    QTemporaryDir folder;
    for (qsizetype i = 0; i + 1 < snippets.size(); i += 2)
        QVERIFY(writeFile(folder.filePath(snippets[i]), snippets[i + 1].toUtf8()));
    // The endless snippet takes its whole default deadline (10 s).
    const CliRun run = runCli(
        kCli, {u"check"_qs, u"--evidence"_qs, evidence, u"--snippets"_qs, folder.path()}, m_env, 60000);
    const QString all = run.out + run.err;
    QVERIFY2(run.exitCode == exitCode, qPrintable(QString::number(run.exitCode) + u'\n' + all));
    for (const QString &text : inOutput)
        QVERIFY2(all.contains(text), qPrintable(text + u" not in:\n"_qs + all));
}

void TestPythonCli::checkJson()
{
    const CliRun run = runCli(kCli,
                              {u"check"_qs, u"--evidence"_qs, m_failing, u"--snippets"_qs, m_noSnippets,
                               u"--json"_qs, u"--lang"_qs, u"zh"_qs},
                              m_env);
    QCOMPARE(run.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QVERIFY2(!o.isEmpty(), qPrintable(run.out + run.err));
    QCOMPARE(o.value(u"schema"_qs).toString(), u"onramp.check/1"_qs);
    QCOMPARE(o.value(u"passed"_qs).toBool(), false);
    bool gpuCountFailed = false;
    for (const QJsonValue &check : o.value(u"checks"_qs).toArray()) {
        const QJsonObject c = check.toObject();
        QVERIFY(QStringList({u"pass"_qs, u"warn"_qs, u"fail"_qs, u"skip"_qs})
                    .contains(c.value(u"status"_qs).toString()));
        if (c.value(u"id"_qs).toString() == u"gpu.count"_qs) {
            gpuCountFailed = c.value(u"status"_qs).toString() == u"fail"_qs;
            // --lang zh: the messages are Chinese.
            QVERIFY2(c.value(u"title"_qs).toString().contains(QRegularExpression(u"[\u4e00-\u9fff]"_qs)),
                     qPrintable(c.value(u"title"_qs).toString()));
        }
    }
    QVERIFY(gpuCountFailed);
}

// Without --evidence, the setup journal of --host and --env, as `onramp-cli setup` left it.
void TestPythonCli::checkFromJournal()
{
    const QString dataHome = m_dir.filePath(u"data"_qs);
    const SetupJournal journal(dataHome + u"/onramp/setup"_qs); // shared with the window
    QVERIFY(journal.save(evidenceFromJson(readJson(kComplete))).ok());
    CliRun run = runCli(kCli,
                        {u"report"_qs, u"--host"_qs, u"aha"_qs, u"--env"_qs, u"zz_report_fixture"_qs,
                         u"--user"_qs, u"student"_qs, u"--format"_qs, u"json"_qs},
                        m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonObject ev = report.value(u"evidence"_qs).toObject();
    QCOMPARE(ev.value(u"profile"_qs).toObject().value(u"user"_qs).toString(), u"student"_qs);
    QVERIFY(!ev.value(u"collected_at"_qs).toString().isEmpty());
    QVERIFY(!ev.value(u"onramp_version"_qs).toString().isEmpty());

    run = runCli(kCli, {u"check"_qs, u"--host"_qs, u"aha"_qs, u"--env"_qs, u"other"_qs}, m_env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"onramp-cli setup"_qs), qPrintable(run.err));
}

void TestPythonCli::report_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("lang");
    QTest::addRow("html en") << u"html"_qs << u"en"_qs;
    QTest::addRow("html zh") << u"html"_qs << u"zh"_qs;
    QTest::addRow("md en") << u"md"_qs << u"en"_qs;
    QTest::addRow("md zh") << u"md"_qs << u"zh"_qs;
    QTest::addRow("json en") << u"json"_qs << u"en"_qs;
    QTest::addRow("yml en") << u"yml"_qs << u"en"_qs;
}

void TestPythonCli::report()
{
    QFETCH(QString, format);
    QFETCH(QString, lang);
    const QString path = m_dir.filePath(u"report."_qs + format);
    const CliRun run = runCli(kCli,
                              {u"report"_qs, u"--evidence"_qs, kComplete, u"--format"_qs, format,
                               u"--lang"_qs, lang, u"-o"_qs, path},
                              m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    // The key facts in every format.
    for (const QString &fact : {u"zz_report_fixture"_qs, u"2.1.2"_qs})
        QVERIFY2(text.contains(fact), qPrintable(fact));
    if (format == u"html"_qs) {
        QVERIFY(text.startsWith(u"<!DOCTYPE html>"_qs, Qt::CaseInsensitive));
        QVERIFY(text.contains(u"<svg"_qs));
        QVERIFY(!text.contains(u"<script src"_qs)); // self-contained
        QVERIFY(!text.contains(u"http://"_qs + u"cdn"_qs));
    } else if (format == u"md"_qs) {
        QVERIFY(text.startsWith(u"# "_qs));
        QVERIFY(text.count(u"\n## "_qs) >= 4);
        QVERIFY(text.contains(u"| "_qs));
        QVERIFY(text.contains(u"```"_qs));
    } else if (format == u"json"_qs) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        for (const QString &key : {u"schema"_qs, u"checks"_qs, u"facts"_qs, u"commands"_qs, u"evidence"_qs})
            QVERIFY2(o.contains(key), qPrintable(key));
        QVERIFY(!o.value(u"commands"_qs).toArray().isEmpty());
    } else if (format == u"yml"_qs) {
        QVERIFY(text.contains(u"\nname: "_qs));
        QVERIFY(text.contains(u"\nchannels:"_qs));
        QVERIFY(text.contains(u"\ndependencies:"_qs));
        QVERIFY(text.contains(u"  - pytorch="_qs));
    }
    if (lang == u"zh"_qs)
        QVERIFY(text.contains(QRegularExpression(u"[\u4e00-\u9fff]"_qs)));
}

void TestPythonCli::reportPdf_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addRow("en") << u"en"_qs;
    QTest::addRow("zh") << u"zh"_qs;
}

void TestPythonCli::reportPdf()
{
    QFETCH(QString, lang);
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_qs);
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils, scripts/install-deps) is needed");
    const QString path = m_dir.filePath(u"report-"_qs + lang + u".pdf"_qs);
    // No DISPLAY and no QT_QPA_PLATFORM: onramp-cli picks the offscreen platform for the PDF itself.
    QProcess process;
    QProcessEnvironment environment = cliEnvironment(m_env);
    environment.remove(u"DISPLAY"_qs);
    environment.remove(u"WAYLAND_DISPLAY"_qs);
    environment.remove(u"QT_QPA_PLATFORM"_qs);
    process.setProcessEnvironment(environment);
    process.start(kCli,
                  {u"report"_qs, u"--evidence"_qs, kComplete, u"--format"_qs, u"pdf"_qs, u"--lang"_qs, lang,
                   u"-o"_qs, path});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    QProcess text;
    text.start(pdftotext, {u"-layout"_qs, path, u"-"_qs});
    QVERIFY(text.waitForFinished(30000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    // Host, environment, torch version and the device count.
    for (const QString &fact : {u"aha"_qs, u"zz_report_fixture"_qs, u"2.1.2"_qs, u"NVIDIA H100"_qs})
        QVERIFY2(content.contains(fact), qPrintable(fact + u" not in the PDF"_qs));
    QVERIFY2(content.contains(QRegularExpression(u"1 GPU|GPU.{0,20}1|1.{0,6}(个|块)?\\s*GPU"_qs)),
             "device count");
    if (lang == u"zh"_qs)
        QVERIFY(content.contains(QRegularExpression(u"[\u4e00-\u9fff]"_qs)));
    // A4 pages with numbers at the bottom.
    QProcess info;
    info.start(u"pdfinfo"_qs, {path});
    QVERIFY(info.waitForFinished(30000));
    const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(infoText.contains(u"(A4)"_qs), qPrintable(infoText));
    QVERIFY2(infoText.contains(u"Title:"_qs) && infoText.contains(u"zz_report_fixture"_qs),
             qPrintable(infoText));
}

void TestPythonCli::reportMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("inError");
    QTest::addRow("unknown format") << QStringList {u"report"_qs, u"--evidence"_qs, kComplete, u"--format"_qs,
                                                    u"docx"_qs}
                                    << u"unknown report format"_qs;
    QTest::addRow("no evidence source") << QStringList {u"report"_qs} << u"--evidence FILE"_qs;
    QTest::addRow("--format on check")
        << QStringList {u"check"_qs, u"--evidence"_qs, kComplete, u"--format"_qs, u"md"_qs}
        << u"belongs to “report”"_qs;
}

void TestPythonCli::reportMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, inError);
    const CliRun run = runCli(kCli, arguments, m_env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(inError), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestPythonCli)
#include "tst_pythoncli.moc"
