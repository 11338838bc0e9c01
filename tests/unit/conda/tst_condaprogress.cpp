#include "cluster/conda/condaprogress.h"
#include "condafixtures.h"
#include "core/streamdecoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace onramp::cluster;
namespace fx = condafixtures;

Q_DECLARE_METATYPE(CondaPhase)

namespace {
CondaPlan planFrom(const QString &source, const QString &output)
{
    if (source.isEmpty())
        return {};
    const auto r = parsePlan(source == u"self" ? output : fx::output(source));
    return r.ok() ? r.value() : CondaPlan {};
}

CondaProgress feedWhole(const CondaPlan &plan, const QString &text)
{
    CondaProgressTracker t(plan);
    t.feed(text);
    t.finish();
    return t.progress();
}

// The bytes as they come from SSH: one at a time, through the stateful UTF-8 decoder.
CondaProgress feedBytewise(const CondaPlan &plan, const QByteArray &bytes)
{
    CondaProgressTracker t(plan);
    onramp::StreamDecoder decoder;
    for (char c : bytes)
        t.feed(decoder.decode(QByteArrayView(&c, 1)));
    t.feed(decoder.finish());
    t.finish();
    return t.progress();
}

CondaProgress feedChunks(const CondaPlan &plan, const QByteArray &bytes, quint32 seed)
{
    QRandomGenerator rng(seed);
    CondaProgressTracker t(plan);
    onramp::StreamDecoder decoder;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - pos, 1 + rng.bounded(300));
        t.feed(decoder.decode(QByteArrayView(bytes.constData() + pos, n)));
        pos += n;
    }
    t.feed(decoder.finish());
    t.finish();
    return t.progress();
}

QByteArray outputBytes(const QString &name)
{
    QByteArray out = fx::bytes(name + u".txt"_qs);
    if (fx::exists(name + u".stderr.txt"_qs))
        out += fx::bytes(name + u".stderr.txt"_qs);
    return out;
}
} // namespace

class TestCondaProgress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void finalState_data();
    void finalState();
    void chunkingDoesNotMatter_data() { finalState_data(); }
    void chunkingDoesNotMatter();
    void advancesWhileDownloading();
    void json25AndSpinners();
    void garbageDoesNotCrash_data();
    void garbageDoesNotCrash();
    void phaseNames();
};

