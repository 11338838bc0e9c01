#include "cluster/conda/condacommands.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp::cluster;
using onramp::Result;
using onramp::Status;

class TestCondaCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void envName_data();
    void envName();
    void envTarget_data();
    void envTarget();
    void packageSpec_data();
    void packageSpec();
    void channel_data();
    void channel();
    void cudaOverride_data();
    void cudaOverride();
    void tool_data();
    void tool();
    void builds_data();
    void builds();
    void refuses_data();
    void refuses();
    void roundTripThroughShell_data();
    void roundTripThroughShell();
    void activationInARealShell();
};

void TestCondaCommands::envName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("create");
    QTest::addColumn<bool>("valid");
    QTest::newRow("guide default") << u"cola"_qs << true << true;
    QTest::newRow("dashes dots digits") << u"torch-2.1_py3.11"_qs << true << true;
    QTest::newRow("plus") << u"a+b"_qs << true << true;
    QTest::newRow("leading digit") << u"3d"_qs << true << true;
    QTest::newRow("leading underscore") << u"_tmp"_qs << true << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true << true;
    QTest::newRow("base to use") << u"base"_qs << false << true;
    QTest::newRow("base to create") << u"base"_qs << true << false;
    QTest::newRow("root to create") << u"root"_qs << true << false;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("65 characters") << QString(65, u'a') << false << false;
    QTest::newRow("space") << u"my env"_qs << false << false;
    QTest::newRow("slash") << u"a/b"_qs << false << false;
    QTest::newRow("colon") << u"a:b"_qs << false << false;
    QTest::newRow("hash") << u"a#b"_qs << false << false;
    QTest::newRow("semicolon") << u"a;b"_qs << false << false;
    QTest::newRow("command substitution") << u"$(touch x)"_qs << false << false;
    QTest::newRow("backticks") << u"`id`"_qs << false << false;
    QTest::newRow("single quote") << u"it's"_qs << false << false;
    QTest::newRow("double quote") << u"a\"b"_qs << false << false;
    QTest::newRow("newline") << u"a\nb"_qs << false << false;
    QTest::newRow("trailing newline") << u"cola\n"_qs << false << false;
    QTest::newRow("leading dash (an option)") << u"-rf"_qs << false << false;
    QTest::newRow("leading dot") << u".hidden"_qs << false << false;
    QTest::newRow("dot") << u"."_qs << false << false;
    QTest::newRow("dot dot") << u".."_qs << false << false;
    QTest::newRow("tilde") << u"~x"_qs << false << false;
    QTest::newRow("glob") << u"env*"_qs << false << false;
    QTest::newRow("chinese") << u"环境"_qs << false << false;
}

