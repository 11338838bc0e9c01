#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/gpu/torchprobe.h"

#include "gputestutil.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp::cluster;
using onramp::ErrorKind;
using Place = GpuCheckContext::Place;

namespace {

const QString python = QStringLiteral(ONRAMP_TEST_PYTHON_EXECUTABLE);

QStringList codesOf(const Diagnoses &diagnoses)
{
    QStringList codes;
    for (const Diagnosis &d : diagnoses)
        codes << d.code;
    return codes;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// A copy of `from` in `to`, without byte-code caches.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(u"__pycache__"_qs))
            continue;
        const QString target = to + QDir(from).relativeFilePath(file).prepend(u'/');
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

// The environment a probe runs in: nothing of the developer's Python or the lab leaks in.
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH", "CUDA_VISIBLE_DEVICES",
          "ONRAMP_LAB_CONTROL", "ONRAMP_LAB_GPU_DATA", "ONRAMP_LAB_GPU_NOW"})
        env.remove(QString::fromLatin1(name));
    return env;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
};

Run runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
               int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.ms = timer.elapsed();
    return r;
}

// The probe run the way the builder's command does it, with a local python.
Run runProbe(const QProcessEnvironment &env, int deadline = 60)
{
    return runProcess(python, {u"-c"_qs, torchProbeScript(), QString::number(deadline)}, env);
}

GpuCheckContext contextFor(int place, int gpus)
{
    GpuCheckContext c;
    c.place = Place(place);
    c.gpusRequested = gpus;
    return c;
}

} // namespace

class TestTorchProbe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script();
    void pythonCommand_data();
    void pythonCommand();
    void condaCommand_data();
    void condaCommand();
    void commandRejects_data();
    void commandRejects();
    void commandRunsThroughTheShell();

    void systemPythonWithoutTorch();
    void standinTorch_data();
    void standinTorch();
    void stdoutHoldsOnlyTheJson();
    void brokenTorch();
    void deadline();

    void parse_data();
    void parse();
    void labProbe_data();
    void labProbe();
    void parseMalformed_data();
    void parseMalformed();
    void diagnoseProbe_data();
    void diagnoseProbe();
    void diagnoseFailure_data();
    void diagnoseFailure();
    void torchCorpus_data();
    void torchCorpus();
};

// --- builder ------------------------------------------------------------------------------------

void TestTorchProbe::script()
{
    const QString s = torchProbeScript();
    QVERIFY(s.contains(u"onramp_probe"_qs));
    QVERIFY(s.contains(u"warnings.catch_warnings(record=True)"_qs));
    QFile source(QStringLiteral(ONRAMP_GPU_PROBE_SCRIPT));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(s, QString::fromUtf8(source.readAll())); // the resource is the file in the source tree
}

void TestTorchProbe::pythonCommand_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("deadline");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("home-relative") << u"~/miniconda3/envs/cola/bin/python"_qs << 120
                                   << u"~/miniconda3/envs/cola/bin/python -c '"_qs;
    QTest::newRow("absolute") << u"/opt/conda/envs/x/bin/python"_qs << 0
                              << u"/opt/conda/envs/x/bin/python -c '"_qs;
    QTest::newRow("space") << u"/scratch/my envs/x/bin/python"_qs << 5
                           << u"'/scratch/my envs/x/bin/python' -c '"_qs;
    QTest::newRow("home-relative with space")
        << u"~/my envs/bin/python"_qs << 5 << u"~/'my envs/bin/python' -c '"_qs;
    QTest::newRow("single quote") << u"/tmp/it's/python"_qs << 5 << u"'/tmp/it'\\''s/python' -c '"_qs;
    QTest::newRow("command substitution")
        << u"/tmp/$(reboot)/python"_qs << 5 << u"'/tmp/$(reboot)/python' -c '"_qs;
    QTest::newRow("backticks and semicolon")
        << u"/tmp/`id`;x/python"_qs << 5 << u"'/tmp/`id`;x/python' -c '"_qs;
    QTest::newRow("tilde elsewhere") << u"/tmp/~x/python"_qs << 5 << u"'/tmp/~x/python' -c '"_qs;
}

void TestTorchProbe::pythonCommand()
{
    QFETCH(QString, path);
    QFETCH(int, deadline);
    QFETCH(QString, prefix);
    TorchProbeRequest request;
    request.python = path;
    request.deadlineSeconds = deadline;
    const auto cmd = torchProbeCommand(request);
    QVERIFY2(cmd.ok(), qPrintable(cmd.ok() ? QString() : cmd.error().message));
    if (deadline > 0) // coreutils' timeout stops a probe whose own deadline cannot fire
        prefix.prepend(u"timeout -k 5 %1 "_qs.arg(deadline + 15));
    QVERIFY2(cmd.value().startsWith(prefix), qPrintable(cmd.value().left(120)));
    QVERIFY(cmd.value().endsWith(u"' "_qs + QString::number(deadline)));
    QVERIFY(cmd.value().contains(u"import warnings"_qs)); // readable in the log pane
}

void TestTorchProbe::condaCommand_data()
{
    QTest::addColumn<QString>("conda");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expectedStart");
    QTest::newRow("by name")
        << u"~/miniconda3/bin/conda"_qs << u"cola"_qs << QString()
        << u"~/miniconda3/bin/conda run -n cola python -c 'exec(__import__(\"base64\")"_qs;
    QTest::newRow("by prefix with space") << u"conda"_qs << QString() << u"/scratch/my env"_qs
                                          << u"conda run -p '/scratch/my env' python -c 'exec("_qs;
    QTest::newRow("home-relative prefix")
        << u"/opt/conda/bin/conda"_qs << QString() << u"~/envs/torch-2.1"_qs
        << u"/opt/conda/bin/conda run -p ~/envs/torch-2.1 python -c 'exec("_qs;
    QTest::newRow("name with dot and plus")
        << u"conda"_qs << u"py3.11+cu121"_qs << QString() << u"conda run -n py3.11+cu121 python -c"_qs;
}

