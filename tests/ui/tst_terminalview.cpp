// TerminalView and TerminalPane against a fake RemoteTerminal: real byte sequences in, what a
// person would see out (text, colours, wide characters, cursor, scrollback), and keys, pastes and
// input-method text turned into the bytes a program on a pseudo-terminal expects.
#include "ui/terminal/terminalpane.h"
#include "ui/terminal/terminalview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFrame>
#include <QInputMethodEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using onramp::remote::ProcessResult;
using onramp::remote::RemoteTerminal;
using onramp::ui::TerminalCell;
using onramp::ui::TerminalPane;
using onramp::ui::TerminalView;

namespace {
// Records what the view sends; print() plays the remote program.
class FakeTerminal : public RemoteTerminal {
    Q_OBJECT
public:
    using RemoteTerminal::RemoteTerminal;
    bool isOpen() const override { return m_open; }
    void write(const QByteArray &bytes) override { written += bytes; }
    void resize(int columns, int rows) override { resizes << QSize(columns, rows); }
    void close() override
    {
        m_open = false;
        Q_EMIT closed(ProcessResult {});
    }
    void print(const QByteArray &bytes) { Q_EMIT output(bytes); }
    void end(const ProcessResult &result)
    {
        m_open = false;
        Q_EMIT closed(result);
    }

    QByteArray written;
    QList<QSize> resizes;

private:
    bool m_open = true;
};

// A shown view bound to a fake terminal, big enough for every row's text.
struct Fixture {
    FakeTerminal terminal;
    TerminalView view;
    Fixture()
    {
        view.resize(900, 480);
        view.setTerminal(&terminal);
        view.show();
        view.setFocus();
    }
};

QPoint cellCentre(const TerminalView &view, int column, int row)
{
    const QSizeF cell = view.cellSize();
    return QPoint(int((column + 0.5) * cell.width()), int((row + 0.5) * cell.height()));
}
} // namespace

class TestTerminalView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void screenContents_data();
    void screenContents();
    void wideCharactersTakeTwoCells();
    void colours_data();
    void colours();
    void alternateScreenRestoresTheMainOne();
    void scrollbackKeepsWhatScrolledOff();
    void scrolledBackViewStaysPutUntilInput();
    void resizeTellsTheTerminal();
    void keys_data();
    void keys();
    void typedTextAndInputMethod();
    void paste_data();
    void paste();
    void selectsAndCopies();
    void answersQueries();
    void endedTerminalTakesNoInput_data();
    void endedTerminalTakesNoInput();
    void repaintsInBatches();
    void paintsColoursAndChinese_data();
    void paintsColoursAndChinese();
    void zoomChangesTheGrid();
    void paneOffersToOpenATerminal();
};

void TestTerminalView::cleanup()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

