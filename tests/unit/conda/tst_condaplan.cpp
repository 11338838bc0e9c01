#include "cluster/conda/condaoutput.h"
#include "cluster/conda/condaplan.h"
#include "condafixtures.h"

#include <QMap>
#include <QSet>
#include <QTest>

using namespace onramp::cluster;
namespace fx = condafixtures;

namespace {
QString kindName(CondaChange c)
{
    switch (c) {
    case CondaChange::Install:
        return u"install"_qs;
    case CondaChange::Update:
        return u"update"_qs;
    case CondaChange::Downgrade:
        return u"downgrade"_qs;
    case CondaChange::Supersede:
        return u"supersede"_qs;
    case CondaChange::Reinstall:
        return u"reinstall"_qs;
    case CondaChange::Remove:
        return u"remove"_qs;
    }
    return {};
}

// "install:3,update:1"
QString changes(const CondaPlan &plan)
{
    QMap<QString, int> counts;
    for (const CondaPlanEntry &e : plan.entries)
        ++counts[kindName(e.change)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << it.key() + u':' + QString::number(it.value());
    return parts.join(u',');
}

QSet<QString> linkedSet(const CondaPlan &plan)
{
    QSet<QString> out;
    for (const CondaPackage &p : plan.linked())
        out.insert(p.name + u' ' + p.version + u' ' + p.build);
    return out;
}

const int Absent = int(TorchBuild::Variant::Absent);
const int Cpu = int(TorchBuild::Variant::Cpu);
const int Cuda = int(TorchBuild::Variant::Cuda);
const int Unknown = int(TorchBuild::Variant::Unknown);
} // namespace

class TestCondaPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
    void jsonAndTextAgree_data();
    void jsonAndTextAgree();
    void entriesInDetail();
    void refuses_data();
    void refuses();
    void torchBuildStrings_data();
    void torchBuildStrings();
    void torchFromCompanions_data();
    void torchFromCompanions();
    // the shared helpers of condaoutput.h
    void humanSizes_data();
    void humanSizes();
    void dists_data();
    void dists();
    void channels_data();
    void channels();
    void versions_data();
    void versions();
    void terminalLines_data();
    void terminalLines();
};

