#pragma once

#include "setup/guided/setupengine.h"
#include "ui/theme.h"

#include <QFrame>
#include <QPointer>
#include <QTableWidget>

class QLabel;
class QPushButton;

namespace onramp {
namespace ui {

class DiagnosisView;

// conda's `Proceed ([y]/n)?`, informed: the plan of a dry run as a table (the pytorch row stands out),
// the Python and PyTorch it brings (CPU or CUDA, and which CUDA), the download against the free space,
// Onramp's checks, and why a plan is blocked. Approve, Edit or Cancel.
class PlanReviewView : public QFrame {
    Q_OBJECT
public:
    explicit PlanReviewView(QWidget *parent = nullptr);

    void setReview(const setup::guided::PlanReview &review);
    const setup::guided::PlanReview &review() const { return m_review; }
    // Whether the engine waits for an answer (Approve and Cancel need one; Edit always works).
    void setAnswerable(bool answerable);
    bool isBlocked() const { return m_review.verdict.blocked; }

    QTableWidget *table() const { return m_table; }
    // Why a blocked plan is blocked (hidden otherwise).
    QWidget *blockedView() const;
    // The table's row of the pytorch package, or -1.
    int torchRow() const { return m_torchRow; }

Q_SIGNALS:
    void approveRequested();
    void editRequested();
    void cancelRequested();

private:
    void applyTheme();
    void showReview();

    setup::guided::PlanReview m_review;
    PaletteFollower *m_theme = nullptr;
    QPointer<QLabel> m_heading;
    QPointer<QLabel> m_python;
    QPointer<QLabel> m_torch;
    QPointer<QLabel> m_channels;
    QPointer<QLabel> m_download;
    QPointer<QLabel> m_checks;
    QPointer<DiagnosisView> m_blocked;
    QPointer<QTableWidget> m_table;
    QPointer<QLabel> m_question;
    QPointer<QPushButton> m_approve;
    QPointer<QPushButton> m_edit;
    QPointer<QPushButton> m_cancel;
    int m_torchRow = -1;
    bool m_answerable = false;
    bool m_hasReview = false;
};

} // namespace ui
} // namespace onramp