void TestCondaCommands::envName()
{
    QFETCH(QString, name);
    QFETCH(bool, create);
    QFETCH(bool, valid);
    const Status s = validateEnvName(name, create ? EnvNameUse::Create : EnvNameUse::Existing);
    QCOMPARE(s.ok(), valid);
    if (!valid) {
        QCOMPARE(s.error().kind, onramp::ErrorKind::InvalidInput);
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestCondaCommands::envTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("create");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << u"cola"_qs << false << true;
    QTest::newRow("prefix") << u"/scratch/me/envs/cola"_qs << true << true;
    QTest::newRow("prefix with space, existing") << u"/tmp/my dir/env"_qs << false << true;
    QTest::newRow("prefix with space, create") << u"/tmp/my dir/env"_qs << true << false;
    QTest::newRow("prefix with colon, create") << u"/tmp/a:b"_qs << true << false;
    QTest::newRow("prefix with dot dot") << u"/home/me/../other"_qs << false << false;
    QTest::newRow("prefix with newline") << u"/tmp/a\nb"_qs << false << false;
    QTest::newRow("relative path") << u"envs/cola"_qs << false << false;
    QTest::newRow("home tilde") << u"~/envs/cola"_qs << false << false;
}

void TestCondaCommands::envTarget()
{
    QFETCH(QString, target);
    QFETCH(bool, create);
    QFETCH(bool, valid);
    QCOMPARE(validateEnvTarget(target, create ? EnvNameUse::Create : EnvNameUse::Existing).ok(), valid);
}

void TestCondaCommands::packageSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << u"numpy"_qs << true;
    QTest::newRow("guide capitalisation") << u"PyTorch"_qs << true;
    QTest::newRow("python=3.8") << u"python=3.8"_qs << true;
    QTest::newRow("python=3.8.*") << u"python=3.8.*"_qs << true;
    QTest::newRow("==") << u"numpy==1.26.3"_qs << true;
    QTest::newRow(">=") << u"numpy>=1.20"_qs << true;
    QTest::newRow("range") << u"numpy>=1.8,<2"_qs << true;
    QTest::newRow("alternatives") << u"python>=3.8,<3.9|>=3.10"_qs << true;
    QTest::newRow("!=") << u"numpy!=1.2"_qs << true;
    QTest::newRow("~=") << u"python~=3.10"_qs << true;
    QTest::newRow("name=ver=build") << u"pytorch=2.1.2=py3.11_cpu_0"_qs << true;
    QTest::newRow("build glob") << u"pytorch=2.1.2=*cuda*"_qs << true;
    QTest::newRow("channel::name") << u"pytorch::pytorch"_qs << true;
    QTest::newRow("channel/subdir::name>=") << u"conda-forge/linux-64::numpy>=1.20"_qs << true;
    QTest::newRow("pkgs/main::python") << u"pkgs/main::python=3.11"_qs << true;
    QTest::newRow("pytorch-cuda") << u"pytorch-cuda=12.1"_qs << true;
    QTest::newRow("letters in version") << u"tzdata=2023d"_qs << true;
    QTest::newRow("epoch") << u"foo=1!2.0"_qs << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"numpy 1.2"_qs << false;
    QTest::newRow("==> (conda misreads)") << u"hello-conda==>1"_qs << false;
    QTest::newRow(">=>") << u"numpy>=>1"_qs << false;
    QTest::newRow("dangling operator") << u"numpy>"_qs << false;
    QTest::newRow("dangling =") << u"numpy="_qs << false;
    QTest::newRow("brackets and quotes") << u"numpy[version='>=1']"_qs << false;
    QTest::newRow("semicolon") << u"numpy;rm -rf /"_qs << false;
    QTest::newRow("command substitution") << u"$(touch /tmp/x)"_qs << false;
    QTest::newRow("backticks") << u"`id`"_qs << false;
    QTest::newRow("pipe to a command") << u"numpy|grep"_qs << false;
    QTest::newRow("and") << u"a&&b"_qs << false;
    QTest::newRow("redirect") << u"numpy>/etc/passwd"_qs << false;
    QTest::newRow("option") << u"--override-channels"_qs << false;
    QTest::newRow("short option") << u"-c"_qs << false;
    QTest::newRow("quoted") << u"'numpy'"_qs << false;
    QTest::newRow("newline") << u"numpy\n"_qs << false;
    QTest::newRow("empty channel") << u"::numpy"_qs << false;
    QTest::newRow("no name") << u">=1.2"_qs << false;
    QTest::newRow("url") << u"https://x/numpy.tar.bz2"_qs << false;
    QTest::newRow("too long") << QString(201, u'a') << false;
}

void TestCondaCommands::packageSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const Status s = validatePackageSpec(spec);
    QCOMPARE(s.ok(), valid);
    if (!valid)
        QVERIFY(s.error().message.contains(spec.left(20)) || spec.isEmpty());
}

