#include "cluster/slurm/slurmparsers.h"
#include "cluster/slurm/slurmvalues.h"

#include "slurmtestutil.h"

#include <QTest>

using namespace onramp::cluster;
using onramp::ErrorKind;
using slurmtest::commandOutput;
using slurmtest::readFixture;

namespace {

const QString kLab = u"lab/slurm-22.05.8__"_qs;

QString durationText(const SlurmDuration &d)
{
    switch (d.kind) {
    case SlurmDuration::Kind::Finite:
        return QString::number(d.seconds);
    case SlurmDuration::Kind::Unlimited:
        return u"U"_qs;
    case SlurmDuration::Kind::Unset:
        break;
    }
    return u"-"_qs;
}

QString gresText(const QList<GresEntry> &gres)
{
    QStringList parts;
    for (const GresEntry &e : gres) {
        QString part = e.name + u'/' + e.type + u'/' + QString::number(e.count);
        if (e.noConsume)
            part += u"/nc"_qs;
        if (!e.detail.isEmpty())
            part += u"(" + e.detail + u")";
        if (!e.indexes.isEmpty()) {
            QStringList idx;
            for (int i : e.indexes)
                idx << QString::number(i);
            part += u"[" + idx.join(u',') + u"]";
        }
        parts << part;
    }
    return parts.join(u' ');
}

// name[*]:availability:limit:nodes:gpus:gpus used:usable nodes
QString partitionText(const PartitionInfo &p)
{
    qint64 used = 0;
    for (const PartitionNodeGroup &g : p.groups)
        used += gpuCount(g.gresUsed);
    return QStringLiteral("%1%2:%3:%4:%5:%6:%7:%8")
        .arg(p.name, p.isDefault ? u"*"_qs : QString(), p.availability, durationText(p.timeLimit))
        .arg(p.nodes)
        .arg(p.gpus())
        .arg(used)
        .arg(p.usableNodes());
}

QString partitionsText(const QList<PartitionInfo> &partitions)
{
    QStringList out;
    for (const PartitionInfo &p : partitions)
        out << partitionText(p);
    return out.join(u';');
}

// name:partitions:state:gpus/used/free
QString nodeText(const NodeInfo &n)
{
    return QStringLiteral("%1:%2:%3:%4/%5/%6")
        .arg(n.name, n.partitions.join(u','), n.state.base)
        .arg(n.gpus())
        .arg(n.gpusUsed())
        .arg(n.freeGpus());
}

// id:STATE:elapsed:limit:nodes:nodelist:reason:gpus:name
QString jobText(const Job &j)
{
    return QStringLiteral("%1:%2:%3:%4:%5:%6:%7:%8:%9")
        .arg(j.id, jobStateName(j.state), durationText(j.elapsed), durationText(j.timeLimit),
             j.nodes ? QString::number(*j.nodes) : u"-"_qs, j.nodeList, j.reason)
        .arg(j.gpus())
        .arg(j.name);
}

} // namespace

class TestSlurmParsers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durations_data();
    void durations();
    void formatsDurations();
    void dateTimes_data();
    void dateTimes();
    void jobStates_data();
    void jobStates();
    void nodeStates_data();
    void nodeStates();
    void gres_data();
    void gres();
    void gresCorpus();
    void tres_data();
    void tres();
    void sinfoPartitions_data();
    void sinfoPartitions();
    void sinfoNodes_data();
    void sinfoNodes();
    void squeue_data();
    void squeue();
    void squeueFields();
    void malformed_data();
    void malformed();
    void allocationProgress_data();
    void allocationProgress();
    void identify_data();
    void identify();
};

void TestSlurmParsers::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // seconds, U (unlimited), - (unset), ! (not a duration)
    auto row = [](const char *text, const char *expected) {
        QTest::newRow(text) << QString::fromLatin1(text) << QString::fromLatin1(expected);
    };
    row("2-16:46:05", "233165");
    row("1:22:14", "4934");
    row("38:52", "2332");
    row("0:00", "0");
    row("30:00", "1800");
    row("00:05:00", "300");
    row("1-00:00:00", "86400");
    row("7-00:00:00", "604800");
    row("1-12", "129600");
    row("1-12:30", "131400");
    row("30", "1800");
    row(" 5:00 ", "300");
    row("UNLIMITED", "U");
    row("INFINITE", "U");
    row("infinite", "U");
    row("INVALID", "-");
    row("N/A", "-");
    row("NONE", "-");
    row("NOT_SET", "-");
    row("(null)", "-");
    row("", "-");
    row("abc", "!");
    row("1h", "!");
    row("10:75", "!");
    row("1:2:3:4", "!");
    row("-5", "!");
    row("1-", "!");
    row("::", "!");
}

void TestSlurmParsers::durations()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto parsed = parseSlurmDuration(text);
    QCOMPARE(parsed ? durationText(*parsed) : u"!"_qs, expected);
}