void TestTerminalView::screenContents_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QPoint>("cursor");

    QTest::newRow("plain text") << QByteArrayList {"hello"} << QStringList {QStringLiteral("hello")}
                                << QPoint(5, 0);
    QTest::newRow("CRLF") << QByteArrayList {"one\r\ntwo"}
                          << QStringList {QStringLiteral("one"), QStringLiteral("two")} << QPoint(3, 1);
    // Without a CR the cursor keeps its column: the remote pty's onlcr normally adds it.
    QTest::newRow("bare LF") << QByteArrayList {"one\ntwo"}
                             << QStringList {QStringLiteral("one"), QStringLiteral("   two")} << QPoint(6, 1);
    QTest::newRow("progress bar overwrites in place")
        << QByteArrayList {"10%\r", "50%\r", "100%"} << QStringList {QStringLiteral("100%")} << QPoint(4, 0);
    QTest::newRow("pip-style progress with erase") << QByteArrayList {"Downloading torch 45%\r\x1b[K", "Done"}
                                                   << QStringList {QStringLiteral("Done")} << QPoint(4, 0);
    QTest::newRow("cursor left and erase to end")
        << QByteArrayList {"abc\x1b[D\x1b[K"} << QStringList {QStringLiteral("ab")} << QPoint(2, 0);
    QTest::newRow("clear screen and home") << QByteArrayList {"junk\r\nmore junk\x1b[2J\x1b[Hnew"}
                                           << QStringList {QStringLiteral("new"), QString()} << QPoint(3, 0);
    QTest::newRow("Chinese") << QByteArrayList {"\xe4\xb8\xad\xe6\x96\x87ok"}
                             << QStringList {QStringLiteral("中文ok")} << QPoint(6, 0);
    QTest::newRow("UTF-8 split across chunks")
        << QByteArrayList {"\xe4\xb8", "\xad!"} << QStringList {QStringLiteral("中!")} << QPoint(3, 0);
    QTest::newRow("escape split across chunks")
        << QByteArrayList {"a\x1b[3", "1mb"} << QStringList {QStringLiteral("ab")} << QPoint(2, 0);
    QTest::newRow("prompt keeps its trailing space")
        << QByteArrayList {"student@aha:~$ "} << QStringList {QStringLiteral("student@aha:~$ ")}
        << QPoint(15, 0);
    QTest::newRow("prompt changes after conda activate")
        << QByteArrayList {"student@aha:~$ ", "conda activate base\r\n", "(base) student@vm:~$ "}
        << QStringList {QStringLiteral("student@aha:~$ conda activate base"),
                        QStringLiteral("(base) student@vm:~$ ")}
        << QPoint(21, 1);
}

void TestTerminalView::screenContents()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, lines);
    QFETCH(QPoint, cursor);

    Fixture f;
    for (const QByteArray &chunk : chunks)
        f.terminal.print(chunk);
    for (int row = 0; row < lines.size(); ++row)
        QCOMPARE(f.view.lineText(row), lines.at(row));
    QCOMPARE(f.view.cursorPosition(), cursor);
}

void TestTerminalView::wideCharactersTakeTwoCells()
{
    Fixture f;
    f.terminal.print("\xe4\xb8\xad"
                     "a\xe6\x96\x87"); // 中a文
    QCOMPARE(f.view.cellAt(0, 0).text, QStringLiteral("中"));
    QCOMPARE(f.view.cellAt(0, 0).width, 2);
    QCOMPARE(f.view.cellAt(0, 1).width, 0); // the right half of 中
    QCOMPARE(f.view.cellAt(0, 2).text, QStringLiteral("a"));
    QCOMPARE(f.view.cellAt(0, 3).text, QStringLiteral("文"));
    QCOMPARE(f.view.cursorPosition(), QPoint(5, 0));

    // A selection that starts on the right half of a wide character takes all of it.
    f.view.select(QPoint(1, 0), QPoint(3, 0));
    QCOMPARE(f.view.selectedText(), QStringLiteral("中a文"));
}

void TestTerminalView::colours_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QColor>("foreground"); // invalid: the default
    QTest::addColumn<int>("foregroundIndex"); // >= 0: this palette entry instead
    QTest::addColumn<QColor>("background");
    QTest::addColumn<int>("backgroundIndex");
    QTest::addColumn<QString>("attributes"); // b(old) i(talic) u(nderline) r(everse) s(trike)

    QTest::newRow("plain") << QByteArray("X") << QColor() << -1 << QColor() << -1 << QString();
    QTest::newRow("ANSI red") << QByteArray("\x1b[31mX") << QColor() << 1 << QColor() << -1 << QString();
    QTest::newRow("bright green background")
        << QByteArray("\x1b[102mX") << QColor() << -1 << QColor() << 10 << QString();
    QTest::newRow("256 colours: cube red")
        << QByteArray("\x1b[38;5;196mX") << QColor(255, 0, 0) << -1 << QColor() << -1 << QString();
    // libvterm's grey ramp runs from black to white in 24 steps (xterm's stops short of both).
    QTest::newRow("256 colours: grey ramp")
        << QByteArray("\x1b[48;5;244mX") << QColor() << -1 << QColor(0x85, 0x85, 0x85) << -1 << QString();
    QTest::newRow("truecolor") << QByteArray("\x1b[38;2;10;20;30;48;2;200;100;50mX") << QColor(10, 20, 30)
                               << -1 << QColor(200, 100, 50) << -1 << QString();
    QTest::newRow("bold italic underline")
        << QByteArray("\x1b[1;3;4mX") << QColor() << -1 << QColor() << -1 << QStringLiteral("biu");
    QTest::newRow("reverse and strike")
        << QByteArray("\x1b[7;9mX") << QColor() << -1 << QColor() << -1 << QStringLiteral("rs");
    QTest::newRow("reset") << QByteArray("\x1b[1;31;44m\x1b[0mX") << QColor() << -1 << QColor() << -1
                           << QString();
    QTest::newRow("default foreground again")
        << QByteArray("\x1b[32;41m\x1b[39mX") << QColor() << -1 << QColor() << 1 << QString();
}