void TestTorchProbe::condaCommand()
{
    QFETCH(QString, conda);
    QFETCH(QString, name);
    QFETCH(QString, prefix);
    QFETCH(QString, expectedStart);
    TorchProbeRequest request;
    request.conda = conda;
    request.envName = name;
    request.envPrefix = prefix;
    const auto cmd = torchProbeCommand(request);
    QVERIFY2(cmd.ok(), qPrintable(cmd.ok() ? QString() : cmd.error().message));
    expectedStart.prepend(u"timeout -k 5 135 "_qs);
    QVERIFY2(cmd.value().startsWith(expectedStart), qPrintable(cmd.value().left(160)));
    QVERIFY(!cmd.value().contains(u'\n')); // conda run mangles newlines in arguments
    QVERIFY(cmd.value().endsWith(u" 120"_qs));
}

void TestTorchProbe::commandRejects_data()
{
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("conda");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("deadline");
    QTest::newRow("no python") << QString() << QString() << QString() << QString() << 10;
    QTest::newRow("option instead of a path") << u"-c"_qs << QString() << QString() << QString() << 10;
    QTest::newRow("newline in the path")
        << u"/x/python\nreboot"_qs << QString() << QString() << QString() << 10;
    QTest::newRow("NUL in the path") << u"/x/py\u0000thon"_qs << QString() << QString() << QString() << 10;
    QTest::newRow("bare tilde") << u"~"_qs << QString() << QString() << QString() << 10;
    QTest::newRow("negative deadline") << u"/x/python"_qs << QString() << QString() << QString() << -1;
    QTest::newRow("deadline too long") << u"/x/python"_qs << QString() << QString() << QString() << 4000;
    QTest::newRow("conda without env") << QString() << u"conda"_qs << QString() << QString() << 10;
    QTest::newRow("conda with name and prefix") << QString() << u"conda"_qs << u"a"_qs << u"/b"_qs << 10;
    QTest::newRow("env name with space") << QString() << u"conda"_qs << u"my env"_qs << QString() << 10;
    QTest::newRow("env name with semicolon") << QString() << u"conda"_qs << u"x;reboot"_qs << QString() << 10;
    QTest::newRow("env name with slash") << QString() << u"conda"_qs << u"../up"_qs << QString() << 10;
    QTest::newRow("env name like an option") << QString() << u"conda"_qs << u"-n"_qs << QString() << 10;
    QTest::newRow("env name with $()") << QString() << u"conda"_qs << u"$(id)"_qs << QString() << 10;
    QTest::newRow("conda like an option") << QString() << u"--help"_qs << u"cola"_qs << QString() << 10;
    QTest::newRow("prefix with newline") << QString() << u"conda"_qs << QString() << u"/a\n/b"_qs << 10;
}

void TestTorchProbe::commandRejects()
{
    QFETCH(QString, python);
    QFETCH(QString, conda);
    QFETCH(QString, name);
    QFETCH(QString, prefix);
    QFETCH(int, deadline);
    TorchProbeRequest request {python, conda, name, prefix, deadline};
    const auto cmd = torchProbeCommand(request);
    QVERIFY(!cmd.ok());
    QCOMPARE(cmd.error().kind, ErrorKind::InvalidInput);
    QVERIFY(!cmd.error().message.isEmpty());
}

