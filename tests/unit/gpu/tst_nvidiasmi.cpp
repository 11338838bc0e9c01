#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/gpu/nvidiasmi.h"

#include "gputestutil.h"

#include <QTest>

using namespace onramp::cluster;
using onramp::ErrorKind;

namespace {
// -1 stands for "no value" (nvidia-smi printed N/A) in the data tables below.
int orMinus(const std::optional<int> &v)
{
    return v ? *v : -1;
}
qint64 orMinus(const std::optional<qint64> &v)
{
    return v ? *v : -1;
}
double orMinus(const std::optional<double> &v)
{
    return v ? *v : -1.0;
}

QString corpus(const QString &file)
{
    return readGpuFixture(QStringLiteral("nvidia-smi/") + file);
}

// Output of the lab's nvidia-smi stand-in, captured by tests/fixtures/gpu/lab/capture.sh.
QString lab(const QString &file)
{
    return readGpuFixture(QStringLiteral("lab/") + file);
}

const QString statusFieldsHeaderless = QStringLiteral(
    "0, GPU-4a3f9c2e-7d1b-5e60-8c21-0b6f1e3d9a58, NVIDIA H100 80GB HBM3, 00000000:18:00.0, 565.57.01, 81559, "
    "1, 81079, 0, 0, 30, 100.12, 700.00, [N/A], P0, Default\n");
} // namespace

class TestNvidiaSmi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void queryCommands_data();
    void queryCommands();
    void queryCommandsReject_data();
    void queryCommandsReject();
    void fixedCommands();

    void gpuCsvCorpus_data();
    void gpuCsvCorpus();
    void gpuCsvVariants_data();
    void gpuCsvVariants();
    void gpuCsvLab_data();
    void gpuCsvLab();
    void gpuCsvOtherFields();
    void gpuCsvMalformed_data();
    void gpuCsvMalformed();

    void appsCsvCorpus_data();
    void appsCsvCorpus();
    void appsCsvLab_data();
    void appsCsvLab();
    void appsCsvVariants_data();
    void appsCsvVariants();
    void appsCsvMalformed_data();
    void appsCsvMalformed();

    void tableCorpus_data();
    void tableCorpus();
    void tableProcessRows();
    void tableLabProcessNames_data();
    void tableLabProcessNames();
    void tableMigDevices();
    void tableMalformed_data();
    void tableMalformed();
    void tableCutAtEveryLine_data();
    void tableCutAtEveryLine();

    void listCorpus_data();
    void listCorpus();
    void listMalformed_data();
    void listMalformed();

    void versionCorpus_data();
    void versionCorpus();
    void versionMalformed_data();
    void versionMalformed();

    void diagnose_data();
    void diagnose();
    void cudaFromDriverInt_data();
    void cudaFromDriverInt();
};

// --- builders -----------------------------------------------------------------------------------

void TestNvidiaSmi::queryCommands_data()
{
    QTest::addColumn<bool>("apps");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<bool>("header");
    QTest::addColumn<bool>("units");
    QTest::addColumn<QString>("expected");
    QTest::newRow("status fields, noheader, nounits")
        << false << gpuStatusFields() << false << false
        << u"nvidia-smi --query-gpu=index,uuid,name,pci.bus_id,driver_version,memory.total,memory.used,"
           "memory.free,utilization.gpu,utilization.memory,temperature.gpu,power.draw,power.limit,fan.speed,"
           "pstate,compute_mode --format=csv,noheader,nounits"_qs;
    QTest::newRow("header and units") << false << QStringList {u"name"_qs, u"memory.used"_qs} << true << true
                                      << u"nvidia-smi --query-gpu=name,memory.used --format=csv"_qs;
    QTest::newRow("renamed field")
        << false << QStringList {u"clocks_event_reasons.active"_qs} << true << false
        << u"nvidia-smi --query-gpu=clocks_event_reasons.active --format=csv,nounits"_qs;
    QTest::newRow("compute apps default")
        << true << computeAppsFields() << false << false
        << u"nvidia-smi --query-compute-apps=gpu_uuid,pid,process_name,used_memory --format=csv,noheader,nounits"_qs;
}

void TestNvidiaSmi::queryCommands()
{
    QFETCH(bool, apps);
    QFETCH(QStringList, fields);
    QFETCH(bool, header);
    QFETCH(bool, units);
    QFETCH(QString, expected);
    const auto cmd
        = apps ? queryComputeAppsCommand(fields, {header, units}) : queryGpuCommand(fields, {header, units});
    QVERIFY2(cmd.ok(), qPrintable(cmd.ok() ? QString() : cmd.error().message));
    QCOMPARE(cmd.value(), expected);
}

void TestNvidiaSmi::queryCommandsReject_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("no fields") << QStringList {};
    QTest::newRow("empty field") << QStringList {u"name"_qs, QString()};
    QTest::newRow("semicolon") << QStringList {u"memory.used;reboot"_qs};
    QTest::newRow("command substitution") << QStringList {u"$(id)"_qs};
    QTest::newRow("backticks") << QStringList {u"`id`"_qs};
    QTest::newRow("pipe") << QStringList {u"name|sh"_qs};
    QTest::newRow("ampersand") << QStringList {u"name&&id"_qs};
    QTest::newRow("space") << QStringList {u"memory used"_qs};
    QTest::newRow("quote") << QStringList {u"name'"_qs};
    QTest::newRow("newline") << QStringList {u"name\nid"_qs};
    QTest::newRow("comma inside one field") << QStringList {u"name,uuid"_qs};
    QTest::newRow("option injection") << QStringList {u"--help"_qs};
    QTest::newRow("upper case") << QStringList {u"Memory.Used"_qs};
    QTest::newRow("double dot") << QStringList {u"memory..used"_qs};
    QTest::newRow("too long") << QStringList {QString(100, u'a')};
}

void TestNvidiaSmi::queryCommandsReject()
{
    QFETCH(QStringList, fields);
    for (bool apps : {false, true}) {
        const auto cmd = apps ? queryComputeAppsCommand(fields) : queryGpuCommand(fields);
        QVERIFY(!cmd.ok());
        QCOMPARE(cmd.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!cmd.error().message.isEmpty());
    }
}

void TestNvidiaSmi::fixedCommands()
{
    QCOMPARE(nvidiaSmiTableCommand(), u"nvidia-smi"_qs);
    QCOMPARE(nvidiaSmiListCommand(), u"nvidia-smi -L"_qs);
    QCOMPARE(nvidiaSmiVersionCommand(), u"nvidia-smi --version"_qs);
    for (const QString &f : gpuStatusFields())
        QVERIFY2(isValidQueryField(f), qPrintable(f));
    for (const QString &f : computeAppsFields())
        QVERIFY2(isValidQueryField(f), qPrintable(f));
}

// --- --query-gpu ----------------------------------------------------------------------------------

void TestNvidiaSmi::gpuCsvCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<qint64>("memTotal");
    QTest::addColumn<qint64>("memUsed");
    QTest::addColumn<int>("util");
    QTest::addColumn<int>("temp");
    QTest::addColumn<double>("power");
    auto brief = [](const char *tag, const char *file, const char *name, const char *driver, qint64 total,
                    qint64 used, int util, int temp, double power) {
        QTest::newRow(tag) << QString::fromLatin1(file) << QString::fromLatin1(name)
                           << QString::fromLatin1(driver) << total << used << util << temp << power;
    };
    brief("rtx-2080-super 595.71.05",
          "query-gpu-brief__linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__load.DERIVED.csv",
          "NVIDIA GeForce RTX 2080 SUPER", "595.71.05", 8192, 819, 8, 45, 111.50);
    brief("rtx-4080-super 595.71.05",
          "query-gpu-brief__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.DERIVED.csv",
          "NVIDIA GeForce RTX 4080 SUPER", "595.71.05", 16376, 1474, 7, 46, 84.24);
    brief("h100 590.48.01",
          "query-gpu-brief__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.DERIVED.csv",
          "NVIDIA H100 80GB HBM3", "590.48.01", 81559, 19818, 100, 59, 631.95);
    brief("h100 MIG 590.48.01 ([N/A] utilization)",
          "query-gpu-brief__linux-x86_64__nvidia-h100-mig__590.48.01__load.DERIVED.csv",
          "NVIDIA H100 80GB HBM3", "590.48.01", 81559, 11125, -1, 53, 433.78);
    brief("h200 590.48.01", "query-gpu-brief__linux-x86_64__nvidia-h200__590.48.01__load.DERIVED.csv",
          "NVIDIA H200", "590.48.01", 143771, 32362, 100, 52, 627.40);
    brief("l40s 595.80", "query-gpu-brief__linux-x86_64__nvidia-l40s__595.80__load.DERIVED.csv",
          "NVIDIA L40S", "595.80", 46068, 1235, 9, 54, 110.23);
    brief("tesla-p100 csv,nounits (header keeps [MiB])", "query-gpu__tesla-p100__netdata__csv-nounits.csv",
          "Tesla P100-PCIE-16GB", "", -1, 0, 0, 37, 28.16);
}