void TestTerminalView::colours()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QColor, foreground);
    QFETCH(int, foregroundIndex);
    QFETCH(QColor, background);
    QFETCH(int, backgroundIndex);
    QFETCH(QString, attributes);

    Fixture f;
    f.terminal.print(bytes);
    if (foregroundIndex >= 0)
        foreground = f.view.screen()->paletteColor(foregroundIndex);
    if (backgroundIndex >= 0)
        background = f.view.screen()->paletteColor(backgroundIndex);
    const TerminalCell cell = f.view.cellAt(0, 0);
    QCOMPARE(cell.text, QStringLiteral("X"));
    QCOMPARE(cell.foreground, foreground);
    QCOMPARE(cell.background, background);
    QCOMPARE(cell.bold, attributes.contains(QLatin1Char('b')));
    QCOMPARE(cell.italic, attributes.contains(QLatin1Char('i')));
    QCOMPARE(cell.underline, attributes.contains(QLatin1Char('u')));
    QCOMPARE(cell.reverse, attributes.contains(QLatin1Char('r')));
    QCOMPARE(cell.strike, attributes.contains(QLatin1Char('s')));
}

void TestTerminalView::alternateScreenRestoresTheMainOne()
{
    Fixture f;
    f.terminal.print("student@aha:~$ top\r\n");
    const int scrollbackBefore = f.view.screen()->scrollbackLines();

    f.terminal.print("\x1b[?1049h\x1b[H\x1b[2J");
    QVERIFY(f.view.screen()->isAltScreen());
    QCOMPARE(f.view.lineText(0), QString());
    // A full-screen program redrawing (and scrolling) many times must not fill the scrollback.
    for (int i = 0; i < 300; ++i)
        f.terminal.print(QByteArray("top - load ") + QByteArray::number(i) + "\r\n");
    QCOMPARE(f.view.screen()->scrollbackLines(), scrollbackBefore);
    QTRY_COMPARE(f.view.verticalScrollBar()->maximum(), 0);

    f.terminal.print("\x1b[?1049l");
    QVERIFY(!f.view.screen()->isAltScreen());
    QCOMPARE(f.view.lineText(0), QStringLiteral("student@aha:~$ top"));
    QCOMPARE(f.view.cursorPosition(), QPoint(0, 1));
    QCOMPARE(f.view.screen()->scrollbackLines(), scrollbackBefore);
}

