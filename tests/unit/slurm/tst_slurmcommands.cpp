#include "cluster/slurm/slurmcommands.h"
#include "cluster/slurm/slurmvalidate.h"

#include <QProcess>
#include <QTest>

#include <functional>

using namespace onramp::cluster;
using onramp::ErrorKind;
using onramp::Result;

Q_DECLARE_METATYPE(std::function<Result<QString>()>)

using Builder = std::function<Result<QString>()>;

namespace {

// What `$ printf '[%s]' ...` makes of a command line, with every Slurm command replaced by a shell
// function that prints its words: the words /bin/sh really passes, and nothing else runs.
QString wordsThroughShell(const QString &commandLine)
{
    const QString stubs
        = QStringLiteral("for c in sinfo squeue scontrol scancel srun salloc sbatch hostname; do "
                         "eval \"$c() { printf '<%s>' $c; printf '[%s]' \\\"\\$@\\\"; }\"; done; ");
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), stubs + commandLine});
    if (!sh.waitForFinished(5000))
        return QStringLiteral("<timeout>");
    return QString::fromUtf8(sh.readAllStandardOutput());
}

QString bracketed(const QStringList &words)
{
    QString out = QLatin1Char('<') + words.first() + QLatin1Char('>');
    for (const QString &word : words.mid(1))
        out += QLatin1Char('[') + word + QLatin1Char(']');
    return out;
}

// Values that must never reach a command line: shell syntax of every kind.
const QStringList kHostile {
    u"gpu;reboot"_qs, u"$(touch /tmp/onramp-slurm-pwned)"_qs,
    u"`id`"_qs,       u"a b"_qs,
    u"a|b"_qs,        u"a&&b"_qs,
    u"a>/tmp/x"_qs,   u"it's"_qs,
    u"\"q\""_qs,      u"line1\nline2"_qs,
    u"*"_qs,          u"~root"_qs,
    u"-rf"_qs,        u"--partition=x"_qs,
    u"a\\b"_qs,       u"\t"_qs,
    u"环境"_qs,       u"a\u0000b"_qs,
};

} // namespace

class TestSlurmCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validators_data();
    void validators();
    void checkMessages();
    void builds_data();
    void builds();
    void rejects_data();
    void rejects();
    void hostileValuesRejected_data();
    void hostileValuesRejected();
    void wordsSurviveARealShell_data();
    void wordsSurviveARealShell();
};

