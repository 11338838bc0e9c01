// The guided setup page in the main window against the lab, clicked through as a person would: the
// pages before connecting (steps, illustrative cards, options, keyboard), a CPU-only plan blocked with
// its explanation, the whole flow to a verified environment (plan table, Approve, nvidia-smi's table
// and device_count() == 1 on the card), then a second run that reuses instead of installing.
#include "ssh/sshtransport.h"
#include "support/labenv.h"
#include "support/uitest.h"
#include "ui/connectionform.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/setup/diagnosisview.h"
#include "ui/setup/planreviewview.h"
#include "ui/setup/setuppage.h"
#include "ui/setup/setupstepmodel.h"
#include "ui/setup/setupsteppage.h"
#include "ui/setup/terminalcard.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace onramp;
using onramp::testing::LabEnv;
using setup::guided::SetupResult;
using setup::guided::StepId;
using setup::guided::StepState;
using ui::MainWindow;
using ui::SetupPage;

using onramp::testing::child;
using onramp::testing::clickConnect;
using onramp::testing::fillConnectionForm;

namespace {

constexpr int kConnectMs = 20000;
// Well under QtTest's 300 s per test function, so a wait that fails says where.
constexpr int kSetupMs = 120000;
// Not the guide's "cola" (people use it on the shared lab), nor the CLI tests' environment.
const QString kEnv = QStringLiteral("zz_onramp_ui_test");

StepState stateOf(SetupPage *page, StepId step)
{
    auto *list = child<QListView>(page, "setupSteps");
    const QModelIndex index = list->model()->index(int(setup::guided::allSteps().indexOf(step)), 0);
    return StepState(index.data(ui::SetupStepModel::StateRole).toInt());
}

} // namespace

class TestSetupPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void pagesBeforeConnecting();
    void aCpuPlanIsBlocked();
    void aFullDiskIsDiagnosedWithAFix();
    void closingTheWindowWhileItRuns();
    void wholeFlowToAVerifiedEnv();
    void secondRunReuses();

private:
    // Shows the window, connects it to the lab and names the test environment (kEnv) on its setup page.
    void connectWindow(MainWindow &window);
    void remote(const QString &command, int *exitCode = nullptr);
    bool envExists();
    void knob(const QStringList &arguments);

    LabEnv m_lab;
    QTemporaryDir m_data;
};

void TestSetupPage::initTestCase()
{
    ONRAMP_REQUIRE_LAB(m_lab);
    QVERIFY(m_data.isValid());
    // The setup's journal and the run journal go here, not into the tester's own data folder.
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onramp-test-bus");
    remote(QStringLiteral(
               "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
               .arg(kEnv));
    QVERIFY(!envExists());
}

void TestSetupPage::cleanup()
{
    knob({QStringLiteral("unset"), QStringLiteral("conda.plan"), QStringLiteral("conda.fail")});
}

void TestSetupPage::cleanupTestCase()
{
    knob({QStringLiteral("unset"), QStringLiteral("conda.plan"), QStringLiteral("conda.fail")});
    remote(QStringLiteral(
               "~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/%1")
               .arg(kEnv));
}

void TestSetupPage::remote(const QString &command, int *exitCode)
{
    QProcess ssh;
    ssh.start(QStringLiteral("ssh"),
              {QStringLiteral("-F"), m_lab.value(QStringLiteral("ONRAMP_LAB_SSH_CONFIG")),
               QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("aha"), command});
    QVERIFY(ssh.waitForFinished(60000));
    if (exitCode)
        *exitCode = ssh.exitCode();
}

bool TestSetupPage::envExists()
{
    int code = -1;
    remote(QStringLiteral("test -e ~/miniconda3/envs/%1").arg(kEnv), &code);
    return code == 0;
}

void TestSetupPage::knob(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ONRAMP_SOURCE_DIR "/tests/lab/knob"), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

void TestSetupPage::connectWindow(MainWindow &window)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const remote::Endpoint e = m_lab.directEndpoint();
    fillConnectionForm(&window, e);
    clickConnect(&window);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), remote::ConnectionState::Connected, kConnectMs);
    auto *start = child<QPushButton>(window.setupPage(), "startSetupButton");
    QTRY_VERIFY(start->isEnabled());
    window.setupPage()->setEnvName(kEnv);
}