void TestNvidiaSmi::gpuCsvCorpus()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, driver);
    QFETCH(qint64, memTotal);
    QFETCH(qint64, memUsed);
    QFETCH(int, util);
    QFETCH(int, temp);
    QFETCH(double, power);
    const auto parsed = parseGpuQueryCsv(corpus(file));
    QVERIFY2(
        parsed.ok(),
        qPrintable(parsed.ok() ? QString() : parsed.error().message + u" / "_qs + parsed.error().detail));
    QCOMPARE(parsed.value().size(), 1);
    const GpuStatus &g = parsed.value().first();
    QCOMPARE(g.name, name);
    QCOMPARE(g.driverVersion, driver);
    QCOMPARE(orMinus(g.memoryTotalMiB), memTotal);
    QCOMPARE(orMinus(g.memoryUsedMiB), memUsed);
    QCOMPARE(orMinus(g.utilizationGpuPercent), util);
    QCOMPARE(orMinus(g.temperatureC), temp);
    QCOMPARE(orMinus(g.powerDrawW), power);
    QVERIFY(g.uuid.startsWith(u"GPU-"_qs));
    QVERIFY(!g.nameTruncated);
}

void TestNvidiaSmi::gpuCsvVariants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("memUsed");
    QTest::addColumn<int>("util");
    QTest::addColumn<double>("power");
    QTest::addColumn<int>("fan");

    QTest::newRow("status fields, noheader, nounits (Onramp's poll)")
        << statusFieldsHeaderless << gpuStatusFields() << 1 << u"NVIDIA H100 80GB HBM3"_qs << qint64(1) << 0
        << 100.12 << -1;
    QTest::newRow("noheader with units")
        << u"NVIDIA A100-SXM4-40GB, 1024 MiB, 37 %, 61.03 W, 30 %\n"_qs
        << QStringList {u"name"_qs, u"memory.used"_qs, u"utilization.gpu"_qs, u"power.draw"_qs,
                        u"fan.speed"_qs}
        << 1 << u"NVIDIA A100-SXM4-40GB"_qs << qint64(1024) << 37 << 61.03 << 30;
    QTest::newRow("header with units")
        << u"name, memory.used [MiB], utilization.gpu [%], power.draw [W]\nTesla T4, 0 MiB, 0 %, 9.81 W\n"_qs
        << QStringList {} << 1 << u"Tesla T4"_qs << qint64(0) << 0 << 9.81 << -1;
    QTest::newRow("header wins over the requested list")
        << u"power.draw [W], name\n70.00 W, Tesla T4\n"_qs << QStringList {u"name"_qs, u"power.draw"_qs} << 1
        << u"Tesla T4"_qs << qint64(-1) << -1 << 70.0 << -1;
    QTest::newRow("[Not Supported] and N/A")
        << u"GeForce GT 1030, [Not Supported], N/A, [Not Supported], [Unknown Error]\n"_qs
        << QStringList {u"name"_qs, u"memory.used"_qs, u"utilization.gpu"_qs, u"power.draw"_qs,
                        u"fan.speed"_qs}
        << 1 << u"GeForce GT 1030"_qs << qint64(-1) << -1 << -1.0 << -1;
    QTest::newRow("alias gpu_name in the header")
        << u"gpu_name, memory.used [MiB]\nNVIDIA L4, 300 MiB\n"_qs << QStringList {} << 1 << u"NVIDIA L4"_qs
        << qint64(300) << -1 << -1.0 << -1;
    QTest::newRow("quoted name with a comma")
        << u"\"Acme GPU, rev. 2\", 512, 5\n"_qs
        << QStringList {u"name"_qs, u"memory.used"_qs, u"utilization.gpu"_qs} << 1 << u"Acme GPU, rev. 2"_qs
        << qint64(512) << 5 << -1.0 << -1;
    QTest::newRow("unquoted name with a comma")
        << u"0, Acme GPU, rev. 2, 512, 5\n"_qs
        << QStringList {u"index"_qs, u"name"_qs, u"memory.used"_qs, u"utilization.gpu"_qs} << 1
        << u"Acme GPU, rev. 2"_qs << qint64(512) << 5 << -1.0 << -1;
    QTest::newRow("power.draw [N/A], power.draw.instant has it (535+)")
        << u"name, power.draw [W], power.draw.instant [W]\nNVIDIA H100, [N/A], 123.45 W\n"_qs
        << QStringList {} << 1 << u"NVIDIA H100"_qs << qint64(-1) << -1 << 123.45 << -1;
    QTest::newRow("power.draw wins over power.draw.average")
        << u"power.draw.average, power.draw, name\n100.00, 200.00, X\n"_qs << QStringList {} << 1 << u"X"_qs
        << qint64(-1) << -1 << 200.0 << -1;
    QTest::newRow("two GPUs, CRLF line ends")
        << u"0, GPU-a, Tesla V100-SXM2-16GB, 100\r\n1, GPU-b, Tesla V100-SXM2-16GB, 200\r\n"_qs
        << QStringList {u"index"_qs, u"uuid"_qs, u"name"_qs, u"memory.used"_qs} << 2
        << u"Tesla V100-SXM2-16GB"_qs << qint64(100) << -1 << -1.0 << -1;
    QTest::newRow("memory in GiB") << u"X, 2 GiB\n"_qs << QStringList {u"name"_qs, u"memory.used"_qs} << 1
                                   << u"X"_qs << qint64(2048) << -1 << -1.0 << -1;
    QTest::newRow("blank lines around") << u"\n\nX, 5\n\n"_qs << QStringList {u"name"_qs, u"memory.used"_qs}
                                        << 1 << u"X"_qs << qint64(5) << -1 << -1.0 << -1;
    QTest::newRow("no trailing newline") << u"X, 5"_qs << QStringList {u"name"_qs, u"memory.used"_qs} << 1
                                         << u"X"_qs << qint64(5) << -1 << -1.0 << -1;
}

void TestNvidiaSmi::gpuCsvVariants()
{
    QFETCH(QString, text);
    QFETCH(QStringList, fields);
    QFETCH(int, count);
    QFETCH(QString, name);
    QFETCH(qint64, memUsed);
    QFETCH(int, util);
    QFETCH(double, power);
    QFETCH(int, fan);
    const auto parsed = parseGpuQueryCsv(text, fields);
    QVERIFY2(
        parsed.ok(),
        qPrintable(parsed.ok() ? QString() : parsed.error().message + u" / "_qs + parsed.error().detail));
    QCOMPARE(parsed.value().size(), count);
    const GpuStatus &g = parsed.value().first();
    QCOMPARE(g.name, name);
    QCOMPARE(orMinus(g.memoryUsedMiB), memUsed);
    QCOMPARE(orMinus(g.utilizationGpuPercent), util);
    QCOMPARE(orMinus(g.powerDrawW), power);
    QCOMPARE(orMinus(g.fanSpeedPercent), fan);
}

void TestNvidiaSmi::gpuCsvLab_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<qint64>("used");
    QTest::addColumn<int>("util");
    QTest::addColumn<int>("utilMem");
    QTest::addColumn<int>("temp1");
    QTest::addColumn<double>("power1");
    QTest::newRow("status poll: noheader, nounits")
        << u"job-gpu2__query-gpu-status__exit0.csv"_qs << gpuStatusFields() << qint64(1) << 0 << 0 << 31
        << 78.48;
    QTest::newRow("status poll: header, units") << u"job-gpu2__query-gpu-status-header-units__exit0.csv"_qs
                                                << QStringList {} << qint64(1) << 0 << 0 << 31 << 78.48;
    QTest::newRow("status poll: header, nounits")
        << u"job-gpu2__query-gpu-status-header-nounits__exit0.csv"_qs << QStringList {} << qint64(1) << 0 << 0
        << 31 << 78.48;
    QTest::newRow("status poll, busy GPUs") << u"job-gpu2-busy__query-gpu-status__exit0.csv"_qs
                                            << gpuStatusFields() << qint64(21011) << 97 << 40 << 60 << 624.85;
}