void TestSlurmParsers::formatsDurations()
{
    QCOMPARE(formatSlurmDuration(SlurmDuration::finite(233165)), u"2-16:46:05"_qs);
    QCOMPARE(formatSlurmDuration(SlurmDuration::finite(300)), u"00:05:00"_qs);
    QCOMPARE(formatSlurmDuration(SlurmDuration::unlimited()), u"UNLIMITED"_qs);
    QCOMPARE(formatSlurmDuration({}), QString());
    for (const char *text : {"2-16:46:05", "00:00:01", "23:59:59", "1-00:00:00"})
        QCOMPARE(formatSlurmDuration(*parseSlurmDuration(QString::fromLatin1(text))),
                 QString::fromLatin1(text));
}

void TestSlurmParsers::dateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // ISO, or empty for none
    QTest::newRow("squeue") << u"2026-11-27T04:19:51"_qs << u"2026-11-27T04:19:51"_qs;
    QTest::newRow("space") << u"2022-08-31 10:27:27"_qs << u"2022-08-31T10:27:27"_qs;
    QTest::newRow("no seconds") << u"2022-08-31T10:27"_qs << u"2022-08-31T10:27:00"_qs;
    QTest::newRow("N/A") << u"N/A"_qs << QString();
    QTest::newRow("Unknown") << u"Unknown"_qs << QString();
    QTest::newRow("None") << u"None"_qs << QString();
    QTest::newRow("old format") << u"06/02-15:27:11"_qs << QString();
    QTest::newRow("impossible date") << u"2026-02-30T00:00:00"_qs << QString();
    QTest::newRow("garbage") << u"tomorrow"_qs << QString();
}

void TestSlurmParsers::dateTimes()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto parsed = parseSlurmDateTime(text);
    QCOMPARE(parsed ? parsed->toString(Qt::ISODate) : QString(), expected);
}

void TestSlurmParsers::jobStates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("active");
    const struct {
        const char *longName, *shortName;
        bool active;
    } states[] = {
        {"PENDING", "PD", true},      {"RUNNING", "R", true},          {"SUSPENDED", "S", true},
        {"COMPLETING", "CG", true},   {"COMPLETED", "CD", false},      {"CONFIGURING", "CF", true},
        {"CANCELLED", "CA", false},   {"FAILED", "F", false},          {"TIMEOUT", "TO", false},
        {"PREEMPTED", "PR", false},   {"NODE_FAIL", "NF", false},      {"BOOT_FAIL", "BF", false},
        {"DEADLINE", "DL", false},    {"OUT_OF_MEMORY", "OOM", false}, {"REQUEUED", "RQ", true},
        {"REQUEUE_HOLD", "RH", true}, {"REQUEUE_FED", "RF", true},     {"RESIZING", "RS", true},
        {"REVOKED", "RV", false},     {"SIGNALING", "SI", true},       {"SPECIAL_EXIT", "SE", false},
        {"STAGE_OUT", "SO", true},    {"STOPPED", "ST", true},         {"RESV_DEL_HOLD", "RD", true},
    };
    for (const auto &s : states) {
        const QString name = QString::fromLatin1(s.longName);
        QTest::newRow(s.longName) << name << name << s.active;
        QTest::newRow(s.shortName) << QString::fromLatin1(s.shortName) << name << s.active;
    }
    QTest::newRow("lower case") << u"running"_qs << u"RUNNING"_qs << true;
    QTest::newRow("sacct by uid") << u"CANCELLED by 1000"_qs << u"CANCELLED"_qs << false;
    QTest::newRow("with flag") << u"PENDING+REQUEUED"_qs << u"PENDING"_qs << true;
    QTest::newRow("unknown word") << u"HIBERNATING"_qs << u"UNKNOWN"_qs << false;
    QTest::newRow("empty") << QString() << u"UNKNOWN"_qs << false;
}

void TestSlurmParsers::jobStates()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(bool, active);
    const JobState state = parseJobState(text);
    QCOMPARE(jobStateName(state), name);
    QCOMPARE(isActive(state), active);
    QCOMPARE(isFinished(state), !active && state != JobState::Unknown);
    QVERIFY(!jobStateLabel(state).isEmpty());
}