void TestSetupPage::pagesBeforeConnecting()
{
    MainWindow window({});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SetupPage *page = window.setupPage();
    QVERIFY(page);
    // The guided setup is the first tab, and the one shown.
    auto *tabs = window.contentTabs();
    QCOMPARE(tabs->widget(0), static_cast<QWidget *>(page));
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(page));

    auto *list = child<QListView>(page, "setupSteps");
    QCOMPARE(list->model()->rowCount(), 8);
    for (const StepId step : setup::guided::allSteps())
        QCOMPARE(stateOf(page, step), StepState::Pending);
    const QModelIndex first = list->model()->index(0, 0);
    QVERIFY(first.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("Step 1 of 8")));
    QVERIFY(!list->accessibleName().isEmpty());

    auto *start = child<QPushButton>(page, "startSetupButton");
    QVERIFY(!start->isEnabled()); // not connected
    QVERIFY(!child<QPushButton>(page, "cancelSetupButton")->isEnabled());

    // Keyboard: the arrow keys walk the steps, and the page follows.
    auto *stack = child<QStackedWidget>(page, "setupStack");
    list->setFocus();
    QCOMPARE(stack->currentIndex(), 0);
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(stack->currentIndex(), 2);
    QCOMPARE(page->currentPage()->step(), StepId::CreateEnv);

    // Before a step ran its card is the guide's example, with the options' values.
    ui::TerminalCard *card = page->page(StepId::ComputeNode)->card();
    QVERIFY(card->content().illustrative);
    QVERIFY2(card->text().contains(QLatin1String("srun --pty bash -i")), qPrintable(card->text()));
    auto *env = child<QLineEdit>(page, "envNameEdit");
    QCOMPARE(env->text(), QStringLiteral("cola"));
    env->setText(QStringLiteral("my_env"));
    QVERIFY(page->page(StepId::Activation)->card()->text().contains(QLatin1String("conda activate my_env")));
    QVERIFY(page->page(StepId::Verify)->card()->text().contains(QLatin1String("torch.cuda.device_count()")));

    // An invalid name is explained where it is typed.
    env->setText(QStringLiteral("my env"));
    QVERIFY(!page->optionsProblem().isEmpty());
    QVERIFY(child<QLabel>(page, "envNameProblem")->isVisible());
    env->setText(QStringLiteral("cola"));
    QVERIFY(page->optionsProblem().isEmpty());
    QVERIFY(!child<QLabel>(page, "envNameProblem")->isVisible());
    auto *extras = child<QLineEdit>(page, "extraPackagesEdit");
    QCOMPARE(extras->text(), QStringLiteral("matplotlib pillow numpy"));
    extras->setText(QStringLiteral("numpy; rm -rf"));
    QVERIFY(!page->optionsProblem().isEmpty());
}

void TestSetupPage::aCpuPlanIsBlocked()
{
    knob({QStringLiteral("set"), QStringLiteral("conda.plan=cpu")});
    MainWindow window([] { return ssh::createSshTransport(); });
    connectWindow(window);
    SetupPage *page = window.setupPage();
    QSignalSpy plans(page, &SetupPage::planShown);
    QSignalSpy finished(page, &SetupPage::finished);
    QTest::mouseClick(child<QPushButton>(page, "startSetupButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSetupMs);
    QCOMPARE(page->outcome()->result, SetupResult::Blocked);
    QCOMPARE(plans.count(), 1);

    // The plan is on step 5's page, blocked, and says why.
    QCOMPARE(page->currentPage()->step(), StepId::InstallTorch);
    QCOMPARE(stateOf(page, StepId::InstallTorch), StepState::Blocked);
    ui::PlanReviewView *review = page->planReview();
    QVERIFY(review->isVisible());
    QVERIFY(review->isBlocked());
    QVERIFY(!child<QPushButton>(review, "approvePlanButton")->isEnabled());
    QVERIFY(child<QPushButton>(review, "editPlanButton")->isEnabled());
    auto *blocked = child<ui::DiagnosisView>(review, "planBlocked");
    QVERIFY(blocked->isVisible());
    QVERIFY(blocked->details().contains(QLatin1String("CONDA_OVERRIDE_CUDA")));
    QVERIFY(child<QLabel>(review, "planTorch")->text().contains(QLatin1String("CPU")));
    QVERIFY(review->torchRow() >= 0);
    QVERIFY(review->table()->item(review->torchRow(), 2)->text().contains(QLatin1String("CPU")));
    auto *copy = child<QPushButton>(blocked, "copyDetailsButton");
    QTRY_VERIFY(!copy->visibleRegion().isEmpty()); // the page shows the explanation first
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("CONDA_OVERRIDE_CUDA")));

    // Edit goes back to the options, with the plan's packages to change; nothing was installed.
    auto *edit = child<QPushButton>(review, "editPlanButton");
    page->currentPage()->scrollTo(edit);
    QTRY_VERIFY(!edit->visibleRegion().isEmpty());
    QTest::mouseClick(edit, Qt::LeftButton);
    QCOMPARE(page->currentPage()->step(), StepId::InstallTorch);
    QVERIFY(!child<QLineEdit>(page, "torchSpecsEdit")->text().isEmpty());
    QCOMPARE(child<QPushButton>(page, "startSetupButton")->text(), SetupPage::tr("Resume"));
    QVERIFY(!envExists());
}

