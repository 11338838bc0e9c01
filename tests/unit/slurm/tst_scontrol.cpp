#include "cluster/slurm/scontrol.h"

#include "slurmtestutil.h"

#include <QTest>

using namespace onramp::cluster;
using onramp::ErrorKind;
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

QString optionalText(const std::optional<int> &value)
{
    return value ? QString::number(*value) : u"-"_qs;
}

// id:name:user:STATE:reason:runtime:limit:nodes:nodelist:gpus:workdir
QString jobText(const JobDetails &j)
{
    return QStringLiteral("%1:%2:%3:%4:%5:%6:%7:%8:%9")
               .arg(j.id, j.name, j.user, jobStateName(j.state), j.reason, durationText(j.runTime),
                    durationText(j.timeLimit), optionalText(j.nodes), j.nodeList)
        + QStringLiteral(":%1:%2").arg(j.gpus()).arg(j.workDir);
}

// name:state:partitions:gpus/allocated/free:reason
QString nodeText(const NodeDetails &n)
{
    return QStringLiteral("%1:%2:%3:%4/%5/%6:%7")
        .arg(n.name, n.state.text, n.partitions.join(u','))
        .arg(n.gpus())
        .arg(n.gpusAllocated())
        .arg(n.freeGpus())
        .arg(n.reason);
}

// name:default:hidden:state:maxTime:defaultTime:maxNodes:gpus
QString partitionText(const PartitionDetails &p)
{
    return QStringLiteral("%1:%2:%3:%4:%5:%6:%7:%8")
        .arg(p.name, p.isDefault ? u"default"_qs : u"-"_qs, p.hidden ? u"hidden"_qs : u"-"_qs, p.state,
             durationText(p.maxTime), durationText(p.defaultTime), optionalText(p.maxNodes))
        .arg(p.gpus());
}

} // namespace

class TestScontrol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void records_data();
    void records();
    void jobs_data();
    void jobs();
    void jobFields();
    void nodes_data();
    void nodes();
    void partitions_data();
    void partitions();
    void malformed_data();
    void malformed();
};

void TestScontrol::records_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("recordKey");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    const QString running = readFixture(kLab + u"scontrol-show-job__running.txt"_qs);
    auto row = [](const char *name, const QString &text, const char *recordKey, int count, const char *key,
                  const QString &value) {
        QTest::newRow(name) << text << QString::fromLatin1(recordKey) << count << QString::fromLatin1(key)
                            << value;
    };
    row("key with a colon", running, "JobId", 1, "AllocNode:Sid", u"localhost:19334"_qs);
    row("key with colons, value with stars", running, "JobId", 1, "ReqB:S:C:T", u"0:0:*:*"_qs);
    row("key with a slash", running, "JobId", 1, "Socks/Node", u"*"_qs);
    row("value with '='", running, "JobId", 1, "TRES", u"cpu=1,node=1,billing=1"_qs);
    row("empty value at the end of a line", running, "JobId", 1, "Power", QString());
    row("whole-line path", running, "JobId", 1, "StdOut", u"/home/student/slurm-88.out"_qs);
    row("command with spaces and key=value words",
        u"JobId=5 JobName=train\n   Command=/home/me/run.sh --lr=0.1 epochs=3 --name \"a b\"\n"
        "   WorkDir=/home/me/my project\n   StdOut=/home/me/out dir/%j.log\n"_qs,
        "JobId", 1, "Command", u"/home/me/run.sh --lr=0.1 epochs=3 --name \"a b\""_qs);
    row("work dir with spaces", u"JobId=5 JobName=train\n   WorkDir=/home/me/my project  \n"_qs, "JobId", 1,
        "WorkDir", u"/home/me/my project"_qs);
    row("node OS with '#'", readFixture(kLab + u"scontrol-show-node__idle.txt"_qs), "NodeName", 1, "OS",
        u"Linux 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0"_qs);
    row("node reason keeps its spaces",
        readFixture(u"corpus/scontrol-show-node-all__csc-puhti__subset.txt"_qs), "NodeName", 28, "Reason",
        QString());
    row("old format reason with spaces",
        readFixture(u"corpus/scontrol-show-node__slurm-docs-quickstart-OLD-FORMAT.txt"_qs), "NodeName", 1,
        "Reason", u"Not responding [slurm@06/02-14:01:24]"_qs);
    row("one line per record (-o), padded", readFixture(u"corpus/scontrol-show-part-o__osc-owens.txt"_qs),
        "PartitionName", 14, "MaxTime", u"7-00:00:00"_qs);
    row("CRLF", u"JobId=7 JobName=x\r\n   JobState=RUNNING Reason=None\r\n"_qs, "JobId", 1, "JobState",
        u"RUNNING"_qs);
    row("comment over two lines",
        u"JobId=7 JobName=x\n   Comment=first line\nsecond line\n   JobState=PENDING\n"_qs, "JobId", 1,
        "Comment", u"first line\nsecond line"_qs);
    row("empty", u""_qs, "JobId", 0, "JobId", QString());
}

