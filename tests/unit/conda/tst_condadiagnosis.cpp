#include "cluster/conda/condadiagnosis.h"
#include "condafixtures.h"

#include <QTest>

using namespace onramp::cluster;
namespace fx = condafixtures;

namespace {
QString codes(const Diagnoses &ds)
{
    QStringList out;
    for (const Diagnosis &d : ds)
        out << d.code;
    return out.join(u',');
}
} // namespace

class TestCondaDiagnosis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recognises_data();
    void recognises();
    void cudaContext_data();
    void cudaContext();
    void quietForNormalOutput_data();
    void quietForNormalOutput();
};

void TestCondaDiagnosis::recognises_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("codes"); // in order, comma-separated
    QTest::addColumn<QStringList>("inSummary"); // words the first summary names
    QTest::addColumn<QString>("inEvidence"); // conda's words the first diagnosis quotes

    auto real = [](const char *name) { return fx::output(u"real-23.7.4/"_qs + QString::fromUtf8(name)); };
    auto si = [](const char *name) { return fx::output(u"standin/"_qs + QString::fromUtf8(name)); };
    auto hw = [](const char *name) { return fx::output(u"handwritten/"_qs + QString::fromUtf8(name)); };
    auto issue = [](const char *name) { return fx::text(u"issues/"_qs + QString::fromUtf8(name)); };
    const QStringList channels {u"file:///srv/conda-channel/linux-64"_qs,
                                u"file:///srv/conda-channel/noarch"_qs};

    // real conda 23.7.4
    QTest::newRow("run: the command failed (27)")
        << real("27-run-failing-exit3") << u"conda.run.failed"_qs << QStringList {u"python -c"_qs}
        << u"ERROR conda.cli.main_run:execute(49)"_qs;
    QTest::newRow("run: command not found (28)")
        << real("28-run-missing-command") << u"conda.run.command-not-found"_qs
        << QStringList {u"nosuchcommand"_qs} << u"nosuchcommand: command not found"_qs;
    QTest::newRow("run: no such env (29)") << real("29-run-no-such-env") << u"conda.env.not-found"_qs
                                           << QStringList {u"/opt/conda/envs/nosuchenv"_qs}
                                           << u"EnvironmentLocationNotFound: Not a conda environment"_qs;
    QTest::newRow("list: no such env (30)")
        << real("30-list-no-such-env") << u"conda.env.not-found"_qs
        << QStringList {u"/opt/conda/envs/nosuchenv"_qs} << u"EnvironmentLocationNotFound"_qs;
    QTest::newRow("list: no such env, json (31)")
        << real("31-list-no-such-env-json") << u"conda.env.not-found"_qs
        << QStringList {u"/opt/conda/envs/nosuchenv"_qs} << u"EnvironmentLocationNotFound"_qs;
    QTest::newRow("activate without init, 23.x argparse (32)")
        << real("32-activate-without-init") << u"conda.activate.no-init"_qs
        << QStringList {u"conda activate"_qs} << u"invalid choice: 'activate'"_qs;
    QTest::newRow("packages not found (33)")
        << real("33-packages-not-found") << u"conda.PackagesNotFoundError"_qs
        << (QStringList {u"nosuchpkg"_qs} << channels)
        << u"PackagesNotFoundError: The following packages are not available"_qs;
    QTest::newRow("packages not found, json (34)")
        << real("34-packages-not-found-json") << u"conda.PackagesNotFoundError"_qs
        << (QStringList {u"nosuchpkg"_qs} << channels) << u"  - nosuchpkg"_qs;
    QTest::newRow("missing dependency (35)")
        << real("35-missing-dependency") << u"conda.PackagesNotFoundError"_qs
        << QStringList {u"doesnotexist[version='>=2']"_qs} << u"doesnotexist[version='>=2']"_qs;
    QTest::newRow("missing dependency, json (36)")
        << real("36-missing-dependency-json") << u"conda.PackagesNotFoundError"_qs
        << QStringList {u"doesnotexist[version='>=2']"_qs} << u"doesnotexist"_qs;
    QTest::newRow("unsatisfiable, tqdm noise on stderr (37)")
        << real("37-unsatisfiable") << u"conda.UnsatisfiableError"_qs << QStringList {u"libfoo"_qs}
        << u"Package libfoo conflicts for:"_qs;
    QTest::newRow("unsatisfiable, json (38)")
        << real("38-unsatisfiable-json") << u"conda.UnsatisfiableError"_qs << QStringList {u"libfoo"_qs}
        << u"conflict-a -> libfoo[version='>=2']"_qs;
    QTest::newRow("unsatisfiable python (37b)")
        << real("37b-unsatisfiable-python") << u"conda.UnsatisfiableError"_qs << QStringList {u"python"_qs}
        << u"needs-py312 -> python"_qs;
    QTest::newRow("unsatisfiable python, json (38b)")
        << real("38b-unsatisfiable-python-json") << u"conda.UnsatisfiableError"_qs
        << QStringList {u"python"_qs} << u"Package python conflicts for:"_qs;
    QTest::newRow("python version not found (38c)")
        << real("38c-python-version-not-found") << u"conda.PackagesNotFoundError"_qs
        << QStringList {u"python=3.12"_qs} << u"  - python=3.12"_qs;
    QTest::newRow("python version not found, json (38d)")
        << real("38d-version-not-found-json") << u"conda.PackagesNotFoundError"_qs
        << QStringList {u"python=3.12"_qs} << u"python=3.12"_qs;
    QTest::newRow("__cuda missing (39)") << real("39-virtual-cuda-missing") << u"conda.cuda.unavailable"_qs
                                         << QStringList {u"12.1"_qs} << u"__cuda[version='>=12.1']"_qs;
    QTest::newRow("__cuda missing, json (40)")
        << real("40-virtual-cuda-missing-json") << u"conda.cuda.unavailable"_qs << QStringList {u"12.1"_qs}
        << u"__cuda[version='>=12.1']"_qs;
    QTest::newRow("__cuda too old (41b)") << real("41b-virtual-cuda-too-old") << u"conda.cuda.unavailable"_qs
                                          << QStringList {u"12.1"_qs} << u"__cuda"_qs;
    QTest::newRow("__cuda too old, json (41c)")
        << real("41c-virtual-cuda-too-old-json") << u"conda.cuda.unavailable"_qs << QStringList {u"12.1"_qs}
        << u"__cuda"_qs;
    QTest::newRow("channel folder missing (45)")
        << real("45-channel-dir-missing") << u"conda.UnavailableInvalidChannel"_qs
        << QStringList {u"nosuchchannel"_qs} << u"HTTP 404 UNAVAILABLE OR INVALID"_qs;
    QTest::newRow("env exists, dry run json (47)") << real("47-env-exists-yes-json") << u"conda.env.exists"_qs
                                                   << QStringList() << u"Cannot `create --dry-run`"_qs;
    QTest::newRow("env exists, prompt (48)")
        << real("48-env-exists-noninteractive") << u"conda.env.exists"_qs
        << QStringList {u"/opt/conda/envs/demo"_qs} << u"A conda environment already exists"_qs;
    QTest::newRow("env exists, env create json (51d)")
        << real("51d-env-create-from-yml-exists-json") << u"conda.env.exists"_qs
        << QStringList {u"/opt/conda/envs/fromyml"_qs} << u"prefix already exists"_qs;

    // user-pasted output from issues (libmamba trees, mamba)
    QTest::newRow("libmamba tree, pytorch-gpu")
        << issue("libmamba-unsatisfiable__env-create-pytorch-gpu__conda23.11+.txt")
        << u"conda.LibMambaUnsatisfiableError"_qs << QStringList {u"pytorch-gpu-1.9.0"_qs}
        << u"└─ pytorch-gpu ==1.9.0 cuda112py38h0bbbad9_1 is not installable"_qs;
    QTest::newRow("libmamba tree, pytorch-cuda versions")
        << issue("libmamba-unsatisfiable__pytorch-cuda-conflict.txt")
        << u"conda.LibMambaUnsatisfiableError"_qs << QStringList {u"torchaudio"_qs}
        << u"├─ pytorch-cuda ==12.1 ha16c6d3_5 is requested"_qs;
    QTest::newRow("mamba __cuda constraint")
        << issue("mamba-constraint-__cuda-conflict.txt")
        << u"conda.cuda.too-old,conda.LibMambaUnsatisfiableError"_qs << QStringList {u"11.0"_qs, u"10.2"_qs}
        << u"has constraint __cuda >=11.0 conflicting with __cuda-10.2-0"_qs;

    // stand-in (shapes the real captures lack)
    QTest::newRow("stand-in: __cuda not available, your system (s10)")
        << si("s10-cuda-missing-unsatisfiable") << u"conda.cuda.missing"_qs << QStringList {u"12.1"_qs}
        << u"Your installed version is: not available"_qs;
    QTest::newRow("stand-in: __cuda not available, json (s11)")
        << si("s11-cuda-missing-unsatisfiable-json") << u"conda.cuda.missing"_qs << QStringList {u"12.1"_qs}
        << u"pytorch-cuda=12.1 -> __cuda[version='>=12.1']"_qs;
    QTest::newRow("stand-in: HTTP 000 (s24)")
        << si("s24-http-error") << u"conda.CondaHTTPError"_qs
        << QStringList {u"https://conda.anaconda.org/pytorch/linux-64/current_repodata.json"_qs}
        << u"CondaHTTPError: HTTP 000 CONNECTION FAILED"_qs;
    QTest::newRow("stand-in: HTTP 000, json (s25)")
        << si("s25-http-error-json") << u"conda.CondaHTTPError"_qs << QStringList {u"CONNECTION FAILED"_qs}
        << u"HTTP 000"_qs;
    QTest::newRow("stand-in: InvalidVersionSpec (s26)")
        << si("s26-invalid-matchspec") << u"conda.spec.invalid"_qs
        << QStringList {u">=>1"_qs, u"invalid operator"_qs}
        << u"InvalidVersionSpec: Invalid version '>=>1'"_qs;
    QTest::newRow("stand-in: InvalidVersionSpec, json (s27)")
        << si("s27-invalid-matchspec-json") << u"conda.spec.invalid"_qs << QStringList {u">=>1"_qs}
        << u"InvalidVersionSpec"_qs;
    QTest::newRow("stand-in: disk full while downloading (s28)")
        << si("s28-no-space-download") << u"conda.disk.full"_qs
        << QStringList {u"/tmp/lab/fullpkgs/pytorch-2.2.2-py3.12_cpu_0.tar.bz2"_qs} << u"errno: 28"_qs;
    QTest::newRow("stand-in: disk full, CondaMultiError json (s29)")
        << si("s29-no-space-download-json") << u"conda.disk.full"_qs << QStringList {u"pytorch-2.2.2"_qs}
        << u"errno: 28"_qs;
    QTest::newRow("stand-in: disk full while linking (s30)")
        << si("s30-no-space-prefix") << u"conda.disk.full"_qs << QStringList {u"libtorch_cpu.so"_qs}
        << u"[Errno 28] No space left on device"_qs;
    QTest::newRow("stand-in: disk full, --json crash traceback (s31)")
        << si("s31-no-space-prefix-json") << u"conda.disk.full"_qs << QStringList {u"libtorch_cpu.so"_qs}
        << u"[Errno 28] No space left on device"_qs;
    QTest::newRow("stand-in: unsatisfiable pytorch (s32)")
        << si("s32-unsatisfiable-torch") << u"conda.UnsatisfiableError"_qs << QStringList {u"python"_qs}
        << u"pytorch -> python"_qs;
    QTest::newRow("stand-in: install into a missing env (s33)")
        << si("s33-env-name-not-found") << u"conda.env.not-found"_qs << QStringList {u"nosuch"_qs}
        << u"EnvironmentLocationNotFound"_qs;
    QTest::newRow("stand-in: install into a missing env, json (s33b)")
        << si("s33b-env-name-not-found-json") << u"conda.env.not-found"_qs << QStringList {u"nosuch"_qs}
        << u"Not a conda environment"_qs;
    QTest::newRow("stand-in: channel not on anaconda.org (s34)")
        << si("s34-channel-not-found") << u"conda.UnavailableInvalidChannel"_qs
        << QStringList {u"nosuchchannel"_qs} << u"HTTP 404 NOT FOUND for channel nosuchchannel"_qs;
    QTest::newRow("stand-in: 25.x activate without init (s42)")
        << si("s42-25-activate-without-init") << u"conda.activate.no-init"_qs
        << QStringList {u"conda activate"_qs} << u"CondaError: Run 'conda init' before 'conda activate'"_qs;
    QTest::newRow("stand-in: 25.x env exists prompt (s46)")
        << si("s46-25-env-exists") << u"conda.env.exists"_qs
        << QStringList {u"/home/student/miniconda3/envs/c25"_qs}
        << u"A conda environment already exists at"_qs;

    // hand-written (see tests/fixtures/conda/README.md)
    QTest::newRow("hand-written: quota while downloading")
        << hw("disk-quota-errno122") << u"conda.disk.quota"_qs
        << QStringList {u"/home/student/.conda/pkgs/"_qs} << u"errno: 122"_qs;
    QTest::newRow("hand-written: quota while linking")
        << hw("disk-quota-errno122-link") << u"conda.disk.quota"_qs << QStringList {u"libtorch_cuda.so"_qs}
        << u"[Errno 122] Disk quota exceeded"_qs;
    QTest::newRow("hand-written: libmamba, __cuda missing on the system")
        << hw("libmamba-cuda-missing") << u"conda.cuda.missing,conda.LibMambaUnsatisfiableError"_qs
        << QStringList {u"11.8"_qs} << u"nothing provides __cuda >=11.8"_qs;
    QTest::newRow("hand-written: conda 4.x CommandNotFoundError for activate")
        << hw("activate-conda4.x") << u"conda.activate.no-init"_qs << QStringList()
        << u"CommandNotFoundError"_qs;

    // inline shapes
    QTest::newRow("an unknown conda error is still explained")
        << u"\nCondaVerificationError: The package for pytorch located at /x/pkgs/pytorch-2.1.2 appears to "
           u"be "
           "corrupted.\n\n"_qs
        << u"conda.CondaVerificationError"_qs << QStringList {u"corrupted"_qs}
        << u"CondaVerificationError"_qs;
    QTest::newRow("a conda crash with only a traceback")
        << u"Traceback (most recent call last):\n  File \"/opt/conda/bin/conda\", line 9, in "
           u"<module>\nKeyError: "
           "'channels'\n"_qs
        << u"conda.crash"_qs << QStringList {u"KeyError"_qs} << u"Traceback (most recent call last)"_qs;
    QTest::newRow("HTTP 403")
        << u"CondaHTTPError: HTTP 403 FORBIDDEN for url <https://repo.anaconda.com/pkgs/main/"
           "linux-64/repodata.json>\nElapsed: 00:00.1\n"_qs
        << u"conda.CondaHTTPError"_qs << QStringList {u"403"_qs} << u"HTTP 403 FORBIDDEN"_qs;
    QTest::newRow("removing a package that is not installed")
        << u"\nPackagesNotFoundError: The following packages are missing from the target environment:\n  - "
           "torchvision\n\n"_qs
        << u"conda.PackagesNotFoundError"_qs << QStringList {u"torchvision"_qs}
        << u"missing from the target"_qs;
    QTest::newRow("classic 4.5 conflict list")
        << u"UnsatisfiableError: The following specifications were found to be in conflict:\n  - pytorch=1.0 "
           u"-> "
           "python[version='>=3.6,<3.7.0a0']\n  - python=3.8\nUse \"conda info <package>\" to see the "
           "dependencies for each package.\n"_qs
        << u"conda.UnsatisfiableError"_qs << QStringList {u"python=3.8"_qs} << u"found to be in conflict"_qs;
    QTest::newRow("InvalidMatchSpec")
        << u"\nInvalidMatchSpec: Invalid spec 'numpy[version=>1': Parens not allowed.\n\n"_qs
        << u"conda.spec.invalid"_qs << QStringList {u"numpy[version=>1"_qs, u"Parens not allowed"_qs}
        << u"InvalidMatchSpec"_qs;
    QTest::newRow("proxy")
        << u"ProxyError: Conda cannot proceed due to an error in your proxy configuration.\n"_qs
        << u"conda.CondaHTTPError"_qs << QStringList {u"proxy"_qs} << u"ProxyError"_qs;
}