void TestCondaPlan::plan_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("dryRun");
    QTest::addColumn<bool>("nothingToDo");
    QTest::addColumn<int>("linked");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("downloads");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<QString>("python");
    QTest::addColumn<int>("torch");
    QTest::addColumn<QString>("torchCuda");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("changes");

    const QString demo = u"/opt/conda/envs/demo"_qs;
    const QString cola = u"/home/student/miniconda3/envs/cola"_qs;
    const QString t = u"/home/student/miniconda3/envs/t"_qs;
    auto real = [](const char *name) { return fx::output(u"real-23.7.4/"_qs + QString::fromUtf8(name)); };
    auto si = [](const char *name) { return fx::output(u"standin/"_qs + QString::fromUtf8(name)); };

    // --json, conda 23.x layout (real)
    QTest::newRow("real json create (05)")
        << real("05-create-dry-run-json") << demo << true << false << 3 << 0 << 3 << qint64(2151) << true
        << u"3.11.2"_qs << Absent << QString() << QString() << u"install:3"_qs;
    QTest::newRow("real json downgrade (17)")
        << real("17-install-downgrade-dry-run-json") << demo << true << false << 1 << 0 << 1 << qint64(712)
        << true << QString() << Absent << QString() << QString() << u"downgrade:1"_qs;
    QTest::newRow("real json already installed (20)")
        << real("20-install-already-installed-json") << QString() << false << true << 0 << 0 << 0
        << qint64(-1) << false << QString() << Absent << QString() << QString() << QString();
    QTest::newRow("real json, progress records first (21)")
        << real("21-install-bigblob-json") << demo << false << false << 1 << 0 << 1 << qint64(2108331) << true
        << QString() << Absent << QString() << QString() << u"install:1"_qs;
    QTest::newRow("real json remove (22)")
        << real("22-remove-dry-run-json") << demo << true << false << 0 << 1 << 0 << qint64(0) << true
        << QString() << Absent << QString() << QString() << u"remove:1"_qs;
    QTest::newRow("real json __cuda override (41)")
        << real("41-virtual-cuda-override-json") << u"/opt/conda/envs/cu"_qs << true << false << 1 << 0 << 1
        << qint64(522) << true << QString() << Absent << QString() << QString() << u"install:1"_qs;
    QTest::newRow("real json, all cached (51b)")
        << real("51b-create-yes-json") << u"/opt/conda/envs/demojson"_qs << false << false << 1 << 0 << 0
        << qint64(0) << true << QString() << Absent << QString() << QString() << u"install:1"_qs;
    // --json, stand-in (the PyTorch channels)
    QTest::newRow("stand-in json, guide with __cuda 12.2 (s01)")
        << si("s01-guide-dry-run-json-cuda12.2") << cola << true << false << 57 << 0 << 57
        << qint64(2984726353) << true << u"3.12.1"_qs << Cuda << u"11.8"_qs << u"cuda-version 11.8"_qs
        << u"install:57"_qs;
    QTest::newRow("stand-in json, guide without GPU: CPU build beside cudatoolkit (s02)")
        << si("s02-guide-dry-run-json-nocuda") << cola << true << false << 55 << 0 << 55 << qint64(946344950)
        << true << u"3.12.1"_qs << Cpu << QString() << u"cuda-version 11.8"_qs << u"install:55"_qs;
    QTest::newRow("stand-in json, pytorch-cuda=12.1 (s05)")
        << si("s05-pytorch-cuda121-dry-run-json") << t << true << false << 62 << 0 << 62 << qint64(3037302770)
        << true << u"3.12.1"_qs << Cuda << u"12.1"_qs << u"pytorch-cuda 12.1"_qs << u"install:62"_qs;
    QTest::newRow("stand-in json, cpuonly (s07)")
        << si("s07-pytorch-cpuonly-dry-run-json") << t << true << false << 38 << 0 << 38 << qint64(368130154)
        << true << u"3.11.7"_qs << Cpu << QString() << QString() << u"install:38"_qs;
    QTest::newRow("stand-in json, defaults' gpu_ build (s08)")
        << si("s08-defaults-pytorch-dry-run-json") << t << true << false << 38 << 0 << 38
        << qint64(2700515044) << true << u"3.11.7"_qs << Cuda << u"11.8"_qs << u"cudatoolkit 11.8"_qs
        << u"install:38"_qs;
    QTest::newRow("stand-in json, pytorch-cuda=11.8 (s09)")
        << si("s09-pytorch-cuda118-dry-run-json") << t << true << false << 52 << 0 << 52 << qint64(3801258232)
        << true << u"3.10.13"_qs << Cuda << u"11.8"_qs << u"pytorch-cuda 11.8"_qs << u"install:52"_qs;
    QTest::newRow("stand-in json, superseded by conda-forge (s16)")
        << si("s16-install-supersede-dry-run-json") << u"/home/student/miniconda3/envs/old"_qs << true
        << false << 22 << 0 << 22 << qint64(53475743) << true << u"3.10.13"_qs << Absent << QString()
        << QString() << u"install:11,supersede:11"_qs;
    QTest::newRow("stand-in json, conda 25.x (s43)")
        << si("s43-25-guide-dry-run-json-cuda12.2") << u"/home/student/miniconda3/envs/c25"_qs << true
        << false << 57 << 0 << 57 << qint64(2984726353) << true << u"3.12.1"_qs << Cuda << u"11.8"_qs
        << u"cuda-version 11.8"_qs << u"install:57"_qs;
    // --json, conda 4.x layouts (hand-written after conda's issue tracker)
    QTest::newRow("hand-written json conda 4.3: actions is a list")
        << fx::text(u"handwritten/plan-json-conda4.3-actions-list.txt"_qs)
        << u"/home/student/anaconda3/envs/cola"_qs << true << false << 3 << 0 << 0 << qint64(-1) << false
        << QString() << Cuda << u"9.0"_qs << u"cudatoolkit 9.0"_qs << u"install:2,update:1"_qs;
    QTest::newRow("hand-written json conda 4.2: dist strings")
        << fx::text(u"handwritten/plan-json-conda4.2-dist-strings.txt"_qs)
        << u"/home/student/anaconda3/envs/old"_qs << false << false << 3 << 0 << 1 << qint64(-1) << false
        << u"3.5.3"_qs << Cuda << u"8.0"_qs << u"cudatoolkit 8.0"_qs << u"install:3"_qs;
    QString withNewKey = real("05-create-dry-run-json");
    withNewKey.replace(u"\"dry_run\": true,"_qs,
                       u"\"dry_run\": true,\n  \"solver_stats\": {\"ms\": [1, 2]},"_qs);
    QTest::newRow("a new top-level key is ignored")
        << withNewKey << demo << true << false << 3 << 0 << 3 << qint64(2151) << true << u"3.11.2"_qs
        << Absent << QString() << QString() << u"install:3"_qs;

    // text plans (real)
    QTest::newRow("real text dry run (06)")
        << real("06-create-dry-run") << demo << true << false << 3 << 0 << 3 << qint64(2048) << false
        << u"3.11.2"_qs << Absent << QString() << QString() << u"install:3"_qs;
    QTest::newRow("real text create -y (07)")
        << real("07-create-yes") << demo << false << false << 3 << 0 << 3 << qint64(2048) << false
        << u"3.11.2"_qs << Absent << QString() << QString() << u"install:3"_qs;
    QTest::newRow("real text from a terminal (08)")
        << real("08-create-interactive-yes.pty") << u"/opt/conda/envs/demo2"_qs << false << false << 2 << 0
        << 0 << qint64(-1) << false << u"3.11.2"_qs << Absent << QString() << QString() << u"install:2"_qs;
    QTest::newRow("real text from a terminal, answered no (09)")
        << real("09-create-interactive-no.pty") << u"/opt/conda/envs/demo3"_qs << false << false << 1 << 0
        << 0 << qint64(-1) << false << QString() << Absent << QString() << QString() << u"install:1"_qs;
    QTest::newRow("real text downgrade (18)")
        << real("18-install-dry-run") << demo << true << false << 1 << 0 << 1 << qint64(712) << false
        << QString() << Absent << QString() << QString() << u"downgrade:1"_qs;
    QTest::newRow("real text already installed (19)")
        << real("19-install-already-installed") << QString() << false << true << 0 << 0 << 0 << qint64(-1)
        << false << QString() << Absent << QString() << QString() << QString();
    QTest::newRow("real text remove (23)")
        << real("23-remove-yes") << demo << false << false << 0 << 1 << 0 << qint64(-1) << false << QString()
        << Absent << QString() << QString() << u"remove:1"_qs;
    QTest::newRow("real text empty env (49)")
        << real("49-create-no-packages") << u"/opt/conda/envs/empty"_qs << false << false << 0 << 0 << 0
        << qint64(-1) << false << QString() << Absent << QString() << QString() << QString();
    QTest::newRow("issue text conda 4.x, cut short, 951.9 MB, no channel column")
        << fx::text(u"issues/conda-create-plan__pytorch-cudatoolkit__conda4.x-excerpt.txt"_qs)
        << u"/home/barryza1/miniconda3/envs/blahhh"_qs << false << false << 0 << 0 << 6 << qint64(998440550)
        << false << QString() << Unknown << QString() << u"cudatoolkit 11.0"_qs << QString();
    // text plans (stand-in)
    QTest::newRow("stand-in text, guide with __cuda 12.2 (s03)")
        << si("s03-guide-dry-run-cuda12.2") << cola << true << false << 57 << 0 << 57 << qint64(2985002271)
        << false << u"3.12.1"_qs << Cuda << u"11.8"_qs << u"cuda-version 11.8"_qs << u"install:57"_qs;
    QTest::newRow("stand-in text, guide without GPU (s04)")
        << si("s04-guide-dry-run-nocuda") << cola << true << false << 55 << 0 << 55 << qint64(946339840)
        << false << u"3.12.1"_qs << Cpu << QString() << u"cuda-version 11.8"_qs << u"install:55"_qs;
    QTest::newRow("stand-in text, pytorch-cuda=12.1 (s06)")
        << si("s06-pytorch-cuda121-dry-run") << t << true << false << 62 << 0 << 62 << qint64(3038689362)
        << false << u"3.12.1"_qs << Cuda << u"12.1"_qs << u"pytorch-cuda 12.1"_qs << u"install:62"_qs;
    QTest::newRow("stand-in text from a terminal with bars (s12)")
        << si("s12-guide-create-pty") << cola << false << false << 57 << 0 << 57 << qint64(2985002271)
        << false << u"3.12.1"_qs << Cuda << u"11.8"_qs << u"cuda-version 11.8"_qs << u"install:57"_qs;
    QTest::newRow("stand-in text create -y with bars (s13)")
        << si("s13-guide-create-yes") << u"/home/student/miniconda3/envs/cola2"_qs << false << false << 57
        << 0 << 57 << qint64(2985002271) << false << u"3.12.1"_qs << Cuda << u"11.8"_qs
        << u"cuda-version 11.8"_qs << u"install:57"_qs;
    QTest::newRow("stand-in text python=3.10 numpy (s14)")
        << si("s14-create-py310-yes") << u"/home/student/miniconda3/envs/old"_qs << false << false << 28 << 0
        << 28 << qint64(263087718) << false << u"3.10.13"_qs << Absent << QString() << QString()
        << u"install:28"_qs;
    QTest::newRow("stand-in text UPDATED (s15)")
        << si("s15-install-update-dry-run") << u"/home/student/miniconda3/envs/old"_qs << true << false << 1
        << 0 << 1 << qint64(33135002) << false << u"3.11.7"_qs << Absent << QString() << QString()
        << u"update:1"_qs;
    QTest::newRow("stand-in text SUPERSEDED, shortened with ~ (s15b)")
        << si("s15b-install-supersede-dry-run") << u"/home/student/miniconda3/envs/old"_qs << true << false
        << 22 << 0 << 22 << qint64(53477376) << false << u"3.10.13"_qs << Absent << QString() << QString()
        << u"install:11,supersede:11"_qs;
    QTest::newRow("stand-in text REMOVED (s17)")
        << si("s17-remove-dry-run") << cola << true << false << 0 << 2 << 0 << qint64(-1) << false
        << QString() << Absent << QString() << QString() << u"remove:2"_qs;
    QTest::newRow("stand-in text conda 25.x (s44)")
        << si("s44-25-guide-dry-run-cuda12.2") << u"/home/student/miniconda3/envs/c25"_qs << true << false
        << 57 << 0 << 57 << qint64(2985002271) << false << u"3.12.1"_qs << Cuda << u"11.8"_qs
        << u"cuda-version 11.8"_qs << u"install:57"_qs;
    QTest::newRow("stand-in text conda 25.x create -y (s45)")
        << si("s45-25-guide-create-yes") << u"/home/student/miniconda3/envs/c25"_qs << false << false << 57
        << 0 << 57 << qint64(2985002271) << false << u"3.12.1"_qs << Cuda << u"11.8"_qs
        << u"cuda-version 11.8"_qs << u"install:57"_qs;
    QTest::newRow("stand-in text conda 25.x from a terminal, spinners (s47)")
        << si("s47-25-create-pty") << u"/home/student/miniconda3/envs/c25b"_qs << false << false << 28 << 0
        << 28 << qint64(268854886) << false << u"3.11.7"_qs << Absent << QString() << QString()
        << u"install:28"_qs;
    // text plans, conda 4.x (hand-written)
    QTest::newRow("hand-written text conda 4.5: name: version-build channel [feature]")
        << fx::text(u"handwritten/plan-text-conda4.5.txt"_qs) << u"/home/student/anaconda3/envs/cola"_qs
        << false << false << 4 << 0 << 4 << qint64(843369677) << false << QString() << Cuda << u"9.0"_qs
        << u"cudatoolkit 9.0"_qs << u"install:3,update:1"_qs;
    QTest::newRow("hand-written text conda 4.3: Package plan for installation in environment")
        << fx::text(u"handwritten/plan-text-conda4.3.txt"_qs) << u"/home/student/anaconda3/envs/cola"_qs
        << false << false << 2 << 0 << 1 << qint64(327260570) << false << QString() << Cuda << u"7.5"_qs
        << QString() << u"install:2"_qs;
}