void TestNvidiaSmi::gpuCsvLab()
{
    QFETCH(QString, file);
    QFETCH(QStringList, fields);
    QFETCH(qint64, used);
    QFETCH(int, util);
    QFETCH(int, utilMem);
    QFETCH(int, temp1);
    QFETCH(double, power1);
    const auto parsed = parseGpuQueryCsv(lab(file), fields);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    const QList<GpuStatus> &g = parsed.value();
    QCOMPARE(g.size(), 2);
    QCOMPARE(g[0].index, 0);
    QCOMPARE(g[1].index, 1);
    QCOMPARE(g[0].uuid, u"GPU-4a3f9c2e-7d1b-5e60-8c21-0b6f1e3d9a58"_qs);
    QCOMPARE(g[1].pciBusId, u"00000000:2A:00.0"_qs);
    QCOMPARE(g[1].name, u"NVIDIA H100 80GB HBM3"_qs);
    QCOMPARE(g[1].driverVersion, u"565.57.01"_qs);
    QCOMPARE(orMinus(g[0].memoryTotalMiB), qint64(81559));
    QCOMPARE(orMinus(g[0].memoryUsedMiB), used);
    QCOMPARE(orMinus(g[0].memoryFreeMiB), qint64(81559 - 479) - used);
    QCOMPARE(orMinus(g[0].utilizationGpuPercent), util);
    QCOMPARE(orMinus(g[0].utilizationMemoryPercent), utilMem);
    QCOMPARE(orMinus(g[1].temperatureC), temp1);
    QCOMPARE(orMinus(g[1].powerDrawW), power1);
    QCOMPARE(orMinus(g[1].powerLimitW), 700.0);
    QCOMPARE(g[1].fanSpeedPercent, std::nullopt);
    QCOMPARE(g[1].pstate, u"P0"_qs);
    QCOMPARE(g[1].computeMode, u"Default"_qs);
    QVERIFY(g[1].otherFields.isEmpty());
}

void TestNvidiaSmi::gpuCsvOtherFields()
{
    // The P100 capture: columns Onramp has no member for keep their cell text under the canonical name.
    const auto p100 = parseGpuQueryCsv(corpus(u"query-gpu__tesla-p100__netdata__csv-nounits.csv"_qs));
    QVERIFY(p100.ok());
    const GpuStatus &g = p100.value().first();
    QCOMPARE(g.uuid, u"GPU-ef1b2c9b-38d8-2090-2bd1-f567a3eb42a6"_qs);
    QCOMPARE(g.pstate, u"P0"_qs);
    QCOMPARE(g.fanSpeedPercent, std::nullopt);
    QCOMPARE(orMinus(g.memoryFreeMiB), qint64(16280));
    QCOMPARE(orMinus(g.utilizationMemoryPercent), 0);
    QCOMPARE(g.otherFields.value(u"memory.reserved"_qs), u"103"_qs);
    QCOMPARE(g.otherFields.value(u"clocks.current.video"_qs), u"835"_qs);

    // The full status query: every typed member.
    const auto poll = parseGpuQueryCsv(statusFieldsHeaderless, gpuStatusFields());
    QVERIFY(poll.ok());
    const GpuStatus &h = poll.value().first();
    QCOMPARE(h.index, 0);
    QCOMPARE(h.pciBusId, u"00000000:18:00.0"_qs);
    QCOMPARE(h.driverVersion, u"565.57.01"_qs);
    QCOMPARE(orMinus(h.memoryTotalMiB), qint64(81559));
    QCOMPARE(orMinus(h.memoryFreeMiB), qint64(81079));
    QCOMPARE(orMinus(h.temperatureC), 30);
    QCOMPARE(orMinus(h.powerLimitW), 700.0);
    QCOMPARE(h.pstate, u"P0"_qs);
    QCOMPARE(h.computeMode, u"Default"_qs);
    QVERIFY(h.otherFields.isEmpty());

    // A new column nvidia-smi may add one day, by header name; and one Onramp asked for without a header.
    const auto newColumn
        = parseGpuQueryCsv(u"name, memory.used [MiB], gpu.quantum_flux [QF]\nX, 5 MiB, 3 QF\n"_qs);
    QVERIFY(newColumn.ok());
    QCOMPARE(newColumn.value().first().otherFields.value(u"gpu.quantum_flux"_qs), u"3 QF"_qs);
    const auto requested = parseGpuQueryCsv(
        u"X, 0x0000000000000001, Active\n"_qs,
        {u"name"_qs, u"clocks_throttle_reasons.active"_qs, u"clocks_event_reasons.gpu_idle"_qs});
    QVERIFY(requested.ok());
    // The pre-535 name maps to the new one.
    QCOMPARE(requested.value().first().otherFields.value(u"clocks_event_reasons.active"_qs),
             u"0x0000000000000001"_qs);
    QCOMPARE(requested.value().first().otherFields.value(u"clocks_event_reasons.gpu_idle"_qs), u"Active"_qs);
    const auto oldHeader = parseGpuQueryCsv(u"name, clocks_throttle_reasons.hw_slowdown\nX, Not Active\n"_qs);
    QVERIFY(oldHeader.ok());
    QCOMPARE(oldHeader.value().first().otherFields.value(u"clocks_event_reasons.hw_slowdown"_qs),
             u"Not Active"_qs);
}

void TestNvidiaSmi::gpuCsvMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("messageHas"); // a word the explanation must contain
    const QStringList three {u"name"_qs, u"memory.used"_qs, u"utilization.gpu"_qs};
    QTest::newRow("empty") << QString() << three << u"nothing"_qs;
    QTest::newRow("only blank lines") << u"\n  \n\n"_qs << three << u"nothing"_qs;
    QTest::newRow("header only") << u"name, memory.used [MiB], utilization.gpu [%]\n"_qs << QStringList {}
                                 << u"no GPU"_qs;
    QTest::newRow("truncated row") << u"Tesla T4, 100\n"_qs << three << u"values"_qs;
    QTest::newRow("row cut in the middle of a cell")
        << u"Tesla T4, 100, 5\nTesla T4, 1"_qs << three << u"values"_qs;
    QTest::newRow("binary garbage (NUL, invalid UTF-8)") << binaryGarbage() << three << u"binary"_qs;
    QTest::newRow("invalid UTF-8 without NUL") << invalidUtf8() << three << u"memory.used"_qs;
    QTest::newRow("text in a number column") << u"Tesla T4, lots, 5\n"_qs << three << u"lots"_qs;
    QTest::newRow("wrong unit") << u"Tesla T4, 5 W, 5\n"_qs << three << u"memory.used"_qs;
    QTest::newRow("no header, no field list") << u"Tesla T4, 100, 5\n"_qs << QStringList {} << u"header"_qs;
    QTest::newRow("extra cell, no name column")
        << u"100, 5, 7\n"_qs << QStringList {u"memory.used"_qs, u"utilization.gpu"_qs} << u"values"_qs;
    QTest::newRow("new unknown column without header")
        << u"Tesla T4, 100, 5, 42\n"_qs << QStringList {u"index"_qs, u"memory.used"_qs, u"utilization.gpu"_qs}
        << u"values"_qs;
    QTest::newRow("header row with more cells than a data row")
        << u"name, memory.used [MiB], utilization.gpu [%]\nTesla T4, 100\n"_qs << QStringList {}
        << u"values"_qs;
    QTest::newRow("No devices were found")
        << u"No devices were found\n"_qs << QStringList {u"name"_qs} << u"no GPU"_qs;
    QTest::newRow("NVML mismatch") << corpus(
        u"error__nvml-driver-library-version-mismatch__plus-squeue.txt"_qs)
                                   << three << u"mismatch"_qs;
    QTest::newRow("unknown field error")
        << u"Field \"memory.quantum\" is not a valid field to query.\n\n"_qs << three << u"memory.quantum"_qs;
    QTest::newRow("lab: broken driver instead of CSV")
        << lab(u"job-gpu1-nodriver__query-gpu-status__exit9.txt"_qs) << gpuStatusFields() << u"driver"_qs;
    QTest::newRow("the table instead of CSV")
        << corpus(u"table__GTX1080__530.41.03__no-processes.txt"_qs) << three << u"values"_qs;
}