void TestSlurmParsers::nodeStates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<bool>("usable");
    QTest::newRow("idle") << u"idle"_qs << u"idle"_qs << QString() << true;
    QTest::newRow("mixed planned") << u"mixed-"_qs << u"mixed"_qs << u"PLANNED"_qs << true;
    QTest::newRow("mix compact") << u"mix"_qs << u"mixed"_qs << QString() << true;
    QTest::newRow("alloc compact") << u"alloc"_qs << u"allocated"_qs << QString() << true;
    QTest::newRow("down not responding") << u"down*"_qs << u"down"_qs << u"NOT_RESPONDING"_qs << false;
    QTest::newRow("draining reboot") << u"draining@"_qs << u"draining"_qs << u"REBOOT_REQUESTED,DRAIN"_qs
                                     << false;
    QTest::newRow("drng compact") << u"drng"_qs << u"draining"_qs << u"DRAIN"_qs << false;
    QTest::newRow("drained") << u"drained"_qs << u"drained"_qs << u"DRAIN"_qs << false;
    QTest::newRow("powered down") << u"idle~"_qs << u"idle"_qs << u"POWERED_DOWN"_qs << false;
    QTest::newRow("idle not responding") << u"idle*"_qs << u"idle"_qs << u"NOT_RESPONDING"_qs << false;
    QTest::newRow("maint") << u"maint"_qs << u"maint"_qs << QString() << false;
    QTest::newRow("scontrol idle+drain") << u"IDLE+DRAIN"_qs << u"idle"_qs << u"DRAIN"_qs << false;
    QTest::newRow("scontrol idle+reserved") << u"IDLE+RESERVED"_qs << u"idle"_qs << u"RESERVED"_qs << true;
    QTest::newRow("scontrol down*") << u"DOWN*"_qs << u"down"_qs << u"NOT_RESPONDING"_qs << false;
    QTest::newRow("scontrol mixed+drain") << u"MIXED+DRAIN"_qs << u"mixed"_qs << u"DRAIN"_qs << false;
    QTest::newRow("scontrol cloud powered down")
        << u"IDLE+CLOUD+POWERED_DOWN"_qs << u"idle"_qs << u"CLOUD,POWERED_DOWN"_qs << false;
    QTest::newRow("unknown") << u"weird"_qs << u"weird"_qs << QString() << false;
    QTest::newRow("empty") << QString() << QString() << QString() << false;
}

void TestSlurmParsers::nodeStates()
{
    QFETCH(QString, text);
    QFETCH(QString, base);
    QFETCH(QString, flags);
    QFETCH(bool, usable);
    const NodeState state = parseNodeState(text);
    QCOMPARE(state.text, text);
    QCOMPARE(state.base, base);
    QCOMPARE(state.flags.join(u','), flags);
    QCOMPARE(state.usable(), usable);
}

void TestSlurmParsers::gres_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // gresText, or "!" for an error
    QTest::addColumn<qint64>("gpus");
    auto row = [](const char *name, const QString &text, const QString &expected, qint64 gpus) {
        QTest::newRow(name) << text << expected << gpus;
    };
    row("untyped", u"gpu:2"_qs, u"gpu//2"_qs, 2);
    row("socket binding", u"gpu:a100:4(S:0-1)"_qs, u"gpu/a100/4(S:0-1)"_qs, 4);
    row("indexes", u"gpu:tesla:2(IDX:0-1)"_qs, u"gpu/tesla/2(IDX:0-1)[0,1]"_qs, 2);
    row("indexes with gaps", u"gpu:a100:3(IDX:0-1,3)"_qs, u"gpu/a100/3(IDX:0-1,3)[0,1,3]"_qs, 3);
    row("null", u"(null)"_qs, QString(), 0);
    row("empty", QString(), QString(), 0);
    row("N/A", u"N/A"_qs, QString(), 0);
    row("null type in use", u"gpu:(null):2(IDX:0-1)"_qs, u"gpu//2(IDX:0-1)[0,1]"_qs, 2);
    row("null type no detail", u"gpu:(null):1"_qs, u"gpu//1"_qs, 1);
    row("socket list with commas", u"gpu:a100:3(S:2,4,7),nsight:no_consume:1"_qs,
        u"gpu/a100/3(S:2,4,7) nsight//1/nc"_qs, 3);
    row("several", u"gpu:v100:4(S:0-1),nvme:3600"_qs, u"gpu/v100/4(S:0-1) nvme//3600"_qs, 4);
    row("typed no_consume", u"pfsdir:scratch:no_consume:1"_qs, u"pfsdir/scratch/1/nc"_qs, 0);
    row("zero in use", u"gpfs:scratch:0"_qs, u"gpfs/scratch/0"_qs, 0);
    row("size suffix", u"bandwidth:lustre:no_consume:4G"_qs, u"bandwidth/lustre/4294967296/nc"_qs, 0);
    row("squeue tres-per-node", u"gres:gpu:1"_qs, u"gpu//1"_qs, 1);
    row("newer tres-per-node", u"gres/gpu:a100:2"_qs, u"gpu/a100/2"_qs, 2);
    row("name only", u"gpu"_qs, u"gpu//1"_qs, 1);
    row("type without count", u"gpu:a100"_qs, u"gpu/a100/1"_qs, 1);
    row("two gpu entries", u"gpu:a100:2,gpu:v100:1"_qs, u"gpu/a100/2 gpu/v100/1"_qs, 3);
    row("trailing whitespace", u"gpu:2 \r"_qs, u"gpu//2"_qs, 2);
    row("empty name", u":2"_qs, u"!"_qs, 0);
    row("two types", u"gpu:a:b:2"_qs, u"!"_qs, 0);
    row("unterminated detail", u"gpu:2(S:0"_qs, u"!"_qs, 0);
    row("negative", u"gpu:-1"_qs, u"!"_qs, 0);
    row("garbage", u"%%%"_qs, u"!"_qs, 0);
    row("detail without name", u"(S:0)"_qs, u"!"_qs, 0);
}