void TestCondaPlan::plan()
{
    QFETCH(QString, input);
    QFETCH(QString, prefix);
    QFETCH(bool, dryRun);
    QFETCH(bool, nothingToDo);
    QFETCH(int, linked);
    QFETCH(int, removed);
    QFETCH(int, downloads);
    QFETCH(qint64, bytes);
    QFETCH(bool, exact);
    QFETCH(QString, python);
    QFETCH(int, torch);
    QFETCH(QString, torchCuda);
    QFETCH(QString, runtime);
    QFETCH(QString, changes);

    const auto r = parsePlan(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message + u" | "_qs + r.error().detail));
    const CondaPlan &p = r.value();
    QCOMPARE(p.prefix, prefix);
    QCOMPARE(p.dryRun, dryRun);
    QCOMPARE(p.nothingToDo, nothingToDo);
    QCOMPARE(p.linked().size(), linked);
    QCOMPARE(p.removed().size(), removed);
    QCOMPARE(p.downloads.size(), downloads);
    QCOMPARE(p.downloadBytes, bytes);
    QCOMPARE(p.downloadBytesExact, exact);
    QCOMPARE(p.pythonVersion, python);
    QCOMPARE(int(p.torch.variant), torch);
    QCOMPARE(p.torch.cudaVersion, torchCuda);
    QCOMPARE(QString(p.torch.cudaRuntimePackage + u' ' + p.torch.cudaRuntimeVersion).trimmed(), runtime);
    QCOMPARE(::changes(p), changes);
    for (const CondaPlanEntry &e : p.entries) {
        QVERIFY(!e.package.name.isEmpty());
        QVERIFY(!e.package.version.isEmpty());
    }
    for (qsizetype i = 1; i < p.entries.size(); ++i)
        QVERIFY(p.entries[i - 1].package.name <= p.entries[i].package.name);
    if (torch != Absent && torch != Unknown)
        QVERIFY(!p.torch.evidence.isEmpty());
}