void TestTerminalView::scrollbackKeepsWhatScrolledOff()
{
    Fixture f;
    const int rows = f.view.rows();
    QByteArray bytes;
    for (int i = 1; i <= 200; ++i)
        bytes += "line " + QByteArray::number(i) + "\r\n";
    f.terminal.print(bytes);

    // The cursor sits on the empty last row; the rows above show the newest lines.
    const int kept = 200 - (rows - 1);
    QCOMPARE(f.view.screen()->scrollbackLines(), kept);
    QCOMPARE(f.view.lineText(rows - 2), QStringLiteral("line 200"));
    QCOMPARE(f.view.lineText(-1), QStringLiteral("line %1").arg(kept));
    QCOMPARE(f.view.lineText(-kept), QStringLiteral("line 1"));
    QTRY_COMPARE(f.view.verticalScrollBar()->maximum(), kept);
    QCOMPARE(f.view.scrolledBack(), 0);

    // A selection reaches into the scrollback.
    f.view.select(QPoint(0, -kept), QPoint(5, -kept + 1));
    QCOMPARE(f.view.selectedText(), QStringLiteral("line 1\nline 2"));

    // Bounded: the oldest lines go first.
    f.view.screen()->setMaximumScrollback(100);
    QCOMPARE(f.view.screen()->scrollbackLines(), 100);
    QCOMPARE(f.view.lineText(-100), QStringLiteral("line %1").arg(kept - 99));

    f.view.clearScrollback();
    QCOMPARE(f.view.screen()->scrollbackLines(), 0);
    QCOMPARE(f.view.lineText(rows - 2), QStringLiteral("line 200"));
}

void TestTerminalView::scrolledBackViewStaysPutUntilInput()
{
    Fixture f;
    QByteArray bytes;
    for (int i = 1; i <= 100; ++i)
        bytes += "line " + QByteArray::number(i) + "\r\n";
    f.terminal.print(bytes);
    QTRY_VERIFY(f.view.verticalScrollBar()->maximum() > 0);

    QTest::keyClick(&f.view, Qt::Key_PageUp, Qt::ShiftModifier);
    QCOMPARE(f.view.scrolledBack(), f.view.rows() - 1);
    QVERIFY(f.terminal.written.isEmpty()); // scrolling is the view's, not the program's

    // New output arrives: the text in view stays where it is.
    const int before = f.view.scrolledBack();
    f.terminal.print("more 1\r\nmore 2\r\n");
    QTRY_COMPARE(f.view.scrolledBack(), before + 2);

    // Typing snaps back to the bottom.
    QTest::keyClick(&f.view, Qt::Key_L);
    QCOMPARE(f.view.scrolledBack(), 0);
    QCOMPARE(f.terminal.written, QByteArray("l"));
}

void TestTerminalView::resizeTellsTheTerminal()
{
    Fixture f;
    // Bound before it was shown: first the terminal's size at that time, then the view's own.
    QTRY_VERIFY(!f.terminal.resizes.isEmpty());
    QTRY_COMPARE(f.terminal.resizes.last(), QSize(f.view.columns(), f.view.rows()));

    const QSize before(f.view.columns(), f.view.rows());
    f.view.resize(1200, 700);
    QVERIFY(f.view.columns() > before.width());
    QVERIFY(f.view.rows() > before.height());
    QTRY_COMPARE(f.terminal.resizes.last(), QSize(f.view.columns(), f.view.rows()));

    // A window drag is one resize for the remote side, not one per pixel.
    const qsizetype count = f.terminal.resizes.size();
    for (int width = 600; width > 500; width -= 10)
        f.view.resize(width, 300);
    QTRY_COMPARE(f.terminal.resizes.last(), QSize(f.view.columns(), f.view.rows()));
    QCOMPARE(f.terminal.resizes.size(), count + 1);
}