void TestNvidiaSmi::gpuCsvMalformed()
{
    QFETCH(QString, text);
    QFETCH(QStringList, fields);
    QFETCH(QString, messageHas);
    const auto parsed = parseGpuQueryCsv(text, fields);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY2(parsed.error().message.contains(messageHas, Qt::CaseInsensitive),
             qPrintable(parsed.error().message));
    QVERIFY(!parsed.error().detail.isEmpty());
}

// --- --query-compute-apps ---------------------------------------------------------------------------

void TestNvidiaSmi::appsCsvCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("mem");
    auto row = [](const char *tag, const char *file, int count, qint64 pid, const char *name, qint64 mem) {
        QTest::newRow(tag) << QString::fromLatin1(file) << count << pid << QString::fromLatin1(name) << mem;
    };
    row("rtx-2080-super",
        "query-compute-apps__linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__load.csv", 2, 5268,
        "ffmpeg", 370);
    row("rtx-4080-super",
        "query-compute-apps__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.csv", 3, 2165,
        "/usr/bin/kwin_wayland", 25);
    row("h100", "query-compute-apps__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.csv", 3, 11327,
        "/root/tools/memhog", 2566);
    row("h100 MIG", "query-compute-apps__linux-x86_64__nvidia-h100-mig__590.48.01__load.csv", 3, 21180,
        "/root/tools/memhog", 2296);
    row("h200", "query-compute-apps__linux-x86_64__nvidia-h200__590.48.01__load.csv", 3, 10291,
        "/root/tools/memhog", 2566);
    row("l40s", "query-compute-apps__linux-x86_64__nvidia-l40s__595.80__load.csv", 2, 20037, "ffmpeg", 538);
}

void TestNvidiaSmi::appsCsvCorpus()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(qint64, pid);
    QFETCH(QString, name);
    QFETCH(qint64, mem);
    const auto parsed = parseComputeAppsCsv(corpus(file));
    QVERIFY2(
        parsed.ok(),
        qPrintable(parsed.ok() ? QString() : parsed.error().message + u" / "_qs + parsed.error().detail));
    QCOMPARE(parsed.value().size(), count);
    const GpuProcess &p = parsed.value().first();
    QCOMPARE(orMinus(p.pid), pid);
    QCOMPARE(p.name, name);
    QCOMPARE(orMinus(p.usedMemoryMiB), mem);
    QCOMPARE(p.gpuUuid, u"GPU-00000000-0000-0000-0000-000000000000"_qs);
    QVERIFY(p.gpuBusId.startsWith(u"00000000:"_qs));
    QVERIFY(p.otherFields.contains(u"timestamp"_qs));
    QVERIFY(p.otherFields.contains(u"gpu_name"_qs));
}

void TestNvidiaSmi::appsCsvLab_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<int>("count");
    QTest::newRow("busy, noheader, nounits")
        << u"job-gpu2-busy__query-compute-apps__exit0.csv"_qs << computeAppsFields() << 2;
    QTest::newRow("busy, header, units, all fields")
        << u"job-gpu2-busy__query-compute-apps-header__exit0.csv"_qs << QStringList {} << 2;
    QTest::newRow("idle: no output at all")
        << u"job-gpu1__query-compute-apps-idle__exit0.csv"_qs << computeAppsFields() << 0;
}

void TestNvidiaSmi::appsCsvLab()
{
    QFETCH(QString, file);
    QFETCH(QStringList, fields);
    QFETCH(int, count);
    const auto parsed = parseComputeAppsCsv(lab(file), fields);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed.value().size(), count);
    if (count == 0)
        return;
    const GpuProcess &p = parsed.value()[1];
    QCOMPARE(p.gpuUuid, u"GPU-b81d07f4-2c95-4e3a-91d6-5f2a8c4e7b13"_qs);
    QCOMPARE(p.pid, 48377);
    QCOMPARE(p.name, u"/home/student/miniconda3/envs/cola/bin/python"_qs);
    QVERIFY(!p.nameTruncated);
    QCOMPARE(p.usedMemoryMiB, 20480);
}

void TestNvidiaSmi::appsCsvVariants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("mem");
    QTest::newRow("Onramp's poll (noheader, nounits)")
        << u"GPU-4a3f, 4242, /home/student/miniconda3/envs/cola/bin/python, 20480\n"_qs << computeAppsFields()
        << 1 << u"/home/student/miniconda3/envs/cola/bin/python"_qs << qint64(20480);
    QTest::newRow("no processes: empty output")
        << QString() << computeAppsFields() << 0 << QString() << qint64(-1);
    QTest::newRow("no processes: header only") << u"gpu_uuid, pid, process_name, used_gpu_memory [MiB]\n"_qs
                                               << QStringList {} << 0 << QString() << qint64(-1);
    QTest::newRow("unquoted process name with commas")
        << u"GPU-a, 7, python train.py, --lr, 0.1, 100\n"_qs << computeAppsFields() << 1
        << u"python train.py, --lr, 0.1"_qs << qint64(100);
    QTest::newRow("quoted process name") << u"GPU-a, 7, \"a, \"\"b\"\"\", 100\n"_qs << computeAppsFields()
                                         << 1 << u"a, \"b\""_qs << qint64(100);
    QTest::newRow("used memory [N/A] (MIG, no permission)")
        << u"GPU-a, 7, python, [N/A]\n"_qs << computeAppsFields() << 1 << u"python"_qs << qint64(-1);
    QTest::newRow("aliases name and used_memory")
        << u"8, x, 12\n"_qs << QStringList {u"pid"_qs, u"name"_qs, u"used_memory"_qs} << 1 << u"x"_qs
        << qint64(12);
    QTest::newRow("non-ASCII process name") << u"GPU-a, 7, /home/李雷/训练.py, 3\n"_qs << computeAppsFields()
                                            << 1 << u"/home/李雷/训练.py"_qs << qint64(3);
}

void TestNvidiaSmi::appsCsvVariants()
{
    QFETCH(QString, text);
    QFETCH(QStringList, fields);
    QFETCH(int, count);
    QFETCH(QString, name);
    QFETCH(qint64, mem);
    const auto parsed = parseComputeAppsCsv(text, fields);
    QVERIFY2(
        parsed.ok(),
        qPrintable(parsed.ok() ? QString() : parsed.error().message + u" / "_qs + parsed.error().detail));
    QCOMPARE(parsed.value().size(), count);
    if (count > 0) {
        QCOMPARE(parsed.value().first().name, name);
        QCOMPARE(orMinus(parsed.value().first().usedMemoryMiB), mem);
    }
}

void TestNvidiaSmi::appsCsvMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messageHas");
    QTest::newRow("binary garbage") << binaryGarbage() << u"binary"_qs;
    QTest::newRow("invalid UTF-8") << invalidUtf8() << u"values"_qs;
    QTest::newRow("truncated row") << u"GPU-a, 7\n"_qs << u"values"_qs;
    QTest::newRow("pid not a number") << u"GPU-a, seven, python, 5\n"_qs << u"seven"_qs;
    QTest::newRow("no driver")
        << u"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
           "Make sure that the latest NVIDIA driver is installed and running.\n\n"_qs
        << u"driver"_qs;
    QTest::newRow("command not found")
        << u"bash: line 1: nvidia-smi: command not found\n"_qs << u"installed"_qs;
}

void TestNvidiaSmi::appsCsvMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, messageHas);
    const auto parsed = parseComputeAppsCsv(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY2(parsed.error().message.contains(messageHas, Qt::CaseInsensitive),
             qPrintable(parsed.error().message));
}

// --- the table ----------------------------------------------------------------------------------

