#include "cluster/conda/condainfo.h"
#include "cluster/conda/condaplan.h"
#include "condafixtures.h"

#include <QTest>

using namespace onramp::cluster;
namespace fx = condafixtures;

namespace {
// Inputs no conda printed, that a parser must refuse with a clear error and without crashing.
void addGarbageRows(const QString &validStart)
{
    QTest::newRow("empty") << QString();
    QTest::newRow("whitespace") << u"  \n\t\n"_qs;
    QTest::newRow("truncated") << validStart.left(validStart.size() / 2);
    QByteArray junk("\x00\xff\xfe{\"a\x00\x80\xc3(\n\r\x1b[A", 16);
    QTest::newRow("binary garbage with NUL and invalid UTF-8") << QString::fromUtf8(junk);
    QTest::newRow("a shell error instead") << u"bash: conda: command not found\n"_qs;
}

QString envsString(const QList<CondaEnvironment> &envs)
{
    QStringList parts;
    for (const CondaEnvironment &e : envs)
        parts << e.name + u'=' + e.prefix + (e.active ? u"*"_qs : QString())
                + (e.base ? u"(base)"_qs : QString());
    return parts.join(u';');
}

QString packageString(const CondaPackage &p)
{
    return QStringList {p.name, p.version, p.build, p.channel, p.subdir}.join(u' ');
}
} // namespace

class TestCondaInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void info_data();
    void info();
    void infoRefuses_data();
    void infoRefuses();
    void envListJson_data();
    void envListJson();
    void envListJsonRefuses_data();
    void envListJsonRefuses();
    void envListText_data();
    void envListText();
    void envListTextRefuses_data();
    void envListTextRefuses();
    void packageListJson_data();
    void packageListJson();
    void packageListText_data();
    void packageListText();
    void packageListRefuses_data();
    void packageListRefuses();
};

void TestCondaInfo::info_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("cuda");
    QTest::addColumn<QString>("glibc");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("envs");
    QTest::addColumn<int>("virtuals");
    QTest::addColumn<QString>("firstPkgsDir");
    QTest::newRow("real 23.7.4 info --json (02)")
        << fx::text(u"real-23.7.4/02-conda-info-json.txt"_qs) << u"23.7.4"_qs << u"/opt/conda"_qs << QString()
        << u"2.36"_qs << 2 << 1 << 4 << u"/opt/conda/pkgs"_qs;
    QTest::newRow("real 23.7.4 info --envs --json (12)")
        << fx::text(u"real-23.7.4/12-info-envs-json.txt"_qs) << u"23.7.4"_qs << u"/opt/conda"_qs << QString()
        << u"2.36"_qs << 2 << 3 << 4 << u"/opt/conda/pkgs"_qs;
    QTest::newRow("stand-in 23.x with __cuda 12.2 (s23)")
        << fx::text(u"standin/s23-info-json-cuda.txt"_qs) << u"23.7.4"_qs << u"/home/student/miniconda3"_qs
        << u"12.2"_qs << u"2.36"_qs << 4 << 5 << 5 << u"/home/student/miniconda3/pkgs"_qs;
    QTest::newRow("stand-in 25.x info --json (s49)")
        << fx::text(u"standin/s49-25-info-json.txt"_qs) << u"25.5.1"_qs << u"/home/student/miniconda3"_qs
        << u"12.2"_qs << u"2.36"_qs << 4 << 9 << 5 << u"/home/student/miniconda3/pkgs"_qs;
    QTest::newRow("stand-in 25.x env list --json is the info object (s40)")
        << fx::text(u"standin/s40-25-env-list-json.txt"_qs) << u"25.5.1"_qs << u"/home/student/miniconda3"_qs
        << QString() << u"2.36"_qs << 4 << 7 << 4 << u"/home/student/miniconda3/pkgs"_qs;
    QTest::newRow("missing keys") << u"{\"conda_version\": \"4.14.0\"}"_qs << u"4.14.0"_qs << QString()
                                  << QString() << QString() << 0 << 0 << 0 << QString();
    QTest::newRow("unknown new keys and wrong types are tolerated")
        << u"{\"conda_version\": \"26.1.0\", \"root_prefix\": \"/x\", \"channels\": \"not a list\", "
           u"\"new_key\": "
           "{\"a\": [1]}, \"virtual_pkgs\": [[\"__cuda\", \"12.4\", \"0\"], 5, [\"__glibc\"], {\"name\": "
           "\"__linux\", "
           "\"version\": \"6.1\"}], \"pkgs_dirs\": [\"/x/pkgs\", 7]}"_qs
        << u"26.1.0"_qs << u"/x"_qs << u"12.4"_qs << QString() << 0 << 0 << 3 << u"/x/pkgs"_qs;
}

