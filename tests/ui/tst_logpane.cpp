// LogPane: output is batched on a timer, bounded in lines, stderr looks different, notes start on
// a line of their own, `\r` collapses progress lines (across appends and flushes), ANSI colours are
// applied and every other escape sequence removed, and find/copy/save/follow-tail/timestamps do what
// they say. ONRAMP_SCREENSHOT_DIR=DIR also writes logpane-en.png and, after a live switch,
// logpane-zh_CN.png there (docs/screenshots keeps them).
#include "ui/logpane.h"

#include "../support/screenshots.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTime>
#include <QToolButton>
#include <QWheelEvent>

using onramp::ui::LogPane;
using namespace Qt::StringLiterals;

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

void appendChunks(LogPane &pane, const QStringList &chunks, bool flushEach)
{
    for (const QString &chunk : chunks) {
        pane.appendStdout(chunk);
        if (flushEach)
            pane.flush();
    }
    pane.flush();
}

// The format of the first fragment whose text contains `span`.
QTextCharFormat formatOf(const LogPane &pane, const QString &span)
{
    for (QTextBlock block = pane.view()->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().text().contains(span))
                return it.fragment().charFormat();
    return {};
}

template<typename T> T *child(const QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
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
    void carriageReturnCollapses_data();
    void carriageReturnCollapses();
    void appliesAnsiColours_data();
    void appliesAnsiColours();
    void stripsOtherEscapes_data();
    void stripsOtherEscapes();
    void findCountsAndHighlights_data();
    void findCountsAndHighlights();
    void findCyclesAndCloses();
    void findFollowsNewOutput();
    void savesPlainText_data();
    void savesPlainText();
    void followTailStopsAndResumes_data();
    void followTailStopsAndResumes();
    void timestampsOnDemand();
    void boundsProgressAndLongLines_data();
    void boundsProgressAndLongLines();
    void newControlsAreNamed();
    void screenshot();
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

void TestLogPane::carriageReturnCollapses_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("one chunk") << QStringList {u"10%\r50%\r100%"_s} << QStringList {u"100%"_s};
    QTest::newRow("then a newline") << QStringList {u"10%\r50%\r100%\n"_s, u"next\n"_s}
                                    << QStringList {u"100%"_s, u"next"_s};
    QTest::newRow("\\r in one chunk, the text in the next")
        << QStringList {u"10%\r"_s, u"100%\n"_s} << QStringList {u"100%"_s};
    QTest::newRow("each update its own chunk")
        << QStringList {u"10%"_s, u"\r"_s, u"50%"_s, u"\r"_s, u"100%"_s, u"\n"_s} << QStringList {u"100%"_s};
    QTest::newRow("\\r\\n is a newline") << QStringList {u"a\r\nb\r\n"_s} << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("\\r\\n split") << QStringList {u"a\r"_s, u"\nb\r"_s, u"\n"_s}
                                  << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("a last \\r keeps the line") << QStringList {u"done\r"_s} << QStringList {u"done"_s};
    QTest::newRow("earlier lines stay")
        << QStringList {u"header\nprogress 1\r"_s, u"progress 2\r"_s, u"progress 3\n"_s, u"footer\n"_s}
        << QStringList {u"header"_s, u"progress 3"_s, u"footer"_s};
    QTest::newRow("conda download bars")
        << QStringList {u"numpy-1.26.0 | 6.8 MB | #####      |  50% \r"_s,
                        u"numpy-1.26.0 | 6.8 MB | ########## | 100% \n"_s,
                        u"torch-2.1.0  | 1.4 GB | #          |  10% \rtorch-2.1.0  | 1.4 GB | ########## | 100% \n"_s}
        << QStringList {u"numpy-1.26.0 | 6.8 MB | ########## | 100% "_s,
                        u"torch-2.1.0  | 1.4 GB | ########## | 100% "_s};
    QTest::newRow("\\r then erase line")
        << QStringList {u"50%\r\x1b[K"_s, u"done\n"_s} << QStringList {u"done"_s};
    QTest::newRow("erase whole line") << QStringList {u"junk\x1b[2Kgood\n"_s} << QStringList {u"good"_s};
    QTest::newRow("cursor to column 1") << QStringList {u"a 1%\x1b[1Ga 9%\n"_s} << QStringList {u"a 9%"_s};
    QTest::newRow("backspace spinner")
        << QStringList {u"wait |\b/\b-\b\\\bok\n"_s} << QStringList {u"wait ok"_s};
    QTest::newRow("unicode") << QStringList {u"下载 10%\r"_s, u"下载 完成 ✓\n"_s}
                             << QStringList {u"下载 完成 ✓"_s};
}

