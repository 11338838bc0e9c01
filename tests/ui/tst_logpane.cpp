// LogPane: output is batched on a timer, bounded in lines, stderr looks different, notes start on
// a line of their own, and copy/save/follow-tail do what they say.
#include "ui/logpane.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using onramp::ui::LogPane;

namespace {
QString numberedLines(int from, int to)
{
    QString text;
    for (int i = from; i <= to; ++i)
        text += QStringLiteral("line %1\n").arg(i);
    return text;
}

QStringList shownLines(const LogPane &pane)
{
    QStringList lines = pane.text().split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}
} // namespace

class TestLogPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void batchesAppends_data();
    void batchesAppends();
    void boundsLines_data();
    void boundsLines();
    void boundsAcrossFlushes();
    void stderrHasItsOwnColour();
    void notesStartOnTheirOwnLine();
    void sourceBadge();
    void savesWhatItShows();
    void copiesAll();
    void followsTailUntilTurnedOff();
};

void TestLogPane::cleanup()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

void TestLogPane::batchesAppends_data()
{
    QTest::addColumn<int>("chunks");
    QTest::addColumn<QString>("chunk");
    QTest::newRow("one chunk") << 1 << QStringLiteral("hello\n");
    QTest::newRow("1000 small chunks") << 1000 << QStringLiteral("x");
    QTest::newRow("500 lines one by one") << 500 << QStringLiteral("a line of output\n");
    QTest::newRow("partial lines") << 300 << QStringLiteral("ab\ncd");
    QTest::newRow("unicode") << 200 << QStringLiteral("配环境 PyTorch ✓\n");
}

void TestLogPane::batchesAppends()
{
    QFETCH(int, chunks);
    QFETCH(QString, chunk);
    LogPane pane;
    pane.setMaximumLines(100000);
    QSignalSpy flushed(&pane, &LogPane::flushed);
    QString expected;
    for (int i = 0; i < chunks; ++i) {
        pane.appendStdout(chunk);
        expected += chunk;
    }
    // Nothing reaches the view while the producer is still appending...
    QCOMPARE(pane.flushCount(), 0);
    QVERIFY(pane.text().isEmpty());
    QVERIFY(pane.hasPendingText());
    // ...and then everything arrives in one batch on the timer.
    QTRY_COMPARE(flushed.count(), 1);
    QCOMPARE(pane.flushCount(), 1);
    QCOMPARE(pane.text(), expected);
    QVERIFY(!pane.hasPendingText());
}

void TestLogPane::boundsLines_data()
{
    QTest::addColumn<int>("maximum");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("skipped");
    QTest::newRow("fewer than the maximum") << 100 << 50 << 0;
    QTest::newRow("exactly the maximum") << 100 << 100 << 0;
    // When lines are skipped, one line of the pane says so.
    QTest::newRow("a few more") << 100 << 150 << 51;
    QTest::newRow("a flood") << 100 << 100000 << 99901;
    QTest::newRow("maximum of one") << 1 << 10 << 9;
}

void TestLogPane::boundsLines()
{
    QFETCH(int, maximum);
    QFETCH(int, appended);
    QFETCH(int, skipped);
    LogPane pane;
    pane.setMaximumLines(maximum);
    for (int i = 1; i <= appended; ++i)
        pane.appendStdout(QStringLiteral("line %1\n").arg(i));
    pane.flush();

    QCOMPARE(pane.skippedLines(), qint64(skipped));
    const QStringList lines = shownLines(pane);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last(), QStringLiteral("line %1").arg(appended));
    const QStringList output = lines.filter(QRegularExpression(QStringLiteral("^line \\d+$")));
    QCOMPARE(output.size(), appended - skipped);
    QCOMPARE(output.first(), QStringLiteral("line %1").arg(appended - output.size() + 1));
    QVERIFY(pane.view()->document()->blockCount() <= maximum + 1);
    if (skipped > 0 && maximum > 1)
        QVERIFY2(pane.text().contains(QStringLiteral("%1 earlier line").arg(skipped)),
                 qPrintable(pane.text()));
}

