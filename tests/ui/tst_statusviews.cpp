// The GPU dashboard and the jobs view in the main window, against the real lab over the real SSH
// transport, driven by objectName like a person: see that there is no allocation, start one with
// the form, watch its one GPU (values, history charts, a process once the GPU is busy), find it
// running in the jobs table, cancel it; a job that waits because other jobs hold the GPUs is
// explained in plain words.
#include "integration/tst_statuslab.h"

#include "cluster/slurm/slurmdiagnosis.h"
#include "setup/status/allocationstarter.h"
#include "setup/status/gpumonitor.h"
#include "setup/status/jobsmonitor.h"
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/uitest.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/setup/setuppage.h"
#include "ui/status/allocationform.h"
#include "ui/status/gpucard.h"
#include "ui/status/gpudashboard.h"
#include "ui/status/gpuhistorychart.h"
#include "ui/status/jobstablemodel.h"
#include "ui/status/jobsview.h"
#include "ui/status/meterbar.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace onramp;
using onramp::testing::LabEnv;
using onramp::testing::StatusLab;
using ui::MainWindow;

using onramp::testing::child;
using onramp::testing::clickConnect;
using onramp::testing::fillConnectionForm;

namespace {
constexpr int kConnectMs = 20000;
constexpr int kSlurmMs = 90000;

QString labelText(QObject *parent, const char *name)
{
    QLabel *label = child<QLabel>(parent, name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}
} // namespace

class TestStatusViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void beforeConnectingTheViewsSaySo();
    void startWatchAndCancelAnAllocation();
    void aWaitingJobIsExplainedAndCanBeCancelled();

private:
    // Connects the window to the lab by typing into the form and clicking Connect.
    void connectWindow(MainWindow &window);
    // Starts an allocation by filling `form` and clicking its button.
    void fillAndStart(ui::AllocationForm *form);
    void showAndExpose(MainWindow &window);

    LabEnv m_lab;
    std::unique_ptr<StatusLab> m_status;
};

void TestStatusViews::init()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    m_status = std::make_unique<StatusLab>(m_lab);
}

void TestStatusViews::cleanup()
{
    if (m_status)
        m_status->restore();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto leaked = QApplication::topLevelWidgets();
    for (QWidget *w : leaked)
        qWarning() << "leaked top-level widget:" << w;
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QStringLiteral("%1 top-level widget(s) leaked").arg(leaked.size())));
}

void TestStatusViews::showAndExpose(MainWindow &window)
{
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
}

void TestStatusViews::connectWindow(MainWindow &window)
{
    const remote::Endpoint e = m_lab.directEndpoint();
    fillConnectionForm(&window, e);
    clickConnect(&window);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Connected, kConnectMs);
}

void TestStatusViews::fillAndStart(ui::AllocationForm *form)
{
    QVERIFY(form);
    QTRY_VERIFY(form->isVisible());
    child<QComboBox>(form, "allocPartition")
        ->setCurrentText(m_lab.value(QStringLiteral("ONRAMP_LAB_GPU_PARTITION")));
    child<QSpinBox>(form, "allocGpus")->setValue(1);
    QLineEdit *time = child<QLineEdit>(form, "allocTime");
    time->clear();
    QTest::keyClicks(time, QStringLiteral("00:15:00"));
    QPushButton *start = child<QPushButton>(form, "startAllocationButton");
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
}

void TestStatusViews::beforeConnectingTheViewsSaySo()
{
    MainWindow window([] { return ssh::createSshTransport(); });
    showAndExpose(window);
    auto *tabs = child<QTabWidget>(&window, "contentTabs");
    QCOMPARE(tabs->count(), 5); // the guided setup (shown first), the GPUs, the jobs, checks, report
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.setupPage()));
    QVERIFY(window.showTab(QStringLiteral("gpus")));
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.gpuDashboard()));
    QCOMPARE(labelText(window.gpuDashboard(), "gpuEmptyTitle"),
             QStringLiteral("Connect to the cluster to see your GPUs."));
    QVERIFY(!child<QWidget>(window.gpuDashboard(), "gpuAllocationBox")->isVisible());
    QVERIFY(window.showTab(QStringLiteral("jobs")));
    QCOMPARE(labelText(window.jobsView(), "jobsEmptyTitle"),
             QStringLiteral("Your jobs appear here once Onramp is connected."));
    QCOMPARE(labelText(window.jobsView(), "jobsUpdated"), QStringLiteral("Not connected."));
    QVERIFY(!window.jobsMonitor()->isPolling());
    QVERIFY(!window.showTab(QStringLiteral("nonsense")));
}