void TestTerminalView::keys_data()
{
    QTest::addColumn<QByteArray>("setup"); // modes the program set first
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QByteArray>("expected");

    const int none = Qt::NoModifier;
    const int ctrl = Qt::ControlModifier;
    QTest::newRow("a") << QByteArray() << int(Qt::Key_A) << none << QByteArray("a");
    QTest::newRow("Up") << QByteArray() << int(Qt::Key_Up) << none << QByteArray("\x1b[A");
    QTest::newRow("Down") << QByteArray() << int(Qt::Key_Down) << none << QByteArray("\x1b[B");
    QTest::newRow("Right") << QByteArray() << int(Qt::Key_Right) << none << QByteArray("\x1b[C");
    QTest::newRow("Left") << QByteArray() << int(Qt::Key_Left) << none << QByteArray("\x1b[D");
    QTest::newRow("Up, application cursor keys (vim, less)")
        << QByteArray("\x1b[?1h") << int(Qt::Key_Up) << none << QByteArray("\x1bOA");
    QTest::newRow("Ctrl+Left") << QByteArray() << int(Qt::Key_Left) << ctrl << QByteArray("\x1b[1;5D");
    QTest::newRow("Home") << QByteArray() << int(Qt::Key_Home) << none << QByteArray("\x1b[H");
    QTest::newRow("End") << QByteArray() << int(Qt::Key_End) << none << QByteArray("\x1b[F");
    QTest::newRow("PgUp") << QByteArray() << int(Qt::Key_PageUp) << none << QByteArray("\x1b[5~");
    QTest::newRow("PgDn") << QByteArray() << int(Qt::Key_PageDown) << none << QByteArray("\x1b[6~");
    QTest::newRow("Delete") << QByteArray() << int(Qt::Key_Delete) << none << QByteArray("\x1b[3~");
    QTest::newRow("F1") << QByteArray() << int(Qt::Key_F1) << none << QByteArray("\x1bOP");
    QTest::newRow("F5") << QByteArray() << int(Qt::Key_F5) << none << QByteArray("\x1b[15~");
    QTest::newRow("F10 (htop quits)") << QByteArray() << int(Qt::Key_F10) << none << QByteArray("\x1b[21~");
    QTest::newRow("F12") << QByteArray() << int(Qt::Key_F12) << none << QByteArray("\x1b[24~");
    QTest::newRow("Tab") << QByteArray() << int(Qt::Key_Tab) << none << QByteArray("\t");
    QTest::newRow("Shift+Tab") << QByteArray() << int(Qt::Key_Backtab) << int(Qt::ShiftModifier)
                               << QByteArray("\x1b[Z");
    QTest::newRow("Backspace") << QByteArray() << int(Qt::Key_Backspace) << none << QByteArray("\x7f");
    QTest::newRow("Enter") << QByteArray() << int(Qt::Key_Return) << none << QByteArray("\r");
    QTest::newRow("Shift+Enter is Enter")
        << QByteArray() << int(Qt::Key_Return) << int(Qt::ShiftModifier) << QByteArray("\r");
    QTest::newRow("keypad Enter") << QByteArray() << int(Qt::Key_Enter) << int(Qt::KeypadModifier)
                                  << QByteArray("\r");
    QTest::newRow("Esc") << QByteArray() << int(Qt::Key_Escape) << none << QByteArray("\x1b");
    QTest::newRow("Ctrl+C") << QByteArray() << int(Qt::Key_C) << ctrl << QByteArray("\x03");
    QTest::newRow("Ctrl+D") << QByteArray() << int(Qt::Key_D) << ctrl << QByteArray("\x04");
    QTest::newRow("Ctrl+Z") << QByteArray() << int(Qt::Key_Z) << ctrl << QByteArray("\x1a");
    QTest::newRow("Ctrl+R") << QByteArray() << int(Qt::Key_R) << ctrl << QByteArray("\x12");
    QTest::newRow("Ctrl+M is CR, not CSI u") << QByteArray() << int(Qt::Key_M) << ctrl << QByteArray("\r");
    QTest::newRow("Ctrl+[ is Esc") << QByteArray() << int(Qt::Key_BracketLeft) << ctrl << QByteArray("\x1b");
    QTest::newRow("Alt+b (readline word back)") << QByteArray() << int(Qt::Key_B) << int(Qt::AltModifier)
                                                << QByteArray("\x1b"
                                                              "b");
    QTest::newRow("Ctrl+Shift+C copies, sends nothing")
        << QByteArray() << int(Qt::Key_C) << int(Qt::ControlModifier | Qt::ShiftModifier) << QByteArray();
    QTest::newRow("Ctrl+= zooms, sends nothing")
        << QByteArray() << int(Qt::Key_Equal) << ctrl << QByteArray();
}