// The same command with and without --json gives the same plan (sizes rounded in the text).
void TestCondaPlan::jsonAndTextAgree_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("text");
    QTest::newRow("real create (05/06)")
        << u"real-23.7.4/05-create-dry-run-json"_qs << u"real-23.7.4/06-create-dry-run"_qs;
    QTest::newRow("real downgrade (17/18)")
        << u"real-23.7.4/17-install-downgrade-dry-run-json"_qs << u"real-23.7.4/18-install-dry-run"_qs;
    QTest::newRow("stand-in guide, CUDA (s01/s03)")
        << u"standin/s01-guide-dry-run-json-cuda12.2"_qs << u"standin/s03-guide-dry-run-cuda12.2"_qs;
    QTest::newRow("stand-in guide, CPU (s02/s04)")
        << u"standin/s02-guide-dry-run-json-nocuda"_qs << u"standin/s04-guide-dry-run-nocuda"_qs;
    QTest::newRow("stand-in pytorch-cuda (s05/s06)")
        << u"standin/s05-pytorch-cuda121-dry-run-json"_qs << u"standin/s06-pytorch-cuda121-dry-run"_qs;
    QTest::newRow("stand-in 25.x (s43/s44)")
        << u"standin/s43-25-guide-dry-run-json-cuda12.2"_qs << u"standin/s44-25-guide-dry-run-cuda12.2"_qs;
}