void TestLogPane::boundsAcrossFlushes()
{
    LogPane pane;
    pane.setMaximumLines(50);
    for (int batch = 0; batch < 10; ++batch) {
        pane.appendStdout(numberedLines(batch * 20 + 1, batch * 20 + 20));
        pane.flush();
        QVERIFY(pane.view()->document()->blockCount() <= 51);
    }
    QCOMPARE(pane.skippedLines(), qint64(0)); // each batch fitted; old lines simply scrolled away
    const QStringList lines = shownLines(pane);
    QCOMPARE(lines.size(), 50);
    QCOMPARE(lines.first(), QStringLiteral("line 151"));
    QCOMPARE(lines.last(), QStringLiteral("line 200"));
}

void TestLogPane::stderrHasItsOwnColour()
{
    LogPane pane;
    pane.appendStdout(QStringLiteral("out\n"));
    pane.appendStderr(QStringLiteral("err\n"));
    pane.flush();
    const QTextBlock outBlock = pane.view()->document()->findBlockByNumber(0);
    const QTextBlock errBlock = pane.view()->document()->findBlockByNumber(1);
    QCOMPARE(outBlock.text(), QStringLiteral("out"));
    QCOMPARE(errBlock.text(), QStringLiteral("err"));
    const QColor outColour = outBlock.begin().fragment().charFormat().foreground().color();
    const QColor errColour = errBlock.begin().fragment().charFormat().foreground().color();
    QVERIFY(outColour != errColour);
}

void TestLogPane::notesStartOnTheirOwnLine()
{
    LogPane pane;
    pane.appendStdout(QStringLiteral("no newline yet"));
    pane.appendNote(QStringLiteral("$ hostname"));
    pane.appendStdout(QStringLiteral("aha\n"));
    pane.appendNote(QStringLiteral("Exit status 0"));
    pane.flush();
    QCOMPARE(shownLines(pane),
             QStringList({QStringLiteral("no newline yet"), QStringLiteral("$ hostname"),
                          QStringLiteral("aha"), QStringLiteral("Exit status 0")}));
}

void TestLogPane::sourceBadge()
{
    LogPane pane;
    auto *badge = pane.findChild<QLabel *>(QStringLiteral("sourceBadge"));
    QVERIFY(badge);
    QVERIFY(badge->isHidden());
    pane.setSource(QStringLiteral("student@127.0.0.1"));
    QCOMPARE(badge->text(), QStringLiteral("student@127.0.0.1"));
    QVERIFY(!badge->isHidden());
}

void TestLogPane::savesWhatItShows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LogPane pane;
    pane.appendStdout(QStringLiteral("aha\n"));
    pane.appendStderr(QStringLiteral("warning: 配额\n"));
    pane.flush();
    const QString path = dir.filePath(QStringLiteral("out.txt"));
    QString error;
    QVERIFY2(pane.saveToFile(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("aha\nwarning: 配额\n"));

    QVERIFY(!pane.saveToFile(dir.filePath(QStringLiteral("no/such/folder/out.txt")), &error));
    QVERIFY(!error.isEmpty());
}

void TestLogPane::copiesAll()
{
    LogPane pane;
    pane.appendStdout(QStringLiteral("one\ntwo\n"));
    auto *copy = pane.findChild<QToolButton *>(QStringLiteral("copyLogButton"));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton); // flushes first, then copies everything
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("one\ntwo\n"));
}

void TestLogPane::followsTailUntilTurnedOff()
{
    LogPane pane;
    pane.resize(600, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QScrollBar *bar = pane.view()->verticalScrollBar();
    pane.appendStdout(numberedLines(1, 500));
    pane.flush();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    auto *follow = pane.findChild<QToolButton *>(QStringLiteral("followTailButton"));
    QVERIFY(follow);
    QTest::mouseClick(follow, Qt::LeftButton);
    QVERIFY(!pane.followTail());
    bar->setValue(10);
    pane.appendStdout(numberedLines(501, 600));
    pane.flush();
    QCOMPARE(bar->value(), 10);

    // Scrolling to the end by hand resumes following.
    bar->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(pane.followTail());
}

QTEST_MAIN(TestLogPane)
#include "tst_logpane.moc"