void TestSetupPage::aFullDiskIsDiagnosedWithAFix()
{
    knob({QStringLiteral("set"), QStringLiteral("conda.fail=no_space")});
    const auto removeEnv = qScopeGuard([this] {
        remote(QStringLiteral("~/miniconda3/bin/conda env remove -n %1 -y >/dev/null 2>&1; rm -rf "
                              "~/miniconda3/envs/%1")
                   .arg(kEnv));
    });
    MainWindow window([] { return ssh::createSshTransport(); });
    connectWindow(window);
    SetupPage *page = window.setupPage();
    QSignalSpy plans(page, &SetupPage::planShown);
    QSignalSpy finished(page, &SetupPage::finished);
    QTest::mouseClick(child<QPushButton>(page, "startSetupButton"), Qt::LeftButton);
    auto *approve = child<QPushButton>(page->planReview(), "approvePlanButton");
    QTRY_VERIFY_WITH_TIMEOUT(approve->isEnabled(), kSetupMs);
    QTRY_VERIFY(!approve->visibleRegion().isEmpty());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSetupMs);
    QCOMPARE(page->outcome()->result, SetupResult::Failed);

    // Step 5's page: why (conda's disk-full error explained), what to do, and a button that does it.
    QCOMPARE(page->currentPage()->step(), StepId::InstallTorch);
    QCOMPARE(stateOf(page, StepId::InstallTorch), StepState::Failed);
    ui::DiagnosisView *diagnosis = page->page(StepId::InstallTorch)->diagnosis();
    QVERIFY(diagnosis->isVisible());
    QStringList codes;
    for (const cluster::Diagnosis &d : diagnosis->diagnoses())
        codes << d.code;
    QVERIFY2(codes.contains(QStringLiteral("conda.disk.full")), qPrintable(codes.join(QLatin1Char(','))));
    QVERIFY(diagnosis->details().contains(QLatin1String("conda.disk.full")));
    QCOMPARE(child<QPushButton>(page, "startSetupButton")->text(), SetupPage::tr("Resume"));
    auto *clean = child<QPushButton>(diagnosis, "fix-conda.clean");
    QVERIFY(clean);
    QTRY_VERIFY(!clean->visibleRegion().isEmpty());

    // The fix: conda clean, then the plan again (the knob still fills the disk: it fails again).
    QTest::mouseClick(clean, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(plans.count(), 2, kSetupMs);
    QVERIFY(page->page(StepId::InstallTorch)->log()->text().contains(QLatin1String("clean --all --yes")));
    QTRY_VERIFY(!approve->visibleRegion().isEmpty());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kSetupMs);
    QCOMPARE(page->outcome()->result, SetupResult::Failed);
}