void TestCondaInfo::info()
{
    QFETCH(QString, input);
    QFETCH(QString, version);
    QFETCH(QString, root);
    QFETCH(QString, cuda);
    QFETCH(QString, glibc);
    QFETCH(int, channels);
    QFETCH(int, envs);
    QFETCH(int, virtuals);
    QFETCH(QString, firstPkgsDir);
    const auto r = parseCondaInfoJson(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    const CondaInfo &i = r.value();
    QCOMPARE(i.condaVersion, version);
    QCOMPARE(i.rootPrefix, root);
    QCOMPARE(i.cudaVersion(), cuda);
    QCOMPARE(i.virtualPackageVersion(u"__glibc"), glibc);
    QCOMPARE(i.channels.size(), channels);
    QCOMPARE(i.envs.size(), envs);
    QCOMPARE(i.virtualPackages.size(), virtuals);
    QCOMPARE(i.pkgsDirs.value(0), firstPkgsDir);
}

void TestCondaInfo::infoRefuses_data()
{
    QTest::addColumn<QString>("input");
    addGarbageRows(fx::text(u"real-23.7.4/02-conda-info-json.txt"_qs));
    QTest::newRow("an array") << u"[]"_qs;
    QTest::newRow("null") << u"null"_qs;
    QTest::newRow("empty object") << u"{}"_qs;
    QTest::newRow("23.x env list instead (10)") << fx::text(u"real-23.7.4/10-env-list-json.txt"_qs);
    QTest::newRow("version of the wrong type") << u"{\"conda_version\": 23}"_qs;
    QTest::newRow("an error document (31)") << fx::text(u"real-23.7.4/31-list-no-such-env-json.txt"_qs);
}

void TestCondaInfo::infoRefuses()
{
    QFETCH(QString, input);
    const auto r = parseCondaInfoJson(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, onramp::ErrorKind::UnexpectedOutput);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(!r.error().detail.isEmpty());
    QVERIFY(!r.error().detail.contains(QChar(0)));
}

void TestCondaInfo::envListJson_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("envsDirs");
    QTest::addColumn<QString>("rootPrefix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("real 23.x, base only (04)") << fx::text(u"real-23.7.4/04-env-list-json-base-only.txt"_qs)
                                               << QStringList() << QString() << u"base=/opt/conda(base)"_qs;
    QTest::newRow("real 23.x (10)")
        << fx::text(u"real-23.7.4/10-env-list-json.txt"_qs) << QStringList() << QString()
        << u"base=/opt/conda(base);demo=/opt/conda/envs/demo;demo2=/opt/conda/envs/demo2"_qs;
    QTest::newRow("real 23.x info --envs --json (12)")
        << fx::text(u"real-23.7.4/12-info-envs-json.txt"_qs) << QStringList() << QString()
        << u"base=/opt/conda(base);demo=/opt/conda/envs/demo;demo2=/opt/conda/envs/demo2"_qs;
    QTest::newRow("stand-in 23.x with a prefix outside envs_dirs (s22)")
        << fx::text(u"standin/s22-env-list-json.txt"_qs) << QStringList() << QString()
        << u"base=/home/student/miniconda3(base);cola=/home/student/miniconda3/envs/cola;"
           "cola2=/home/student/miniconda3/envs/cola2;old=/home/student/miniconda3/envs/old;=/tmp/lab/projects/envx"_qs;
    QTest::newRow("stand-in 25.x: the whole info object (s40)")
        << fx::text(u"standin/s40-25-env-list-json.txt"_qs) << QStringList() << QString()
        << u"base=/home/student/miniconda3(base);cola=/home/student/miniconda3/envs/cola;"
           "cola2=/home/student/miniconda3/envs/cola2;k2=/home/student/miniconda3/envs/k2;"
           "k3=/home/student/miniconda3/envs/k3;old=/home/student/miniconda3/envs/old;=/tmp/lab/projects/envx"_qs;
    const QString sorted
        = u"{\"envs\": [\"/home/me/.conda/envs/x\", \"/opt/conda\", \"/opt/conda/envs/y\"]}"_qs;
    QTest::newRow("root not first, envs_dirs known")
        << sorted << QStringList {u"/opt/conda/envs"_qs, u"/home/me/.conda/envs/"_qs} << QString()
        << u"x=/home/me/.conda/envs/x;base=/opt/conda(base);y=/opt/conda/envs/y"_qs;
    QTest::newRow("root not first, envs_dirs unknown: only ROOT/envs names")
        << sorted << QStringList() << QString()
        << u"=/home/me/.conda/envs/x;base=/opt/conda(base);y=/opt/conda/envs/y"_qs;
    QTest::newRow("root given") << u"{\"envs\": [\"/a\", \"/b/miniconda3\"]}"_qs << QStringList()
                                << u"/b/miniconda3/"_qs << u"=/a;base=/b/miniconda3(base)"_qs;
    QTest::newRow("25.x active prefix")
        << u"{\"root_prefix\": \"/c\", \"active_prefix\": \"/c/envs/cola\", \"envs_dirs\": [\"/c/envs\"], "
           u"\"envs\": "
           "[\"/c\", \"/c/envs/cola\"], \"something_new\": true}"_qs
        << QStringList() << QString() << u"base=/c(base);cola=/c/envs/cola*"_qs;
    QTest::newRow("no environments") << u"{\"envs\": []}"_qs << QStringList() << QString() << QString();
}

void TestCondaInfo::envListJson()
{
    QFETCH(QString, input);
    QFETCH(QStringList, envsDirs);
    QFETCH(QString, rootPrefix);
    QFETCH(QString, expected);
    const auto r = parseEnvListJson(input, envsDirs, rootPrefix);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(envsString(r.value()), expected);
}

void TestCondaInfo::envListJsonRefuses_data()
{
    QTest::addColumn<QString>("input");
    addGarbageRows(fx::text(u"real-23.7.4/10-env-list-json.txt"_qs));
    QTest::newRow("an array") << u"[\"/opt/conda\"]"_qs;
    QTest::newRow("no envs key") << u"{}"_qs;
    QTest::newRow("envs is a string") << u"{\"envs\": \"/opt/conda\"}"_qs;
    QTest::newRow("envs holds numbers") << u"{\"envs\": [1, 2]}"_qs;
    QTest::newRow("envs holds a relative path") << u"{\"envs\": [\"envs/x\"]}"_qs;
    QTest::newRow("the text table") << fx::text(u"real-23.7.4/11-env-list.txt"_qs);
}

void TestCondaInfo::envListJsonRefuses()
{
    QFETCH(QString, input);
    const auto r = parseEnvListJson(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, onramp::ErrorKind::UnexpectedOutput);
    QVERIFY(!r.error().message.isEmpty());
}

void TestCondaInfo::envListText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("real 23.x (11)")
        << fx::text(u"real-23.7.4/11-env-list.txt"_qs)
        << u"base=/opt/conda(base);demo=/opt/conda/envs/demo;demo2=/opt/conda/envs/demo2"_qs;
    QTest::newRow("stand-in 23.x, active and name-less (s21)")
        << fx::text(u"standin/s21-env-list-active.txt"_qs)
        << u"base=/home/student/miniconda3(base);cola=/home/student/miniconda3/envs/cola*;"
           "cola2=/home/student/miniconda3/envs/cola2;old=/home/student/miniconda3/envs/old;=/tmp/lab/projects/envx"_qs;
    QTest::newRow("stand-in 25.x, '* -> active' header (s41)")
        << fx::text(u"standin/s41-25-env-list.txt"_qs)
        << u"base=/home/student/miniconda3*(base);cola=/home/student/miniconda3/envs/cola;"
           "cola2=/home/student/miniconda3/envs/cola2;k2=/home/student/miniconda3/envs/k2;"
           "k3=/home/student/miniconda3/envs/k3;old=/home/student/miniconda3/envs/old;=/tmp/lab/projects/envx"_qs;
    QTest::newRow("frozen and active markers")
        << u"# conda environments:\n#\nbase                  *+  /opt/conda\n"
           "locked                +   /opt/conda/envs/locked\n"_qs
        << u"base=/opt/conda*(base);locked=/opt/conda/envs/locked"_qs;
    QTest::newRow("CRLF from a terminal")
        << u"# conda environments:\r\n#\r\nbase     /opt/conda\r\n"_qs << u"base=/opt/conda(base)"_qs;
    QTest::newRow("header only") << u"# conda environments:\n#\n\n"_qs << QString();
}