// The built commands really run in a POSIX shell: a python behind a path full of shell metacharacters,
// and `conda run` (a stand-in that runs the rest of its arguments) with the base64 loader.
void TestTorchProbe::commandRunsThroughTheShell()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString nasty = dir.path() + u"/we'ird $(touch pwned) `id`;x & y/bin"_qs;
    QVERIFY(QDir().mkpath(nasty));
    QVERIFY(QFile::link(python, nasty + u"/python"_qs));
    const QString conda = dir.path() + u"/con da/bin/conda"_qs;
    QVERIFY(writeFile(conda,
                      "#!/bin/sh\n# conda run -n NAME python ARGS...: run ARGS with the python\n"
                      "[ \"$1\" = run ] || exit 64\nshift 3\n[ \"$1\" = python ] || exit 65\nshift\nexec "
                          + python.toUtf8() + " \"$@\"\n"));
    QVERIFY(QFile::setPermissions(conda, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    TorchProbeRequest direct;
    direct.python = nasty + u"/python"_qs;
    direct.deadlineSeconds = 30;
    TorchProbeRequest viaConda;
    viaConda.conda = conda;
    viaConda.envName = u"cola"_qs;
    viaConda.deadlineSeconds = 30;
    for (const TorchProbeRequest &request : {direct, viaConda}) {
        const auto cmd = torchProbeCommand(request);
        QVERIFY(cmd.ok());
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CUDA_VISIBLE_DEVICES"_qs, u"1"_qs);
        const Run run = runProcess(u"/bin/sh"_qs, {u"-c"_qs, cmd.value()}, env);
        QCOMPARE(run.exitCode, 0);
        const auto parsed = parseTorchProbe(run.out);
        QVERIFY2(parsed.ok(), qPrintable(run.out + run.err));
        QVERIFY(!parsed.value().torchImported);
        QCOMPARE(parsed.value().cudaVisibleDevices, u"1"_qs);
        QVERIFY(parsed.value().importError.contains(u"No module named 'torch'"_qs));
    }
    QVERIFY(!QFile::exists(dir.path() + u"/pwned"_qs));
    QVERIFY(!QFile::exists(u"pwned"_qs));
}

// --- the script, for real -------------------------------------------------------------------------

void TestTorchProbe::systemPythonWithoutTorch()
{
    for (const bool setVisible : {false, true}) {
        QProcessEnvironment env = cleanEnvironment();
        if (setVisible)
            env.insert(u"CUDA_VISIBLE_DEVICES"_qs, u"2,3"_qs);
        const Run run = runProbe(env);
        QCOMPARE(run.exitCode, 0);
        // Nothing but the JSON on stdout, on one line.
        QCOMPARE(run.out.trimmed().count(u'\n'), 0);
        QVERIFY(run.out.trimmed().startsWith(u'{'));
        const auto parsed = parseTorchProbe(run.out);
        QVERIFY2(parsed.ok(), qPrintable(run.out + run.err));
        const TorchProbeResult &r = parsed.value();
        QCOMPARE(r.probeVersion, 1);
        QVERIFY(!r.torchImported);
        QVERIFY(r.importError.startsWith(u"ModuleNotFoundError: No module named 'torch'"_qs));
        QVERIFY(r.pythonVersion.startsWith(u"3."_qs));
        QCOMPARE(r.cudaVisibleDevices, setVisible ? std::optional<QString>(u"2,3"_qs) : std::nullopt);
        QVERIFY(r.preamble.isEmpty());
        QCOMPARE(codesOf(diagnoseTorchProbe(r)), QStringList {u"torch.not-installed"_qs});
        QVERIFY(diagnoseTorchProbe(r).first().summary.contains(r.pythonExecutable));
    }
}

void TestTorchProbe::standinTorch_data()
{
    QTest::addColumn<QString>("build"); // _onramp_build.json; empty: none (the stand-in's CPU default)
    QTest::addColumn<QString>("visible"); // CUDA_VISIBLE_DEVICES; "unset" for none
    QTest::addColumn<QString>("knobs"); // the lab control file
    QTest::addColumn<int>("place");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("torchCuda");
    QTest::addColumn<bool>("available");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("codes");

    const QString cpu = u"{\"version\": \"2.1.2\", \"cuda\": null, \"build\": \"py3.11_cpu_0\"}"_qs;
    const QString cu121
        = u"{\"version\": \"2.1.2\", \"cuda\": \"12.1\", \"build\": \"py3.11_cuda12.1_cudnn8.9.2_0\"}"_qs;
    const QString cu118
        = u"{\"version\": \"2.1.2\", \"cuda\": \"11.8\", \"build\": \"py3.11_cuda11.8_cudnn8.7.0_0\"}"_qs;
    const int login = int(Place::LoginNode);
    const int job = int(Place::Job);
    QTest::newRow("CPU build, login node") << cpu << u"unset"_qs << QString() << login << -1 << QString()
                                           << false << 0 << QStringList {u"torch.cpu-build"_qs};
    QTest::newRow("CPU build, GPU job") << cpu << u"0"_qs << QString() << job << 1 << QString() << false << 0
                                        << QStringList {u"torch.cpu-build"_qs};
    QTest::newRow("no build file (stand-in default: CPU)")
        << QString() << u"0"_qs << QString() << job << 1 << QString() << false << 0
        << QStringList {u"torch.cpu-build"_qs};
    QTest::newRow("CUDA build, login node (CUDA_VISIBLE_DEVICES unset)")
        << cu121 << u"unset"_qs << QString() << login << -1 << u"12.1"_qs << false << 0
        << QStringList {u"torch.no-driver"_qs};
    QTest::newRow("CUDA build, job without --gres (empty CUDA_VISIBLE_DEVICES)")
        << cu121 << QString() << QString() << job << 0 << u"12.1"_qs << false << 0
        << QStringList {u"torch.no-driver"_qs};
    QTest::newRow("CUDA build, one GPU")
        << cu121 << u"0"_qs << QString() << job << 1 << u"12.1"_qs << true << 1 << QStringList {};
    QTest::newRow("CUDA build, the second GPU")
        << cu118 << u"1"_qs << QString() << job << 1 << u"11.8"_qs << true << 1 << QStringList {};
    QTest::newRow("CUDA build, two GPUs")
        << cu121 << u"0,1"_qs << QString() << job << 2 << u"12.1"_qs << true << 2 << QStringList {};
    QTest::newRow("two GPUs visible, one requested")
        << cu121 << u"0,1"_qs << QString() << job << 1 << u"12.1"_qs << true << 2
        << QStringList {u"torch.device-count-mismatch"_qs};
    QTest::newRow("one GPU visible, two requested")
        << cu121 << u"1"_qs << QString() << job << 2 << u"12.1"_qs << true << 1
        << QStringList {u"torch.device-count-mismatch"_qs};
    QTest::newRow("driver too old (CUDA 11.4) for cu121")
        << cu121 << u"0"_qs << u"gpu.cuda=11.4\n"_qs << job << 1 << u"12.1"_qs << false << 1
        << QStringList {u"torch.driver-too-old"_qs};
    QTest::newRow("cu118 on CUDA 11.4: minor-version compatible")
        << cu118 << u"0"_qs << u"gpu.cuda=11.4\n"_qs << job << 1 << u"11.8"_qs << true << 1 << QStringList {};
    QTest::newRow("driver/library mismatch")
        << cu118 << u"0"_qs << u"gpu.fail=mismatch\n"_qs << job << 1 << u"11.8"_qs << false << 0
        << QStringList {u"torch.driver-library-mismatch"_qs};
    QTest::newRow("driver not responding")
        << cu121 << u"0"_qs << u"gpu.fail=nodriver\n"_qs << job << 1 << u"12.1"_qs << false << 0
        << QStringList {u"torch.cuda-init-failed"_qs};
    QTest::newRow("no devices") << cu121 << u"0"_qs << u"gpu.fail=nodevices\n"_qs << job << 1 << u"12.1"_qs
                                << false << 1 << QStringList {u"torch.no-gpus"_qs};
    QTest::newRow("invalid CUDA_VISIBLE_DEVICES") << cu121 << u"7"_qs << QString() << job << 1 << u"12.1"_qs
                                                  << false << 0 << QStringList {u"torch.no-gpus"_qs};
    QTest::newRow("old torch's no-driver warning")
        << cu121 << u"unset"_qs << u"torch.nodriver_warning=1\n"_qs << login << -1 << u"12.1"_qs << false << 0
        << QStringList {u"torch.no-driver"_qs};
}

// The probe against the lab's torch stand-in (tests/lab/standins/gpu/torch), copied with a build file.
void TestTorchProbe::standinTorch()
{
    QFETCH(QString, build);
    QFETCH(QString, visible);
    QFETCH(QString, knobs);
    QFETCH(int, place);
    QFETCH(int, gpus);
    QFETCH(QString, torchCuda);
    QFETCH(bool, available);
    QFETCH(int, count);
    QFETCH(QStringList, codes);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString standins = QStringLiteral(ONRAMP_GPU_STANDINS);
    QVERIFY(copyTree(standins + u"/torch"_qs, dir.path() + u"/torch"_qs));
    QVERIFY(QFile::copy(standins + u"/gpulab.py"_qs, dir.path() + u"/gpulab.py"_qs));
    QVERIFY(QFile::copy(standins + u"/gpus.json"_qs, dir.path() + u"/gpus.json"_qs));
    if (!build.isEmpty())
        QVERIFY(writeFile(dir.path() + u"/torch/_onramp_build.json"_qs, build.toUtf8()));
    QVERIFY(writeFile(dir.path() + u"/control"_qs, knobs.toUtf8()));

    QProcessEnvironment env = cleanEnvironment();
    env.insert(u"PYTHONPATH"_qs, dir.path());
    env.insert(u"ONRAMP_LAB_CONTROL"_qs, dir.path() + u"/control"_qs);
    if (visible != u"unset")
        env.insert(u"CUDA_VISIBLE_DEVICES"_qs, visible);
    const Run run = runProbe(env);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed().count(u'\n'), 0);
    const auto parsed = parseTorchProbe(run.out);
    QVERIFY2(parsed.ok(), qPrintable(run.out + run.err));
    const TorchProbeResult &r = parsed.value();
    QVERIFY(r.torchImported);
    QCOMPARE(r.torchVersion, u"2.1.2"_qs);
    QVERIFY(r.torchPath.startsWith(dir.path()));
    QCOMPARE(r.torchCuda, torchCuda);
    QCOMPARE(r.isCpuBuild(), torchCuda.isEmpty());
    QCOMPARE(r.cudaAvailable, available);
    QCOMPARE(r.deviceCount, count);
    QCOMPARE(r.cudaVisibleDevices, visible == u"unset" ? std::nullopt : std::optional<QString>(visible));
    if (available) {
        QCOMPARE(r.devices.size(), count);
        QCOMPARE(r.devices.first().name, u"NVIDIA H100 80GB HBM3"_qs);
        QCOMPARE(r.devices.first().capability, u"9.0"_qs);
        QVERIFY(r.devices.first().totalMemoryBytes.value_or(0) > qint64(80) * 1000 * 1000 * 1000);
        QCOMPARE(r.tensorOk, true);
        QVERIFY(r.archList.contains(u"sm_90"_qs));
        QVERIFY(r.cudnnVersion.value_or(0) >= 8000);
    } else {
        QVERIFY(r.devices.isEmpty());
        if (!torchCuda.isEmpty())
            QVERIFY2(!r.cudaError.isEmpty(), "the probe says why CUDA is not available");
    }
    GpuCheckContext context = contextFor(place, gpus);
    const Diagnoses diagnoses = diagnoseTorchProbe(r, context);
    QCOMPARE(codesOf(diagnoses), codes);
    for (const Diagnosis &d : diagnoses) {
        QVERIFY(!d.summary.isEmpty());
        QVERIFY(!d.suggestion.isEmpty());
        QVERIFY(!d.evidence.isEmpty());
    }
    if (codes.contains(u"torch.driver-too-old"_qs)) {
        QVERIFY2(diagnoses.first().summary.contains(u"11.4"_qs), qPrintable(diagnoses.first().summary));
        QVERIFY(diagnoses.first().summary.contains(u"12.1"_qs));
        QVERIFY(diagnoses.first().evidence.contains(u"found version 11040"_qs));
    }
    if (codes == QStringList {u"torch.no-driver"_qs} && place == int(Place::LoginNode))
        QVERIFY(diagnoses.first().suggestion.contains(u"--gres=gpu:1"_qs));
}