void TestCondaPlan::jsonAndTextAgree()
{
    QFETCH(QString, json);
    QFETCH(QString, text);
    const auto j = parsePlanJson(fx::output(json));
    const auto t = parsePlanText(fx::output(text));
    QVERIFY(j.ok());
    QVERIFY(t.ok());
    QCOMPARE(linkedSet(t.value()), linkedSet(j.value()));
    QCOMPARE(t.value().prefix, j.value().prefix);
    QCOMPARE(t.value().pythonVersion, j.value().pythonVersion);
    QCOMPARE(t.value().torch.variant, j.value().torch.variant);
    QCOMPARE(t.value().torch.cudaVersion, j.value().torch.cudaVersion);
    QCOMPARE(t.value().torch.version, j.value().torch.version);
    QCOMPARE(t.value().torch.build, j.value().torch.build);
    QCOMPARE(changes(t.value()), changes(j.value()));
    const double jb = double(j.value().downloadBytes);
    const double tb = double(t.value().downloadBytes);
    QVERIFY2(qAbs(jb - tb) <= qMax(1024.0, jb * 0.01), qPrintable(u"%1 vs %2"_qs.arg(jb).arg(tb)));
}

void TestCondaPlan::entriesInDetail()
{
    // real 17: hello-conda 1.0.0 -> 0.9.0, same channel, size from FETCH
    auto r = parsePlanJson(fx::text(u"real-23.7.4/17-install-downgrade-dry-run-json.txt"_qs));
    QVERIFY(r.ok());
    QCOMPARE(r.value().entries.size(), 1);
    CondaPlanEntry e = r.value().entries.first();
    QCOMPARE(e.change, CondaChange::Downgrade);
    QCOMPARE(e.package,
             (CondaPackage {u"hello-conda"_qs, u"0.9.0"_qs, u"pyh_0"_qs, 0, u"file:///srv/conda-channel"_qs,
                            QString(), 712}));
    QCOMPARE(e.previous.version, u"1.0.0"_qs);

    // real 18, the same as text: "hello-conda  1.0.0-pyh_0 --> 0.9.0-pyh_0"
    r = parsePlanText(fx::output(u"real-23.7.4/18-install-dry-run"_qs));
    QVERIFY(r.ok());
    e = r.value().entries.first();
    QCOMPARE(e.change, CondaChange::Downgrade);
    QCOMPARE(e.package.name, u"hello-conda"_qs);
    QCOMPARE(e.package.build, u"pyh_0"_qs);
    QCOMPARE(e.package.channel, u"file:///srv/conda-channel"_qs);
    QCOMPARE(e.package.size, 712);
    QCOMPARE(e.previous.version, u"1.0.0"_qs);
    QCOMPARE(e.previous.channel, u"file:///srv/conda-channel"_qs);

    // the guide's plan: pytorch with its size, channel and subdir
    r = parsePlanJson(fx::text(u"standin/s01-guide-dry-run-json-cuda12.2.txt"_qs));
    QVERIFY(r.ok());
    const CondaPackage *torch = r.value().find(u"pytorch");
    QVERIFY(torch);
    QCOMPARE(torch->channel, u"conda-forge"_qs);
    QCOMPARE(torch->build, u"cuda118_py312h8e7ea7a_300"_qs);
    QVERIFY(torch->size > qint64(1300) * 1024 * 1024);
    QCOMPARE(r.value().torch.evidence, u"pytorch 2.1.2 cuda118_py312h8e7ea7a_300"_qs);

    // text: the 4.x excerpt's row without channel column is a defaults package; 951.9 MB
    r = parsePlanText(fx::text(u"issues/conda-create-plan__pytorch-cudatoolkit__conda4.x-excerpt.txt"_qs));
    QVERIFY(r.ok());
    const QList<CondaPackage> d = r.value().downloads;
    QCOMPARE(d[2].name, u"blas"_qs);
    QCOMPARE(d[2].channel, u"defaults"_qs);
    QCOMPARE(d[5].name, u"cudatoolkit"_qs);
    QCOMPARE(d[5].version, u"11.0.3"_qs);
    QCOMPARE(d[5].size, qint64(951.9 * 1024 * 1024 + 0.5));
    QCOMPARE(r.value().specs, (QStringList {u"cudatoolkit=11.0"_qs, u"pytorch"_qs}));

    // superseded: the new side and the shortened old side
    r = parsePlanText(fx::output(u"standin/s15b-install-supersede-dry-run"_qs));
    QVERIFY(r.ok());
    for (const CondaPlanEntry &s : r.value().entries) {
        if (s.package.name != u"ld_impl_linux-64")
            continue;
        QCOMPARE(s.change, CondaChange::Supersede);
        QCOMPARE(s.package.channel, u"conda-forge"_qs);
        QCOMPARE(s.package.version, u"2.40"_qs);
        QCOMPARE(s.previous.channel, u"defaults"_qs);
        QCOMPARE(s.previous.version, u"2.38"_qs);
    }
}