void TestCondaCommands::channel_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<bool>("valid");
    QTest::newRow("conda-forge") << u"conda-forge"_qs << true;
    QTest::newRow("pytorch") << u"pytorch"_qs << true;
    QTest::newRow("defaults") << u"defaults"_qs << true;
    QTest::newRow("pkgs/main") << u"pkgs/main"_qs << true;
    QTest::newRow("label") << u"nvidia/label/cuda-12.1.0"_qs << true;
    QTest::newRow("https") << u"https://conda.anaconda.org/conda-forge"_qs << true;
    QTest::newRow("https mirror, trailing slash")
        << u"https://mirrors.tuna.tsinghua.edu.cn/anaconda/cloud/pytorch/"_qs << true;
    QTest::newRow("https port") << u"https://conda.example.edu:8443/channel"_qs << true;
    QTest::newRow("file") << u"file:///srv/conda-channel"_qs << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("plain http") << u"http://example.com/channel"_qs << false;
    QTest::newRow("ftp") << u"ftp://example.com/channel"_qs << false;
    QTest::newRow("relative file url") << u"file://srv/x"_qs << false;
    QTest::newRow("space") << u"conda forge"_qs << false;
    QTest::newRow("option") << u"--override-channels"_qs << false;
    QTest::newRow("dot dot") << u"../x"_qs << false;
    QTest::newRow("url with command substitution") << u"https://x.org/$(id)"_qs << false;
    QTest::newRow("url with backticks") << u"https://x.org/`id`"_qs << false;
    QTest::newRow("url with space") << u"https://x.org/a b"_qs << false;
    QTest::newRow("url with semicolon") << u"https://x.org/a;b"_qs << false;
    QTest::newRow("url with query") << u"https://x.org/a?b=c"_qs << false;
    QTest::newRow("url with quote") << u"https://x.org/it's"_qs << false;
    QTest::newRow("trailing newline") << u"conda-forge\n"_qs << false;
    QTest::newRow("url, trailing newline") << u"https://conda.anaconda.org/conda-forge\n"_qs << false;
}

void TestCondaCommands::channel()
{
    QFETCH(QString, channel);
    QFETCH(bool, valid);
    QCOMPARE(validateChannel(channel).ok(), valid);
}

void TestCondaCommands::cudaOverride_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("valid");
    QTest::newRow("12.2") << u"12.2"_qs << true;
    QTest::newRow("11.8") << u"11.8"_qs << true;
    QTest::newRow("12") << u"12"_qs << true;
    QTest::newRow("empty: no GPU") << QString() << true;
    QTest::newRow("three parts") << u"12.2.1"_qs << true;
    QTest::newRow("word") << u"none"_qs << false;
    QTest::newRow("injection") << u"12.2; rm -rf ~"_qs << false;
    QTest::newRow("space") << u"12 .2"_qs << false;
    QTest::newRow("trailing newline") << u"12.2\n"_qs << false;
}

void TestCondaCommands::cudaOverride()
{
    QFETCH(QString, version);
    QFETCH(bool, valid);
    QCOMPARE(validateCudaOverride(version).ok(), valid);
}

void TestCondaCommands::tool_data()
{
    QTest::addColumn<QString>("executable");
    QTest::addColumn<bool>("valid");
    QTest::newRow("conda") << u"conda"_qs << true;
    QTest::newRow("mamba") << u"mamba"_qs << true;
    QTest::newRow("absolute") << u"/home/me/miniconda3/bin/conda"_qs << true;
    QTest::newRow("absolute with space") << u"/opt/my conda/bin/conda"_qs << true;
    QTest::newRow("relative") << u"bin/conda"_qs << false;
    QTest::newRow("option") << u"-c"_qs << false;
    QTest::newRow("command") << u"conda; id"_qs << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("trailing newline") << u"conda\n"_qs << false;
    QTest::newRow("absolute, newline inside") << u"/opt/conda/bin/conda\nid"_qs << false;
}