void TestTerminalView::keys()
{
    QFETCH(QByteArray, setup);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(QByteArray, expected);

    Fixture f;
    f.terminal.print(setup);
    QTest::keyClick(&f.view, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(f.terminal.written, expected);
}

void TestTerminalView::typedTextAndInputMethod()
{
    Fixture f;
    QTest::keyClicks(&f.view, QStringLiteral("ls -la"));
    QCOMPARE(f.terminal.written, QByteArray("ls -la"));

    // Chinese through an input method: the composition is shown, only the commit is sent.
    f.terminal.written.clear();
    QInputMethodEvent composing(QStringLiteral("nihao"), {});
    QApplication::sendEvent(&f.view, &composing);
    QVERIFY(f.terminal.written.isEmpty());
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("你好"));
    QApplication::sendEvent(&f.view, &commit);
    QCOMPARE(f.terminal.written, QStringLiteral("你好").toUtf8());
    QVERIFY(f.view.testAttribute(Qt::WA_InputMethodEnabled));
    QCOMPARE(f.view.inputMethodQuery(Qt::ImEnabled).toBool(), true);
}

void TestTerminalView::paste_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray() << QStringLiteral("ls\n") << QByteArray("ls\r");
    QTest::newRow("CRLF lines") << QByteArray() << QStringLiteral("a\r\nb") << QByteArray("a\rb");
    QTest::newRow("Chinese") << QByteArray() << QStringLiteral("echo 你好")
                             << QStringLiteral("echo 你好").toUtf8();
    QTest::newRow("bracketed paste when the shell asked for it")
        << QByteArray("\x1b[?2004h") << QStringLiteral("ls\nwho") << QByteArray("\x1b[200~ls\rwho\x1b[201~");
    QTest::newRow("an ESC in the clipboard cannot end the bracket")
        << QByteArray("\x1b[?2004h") << QStringLiteral("a\x1b[201~rm")
        << QByteArray("\x1b[200~a[201~rm\x1b[201~");
    QTest::newRow("bracketed paste turned off again")
        << QByteArray("\x1b[?2004h\x1b[?2004l") << QStringLiteral("x") << QByteArray("x");
}

void TestTerminalView::paste()
{
    QFETCH(QByteArray, setup);
    QFETCH(QString, clipboard);
    QFETCH(QByteArray, expected);

    Fixture f;
    f.terminal.print(setup);
    QGuiApplication::clipboard()->setText(clipboard);
    QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.terminal.written, expected);
}

void TestTerminalView::selectsAndCopies()
{
    Fixture f;
    f.terminal.print("hello world\r\nsecond line   \r\n");
    QSignalSpy selectionSpy(&f.view, &TerminalView::selectionChanged);

    // Drag with the mouse from "world" to "second".
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, cellCentre(f.view, 6, 0));
    QTest::mouseMove(f.view.viewport(), cellCentre(f.view, 5, 1));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, cellCentre(f.view, 5, 1));
    QVERIFY(f.view.hasSelection());
    QCOMPARE(selectionSpy.count(), 1);
    QCOMPARE(f.view.selectedText(), QStringLiteral("world\nsecond"));

    QTest::keyClick(&f.view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("world\nsecond"));
    QVERIFY(f.terminal.written.isEmpty());

    // Trailing blanks are not copied; a double click takes a word.
    f.view.select(QPoint(0, 1), QPoint(f.view.columns() - 1, 1));
    QCOMPARE(f.view.selectedText(), QStringLiteral("second line"));
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, cellCentre(f.view, 2, 0));
    QCOMPARE(f.view.selectedText(), QStringLiteral("hello"));
}

void TestTerminalView::answersQueries()
{
    Fixture f;
    f.terminal.print("abc\x1b[6n"); // where is the cursor? (readline and vim ask)
    QCOMPARE(f.terminal.written, QByteArray("\x1b[1;4R"));
}