void TestSlurmParsers::gres()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(qint64, gpus);
    const auto parsed = parseGres(text);
    if (expected == u"!") {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
        QVERIFY(!parsed.error().message.isEmpty());
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(gresText(parsed.value()), expected);
    QCOMPARE(gpuCount(parsed.value()), gpus);
}

// Corpus: `sinfo -o %G` (OSC): every line after the GRES header reads.
void TestSlurmParsers::gresCorpus()
{
    const QString text = readFixture(u"corpus/sinfo-o-G__osc.txt"_qs);
    QVERIFY(!text.isNull());
    QList<qint64> gpus;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"GRES"_qs);
    for (const QString &line : lines.mid(1)) {
        const auto parsed = parseGres(line);
        QVERIFY2(parsed.ok(), qPrintable(line));
        QVERIFY(parsed.value().size() >= 7);
        gpus << gpuCount(parsed.value());
    }
    QCOMPARE(gpus, (QList<qint64> {3, 2, 4, 0}));
}

void TestSlurmParsers::tres_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("keys"); // -1: error
    QTest::addColumn<qint64>("gpus");
    QTest::newRow("node alloc") << u"cpu=4,mem=256G,gres/gpu:v100=6"_qs << 3 << qint64(6);
    QTest::newRow("node cfg") << u"cpu=40,mem=382000M,billing=40,gres/gpu:v100=4,gres/nvme=3600"_qs << 5
                              << qint64(4);
    QTest::newRow("total preferred") << u"gres/gpu=154,gres/gpu:p100=154"_qs << 2 << qint64(154);
    QTest::newRow("typed only, summed") << u"gres/gpu:a100=2,gres/gpu:v100=1"_qs << 2 << qint64(3);
    QTest::newRow("no gpu") << u"cpu=1,node=1,billing=1"_qs << 3 << qint64(0);
    QTest::newRow("gpumem is not a gpu") << u"gres/gpumem=36266M,gres/gpuutil=100"_qs << 2 << qint64(0);
    QTest::newRow("null") << u"(null)"_qs << 0 << qint64(0);
    QTest::newRow("empty") << QString() << 0 << qint64(0);
    QTest::newRow("no equals") << u"cpu"_qs << -1 << qint64(0);
    QTest::newRow("key missing") << u"=4"_qs << -1 << qint64(0);
    // Corpus: sacct -p TRESUsageInAve (SchedMD docs), the data line without its trailing '|'.
    const QString sacct = commandOutput(readFixture(u"corpus/sacct-tresusageinave-p__slurm-docs-gres.txt"_qs),
                                        u"sacct -j 1277.0 --format=tresusageinave -p"_qs);
    QString line = sacct.split(u'\n').value(1);
    line.chop(1);
    QTest::newRow("corpus sacct tresusageinave") << line << 8 << qint64(0);
}

void TestSlurmParsers::tres()
{
    QFETCH(QString, text);
    QFETCH(int, keys);
    QFETCH(qint64, gpus);
    const auto parsed = parseTres(text);
    if (keys < 0) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
        return;
    }
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().size(), keys);
    QCOMPARE(tresGpuCount(parsed.value()), gpus);
}

void TestSlurmParsers::sinfoPartitions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    auto file = [](const char *name, const QString &path, const char *expected) {
        QTest::newRow(name) << readFixture(path) << QString::fromLatin1(expected);
    };
    file("corpus slurm-docs quickstart (default format)", u"corpus/sinfo__slurm-docs-quickstart.txt"_qs,
         "debug*:up:1800:5:0:0:3;batch:up:1800:10:0:0:7");
    file("lab idle", kLab + u"sinfo-partitions__idle.txt"_qs, "cpu*:up:172800:1:2:0:1;gpu:up:86400:1:2:0:1");
    file("lab gpus busy", kLab + u"sinfo-partitions__gpus-busy.txt"_qs,
         "cpu*:up:172800:1:2:2:1;gpu:up:86400:1:2:2:1");
    auto text = [](const char *name, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromLatin1(expected);
    };
    text("CRLF and trailing spaces",
         "cpu*|up|2-00:00:00|1|idle|gpu:2|gpu:0|vm|  \r\ngpu|up|1-00:00:00|1|idle|gpu:2|gpu:0|vm|\r\n",
         "cpu*:up:172800:1:2:0:1;gpu:up:86400:1:2:0:1");
    text("header in another order, an unknown column",
         "NODES|PARTITION|FUTURE_COLUMN|TIMELIMIT|AVAIL|STATE|GRES|GRES_USED|NODELIST|\n"
         "4|gpu*|x|infinite|up|mixed|gpu:a100:4(S:0-1)|gpu:a100:3(IDX:0-2)|g[01-04]|\n",
         "gpu*:up:U:4:16:3:4");
    text("header without optional columns", "PARTITION|AVAIL\nshort*|up\nlong|down\n",
         "short*:up:-:0:0:0:0;long:down:-:0:0:0:0");
    text("groups of one partition add up",
         "PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
         "gpu*         up 1-00:00:00      2  mixed g[01-02]\n"
         "gpu*         up 1-00:00:00      1 drain* g03\n",
         "gpu*:up:86400:3:0:0:2");
    text("inactive partition", "gpu|inact|UNLIMITED|0|n/a|(null)|(null)||\n", "gpu:inact:U:0:0:0:0");
}