void TestCondaCommands::tool()
{
    QFETCH(QString, executable);
    QFETCH(bool, valid);
    QCOMPARE(validateCondaTool(CondaTool {executable}).ok(), valid);
    QCOMPARE(condaInfoCommand(CondaTool {executable}).ok(), valid);
}

namespace {
CondaPackageRequest request(const QString &env, const QStringList &specs, const QStringList &channels = {})
{
    CondaPackageRequest r;
    r.env = env;
    r.specs = specs;
    r.channels = channels;
    return r;
}
} // namespace

void TestCondaCommands::builds_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");

    QTest::newRow("info") << condaInfoCommand().value() << u"conda info --json"_qs;
    QTest::newRow("info, absolute conda")
        << condaInfoCommand(CondaTool {u"/home/me/miniconda3/bin/conda"_qs}).value()
        << u"/home/me/miniconda3/bin/conda info --json"_qs;
    QTest::newRow("info, conda in a path with a space")
        << condaInfoCommand(CondaTool {u"/opt/my conda/bin/conda"_qs}).value()
        << u"'/opt/my conda/bin/conda' info --json"_qs;
    QTest::newRow("env list") << condaEnvListCommand().value() << u"conda env list --json"_qs;
    QTest::newRow("list by name") << condaListCommand(u"cola"_qs).value() << u"conda list -n cola --json"_qs;
    QTest::newRow("list by prefix") << condaListCommand(u"/scratch/me/envs/x"_qs).value()
                                    << u"conda list -p /scratch/me/envs/x --json"_qs;

    const QStringList guide {u"pytorch"_qs, u"torchvision"_qs, u"cudatoolkit"_qs};
    const QStringList guideChannels {u"conda-forge"_qs, u"pytorch"_qs};
    QTest::newRow("create, the guide's plan")
        << condaCreateCommand(request(u"cola"_qs, guide, guideChannels)).value()
        << u"conda create -n cola pytorch torchvision cudatoolkit -c conda-forge -c pytorch --dry-run --json"_qs;
    CondaPackageRequest real = request(u"cola"_qs, guide, guideChannels);
    real.dryRun = false;
    real.json = false;
    QTest::newRow("create, the real run")
        << condaCreateCommand(real).value()
        << u"conda create -n cola pytorch torchvision cudatoolkit -c conda-forge -c pytorch -y"_qs;
    CondaPackageRequest cuda = request(u"cola"_qs, guide, guideChannels);
    cuda.overrideCuda = u"12.2"_qs;
    QTest::newRow("create with CONDA_OVERRIDE_CUDA") << condaCreateCommand(cuda).value()
                                                     << u"env CONDA_OVERRIDE_CUDA=12.2 conda create -n cola "
                                                        u"pytorch torchvision cudatoolkit -c conda-forge -c "
                                                        "pytorch --dry-run --json"_qs;
    CondaPackageRequest noGpu = request(u"cola"_qs, {u"pytorch"_qs});
    noGpu.overrideCuda = QString();
    QTest::newRow("create hiding the GPU")
        << condaCreateCommand(noGpu).value()
        << u"env CONDA_OVERRIDE_CUDA= conda create -n cola pytorch --dry-run --json"_qs;
    CondaPackageRequest only = request(u"t"_qs, {u"hello-conda"_qs}, {u"file:///srv/conda-channel"_qs});
    only.overrideChannels = true;
    QTest::newRow("create, override channels")
        << condaCreateCommand(only).value()
        << u"conda create -n t hello-conda -c file:///srv/conda-channel --override-channels --dry-run --json"_qs;
    QTest::newRow("create, empty env") << condaCreateCommand(request(u"empty"_qs, {})).value()
                                       << u"conda create -n empty --dry-run --json"_qs;
    QTest::newRow("create, version range is quoted")
        << condaCreateCommand(request(u"t"_qs, {u"python=3.8"_qs, u"numpy>=1.20,<2"_qs})).value()
        << u"conda create -n t python=3.8 'numpy>=1.20,<2' --dry-run --json"_qs;
    QTest::newRow("create, glob is quoted")
        << condaCreateCommand(request(u"t"_qs, {u"python=3.8.*"_qs})).value()
        << u"conda create -n t 'python=3.8.*' --dry-run --json"_qs;
    QTest::newRow("create at a prefix")
        << condaCreateCommand(request(u"/scratch/me/envs/cola"_qs, {u"python"_qs})).value()
        << u"conda create -p /scratch/me/envs/cola python --dry-run --json"_qs;
    QTest::newRow("install")
        << condaInstallCommand(request(u"cola"_qs, {u"pytorch-cuda=12.1"_qs}, {u"pytorch"_qs, u"nvidia"_qs}))
               .value()
        << u"conda install -n cola pytorch-cuda=12.1 -c pytorch -c nvidia --dry-run --json"_qs;
    QTest::newRow("install into base") << condaInstallCommand(request(u"base"_qs, {u"numpy"_qs})).value()
                                       << u"conda install -n base numpy --dry-run --json"_qs;
    CondaPackageRequest rm = request(u"cola"_qs, {u"bigblob"_qs});
    rm.dryRun = false;
    QTest::newRow("remove") << condaRemoveCommand(rm).value() << u"conda remove -n cola bigblob -y --json"_qs;
    QTest::newRow("remove everything") << condaRemoveCommand(request(u"cola"_qs, {}), true).value()
                                       << u"conda remove -n cola --all --dry-run --json"_qs;
    QTest::newRow("run, live output") << condaRunCommand(u"cola"_qs, {u"python"_qs, u"-V"_qs}).value()
                                      << u"conda run -n cola --no-capture-output python -V"_qs;
    QTest::newRow("run, captured, code quoted")
        << condaRunCommand(u"cola"_qs, {u"python"_qs, u"-c"_qs, u"import torch; print(torch.__version__)"_qs},
                           false)
               .value()
        << u"conda run -n cola python -c 'import torch; print(torch.__version__)'"_qs;
    QTest::newRow("activate") << condaActivateCommand(u"/home/me/miniconda3"_qs, u"cola"_qs).value()
                              << u". /home/me/miniconda3/etc/profile.d/conda.sh && conda activate cola"_qs;
    QTest::newRow("activate, trailing slash, then a command")
        << condaActivateCommand(u"/home/me/miniconda3/"_qs, u"cola"_qs, {u"python"_qs, u"-V"_qs}).value()
        << u". /home/me/miniconda3/etc/profile.d/conda.sh && conda activate cola && python -V"_qs;
    QTest::newRow("activate with CONDA_OVERRIDE_CUDA")
        << condaActivateCommand(u"/opt/conda"_qs, u"cola"_qs,
                                {u"conda"_qs, u"install"_qs, u"-y"_qs, u"pytorch"_qs}, u"12.2"_qs)
               .value()
        << u"export CONDA_OVERRIDE_CUDA=12.2 && . /opt/conda/etc/profile.d/conda.sh && conda activate cola "
           u"&& conda "
           "install -y pytorch"_qs;
    QTest::newRow("activate, base with a quote")
        << condaActivateCommand(u"/home/o'neil/miniconda3"_qs, u"cola"_qs).value()
        << u". '/home/o'\\''neil/miniconda3/etc/profile.d/conda.sh' && conda activate cola"_qs;
}

