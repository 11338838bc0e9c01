// The guided setup's pure checks over fixture evidence: what the scripts print, .bashrc, the plan
// review, the verification verdict, "already done?" and the evidence's JSON.
#include "cluster/conda/condacommands.h"
#include "setup/guided/setupchecks.h"
#include "setup/guided/setupengine.h"
#include "setup/guided/setupevidence.h"
#include "setup/guided/setupjournal.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp;
using namespace onramp::setup::guided;
using cluster::CondaPackage;
using cluster::CondaPlan;
using cluster::CondaPlanEntry;
using cluster::TorchBuild;

namespace {

CondaPackage package(const QString &name, const QString &version, const QString &build,
                     const QString &channel = QStringLiteral("conda-forge"))
{
    CondaPackage p;
    p.name = name;
    p.version = version;
    p.build = build;
    p.channel = channel;
    return p;
}

CondaPlan planWith(const QList<CondaPackage> &packages, qint64 downloadBytes = 1000)
{
    CondaPlan plan;
    for (const CondaPackage &p : packages) {
        CondaPlanEntry e;
        e.package = p;
        plan.entries << e;
    }
    plan.downloadBytes = downloadBytes;
    plan.torch = cluster::detectTorchBuild(packages);
    return plan;
}

QStringList codes(const cluster::Diagnoses &diagnoses)
{
    QStringList out;
    for (const cluster::Diagnosis &d : diagnoses)
        out << d.code;
    return out;
}

const CondaPackage kCudaTorch = package(QStringLiteral("pytorch"), QStringLiteral("2.1.2"),
                                        QStringLiteral("cuda118_py312h8e7ea7a_300"));
const CondaPackage kCpuTorch = package(QStringLiteral("pytorch"), QStringLiteral("2.1.2"),
                                       QStringLiteral("cpu_generic_py312h1234567_0"));

} // namespace

class TestSetupChecks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identifyOutputKeepsTheShellsNoise();
    void identifyWithoutMarkerIsAnError();
    void spaceReport();
    void bashrc_data();
    void bashrc();
    void alreadyDone_data();
    void alreadyDone();
    void missingPackages();
    void recipes_data();
    void recipes();
    void planReview_data();
    void planReview();
    void verifyVerdict_data();
    void verifyVerdict();
    void verifyOutputIsSplitAtTheMarkers();
    void evidenceRoundTripsThroughTheJournal();
    void condaCleanCommand_data();
    void condaCleanCommand();
    void noFixWithoutWhatItNeeds();
};

void TestSetupChecks::identifyOutputKeepsTheShellsNoise()
{
    const auto facts
        = parseIdentifyOutput(QStringLiteral("Welcome to aha!\n@@onramp-identify@@\nlogin_node=aha\n"
                                             "conda=/home/s/miniconda3/bin/conda\nsinfo=/usr/bin/sinfo\n"
                                             "srun=/usr/bin/srun\nquota=\nhome=/home/s\n"
                                             "default_partition=cpu\n"));
    QVERIFY(facts);
    QCOMPARE(facts.value().loginNode, QStringLiteral("aha"));
    QCOMPARE(facts.value().conda, QStringLiteral("/home/s/miniconda3/bin/conda"));
    QCOMPARE(facts.value().defaultPartition, QStringLiteral("cpu"));
    QVERIFY(facts.value().quota.isEmpty());
    QCOMPARE(facts.value().shellNoise, QStringLiteral("Welcome to aha!"));
}

void TestSetupChecks::identifyWithoutMarkerIsAnError()
{
    const auto facts = parseIdentifyOutput(u"bash: line 1: syntax error");
    QVERIFY(!facts);
    QCOMPARE(facts.error().kind, ErrorKind::UnexpectedOutput);
}

void TestSetupChecks::spaceReport()
{
    const SpaceReport report
        = parseSpaceReport(QStringLiteral("/home/s\t/dev/vda 264212084 19940172 80397016 20% /\n"
                                          "/home/s/miniconda3/pkgs\tnfs:/pkgs 1000 900 100 90% /mnt/pkgs\n"
                                          "@@onramp-quota@@\nDisk quotas for user s (uid 1001): none\n"));
    QCOMPARE(report.entries.size(), 2);
    QCOMPARE(report.entries.at(0).availableBytes, qint64(80397016) * 1024);
    QCOMPARE(report.entries.at(1).mountedOn, QStringLiteral("/mnt/pkgs"));
    QCOMPARE(report.leastAvailable({}), qint64(100) * 1024);
    QCOMPARE(report.leastAvailable({QStringLiteral("/home/s")}), qint64(80397016) * 1024);
    QVERIFY(report.quota.startsWith(QLatin1String("Disk quotas")));
}