void TestCondaProgress::finalState_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("plan"); // "", "self" (the plan printed in the same output), or a fixture
    QTest::addColumn<CondaPhase>("phase");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<CondaPhase>("failedPhase");
    QTest::addColumn<int>("downloads");
    QTest::addColumn<qint64>("bytesDone");
    QTest::addColumn<qint64>("bytesTotal");
    QTest::addColumn<int>("percent");

    const auto S = CondaPhase::Starting;
    QTest::newRow("real 23.x bars, not a terminal (07)")
        << u"real-23.7.4/07-create-yes"_qs << QString() << CondaPhase::Executing << true << false << S << 3
        << qint64(2151) << qint64(2151) << 100;
    QTest::newRow("real 23.x bars with the JSON plan (07 + 05)")
        << u"real-23.7.4/07-create-yes"_qs << u"real-23.7.4/05-create-dry-run-json"_qs
        << CondaPhase::Executing << true << false << S << 3 << qint64(2151) << qint64(2151) << 100;
    QTest::newRow("real pty, spinners with backspaces, cached (08)")
        << u"real-23.7.4/08-create-interactive-yes.pty"_qs << u"self"_qs << CondaPhase::Executing << true
        << false << S << 0 << qint64(0) << qint64(-1) << 100;
    QTest::newRow("real pty, answered no (09)")
        << u"real-23.7.4/09-create-interactive-no.pty"_qs << QString() << CondaPhase::Confirming << false
        << false << S << 0 << qint64(0) << qint64(-1) << -1;
    QTest::newRow("real --json progress records (21)")
        << u"real-23.7.4/21-install-bigblob-json"_qs << QString() << CondaPhase::Downloading << false << false
        << S << 1 << qint64(2097152) << qint64(2097152) << 100;
    QTest::newRow("real --json progress records with the plan (21)")
        << u"real-23.7.4/21-install-bigblob-json"_qs << u"self"_qs << CondaPhase::Downloading << false
        << false << S << 1 << qint64(2108331) << qint64(2108331) << 100;
    QTest::newRow("real remove (23)") << u"real-23.7.4/23-remove-yes"_qs << QString() << CondaPhase::Executing
                                      << true << false << S << 0 << qint64(0) << qint64(-1) << 100;
    QTest::newRow("real empty env (49)")
        << u"real-23.7.4/49-create-no-packages"_qs << QString() << CondaPhase::Executing << true << false << S
        << 0 << qint64(0) << qint64(-1) << 100;
    QTest::newRow("real env create, nothing to download (51c)")
        << u"real-23.7.4/51c-env-create-from-yml"_qs << QString() << CondaPhase::Executing << true << false
        << S << 0 << qint64(0) << qint64(-1) << 100;
    QTest::newRow("real already installed (19)")
        << u"real-23.7.4/19-install-already-installed"_qs << QString() << CondaPhase::Solving << true << false
        << S << 0 << qint64(0) << qint64(-1) << 100;
    QTest::newRow("real solve failed after a retry (33)")
        << u"real-23.7.4/33-packages-not-found"_qs << QString() << CondaPhase::Solving << false << true
        << CondaPhase::Solving << 0 << qint64(0) << qint64(-1) << -1;
    QTest::newRow("real 'failed' on its own line (37)")
        << u"real-23.7.4/37-unsatisfiable"_qs << QString() << CondaPhase::Solving << false << true
        << CondaPhase::Solving << 0 << qint64(0) << qint64(-1) << -1;
    QTest::newRow("real metadata failed (45)")
        << u"real-23.7.4/45-channel-dir-missing"_qs << QString() << CondaPhase::CollectingMetadata << false
        << true << CondaPhase::CollectingMetadata << 0 << qint64(0) << qint64(-1) << -1;
    QTest::newRow("stand-in pty, 57 bars, cursor-up escapes (s12)")
        << u"standin/s12-guide-create-pty"_qs << QString() << CondaPhase::Executing << true << false << S
        << 57 << qint64(2986707558) << qint64(2986707558) << 100;
    QTest::newRow("stand-in pty with the JSON plan: exact bytes (s12 + s01)")
        << u"standin/s12-guide-create-pty"_qs << u"standin/s01-guide-dry-run-json-cuda12.2"_qs
        << CondaPhase::Executing << true << false << S << 57 << qint64(2984726353) << qint64(2984726353)
        << 100;
    QTest::newRow("stand-in create -y, bars (s13)")
        << u"standin/s13-guide-create-yes"_qs << u"self"_qs << CondaPhase::Executing << true << false << S
        << 57 << qint64(2985002271) << qint64(2985002271) << 100;
    QTest::newRow("stand-in 25.x: one line for all downloads (s45)")
        << u"standin/s45-25-guide-create-yes"_qs << u"self"_qs << CondaPhase::Executing << true << false << S
        << 0 << qint64(2985002271) << qint64(2985002271) << 100;
    QTest::newRow("stand-in 25.x pty, spinners (s47)")
        << u"standin/s47-25-create-pty"_qs << QString() << CondaPhase::Executing << true << false << S << 0
        << qint64(0) << qint64(-1) << 100;
    QTest::newRow("stand-in disk full at 50 % of pytorch (s28)")
        << u"standin/s28-no-space-download"_qs << QString() << CondaPhase::Downloading << false << false << S
        << 37 << qint64(186651935) << qint64(370734695) << 50;
    QTest::newRow("stand-in disk full, --json records (s29)")
        << u"standin/s29-no-space-download-json"_qs << QString() << CondaPhase::Downloading << false << false
        << S << 37 << qint64(186651935) << qint64(370734695) << 50;
    QTest::newRow("stand-in linking failed, rolled back (s30)")
        << u"standin/s30-no-space-prefix"_qs << QString() << CondaPhase::RollingBack << false << true
        << CondaPhase::Executing << 15 << qint64(146786918) << qint64(146786918) << 100;
    QTest::newRow("stand-in HTTP failure (s24)")
        << u"standin/s24-http-error"_qs << QString() << CondaPhase::CollectingMetadata << false << true
        << CondaPhase::CollectingMetadata << 0 << qint64(0) << qint64(-1) << -1;
}