void TestScontrol::records()
{
    QFETCH(QString, text);
    QFETCH(QString, recordKey);
    QFETCH(int, count);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QVERIFY(!text.isNull());
    const auto parsed = parseScontrolRecords(text, recordKey);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().size(), count);
    if (count == 0)
        return;
    QCOMPARE(parsed.value().first().fields.first().first, recordKey);
    if (key == u"Reason" && value.isEmpty()) { // the Puhti subset: the second node's reason, two spaces kept
        QCOMPARE(parsed.value().at(1).value(key), u"nhc_test  [root@2022-08-31T10:27:27]"_qs);
        return;
    }
    QVERIFY(parsed.value().first().contains(key));
    QCOMPARE(parsed.value().first().value(key), value);
}

void TestScontrol::jobs_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    auto row = [](const char *name, const QString &path, int count, const char *first) {
        QTest::newRow(name) << path << count << QString::fromUtf8(first);
    };
    row("corpus slurm-docs OLD-FORMAT", u"corpus/scontrol-show-job__slurm-docs-quickstart-OLD-FORMAT.txt"_qs,
        1, "65672:math:phil:PENDING::-:600:-::0:/home/phil");
    row("lab running", kLab + u"scontrol-show-job__running.txt"_qs, 1,
        "88:onramp-a:student:RUNNING::10:300:1:vm:1:/home/student");
    row("lab running, name with a pipe", kLab + u"scontrol-show-job__running-name-with-pipe.txt"_qs, 1,
        "89:my job|with pipe:student:RUNNING::7:300:1:vm:1:/home/student");
    row("lab pending Resources", kLab + u"scontrol-show-job__pending-resources.txt"_qs, 1,
        "90:onramp-c:student:PENDING:Resources:0:300:1::1:/home/student");
    row("lab pending Dependency", kLab + u"scontrol-show-job__pending-dependency.txt"_qs, 1,
        "91:onramp-dep:student:PENDING:Dependency:0:300:1::1:/home/student");
    row("lab pending BeginTime", kLab + u"scontrol-show-job__pending-begintime.txt"_qs, 1,
        "92:onramp-later:student:PENDING:BeginTime:0:3600:1::0:/home/student");
    row("lab held by user", kLab + u"scontrol-show-job__held-user.txt"_qs, 1,
        "93:onramp-held:student:PENDING:JobHeldUser:0:3600:1::0:/home/student");
    row("lab held by admin", kLab + u"scontrol-show-job__held-admin.txt"_qs, 1,
        "95:onramp-admin-held:student:PENDING:JobHeldAdmin:0:3600:1::0:/home/student");
    row("lab PartitionTimeLimit", kLab + u"scontrol-show-job__pending-partitiontimelimit.txt"_qs, 1,
        "94:onramp-toolong:student:PENDING:PartitionTimeLimit:0:172800:1::0:/home/student");
    row("lab PartitionNodeLimit", kLab + u"scontrol-show-job__pending-partitionnodelimit.txt"_qs, 1,
        "96:onramp-two-nodes:student:PENDING:PartitionNodeLimit:0:3600:2::0:/home/student");
    row("lab ReqNodeNotAvail", kLab + u"scontrol-show-job__reqnodenotavail.txt"_qs, 1,
        "87:onramp-resv:student:PENDING:ReqNodeNotAvail,_Reserved_for_maintenance:0:3600:1::0:/home/student");
    row("lab salloc allocation", kLab + u"scontrol-show-job__salloc-allocation.txt"_qs, 1,
        "100:onramp-steps:student:RUNNING::4:300:1:vm:1:/home/student");
    row("lab failed", kLab + u"scontrol-show-job__failed.txt"_qs, 1,
        "102:onramp-fails:student:FAILED:NonZeroExitCode:0:3600:1:vm:0:/home/student");
    row("lab timeout", kLab + u"scontrol-show-job__timeout.txt"_qs, 1,
        "103:onramp-timeout:student:TIMEOUT:TimeLimit:60:60:1:vm:0:/home/student");
    row("lab completed", kLab + u"scontrol-show-job__completed.txt"_qs, 1,
        "101:onramp-ok:student:COMPLETED::0:3600:1:vm:0:/home/student");
    row("lab all jobs", kLab + u"scontrol-show-job__all.txt"_qs, 18,
        "79:true:student:CANCELLED:PartitionNodeLimit:0:3600:2::0:/home/student");
}