void TestLogPane::carriageReturnCollapses()
{
    QFETCH(QStringList, chunks);
    QFETCH(QStringList, lines);
    for (const bool flushEach : {false, true}) {
        LogPane pane;
        appendChunks(pane, chunks, flushEach);
        QCOMPARE(shownLines(pane), lines);
        // No empty or stale blocks are left behind: one per line, plus the empty one after a '\n'.
        const bool endsWithNewline = chunks.join(QString()).endsWith(QLatin1Char('\n'));
        QCOMPARE(pane.view()->document()->blockCount(), int(lines.size()) + (endsWithNewline ? 1 : 0));
    }
}

void TestLogPane::appliesAnsiColours_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QString>("span");
    QTest::addColumn<int>("ansiIndex"); // -1: `rgb` instead; -2: no colour of its own
    QTest::addColumn<QColor>("rgb");
    QTest::addColumn<bool>("bold");
    QTest::newRow("red (31)") << QStringList {u"\x1b[31mred\x1b[0m plain\n"_s} << u"red"_s << 1 << QColor()
                              << false;
    QTest::newRow("reset (0)") << QStringList {u"\x1b[31mred\x1b[0m plain\n"_s} << u"plain"_s << -2
                               << QColor() << false;
    QTest::newRow("all eight (37)") << QStringList {u"\x1b[37mwhite\x1b[m\n"_s} << u"white"_s << 7 << QColor()
                                    << false;
    QTest::newRow("bright green (92)")
        << QStringList {u"\x1b[92mok\x1b[m\n"_s} << u"ok"_s << 10 << QColor() << false;
    QTest::newRow("bright white (97)")
        << QStringList {u"\x1b[97mhi\x1b[m\n"_s} << u"hi"_s << 15 << QColor() << false;
    QTest::newRow("256 colours (38;5;N)")
        << QStringList {u"\x1b[38;5;196mhot\x1b[0m\n"_s} << u"hot"_s << -1 << QColor(255, 0, 0) << false;
    QTest::newRow("256 greys") << QStringList {u"\x1b[38;5;244mgrey\x1b[0m\n"_s} << u"grey"_s << -1
                               << QColor(128, 128, 128) << false;
    QTest::newRow("true colour (38;2;R;G;B)") << QStringList {u"\x1b[38;2;10;20;30mrgb\x1b[0m\n"_s}
                                              << u"rgb"_s << -1 << QColor(10, 20, 30) << false;
    QTest::newRow("bold (1)") << QStringList {u"\x1b[1mbold\x1b[22m thin\n"_s} << u"bold"_s << -2 << QColor()
                              << true;
    QTest::newRow("bold off (22)") << QStringList {u"\x1b[1mbold\x1b[22m thin\n"_s} << u"thin"_s << -2
                                   << QColor() << false;
    QTest::newRow("bold yellow (1;33)")
        << QStringList {u"\x1b[1;33mwarning\x1b[0m: disk\n"_s} << u"warning"_s << 3 << QColor() << true;
    QTest::newRow("default colour (39)")
        << QStringList {u"\x1b[35mm\x1b[39mdefault\n"_s} << u"default"_s << -2 << QColor() << false;
    QTest::newRow("split inside the sequence")
        << QStringList {u"\x1b[3"_s, u"2mgreen\x1b[0m\n"_s} << u"green"_s << 2 << QColor() << false;
    QTest::newRow("ESC at the end of a chunk")
        << QStringList {u"x\x1b"_s, u"[34mblue\x1b[0m\n"_s} << u"blue"_s << 4 << QColor() << false;
    QTest::newRow("colour goes on across lines")
        << QStringList {u"\x1b[36mone\n"_s, u"two\x1b[0m\n"_s} << u"two"_s << 6 << QColor() << false;
}