void TestSetupChecks::bashrc_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasInit");
    QTest::addColumn<bool>("everywhere");
    QTest::addColumn<QStringList>("expected");
    const QString block = QStringLiteral("# >>> conda initialize >>>\n__conda_setup=\"$('/x/bin/conda' "
                                         "'shell.bash' 'hook' 2> /dev/null)\"\n# <<< conda initialize <<<\n");
    const QString guard = QStringLiteral("case $- in\n    *i*) ;;\n      *) return;;\nesac\n");
    QTest::newRow("no conda init") << guard << false << false << QStringList();
    QTest::newRow("init after the guard (Debian's default place)")
        << guard + block << true << false << QStringList();
    QTest::newRow("init before the guard") << block
            + guard << true << true << QStringList {QStringLiteral("setup.bashrc.conda-init-everywhere")};
    QTest::newRow("no guard at all") << block << true << true
                                     << QStringList {QStringLiteral("setup.bashrc.conda-init-everywhere")};
    QTest::newRow("an echo before the guard")
        << QStringLiteral("echo Welcome\n[ -z \"$PS1\" ] && return\n") << false << false
        << QStringList {QStringLiteral("setup.bashrc.prints")};
    QTest::newRow("conda activate after the guard is fine")
        << guard + block + QStringLiteral("conda activate cola\n") << true << false << QStringList();
}

void TestSetupChecks::bashrc()
{
    QFETCH(QString, text);
    QFETCH(bool, hasInit);
    QFETCH(bool, everywhere);
    QFETCH(QStringList, expected);
    const BashrcFinding finding = analyseBashrc(text);
    QCOMPARE(finding.hasCondaInit, hasInit);
    QCOMPARE(finding.runsInNonInteractiveShells, everywhere);
    QCOMPARE(codes(explainBashrc(finding, {})), expected);
}

void TestSetupChecks::alreadyDone_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QList<CondaPackage>>("packages");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<bool>("done");
    QTest::newRow("no env") << false << QList<CondaPackage> {} << 1 << false;
    QTest::newRow("empty env") << true << QList<CondaPackage> {} << 1 << false;
    QTest::newRow("CUDA build, GPU wanted") << true << QList<CondaPackage> {kCudaTorch} << 1 << true;
    QTest::newRow("CPU build, GPU wanted") << true << QList<CondaPackage> {kCpuTorch} << 1 << false;
    QTest::newRow("CPU build, no GPU wanted") << true << QList<CondaPackage> {kCpuTorch} << 0 << true;
}

void TestSetupChecks::alreadyDone()
{
    QFETCH(bool, exists);
    QFETCH(QList<CondaPackage>, packages);
    QFETCH(int, gpus);
    QFETCH(bool, done);
    QList<cluster::CondaEnvironment> envs {{QStringLiteral("base"), QStringLiteral("/c"), false, true}};
    if (exists)
        envs << cluster::CondaEnvironment {QStringLiteral("cola"), QStringLiteral("/c/envs/cola"), false,
                                           false};
    const EnvState env = envStateFrom(envs, QStringLiteral("cola"), packages);
    QCOMPARE(env.exists, exists);
    QCOMPARE(torchAlreadyInstalled(env, gpus), done);
}

void TestSetupChecks::missingPackages()
{
    const QList<cluster::CondaEnvironment> envs {
        {QStringLiteral("cola"), QStringLiteral("/c/envs/cola"), false, false}};
    const EnvState env
        = envStateFrom(envs, QStringLiteral("cola"),
                       {kCudaTorch, package(QStringLiteral("numpy"), QStringLiteral("1.26.3"), {})});
    QCOMPARE(setup::guided::missingPackages(env,
                                            {QStringLiteral("matplotlib"), QStringLiteral("numpy>=1.20"),
                                             QStringLiteral("conda-forge::Pillow")}),
             (QStringList {QStringLiteral("matplotlib"), QStringLiteral("conda-forge::Pillow")}));
}