void TestSlurmCommands::validators_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    auto row = [](const char *name, const char *kind, const QString &value, bool valid) {
        QTest::newRow(name) << QString::fromLatin1(kind) << value << valid;
    };
    row("partition plain", "partition", u"gpu"_qs, true);
    row("partition dots and dashes", "partition", u"gpu-a100.long_q"_qs, true);
    row("partition digits", "partition", u"2080ti"_qs, true);
    row("partition empty", "partition", QString(), false);
    row("partition leading dash", "partition", u"-gpu"_qs, false);
    row("partition leading dot", "partition", u".gpu"_qs, false);
    row("partition with star", "partition", u"gpu*"_qs, false);
    row("partition comma", "partition", u"gpu,cpu"_qs, false);
    row("partition 64 chars", "partition", QString(64, u'p'), true);
    row("partition 65 chars", "partition", QString(65, u'p'), false);
    row("job id", "jobid", u"123"_qs, true);
    row("job id array task", "jobid", u"123_4"_qs, true);
    row("job id array range", "jobid", u"1080_[5-1024]"_qs, true);
    row("job id array list", "jobid", u"1080_[1,3,5-7]"_qs, true);
    row("job id het component", "jobid", u"93+1"_qs, true);
    row("job id largest", "jobid", u"4294967293"_qs, true);
    row("job id NO_VAL", "jobid", u"4294967294"_qs, false);
    row("job id zero", "jobid", u"0"_qs, false);
    row("job id too long", "jobid", u"12345678901"_qs, false);
    row("job id step", "jobid", u"123.0"_qs, false);
    row("job id negative", "jobid", u"-1"_qs, false);
    row("job id empty", "jobid", QString(), false);
    row("job id spaces", "jobid", u" 123"_qs, false);
    row("job id throttle", "jobid", u"1080_[5-10%2]"_qs, false);
    row("job id unicode digits", "jobid", u"١٢٣"_qs, false);
    row("time minutes", "time", u"30"_qs, true);
    row("time M:S", "time", u"90:30"_qs, true);
    row("time H:M:S", "time", u"02:00:00"_qs, true);
    row("time D-H", "time", u"1-12"_qs, true);
    row("time D-H:M", "time", u"1-12:30"_qs, true);
    row("time D-H:M:S", "time", u"2-00:00:00"_qs, true);
    row("time zero", "time", u"00:00:00"_qs, false);
    row("time minutes 60", "time", u"1:60:00"_qs, false);
    row("time hours 24 with days", "time", u"1-24:00:00"_qs, false);
    row("time 366 days", "time", u"366-00:00:00"_qs, false);
    row("time unit", "time", u"1h"_qs, false);
    row("time UNLIMITED", "time", u"UNLIMITED"_qs, false);
    row("time empty", "time", QString(), false);
    row("time trailing colon", "time", u"10:"_qs, false);
    row("gres type", "gpuType", u"a100"_qs, true);
    row("gres type underscore", "gpuType", u"v100_32g"_qs, true);
    row("gres type colon", "gpuType", u"a100:2"_qs, false);
    row("job name", "jobName", u"onramp-verify"_qs, true);
    row("job name plus", "jobName", u"run+1.2"_qs, true);
    row("job name space", "jobName", u"my job"_qs, false);
    row("job name pipe", "jobName", u"a|b"_qs, false);
    row("job name 65 chars", "jobName", QString(65, u'j'), false);
    row("user", "user", u"student"_qs, true);
    row("user numeric", "user", u"p2009102"_qs, true);
    row("user dollar", "user", u"$USER"_qs, false);
    row("node", "node", u"vm"_qs, true);
    row("node list", "node", u"gpu[01-04,07],r01c01"_qs, true);
    row("node bracket only", "node", u"[01-02]"_qs, false);
    row("node open bracket", "node", u"gpu[01"_qs, false);
}

void TestSlurmCommands::validators()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    bool got = false;
    onramp::Status status = onramp::success();
    if (kind == u"partition") {
        got = isValidPartitionName(value);
        status = checkPartitionName(value);
    } else if (kind == u"jobid") {
        got = isValidJobId(value);
        status = checkJobId(value);
    } else if (kind == u"time") {
        got = isValidTimeLimit(value);
        status = checkTimeLimit(value);
    } else if (kind == u"gpuType") {
        got = isValidGresType(value);
        status = checkGresType(value);
    } else if (kind == u"jobName") {
        got = isValidJobName(value);
        status = checkJobName(value);
    } else if (kind == u"user") {
        got = isValidUserName(value);
        status = checkUserName(value);
    } else if (kind == u"node") {
        got = isValidNodeList(value);
        status = checkNodeList(value);
    } else {
        QFAIL("unknown validator");
    }
    QCOMPARE(got, valid);
    QCOMPARE(status.ok(), valid);
    if (!valid) {
        QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
        QVERIFY(status.error().message.contains(value));
    }
}

void TestSlurmCommands::checkMessages()
{
    QVERIFY(isValidGpuCount(1));
    QVERIFY(isValidGpuCount(64));
    QVERIFY(!isValidGpuCount(0));
    QVERIFY(!isValidGpuCount(65));
    QVERIFY(!isValidGpuCount(-1));
    const auto status = checkGpuCount(65);
    QVERIFY(!status.ok());
    QVERIFY(status.error().message.contains(u"65"_qs));
}