void TestSlurmParsers::sinfoPartitions()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QVERIFY(!text.isNull());
    const auto parsed = parseSinfoPartitions(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(partitionsText(parsed.value()), expected);
}

void TestSlurmParsers::sinfoNodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("totals"); // gpus/used/free over all nodes
    const QStringList osc {u"HOSTNAMES"_qs, u"GRES"_qs, u"GRES_USED"_qs, u"STATE"_qs};
    QTest::newRow("corpus osc ascend 200 lines (fixed width, node per partition)")
        << readFixture(
               u"corpus/sinfo-ahNO-nodehost-gres-gresused-statelong__osc-ascend__first200lines.txt"_qs)
        << osc << 28 << u"a0001::mixed:4/4/0"_qs << u"104/99/5"_qs;
    QTest::newRow("corpus osc gres type null")
        << readFixture(u"corpus/sinfo-ahNO-nodehost-gres-gresused-statelong__osc__gres-type-null.txt"_qs)
        << osc << 4 << u"gput072::mixed:2/2/0"_qs << u"12/9/3"_qs;
    QTest::newRow("lab idle") << readFixture(kLab + u"sinfo-nodes__idle.txt"_qs) << sinfoNodeColumns() << 1
                              << u"vm:cpu,gpu:idle:2/0/2"_qs << u"2/0/2"_qs;
    QTest::newRow("lab gpus busy") << readFixture(kLab + u"sinfo-nodes__gpus-busy.txt"_qs)
                                   << sinfoNodeColumns() << 1 << u"vm:cpu,gpu:allocated:2/2/0"_qs
                                   << u"2/2/0"_qs;
    QTest::newRow("drained node offers nothing")
        << u"g01|gpu|drained|gpu:4|gpu:0|0/0/64/64|512000|0|Kill task failed [root@2026-01-01T00:00:00]|\n"
           "g02|gpu|mixed|gpu:4|gpu:1(IDX:0)|8/56/0/64|512000+|64000|none|\n"_qs
        << sinfoNodeColumns() << 2 << u"g01:gpu:drained:4/0/0"_qs << u"8/1/3"_qs;
    QTest::newRow("header, other order, unknown column")
        << u"STATE GRES_USED NODELIST WHATEVER GRES\nidle gpu:0 n1 x gpu:8\n"_qs << sinfoNodeColumns() << 1
        << u"n1::idle:8/0/8"_qs << u"8/0/8"_qs;
}

void TestSlurmParsers::sinfoNodes()
{
    QFETCH(QString, text);
    QFETCH(QStringList, columns);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(QString, totals);
    QVERIFY(!text.isNull());
    const auto parsed = parseSinfoNodes(text, columns);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const QList<NodeInfo> &nodes = parsed.value();
    QCOMPARE(nodes.size(), count);
    QCOMPARE(nodeText(nodes.first()), first);
    qint64 gpus = 0, used = 0, free = 0;
    for (const NodeInfo &n : nodes) {
        gpus += n.gpus();
        used += n.gpusUsed();
        free += n.freeGpus();
    }
    QCOMPARE(QStringLiteral("%1/%2/%3").arg(gpus).arg(used).arg(free), totals);
}