void TestSetupChecks::recipes_data()
{
    QTest::addColumn<int>("recipe");
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("driverCuda");
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QStringList>("channels");
    QTest::newRow("guide") << int(Recipe::Guide) << QString() << QStringLiteral("12.7")
                           << QStringList {QStringLiteral("pytorch"), QStringLiteral("torchvision"),
                                           QStringLiteral("cudatoolkit")}
                           << QStringList {QStringLiteral("conda-forge"), QStringLiteral("pytorch")};
    QTest::newRow("guide with python")
        << int(Recipe::Guide) << QStringLiteral("3.8") << QString()
        << QStringList {QStringLiteral("python=3.8"), QStringLiteral("pytorch"),
                        QStringLiteral("torchvision"), QStringLiteral("cudatoolkit")}
        << QStringList {QStringLiteral("conda-forge"), QStringLiteral("pytorch")};
    QTest::newRow("modern, driver CUDA 12.7")
        << int(Recipe::Modern) << QString() << QStringLiteral("12.7")
        << QStringList {QStringLiteral("pytorch"), QStringLiteral("cuda-version=12")}
        << QStringList {QStringLiteral("conda-forge")};
    QTest::newRow("modern, driver unknown")
        << int(Recipe::Modern) << QString() << QString() << QStringList {QStringLiteral("pytorch")}
        << QStringList {QStringLiteral("conda-forge")};
}

void TestSetupChecks::recipes()
{
    QFETCH(int, recipe);
    QFETCH(QString, python);
    QFETCH(QString, driverCuda);
    QFETCH(QStringList, specs);
    QFETCH(QStringList, channels);
    SetupOptions options;
    options.recipe = Recipe(recipe);
    options.pythonVersion = python;
    const InstallRequestSpecs request = torchRecipe(options, driverCuda);
    QCOMPARE(request.specs, specs);
    QCOMPARE(request.channels, channels);
}

void TestSetupChecks::planReview_data()
{
    QTest::addColumn<QList<CondaPackage>>("packages");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<qint64>("download");
    QTest::addColumn<qint64>("free");
    QTest::addColumn<QString>("driverCuda");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<QStringList>("expected");
    const qint64 gb = qint64(1) << 30;
    QTest::newRow("CUDA build fits") << QList<CondaPackage> {kCudaTorch} << 1 << 3 * gb << 50 * gb
                                     << QStringLiteral("12.7") << false << QStringList();
    QTest::newRow("CPU build, GPU wanted")
        << QList<CondaPackage> {kCpuTorch} << 1 << gb << 50 * gb << QStringLiteral("12.7") << true
        << QStringList {QStringLiteral("setup.plan.cpu-build")};
    QTest::newRow("CPU build, no GPU wanted") << QList<CondaPackage> {kCpuTorch} << 0 << gb << 50 * gb
                                              << QStringLiteral("12.7") << false << QStringList();
    QTest::newRow("CUDA newer than the driver")
        << QList<CondaPackage> {kCudaTorch} << 1 << gb << 50 * gb << QStringLiteral("10.2") << true
        << QStringList {QStringLiteral("setup.plan.cuda-too-new")};
    QTest::newRow("download larger than the free space")
        << QList<CondaPackage> {kCudaTorch} << 1 << 3 * gb << gb << QStringLiteral("12.7") << true
        << QStringList {QStringLiteral("setup.plan.no-space")};
}

void TestSetupChecks::planReview()
{
    QFETCH(QList<CondaPackage>, packages);
    QFETCH(int, gpus);
    QFETCH(qint64, download);
    QFETCH(qint64, free);
    QFETCH(QString, driverCuda);
    QFETCH(bool, blocked);
    QFETCH(QStringList, expected);
    const PlanVerdict verdict = reviewPlan(planWith(packages, download), gpus, free, driverCuda, driverCuda);
    QCOMPARE(verdict.blocked, blocked);
    QCOMPARE(codes(verdict.diagnoses), expected);
    QVERIFY(!planTable(planWith(packages, download), free).isEmpty());
}

void TestSetupChecks::verifyVerdict_data()
{
    QTest::addColumn<QString>("cuda");
    QTest::addColumn<bool>("available");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("requested");
    QTest::addColumn<bool>("passed");
    QTest::newRow("one GPU asked, one seen") << QStringLiteral("11.8") << true << 1 << 1 << true;
    QTest::newRow("two asked, one seen") << QStringLiteral("11.8") << true << 1 << 2 << false;
    QTest::newRow("not available") << QStringLiteral("11.8") << false << 0 << 1 << false;
    QTest::newRow("CPU build") << QString() << false << 0 << 1 << false;
}

void TestSetupChecks::verifyVerdict()
{
    QFETCH(QString, cuda);
    QFETCH(bool, available);
    QFETCH(int, count);
    QFETCH(int, requested);
    QFETCH(bool, passed);
    cluster::TorchProbeResult probe;
    probe.torchImported = true;
    probe.torchVersion = QStringLiteral("2.1.2");
    probe.torchCuda = cuda;
    probe.cudaAvailable = available;
    probe.deviceCount = count;
    const VerifyVerdict verdict = verifyProbe(probe, requested, QStringLiteral("node1"));
    QCOMPARE(verdict.passed, passed);
    QCOMPARE(verdict.diagnoses.isEmpty(), passed);
}