void TestStatusViews::startWatchAndCancelAnAllocation()
{
    MainWindow window([] { return ssh::createSshTransport(); });
    showAndExpose(window);
    // The lab's student is shared with other people's tests: "no job" is shown for a user who
    // never has one, then the window goes back to the student.
    window.jobsMonitor()->setUser(QStringLiteral("nobody"));
    window.gpuMonitor()->setIntervalMs(500);
    connectWindow(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!window.jobsMonitor()->isPolling()); // the output tab is open: nobody is looking
    window.showTab(QStringLiteral("gpus"));
    QVERIFY(window.jobsMonitor()->isPolling());
    ui::GpuDashboard *dashboard = window.gpuDashboard();
    QTRY_COMPARE_WITH_TIMEOUT(labelText(dashboard, "gpuEmptyTitle"),
                              QStringLiteral("You have no running GPU allocation."), kSlurmMs);
    QVERIFY(window.statusViewSettled());
    QVERIFY(child<QWidget>(dashboard, "gpuAllocationBox")->isVisible());

    // Start one with the dashboard's form: salloc through the window's own session.
    setup::status::AllocationStarter *starter = window.allocationStarter();
    QSignalSpy finished(starter, &setup::status::AllocationStarter::finished);
    fillAndStart(dashboard->allocationForm());
    QTRY_VERIFY_WITH_TIMEOUT(!starter->jobId().isEmpty() || !finished.isEmpty(), kSlurmMs);
    const QString job = starter->jobId();
    m_status->remember(job);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kSlurmMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(starter->output()));
    QVERIFY(dashboard->allocationForm()->statusText().contains(job));

    // Back to the student: the dashboard looks into the new job (picked in the job selector).
    window.jobsMonitor()->setUser({});
    window.jobsMonitor()->pollNow();
    auto *combo = child<QComboBox>(dashboard, "gpuTargetCombo");
    QTRY_VERIFY_WITH_TIMEOUT(combo->findData(job) >= 0, kSlurmMs);
    combo->setCurrentIndex(combo->findData(job));
    QCOMPARE(window.gpuMonitor()->target().jobId, job);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->cards().size(), 1, kSlurmMs);
    ui::GpuCard *card = dashboard->cards().first();
    QTRY_VERIFY_WITH_TIMEOUT(labelText(card, "gpuTitle").contains(QLatin1String("NVIDIA H100")), kSlurmMs);
    QVERIFY(labelText(card, "gpuTitle").startsWith(QLatin1String("GPU 0")));
    QVERIFY(labelText(card, "gpuUtilization").endsWith(QLatin1String(" %")));
    QVERIFY2(labelText(card, "gpuMemory").contains(QLatin1String(" of ")),
             qPrintable(labelText(card, "gpuMemory")));
    QVERIFY(labelText(card, "gpuTemperature").endsWith(QStringLiteral("°C")));
    QVERIFY(labelText(card, "gpuPower").contains(QLatin1String(" W")));
    QVERIFY(card->memoryBar()->value().has_value());
    QVERIFY(!child<QWidget>(dashboard, "gpuProblem")->isVisible());

    // History: the charts grow a point per poll.
    const QString key = card->key();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->utilizationChart()->points(key).size() >= 3, kSlurmMs);
    QVERIFY(dashboard->memoryChart()->points(key).size() >= 3);
    for (const QPointF &p : dashboard->utilizationChart()->points(key))
        QVERIFY(p.x() >= 0 && p.x() <= 600 && p.y() >= 0 && p.y() <= 100);

    // A busy GPU: its process appears on the card.
    QVERIFY(m_status->knob({QStringLiteral("set"), QStringLiteral("gpu.busy=1")}));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(card, "gpuProcesses")->property("processCount").toInt() >= 1,
                             kSlurmMs);
    QVERIFY(labelText(card, "gpuProcesses").contains(QLatin1String("python")));
    QVERIFY(m_status->knob({QStringLiteral("unset"), QStringLiteral("gpu.busy")}));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(card, "gpuProcesses"),
                              QStringLiteral("No processes are using this GPU."), kSlurmMs);

    // The jobs view lists it as running, with a green badge, and cancels it after asking.
    window.showTab(QStringLiteral("jobs"));
    QVERIFY(!window.gpuMonitor()->isPolling()); // only the open view polls
    ui::JobsView *jobs = window.jobsView();
    ui::JobsTableModel *model = jobs->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(job) >= 0, kSlurmMs);
    const int row = model->rowOf(job);
    QCOMPARE(model->index(row, ui::JobsTableModel::StateColumn).data().toString(), QStringLiteral("Running"));
    QCOMPARE(model->index(row, ui::JobsTableModel::StateColumn).data(ui::JobsTableModel::ToneRole).toInt(),
             int(ui::Tone::Success));
    QCOMPARE(model->index(row, ui::JobsTableModel::PartitionColumn).data().toString(), QStringLiteral("gpu"));
    QCOMPARE(model->index(row, ui::JobsTableModel::NodesColumn).data().toString(),
             m_lab.value(QStringLiteral("ONRAMP_LAB_NODE")));
    jobs->table()->selectRow(row);
    QCOMPARE(
        labelText(jobs, "jobDetailTitle"),
        QStringLiteral("Job %1 is running on %2.").arg(job, m_lab.value(QStringLiteral("ONRAMP_LAB_NODE"))));

    QStringList asked;
    jobs->setCancelConfirmer(
        [&asked](const setup::status::JobEntry &entry, QWidget *, std::function<void(bool)> answer) {
            asked << entry.job.id;
            answer(true);
        });
    QPushButton *cancel = jobs->cancelButton(job);
    QVERIFY(cancel);
    QCOMPARE(cancel->objectName(), QStringLiteral("cancelJob_") + job);
    QTRY_VERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(asked, QStringList {job});
    QTRY_COMPARE_WITH_TIMEOUT(labelText(jobs, "jobsMessage"),
                              QStringLiteral("Job %1 was cancelled.").arg(job), kSlurmMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(job) < 0, kSlurmMs);
    const QString state = m_status->jobState(job);
    QVERIFY2(state.isEmpty() || state == QLatin1String("CANCELLED"), qPrintable(state));

    // Back on the GPU tab, the ended job is no longer the target.
    window.showTab(QStringLiteral("gpus"));
    QTRY_VERIFY_WITH_TIMEOUT(window.gpuMonitor()->target().jobId != job, kSlurmMs);
}