// Whatever torch prints while it loads (Python print, C-level writes to fd 1) goes to stderr.
void TestTorchProbe::stdoutHoldsOnlyTheJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path() + u"/torch/__init__.py"_qs,
                      "import os, sys, warnings\n"
                      "print('torch says hello')\n"
                      "os.write(1, b'written straight to fd 1\\n')\n"
                      "sys.stdout.write('{\"onramp_probe\": 99}\\n')\n"
                      "warnings.warn('a warning while importing')\n"
                      "__version__ = '9.9.9'\n"
                      "from . import cuda, version, backends\n"));
    QVERIFY(writeFile(dir.path() + u"/torch/version.py"_qs, "cuda = '12.4'\nhip = None\n"));
    QVERIFY(writeFile(dir.path() + u"/torch/backends/__init__.py"_qs, "from . import cudnn\n"));
    QVERIFY(writeFile(dir.path() + u"/torch/backends/cudnn.py"_qs, "def version():\n    return 90100\n"));
    QVERIFY(
        writeFile(dir.path() + u"/torch/cuda.py"_qs,
                  "def is_available():\n    print('checking')\n    return False\n"
                  "def device_count():\n    return 0\n"
                  "def init():\n    raise RuntimeError('Found no NVIDIA driver on your system. Please check "
                  "that you have an NVIDIA GPU and installed a driver from "
                  "http://www.nvidia.com/Download/index.aspx')\n"));
    QProcessEnvironment env = cleanEnvironment();
    env.insert(u"PYTHONPATH"_qs, dir.path());
    const Run run = runProbe(env);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed().count(u'\n'), 0);
    QVERIFY(run.err.contains(u"torch says hello"_qs));
    QVERIFY(run.err.contains(u"written straight to fd 1"_qs));
    QVERIFY(run.err.contains(u"checking"_qs));
    const auto parsed = parseTorchProbe(run.out);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().probeVersion, 1);
    QCOMPARE(parsed.value().torchVersion, u"9.9.9"_qs);
    QCOMPARE(parsed.value().torchCuda, u"12.4"_qs);
    QCOMPARE(parsed.value().cudnnVersion, 90100);
    QCOMPARE(parsed.value().warnings.size(), 1);
    QCOMPARE(parsed.value().warnings.first().message, u"a warning while importing"_qs);
    QCOMPARE(parsed.value().warnings.first().category, u"UserWarning"_qs);
    QVERIFY(parsed.value().cudaError.startsWith(u"RuntimeError: Found no NVIDIA driver"_qs));
    QCOMPARE(codesOf(diagnoseTorchProbe(parsed.value(), contextFor(int(Place::LoginNode), -1))),
             QStringList {u"torch.no-driver"_qs});
}

