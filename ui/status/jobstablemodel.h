#pragma once

#include "setup/status/jobsmonitor.h"
#include "ui/theme.h"

#include <QAbstractTableModel>
#include <QList>

namespace onramp {
namespace ui {

// The person's jobs as a table. Updates keep rows in place (matched by job id), so the selection
// and the per-row buttons survive a poll.
class JobsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        PartitionColumn,
        StateColumn,
        ElapsedColumn,
        NodesColumn,
        ReasonColumn,
        ActionColumn,
        ColumnCount
    };
    enum Role { ToneRole = Qt::UserRole + 1, JobIdRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setJobs(const QList<setup::status::JobEntry> &jobs);
    const QList<setup::status::JobEntry> &jobs() const { return m_jobs; }
    int rowOf(const QString &jobId) const;
    // The interface language changed: the views re-read the headers and the cells.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The colour a state is shown in: running green, waiting amber, failures red, the rest grey.
    static Tone toneOf(cluster::JobState state);
    // "Waiting: no GPU is free yet. Wait, or ask for fewer GPUs." for tooltips and the detail line.
    static QString explanationText(const setup::status::JobEntry &job);

private:
    QList<setup::status::JobEntry> m_jobs;
};

} // namespace ui
} // namespace onramp
