#pragma once

#include "cluster/diagnosis.h"
#include "setup/guided/setupengine.h"
#include "ui/theme.h"

#include <functional>

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace onramp {
namespace ui {

// What went wrong and what to do: a title, then each diagnosis (summary, suggestion, the tool's own
// words) and a "Copy details" button that puts all of it, with the command's output, on the clipboard
// for a message to the admins.
class DiagnosisView : public QFrame {
    Q_OBJECT
public:
    explicit DiagnosisView(QWidget *parent = nullptr);

    // tone: Error for failures and blocks, Neutral for notes (an explained .bashrc).
    void setDiagnoses(const QString &title, const cluster::Diagnoses &diagnoses, Tone tone = Tone::Error,
                      const QString &technicalDetail = {});
    // The same with a title of Onramp's own, rendered again when the interface language changes.
    void showDiagnoses(std::function<QString()> title, const cluster::Diagnoses &diagnoses,
                       Tone tone = Tone::Error, const QString &technicalDetail = {});
    void clear();
    // Buttons for what Onramp can do about it (clean conda's cache, another partition); none by default.
    void setFixes(const QList<setup::guided::SetupFix> &fixes);

    QString title() const;
    const cluster::Diagnoses &diagnoses() const { return m_diagnoses; }
    // Everything "Copy details" copies.
    QString details() const;

public Q_SLOTS:
    void copyDetails();

Q_SIGNALS:
    void fixRequested(const QString &id);

private:
    void applyTheme();
    void showItems();

    PaletteFollower *m_theme = nullptr;
    QPointer<QLabel> m_title;
    QPointer<QWidget> m_items;
    QPointer<QVBoxLayout> m_itemsLayout;
    QPointer<QPushButton> m_copy;
    QPointer<QWidget> m_fixes;
    cluster::Diagnoses m_diagnoses;
    QString m_detail;
    std::function<QString()> m_titleText;
    Tone m_tone = Tone::Error;
};

} // namespace ui
} // namespace onramp