void TestTorchProbe::brokenTorch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(
        dir.path() + u"/torch/__init__.py"_qs,
        "raise OSError('libcudnn.so.8: cannot open shared object file: No such file or directory')\n"));
    QProcessEnvironment env = cleanEnvironment();
    env.insert(u"PYTHONPATH"_qs, dir.path());
    const Run run = runProbe(env);
    QCOMPARE(run.exitCode, 0);
    const auto parsed = parseTorchProbe(run.out);
    QVERIFY(parsed.ok());
    QVERIFY(!parsed.value().torchImported);
    QVERIFY(parsed.value().importError.startsWith(u"OSError: libcudnn.so.8"_qs));
    const Diagnoses d = diagnoseTorchProbe(parsed.value());
    QCOMPARE(codesOf(d), QStringList {u"torch.import-failed"_qs});
    QVERIFY(d.first().evidence.contains(u"libcudnn.so.8"_qs));
}

// A CUDA start that hangs: the probe prints what it has when its deadline passes and exits.
void TestTorchProbe::deadline()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path() + u"/torch/__init__.py"_qs, "import time\ntime.sleep(60)\n"));
    QProcessEnvironment env = cleanEnvironment();
    env.insert(u"PYTHONPATH"_qs, dir.path());
    const Run run = runProbe(env, 1);
    QVERIFY2(run.ms < 20000, qPrintable(QString::number(run.ms)));
    QCOMPARE(run.exitCode, 3);
    const auto parsed = parseTorchProbe(run.out);
    QVERIFY2(parsed.ok(), qPrintable(run.out + run.err));
    QVERIFY(parsed.value().deadlineExceeded);
    QVERIFY(parsed.value().probeError.contains(u"1 seconds"_qs));
    QCOMPARE(codesOf(diagnoseTorchProbe(parsed.value())), QStringList {u"torch.probe-timeout"_qs});
}

// --- parser ---------------------------------------------------------------------------------------

void TestTorchProbe::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<QString>("torchCuda");
    QTest::addColumn<int>("available"); // -1: not reported
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("visible");
    QTest::addColumn<QString>("preamble");
    const QString minimal
        = u"{\"onramp_probe\": 1, \"python\": \"3.11.7\", \"torch\": \"2.1.2\", \"torch_cuda\": "
          "\"12.1\", \"is_available\": true, \"device_count\": 1, \"cuda_visible_devices\": \"0\", "
          "\"warnings\": []}"_qs;
    QTest::newRow("just the JSON") << minimal << true << u"12.1"_qs << 1 << 1 << u"0"_qs << QString();
    QTest::newRow("a chatty .bashrc before it")
        << u"Welcome to the cluster!\nquota: 12 GB of 50 GB used\n\n"_qs + minimal + u"\n"_qs << true
        << u"12.1"_qs << 1 << 1 << u"0"_qs << u"Welcome to the cluster!\nquota: 12 GB of 50 GB used"_qs;
    QTest::newRow("JSON-looking junk before it")
        << u"{\"motd\": \"maintenance on Friday\"}\n{not json}\n"_qs + minimal << true << u"12.1"_qs << 1 << 1
        << u"0"_qs << u"{\"motd\": \"maintenance on Friday\"}\n{not json}"_qs;
    QTest::newRow("CRLF and a trailing blank line (conda run)")
        << u"\r\n"_qs + minimal + u"\r\n\r\n"_qs << true << u"12.1"_qs << 1 << 1 << u"0"_qs << QString();
    QTest::newRow("torch missing")
        << u"{\"onramp_probe\": 1, \"python\": \"3.9.2\", \"torch\": null, \"import_error\": "
           u"\"ModuleNotFoundError: "
           "No module named 'torch'\", \"cuda_visible_devices\": null, \"warnings\": []}"_qs
        << false << QString() << -1 << -1 << u"(unset)"_qs << QString();
    QTest::newRow("CPU build")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": null, "
           "\"is_available\": false, \"device_count\": 0, \"cuda_visible_devices\": \"\"}"_qs
        << true << QString() << 0 << 0 << QString() << QString();
    QTest::newRow("a newer probe with more keys")
        << u"{\"onramp_probe\": 2, \"torch\": \"3.0.0\", \"torch_cuda\": \"13.0\", \"is_available\": true, "
           "\"device_count\": 8, \"mps\": false, \"nccl\": [2, 21, 5]}"_qs
        << true << u"13.0"_qs << 1 << 8 << u"(unset)"_qs << QString();
    QTest::newRow("wrong types are ignored, not fatal")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": 12.1, \"is_available\": \"yes\", "
           "\"device_count\": \"2\", \"devices\": \"none\", \"warnings\": {}}"_qs
        << true << QString() << -1 << -1 << u"(unset)"_qs << QString();
}