// The exact command lines (tests/fixtures/slurm/capture-lab runs the same ones against the lab).
void TestSlurmCommands::builds_data()
{
    QTest::addColumn<Builder>("build");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, Builder build, const char *expected) {
        QTest::newRow(name) << build << QString::fromUtf8(expected);
    };
    row(
        "sinfo partitions", [] { return Result<QString>(sinfoPartitionsCommand()); },
        "sinfo --noheader "
        "'--Format=Partition:|,Available:|,Time:|,Nodes:|,StateLong:|,Gres:|,GresUsed:|,NodeList:|'");
    row(
        "sinfo partitions with header", [] { return Result<QString>(sinfoPartitionsCommand(true)); },
        "sinfo '--Format=Partition:|,Available:|,Time:|,Nodes:|,StateLong:|,Gres:|,GresUsed:|,NodeList:|'");
    row(
        "sinfo nodes", [] { return Result<QString>(sinfoNodesCommand()); },
        "sinfo --noheader --Node "
        "'--Format=NodeList:|,Partition:|,StateLong:|,Gres:|,GresUsed:|,CPUsState:|,Memory:|,AllocMem:|,"
        "Reason:|'");
    row(
        "identify", [] { return Result<QString>(identifyCommand()); },
        "hostname; sinfo "
        "'--Format=Partition:|,Available:|,Time:|,Nodes:|,StateLong:|,Gres:|,GresUsed:|,NodeList:|'");
    row(
        "squeue --me", [] { return squeueCommand(); },
        "squeue --me --noheader "
        "'--Format=JobID:|,Partition:|,State:|,TimeUsed:|,TimeLimit:|,NumNodes:|,NodeList:|,Reason:|,"
        "tres-per-node:|,StartTime:|,SubmitTime:|,UserName:|,Name:|'");
    row(
        "squeue user, all states",
        [] {
            return squeueCommand({u"p2009102"_qs, true});
        },
        "squeue --user=p2009102 --noheader --states=all "
        "'--Format=JobID:|,Partition:|,State:|,TimeUsed:|,TimeLimit:|,NumNodes:|,NodeList:|,Reason:|,"
        "tres-per-node:|,StartTime:|,SubmitTime:|,UserName:|,Name:|'");
    row(
        "scontrol show job", [] { return scontrolShowJobCommand(u"88"_qs); }, "scontrol show job 88");
    row(
        "scancel", [] { return scancelCommand(u"88"_qs); }, "scancel 88");
    row(
        "scancel array task", [] { return scancelCommand(u"1080_5"_qs); }, "scancel 1080_5");
    row(
        "scancel array range", [] { return scancelCommand(u"1080_[5-1024]"_qs); }, "scancel '1080_[5-1024]'");
    row(
        "scancel het", [] { return scancelCommand(u"93+1"_qs); }, "scancel 93+1");
    row(
        "interactive shell, defaults", [] { return interactiveShellCommand({}); }, "srun --pty bash -i");
    row(
        "interactive shell, one GPU",
        [] {
            return interactiveShellCommand({u"gpu"_qs, 1, {}, u"01:00:00"_qs, u"onramp-shell"_qs, 0});
        },
        "srun --partition=gpu --gres=gpu:1 --time=01:00:00 --job-name=onramp-shell --pty bash -i");
    row(
        "interactive shell, typed GPUs",
        [] {
            return interactiveShellCommand({u"gpu"_qs, 2, u"a100"_qs, u"1-00:00:00"_qs, {}, 30});
        },
        "srun --partition=gpu --gres=gpu:a100:2 --time=1-00:00:00 --immediate=30 --pty bash -i");
    row(
        "salloc --no-shell",
        [] {
            return sallocCommand({u"gpu"_qs, 1, {}, u"00:05:00"_qs, u"onramp-steps"_qs, 0});
        },
        "salloc --no-shell --partition=gpu --gres=gpu:1 --time=00:05:00 --job-name=onramp-steps");
    row(
        "salloc defaults", [] { return sallocCommand({}); }, "salloc --no-shell");
    row(
        "srun plain", [] { return srunCommand({}, {u"hostname"_qs}); }, "srun -- hostname");
    row(
        "srun gpu check",
        [] {
            return srunCommand({u"gpu"_qs, 1, {}, u"00:10:00"_qs, {}, 0},
                               {u"bash"_qs, u"-c"_qs, u"echo $CUDA_VISIBLE_DEVICES"_qs});
        },
        "srun --partition=gpu --gres=gpu:1 --time=00:10:00 -- bash -c 'echo $CUDA_VISIBLE_DEVICES'");
    row(
        "step in allocation",
        [] {
            return stepCommand({u"100"_qs, {}, {u"nvidia-smi"_qs, u"--query-gpu=name"_qs}, false});
        },
        "srun --jobid=100 --overlap --nodes=1 --ntasks=1 -- nvidia-smi --query-gpu=name");
    row(
        "step on a node with a pty",
        [] {
            return stepCommand({u"100"_qs, u"gpu01"_qs, {u"bash"_qs, u"-i"_qs}, true});
        },
        "srun --jobid=100 --overlap --nodes=1 --ntasks=1 --nodelist=gpu01 --pty -- bash -i");
}