void TestSlurmParsers::squeue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    auto file = [](const char *name, const QString &text, int count, const char *first, const char *last) {
        QTest::newRow(name) << text << count << QString::fromUtf8(first) << QString::fromUtf8(last);
    };
    file("corpus slurm-docs quickstart", readFixture(u"corpus/squeue__slurm-docs-quickstart.txt"_qs), 3,
         "65646:RUNNING:1459:-:2:adev[7-8]::0:chem", "65648:PENDING:0:-:6::Resources:0:math");
    file("corpus slurm-docs job array",
         commandOutput(readFixture(u"corpus/squeue__slurm-docs-job-array.txt"_qs), u"squeue"_qs), 5,
         "1080_[5-1024]:PENDING:0:-:1::Resources:0:tmp", "1080_4:RUNNING:3:-:1:tux3::0:tmp");
    file("corpus slurm-docs hetjob", readFixture(u"corpus/squeue-job__slurm-docs-hetjob.txt"_qs), 3,
         "93+0:RUNNING:1098:-:1:nid00001::0:bash", "93+2:RUNNING:1098:-:1:nid00021::0:bash");
    file("corpus shine-cluster issue (D-HH:MM:SS, two nodes)",
         commandOutput(readFixture(u"corpus/error__nvml-driver-library-version-mismatch__plus-squeue.txt"_qs),
                       u"squeue"_qs),
         8, "2691:RUNNING:233165:-:1:eureka::0:task", "2835:RUNNING:2332:-:1:tatooine::0:bash");
    file("lab no jobs (empty)", readFixture(kLab + u"squeue-me__no-jobs.txt"_qs), 0, "", "");
    file("lab no jobs, default format (header only)",
         readFixture(kLab + u"squeue-me-default-format__no-jobs.txt"_qs), 0, "", "");
    file("lab running and pending", readFixture(kLab + u"squeue-me__running-and-pending.txt"_qs), 9,
         "92:PENDING:0:3600:1::BeginTime:0:onramp-later", "89:RUNNING:6:300:1:vm::1:my job|with pipe");
    file("lab running and pending, default format",
         readFixture(kLab + u"squeue-me-default-format__running-and-pending.txt"_qs), 9,
         "92:PENDING:0:-:1::BeginTime:0:onramp-l", "89:RUNNING:6:-:1:vm::0:my job|w");
    file("lab ReqNodeNotAvail", readFixture(kLab + u"squeue-me__reqnodenotavail.txt"_qs), 1,
         "87:PENDING:0:3600:1::ReqNodeNotAvail, Reserved for maintenance:0:onramp-resv",
         "87:PENDING:0:3600:1::ReqNodeNotAvail, Reserved for maintenance:0:onramp-resv");
    file("lab salloc allocation", readFixture(kLab + u"squeue-me__salloc-allocation.txt"_qs), 1,
         "100:RUNNING:4:300:1:vm::1:onramp-steps", "100:RUNNING:4:300:1:vm::1:onramp-steps");
    file("lab finished jobs (--states=all)", readFixture(kLab + u"squeue-me-states-all__finished.txt"_qs), 26,
         "79:CANCELLED:0:3600:2::PartitionNodeLimit:0:true", "86:FAILED:0:259200:1::BadConstraints:0:true");
    auto text = [](const char *name, const char *input, int count, const char *first) {
        QTest::newRow(name) << QString::fromUtf8(input) << count << QString::fromUtf8(first)
                            << QString::fromUtf8(first);
    };
    text("CRLF", "7|gpu|RUNNING|1:00|10:00|1|g01|None|gres:gpu:2|N/A|N/A|me|train|\r\n", 1,
         "7:RUNNING:60:600:1:g01::2:train");
    text("header in another order with an unknown column",
         "NAME|JOBID|NEW_THING|ST|NODELIST(REASON)\nx y|12|?|PD|(ReqNodeNotAvail, "
         "UnavailableNodes:g[01-02])\n",
         1, "12:PENDING:-:-:-::ReqNodeNotAvail, UnavailableNodes:g[01-02]:0:x y");
    text("default format, cancelled job with a blank NODELIST(REASON)",
         "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)\n"
         "                79       cpu     true  student CA       0:00      2 \n",
         1, "79:CANCELLED:0:-:2:::0:true");
    text("default format, a name with spaces in the only row",
         "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)\n"
         "                89       gpu my job|w  student  R       0:06      1 vm\n",
         1, "89:RUNNING:6:-:1:vm::0:my job|w");
    text("only the required columns", "JOBID ST\n5 CG\n", 1, "5:COMPLETING:-:-:-:::0:");
    text("unknown state kept", "JOBID|STATE\n5|HIBERNATING\n", 1, "5:UNKNOWN:-:-:-:::0:");
    text("name with spaces, trailing spaces",
         "8|cpu|PENDING|0:00|UNLIMITED|1||Priority|N/A|N/A|N/A|me|a b c |   \n", 1,
         "8:PENDING:0:U:1::Priority:0:a b c");
    text("chinese job name", "9|gpu|RUNNING|0:01|1:00|1|g01|None|N/A|N/A|N/A|学生|训练|\n", 1,
         "9:RUNNING:1:60:1:g01::0:训练");
}

void TestSlurmParsers::squeue()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QVERIFY(!text.isNull());
    const auto parsed = parseSqueue(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().size(), count);
    if (count == 0)
        return;
    QCOMPARE(jobText(parsed.value().first()), first);
    QCOMPARE(jobText(parsed.value().last()), last);
}