void TestCondaCommands::builds()
{
    QFETCH(QString, command);
    QFETCH(QString, expected);
    QCOMPARE(command, expected);
}

void TestCondaCommands::refuses_data()
{
    QTest::addColumn<bool>("ok");
    QTest::newRow("create base") << condaCreateCommand(request(u"base"_qs, {u"numpy"_qs})).ok();
    QTest::newRow("create with a bad name") << condaCreateCommand(request(u"my env"_qs, {u"numpy"_qs})).ok();
    QTest::newRow("create with an injected spec")
        << condaCreateCommand(request(u"cola"_qs, {u"numpy; rm -rf ~"_qs})).ok();
    QTest::newRow("create with an injected channel")
        << condaCreateCommand(request(u"cola"_qs, {u"numpy"_qs}, {u"conda-forge $(id)"_qs})).ok();
    CondaPackageRequest badCuda = request(u"cola"_qs, {u"pytorch"_qs});
    badCuda.overrideCuda = u"12.2 && id"_qs;
    QTest::newRow("create with an injected CUDA version") << condaCreateCommand(badCuda).ok();
    CondaPackageRequest override = request(u"cola"_qs, {u"pytorch"_qs});
    override.overrideChannels = true;
    QTest::newRow("override channels without channels") << condaCreateCommand(override).ok();
    QTest::newRow("install nothing") << condaInstallCommand(request(u"cola"_qs, {})).ok();
    QTest::newRow("remove nothing") << condaRemoveCommand(request(u"cola"_qs, {})).ok();
    QTest::newRow("remove with channels")
        << condaRemoveCommand(request(u"cola"_qs, {u"numpy"_qs}, {u"conda-forge"_qs})).ok();
    QTest::newRow("remove all and names")
        << condaRemoveCommand(request(u"cola"_qs, {u"numpy"_qs}), true).ok();
    QTest::newRow("remove base") << condaRemoveCommand(request(u"base"_qs, {}), true).ok();
    QTest::newRow("list a bad env") << condaListCommand(u"$(id)"_qs).ok();
    QTest::newRow("run nothing") << condaRunCommand(u"cola"_qs, {}).ok();
    QTest::newRow("run an empty program") << condaRunCommand(u"cola"_qs, {QString()}).ok();
    QTest::newRow("run in a bad env") << condaRunCommand(u"a;b"_qs, {u"python"_qs}).ok();
    QTest::newRow("activate, relative base") << condaActivateCommand(u"miniconda3"_qs, u"cola"_qs).ok();
    QTest::newRow("activate, bad env") << condaActivateCommand(u"/opt/conda"_qs, u"`id`"_qs).ok();
    QTest::newRow("activate, bad CUDA")
        << condaActivateCommand(u"/opt/conda"_qs, u"cola"_qs, {}, u"x"_qs).ok();
    QTest::newRow("bad tool") << condaEnvListCommand(CondaTool {u"conda && id"_qs}).ok();
}