void TestTorchProbe::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, imported);
    QFETCH(QString, torchCuda);
    QFETCH(int, available);
    QFETCH(int, count);
    QFETCH(QString, visible);
    QFETCH(QString, preamble);
    const auto parsed = parseTorchProbe(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    const TorchProbeResult &r = parsed.value();
    QCOMPARE(r.torchImported, imported);
    QCOMPARE(r.torchCuda, torchCuda);
    QCOMPARE(r.cudaAvailable ? int(*r.cudaAvailable) : -1, available);
    QCOMPARE(r.deviceCount.value_or(-1), count);
    QCOMPARE(r.cudaVisibleDevices.value_or(u"(unset)"_qs), visible);
    QCOMPARE(r.preamble, preamble);
}

void TestTorchProbe::labProbe_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("place");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("torchCuda"); // "none": torch not importable
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("codes");
    const int login = int(Place::LoginNode);
    const int job = int(Place::Job);
    auto row = [](const char *file, int place, int gpus, const char *cuda, int count, QStringList codes) {
        QTest::newRow(file) << QString::fromLatin1(file) << place << gpus << QString::fromLatin1(cuda)
                            << count << codes;
    };
    row("login__probe-none__exit0.txt", login, -1, "none", -1, {u"torch.not-installed"_qs});
    row("login__probe-cpu__exit0.txt", login, -1, "", 0, {u"torch.cpu-build"_qs});
    row("login__probe-cu118__exit0.txt", login, -1, "11.8", 0, {u"torch.no-driver"_qs});
    row("job-nogres__probe-cu118__exit0.txt", job, 0, "11.8", 0, {u"torch.no-driver"_qs});
    row("job-gpu1__probe-cpu__exit0.txt", job, 1, "", 0, {u"torch.cpu-build"_qs});
    row("job-gpu1__probe-cu118__exit0.txt", job, 1, "11.8", 1, {});
    row("job-gpu2__probe-cu121__exit0.txt", job, 2, "12.1", 2, {});
    row("job-gpu1__probe-cu121-conda-run__exit0.txt", job, 1, "12.1", 1, {});
    row("job-gpu1-driver470__probe-cu121__exit0.txt", job, 1, "12.1", 1, {u"torch.driver-too-old"_qs});
    row("job-gpu1-driver470__probe-cu118__exit0.txt", job, 1, "11.8", 1, {});
    row("job-gpu1-mismatch__probe-cu121__exit0.txt", job, 1, "12.1", 0,
        {u"torch.driver-library-mismatch"_qs});
    row("job-gpu1-nodriver__probe-cu121__exit0.txt", job, 1, "12.1", 0, {u"torch.cuda-init-failed"_qs});
}

// The probe's real output in the lab (tests/fixtures/gpu/lab/capture.sh): conda envs made by the conda
// stand-in, run on the login node and in Slurm jobs with the torch and nvidia-smi stand-ins.
void TestTorchProbe::labProbe()
{
    QFETCH(QString, file);
    QFETCH(int, place);
    QFETCH(int, gpus);
    QFETCH(QString, torchCuda);
    QFETCH(int, count);
    QFETCH(QStringList, codes);
    const auto parsed = parseTorchProbe(readGpuFixture(u"lab/"_qs + file));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    const TorchProbeResult &r = parsed.value();
    QCOMPARE(r.torchImported, torchCuda != u"none");
    if (r.torchImported)
        QCOMPARE(r.torchCuda, torchCuda);
    QCOMPARE(r.deviceCount.value_or(-1), count);
    QCOMPARE(r.hostname, u"vm"_qs);
    QVERIFY(r.pythonExecutable.startsWith(u"/home/student/miniconda3/"_qs));
    QVERIFY(r.preamble.isEmpty());
    if (place == int(Place::LoginNode))
        QCOMPARE(r.cudaVisibleDevices, std::nullopt);
    else if (gpus > 0)
        QCOMPARE(r.cudaVisibleDevices.value_or(QString()).split(u',').size(), gpus);
    const Diagnoses d = diagnoseTorchProbe(r, contextFor(place, gpus));
    QCOMPARE(codesOf(d), codes);
    if (r.cudaAvailable == true) {
        QCOMPARE(r.tensorOk, true);
        QCOMPARE(r.devices.size(), count);
    }
}

void TestTorchProbe::parseMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank lines") << u"\n\n  \n"_qs;
    QTest::newRow("no JSON (python not found)")
        << u"bash: line 1: /home/student/miniconda3/envs/cola/bin/python: No such file or directory\n"_qs;
    QTest::newRow("JSON cut in the middle") << u"{\"onramp_probe\": 1, \"torch\": \"2.1"_qs;
    QTest::newRow("JSON cut before its end")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"devices\": [{\"index\": 0}"_qs;
    QTest::newRow("binary garbage") << binaryGarbage();
    QTest::newRow("invalid UTF-8") << invalidUtf8();
    QTest::newRow("someone else's JSON") << u"{\"torch\": \"2.1.2\", \"is_available\": true}\n"_qs;
    QTest::newRow("probe key not a number") << u"{\"onramp_probe\": \"1\", \"torch\": \"2.1.2\"}\n"_qs;
    QTest::newRow("a JSON array") << u"[{\"onramp_probe\": 1}]\n"_qs;
    QTest::newRow("a traceback")
        << u"Traceback (most recent call last):\n  File \"<string>\", line 1\nSyntaxError: "
           "invalid syntax\n"_qs;
    QTest::newRow("nvidia-smi's table")
        << readGpuFixture(u"nvidia-smi/table__GTX1080__530.41.03__no-processes.txt"_qs);
}