void TestSlurmParsers::squeueFields()
{
    const auto parsed = parseSqueue(readFixture(kLab + u"squeue-me__running-and-pending.txt"_qs));
    QVERIFY(parsed.ok());
    const Job &running = parsed.value().at(7);
    QCOMPARE(running.id, u"88"_qs);
    QCOMPARE(running.partition, u"gpu"_qs);
    QCOMPARE(running.user, u"student"_qs);
    QCOMPARE(running.stateText, u"RUNNING"_qs);
    QCOMPARE(gresText(running.gres), u"gpu//1"_qs);
    QCOMPARE(running.startTime->toString(Qt::ISODate), u"2026-11-27T04:19:51"_qs);
    QCOMPARE(running.submitTime->toString(Qt::ISODate), u"2026-11-27T04:19:51"_qs);
    const Job &later = parsed.value().first();
    QCOMPARE(later.startTime->toString(Qt::ISODate), u"2026-11-27T05:19:55"_qs); // --begin=now+1hour
    QVERIFY(parsed.value().at(1).startTime == std::nullopt); // N/A
}

// Output no parser may accept: each gives a clear UnexpectedOutput error, none crashes.
void TestSlurmParsers::malformed_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QString>("text");
    const QString ok = u"cpu*|up|2-00:00:00|1|idle|gpu:2|gpu:0|vm|\n"_qs;
    const QString job = u"88|gpu|RUNNING|0:09|5:00|1|vm|None|gres:gpu:1|N/A|N/A|student|a|\n"_qs;
    const QString node = u"vm|cpu*|idle|gpu:2|gpu:0|0/2/0/2|21694|0|none|\n"_qs;
    auto rows = [&](const char *parser, const QString &good) {
        auto row = [&](const char *name, const QString &text) {
            QTest::newRow(QByteArray(parser + QByteArray(": ") + name).constData())
                << QString::fromLatin1(parser) << text;
        };
        row("truncated line", good + good.left(good.size() / 2));
        row("NUL byte", good + u"vm\u0000|x|\n"_qs);
        row("invalid UTF-8", QString::fromUtf8(good.toUtf8() + QByteArray("\xff\xfe\xfd|\x80\n")));
        row("binary garbage",
            QString::fromLatin1(QByteArray("\x7f"
                                           "ELF\x02\x01\x01\x00\x00\x00",
                                           10)));
        row("escape sequences", good + u"\u001b[31mred\u001b[0m\n"_qs);
        row("prose", u"Welcome to the cluster! Please read the rules.\n"_qs);
        row("header of another tool", u"PID TTY TIME CMD\n1 ? 00:00:01 init\n"_qs);
    };
    rows("sinfo partitions", ok);
    rows("sinfo nodes", node);
    rows("squeue", job);
    auto row = [](const char *parser, const char *name, const QString &text) {
        QTest::newRow(QByteArray(parser + QByteArray(": ") + name).constData())
            << QString::fromLatin1(parser) << text;
    };
    row("sinfo partitions", "empty", QString());
    row("sinfo partitions", "blank lines", u"\n\n  \r\n"_qs);
    row("sinfo partitions", "header only",
        u"PARTITION|AVAIL|TIMELIMIT|NODES|STATE|GRES|GRES_USED|NODELIST|\n"_qs);
    row("sinfo partitions", "header only, default format",
        u"PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"_qs);
    row("sinfo partitions", "a new column appended, no header",
        u"cpu*|up|2-00:00:00|1|idle|gpu:2|gpu:0|vm|new|\n"_qs);
    row("sinfo partitions", "time garbage", u"cpu*|up|soon|1|idle|gpu:2|gpu:0|vm|\n"_qs);
    row("sinfo partitions", "node count garbage", u"cpu*|up|1:00|one|idle|gpu:2|gpu:0|vm|\n"_qs);
    row("sinfo partitions", "partition name garbage", u"c;pu|up|1:00|1|idle|gpu:2|gpu:0|vm|\n"_qs);
    row("sinfo partitions", "gres garbage", u"cpu|up|1:00|1|idle|gpu:a:b:2|gpu:0|vm|\n"_qs);
    row("sinfo partitions", "header without partition column", u"AVAIL|NODES\nup|1\n"_qs);
    row("sinfo nodes", "empty", QString());
    row("sinfo nodes", "header only",
        u"NODELIST|PARTITION|STATE|GRES|GRES_USED|CPUS(A/I/O/T)|MEMORY|ALLOCMEM|REASON|\n"_qs);
    row("sinfo nodes", "cpu counts garbage", u"vm|cpu*|idle|gpu:2|gpu:0|0/2|21694|0|none|\n"_qs);
    row("sinfo nodes", "node name garbage", u"v m|cpu*|idle|gpu:2|gpu:0|0/2/0/2|21694|0|none|\n"_qs);
    row("squeue", "job id garbage", u"abc|gpu|RUNNING|0:09|5:00|1|vm|None|N/A|N/A|N/A|s|a|\n"_qs);
    row("squeue", "state garbage", u"5|gpu|123|0:09|5:00|1|vm|None|N/A|N/A|N/A|s|a|\n"_qs);
    row("squeue", "elapsed garbage", u"5|gpu|RUNNING|later|5:00|1|vm|None|N/A|N/A|N/A|s|a|\n"_qs);
    row("squeue", "node count garbage", u"5|gpu|RUNNING|0:09|5:00|x|vm|None|N/A|N/A|N/A|s|a|\n"_qs);
    row("squeue", "tres garbage", u"5|gpu|RUNNING|0:09|5:00|1|vm|None|gres::|N/A|N/A|s|a|\n"_qs);
    row("squeue", "header without a state", u"JOBID|NAME\n5|a\n"_qs);
    row("squeue", "sinfo's output", ok);
}

