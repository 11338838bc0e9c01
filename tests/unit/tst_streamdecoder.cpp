#include "core/streamdecoder.h"

#include <QTest>

using onramp::LineSplitter;
using onramp::StreamDecoder;

class TestStreamDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everySplitPointDecodesTheSame_data();
    void everySplitPointDecodesTheSame();
    void byteAtATime();
    void invalidBytesAreShownNotDropped();
    void truncatedSequenceAtEnd();
    void lines_data();
    void lines();
};

void TestStreamDecoder::everySplitPointDecodesTheSame_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << u"hello world\n"_qs;
    QTest::newRow("chinese") << u"正在下载软件包 cola 环境\n"_qs;
    QTest::newRow("emoji (4 bytes)") << u"done ✅ 🚀 ok"_qs;
    QTest::newRow("box drawing") << u"└─ pytorch ├─ cuda"_qs;
}

// A chunk boundary may fall inside any character: the text must come out whole either way.
void TestStreamDecoder::everySplitPointDecodesTheSame()
{
    QFETCH(QString, text);
    const QByteArray bytes = text.toUtf8();
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        StreamDecoder d;
        QString out = d.decode(QByteArrayView(bytes).first(cut));
        out += d.decode(QByteArrayView(bytes).sliced(cut));
        out += d.finish();
        QCOMPARE(out, text);
    }
}

void TestStreamDecoder::byteAtATime()
{
    const QString text = u"(base) student@eureka:~$ 环境 🚀"_qs;
    const QByteArray bytes = text.toUtf8();
    StreamDecoder d;
    QString out;
    for (char c : bytes) {
        const QString piece = d.decode(QByteArrayView(&c, 1));
        QVERIFY(!piece.contains(QChar::ReplacementCharacter));
        out += piece;
    }
    out += d.finish();
    QCOMPARE(out, text);
}

void TestStreamDecoder::invalidBytesAreShownNotDropped()
{
    StreamDecoder d;
    const QString out = d.decode(QByteArray("a\xff"
                                            "b"))
        + d.finish();
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(0), QLatin1Char('a'));
    QCOMPARE(out.at(1), QChar(QChar::ReplacementCharacter));
    QCOMPARE(out.at(2), QLatin1Char('b'));
}

void TestStreamDecoder::truncatedSequenceAtEnd()
{
    StreamDecoder d;
    const QByteArray euro = QString(u"€"_qs).toUtf8();
    QCOMPARE(d.decode(QByteArray(QByteArray("x") + euro.first(2))), u"x"_qs);
    QVERIFY(d.hasPendingBytes());
    const QString rest = d.finish();
    QVERIFY(rest.contains(QChar::ReplacementCharacter));
    QVERIFY(!d.hasPendingBytes());
}

void TestStreamDecoder::lines_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one chunk") << QStringList {u"a\nb\n"_qs} << QStringList {u"a"_qs, u"b"_qs};
    QTest::newRow("split line") << QStringList {u"he"_qs, u"llo\nwor"_qs, u"ld"_qs}
                                << QStringList {u"hello"_qs, u"world"_qs};
    QTest::newRow("empty lines") << QStringList {u"\n\n"_qs} << QStringList {QString(), QString()};
    QTest::newRow("no newline") << QStringList {u"partial"_qs} << QStringList {u"partial"_qs};
}

void TestStreamDecoder::lines()
{
    QFETCH(QStringList, chunks);
    QFETCH(QStringList, expected);
    LineSplitter s;
    QStringList out;
    for (const QString &c : chunks)
        out << s.push(c);
    const QString rest = s.finish();
    if (!rest.isEmpty())
        out << rest;
    QCOMPARE(out, expected);
}

QTEST_GUILESS_MAIN(TestStreamDecoder)
#include "tst_streamdecoder.moc"