void TestNvidiaSmi::tableCorpus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("cuda");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("lastBusId");
    QTest::addColumn<int>("fan");
    QTest::addColumn<int>("temp");
    QTest::addColumn<double>("power");
    QTest::addColumn<double>("powerCap");
    QTest::addColumn<qint64>("memUsed");
    QTest::addColumn<qint64>("memTotal");
    QTest::addColumn<int>("util");
    QTest::addColumn<int>("processes");
    QTest::addColumn<int>("mig");
    QTest::addColumn<bool>("timestamp");

    auto row = [](const char *file, const char *driver, const char *cuda, int gpus, const char *name,
                  bool truncated, const char *lastBus, int fan, int temp, double power, double cap,
                  qint64 used, qint64 total, int util, int processes, int mig, bool timestamp) {
        QTest::newRow(file) << corpus(QString::fromLatin1(file)) << QString::fromLatin1(driver)
                            << QString::fromLatin1(cuda) << gpus << QString::fromLatin1(name) << truncated
                            << QString::fromLatin1(lastBus) << fan << temp << power << cap << used << total
                            << util << processes << mig << timestamp;
    };
    row("table__A100-PCIE-40GBx2__555.42.02__no-processes.txt", "555.42.02", "12.5", 2,
        "NVIDIA A100-PCIE-40GB", false, "00000000:8A:00.0", -1, 38, 32, 250, 1, 40960, 0, 0, 0, true);
    row("table__GTX1080Tix3__450.191.01__no-processes.txt", "450.191.01", "11.0", 3, "GeForce GTX 108", true,
        "00000000:41:00.0", 26, 45, 53, 250, 0, 11176, 0, 0, 0, false);
    row("table__GTX1080__530.41.03__no-processes.txt", "530.41.03", "12.1", 1, "NVIDIA GeForce GTX 1080",
        false, "00000000:01:00.0", 0, 37, 8, 215, 2, 8192, 0, 0, 0, false);
    row("table__H100-SXMx8__565.57.01__no-processes.txt", "565.57.01", "12.7", 8, "NVIDIA H100 80GB HBM3",
        false, "00000000:DB:00.0", -1, 30, 100, 700, 1, 81559, 0, 0, 0, false);
    row("table__linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__idle.txt", "595.71.05", "13.2", 1,
        "NVIDIA GeForce RTX 2080", true, "00000000:0C:00.0", 37, 40, 37, 250, 214, 8192, 0, 2, 0, true);
    row("table__linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__load.txt", "595.71.05", "13.2", 1,
        "NVIDIA GeForce RTX 2080", true, "00000000:0C:00.0", 38, 45, 98, 250, 819, 8192, 8, 4, 0, true);
    row("table__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__idle.txt", "595.71.05", "13.2", 1,
        "NVIDIA GeForce RTX 4080", true, "00000000:01:00.0", 0, 43, 25, 320, 596, 16376, 0, 5, 0, true);
    row("table__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.txt", "595.71.05", "13.2", 1,
        "NVIDIA GeForce RTX 4080", true, "00000000:01:00.0", 0, 45, 83, 320, 1474, 16376, 7, 7, 0, true);
    row("table__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__idle.txt", "590.48.01", "13.1", 1,
        "NVIDIA H100 80GB HBM3", false, "00000000:00:09.0", -1, 41, 69, 700, 0, 81559, 0, 0, 0, true);
    row("table__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.txt", "590.48.01", "13.1", 1,
        "NVIDIA H100 80GB HBM3", false, "00000000:00:09.0", -1, 59, 629, 700, 19818, 81559, 100, 3, 0, true);
    row("table__linux-x86_64__nvidia-h100-mig__590.48.01__idle.txt", "590.48.01", "13.1", 1,
        "NVIDIA H100 80GB HBM3", false, "00000000:00:09.0", -1, 42, 98, 700, 59, 81559, -1, 0, 4, true);
    row("table__linux-x86_64__nvidia-h100-mig__590.48.01__load.txt", "590.48.01", "13.1", 1,
        "NVIDIA H100 80GB HBM3", false, "00000000:00:09.0", -1, 52, 432, 700, 11125, 81559, -1, 3, 4, true);
    row("table__linux-x86_64__nvidia-h200__590.48.01__idle.txt", "590.48.01", "13.1", 1, "NVIDIA H200", false,
        "00000000:83:00.0", -1, 28, 77, 700, 0, 143771, 0, 0, 0, true);
    row("table__linux-x86_64__nvidia-h200__590.48.01__load.txt", "590.48.01", "13.1", 1, "NVIDIA H200", false,
        "00000000:83:00.0", -1, 52, 628, 700, 32362, 143771, 100, 3, 0, true);
    row("table__linux-x86_64__nvidia-l40s__595.80__idle.txt", "595.80", "13.2", 1, "NVIDIA L40S", false,
        "00000000:01:00.0", -1, 64, 242, 350, 0, 46068, 100, 0, 0, true);
    row("table__linux-x86_64__nvidia-l40s__595.80__load.txt", "595.80", "13.2", 1, "NVIDIA L40S", false,
        "00000000:01:00.0", -1, 54, 110, 350, 1235, 46068, 9, 2, 0, true);

    // The lab's stand-in in a real Slurm job (CUDA_VISIBLE_DEVICES from --gres), in several driver layouts.
    auto labRow = [](const char *file, const char *driver, const char *cuda, int gpus, const char *name,
                     bool truncated, const char *lastBus, int temp, double power, qint64 used, int util,
                     int processes) {
        QTest::newRow(file) << lab(QString::fromLatin1(file)) << QString::fromLatin1(driver)
                            << QString::fromLatin1(cuda) << gpus << QString::fromLatin1(name) << truncated
                            << QString::fromLatin1(lastBus) << -1 << temp << power << 700.0 << used
                            << qint64(81559) << util << processes << 0 << true;
    };
    labRow("job-gpu1__nvidia-smi__exit0.txt", "565.57.01", "12.7", 1, "NVIDIA H100 80GB HBM3", false,
           "00000000:18:00.0", 29, 82, 1, 0, 0);
    labRow("job-gpu2__nvidia-smi__exit0.txt", "565.57.01", "12.7", 2, "NVIDIA H100 80GB HBM3", false,
           "00000000:2A:00.0", 29, 82, 1, 0, 0);
    labRow("job-gpu2-busy__nvidia-smi__exit0.txt", "565.57.01", "12.7", 2, "NVIDIA H100 80GB HBM3", false,
           "00000000:2A:00.0", 57, 598, 21011, 97, 2);
    labRow("job-gpu1-busy-driver470__nvidia-smi__exit0.txt", "470.82.01", "11.4", 1, "NVIDIA H100 80G", true,
           "00000000:18:00.0", 57, 598, 21011, 97, 1);
    labRow("job-gpu1-busy-driver535__nvidia-smi__exit0.txt", "535.161.08", "12.2", 1, "NVIDIA H100 80GB HBM3",
           false, "00000000:18:00.0", 57, 598, 21011, 97, 1);
    labRow("job-gpu1-busy-driver580__nvidia-smi__exit0.txt", "580.65.06", "13.0", 1, "NVIDIA H100 80GB HBM3",
           false, "00000000:18:00.0", 57, 598, 21011, 97, 1);
}

void TestNvidiaSmi::tableCorpus()
{
    QFETCH(QString, text);
    QFETCH(QString, driver);
    QFETCH(QString, cuda);
    QFETCH(int, gpus);
    QFETCH(QString, name);
    QFETCH(bool, truncated);
    QFETCH(QString, lastBusId);
    QFETCH(int, fan);
    QFETCH(int, temp);
    QFETCH(double, power);
    QFETCH(double, powerCap);
    QFETCH(qint64, memUsed);
    QFETCH(qint64, memTotal);
    QFETCH(int, util);
    QFETCH(int, processes);
    QFETCH(int, mig);
    QFETCH(bool, timestamp);

    const auto parsed = parseNvidiaSmiTable(text);
    QVERIFY2(
        parsed.ok(),
        qPrintable(parsed.ok() ? QString() : parsed.error().message + u" / "_qs + parsed.error().detail));
    const NvidiaSmiTable &t = parsed.value();
    QCOMPARE(t.driver.driverVersion, driver);
    QCOMPARE(t.driver.smiVersion, driver);
    QCOMPARE(t.driver.cudaVersion.toString(), cuda);
    QCOMPARE(t.gpus.size(), gpus);
    const GpuStatus &g = t.gpus.first();
    QCOMPARE(g.index, 0);
    QCOMPARE(g.name, name);
    QCOMPARE(g.nameTruncated, truncated);
    QCOMPARE(t.gpus.last().pciBusId, lastBusId);
    QCOMPARE(t.gpus.last().index, gpus - 1);
    QCOMPARE(orMinus(g.fanSpeedPercent), fan);
    QCOMPARE(orMinus(g.temperatureC), temp);
    QCOMPARE(orMinus(g.powerDrawW), power);
    QCOMPARE(orMinus(g.powerLimitW), powerCap);
    QCOMPARE(orMinus(g.memoryUsedMiB), memUsed);
    QCOMPARE(orMinus(g.memoryTotalMiB), memTotal);
    QCOMPARE(orMinus(g.utilizationGpuPercent), util);
    QVERIFY(!g.pstate.isEmpty());
    QCOMPARE(g.computeMode, u"Default"_qs);
    QVERIFY(t.processesListed);
    QCOMPARE(t.processes.size(), processes);
    QCOMPARE(t.migDevices.size(), mig);
    QCOMPARE(!t.timestamp.isEmpty(), timestamp);
}