void TestScontrol::jobs()
{
    QFETCH(QString, path);
    QFETCH(int, count);
    QFETCH(QString, first);
    const QString text = readFixture(path);
    QVERIFY(!text.isNull());
    const auto parsed = parseScontrolJobs(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().size(), count);
    QCOMPARE(jobText(parsed.value().first()), first);
}

void TestScontrol::jobFields()
{
    const auto running = parseScontrolJobs(readFixture(kLab + u"scontrol-show-job__running.txt"_qs));
    QVERIFY(running.ok());
    const JobDetails &job = running.value().first();
    QCOMPARE(job.partition, u"gpu"_qs);
    QCOMPARE(job.account, QString()); // (null)
    QCOMPARE(job.batchHost, u"vm"_qs);
    QCOMPARE(job.cpus, std::optional<int>(1));
    QCOMPARE(job.tres.value(u"cpu"_qs), u"1"_qs);
    QCOMPARE(job.command, QString()); // (null) for --wrap
    QCOMPARE(job.stdErr, u"/home/student/slurm-88.out"_qs);
    QCOMPARE(job.exitCode, u"0:0"_qs);
    QCOMPARE(job.startTime->toString(Qt::ISODate), u"2026-11-27T04:19:51"_qs);
    QCOMPARE(job.endTime->toString(Qt::ISODate), u"2026-11-27T04:24:51"_qs);
    const auto dependent
        = parseScontrolJobs(readFixture(kLab + u"scontrol-show-job__pending-dependency.txt"_qs));
    QVERIFY(dependent.ok());
    QCOMPARE(dependent.value().first().dependency, u"afterok:88(unfulfilled)"_qs);
    const auto old = parseScontrolJobs(
        readFixture(u"corpus/scontrol-show-job__slurm-docs-quickstart-OLD-FORMAT.txt"_qs));
    QVERIFY(old.ok());
    QCOMPARE(old.value().first().command, u"/home/phil/math"_qs);
    QCOMPARE(old.value().first().startTime, std::nullopt); // "06/02-15:27:11" has no year
    QCOMPARE(old.value().first().raw.value(u"NodeListIndices"), QString());
}

void TestScontrol::nodes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("totals"); // gpus/allocated/free
    QTest::newRow("corpus csc puhti subset")
        << u"corpus/scontrol-show-node-all__csc-puhti__subset.txt"_qs << 28
        << u"r01c01:MIXED:All,small,large,longrun:0/0/0:"_qs << u"64/53/13"_qs;
    QTest::newRow("corpus slurm-docs OLD-FORMAT")
        << u"corpus/scontrol-show-node__slurm-docs-quickstart-OLD-FORMAT.txt"_qs << 1
        << u"adev1:DOWN*::0/0/0:Not responding [slurm@06/02-14:01:24]"_qs << u"0/0/0"_qs;
    QTest::newRow("lab idle") << kLab + u"scontrol-show-node__idle.txt"_qs << 1
                              << u"vm:IDLE:cpu,gpu:2/0/2:"_qs << u"2/0/2"_qs;
    // Without --details, AllocTRES is all there is: this site does not account GPUs in TRES.
    QTest::newRow("lab gpus busy, without --details") << kLab + u"scontrol-show-node__gpus-busy.txt"_qs << 1
                                                      << u"vm:ALLOCATED:cpu,gpu:2/0/0:"_qs << u"2/0/0"_qs;
    QTest::newRow("lab one gpu busy, --details") << kLab + u"scontrol-details-show-node__one-gpu-busy.txt"_qs
                                                 << 1 << u"vm:MIXED:cpu,gpu:2/1/1:"_qs << u"2/1/1"_qs;
}

