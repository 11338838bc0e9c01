#include "cluster/slurmcommands.h"

#include <QTest>

using namespace onramp::cluster;

class TestSlurmCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void srun_data();
    void srun();
    void rejects_data();
    void rejects();
};

void TestSlurmCommands::srun_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("expected");
    QTest::newRow("guide's plain srun")
        << QString() << 0 << QString() << QStringList {u"hostname"_qs} << u"srun -- hostname"_qs;
    QTest::newRow("gpu check")
        << u"gpu"_qs << 1 << u"00:10:00"_qs
        << QStringList {u"bash"_qs, u"-c"_qs, u"echo $CUDA_VISIBLE_DEVICES"_qs}
        << u"srun --partition=gpu --gres=gpu:1 --time=00:10:00 -- bash -c 'echo $CUDA_VISIBLE_DEVICES'"_qs;
    QTest::newRow("days") << QString() << 2 << u"1-12:00:00"_qs << QStringList {u"nvidia-smi"_qs}
                          << u"srun --gres=gpu:2 --time=1-12:00:00 -- nvidia-smi"_qs;
}

void TestSlurmCommands::srun()
{
    QFETCH(QString, partition);
    QFETCH(int, gpus);
    QFETCH(QString, time);
    QFETCH(QStringList, command);
    QFETCH(QString, expected);
    const auto cmd = srunCommand({partition, gpus, time, command});
    QVERIFY2(cmd.ok(), qPrintable(cmd.ok() ? QString() : cmd.error().message));
    QCOMPARE(cmd.value(), expected);
}

void TestSlurmCommands::rejects_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QStringList>("command");
    QTest::newRow("injection in partition") << u"gpu;reboot"_qs << 0 << QString() << QStringList {u"id"_qs};
    QTest::newRow("space in partition") << u"g pu"_qs << 0 << QString() << QStringList {u"id"_qs};
    QTest::newRow("negative gpus") << QString() << -1 << QString() << QStringList {u"id"_qs};
    QTest::newRow("bad time") << QString() << 0 << u"1h"_qs << QStringList {u"id"_qs};
    QTest::newRow("no command") << QString() << 0 << QString() << QStringList {};
}

void TestSlurmCommands::rejects()
{
    QFETCH(QString, partition);
    QFETCH(int, gpus);
    QFETCH(QString, time);
    QFETCH(QStringList, command);
    const auto cmd = srunCommand({partition, gpus, time, command});
    QVERIFY(!cmd.ok());
    QCOMPARE(cmd.error().kind, onramp::ErrorKind::InvalidInput);
    QVERIFY(!cmd.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSlurmCommands)
#include "tst_slurmcommands.moc"