void TestCondaDiagnosis::recognises()
{
    QFETCH(QString, output);
    QFETCH(QString, codes);
    QFETCH(QStringList, inSummary);
    QFETCH(QString, inEvidence);
    QVERIFY(!output.isEmpty());
    const Diagnoses ds = diagnoseCondaOutput(output);
    QCOMPARE(::codes(ds), codes);
    const Diagnosis &first = ds.first();
    for (const QString &word : std::as_const(inSummary))
        QVERIFY2(first.summary.contains(word), qPrintable(first.summary + u" lacks "_qs + word));
    QVERIFY2(first.evidence.contains(inEvidence), qPrintable(first.evidence));
    for (const Diagnosis &d : ds) {
        QVERIFY(!d.summary.isEmpty());
        QVERIFY(!d.suggestion.isEmpty());
        QVERIFY(!d.evidence.isEmpty());
        QVERIFY(!d.evidence.contains(QChar(0)));
    }
}

// What conda info said about __cuda, and where the command ran, turn "missing or too old" into one.
void TestCondaDiagnosis::cudaContext_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("place");
    QTest::addColumn<QString>("detected"); // "-": not looked up
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("inSuggestion");
    const QString missing = fx::output(u"real-23.7.4/39-virtual-cuda-missing"_qs);
    const QString tooOld = fx::output(u"real-23.7.4/41b-virtual-cuda-too-old"_qs);
    const int login = int(CondaDiagnosisContext::Place::LoginNode);
    const int job = int(CondaDiagnosisContext::Place::GpuJob);
    QTest::newRow("no driver, login node")
        << missing << login << QString() << u"conda.cuda.missing"_qs << u"CONDA_OVERRIDE_CUDA=12.1"_qs;
    QTest::newRow("no driver, in a GPU job")
        << missing << job << QString() << u"conda.cuda.missing"_qs << u"--gres=gpu:1"_qs;
    QTest::newRow("driver for CUDA 11.8")
        << tooOld << login << u"11.8"_qs << u"conda.cuda.too-old"_qs << u"pytorch-cuda=11.8"_qs;
    QTest::newRow("not looked up") << tooOld << 0 << u"-"_qs << u"conda.cuda.unavailable"_qs
                                   << u"CONDA_OVERRIDE_CUDA=12.1"_qs;
}