void TestNvidiaSmi::tableProcessRows()
{
    const auto rtx = parseNvidiaSmiTable(
        corpus(u"table__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.txt"_qs));
    QVERIFY(rtx.ok());
    const QList<GpuProcess> &p = rtx.value().processes;
    QCOMPARE(p.size(), 7);
    QCOMPARE(p[0].gpuIndex, 0);
    QCOMPARE(p[0].pid, 2165);
    QCOMPARE(p[0].type, u"C+G"_qs);
    QCOMPARE(p[0].name, u"/usr/bin/kwin_wayland"_qs);
    QCOMPARE(p[0].usedMemoryMiB, 25);
    QCOMPARE(p[0].gpuInstance, std::nullopt);
    QCOMPARE(p[1].type, u"G"_qs);
    QCOMPARE(p[6].pid, 5022);
    QCOMPARE(p[6].name, u"ffmpeg"_qs);
    QCOMPARE(p[6].usedMemoryMiB, 503);

    // MIG: GI and CI are numbers.
    const auto mig
        = parseNvidiaSmiTable(corpus(u"table__linux-x86_64__nvidia-h100-mig__590.48.01__load.txt"_qs));
    QVERIFY(mig.ok());
    QCOMPARE(mig.value().processes[2].gpuInstance, 2);
    QCOMPARE(mig.value().processes[2].computeInstance, 0);
    QCOMPARE(mig.value().processes[2].name, u"./gpu_burn"_qs);
    QCOMPARE(mig.value().processes[2].usedMemoryMiB, 7484);
    QCOMPARE(mig.value().gpus.first().migMode, u"Enabled"_qs);

    // Pre-450 rows have no GI/CI columns; long names are cut at the front with "...".
    const QString old
        = u"+-----------------------------------------------------------------------------+\n"
          "| NVIDIA-SMI 418.67       Driver Version: 418.67       CUDA Version: 10.1     |\n"
          "|-------------------------------+----------------------+----------------------+\n"
          "| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |\n"
          "| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |\n"
          "|===============================+======================+======================|\n"
          "|   0  Tesla V100-SXM2...  On   | 00000000:00:1E.0 Off |                    0 |\n"
          "| N/A   44C    P0    39W / 300W |   1290MiB / 16130MiB |     12%   E. Process |\n"
          "+-------------------------------+----------------------+----------------------+\n"
          "\n"
          "+-----------------------------------------------------------------------------+\n"
          "| Processes:                                                       GPU Memory |\n"
          "|  GPU       PID   Type   Process name                             Usage      |\n"
          "|=============================================================================|\n"
          "|    0     31337      C   ...niconda3/envs/cola/bin/python            1279MiB |\n"
          "+-----------------------------------------------------------------------------+\n"_qs;
    const auto v100 = parseNvidiaSmiTable(old);
    QVERIFY2(v100.ok(), qPrintable(v100.ok() ? QString() : v100.error().detail));
    QCOMPARE(v100.value().driver.cudaVersion.toString(), u"10.1"_qs);
    QCOMPARE(v100.value().gpus.first().name, u"Tesla V100-SXM2"_qs);
    QCOMPARE(v100.value().gpus.first().computeMode, u"E. Process"_qs);
    QCOMPARE(v100.value().gpus.first().migMode, QString());
    QCOMPARE(v100.value().processes.size(), 1);
    QCOMPARE(v100.value().processes[0].pid, 31337);
    QCOMPARE(v100.value().processes[0].name, u"niconda3/envs/cola/bin/python"_qs);
    QVERIFY(v100.value().processes[0].nameTruncated);
    QCOMPARE(v100.value().processes[0].usedMemoryMiB, 1279);
}

void TestNvidiaSmi::tableLabProcessNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::newRow("470 (79 columns)")
        << u"job-gpu1-busy-driver470__nvidia-smi__exit0.txt"_qs << u"nda3/envs/cola/bin/python"_qs;
    QTest::newRow("535 (89 columns)")
        << u"job-gpu1-busy-driver535__nvidia-smi__exit0.txt"_qs << u"ent/miniconda3/envs/cola/bin/python"_qs;
    QTest::newRow("565 (91 columns)")
        << u"job-gpu2-busy__nvidia-smi__exit0.txt"_qs << u"ent/miniconda3/envs/cola/bin/python"_qs;
    QTest::newRow("580 (91 columns)")
        << u"job-gpu1-busy-driver580__nvidia-smi__exit0.txt"_qs << u"niconda3/envs/cola/bin/python"_qs;
}

// A training process's long path is cut at the front; the CSV query has it whole.
void TestNvidiaSmi::tableLabProcessNames()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    const auto parsed = parseNvidiaSmiTable(lab(file));
    QVERIFY(parsed.ok());
    const GpuProcess &p = parsed.value().processes.first();
    QCOMPARE(p.name, name);
    QVERIFY(p.nameTruncated);
    QVERIFY(u"/home/student/miniconda3/envs/cola/bin/python"_qs.endsWith(p.name));
    QCOMPARE(p.pid, 48213);
    QCOMPARE(p.type, u"C"_qs);
    QCOMPARE(p.usedMemoryMiB, 20480);
    QCOMPARE(p.gpuIndex, 0);
}

void TestNvidiaSmi::tableMigDevices()
{
    const auto mig
        = parseNvidiaSmiTable(corpus(u"table__linux-x86_64__nvidia-h100-mig__590.48.01__load.txt"_qs));
    QVERIFY(mig.ok());
    const QList<MigDevice> &d = mig.value().migDevices;
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[0].gpuInstance, 2);
    QCOMPARE(d[0].computeInstance, 0);
    QCOMPARE(d[0].migDevice, 0);
    QCOMPARE(d[0].memoryUsedMiB, 11091);
    QCOMPARE(d[0].memoryTotalMiB, 40448);
    QCOMPARE(d[3].gpuInstance, 10);
    QCOMPARE(d[3].migDevice, 3);
    QCOMPARE(d[3].memoryTotalMiB, 9984);
}

void TestNvidiaSmi::tableMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messageHas");
    const QString full = corpus(u"table__linux-x86_64__nvidia-h200__590.48.01__load.txt"_qs);
    const QStringList lines = full.split(u'\n');
    auto firstLines = [&lines](int n) -> QString { return lines.mid(0, n).join(u'\n') + u'\n'; };
    QTest::newRow("empty") << QString() << u"nothing"_qs;
    QTest::newRow("binary garbage") << binaryGarbage() << u"binary"_qs;
    QTest::newRow("invalid UTF-8") << invalidUtf8() << u"not an nvidia-smi table"_qs;
    QTest::newRow("a CSV") << corpus(u"query-gpu__tesla-p100__netdata__csv-nounits.csv"_qs)
                           << u"not an nvidia-smi table"_qs;
    QTest::newRow("cut after the header line") << firstLines(3) << u"middle"_qs;
    QTest::newRow("cut after the column titles") << firstLines(8) << u"middle"_qs;
    QTest::newRow("cut in the middle of the GPU row") << firstLines(10) << u"middle"_qs;
    QTest::newRow("cut in the middle of a line") << full.left(full.indexOf(u"628W"_qs)) << u"middle"_qs;
    QTest::newRow("cut in the process list") << firstLines(20) << u"middle"_qs;
    QTest::newRow("cut after the process title") << firstLines(16) << u"middle"_qs;
    QTest::newRow("NVML mismatch") << corpus(
        u"error__nvml-driver-library-version-mismatch__plus-squeue.txt"_qs)
                                   << u"mismatch"_qs;
    QTest::newRow("no driver") << u"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA "
                                  u"driver. Make sure that the latest "
                                  "NVIDIA driver is installed and running.\n\n"_qs
                               << u"driver"_qs;
    QTest::newRow("no devices") << u"No devices were found\n"_qs << u"no GPU"_qs;
    QString garbled = full;
    garbled.replace(u"32362MiB / 143771MiB"_qs, u"  lots of memory used  "_qs);
    QTest::newRow("garbled memory cell") << garbled << u"GPU row"_qs;
    QString noRows = firstLines(9)
        + u"+-----------------------------------------+------------------------+"
          "----------------------+\n"_qs;
    noRows.remove(lines[8] + u'\n');
    noRows += u"\n"_qs; // the blank line that ends the GPU box
    QTest::newRow("GPU box without rows") << noRows << u"no GPU"_qs;
    QString badProcess = full;
    badProcess.replace(u"10291      C   /root/tools/memhog"_qs, u"?????      ?   /root/tools/memhog"_qs);
    QTest::newRow("unreadable process row") << badProcess << u"process"_qs;
}

