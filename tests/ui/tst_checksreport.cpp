// The Checks and Report pages over evidence fixtures (tests/fixtures/evidence, variants from
// tests/python/evidence_variants.py), with a real embedded Python: the built-in checks' statuses, snippets
// typed, saved into a temporary snippets folder and run (pass, deadline, exception, print), the report's
// preview and each export format (the PDF's text through pdftotext). No lab, no connection.
#include "python/pythonruntime.h"
#include "support/screenshots.h"
#include "support/uitest.h"
#include "ui/checks/checkspage.h"
#include "ui/checks/reportpage.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

using namespace onramp;
using namespace onramp::ui;
using onramp::testing::child;

namespace {

const QString kSource = QStringLiteral(ONRAMP_SOURCE_DIR);

QJsonObject variant(const QString &name)
{
    QProcess process;
    process.start(QStringLiteral("python3"),
                  {kSource + QStringLiteral("/tests/python/evidence_variants.py"), name});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qWarning("evidence_variants.py %s: %s", qPrintable(name), process.readAllStandardError().constData());
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QString statusOf(const QList<python::CheckOutcome> &checks, const QString &id)
{
    for (const python::CheckOutcome &check : checks) {
        if (check.id == id)
            return check.status;
    }
    return QStringLiteral("(missing)");
}

} // namespace

class TestChecksReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void emptyPagesPointToSetup();
    void builtInChecks_data();
    void builtInChecks();
    void snippets_data();
    void snippets();
    void snippetListFollowsFolder();
    void reportPreviewAndExport_data();
    void reportPreviewAndExport();
    void exportThroughDialogFilter();
    void screenshots();

private:
    QTemporaryDir m_config;
    QTemporaryDir m_out;
    python::PythonRuntime *m_runtime = nullptr;
};

void TestChecksReport::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Before anything reads it: the snippets folder goes to this temporary config directory.
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QVERIFY(python::PythonRuntime::snippetFolder().startsWith(m_config.path()));
    m_runtime = new python::PythonRuntime(this);
}

void TestChecksReport::cleanupTestCase()
{
    delete m_runtime;
}