void TestSetupChecks::verifyOutputIsSplitAtTheMarkers()
{
    const auto parts = splitVerifyOutput(u"@@onramp:hostname@@\nnode1\n@@onramp:nvidia-smi@@\ntable\n"
                                         u"@@onramp:probe@@\n{\"onramp_probe\": 1}\n");
    QCOMPARE(parts.value(QStringLiteral("hostname")), QStringLiteral("node1"));
    QCOMPARE(parts.value(QStringLiteral("nvidia-smi")), QStringLiteral("table"));
    QCOMPARE(parts.value(QStringLiteral("probe")), QStringLiteral("{\"onramp_probe\": 1}"));
}

void TestSetupChecks::evidenceRoundTripsThroughTheJournal()
{
    SetupOptions options;
    options.envName = QStringLiteral("cola");
    options.recipe = Recipe::Modern;
    options.pythonVersion = QStringLiteral("3.11");
    SetupEvidence evidence = freshEvidence(QStringLiteral("aha"), options);
    StepRecord &step = evidence.step(StepId::Verify);
    step.state = StepState::Done;
    step.facts.insert(QStringLiteral("device_count"), 1);
    step.commands << CommandEvidence {
        QStringLiteral("srun hostname"), QStringLiteral("login"), {}, 0, {}, {}, 42,
        QStringLiteral("node1\n")};
    step.checks << CheckResult {QStringLiteral("verify.device-count"), true, QStringLiteral("ok")};
    step.diagnoses << cluster::Diagnosis {
        QStringLiteral("x.y"), QStringLiteral("s"), QStringLiteral("t"), {}};

    QTemporaryDir dir;
    const SetupJournal journal(dir.path());
    QVERIFY(journal.save(evidence));
    const std::optional<SetupEvidence> loaded = journal.load(QStringLiteral("aha"), QStringLiteral("cola"));
    QVERIFY(loaded);
    QCOMPARE(toJson(*loaded), toJson(evidence));
    QCOMPARE(loaded->options.recipe, Recipe::Modern);
    QCOMPARE(loaded->step(StepId::Verify).commands.first().elapsedMs, qint64(42));
    QVERIFY(!journal.load(QStringLiteral("aha"), QStringLiteral("other")));
    QVERIFY(journal.pathFor(QStringLiteral("../x"), QStringLiteral("cola"))
                .startsWith(dir.path() + QStringLiteral("/")));
    QVERIFY(!journal.pathFor(QStringLiteral("../x"), QStringLiteral("cola")).contains(QLatin1String("/../")));
}

void TestSetupChecks::condaCleanCommand_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("command"); // empty: refused
    QTest::newRow("path") << QStringLiteral("/home/s/miniconda3/bin/conda")
                          << QStringLiteral("/home/s/miniconda3/bin/conda clean --all --yes");
    QTest::newRow("name") << QStringLiteral("conda") << QStringLiteral("conda clean --all --yes");
    QTest::newRow("space quoted") << QStringLiteral("/opt/my conda/bin/conda")
                                  << QStringLiteral("'/opt/my conda/bin/conda' clean --all --yes");
    QTest::newRow("metacharacters refused") << QStringLiteral("conda; rm -rf ~") << QString();
}

void TestSetupChecks::condaCleanCommand()
{
    QFETCH(QString, tool);
    QFETCH(QString, command);
    const Result<QString> built = cluster::condaCleanCommand({tool});
    QCOMPARE(bool(built), !command.isEmpty());
    if (built)
        QCOMPARE(built.value(), command);
}

void TestSetupChecks::noFixWithoutWhatItNeeds()
{
    // Before step 1 the engine knows neither conda nor the partitions: nothing can be applied.
    SetupEngine engine(nullptr, QStringLiteral("aha"), SetupOptions {});
    QVERIFY(!engine.fixFor({QStringLiteral("conda.disk.full"), {}, {}, {}}));
    QVERIFY(!engine.fixFor({QStringLiteral("slurm.pending.Resources"), {}, {}, {}}));
    QVERIFY(engine.availableFixes().isEmpty());
    QVERIFY(!engine.applyFix(QStringLiteral("conda.clean")));
    QCOMPARE(questionKindKey(SetupQuestion::Kind::PendingJob), QStringLiteral("pending-job"));
}

QTEST_GUILESS_MAIN(TestSetupChecks)
#include "tst_setupchecks.moc"