void TestCondaCommands::refuses()
{
    QFETCH(bool, ok);
    QVERIFY(!ok);
}

// The real contract: a POSIX shell runs a stand-in conda with exactly these words, nothing else.
void TestCondaCommands::roundTripThroughShell_data()
{
    QTest::addColumn<int>("kind"); // 0 create, 1 install, 2 run
    QTest::addColumn<QString>("env");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<QString>("cuda"); // "-": not set
    QTest::newRow("guide") << 0 << u"cola"_qs
                           << QStringList {u"pytorch"_qs, u"torchvision"_qs, u"cudatoolkit"_qs}
                           << QStringList {u"conda-forge"_qs, u"pytorch"_qs} << u"12.2"_qs;
    QTest::newRow("ranges and globs")
        << 0 << u"t"_qs
        << QStringList {u"python=3.8.*"_qs, u"numpy>=1.8,<2|>=2.1"_qs, u"pytorch=2.1.2=*cuda*"_qs}
        << QStringList {u"file:///srv/conda-channel"_qs} << u"-"_qs;
    QTest::newRow("prefix with a space") << 1 << u"/tmp/my dir/env"_qs << QStringList {u"pkgs/main::numpy"_qs}
                                         << QStringList {u"nvidia/label/cuda-12.1.0"_qs} << QString();
    QTest::newRow("run with shell syntax in arguments")
        << 2 << u"cola"_qs << QStringList {u"python"_qs,
                                           u"-c"_qs,
                                           u"import sys; print('$HOME `id` $(id)'); sys.exit(0) # \"x\""_qs,
                                           u"*"_qs,
                                           u"a\nb"_qs,
                                           QString()}
        << QStringList() << u"-"_qs;
}