void TestTerminalView::endedTerminalTakesNoInput_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("signal");
    QTest::addColumn<QString>("notice");

    QTest::newRow("exit 0") << QByteArray("student@aha:~$ exit\r\nlogout\r\n") << 0 << QString()
                            << QStringLiteral("[process ended: exit 0]");
    QTest::newRow("exit 130 mid-line")
        << QByteArray("partial") << 130 << QString() << QStringLiteral("[process ended: exit 130]");
    QTest::newRow("hung up while in vim") << QByteArray("\x1b[?1049h\x1b[Hvim") << -1 << QStringLiteral("HUP")
                                          << QStringLiteral("[process ended: signal HUP]");
}

void TestTerminalView::endedTerminalTakesNoInput()
{
    QFETCH(QByteArray, before);
    QFETCH(int, exitCode);
    QFETCH(QString, signal);
    QFETCH(QString, notice);

    Fixture f;
    QSignalSpy endedSpy(&f.view, &TerminalView::ended);
    f.terminal.print(before);
    ProcessResult result;
    result.exitCode = exitCode;
    result.exitSignal = signal;
    f.terminal.end(result);
    QCOMPARE(endedSpy.count(), 1);
    QVERIFY(!f.view.acceptsInput());
    QVERIFY(!f.view.screen()->isAltScreen());

    QStringList shown;
    for (int row = 0; row < f.view.rows(); ++row)
        shown << f.view.lineText(row);
    QVERIFY2(shown.contains(notice), qPrintable(shown.join(QLatin1Char('|'))));

    QTest::keyClick(&f.view, Qt::Key_A);
    QTest::keyClick(&f.view, Qt::Key_C, Qt::ControlModifier);
    QGuiApplication::clipboard()->setText(QStringLiteral("ls\n"));
    QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("你好"));
    QApplication::sendEvent(&f.view, &commit);
    QVERIFY(f.terminal.written.isEmpty());
}

void TestTerminalView::repaintsInBatches()
{
    Fixture f;
    QTRY_VERIFY(f.view.repaintBatches() > 0);
    const int before = f.view.repaintBatches();
    // 2,000 single-byte chunks, as a slow link delivers them, all before the event loop runs.
    const QByteArray text = QByteArray("0123456789").repeated(200);
    for (char c : text)
        f.terminal.print(QByteArray(1, c));
    QTRY_COMPARE(f.view.repaintBatches(), before + 1);
    QCOMPARE(f.view.lineText(0).left(10), QStringLiteral("0123456789"));
}