void TestScontrol::nodes()
{
    QFETCH(QString, path);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(QString, totals);
    const QString text = readFixture(path);
    QVERIFY(!text.isNull());
    const auto parsed = parseScontrolNodes(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().size(), count);
    QCOMPARE(nodeText(parsed.value().first()), first);
    qint64 gpus = 0, allocated = 0, free = 0;
    for (const NodeDetails &node : parsed.value()) {
        gpus += node.gpus();
        allocated += node.gpusAllocated();
        free += node.freeGpus();
    }
    QCOMPARE(QStringLiteral("%1/%2/%3").arg(gpus).arg(allocated).arg(free), totals);
}

void TestScontrol::partitions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<qint64>("gpus"); // over all partitions
    QTest::newRow("corpus osc owens (-o)")
        << u"corpus/scontrol-show-part-o__osc-owens.txt"_qs << 14
        << u"batch:default:-:INACTIVE:604800:3600:-:154"_qs << qint64(1078);
    QTest::newRow("corpus osc tres null (-o)") << u"corpus/scontrol-show-part-o__osc__tres-null.txt"_qs << 1
                                               << u"dynamic:-:-:UP:U:-:-:0"_qs << qint64(0);
    QTest::newRow("corpus csc puhti (multi-line, hidden)")
        << u"corpus/scontrol-show-partition-all__csc-puhti.txt"_qs << 15 << u"All:-:hidden:UP:U:-:-:0"_qs
        << qint64(0);
    QTest::newRow("lab") << kLab + u"scontrol-show-partition.txt"_qs << 2
                         << u"cpu:default:-:UP:172800:3600:-:0"_qs << qint64(0);
}

void TestScontrol::partitions()
{
    QFETCH(QString, path);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(qint64, gpus);
    const QString text = readFixture(path);
    QVERIFY(!text.isNull());
    const auto parsed = parseScontrolPartitions(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().size(), count);
    QCOMPARE(partitionText(parsed.value().first()), first);
    qint64 total = 0;
    for (const PartitionDetails &p : parsed.value())
        total += p.gpus();
    QCOMPARE(total, gpus);
}

void TestScontrol::malformed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    const QString job = readFixture(kLab + u"scontrol-show-job__running.txt"_qs);
    auto row = [](const char *name, const char *kind, const QString &text) {
        QTest::newRow(name) << QString::fromLatin1(kind) << text;
    };
    row("lab: invalid job id (the error text)", "job",
        readFixture(kLab + u"scontrol-show-job__invalid-job-id.txt"_qs));
    row("prose", "job", u"Welcome to the cluster!\n"_qs);
    row("text before the first record", "job", u"hello\n"_qs + job);
    row("another record kind", "job", readFixture(kLab + u"scontrol-show-node__idle.txt"_qs));
    row("truncated inside a key", "job", job.left(job.indexOf(u"UserId"_qs) + 3));
    row("NUL byte", "job", job + u"\u0000"_qs);
    row("invalid UTF-8", "job", QString::fromUtf8(job.toUtf8() + QByteArray("\xc3\x28 x=1\n")));
    row("binary garbage", "job",
        QString::fromLatin1(QByteArray("\x7f"
                                       "ELF\x02\x01\x01\x00",
                                       8)));
    row("job id not a number", "job", u"JobId=abc JobName=x\n"_qs);
    row("node without a name", "node", u"NodeName= Arch=x86_64\n"_qs);
    row("partition without a name", "partition", u"PartitionName= State=UP\n"_qs);
    row("gres garbage", "node", u"NodeName=n1 Gres=gpu:a:b:2\n"_qs);
}

void TestScontrol::malformed()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QVERIFY(!text.isNull());
    onramp::Error error;
    bool failed = false;
    if (kind == u"job") {
        const auto parsed = parseScontrolJobs(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    } else if (kind == u"node") {
        const auto parsed = parseScontrolNodes(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    } else {
        const auto parsed = parseScontrolPartitions(text);
        failed = !parsed.ok();
        if (failed)
            error = parsed.error();
    }
    QVERIFY2(failed, "accepted");
    QCOMPARE(error.kind, ErrorKind::UnexpectedOutput);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestScontrol)
#include "tst_scontrol.moc"