void TestCondaPlan::refuses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("inMessageOrDetail");
    const QString json = fx::text(u"real-23.7.4/05-create-dry-run-json.txt"_qs);
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("whitespace") << u" \n\n "_qs << QString();
    QTest::newRow("truncated json (05)") << json.left(json.size() / 2) << QString();
    QTest::newRow("truncated json (s01)")
        << fx::text(u"standin/s01-guide-dry-run-json-cuda12.2.txt"_qs).left(30000) << QString();
    QTest::newRow("binary garbage with NUL and invalid UTF-8")
        << QString::fromUtf8(QByteArray("\x00\xff\xfe{\"actions\x00\x80\xc3(\x1b[A\r\n", 21)) << QString();
    QTest::newRow("an array") << u"[]"_qs << QString();
    QTest::newRow("null") << u"null"_qs << QString();
    QTest::newRow("actions is a number") << u"{\"actions\": 5, \"success\": true}"_qs << QString();
    QTest::newRow("LINK is a string")
        << u"{\"actions\": {\"LINK\": \"x\"}, \"success\": true}"_qs << QString();
    QTest::newRow("a package without name")
        << u"{\"actions\": {\"LINK\": [{\"foo\": 1}]}, \"success\": true}"_qs << QString();
    QTest::newRow("an unknown action")
        << u"{\"actions\": {\"PREFIX\": \"/x\", \"RELINK\": [{\"name\": \"numpy\", "
           "\"version\": \"1\"}]}, \"success\": true}"_qs
        << u"RELINK"_qs;
    QTest::newRow("no actions, no success") << u"{\"success\": false}"_qs << QString();
    QTest::newRow("json error: PackagesNotFoundError (34)")
        << fx::text(u"real-23.7.4/34-packages-not-found-json.txt"_qs) << u"PackagesNotFoundError"_qs;
    QTest::newRow("json error: UnsatisfiableError (38)")
        << fx::text(u"real-23.7.4/38-unsatisfiable-json.txt"_qs) << u"UnsatisfiableError"_qs;
    QTest::newRow("json error: env exists (47)")
        << fx::text(u"real-23.7.4/47-env-exists-yes-json.txt"_qs) << u"CondaValueError"_qs;
    QTest::newRow("text error: PackagesNotFoundError (33)")
        << fx::output(u"real-23.7.4/33-packages-not-found"_qs) << u"PackagesNotFoundError"_qs;
    QTest::newRow("text error: channel (45)")
        << fx::output(u"real-23.7.4/45-channel-dir-missing"_qs) << u"UnavailableInvalidChannel"_qs;
    QTest::newRow("text without a plan")
        << u"Collecting package metadata (repodata.json): done\nSolving environment: "
           "done\n"_qs
        << QString();
    QString unknownSection = fx::output(u"real-23.7.4/18-install-dry-run"_qs);
    unknownSection.replace(u"will be DOWNGRADED:"_qs, u"will be REVOKED:"_qs);
    QTest::newRow("text with an unknown section") << unknownSection << u"REVOKED"_qs;
    QString extraColumn = fx::output(u"real-23.7.4/06-create-dry-run"_qs);
    extraColumn.replace(u"700 B  file:///srv/conda-channel"_qs,
                        u"700 B  file:///srv/conda-channel  sha256:ab12"_qs);
    QTest::newRow("text download table with a new column") << extraColumn << QString();
    QString badRow = fx::output(u"real-23.7.4/06-create-dry-run"_qs);
    badRow.replace(u"channel/noarch::hello-conda-1.0.0-pyh_0"_qs, u"channel/noarch::hello-conda"_qs);
    QTest::newRow("text NEW row without version") << badRow << QString();
}

void TestCondaPlan::refuses()
{
    QFETCH(QString, input);
    QFETCH(QString, inMessageOrDetail);
    const auto r = parsePlan(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, onramp::ErrorKind::UnexpectedOutput);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(!r.error().detail.contains(QChar(0)));
    if (!inMessageOrDetail.isEmpty())
        QVERIFY2(r.error().message.contains(inMessageOrDetail)
                     || r.error().detail.contains(inMessageOrDetail),
                 qPrintable(r.error().message + u" | "_qs + r.error().detail));
}