void TestTerminalView::paintsColoursAndChinese_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestTerminalView::paintsColoursAndChinese()
{
    QFETCH(bool, dark);
    Fixture f;
    if (dark) {
        QPalette palette = f.view.palette();
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        f.view.setPalette(palette);
    }
    f.terminal.print(
        "\x1b[41m    \x1b[0m \x1b[34mblue\x1b[0m \x1b[1;32mOK\x1b[0m \x1b[38;5;208mwarn\x1b[0m "
        "\x1b[38;2;80;160;255mtruecolor\x1b[0m \x1b[7mreverse\x1b[0m \x1b[4munderline\x1b[0m\r\n");
    f.terminal.print("\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96\xe7\x95\x8c | "
                     "\xe4\xb8\xad\xe6\x96\x87\xe8\xbe\x93\xe5\x85\xa5 ok\r\n"); // 你好，世界 | 中文输入 ok
    f.terminal.print("(base) student@vm:~$ srun --pty bash -i");
    QApplication::setActiveWindow(&f.view);
    QTRY_VERIFY(f.view.hasFocus()); // a focused view draws a solid block cursor
    QTRY_VERIFY(f.view.repaintBatches() > 0);

    const QImage image = f.view.viewport()->grab().toImage();
    if (const QByteArray dir = qgetenv("ONRAMP_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(image.save(
            QDir(QString::fromLocal8Bit(dir))
                .filePath(
                    QStringLiteral("terminalview-%1.png").arg(QLatin1String(QTest::currentDataTag())))));

    // The red background fills its cells.
    const QColor red = f.view.screen()->paletteColor(1);
    QCOMPARE(image.pixelColor(cellCentre(f.view, 1, 0)).rgb(), red.rgb());
    // Each wide character draws ink across its two cells, not only in the first.
    const QColor base = f.view.palette().color(QPalette::Base);
    const QSizeF cell = f.view.cellSize();
    for (int column : {0, 2, 4, 6}) {
        int ink = 0;
        for (int x = int(column * cell.width()); x < int((column + 2) * cell.width()); ++x) {
            for (int y = int(cell.height()); y < int(2 * cell.height()); ++y)
                ink += image.pixelColor(x, y).rgb() != base.rgb();
        }
        QVERIFY2(ink > 10, qPrintable(QStringLiteral("column %1: %2 pixels").arg(column).arg(ink)));
    }
    // The cursor (a block at the end of the prompt) is painted in the text colour.
    const QPoint cursor = f.view.cursorPosition();
    QCOMPARE(cursor, QPoint(39, 2));
    QCOMPARE(image.pixelColor(cellCentre(f.view, cursor.x(), cursor.y())).rgb(),
             f.view.palette().color(QPalette::Text).rgb());
}

void TestTerminalView::zoomChangesTheGrid()
{
    Fixture f;
    QTRY_VERIFY(!f.terminal.resizes.isEmpty());
    const QSizeF cell = f.view.cellSize();
    const int columns = f.view.columns();
    QTest::keyClick(&f.view, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&f.view, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(f.view.zoomSteps(), 2);
    QVERIFY(f.view.cellSize().height() > cell.height());
    QVERIFY(f.view.columns() < columns);
    QTRY_COMPARE(f.terminal.resizes.last(), QSize(f.view.columns(), f.view.rows()));
    QTest::keyClick(&f.view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(f.view.zoomSteps(), 0);
    QCOMPARE(f.view.cellSize(), cell);
    QVERIFY(f.terminal.written.isEmpty());
}

void TestTerminalView::paneOffersToOpenATerminal()
{
    TerminalPane pane;
    pane.resize(900, 500);
    pane.show();
    auto *startPanel = pane.findChild<QFrame *>(QStringLiteral("terminalStartPanel"));
    auto *open = pane.findChild<QPushButton *>(QStringLiteral("openTerminalButton"));
    QVERIFY(startPanel && open);
    for (const char *name : {"terminalZoomInButton", "terminalZoomOutButton", "terminalCopyButton",
                             "terminalPasteButton", "terminalClearButton"}) {
        auto *button = pane.findChild<QToolButton *>(QString::fromLatin1(name));
        QVERIFY2(button, name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    QVERIFY(startPanel->isVisible());
    QVERIFY(!pane.view()->acceptsInput());

    QSignalSpy openSpy(&pane, &TerminalPane::openRequested);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(openSpy.count(), 1);

    FakeTerminal terminal;
    pane.setTerminal(&terminal);
    QVERIFY(!startPanel->isVisible());
    terminal.print("hi");
    QCOMPARE(pane.view()->lineText(0), QStringLiteral("hi"));

    auto *zoomIn = pane.findChild<QToolButton *>(QStringLiteral("terminalZoomInButton"));
    QTest::mouseClick(zoomIn, Qt::LeftButton);
    QCOMPARE(pane.view()->zoomSteps(), 1);

    terminal.end(ProcessResult {0, {}, {}});
    QVERIFY(startPanel->isVisible()); // a new one is a click away
    QCOMPARE(pane.view()->lineText(0), QStringLiteral("hi"));
    pane.setTerminal(nullptr);
    QCOMPARE(pane.terminal(), nullptr);
}

QTEST_MAIN(TestTerminalView)
#include "tst_terminalview.moc"