void TestTorchProbe::parseMalformed()
{
    QFETCH(QString, text);
    const auto parsed = parseTorchProbe(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY(!parsed.error().message.isEmpty());
    QVERIFY(!parsed.error().detail.isEmpty());
}

void TestTorchProbe::diagnoseProbe_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("place");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("driverCuda");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("suggestionHas");
    const int unknown = int(Place::Unknown);
    const int login = int(Place::LoginNode);
    const int job = int(Place::Job);
    const QString ok
        = u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": true, "
          "\"device_count\": 1, \"arch_list\": [\"sm_80\", \"sm_86\", \"sm_90\"], \"devices\": "
          "[{\"index\": 0, \"name\": \"NVIDIA H100 80GB HBM3\", \"capability\": \"9.0\", "
          "\"total_memory\": 85017624576}], \"tensor_ok\": true, \"cuda_visible_devices\": \"0\"}"_qs;
    QTest::newRow("all good") << ok << job << 1 << QString() << QStringList {} << QString();
    QTest::newRow("all good, GPUs requested unknown")
        << ok << unknown << -1 << QString() << QStringList {} << QString();
    QTest::newRow("CPU build, driver CUDA known")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": null, \"is_available\": false, "
           "\"device_count\": 0}"_qs
        << job << 1 << u"12.2"_qs << QStringList {u"torch.cpu-build"_qs} << u"CONDA_OVERRIDE_CUDA=12.2"_qs;
    QTest::newRow("CPU build, driver CUDA unknown")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": null, \"is_available\": false, "
           "\"device_count\": 0}"_qs
        << login << -1 << QString() << QStringList {u"torch.cpu-build"_qs} << u"CONDA_OVERRIDE_CUDA"_qs;
    QTest::newRow("driver too old, from the warning")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": false, "
           "\"device_count\": 1, \"warnings\": [{\"category\": \"UserWarning\", \"message\": \"CUDA "
           "initialization: "
           "The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver "
           "by "
           "downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx "
           "Alternatively, go to: https://pytorch.org to install a PyTorch version that has been compiled "
           "with your "
           "version of the CUDA driver.\"}]}"_qs
        << job << 1 << QString() << QStringList {u"torch.driver-too-old"_qs} << u"cuda-version<=11.4"_qs;
    QTest::newRow("no driver, login node")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": false, "
           "\"device_count\": 0, \"cuda_error\": \"RuntimeError: Found no NVIDIA driver on your system.\"}"_qs
        << login << -1 << QString() << QStringList {u"torch.no-driver"_qs} << u"login node"_qs;
    QTest::newRow("no driver, job without GPU")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": false, "
           "\"device_count\": 0, \"cuda_error\": \"RuntimeError: Found no NVIDIA driver on your system.\"}"_qs
        << job << 0 << QString() << QStringList {u"torch.no-driver"_qs} << u"--gres=gpu:1"_qs;
    QTest::newRow("not available, no reason given")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": false, "
           "\"device_count\": 0}"_qs
        << job << 1 << QString()
        << QStringList {u"torch.cuda-unavailable"_qs, u"torch.device-count-mismatch"_qs}
        << u"CUDA_VISIBLE_DEVICES"_qs;
    QTest::newRow("GPU too new for the build")
        << u"{\"onramp_probe\": 1, \"torch\": \"1.7.1\", \"torch_cuda\": \"10.2\", \"is_available\": true, "
           "\"device_count\": 1, \"arch_list\": [\"sm_37\", \"sm_50\", \"sm_60\", \"sm_70\"], \"devices\": "
           "[{\"index\": 0, \"name\": \"NVIDIA A100-SXM4-40GB\", \"capability\": \"8.0\"}], \"tensor_ok\": "
           "false, "
           "\"cuda_error\": \"RuntimeError: CUDA error: no kernel image is available for execution on the device\"}"_qs
        << job << 1 << QString() << QStringList {u"torch.arch-unsupported"_qs} << u"newer PyTorch"_qs;
    QTest::newRow("same major, newer minor runs (sm_86 on 8.9)")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.0.1\", \"torch_cuda\": \"11.7\", \"is_available\": true, "
           "\"device_count\": 1, \"arch_list\": [\"sm_80\", \"sm_86\"], \"devices\": [{\"index\": 0, "
           "\"name\": "
           "\"NVIDIA L40S\", \"capability\": \"8.9\"}], \"tensor_ok\": true}"_qs
        << job << 1 << QString() << QStringList {} << QString();
    QTest::newRow("PTX covers a newer major (compute_80 on 9.0)")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.0.1\", \"torch_cuda\": \"11.7\", \"is_available\": true, "
           "\"device_count\": 1, \"arch_list\": [\"sm_80\", \"compute_80\"], \"devices\": [{\"index\": 0, "
           "\"name\": "
           "\"NVIDIA H100\", \"capability\": \"9.0\"}], \"tensor_ok\": true}"_qs
        << job << 1 << QString() << QStringList {} << QString();
    QTest::newRow("first computation fails")
        << u"{\"onramp_probe\": 1, \"torch\": \"2.1.2\", \"torch_cuda\": \"12.1\", \"is_available\": true, "
           "\"device_count\": 1, \"tensor_ok\": false, \"cuda_error\": \"RuntimeError: CUDA error: out of memory\"}"_qs
        << job << 1 << QString() << QStringList {u"torch.cuda-unusable"_qs} << u"another process"_qs;
    QTest::newRow("import failed")
        << u"{\"onramp_probe\": 1, \"torch\": null, \"import_error\": \"ImportError: "
           "libtorch_cuda.so: undefined symbol: ncclCommRegister\"}"_qs
        << job << 1 << QString() << QStringList {u"torch.import-failed"_qs} << u"reinstall"_qs;
    QTest::newRow("probe crashed")
        << u"{\"onramp_probe\": 1, \"torch\": null, \"probe_error\": \"Traceback ...\"}"_qs << job << 1
        << QString() << QStringList {u"torch.probe-failed"_qs} << u"Onramp developers"_qs;
}