void TestSlurmCommands::builds()
{
    QFETCH(Builder, build);
    QFETCH(QString, expected);
    const Result<QString> command = build();
    QVERIFY2(command.ok(), qPrintable(command.ok() ? QString() : command.error().message));
    QCOMPARE(command.value(), expected);
}

void TestSlurmCommands::rejects_data()
{
    QTest::addColumn<Builder>("build");
    auto row = [](const char *name, Builder build) { QTest::newRow(name) << build; };
    row("negative gpus", [] { return interactiveShellCommand({{}, -1, {}, {}, {}, 0}); });
    row("65 gpus", [] { return sallocCommand({{}, 65, {}, {}, {}, 0}); });
    row("gpu type without count", [] { return sallocCommand({{}, 0, u"a100"_qs, {}, {}, 0}); });
    row("bad time", [] { return srunCommand({{}, 0, {}, u"1h"_qs, {}, 0}, {u"id"_qs}); });
    row("negative immediate", [] { return sallocCommand({{}, 0, {}, {}, {}, -1}); });
    row("no command", [] { return srunCommand({}, {}); });
    row("empty program", [] { return srunCommand({}, {QString()}); });
    row("step without command", [] { return stepCommand({u"100"_qs, {}, {}, false}); });
    row("step without job", [] { return stepCommand({QString(), {}, {u"id"_qs}, false}); });
    row("scancel nothing", [] { return scancelCommand(QString()); });
    row("scontrol nothing", [] { return scontrolShowJobCommand(QString()); });
}

void TestSlurmCommands::rejects()
{
    QFETCH(Builder, build);
    const Result<QString> command = build();
    QVERIFY(!command.ok());
    QCOMPARE(command.error().kind, ErrorKind::InvalidInput);
    QVERIFY(!command.error().message.isEmpty());
}

// Every field that takes a name refuses every piece of shell syntax (quoting would make it safe,
// but a partition called "gpu;reboot" is a mistake to report, not a word to send).
void TestSlurmCommands::hostileValuesRejected_data()
{
    QTest::addColumn<Builder>("build");
    for (const QString &bad : kHostile) {
        const QByteArray tag = bad.toUtf8().toPercentEncoding();
        auto row = [&](const char *field, Builder build) {
            QTest::newRow(QByteArray(field + QByteArray(": ") + tag).constData()) << build;
        };
        row("partition", [bad] { return interactiveShellCommand({bad, 0, {}, {}, {}, 0}); });
        row("gpu type", [bad] { return sallocCommand({{}, 1, bad, {}, {}, 0}); });
        row("time", [bad] { return srunCommand({{}, 0, {}, bad, {}, 0}, {u"id"_qs}); });
        row("job name", [bad] { return sallocCommand({{}, 0, {}, {}, bad, 0}); });
        row("scancel job id", [bad] { return scancelCommand(bad); });
        row("scontrol job id", [bad] { return scontrolShowJobCommand(bad); });
        row("step job id", [bad] { return stepCommand({bad, {}, {u"id"_qs}, false}); });
        row("step node", [bad] { return stepCommand({u"1"_qs, bad, {u"id"_qs}, false}); });
        row("scontrol node", [bad] { return scontrolShowNodeCommand(bad); });
        row("squeue user", [bad] { return squeueCommand({bad, false}); });
    }
}