void TestStatusViews::aWaitingJobIsExplainedAndCanBeCancelled()
{
    MainWindow window([] { return ssh::createSshTransport(); });
    showAndExpose(window);
    window.jobsMonitor()->setUser(QStringLiteral("nobody"));
    window.jobsMonitor()->setIntervalMs(500);
    connectWindow(window);
    if (QTest::currentTestFailed())
        return;
    window.showTab(QStringLiteral("jobs"));
    ui::JobsView *jobs = window.jobsView();
    QTRY_COMPARE_WITH_TIMEOUT(labelText(jobs, "jobsEmptyTitle"),
                              QStringLiteral("You have no jobs on the cluster right now."), kSlurmMs);
    QVERIFY(window.statusViewSettled());

    // Ask for a GPU with the jobs view's form while other jobs hold them all: Slurm queues it.
    // Another job may end and free a GPU in between on this shared lab: then again.
    setup::status::AllocationStarter *starter = window.allocationStarter();
    QString job;
    for (int attempt = 0; attempt < 3 && job.isEmpty(); ++attempt) {
        QVERIFY(m_status->makeGpusBusy());
        fillAndStart(jobs->allocationForm());
        QTRY_VERIFY_WITH_TIMEOUT(!starter->jobId().isEmpty() || !starter->isRunning(), kSlurmMs);
        job = starter->jobId();
        m_status->remember(job);
        QVERIFY2(!job.isEmpty(), qPrintable(starter->output()));
        QTest::qWait(500);
        if (starter->stage() != setup::status::AllocationStarter::Stage::Pending) {
            qWarning() << "a GPU came free before job" << job << "was queued; trying again";
            m_status->slurm(QStringLiteral("scancel"), {job});
            QTRY_VERIFY_WITH_TIMEOUT(!starter->isRunning(), kSlurmMs);
            job.clear();
        }
    }
    QVERIFY(starter->isRunning());
    QCOMPARE(starter->stage(), setup::status::AllocationStarter::Stage::Pending);
    QTRY_VERIFY(jobs->allocationForm()->statusText().contains(job));
    QVERIFY(child<QPushButton>(jobs->allocationForm(), "abandonAllocationButton")->isVisible());

    window.jobsMonitor()->setUser({});
    ui::JobsTableModel *model = jobs->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(job) >= 0
                                 && model->jobs().at(model->rowOf(job)).job.reason
                                     == QLatin1String("Resources"),
                             kSlurmMs);
    const int row = model->rowOf(job);
    const std::optional<cluster::Diagnosis> expected = cluster::explainPendingReason(u"Resources");
    QVERIFY(expected);
    QCOMPARE(model->index(row, ui::JobsTableModel::StateColumn).data().toString(), QStringLiteral("Waiting"));
    QCOMPARE(model->index(row, ui::JobsTableModel::ReasonColumn).data().toString(),
             QStringLiteral("Resources — %1").arg(expected->summary));
    QCOMPARE(model->index(row, ui::JobsTableModel::ReasonColumn).data(Qt::ToolTipRole).toString(),
             expected->summary + QLatin1Char('\n') + expected->suggestion);
    QCOMPARE(model->index(row, ui::JobsTableModel::NodesColumn).data().toString(), QStringLiteral("—"));
    jobs->table()->selectRow(row);
    QCOMPARE(labelText(jobs, "jobDetailTitle"), QStringLiteral("Job %1: %2").arg(job, expected->summary));
    QCOMPARE(labelText(jobs, "jobExplanation"), expected->suggestion);

    // Cancel through the real question: "Keep it" keeps it, "Cancel job" cancels it.
    QPushButton *cancel = jobs->cancelButton(job);
    QVERIFY(cancel && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(jobs->confirmation() && jobs->confirmation()->isVisible());
    QTest::mouseClick(child<QPushButton>(jobs->confirmation(), "keepJobButton"), Qt::LeftButton);
    QTRY_VERIFY(!jobs->confirmation());
    QCOMPARE(m_status->jobState(job), QStringLiteral("PENDING"));

    QTest::mouseClick(jobs->cancelButton(job), Qt::LeftButton);
    QTRY_VERIFY(jobs->confirmation() && jobs->confirmation()->isVisible());
    QVERIFY(qobject_cast<QMessageBox *>(jobs->confirmation())->text().contains(job));
    QTest::mouseClick(child<QPushButton>(jobs->confirmation(), "confirmCancelButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(job) < 0, kSlurmMs);
    const QString state = m_status->jobState(job);
    QVERIFY2(state.isEmpty() || state == QLatin1String("CANCELLED"), qPrintable(state));
    // salloc saw its request revoked: the form says so and can be used again.
    QTRY_VERIFY_WITH_TIMEOUT(!starter->isRunning(), kSlurmMs);
    QTRY_VERIFY(child<QPushButton>(jobs->allocationForm(), "startAllocationButton")->isEnabled());
}

QTEST_MAIN(TestStatusViews)
#include "tst_statusviews.moc"