void TestTorchProbe::diagnoseProbe()
{
    QFETCH(QString, json);
    QFETCH(int, place);
    QFETCH(int, gpus);
    QFETCH(QString, driverCuda);
    QFETCH(QStringList, codes);
    QFETCH(QString, suggestionHas);
    const auto parsed = parseTorchProbe(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    GpuCheckContext context = contextFor(place, gpus);
    context.driverCuda = QVersionNumber::fromString(driverCuda);
    const Diagnoses d = diagnoseTorchProbe(parsed.value(), context);
    QCOMPARE(codesOf(d), codes);
    if (!codes.isEmpty()) {
        QString all;
        for (const Diagnosis &x : d)
            all += x.suggestion + u'\n';
        QVERIFY2(all.contains(suggestionHas), qPrintable(all));
    }
}

void TestTorchProbe::diagnoseFailure_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("killed by the outer timeout")
        << QString() << 124 << QStringList {u"torch.probe-timeout"_qs};
    QTest::newRow("SIGKILL after the timeout") << QString() << 137 << QStringList {u"torch.probe-timeout"_qs};
    QTest::newRow("env's python missing")
        << u"bash: line 1: /home/student/miniconda3/envs/cola/bin/python: No such file or directory\n"_qs
        << 127 << QStringList {u"torch.env-missing"_qs};
    QTest::newRow("lab: env's python missing, under timeout")
        << u"timeout: failed to run command "
           u"'/home/student/miniconda3/envs/onramp-gpu-probe-cu121/bin/python': No "
           "such file or directory\n"_qs
        << 127 << QStringList {u"torch.env-missing"_qs};
    QTest::newRow("lab: conda run, no such env, in a job")
        << u"\nEnvironmentLocationNotFound: Not a conda environment: "
           "/home/student/miniconda3/envs/onramp-gpu-probe-cu121\n\nsrun: error: vm: task 0: Exited with exit code 1\n"_qs
        << 1 << QStringList {u"torch.env-missing"_qs};
    QTest::newRow("conda missing")
        << u"timeout: failed to run command '/home/student/miniconda3/bin/conda': No such file or directory\n"_qs
        << 127 << QStringList {u"torch.conda-missing"_qs};
    QTest::newRow("conda run: no such env")
        << u"\nEnvironmentLocationNotFound: Not a conda environment: /home/student/miniconda3/envs/nope\n\n"_qs
        << 1 << QStringList {u"torch.env-missing"_qs};
    QTest::newRow("torch's own error, no JSON")
        << readGpuFixture(u"pytorch/error-driver-too-old__RuntimeError.txt"_qs) << 1
        << QStringList {u"torch.driver-too-old"_qs};
    QTest::newRow("nothing known") << u"Segmentation fault (core dumped)\n"_qs << 139 << QStringList {};
    QTest::newRow("binary garbage") << binaryGarbage() << 1 << QStringList {};
}

void TestTorchProbe::diagnoseFailure()
{
    QFETCH(QString, output);
    QFETCH(int, exitCode);
    QFETCH(QStringList, codes);
    QVERIFY(!parseTorchProbe(output).ok());
    const Diagnoses d = diagnoseTorchProbeFailure(output, exitCode);
    QCOMPARE(codesOf(d), codes);
    for (const Diagnosis &x : d)
        QVERIFY(!x.summary.isEmpty() && !x.suggestion.isEmpty() && !x.evidence.isEmpty());
}

void TestTorchProbe::torchCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("summaryHas");
    auto row = [](const char *file, QStringList codes, const char *summaryHas = "") {
        QTest::newRow(file) << QString::fromLatin1(file) << codes << QString::fromUtf8(summaryHas);
    };
    row("collect_env__pytorch-issue-10654.txt", {});
    row("collect_env__pytorch-issue-31864.txt", {});
    row("collect_env__pytorch-issue-35778.txt", {u"torch.cpu-build"_qs}, "CPU-only");
    row("collect_env__pytorch-issue-47304.txt", {});
    row("collect_env__pytorch-issue-83533.txt", {u"torch.cpu-build"_qs}, "CPU-only");
    row("collect_env__pytorch-issue-86556.txt", {});
    row("error-driver-too-old__RuntimeError.txt", {u"torch.driver-too-old"_qs}, "11.4");
    row("python-c-torch-version-and-is_available__two-commands.txt", {});
    row("warning-cuda-driver-init-failed.txt", {u"torch.cuda-init-failed"_qs}, "CUDA driver");
    row("warning-driver-too-old__found-11040__torch-cuda-init108.txt", {u"torch.driver-too-old"_qs}, "11.4");
    row("warning-driver-too-old__found-11040__torch2-py311.txt", {u"torch.driver-too-old"_qs}, "11.4");
    row("warning-no-nvidia-driver__is_available-prints-False.txt", {u"torch.no-driver"_qs},
        "no NVIDIA driver");
    row("warning-no-nvidia-driver__torch1.7-device_count.txt", {u"torch.no-driver"_qs}, "no NVIDIA driver");
}

void TestTorchProbe::torchCorpus()
{
    QFETCH(QString, file);
    QFETCH(QStringList, codes);
    QFETCH(QString, summaryHas);
    const QString text = readGpuFixture(u"pytorch/"_qs + file);
    QVERIFY(!text.isEmpty());
    const Diagnoses d = diagnoseTorchOutput(text);
    QCOMPARE(codesOf(d), codes);
    if (!codes.isEmpty()) {
        QVERIFY2(d.first().summary.contains(summaryHas), qPrintable(d.first().summary));
        QVERIFY(!d.first().suggestion.isEmpty());
        QVERIFY(text.contains(d.first().evidence)); // verbatim
    }
}

QTEST_GUILESS_MAIN(TestTorchProbe)
#include "tst_torchprobe.moc"