void TestCondaPlan::torchBuildStrings_data()
{
    QTest::addColumn<QString>("build");
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("cuda");
    QTest::newRow("pytorch channel CUDA 11.8") << u"py3.11_cuda11.8_cudnn8.7.0_0"_qs << Cuda << u"11.8"_qs;
    QTest::newRow("pytorch channel CUDA 12.1") << u"py3.12_cuda12.1_cudnn8.9.2_0"_qs << Cuda << u"12.1"_qs;
    QTest::newRow("pytorch channel 2018") << u"py36_cuda9.0.176_cudnn7.1.2_1"_qs << Cuda << u"9.0"_qs;
    QTest::newRow("conda-forge cuda118") << u"cuda118_py311h1234567_300"_qs << Cuda << u"11.8"_qs;
    QTest::newRow("conda-forge cuda120") << u"cuda120_py312h8e7ea7a_301"_qs << Cuda << u"12.0"_qs;
    QTest::newRow("conda-forge cuda112 (pytorch-gpu)") << u"cuda112py38h3d13190_1"_qs << Cuda << u"11.2"_qs;
    QTest::newRow("defaults gpu_") << u"gpu_cuda118py311h5fa8b8d_0"_qs << Cuda << u"11.8"_qs;
    QTest::newRow("torchaudio cu121") << u"py311_cu121"_qs << Cuda << u"12.1"_qs;
    QTest::newRow("old pytorch 2cu80") << u"py35_2cu80"_qs << Cuda << u"8.0"_qs;
    QTest::newRow("cuda without a version") << u"cuda"_qs << Cuda << QString();
    QTest::newRow("pytorch channel CPU") << u"py3.11_cpu_0"_qs << Cpu << QString();
    QTest::newRow("conda-forge cpu") << u"cpu_py311h6d93b4c_0"_qs << Cpu << QString();
    QTest::newRow("conda-forge cpu_generic") << u"cpu_generic_py312h4d8a0f5_0"_qs << Cpu << QString();
    QTest::newRow("mutex cpu") << u"cpu"_qs << Cpu << QString();
    QTest::newRow("plain build") << u"py311h1234567_0"_qs << Unknown << QString();
    QTest::newRow("cudnn is not cuda") << u"cudnn8_0"_qs << Unknown << QString();
    QTest::newRow("empty") << QString() << Unknown << QString();
}

void TestCondaPlan::torchBuildStrings()
{
    QFETCH(QString, build);
    QFETCH(int, variant);
    QFETCH(QString, cuda);
    QString version;
    QCOMPARE(int(classifyTorchBuildString(build, &version)), variant);
    QCOMPARE(version, cuda);
}

void TestCondaPlan::torchFromCompanions_data()
{
    QTest::addColumn<QStringList>("packages"); // "name version build"
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("cuda");
    QTest::newRow("no pytorch") << QStringList {u"numpy 1.26 py311_0"_qs} << Absent << QString();
    QTest::newRow("pytorch-cuda decides")
        << QStringList {u"pytorch 2.2.2 py3.11_0"_qs, u"pytorch-cuda 12.1 ha16c6d3_5"_qs} << Cuda
        << u"12.1"_qs;
    QTest::newRow("cpuonly decides") << QStringList {u"pytorch 2.2.2 py3.11_0"_qs, u"cpuonly 2.0 0"_qs} << Cpu
                                     << QString();
    QTest::newRow("pytorch-mutex decides")
        << QStringList {u"pytorch 1.13 py3.10_0"_qs, u"pytorch-mutex 1.0 cuda"_qs} << Cuda << QString();
    QTest::newRow("cuda without version, cuda-version package")
        << QStringList {u"pytorch 2.1.2 cuda_py312h0_300"_qs, u"cuda-version 12.0 hffde075_2"_qs} << Cuda
        << u"12.0"_qs;
    QTest::newRow("pytorch-gpu metapackage")
        << QStringList {u"pytorch-gpu 1.9.0 h0bbbad9_1"_qs} << Cuda << QString();
    QTest::newRow("pip wheel +cpu") << QStringList {u"torch 2.2.2+cpu pypi_0"_qs} << Cpu << QString();
    QTest::newRow("nothing says") << QStringList {u"pytorch 2.2.2 py3.11_0"_qs} << Unknown << QString();
}

void TestCondaPlan::torchFromCompanions()
{
    QFETCH(QStringList, packages);
    QFETCH(int, variant);
    QFETCH(QString, cuda);
    QList<CondaPackage> list;
    for (const QString &p : std::as_const(packages)) {
        const QStringList f = p.split(u' ');
        CondaPackage c;
        c.name = f[0];
        c.version = f[1];
        c.build = f[2];
        list << c;
    }
    const TorchBuild t = detectTorchBuild(list);
    QCOMPARE(int(t.variant), variant);
    QCOMPARE(t.cudaVersion, cuda);
}

void TestCondaPlan::humanSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("bytes") << u"700 B"_qs << qint64(700);
    QTest::newRow("KB") << u"3 KB"_qs << qint64(3072);
    QTest::newRow("MB") << u"951.9 MB"_qs << qint64(951.9 * 1024 * 1024 + 0.5);
    QTest::newRow("GB") << u"1.40 GB"_qs << qint64(1.40 * 1024 * 1024 * 1024 + 0.5);
    QTest::newRow("padded") << u"  2.0 MB   "_qs << qint64(2097152);
    QTest::newRow("no unit") << u"700"_qs << qint64(-1);
    QTest::newRow("unknown unit") << u"7 PB"_qs << qint64(-1);
    QTest::newRow("word") << u"big"_qs << qint64(-1);
}

void TestCondaPlan::humanSizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(onramp::cluster::condaoutput::parseHumanSize(text), bytes);
}