void TestCondaCommands::roundTripThroughShell()
{
    QFETCH(int, kind);
    QFETCH(QString, env);
    QFETCH(QStringList, words);
    QFETCH(QStringList, channels);
    QFETCH(QString, cuda);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // a conda that prints CONDA_OVERRIDE_CUDA and its arguments, one per line, in brackets
    const QString stub = dir.filePath(u"bin dir/conda"_qs);
    QVERIFY(QDir().mkpath(dir.filePath(u"bin dir"_qs)));
    QFile f(stub);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\nprintf 'CUDA=%s\\n' \"${CONDA_OVERRIDE_CUDA-unset}\"\nfor a; do printf '[%s]\\n' "
            "\"$a\"; done\n");
    f.close();
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const CondaTool tool {stub};

    QStringList expected;
    Result<QString> command = QString();
    if (kind == 2) {
        command = condaRunCommand(env, words, false, tool);
        expected << u"run"_qs << u"-n"_qs << env << words;
    } else {
        CondaPackageRequest r;
        r.env = env;
        r.specs = words;
        r.channels = channels;
        if (cuda != u"-")
            r.overrideCuda = cuda;
        command = kind == 0 ? condaCreateCommand(r, tool) : condaInstallCommand(r, tool);
        expected << (kind == 0 ? u"create"_qs : u"install"_qs) << (env.startsWith(u'/') ? u"-p"_qs : u"-n"_qs)
                 << env << words;
        for (const QString &c : channels)
            expected << u"-c"_qs << c;
        expected << u"--dry-run"_qs << u"--json"_qs;
    }
    QVERIFY2(command.ok(), qPrintable(command.ok() ? QString() : command.error().message));

    QProcess sh;
    sh.setWorkingDirectory(dir.path()); // a glob that escaped quoting would list this folder
    sh.start(u"/bin/sh"_qs, {u"-c"_qs, command.value()});
    QVERIFY(sh.waitForFinished(5000));
    QCOMPARE(sh.exitCode(), 0);
    QString want = u"CUDA="_qs + (cuda == u"-" ? u"unset"_qs : cuda) + u'\n';
    for (const QString &w : std::as_const(expected))
        want += u'[' + w + u"]\n";
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), want);
    QCOMPARE(sh.readAllStandardError(), QByteArray());
}

// `. BASE/etc/profile.d/conda.sh && conda activate ENV && ARGV` in a real shell, with a base path
// that needs quoting and a conda.sh whose `conda` function reports what it was asked.
void TestCondaCommands::activationInARealShell()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString base = dir.filePath(u"it's a base"_qs);
    QVERIFY(QDir().mkpath(base + u"/etc/profile.d"_qs));
    QFile sh(base + u"/etc/profile.d/conda.sh"_qs);
    QVERIFY(sh.open(QIODevice::WriteOnly));
    sh.write(
        "conda() { printf 'conda(%s)' \"$*\"; printf ' cuda=%s\\n' \"${CONDA_OVERRIDE_CUDA-unset}\"; }\n");
    sh.close();

    const auto command = condaActivateCommand(base, u"cola"_qs,
                                              {u"printf"_qs, u"[%s]"_qs, u"a b"_qs, u"$HOME"_qs}, u"11.8"_qs);
    QVERIFY(command.ok());
    QProcess p;
    p.start(u"/bin/sh"_qs, {u"-c"_qs, command.value()});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()),
             u"conda(activate cola) cuda=11.8\n[a b][$HOME]"_qs);
}

QTEST_GUILESS_MAIN(TestCondaCommands)
#include "tst_condacommands.moc"