void TestCondaProgress::finalState()
{
    QFETCH(QString, name);
    QFETCH(QString, plan);
    QFETCH(CondaPhase, phase);
    QFETCH(bool, finished);
    QFETCH(bool, failed);
    QFETCH(CondaPhase, failedPhase);
    QFETCH(int, downloads);
    QFETCH(qint64, bytesDone);
    QFETCH(qint64, bytesTotal);
    QFETCH(int, percent);
    const QString text = fx::output(name);
    QVERIFY(!text.isEmpty());
    const CondaProgress p = feedWhole(planFrom(plan, text), text);
    QCOMPARE(p.phase, phase);
    QCOMPARE(p.finished, finished);
    QCOMPARE(p.failed, failed);
    if (failed)
        QCOMPARE(p.failedPhase, failedPhase);
    QCOMPARE(p.downloads.size(), downloads);
    QCOMPARE(p.bytesDone, bytesDone);
    QCOMPARE(p.bytesTotal, bytesTotal);
    QCOMPARE(p.percent(), percent);
}

void TestCondaProgress::chunkingDoesNotMatter()
{
    QFETCH(QString, name);
    QFETCH(QString, plan);
    const QByteArray bytes = outputBytes(name);
    const CondaPlan p = planFrom(plan, QString::fromUtf8(bytes));
    const CondaProgress whole = feedWhole(p, QString::fromUtf8(bytes));
    QCOMPARE(feedBytewise(p, bytes), whole);
    for (quint32 seed : {1u, 42u, 20240611u})
        QCOMPARE(feedChunks(p, bytes, seed), whole);
}

// While the guide's CUDA build downloads (1.40 GB pytorch), the numbers only go up, and pass
// through the phases in conda's order.
void TestCondaProgress::advancesWhileDownloading()
{
    const QByteArray bytes = outputBytes(u"standin/s12-guide-create-pty"_qs);
    const auto plan = parsePlanJson(fx::text(u"standin/s01-guide-dry-run-json-cuda12.2.txt"_qs));
    QVERIFY(plan.ok());
    CondaProgressTracker t(plan.value());
    onramp::StreamDecoder decoder;
    QList<CondaPhase> phases {t.progress().phase};
    qint64 lastBytes = 0;
    int lastPercent = -1;
    int partial = 0;
    int pytorchSeen = -1;
    for (qsizetype pos = 0; pos < bytes.size(); ++pos) {
        t.feed(decoder.decode(QByteArrayView(bytes.constData() + pos, 1)));
        const CondaProgress &p = t.progress();
        if (phases.isEmpty() || phases.last() != p.phase)
            phases << p.phase;
        QVERIFY(p.bytesDone >= lastBytes);
        QVERIFY(p.percent() >= lastPercent);
        QCOMPARE(p.bytesTotal, plan.value().downloadBytes);
        lastBytes = p.bytesDone;
        lastPercent = p.percent();
        if (p.percent() > 0 && p.percent() < 100)
            ++partial;
        if (const CondaDownload *d = p.download(u"pytorch"))
            pytorchSeen = qMax(pytorchSeen, d->percent);
    }
    t.finish();
    QCOMPARE(phases,
             (QList<CondaPhase> {CondaPhase::Starting, CondaPhase::CollectingMetadata, CondaPhase::Solving,
                                 CondaPhase::Confirming, CondaPhase::Downloading, CondaPhase::Preparing,
                                 CondaPhase::Verifying, CondaPhase::Executing}));
    QVERIFY2(partial > 10, "the percentage should pass through many values on the way");
    QCOMPARE(pytorchSeen, 100);
    const CondaDownload *torch = t.progress().download(u"pytorch-2.1.2");
    QVERIFY(torch);
    QCOMPARE(torch->name, u"pytorch"_qs);
    QCOMPARE(torch->bytes, plan.value().find(u"pytorch")->size);
    // a label cut to 20 characters still finds its package
    const CondaDownload *ca = t.progress().download(u"ca-certificates-2023");
    QVERIFY(ca);
    QCOMPARE(ca->name, u"ca-certificates"_qs);
}