void TestCondaPlan::dists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // channel|subdir|name|version|build, or "" for refused
    QTest::newRow("23.x NEW row") << u"conda-forge/linux-64::pytorch-2.1.2-cuda118_py312h8e7ea7a_300"_qs
                                  << u"conda-forge|linux-64|pytorch|2.1.2|cuda118_py312h8e7ea7a_300"_qs;
    QTest::newRow("dashes in the name")
        << u"channel/noarch::hello-conda-1.0.0-pyh_0"_qs << u"channel|noarch|hello-conda|1.0.0|pyh_0"_qs;
    QTest::newRow("4.2 with link type")
        << u"defaults::cudatoolkit-8.0-3 1"_qs << u"defaults||cudatoolkit|8.0|3"_qs;
    QTest::newRow("no channel") << u"bigblob-1.0-0"_qs << u"||bigblob|1.0|0"_qs;
    QTest::newRow("channel with a slash")
        << u"pkgs/main::python-3.11.7-h955ad1f_0"_qs << u"pkgs/main||python|3.11.7|h955ad1f_0"_qs;
    QTest::newRow("too few parts") << u"hello-conda"_qs << QString();
    QTest::newRow("trailing words") << u"numpy-1.0-py_0 and more"_qs << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCondaPlan::dists()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    onramp::cluster::condaoutput::Dist d;
    const bool ok = onramp::cluster::condaoutput::parseDist(text, &d);
    QCOMPARE(ok, !expected.isEmpty());
    if (ok)
        QCOMPARE(QStringList({d.channel, d.subdir, d.name, d.version, d.build}).join(u'|'), expected);
}

void TestCondaPlan::channels_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("FETCH url, anaconda.org")
        << u"https://conda.anaconda.org/conda-forge/linux-64"_qs << QString() << u"conda-forge"_qs;
    QTest::newRow("FETCH url, repo.anaconda.com")
        << u"https://repo.anaconda.com/pkgs/main/noarch"_qs << QString() << u"pkgs/main"_qs;
    QTest::newRow("file channel") << u"file:///srv/conda-channel/noarch"_qs << QString()
                                  << u"file:///srv/conda-channel"_qs;
    QTest::newRow("mirror keeps its address")
        << u"https://mirrors.example.edu/anaconda/cloud/pytorch/linux-64/"_qs << QString()
        << u"https://mirrors.example.edu/anaconda/cloud/pytorch"_qs;
    QTest::newRow("LINK record, conda-forge")
        << u"conda-forge"_qs << u"https://conda.anaconda.org/conda-forge"_qs << u"conda-forge"_qs;
    QTest::newRow("LINK record, local channel called 'channel'")
        << u"channel"_qs << u"file:///srv/conda-channel"_qs << u"file:///srv/conda-channel"_qs;
    QTest::newRow("pip") << u"pypi"_qs << u"https://pypi.org/simple"_qs << u"pypi"_qs;
    QTest::newRow("4.3 defaults, no base_url") << u"defaults"_qs << QString() << u"defaults"_qs;
}

void TestCondaPlan::channels()
{
    QFETCH(QString, channel);
    QFETCH(QString, baseUrl);
    QFETCH(QString, expected);
    QCOMPARE(onramp::cluster::condaoutput::recordChannel(channel, baseUrl), expected);
}

void TestCondaPlan::versions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order");
    QTest::newRow("numeric, not lexical") << u"1.9.0"_qs << u"1.10.0"_qs << -1;
    QTest::newRow("equal") << u"2.1.2"_qs << u"2.1.2"_qs << 0;
    QTest::newRow("missing part is zero") << u"3.11"_qs << u"3.11.0"_qs << 0;
    QTest::newRow("release after rc") << u"1.0"_qs << u"1.0rc1"_qs << 1;
    QTest::newRow("letters") << u"2023c"_qs << u"2023d"_qs << -1;
}

void TestCondaPlan::versions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);
    QCOMPARE(onramp::cluster::condaoutput::compareVersions(a, b), order);
    QCOMPARE(onramp::cluster::condaoutput::compareVersions(b, a), -order);
}

void TestCondaPlan::terminalLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("CRLF") << u"a\r\nb\r\n"_qs << QStringList {u"a"_qs, u"b"_qs};
    QTest::newRow("spinner with backspaces")
        << u"Solving environment: - \b\b\\ \b\bdone\r\n"_qs << QStringList {u"Solving environment: done"_qs};
    QTest::newRow("bar redrawn after CR") << u"\rpkg | 0%\rpkg | 100%\n"_qs << QStringList {u"pkg | 100%"_qs};
    QTest::newRow("colours and cursor up dropped")
        << u"\x1b[1;31mred\x1b[0m\x1b[A\n"_qs << QStringList {u"red"_qs};
    QTest::newRow("NUL separates records")
        << u"{\"a\":1}\n\u0000{\"b\":2}"_qs << QStringList {u"{\"a\":1}"_qs, QString(), u"{\"b\":2}"_qs};
    QTest::newRow("no final newline") << u"tail"_qs << QStringList {u"tail"_qs};
}

void TestCondaPlan::terminalLines()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QCOMPARE(onramp::cluster::condaoutput::renderLines(text), lines);
}

QTEST_GUILESS_MAIN(TestCondaPlan)
#include "tst_condaplan.moc"