void TestSlurmCommands::hostileValuesRejected()
{
    QFETCH(Builder, build);
    const Result<QString> command = build();
    QVERIFY2(!command.ok(), qPrintable(command.ok() ? command.value() : QString()));
    QCOMPARE(command.error().kind, ErrorKind::InvalidInput);
}

// The command words are free (the program runs on the compute node): /bin/sh must hand them over
// exactly, one word each, and run nothing of them.
void TestSlurmCommands::wordsSurviveARealShell_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");
    for (const QString &word : kHostile) {
        if (word.contains(QChar(0)))
            continue; // a C string cannot carry NUL; shellQuote's own test covers the rest
        const QByteArray tag = word.toUtf8().toPercentEncoding();
        const auto srun = srunCommand({u"gpu"_qs, 1, {}, u"00:10:00"_qs, {}, 0}, {u"printf"_qs, word, word});
        QTest::newRow(QByteArray("srun: " + tag).constData())
            << srun.value() << QStringList {u"srun"_qs,
                                            u"--partition=gpu"_qs,
                                            u"--gres=gpu:1"_qs,
                                            u"--time=00:10:00"_qs,
                                            u"--"_qs,
                                            u"printf"_qs,
                                            word,
                                            word};
        const auto step = stepCommand({u"100"_qs, u"gpu[01-02]"_qs, {u"bash"_qs, u"-c"_qs, word}, false});
        QTest::newRow(QByteArray("step: " + tag).constData())
            << step.value() << QStringList {u"srun"_qs,       u"--jobid=100"_qs,
                                            u"--overlap"_qs,  u"--nodes=1"_qs,
                                            u"--ntasks=1"_qs, u"--nodelist=gpu[01-02]"_qs,
                                            u"--"_qs,         u"bash"_qs,
                                            u"-c"_qs,         word};
    }
    QTest::newRow("squeue format")
        << squeueCommand().value()
        << QStringList {u"squeue"_qs, u"--me"_qs, u"--noheader"_qs,
                        u"--Format=JobID:|,Partition:|,State:|,TimeUsed:|,TimeLimit:|,NumNodes:|,NodeList:|,"
                        "Reason:|,tres-per-node:|,StartTime:|,SubmitTime:|,UserName:|,Name:|"_qs};
    QTest::newRow("sinfo nodes format")
        << sinfoNodesCommand()
        << QStringList {u"sinfo"_qs, u"--noheader"_qs, u"--Node"_qs,
                        u"--Format=NodeList:|,Partition:|,StateLong:|,Gres:|,GresUsed:|,CPUsState:|,Memory:|,"
                        "AllocMem:|,Reason:|"_qs};
    QTest::newRow("scancel array range")
        << scancelCommand(u"1080_[5-1024]"_qs).value() << QStringList {u"scancel"_qs, u"1080_[5-1024]"_qs};
    QTest::newRow("interactive shell")
        << interactiveShellCommand({u"gpu"_qs, 2, u"a100"_qs, u"1-00:00:00"_qs, u"x+y"_qs, 5}).value()
        << QStringList {u"srun"_qs,
                        u"--partition=gpu"_qs,
                        u"--gres=gpu:a100:2"_qs,
                        u"--time=1-00:00:00"_qs,
                        u"--job-name=x+y"_qs,
                        u"--immediate=5"_qs,
                        u"--pty"_qs,
                        u"bash"_qs,
                        u"-i"_qs};
}

void TestSlurmCommands::wordsSurviveARealShell()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    QFile::remove(u"/tmp/onramp-slurm-pwned"_qs);
    QCOMPARE(wordsThroughShell(commandLine), bracketed(words));
    QVERIFY(!QFile::exists(u"/tmp/onramp-slurm-pwned"_qs));
}

QTEST_GUILESS_MAIN(TestSlurmCommands)
#include "tst_slurmcommands.moc"