void TestCondaProgress::json25AndSpinners()
{
    // 25.x spinner frames ("- \b\b\\ \b\b") leave only the result; mid-spinner the phase is already known
    CondaProgressTracker t;
    t.feed(
        u"Channels:\n - defaults\nPlatform: linux-64\nCollecting package metadata (repodata.json): - \b\b\\ "_qs);
    QCOMPARE(t.progress().phase, CondaPhase::CollectingMetadata);
    QVERIFY(!t.progress().phaseDone);
    t.feed(u"\b\bdone\nSolving environment: - \b\b"_qs);
    QCOMPARE(t.progress().phase, CondaPhase::Solving);
    t.feed(u"done\n\nDownloading and Extracting Packages: ...working... "_qs);
    QCOMPARE(t.progress().phase, CondaPhase::Downloading);
    QVERIFY(!t.progress().downloadsComplete);
    t.feed(u"done\n"_qs);
    QVERIFY(t.progress().downloadsComplete);
    QCOMPARE(t.progress().percent(), 100);
    t.feed(u"Executing transaction: | \b\bdone\n"_qs);
    QVERIFY(t.progress().finished);
}

void TestCondaProgress::garbageDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("NUL and invalid UTF-8") << QByteArray("\x00\xff\xfe\x80\xc3(\x00\x00\r\r\n\b\b\b", 14);
    QTest::newRow("an unfinished escape sequence") << QByteArray("\x1b[12;3");
    QTest::newRow("a bar with a huge percentage") << QByteArray("\rpytorch-2.1.2 | 1.40 GB | ### | 999% \n");
    QTest::newRow("a broken fetch record")
        << QByteArray("{\"fetch\": 5, \"progress\": \"x\"}\n\0{\"fetch\":\"a|b", 44);
    QTest::newRow("a line without end") << QByteArray(100000, 'x');
    QTest::newRow("backspaces only") << QByteArray(50, '\b');
}

void TestCondaProgress::garbageDoesNotCrash()
{
    QFETCH(QByteArray, bytes);
    const CondaProgress a = feedBytewise({}, bytes);
    QCOMPARE(feedChunks({}, bytes, 7), a);
    QVERIFY(a.percent() >= -1 && a.percent() <= 100);
    for (const CondaDownload &d : a.downloads)
        QVERIFY(d.percent >= 0 && d.percent <= 100);
}

void TestCondaProgress::phaseNames()
{
    for (CondaPhase p : {CondaPhase::Starting, CondaPhase::CollectingMetadata, CondaPhase::Solving,
                         CondaPhase::Confirming, CondaPhase::Downloading, CondaPhase::Preparing,
                         CondaPhase::Verifying, CondaPhase::Executing, CondaPhase::RollingBack})
        QVERIFY(!condaPhaseName(p).isEmpty());
}

QTEST_GUILESS_MAIN(TestCondaProgress)
#include "tst_condaprogress.moc"