void TestSlurmParsers::malformed()
{
    QFETCH(QString, parser);
    QFETCH(QString, text);
    onramp::Error error;
    bool failed = false;
    if (parser == u"sinfo partitions") {
        const auto parsed = parseSinfoPartitions(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    } else if (parser == u"sinfo nodes") {
        const auto parsed = parseSinfoNodes(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    } else {
        const auto parsed = parseSqueue(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    }
    QVERIFY2(failed, "accepted");
    QCOMPARE(error.kind, ErrorKind::UnexpectedOutput);
    QVERIFY(!error.message.isEmpty());
    // The sentence never carries raw control characters or NULs.
    for (QChar c : error.message)
        QVERIFY(c.unicode() >= 0x20 || c == u'\n');
}

void TestSlurmParsers::allocationProgress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("jobId");
    auto file = [](const char *name, const char *stage, const char *jobId) {
        QTest::newRow(name) << readFixture(kLab + QString::fromLatin1(name) + u".txt"_qs)
                            << QString::fromLatin1(stage) << QString::fromLatin1(jobId);
    };
    file("salloc-no-shell__granted", "granted", "100");
    file("salloc__queued-then-interrupted", "ended", "99");
    file("srun__queued-then-interrupted", "ended", "98");
    file("srun-immediate__gpus-busy", "ended", "97");
    file("srun__two-nodes", "ended", "84");
    file("salloc__gres-gpu-3", "ended", "");
    QTest::newRow("pending, then granted")
        << u"salloc: Pending job allocation 5\nsalloc: job 5 queued and waiting for resources\n"
           "salloc: job 5 has been allocated resources\nsalloc: Granted job allocation 5\n"_qs
        << u"granted"_qs << u"5"_qs;
    QTest::newRow("still pending") << u"salloc: Pending job allocation 6\n"_qs << u"pending"_qs << u"6"_qs;
    QTest::newRow("relinquished")
        << u"salloc: Granted job allocation 7\nsalloc: Relinquishing job allocation 7\n"_qs << u"ended"_qs
        << u"7"_qs;
    QTest::newRow("nothing") << u""_qs << u"none"_qs << QString();
}

void TestSlurmParsers::allocationProgress()
{
    QFETCH(QString, text);
    QFETCH(QString, stage);
    QFETCH(QString, jobId);
    QVERIFY(!text.isNull());
    const AllocationProgress progress = parseAllocationProgress(text);
    static const QStringList names {u"none"_qs, u"pending"_qs, u"granted"_qs, u"ended"_qs};
    QCOMPARE(names.at(int(progress.stage)), stage);
    QCOMPARE(progress.jobId, jobId);
}

void TestSlurmParsers::identify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("partitions"); // or "!" for an error
    QTest::newRow("lab") << readFixture(kLab + u"identify.txt"_qs) << u"vm"_qs
                         << u"cpu*:up:172800:1:2:0:1;gpu:up:86400:1:2:0:1"_qs;
    QTest::newRow("old sinfo without -O, default table")
        << u"aha\r\nPARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\r\nnormal*      up   infinite      2    mix eureka,tatooine\r\n"_qs
        << u"aha"_qs << u"normal*:up:U:2:0:0:2"_qs;
    QTest::newRow("sinfo missing") << u"aha\nbash: sinfo: command not found\n"_qs << QString() << u"!"_qs;
    QTest::newRow("nothing") << QString() << QString() << u"!"_qs;
    QTest::newRow("binary") << u"aha\n\u0000\u0001"_qs << QString() << u"!"_qs;
}

void TestSlurmParsers::identify()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, partitions);
    const auto parsed = parseIdentifyOutput(text);
    if (partitions == u"!") {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().loginHost, host);
    QCOMPARE(partitionsText(parsed.value().partitions), partitions);
}

QTEST_GUILESS_MAIN(TestSlurmParsers)
#include "tst_slurmparsers.moc"