void TestNvidiaSmi::tableMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, messageHas);
    const auto parsed = parseNvidiaSmiTable(text);
    QVERIFY2(!parsed.ok(),
             qPrintable(u"parsed %1 GPUs"_qs.arg(parsed.ok() ? parsed.value().gpus.size() : 0)));
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY2(parsed.error().message.contains(messageHas, Qt::CaseInsensitive),
             qPrintable(parsed.error().message));
    QVERIFY(!parsed.error().detail.isEmpty());
}

void TestNvidiaSmi::tableCutAtEveryLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("3 GPUs, 450") << u"table__GTX1080Tix3__450.191.01__no-processes.txt"_qs;
    QTest::newRow("MIG, 590, processes") << u"table__linux-x86_64__nvidia-h100-mig__590.48.01__load.txt"_qs;
}

// Whatever line a transfer stops at, the parser never crashes, never invents a GPU, and accepts the text
// only once every GPU row is complete.
void TestNvidiaSmi::tableCutAtEveryLine()
{
    QFETCH(QString, file);
    const QString full = corpus(file);
    const auto whole = parseNvidiaSmiTable(full);
    QVERIFY(whole.ok());
    const QStringList lines = full.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString cut = lines.mid(0, n).join(u'\n');
        const auto parsed = parseNvidiaSmiTable(cut);
        if (!parsed.ok())
            continue;
        QCOMPARE(parsed.value().gpus.size(), whole.value().gpus.size());
        if (parsed.value().processesListed)
            QCOMPARE(parsed.value().processes.size(), whole.value().processes.size());
    }
    for (int n = 1; n < full.size(); n += 7)
        (void)parseNvidiaSmiTable(QStringView(full).left(n)); // mid-line cuts: only must not crash
}

// --- -L and --version ---------------------------------------------------------------------------------

void TestNvidiaSmi::listCorpus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uuid");
    QTest::addColumn<int>("mig");
    QTest::newRow("list-L h100 MIG 590.48.01")
        << corpus(u"list-L__linux-x86_64__nvidia-h100-mig__590.48.01.txt"_qs) << 1
        << u"NVIDIA H100 80GB HBM3"_qs << u"GPU-00000000-0000-0000-0000-000000000000"_qs << 4;
    QTest::newRow("lab: job with one GPU")
        << lab(u"job-gpu1__list-L__exit0.txt"_qs) << 1 << u"NVIDIA H100 80GB HBM3"_qs
        << u"GPU-4a3f9c2e-7d1b-5e60-8c21-0b6f1e3d9a58"_qs << 0;
    QTest::newRow("lab: job with two GPUs")
        << lab(u"job-gpu2__list-L__exit0.txt"_qs) << 2 << u"NVIDIA H100 80GB HBM3"_qs
        << u"GPU-4a3f9c2e-7d1b-5e60-8c21-0b6f1e3d9a58"_qs << 0;
    QTest::newRow("two GPUs, no MIG")
        << u"GPU 0: Tesla K80 (UUID: GPU-a1)\nGPU 1: Tesla K80 (UUID: GPU-b2)\n"_qs << 2 << u"Tesla K80"_qs
        << u"GPU-a1"_qs << 0;
}

void TestNvidiaSmi::listCorpus()
{
    QFETCH(QString, text);
    QFETCH(int, gpus);
    QFETCH(QString, name);
    QFETCH(QString, uuid);
    QFETCH(int, mig);
    const auto parsed = parseNvidiaSmiList(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed.value().size(), gpus);
    QCOMPARE(parsed.value().first().index, 0);
    QCOMPARE(parsed.value().first().name, name);
    QCOMPARE(parsed.value().first().uuid, uuid);
    QCOMPARE(parsed.value().first().migDevices.size(), mig);
    if (mig > 0) {
        QCOMPARE(parsed.value().first().migDevices[0].profile, u"3g.40gb"_qs);
        QCOMPARE(parsed.value().first().migDevices[3].device, 3);
        QCOMPARE(parsed.value().first().migDevices[3].uuid, u"MIG-00000003-0000-0000-0000-000000000003"_qs);
    }
}

void TestNvidiaSmi::listMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("binary garbage") << binaryGarbage();
    QTest::newRow("invalid UTF-8") << invalidUtf8();
    QTest::newRow("cut in the middle of a line") << u"GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-000"_qs;
    QTest::newRow("no devices") << u"No devices were found\n"_qs;
    QTest::newRow("a table") << corpus(u"table__GTX1080__530.41.03__no-processes.txt"_qs);
}

void TestNvidiaSmi::listMalformed()
{
    QFETCH(QString, text);
    const auto parsed = parseNvidiaSmiList(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestNvidiaSmi::versionCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("nvml");
    QTest::addColumn<QString>("cuda");
    QTest::newRow("rtx-2080-super")
        << u"nvidia-smi/version__linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.txt"_qs
        << u"595.71.05"_qs << u"595.71"_qs << u"13.2"_qs;
    QTest::newRow("rtx-4080-super")
        << u"nvidia-smi/version__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt"_qs
        << u"595.71.05"_qs << u"595.71"_qs << u"13.2"_qs;
    QTest::newRow("h100") << u"nvidia-smi/version__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt"_qs
                          << u"590.48.01"_qs << u"590.48"_qs << u"13.1"_qs;
    QTest::newRow("h100 MIG") << u"nvidia-smi/version__linux-x86_64__nvidia-h100-mig__590.48.01.txt"_qs
                              << u"590.48.01"_qs << u"590.48"_qs << u"13.1"_qs;
    QTest::newRow("h200") << u"nvidia-smi/version__linux-x86_64__nvidia-h200__590.48.01.txt"_qs
                          << u"590.48.01"_qs << u"590.48"_qs << u"13.1"_qs;
    QTest::newRow("l40s") << u"nvidia-smi/version__linux-x86_64__nvidia-l40s__595.80.txt"_qs << u"595.80"_qs
                          << u"595.80"_qs << u"13.2"_qs;
}

void TestNvidiaSmi::versionCorpus()
{
    QFETCH(QString, file);
    QFETCH(QString, driver);
    QFETCH(QString, nvml);
    QFETCH(QString, cuda);
    const auto parsed = parseNvidiaSmiVersion(readGpuFixture(file));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed.value().driverVersion, driver);
    QCOMPARE(parsed.value().smiVersion, driver);
    QCOMPARE(parsed.value().nvmlVersion, nvml);
    QCOMPARE(parsed.value().cudaVersion.toString(), cuda);
}

void TestNvidiaSmi::versionMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("binary garbage") << binaryGarbage();
    QTest::newRow("old driver: unknown option")
        << u"ERROR: Option --version is not recognized. Please run 'nvidia-smi -h'.\n\n"_qs;
    QTest::newRow("cut before the driver line")
        << u"NVIDIA-SMI version  : 595.71.05\nNVML version        : 59"_qs;
    QTest::newRow("NVML mismatch") << u"Failed to initialize NVML: Driver/library version mismatch\n"_qs;
}

void TestNvidiaSmi::versionMalformed()
{
    QFETCH(QString, text);
    const auto parsed = parseNvidiaSmiVersion(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::UnexpectedOutput);
    QVERIFY(!parsed.error().message.isEmpty());
}

// --- NVML and shell failures --------------------------------------------------------------------------