void TestCondaInfo::envListText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto r = parseEnvListText(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(envsString(r.value()), expected);
}

void TestCondaInfo::envListTextRefuses_data()
{
    QTest::addColumn<QString>("input");
    addGarbageRows(fx::text(u"real-23.7.4/11-env-list.txt"_qs) + u"broken"_qs);
    QTest::newRow("a line without a path") << u"# conda environments:\n#\nbase     notapath\n"_qs;
    QTest::newRow("an unknown marker") << u"# conda environments:\n#\nbase   ?   /opt/conda\n"_qs;
    QTest::newRow("the JSON form") << fx::text(u"real-23.7.4/10-env-list-json.txt"_qs);
}

void TestCondaInfo::envListTextRefuses()
{
    QFETCH(QString, input);
    const auto r = parseEnvListText(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, onramp::ErrorKind::UnexpectedOutput);
}

void TestCondaInfo::packageListJson_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("torch");
    QTest::addColumn<QString>("torchCuda");
    QTest::newRow("real 23.x (13)") << fx::text(u"real-23.7.4/13-list-json.txt"_qs) << 3
                                    << u"hello-conda 1.0.0 pyh_0 file:///srv/conda-channel noarch"_qs
                                    << int(TorchBuild::Variant::Absent) << QString();
    QTest::newRow("stand-in, the guide's CUDA env (s19)")
        << fx::text(u"standin/s19-list-cola-json.txt"_qs) << 57
        << u"_libgcc_mutex 0.1 conda_forge conda-forge linux-64"_qs << int(TorchBuild::Variant::Cuda)
        << u"11.8"_qs;
    QTest::newRow("pip package, unknown key")
        << u"[{\"base_url\": \"https://pypi.org/simple\", \"build_number\": 0, \"build_string\": \"pypi_0\", "
           "\"channel\": \"pypi\", \"dist_name\": \"torch-2.2.2-pypi_0\", \"name\": \"torch\", \"platform\": "
           "\"pypi\", "
           "\"version\": \"2.2.2+cu121\", \"new\": 1}]"_qs
        << 1 << u"torch 2.2.2+cu121 pypi_0 pypi pypi"_qs << int(TorchBuild::Variant::Cuda) << u"12.1"_qs;
    QTest::newRow("empty env") << u"[]"_qs << 0 << QString() << int(TorchBuild::Variant::Absent) << QString();
}