void TestLogPane::appliesAnsiColours()
{
    QFETCH(QStringList, chunks);
    QFETCH(QString, span);
    QFETCH(int, ansiIndex);
    QFETCH(QColor, rgb);
    QFETCH(bool, bold);
    for (const bool flushEach : {false, true}) {
        LogPane pane;
        appendChunks(pane, chunks, flushEach);
        QVERIFY2(!pane.text().contains(QChar(0x1b)), qPrintable(pane.text()));
        QVERIFY2(pane.text().contains(span), qPrintable(pane.text()));
        const QTextCharFormat format = formatOf(pane, span);
        if (ansiIndex == -2) {
            QVERIFY(!format.hasProperty(QTextFormat::ForegroundBrush));
        } else {
            QVERIFY(format.hasProperty(QTextFormat::ForegroundBrush));
            const QColor expected = ansiIndex >= 0 ? pane.ansiColor(ansiIndex) : rgb;
            QCOMPARE(format.foreground().color().rgb(), expected.rgb());
        }
        QCOMPARE(format.fontWeight() == QFont::Bold, bold);
    }
}

void TestLogPane::stripsOtherEscapes_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QString>("shown");
    QTest::newRow("cursor moves, clear screen")
        << QStringList {u"\x1b[2Aup\x1b[10;5Hhere\x1b[2J\x1b[3C!\n"_s} << u"uphere!\n"_s;
    QTest::newRow("OSC title ended by BEL")
        << QStringList {u"\x1b]0;student@aha: ~\x07prompt$ \n"_s} << u"prompt$ \n"_s;
    QTest::newRow("OSC title ended by ST") << QStringList {u"\x1b]2;title\x1b\\text\n"_s} << u"text\n"_s;
    QTest::newRow("OSC 8 hyperlink") << QStringList {u"\x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\\n"_s}
                                     << u"link\n"_s;
    QTest::newRow("bracketed paste toggles")
        << QStringList {u"\x1b[?2004hline\x1b[?2004l\n"_s} << u"line\n"_s;
    QTest::newRow("cursor hide/show") << QStringList {u"\x1b[?25lx\x1b[?25h\n"_s} << u"x\n"_s;
    QTest::newRow("charsets and keypad") << QStringList {u"\x1b(Bpl\x1b)0a\x1b=\x1b>in\x1b"
                                                         "7\x1b"
                                                         "8\n"_s}
                                         << u"plain\n"_s;
    QTest::newRow("bell and shift codes") << QStringList {u"ding\x07\x0e\x0f!\n"_s} << u"ding!\n"_s;
    QTest::newRow("C1 CSI") << QStringList {u"\u009b31mX\n"_s} << u"X\n"_s;
    QTest::newRow("title split over chunks")
        << QStringList {u"\x1b]0;ti"_s, u"tle\x07"_s, u"after\n"_s} << u"after\n"_s;
    QTest::newRow("private mode split") << QStringList {u"\x1b[?20"_s, u"04hx\n"_s} << u"x\n"_s;
    QTest::newRow("unterminated title ends at the newline")
        << QStringList {u"\x1b]0;oops\nvisible\n"_s} << u"\nvisible\n"_s;
    QTest::newRow("overlong CSI ends")
        << QStringList {u"\x1b["_s + QString(100, u'1') + u"mafter\n"_s} << u"after\n"_s;
}