void TestCondaDiagnosis::cudaContext()
{
    QFETCH(QString, output);
    QFETCH(int, place);
    QFETCH(QString, detected);
    QFETCH(QString, code);
    QFETCH(QString, inSuggestion);
    CondaDiagnosisContext ctx;
    ctx.place = CondaDiagnosisContext::Place(place);
    if (detected != u"-")
        ctx.detectedCuda = detected;
    const Diagnoses ds = diagnoseCondaOutput(output, ctx);
    QVERIFY(!ds.isEmpty());
    QCOMPARE(ds.first().code, code);
    QVERIFY2(ds.first().suggestion.contains(inSuggestion), qPrintable(ds.first().suggestion));
}

void TestCondaDiagnosis::quietForNormalOutput_data()
{
    QTest::addColumn<QString>("output");
    for (const char *name :
         {"01-conda-version", "02-conda-info-json", "05-create-dry-run-json", "06-create-dry-run",
          "07-create-yes", "08-create-interactive-yes.pty", "09-create-interactive-no.pty", "13-list-json",
          "14-list", "19-install-already-installed", "20-install-already-installed-json",
          "21-install-bigblob-json", "23-remove-yes", "24-run-python", "52-shell-hook"})
        QTest::newRow(name) << fx::output(u"real-23.7.4/"_qs + QString::fromUtf8(name));
    QTest::newRow("stand-in guide create in a terminal (s12)")
        << fx::output(u"standin/s12-guide-create-pty"_qs);
    QTest::newRow("stand-in 25.x create (s45)") << fx::output(u"standin/s45-25-guide-create-yes"_qs);
    QTest::newRow("empty") << QString();
    QTest::newRow("binary garbage") << QString::fromUtf8(QByteArray("\x00\xff\xfe\x80\xc3(\x1b[A\r\n", 11));
    QTest::newRow("truncated error json")
        << fx::text(u"real-23.7.4/34-packages-not-found-json.txt"_qs).left(20);
    QTest::newRow("json of another shape") << u"{\"error\": 5, \"exception_name\": [1]}"_qs;
}

void TestCondaDiagnosis::quietForNormalOutput()
{
    QFETCH(QString, output);
    const Diagnoses ds = diagnoseCondaOutput(output);
    QVERIFY2(ds.isEmpty(), qPrintable(codes(ds)));
}

QTEST_GUILESS_MAIN(TestCondaDiagnosis)
#include "tst_condadiagnosis.moc"