void TestCondaInfo::packageListJson()
{
    QFETCH(QString, input);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(int, torch);
    QFETCH(QString, torchCuda);
    const auto r = parsePackageListJson(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(r.value().size(), count);
    if (count > 0)
        QCOMPARE(packageString(r.value().first()), first);
    const TorchBuild t = detectTorchBuild(r.value());
    QCOMPARE(int(t.variant), torch);
    QCOMPARE(t.cudaVersion, torchCuda);
}

void TestCondaInfo::packageListText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("last");
    QTest::addColumn<int>("torch");
    QTest::newRow("real 23.x (14)") << fx::text(u"real-23.7.4/14-list.txt"_qs) << 3
                                    << u"tinytool 0.1.0 0 file:///srv/conda-channel "_qs
                                    << int(TorchBuild::Variant::Absent);
    QTest::newRow("stand-in, the guide's CUDA env (s18)")
        << fx::text(u"standin/s18-list-cola.txt"_qs) << 57 << u"zstd 1.5.5 hfc55251_0 conda-forge "_qs
        << int(TorchBuild::Variant::Cuda);
    QTest::newRow("defaults without channel column, pip")
        << u"# packages in environment at /opt/conda/envs/t:\n#\n# Name                    Version           "
           u"        "
           "Build  Channel\npytorch                   2.1.0           cpu_py311h6d93b4c_0\n"
           "requests                  2.31.0                   pypi_0    pypi\n"_qs
        << 2 << u"requests 2.31.0 pypi_0 pypi "_qs << int(TorchBuild::Variant::Cpu);
    QTest::newRow("header only")
        << u"# packages in environment at /opt/conda/envs/empty:\n#\n# Name   Version   Build  "
           "Channel\n"_qs
        << 0 << QString() << int(TorchBuild::Variant::Absent);
}