void TestLogPane::stripsOtherEscapes()
{
    QFETCH(QStringList, chunks);
    QFETCH(QString, shown);
    for (const bool flushEach : {false, true}) {
        LogPane pane;
        appendChunks(pane, chunks, flushEach);
        QCOMPARE(pane.text(), shown);
        for (const QChar c : pane.text())
            QVERIFY2(c == u'\n'
                         || (c.unicode() >= 0x20 && c.unicode() != 0x7f && c != QChar::ReplacementCharacter),
                     qPrintable(QStringLiteral("U+%1 shown").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
    }
}

void TestLogPane::findCountsAndHighlights_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("count");
    const QString log = u"error one\nok\nERROR two\nan error\n"_s;
    QTest::newRow("three, any case") << log << u"error"_s << 3;
    QTest::newRow("none") << log << u"warning"_s << 0;
    QTest::newRow("one") << log << u"ok"_s << 1;
    QTest::newRow("across colour spans") << u"\x1b[31merr\x1b[0mor here\n"_s << u"error"_s << 1;
    QTest::newRow("after a collapsed line") << u"10% error\r100% done\nerror\n"_s << u"error"_s << 1;
    QTest::newRow("unicode") << u"环境 配好了\n再配一次\n"_s << u"配"_s << 2;
}

void TestLogPane::findCountsAndHighlights()
{
    QFETCH(QString, output);
    QFETCH(QString, needle);
    QFETCH(int, count);
    LogPane pane;
    pane.resize(600, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendStdout(output);
    pane.setFindText(needle);
    QVERIFY(pane.isFindOpen());
    QCOMPARE(pane.matchCount(), count);
    auto *label = child<QLabel>(pane, "logFindCount");
    QVERIFY(label);
    const QList<QTextEdit::ExtraSelection> highlights = pane.view()->extraSelections();
    QCOMPARE(highlights.size(), count);
    for (const QTextEdit::ExtraSelection &highlight : highlights)
        QCOMPARE(highlight.cursor.selectedText().toLower(), needle.toLower());
    if (count == 0) {
        QCOMPARE(pane.currentMatch(), -1);
        QCOMPARE(label->text(), u"No matches"_s);
    } else {
        QCOMPARE(pane.currentMatch(), 0);
        QCOMPARE(label->text(), u"1 of %1"_s.arg(count));
        // The selected match looks different from the others, and the view's cursor is on it.
        QCOMPARE(pane.view()->textCursor().position(), highlights.at(0).cursor.selectionStart());
        if (count > 1)
            QVERIFY(highlights.at(0).format.background() != highlights.at(1).format.background());
    }
}

void TestLogPane::findCyclesAndCloses()
{
    LogPane pane;
    pane.resize(600, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    pane.appendStdout(u"match a\nnothing\nmatch b\nmatch c\n"_s);
    pane.flush();
    pane.view()->setFocus();
    QTest::keyClick(pane.view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(pane.isFindOpen());
    auto *field = child<QLineEdit>(pane, "logFindField");
    QVERIFY(field);
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClicks(field, u"MATCH"_s);
    QCOMPARE(pane.matchCount(), 3);
    QCOMPARE(pane.currentMatch(), 0);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(pane.currentMatch(), 1);
    QTest::mouseClick(child<QToolButton>(pane, "logFindNext"), Qt::LeftButton);
    QCOMPARE(pane.currentMatch(), 2);
    QTest::keyClick(field, Qt::Key_Return); // wraps around
    QCOMPARE(pane.currentMatch(), 0);
    QCOMPARE(child<QLabel>(pane, "logFindCount")->text(), u"1 of 3"_s);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier); // back, wrapping the other way
    QCOMPARE(pane.currentMatch(), 2);
    QTest::mouseClick(child<QToolButton>(pane, "logFindPrevious"), Qt::LeftButton);
    QCOMPARE(pane.currentMatch(), 1);
    QCOMPARE(pane.view()->textCursor().block().text(), u"match b"_s);
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!pane.isFindOpen());
    QVERIFY(pane.view()->extraSelections().isEmpty());
    QTest::keyClick(pane.view(), Qt::Key_F, Qt::ControlModifier); // opens again with the same text
    QVERIFY(pane.isFindOpen());
    QCOMPARE(pane.matchCount(), 3);
}

void TestLogPane::findFollowsNewOutput()
{
    // Matches are counted again as output arrives and as old lines drop off the top; the selected one
    // stays selected while it is still there.
    LogPane pane;
    pane.resize(600, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setMaximumLines(10);
    pane.appendStdout(u"hit 1\nmiss\nhit 2\n"_s);
    pane.setFindText(u"hit"_s);
    QCOMPARE(pane.matchCount(), 2);
    pane.findNext();
    QCOMPARE(pane.currentMatch(), 1);
    pane.appendStdout(u"hit 3\n"_s);
    pane.flush();
    QCOMPARE(pane.matchCount(), 3);
    QCOMPARE(pane.currentMatch(), 1);
    pane.appendStdout(u"miss\nmiss\nmiss\nmiss\nmiss\nmiss\nmiss\n"_s); // "hit 1" falls off the top
    pane.flush();
    QCOMPARE(pane.matchCount(), 2);
    QCOMPARE(pane.currentMatch(), 0);
    QCOMPARE(pane.view()->textCursor().block().text(), u"hit 2"_s);
}

void TestLogPane::savesPlainText_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QString>("saved");
    QTest::newRow("colours") << QStringList {u"\x1b[32m✓\x1b[0m done\n\x1b[1;31merror:\x1b[0m 配额\n"_s}
                             << u"✓ done\nerror: 配额\n"_s;
    QTest::newRow("progress") << QStringList {u"10%\r"_s, u"50%\r100%\n"_s} << u"100%\n"_s;
    QTest::newRow("titles and modes") << QStringList {u"\x1b]0;t\x07\x1b[?2004ha\x1b[Kb\n"_s} << u"ab\n"_s;
    QTest::newRow("no final newline") << QStringList {u"x"_s} << u"x\n"_s;
}

void TestLogPane::savesPlainText()
{
    QFETCH(QStringList, chunks);
    QFETCH(QString, saved);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LogPane pane;
    appendChunks(pane, chunks, false);
    const QString path = dir.filePath(u"out.txt"_s);
    QString error;
    QVERIFY2(pane.saveToFile(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, saved.toUtf8());
    QVERIFY(!bytes.contains('\x1b'));
    QVERIFY(!bytes.contains('\r'));
}

void TestLogPane::followTailStopsAndResumes_data()
{
    QTest::addColumn<QString>("away"); // how the user scrolls up
    QTest::addColumn<QString>("back"); // how following comes back
    for (const QString &away : {u"wheel"_s, u"page up"_s, u"scroll bar"_s})
        for (const QString &back : {u"toggle"_s, u"end key"_s, u"scroll bar to the end"_s})
            QTest::newRow(qPrintable(away + u", "_s + back)) << away << back;
}

void TestLogPane::followTailStopsAndResumes()
{
    QFETCH(QString, away);
    QFETCH(QString, back);
    LogPane pane;
    pane.resize(600, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QScrollBar *bar = pane.view()->verticalScrollBar();
    QSignalSpy changed(&pane, &LogPane::followTailChanged);
    pane.appendStdout(numberedLines(1, 300));
    pane.flush();
    QVERIFY(pane.followTail());
    QCOMPARE(bar->value(), bar->maximum());

    if (away == u"wheel") {
        const QPoint at = pane.view()->viewport()->rect().center();
        QWheelEvent wheel(at, pane.view()->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(pane.view()->viewport(), &wheel);
    } else if (away == u"page up") {
        pane.view()->moveCursor(QTextCursor::End);
        QTest::keyClick(pane.view(), Qt::Key_PageUp);
        QTest::keyClick(pane.view(), Qt::Key_PageUp);
    } else {
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    }
    QTRY_VERIFY(!pane.followTail());
    QCOMPARE(changed.count(), 1);
    const int held = bar->value();
    QVERIFY(held < bar->maximum());
    // New output arrives; the view stays where the user put it.
    pane.appendStdout(numberedLines(301, 400));
    pane.flush();
    QCOMPARE(bar->value(), held);
    QVERIFY(bar->value() < bar->maximum());

    if (back == u"toggle") {
        QTest::mouseClick(child<QToolButton>(pane, "followTailButton"), Qt::LeftButton);
    } else if (back == u"end key") {
        QTest::keyClick(pane.view(), Qt::Key_End, Qt::ControlModifier);
    } else {
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
    }
    QTRY_VERIFY(pane.followTail());
    QCOMPARE(bar->value(), bar->maximum());
    pane.appendStdout(numberedLines(401, 500));
    pane.flush();
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(shownLines(pane).last(), u"line 500"_s);
}

void TestLogPane::timestampsOnDemand()
{
    LogPane pane;
    pane.resize(600, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QTime before = QTime::currentTime().addMSecs(-1000);
    pane.appendStdout(u"first\nsecond\n10%\r"_s);
    pane.appendStdout(u"100%\n"_s);
    pane.flush();
    const QTime after = QTime::currentTime().addMSecs(1000);
    auto *gutter = pane.view()->findChild<QWidget *>(u"logTimestamps"_s);
    QVERIFY(gutter);
    auto *toggle = child<QToolButton>(pane, "timestampsButton");
    QVERIFY(toggle);

    // Off: no column, nothing added to what is copied or saved.
    QVERIFY(!pane.showTimestamps());
    QVERIFY(gutter->isHidden());
    QCOMPARE(pane.exportText(), pane.text());
    const int textLeft = pane.view()->viewport()->geometry().left();

    QSignalSpy changed(&pane, &LogPane::showTimestampsChanged);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(pane.showTimestamps());
    QCOMPARE(changed.count(), 1);
    QVERIFY(!gutter->isHidden());
    QVERIFY(pane.view()->viewport()->geometry().left() >= textLeft + gutter->width());
    for (int line = 0; line < 3; ++line) {
        const QTime time = pane.lineTime(line);
        QVERIFY2(time.isValid() && time >= before && time <= after, qPrintable(time.toString()));
    }
    QVERIFY(!pane.lineTime(3).isValid()); // the empty line after the last '\n' has not arrived yet
    QCOMPARE(pane.text(), u"first\nsecond\n100%\n"_s); // the text itself never changes
    const QStringList exported = pane.exportText().split(u'\n');
    QCOMPARE(exported.size(), 4);
    const QRegularExpression stamped(u"^\\d\\d:\\d\\d:\\d\\d  (first|second|100%)$"_s);
    for (int line = 0; line < 3; ++line)
        QVERIFY2(stamped.match(exported.at(line)).hasMatch(), qPrintable(exported.at(line)));
    QCOMPARE(exported.at(0).left(8), pane.lineTime(0).toString(u"HH:mm:ss"_s));

    pane.setShowTimestamps(false);
    QVERIFY(!toggle->isChecked());
    QVERIFY(gutter->isHidden());
    QCOMPARE(pane.view()->viewport()->geometry().left(), textLeft);
    QCOMPARE(pane.exportText(), pane.text());
}

void TestLogPane::boundsProgressAndLongLines_data()
{
    QTest::addColumn<int>("maximum");
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("updates"); // '\r' updates per line
    QTest::addColumn<int>("chunkLines"); // lines per append, flushed after each
    QTest::newRow("progress lines, one flush") << 100 << 5000 << 10 << 5000;
    QTest::newRow("progress lines, many flushes") << 100 << 5000 << 10 << 70;
    QTest::newRow("plain lines, many flushes") << 50 << 2000 << 0 << 33;
}

void TestLogPane::boundsProgressAndLongLines()
{
    QFETCH(int, maximum);
    QFETCH(int, lines);
    QFETCH(int, updates);
    QFETCH(int, chunkLines);
    LogPane pane;
    pane.setMaximumLines(maximum);
    QString chunk;
    for (int i = 1; i <= lines; ++i) {
        for (int u = 0; u < updates; ++u)
            chunk += u"\x1b[32mpkg %1\x1b[0m %2%\r"_s.arg(i).arg(u * 10);
        chunk += u"\x1b[32mpkg %1\x1b[0m done\n"_s.arg(i);
        if (i % chunkLines == 0 || i == lines) {
            pane.appendStdout(chunk);
            chunk.clear();
            if (chunkLines < lines)
                pane.flush();
        }
    }
    pane.flush();
    QVERIFY(pane.view()->document()->blockCount() <= maximum + 1);
    const QStringList shown = shownLines(pane);
    QCOMPARE(shown.last(), u"pkg %1 done"_s.arg(lines));
    const QStringList output = shown.filter(QRegularExpression(u"^pkg \\d+ done$"_s));
    QVERIFY(output.size() >= maximum - 2);
    // The tail is intact: the last lines, in order, each collapsed to its final state.
    for (qsizetype k = 0; k < output.size(); ++k)
        QCOMPARE(output.at(k), u"pkg %1 done"_s.arg(lines - output.size() + 1 + k));
    auto *note = child<QLabel>(pane, "logDroppedNote");
    QVERIFY(note);
    QCOMPARE(!note->isHidden(), pane.droppedLines() > 0);

    // A line that never ends is broken rather than grown without bound.
    LogPane endless;
    for (int i = 0; i < 300; ++i)
        endless.appendStdout(QString(1000, u'x'));
    endless.flush();
    for (QTextBlock block = endless.view()->document()->begin(); block.isValid(); block = block.next())
        QVERIFY(block.length() <= 64 * 1024 + 1);
    QCOMPARE(endless.text().size(), 300 * 1000 + 300 * 1000 / (64 * 1024));
}

void TestLogPane::newControlsAreNamed()
{
    LogPane pane;
    for (const char *name :
         {"followTailButton", "timestampsButton", "findButton", "copyLogButton", "saveLogButton",
          "clearLogButton", "logFindPrevious", "logFindNext", "logFindClose"}) {
        auto *button = child<QToolButton>(pane, name);
        QVERIFY2(button, name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
        QVERIFY2(!button->toolTip().isEmpty(), name);
    }
    QVERIFY(!child<QLineEdit>(pane, "logFindField")->accessibleName().isEmpty());
    QVERIFY(!child<QWidget>(pane, "logFindBar")->accessibleName().isEmpty());
    QVERIFY(!child<QLabel>(pane, "logFindCount")->accessibleName().isEmpty());
    QVERIFY(!pane.view()->accessibleName().isEmpty());
    pane.setSource(u"student@aha"_s);
    QVERIFY(child<QLabel>(pane, "sourceBadge")->accessibleName().contains(u"student@aha"_s));
}

void TestLogPane::screenshot()
{
    // Colours, a collapsed progress line, stderr, a note, timestamps and the find bar, as a person sees them.
    LogPane pane;
    pane.resize(820, 360);
    pane.setSource(u"student@aha"_s);
    pane.setStatus(u"Running…"_s, onramp::ui::Tone::Busy);
    pane.setShowTimestamps(true);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendNote(u"$ conda create -n torch python=3.11 pytorch"_s);
    pane.appendStdout(u"\x1b[1mCollecting package metadata (repodata.json):\x1b[0m done\n"_s);
    pane.appendStdout(u"\x1b[1mSolving environment:\x1b[0m \x1b[32mdone\x1b[0m\n"_s);
    pane.appendStdout(u"\x1b]0;conda create\x07\x1b[?2004l\n\x1b[1;34m## Package Plan ##\x1b[0m\n"_s);
    pane.appendStdout(u"  environment location: /home/student/miniconda3/envs/torch\n\n"_s);
    for (int percent = 0; percent <= 100; percent += 10)
        pane.appendStdout(u"pytorch-2.1.0        | 1.4 GB    | %1 | %2%\r"_s.arg(
            QString(percent / 10, u'#').leftJustified(10), QString::number(percent).rightJustified(3)));
    pane.appendStdout(u"\n"_s);
    pane.appendStdout(u"numpy-1.26.0         | 6.8 MB    | ########## | 100%\n"_s);
    pane.appendStderr(u"\x1b[33mwarning\x1b[0m: libmamba Could not parse mod/etag header\n"_s);
    pane.appendStdout(u"\x1b[38;5;208mPreparing transaction:\x1b[0m \x1b[92mdone\x1b[0m\n"_s);
    pane.appendStdout(u"\x1b[38;2;120;90;200mVerifying transaction:\x1b[0m done\n"_s);
    pane.appendStdout(u"\x1b[7m reverse \x1b[0m \x1b[4munderlined\x1b[0m \x1b[3mitalic\x1b[0m\n"_s);
    pane.flush();
    pane.setFindText(u"done"_s);
    pane.findNext();
    QCOMPARE(pane.matchCount(), 4);
    QVERIFY(pane.text().contains(u"pytorch-2.1.0        | 1.4 GB    | ########## | 100%\n"_s));
    QVERIFY(!pane.text().contains(u" 90%"_s));
    const QImage image = pane.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(onramp::testing::saveInBothLanguages(&pane, u"logpane"_s));
}

QTEST_MAIN(TestLogPane)
#include "tst_logpane.moc"
