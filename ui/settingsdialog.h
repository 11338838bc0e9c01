#pragma once

#include "ui/appsettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace onramp {
namespace ui {

// The Settings dialog: how often the GPU and jobs views poll, the environment name and recipe
// the guided setup proposes, and the interface language (applied as soon as OK is pressed);
// "Show Welcome Page" opens the first-run page again. OK stays disabled while the environment name is one the
// setup would refuse, and the reason is shown under the field. The dialog only edits values: the caller saves
// and applies.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &initial, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The values as edited (the initial ones until the person changes something).
    AppSettings settings() const;

    QSpinBox *pollIntervalBox() const { return m_interval; }
    QLineEdit *envNameEdit() const { return m_envName; }
    QComboBox *recipeBox() const { return m_recipe; }
    QComboBox *languageBox() const { return m_language; }
    QLabel *envErrorLabel() const { return m_envError; }
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void welcomeRequested();

private:
    void validate();

    AppSettings m_initial;
    QSpinBox *m_interval = nullptr;
    QLineEdit *m_envName = nullptr;
    QLabel *m_envError = nullptr;
    QComboBox *m_recipe = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_welcome = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace ui
} // namespace onramp