void TestNvidiaSmi::diagnose_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("place"); // GpuCheckContext::Place
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("code"); // empty: nothing to diagnose
    QTest::addColumn<QString>("suggestionHas");
    QTest::addColumn<QString>("evidenceHas");
    const int unknown = int(GpuCheckContext::Place::Unknown);
    const int login = int(GpuCheckContext::Place::LoginNode);
    const int job = int(GpuCheckContext::Place::Job);
    const QString noDriver
        = u"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make "
          "sure that the latest NVIDIA driver is installed and running.\n\n"_qs;

    QTest::newRow("corpus: NVML driver/library mismatch")
        << corpus(u"error__nvml-driver-library-version-mismatch__plus-squeue.txt"_qs) << -1 << unknown << -1
        << u"nvidia-smi.driver-library-mismatch"_qs << u"another node"_qs << u"version mismatch"_qs;
    QTest::newRow("mismatch with NVML library version (535+)")
        << u"Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 535.161\n"_qs
        << 18 << job << 1 << u"nvidia-smi.driver-library-mismatch"_qs << u"--exclude=gpu07"_qs
        << u"NVML library version: 535.161"_qs;
    QTest::newRow("no driver on the login node") << noDriver << 9 << login << -1 << u"nvidia-smi.no-driver"_qs
                                                 << u"--gres=gpu:1"_qs << u"couldn't communicate"_qs;
    QTest::newRow("no driver, place unknown") << noDriver << 9 << unknown << -1 << u"nvidia-smi.no-driver"_qs
                                              << u"--gres=gpu:1"_qs << u"NVIDIA driver"_qs;
    QTest::newRow("no driver in a job without GPUs")
        << noDriver << 9 << job << 0 << u"nvidia-smi.no-driver"_qs << u"--gres=gpu:1"_qs
        << u"NVIDIA driver"_qs;
    QTest::newRow("no driver in a GPU job") << noDriver << 9 << job << 1 << u"nvidia-smi.no-driver"_qs
                                            << u"another node"_qs << u"NVIDIA driver"_qs;
    QTest::newRow("libnvidia-ml missing")
        << u"NVIDIA-SMI couldn't find libnvidia-ml.so library in your system. Please make sure that the "
           u"NVIDIA "
           "Display Driver is properly installed and present in your system.\n"_qs
        << 12 << login << -1 << u"nvidia-smi.no-driver"_qs << u"login node"_qs << u"libnvidia-ml.so"_qs;
    QTest::newRow("no devices") << u"No devices were found\n"_qs << 6 << job << 0
                                << u"nvidia-smi.no-devices"_qs << u"--gres=gpu:1"_qs
                                << u"No devices were found"_qs;
    QTest::newRow("bash: command not found")
        << u"bash: line 1: nvidia-smi: command not found\n"_qs << 127 << login << -1
        << u"nvidia-smi.not-found"_qs << u"--gres=gpu:1"_qs << u"command not found"_qs;
    QTest::newRow("dash: not found") << u"sh: 1: nvidia-smi: not found\n"_qs << 127 << job << 0
                                     << u"nvidia-smi.not-found"_qs << u"GPU partition"_qs << u"not found"_qs;
    QTest::newRow("exit 127, nothing printed")
        << QString() << 127 << unknown << -1 << u"nvidia-smi.not-found"_qs << u"--gres=gpu:1"_qs << u"127"_qs;
    QTest::newRow("GPU is lost") << u"Unable to determine the device handle for GPU0000:3B:00.0: GPU is "
                                    u"lost.  Reboot the system to recover "
                                    "this GPU\n"_qs
                                 << 15 << job << 1 << u"nvidia-smi.gpu-lost"_qs << u"another node"_qs
                                 << u"GPU is lost"_qs;
    QTest::newRow("NVML unknown error (containers)")
        << u"Failed to initialize NVML: Unknown Error\n"_qs << 255 << job << 1
        << u"nvidia-smi.nvml-init-failed"_qs << u"another node"_qs << u"Unknown Error"_qs;
    QTest::newRow("unknown query field")
        << u"Field \"power.draw.instant\" is not a valid field to query.\n\n"_qs << 2 << job << 1
        << u"nvidia-smi.invalid-field"_qs << u"fewer fields"_qs << u"power.draw.instant"_qs;
    QTest::newRow("lab: login node") << lab(u"login__nvidia-smi__exit9.txt"_qs) << 9 << login << -1
                                     << u"nvidia-smi.no-driver"_qs << u"--gres=gpu:1"_qs
                                     << u"NVIDIA driver"_qs;
    QTest::newRow("lab: job without --gres")
        << lab(u"job-nogres__nvidia-smi__exit9.txt"_qs) << 9 << job << 0 << u"nvidia-smi.no-driver"_qs
        << u"--gres=gpu:1"_qs << u"NVIDIA driver"_qs;
    QTest::newRow("lab: broken driver in a GPU job")
        << lab(u"job-gpu1-nodriver__query-gpu-status__exit9.txt"_qs) << 9 << job << 1
        << u"nvidia-smi.no-driver"_qs << u"--exclude=vm"_qs << u"NVIDIA driver"_qs;
    QTest::newRow("lab: mismatch") << lab(u"job-gpu1-mismatch__nvidia-smi__exit18.txt"_qs) << 18 << job << 1
                                   << u"nvidia-smi.driver-library-mismatch"_qs << u"another node"_qs
                                   << u"NVML library version: 565.57"_qs;
    QTest::newRow("lab: no devices") << lab(u"job-gpu1-nodevices__nvidia-smi__exit6.txt"_qs) << 6 << job << 1
                                     << u"nvidia-smi.no-devices"_qs << u"CUDA_VISIBLE_DEVICES"_qs
                                     << u"No devices were found"_qs;
    QTest::newRow("lab: unknown field")
        << lab(u"job-gpu1__query-gpu-unknown-field__exit2.txt"_qs) << 2 << job << 1
        << u"nvidia-smi.invalid-field"_qs << u"fewer fields"_qs << u"memory.quantum"_qs;
    QTest::newRow("lab: power.draw.instant on a 470 driver")
        << lab(u"job-gpu1-driver470__query-gpu-power-instant__exit2.txt"_qs) << 2 << job << 1
        << u"nvidia-smi.invalid-field"_qs << u"fewer fields"_qs << u"power.draw.instant"_qs;
    QTest::newRow("lab: a normal table: nothing") << lab(u"job-gpu2-busy__nvidia-smi__exit0.txt"_qs) << 0
                                                  << job << 2 << QString() << QString() << QString();
    QTest::newRow("a normal table: nothing") << corpus(u"table__H100-SXMx8__565.57.01__no-processes.txt"_qs)
                                             << 0 << job << 8 << QString() << QString() << QString();
    QTest::newRow("a normal CSV: nothing")
        << corpus(u"query-compute-apps__linux-x86_64__nvidia-h200__590.48.01__load.csv"_qs) << 0 << job << 1
        << QString() << QString() << QString();
    QTest::newRow("binary garbage: nothing")
        << binaryGarbage() << 0 << unknown << -1 << QString() << QString() << QString();
}

void TestNvidiaSmi::diagnose()
{
    QFETCH(QString, text);
    QFETCH(int, exitCode);
    QFETCH(int, place);
    QFETCH(int, gpus);
    QFETCH(QString, code);
    QFETCH(QString, suggestionHas);
    QFETCH(QString, evidenceHas);
    GpuCheckContext context;
    context.place = GpuCheckContext::Place(place);
    context.gpusRequested = gpus;
    if (suggestionHas.contains(u"--exclude="_qs))
        context.node = suggestionHas.section(u'=', 1);
    const auto d = diagnoseNvidiaSmi(text, exitCode, context);
    if (code.isEmpty()) {
        QVERIFY2(!d, qPrintable(d ? d->code : QString()));
        return;
    }
    QVERIFY(d);
    QCOMPARE(d->code, code);
    QVERIFY(!d->summary.isEmpty());
    QVERIFY2(d->suggestion.contains(suggestionHas), qPrintable(d->suggestion));
    QVERIFY2(d->evidence.contains(evidenceHas), qPrintable(d->evidence));
    if (code == u"nvidia-smi.invalid-field")
        QCOMPARE(rejectedQueryField(text), evidenceHas);
}

void TestNvidiaSmi::cudaFromDriverInt_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("cuda");
    QTest::newRow("11040 (470 driver)") << qint64(11040) << u"11.4"_qs;
    QTest::newRow("12020") << qint64(12020) << u"12.2"_qs;
    QTest::newRow("10010") << qint64(10010) << u"10.1"_qs;
    QTest::newRow("13000") << qint64(13000) << u"13.0"_qs;
    QTest::newRow("0") << qint64(0) << QString();
    QTest::newRow("negative") << qint64(-5) << QString();
}

void TestNvidiaSmi::cudaFromDriverInt()
{
    QFETCH(qint64, value);
    QFETCH(QString, cuda);
    QCOMPARE(cudaVersionFromDriverInt(value).toString(), cuda);
}

QTEST_GUILESS_MAIN(TestNvidiaSmi)
#include "tst_nvidiasmi.moc"