void TestChecksReport::emptyPagesPointToSetup()
{
    ChecksPage checks(m_runtime);
    ReportPage report(m_runtime);
    for (QWidget *page : {static_cast<QWidget *>(&checks), static_cast<QWidget *>(&report)}) {
        page->show();
        auto *empty = child<QWidget>(page, page == &checks ? "checksEmpty" : "reportEmpty");
        QVERIFY(empty && empty->isVisible());
        auto *label = child<QLabel>(page, page == &checks ? "checksEmptyText" : "reportEmptyText");
        QVERIFY(label->text().contains(QStringLiteral("setup first")));
    }
    QSignalSpy checksAsk(&checks, &ChecksPage::setupRequested);
    QSignalSpy reportAsk(&report, &ReportPage::setupRequested);
    QTest::mouseClick(child<QPushButton>(&checks, "goToSetupButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&report, "goToSetupButton"), Qt::LeftButton);
    QCOMPARE(checksAsk.size(), 1);
    QCOMPARE(reportAsk.size(), 1);
}

void TestChecksReport::builtInChecks_data()
{
    QTest::addColumn<QString>("variantName");
    QTest::addColumn<QVariantMap>("expected");
    const QVariantMap base {{u"gpu.count"_qs, u"pass"_qs},       {u"torch.cuda-build"_qs, u"pass"_qs},
                            {u"driver.cuda"_qs, u"pass"_qs},     {u"nvidia-smi.works"_qs, u"pass"_qs},
                            {u"python.pin"_qs, u"skip"_qs},      {u"conda.dirs"_qs, u"pass"_qs},
                            {u"quota.room"_qs, u"skip"_qs},      {u"conda.channels"_qs, u"pass"_qs},
                            {u"bashrc.quiet"_qs, u"pass"_qs},    {u"bashrc.conda-init"_qs, u"pass"_qs},
                            {u"login.heavy-work"_qs, u"warn"_qs}};
    auto with = [&](QVariantMap changes) {
        QVariantMap m = base;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            m.insert(it.key(), it.value());
        return m;
    };
    QTest::newRow("complete") << u"complete"_qs << base;
    QTest::newRow("cpu-build") << u"cpu-build"_qs
                               << with({{u"torch.cuda-build"_qs, u"fail"_qs},
                                        {u"gpu.count"_qs, u"fail"_qs},
                                        {u"driver.cuda"_qs, u"skip"_qs}});
    QTest::newRow("quota-nearly-full") << u"quota-nearly-full"_qs << with({{u"quota.room"_qs, u"fail"_qs}});
    QTest::newRow("noisy-bashrc") << u"noisy-bashrc"_qs << with({{u"bashrc.quiet"_qs, u"fail"_qs}});
}

void TestChecksReport::builtInChecks()
{
    QFETCH(QString, variantName);
    QFETCH(QVariantMap, expected);
    const QJsonObject evidence = variant(variantName);
    QVERIFY(!evidence.isEmpty());

    ChecksPage page(m_runtime);
    page.resize(1000, 700);
    page.show();
    QSignalSpy finished(&page, &ChecksPage::checksFinished);
    page.setEvidence(evidence);
    QVERIFY(!child<QWidget>(&page, "checksEmpty")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const QList<python::CheckOutcome> checks = page.checkResults();
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QVERIFY2(statusOf(checks, it.key()) == it.value().toString(),
                 qPrintable(it.key() + QStringLiteral(": ") + statusOf(checks, it.key())));
    // Each check is a row with its status; a failing one offers its fix with a Copy button.
    for (const python::CheckOutcome &check : checks) {
        auto *row = page.findChild<QWidget *>(QStringLiteral("outcome_") + check.id);
        QVERIFY2(row, qPrintable(check.id));
        QCOMPARE(row->property("status").toString(), check.status);
        QVERIFY(!row->accessibleName().isEmpty());
        if (check.status == QLatin1String("fail") && !check.fix.isEmpty()) {
            auto *copy = row->findChild<QToolButton *>(QStringLiteral("copyFixButton"));
            QVERIFY(copy);
            QTest::mouseClick(copy, Qt::LeftButton);
            QCOMPARE(QApplication::clipboard()->text(), check.fix);
        }
    }
    QVERIFY(child<QLabel>(&page, "checksSummary")->text().contains(QStringLiteral("passed")));
}

void TestChecksReport::snippets_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("stopped");
    QTest::addColumn<QString>("inOutput"); // text the output pane must show
    QTest::addColumn<QString>("inStatus"); // text the snippet status line must show

    QTest::newRow("pass") << QStringLiteral("import onramp\nev = onramp.evidence()\n"
                                            "onramp.result('pass', 'host is ' + ev['host'])\n")
                          << u"pass"_qs << false << QString() << u"Passed"_qs;
    QTest::newRow("prints") << QStringLiteral("print('hello from the snippet')\n") << u"pass"_qs << false
                            << u"hello from the snippet"_qs << u"Passed"_qs;
    QTest::newRow("endless loop") << QStringLiteral("while True:\n    pass\n") << u"error"_qs << true
                                  << u"ran past its deadline"_qs << u"stopped by its deadline"_qs;
    QTest::newRow("raises") << QStringLiteral(
        "def broken():\n    raise ValueError('no such GPU')\nbroken()\n")
                            << u"error"_qs << false << u"ValueError: no such GPU"_qs << u"Error"_qs;
}

void TestChecksReport::snippets()
{
    QFETCH(QString, code);
    QFETCH(QString, status);
    QFETCH(bool, stopped);
    QFETCH(QString, inOutput);
    QFETCH(QString, inStatus);

    ChecksPage page(m_runtime);
    page.setSnippetDeadlineMs(1500);
    page.resize(1000, 700);
    page.setEvidence(variant(QStringLiteral("complete")));
    page.show();
    // The folder is created with its example the first time the page is shown.
    QVERIFY(QFile::exists(page.snippetFolder() + QStringLiteral("/example_gpu_count.py")));

    QTest::mouseClick(child<QPushButton>(&page, "newSnippetButton"), Qt::LeftButton);
    const QString path = page.currentSnippetPath();
    QVERIFY(path.startsWith(m_config.path()));
    auto *editor = child<QPlainTextEdit>(&page, "snippetEditor");
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    editor->insertPlainText(code);
    auto *save = child<QPushButton>(&page, "saveSnippetButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), code);

    QSignalSpy done(&page, &ChecksPage::snippetFinished);
    QTest::mouseClick(child<QPushButton>(&page, "runSnippetButton"), Qt::LeftButton);
    QVERIFY(page.isRunning());
    QVERIFY(child<QPushButton>(&page, "stopSnippetButton")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    const auto run = done.at(0).at(0).value<python::SnippetRun>();
    QCOMPARE(run.outcome.status, status);
    QCOMPARE(run.stopped, stopped);
    QVERIFY(!page.isRunning());
    QVERIFY(!child<QPushButton>(&page, "stopSnippetButton")->isEnabled());
    const QString output = child<QPlainTextEdit>(&page, "snippetOutput")->toPlainText();
    QVERIFY2(output.contains(inOutput), qPrintable(output));
    const QString statusLine = child<QLabel>(&page, "snippetStatus")->text();
    QVERIFY2(statusLine.contains(inStatus), qPrintable(statusLine));
    auto *row = page.findChild<QWidget *>(QStringLiteral("snippetResult_") + run.name);
    QVERIFY(row);
    QCOMPARE(row->property("status").toString(), status);
    if (stopped)
        QVERIFY(row->findChild<QLabel *>(QStringLiteral("outcomeMessage"))
                    ->text()
                    .contains(QStringLiteral("deadline")));
    QVERIFY(QFile::remove(path));
}

void TestChecksReport::snippetListFollowsFolder()
{
    ChecksPage page(m_runtime);
    page.setEvidence(variant(QStringLiteral("complete")));
    page.show();
    QSignalSpy idle(&page, &ChecksPage::snippetsIdle);
    QSignalSpy runs(&page, &ChecksPage::snippetFinished);
    QTest::mouseClick(child<QPushButton>(&page, "runAllSnippetsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 30000);
    // The example snippet: PyTorch saw the one GPU asked for; its docstring is its title.
    QCOMPARE(runs.size(), 1);
    const auto run = runs.at(0).at(0).value<python::SnippetRun>();
    QCOMPARE(run.outcome.status, QStringLiteral("pass"));
    QVERIFY(run.outcome.title.startsWith(QStringLiteral("GPUs seen by PyTorch")));
    QVERIFY(
        child<QPlainTextEdit>(&page, "snippetOutput")->toPlainText().contains(QStringLiteral("asked for")));
}

void TestChecksReport::reportPreviewAndExport_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("facts");
    const QStringList facts {QStringLiteral("aha"), QStringLiteral("zz_report_fixture"),
                             QStringLiteral("2.1.2")};
    QTest::newRow("html") << u"html"_qs << u"en"_qs << (facts + QStringList {QStringLiteral("<svg")});
    QTest::newRow("md") << u"md"_qs << u"en"_qs << (facts + QStringList {QStringLiteral("# ")});
    QTest::newRow("json") << u"json"_qs << u"en"_qs << facts;
    QTest::newRow("yml") << u"yml"_qs << u"en"_qs
                         << QStringList {QStringLiteral("name: zz_report_fixture"),
                                         QStringLiteral("dependencies:")};
    QTest::newRow("pdf en") << u"pdf"_qs << u"en"_qs << (facts + QStringList {QStringLiteral("NVIDIA H100")});
    QTest::newRow("pdf zh") << u"pdf"_qs << u"zh"_qs << facts;
}

void TestChecksReport::reportPreviewAndExport()
{
    QFETCH(QString, format);
    QFETCH(QString, lang);
    QFETCH(QStringList, facts);

    ReportPage page(m_runtime);
    page.resize(1000, 700);
    page.show();
    QSignalSpy ready(&page, &ReportPage::previewReady);
    page.setEvidence(variant(QStringLiteral("complete")));
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 1, 30000);
    page.setReportLanguage(lang);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRendering(), 30000);
    const QString preview = page.preview()->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("aha")) && preview.contains(QStringLiteral("zz_report_fixture")),
             qPrintable(preview.left(400)));

    QSignalSpy exported(&page, &ReportPage::exported);
    QSignalSpy failed(&page, &ReportPage::exportFailed);
    const QString path = m_out.filePath(QStringLiteral("report-%1.%2").arg(lang, format));
    page.exportTo(path, format);
    QTRY_VERIFY_WITH_TIMEOUT(exported.size() + failed.size() == 1, 60000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(exported.at(0).at(0).toString(), path);
    QVERIFY(child<QLabel>(&page, "reportMessage")->text().contains(path));

    QString content;
    if (format == QLatin1String("pdf")) {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils, scripts/install-deps) is needed");
        QProcess text;
        text.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        content = QString::fromUtf8(text.readAllStandardOutput());
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        content = QString::fromUtf8(file.readAll());
    }
    for (const QString &fact : std::as_const(facts))
        QVERIFY2(content.contains(fact), qPrintable(fact + QStringLiteral(" not in the ") + format));
    if (format == QLatin1String("json"))
        QVERIFY(QJsonDocument::fromJson(content.toUtf8()).isObject());
}

void TestChecksReport::exportThroughDialogFilter()
{
    ReportPage page(m_runtime);
    page.setEvidence(variant(QStringLiteral("complete")));
    // The file dialog's answer: a name without a suffix and the Markdown filter.
    const QString base = m_out.filePath(QStringLiteral("chosen"));
    page.setSaveFilePrompter(
        [&](QWidget *, const QString &suggested, const QStringList &filters, QString *selected) {
            [&] { QVERIFY(suggested.endsWith(QStringLiteral("onramp-report-zz_report_fixture.html"))); }();
            *selected = filters.at(1);
            return base;
        });
    QSignalSpy exported(&page, &ReportPage::exported);
    QTest::mouseClick(child<QPushButton>(&page, "exportReportButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QCOMPARE(exported.at(0).at(0).toString(), base + QStringLiteral(".md"));

    // A folder that cannot be written: the page says why, translated.
    QSignalSpy failed(&page, &ReportPage::exportFailed);
    page.exportTo(QStringLiteral("/proc/no-such-dir/report.html"), QStringLiteral("html"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QVERIFY(child<QLabel>(&page, "reportMessage")->text().contains(QStringLiteral("not exported")));
}

void TestChecksReport::screenshots()
{
    if (qEnvironmentVariableIsEmpty("ONRAMP_SCREENSHOT_DIR"))
        QSKIP("ONRAMP_SCREENSHOT_DIR is not set");
    ChecksPage checks(m_runtime);
    checks.resize(1000, 760);
    checks.setSnippetDeadlineMs(1500);
    QSignalSpy checked(&checks, &ChecksPage::checksFinished);
    checks.setEvidence(variant(QStringLiteral("noisy-bashrc")));
    checks.show();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    QSignalSpy idle(&checks, &ChecksPage::snippetsIdle);
    QTest::mouseClick(child<QPushButton>(&checks, "runAllSnippetsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 30000);
    QVERIFY(onramp::testing::saveInBothLanguages(&checks, QStringLiteral("checks")));

    ReportPage report(m_runtime);
    report.resize(1000, 760);
    QSignalSpy ready(&report, &ReportPage::previewReady);
    report.setEvidence(variant(QStringLiteral("complete")));
    report.show();
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 1, 30000);
    // Down to the GPU charts (above their table), fitted to the view's width.
    QTextCursor table = report.preview()->document()->find(QStringLiteral("Peak memory"));
    QVERIFY(!table.isNull());
    table.clearSelection(); // scrolled to, not highlighted
    report.preview()->setTextCursor(table);
    report.preview()->ensureCursorVisible();
    QVERIFY(onramp::testing::saveInBothLanguages(&report, QStringLiteral("report")));
}

QTEST_MAIN(TestChecksReport)
#include "tst_checksreport.moc"