void TestCondaInfo::packageListText()
{
    QFETCH(QString, input);
    QFETCH(int, count);
    QFETCH(QString, last);
    QFETCH(int, torch);
    const auto r = parsePackageListText(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(r.value().size(), count);
    if (count > 0)
        QCOMPARE(packageString(r.value().last()), last);
    QCOMPARE(int(detectTorchBuild(r.value()).variant), torch);
}

void TestCondaInfo::packageListRefuses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("json");
    const QString json = fx::text(u"real-23.7.4/13-list-json.txt"_qs);
    const QString text = fx::text(u"real-23.7.4/14-list.txt"_qs);
    QTest::newRow("json: empty") << QString() << true;
    QTest::newRow("json: truncated") << json.left(json.size() / 2) << true;
    QTest::newRow("json: garbage") << QString::fromUtf8(QByteArray("\x00\xff[{\x80", 5)) << true;
    QTest::newRow("json: an object") << u"{\"name\": \"numpy\"}"_qs << true;
    QTest::newRow("json: entry without name") << u"[{\"version\": \"1.0\"}]"_qs << true;
    QTest::newRow("json: entry is a number") << u"[1]"_qs << true;
    QTest::newRow("json: an error document (31)")
        << fx::text(u"real-23.7.4/31-list-no-such-env-json.txt"_qs) << true;
    QTest::newRow("text: empty") << QString() << false;
    QTest::newRow("text: garbage") << QString::fromUtf8(QByteArray("\x00\xff\xfe garbage\x80\n", 14))
                                   << false;
    QTest::newRow("text: a new unknown column")
        << u"# packages in environment at /x:\n#\n# Name    Version   Build  Channel  Size\nnumpy 1.0 py_0 defaults 5 MB\n"_qs
        << false;
    QTest::newRow("text: a row with too many cells") << text + u"numpy 1.0 py_0 defaults extra\n"_qs << false;
    QTest::newRow("text: a row with too few cells") << text + u"numpy 1.0\n"_qs << false;
}

void TestCondaInfo::packageListRefuses()
{
    QFETCH(QString, input);
    QFETCH(bool, json);
    const auto r = json ? parsePackageListJson(input) : parsePackageListText(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, onramp::ErrorKind::UnexpectedOutput);
    QVERIFY(!r.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestCondaInfo)
#include "tst_condainfo.moc"