void TestSetupPage::closingTheWindowWhileItRuns()
{
    auto window = std::make_unique<MainWindow>([] { return ssh::createSshTransport(); });
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    connectWindow(*window);
    SetupPage *page = window->setupPage();
    page->setEnvName(kEnv);
    QTest::mouseClick(child<QPushButton>(page, "startSetupButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(page, StepId::ComputeNode), StepState::Running, kSetupMs);
    window.reset(); // engine, runs, journal and transport go down in order, without a crash
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // what was deleted later
    QVERIFY(!envExists());
}

void TestSetupPage::wholeFlowToAVerifiedEnv()
{
    MainWindow window([] { return ssh::createSshTransport(); });
    connectWindow(window);
    SetupPage *page = window.setupPage();
    QSignalSpy plans(page, &SetupPage::planShown);
    QSignalSpy finished(page, &SetupPage::finished);
    QTest::mouseClick(child<QPushButton>(page, "startSetupButton"), Qt::LeftButton);
    QVERIFY(child<QPushButton>(page, "cancelSetupButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "startSetupButton")->isEnabled());

    // Step 5's plan: a table with the pytorch row (a CUDA build), Python, the download.
    QTRY_VERIFY_WITH_TIMEOUT(plans.count() == 1 || !finished.isEmpty(), kSetupMs);
    QVERIFY2(finished.isEmpty(), qPrintable(page->outcome() ? page->outcome()->summary : QString()));
    QCOMPARE(page->currentPage()->step(), StepId::InstallTorch);
    QCOMPARE(stateOf(page, StepId::InstallTorch), StepState::WaitingForPerson);
    QCOMPARE(stateOf(page, StepId::Identify), StepState::Done);
    QCOMPARE(stateOf(page, StepId::ComputeNode), StepState::Done);
    QCOMPARE(stateOf(page, StepId::CreateEnv), StepState::Done);
    QCOMPARE(stateOf(page, StepId::Activation), StepState::Done);
    QCOMPARE(stateOf(page, StepId::Verify), StepState::Pending);
    ui::PlanReviewView *review = page->planReview();
    QVERIFY(review->isVisible());
    QVERIFY(!review->isBlocked());
    QVERIFY(review->table()->rowCount() > 0);
    QVERIFY(review->torchRow() >= 0);
    QCOMPARE(review->table()->item(review->torchRow(), 0)->text(), QStringLiteral("pytorch"));
    QVERIFY(review->table()->item(review->torchRow(), 2)->text().contains(QLatin1String("CUDA")));
    QVERIFY(!child<QLabel>(review, "planPython")->text().isEmpty());
    QVERIFY(child<QLabel>(review, "planTorch")->text().contains(QLatin1String("CUDA")));
    QVERIFY(!child<QLabel>(review, "planDownload")->text().isEmpty());
    // Step 1's card is the person's own session now: the login node, no example badge.
    ui::TerminalCard *identify = page->page(StepId::Identify)->card();
    QVERIFY(!identify->content().illustrative);
    QVERIFY(identify->text().contains(QLatin1String("conda ")));
    QVERIFY(!page->page(StepId::Identify)->log()->text().isEmpty());
    // Step 2's card shows the prompt on the compute node.
    QVERIFY2(page->page(StepId::ComputeNode)->card()->text().contains(QLatin1String("(base) ")),
             qPrintable(page->page(StepId::ComputeNode)->card()->text()));

    // Approve this plan and the extra packages' plans, as a person clicking "Approve" each time.
    auto *approve = child<QPushButton>(review, "approvePlanButton");
    while (finished.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || approve->isEnabled(), kSetupMs);
        if (!finished.isEmpty())
            break;
        // The page brought the plan's buttons into view: a real click reaches them.
        QTRY_VERIFY(!approve->visibleRegion().isEmpty());
        QTest::mouseClick(approve, Qt::LeftButton);
        QVERIFY(!approve->isEnabled());
    }
    QCOMPARE(page->outcome()->result, SetupResult::Succeeded);
    QVERIFY(plans.count() >= 1);

    // Every step done; the verification page with nvidia-smi's table and device_count() printing 1.
    for (const StepId step : setup::guided::allSteps())
        QVERIFY2(stateOf(page, step) == StepState::Done || stateOf(page, step) == StepState::Reused,
                 qPrintable(setup::guided::stepKey(step)));
    QCOMPARE(page->currentPage()->step(), StepId::Verify);
    ui::TerminalCard *verify = page->page(StepId::Verify)->card();
    QVERIFY(!verify->content().illustrative);
    const QString text = verify->text();
    QVERIFY2(text.contains(QLatin1String("NVIDIA-SMI")), qPrintable(text));
    const QStringList lines = text.split(QLatin1Char('\n'));
    const qsizetype probe = lines.indexOf(QStringLiteral(">>> torch.cuda.device_count()"));
    QVERIFY2(probe >= 0, qPrintable(text));
    QCOMPARE(lines.value(probe + 1), QStringLiteral("1"));
    QVERIFY(page->page(StepId::Verify)->log()->source().contains(QLatin1String("Slurm job")));
    QVERIFY(!page->page(StepId::InstallTorch)->log()->text().isEmpty());
    QVERIFY(!child<QPushButton>(page, "cancelSetupButton")->isEnabled());
    QCOMPARE(child<QPushButton>(page, "startSetupButton")->text(), SetupPage::tr("Run again"));
    QVERIFY(envExists());
}

void TestSetupPage::secondRunReuses()
{
    MainWindow window([] { return ssh::createSshTransport(); });
    connectWindow(window);
    SetupPage *page = window.setupPage();
    QSignalSpy plans(page, &SetupPage::planShown);
    QSignalSpy finished(page, &SetupPage::finished);
    QTest::mouseClick(child<QPushButton>(page, "startSetupButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSetupMs);
    QCOMPARE(page->outcome()->result, SetupResult::Succeeded);
    QCOMPARE(plans.count(), 0); // nothing to install: no plan to review
    QCOMPARE(stateOf(page, StepId::CreateEnv), StepState::Reused);
    QCOMPARE(stateOf(page, StepId::InstallTorch), StepState::Reused);
    QCOMPARE(stateOf(page, StepId::ExtraPackages), StepState::Reused);
    QCOMPARE(stateOf(page, StepId::Verify), StepState::Done);
    QCOMPARE(page->page(StepId::InstallTorch)->stateLabel()->text(),
             ui::SetupStepModel::stateText(StepState::Reused));
    QVERIFY(page->page(StepId::InstallTorch)->card()->text().contains(QLatin1String("already there")));
}

QTEST_MAIN(TestSetupPage)
#include "tst_setuppage.moc"
