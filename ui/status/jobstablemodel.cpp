#include "ui/status/jobstablemodel.h"

#include "cluster/slurm/slurmvalues.h"

#include <QSet>

namespace onramp {
namespace ui {

using setup::status::JobEntry;

Tone JobsTableModel::toneOf(cluster::JobState state)
{
    using cluster::JobState;
    switch (state) {
    case JobState::Running:
    case JobState::Completing:
    case JobState::Configuring:
        return Tone::Success;
    case JobState::Pending:
    case JobState::Suspended:
    case JobState::Requeued:
    case JobState::RequeueHold:
    case JobState::Resizing:
    case JobState::Stopped:
        return Tone::Busy;
    case JobState::Failed:
    case JobState::Timeout:
    case JobState::NodeFail:
    case JobState::BootFail:
    case JobState::OutOfMemory:
    case JobState::Deadline:
    case JobState::Preempted:
        return Tone::Error;
    default:
        return Tone::Neutral;
    }
}

QString JobsTableModel::explanationText(const JobEntry &job)
{
    if (!job.explanation)
        return {};
    if (job.explanation->suggestion.isEmpty())
        return job.explanation->summary;
    return tr("%1\n%2").arg(job.explanation->summary, job.explanation->suggestion);
}

int JobsTableModel::rowOf(const QString &jobId) const
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).job.id == jobId)
            return row;
    }
    return -1;
}

void JobsTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

void JobsTableModel::setJobs(const QList<JobEntry> &jobs)
{
    QSet<QString> incoming;
    for (const JobEntry &job : jobs)
        incoming.insert(job.job.id);
    // Rows whose job is gone, from the bottom so the row numbers stay right.
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_jobs.at(row).job.id)) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    for (const JobEntry &job : jobs) {
        const int row = rowOf(job.job.id);
        if (row >= 0) {
            m_jobs[row] = job;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            const int at = int(m_jobs.size());
            beginInsertRows({}, at, at);
            m_jobs << job;
            endInsertRows();
        }
    }
}

int JobsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const JobEntry &entry = m_jobs.at(index.row());
    const cluster::Job &job = entry.job;
    if (role == JobIdRole)
        return job.id;
    if (role == ToneRole)
        return int(toneOf(job.state));
    if (role == Qt::ToolTipRole) {
        if (index.column() == ReasonColumn || index.column() == StateColumn)
            return explanationText(entry);
        if (index.column() == NameColumn)
            return job.name;
        if (index.column() == NodesColumn)
            return job.nodeList;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return job.id;
    case NameColumn:
        return job.name;
    case PartitionColumn:
        return job.partition;
    case StateColumn:
        return cluster::jobStateLabel(job.state);
    case ElapsedColumn:
        return cluster::formatSlurmDuration(job.elapsed);
    case NodesColumn:
        return job.nodeList.isEmpty() ? QStringLiteral("—") : job.nodeList;
    case ReasonColumn:
        if (job.reason.isEmpty())
            return QStringLiteral("—");
        return entry.explanation ? tr("%1 — %2").arg(job.reason, entry.explanation->summary) : job.reason;
    default:
        return {};
    }
}

QVariant JobsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Job");
    case NameColumn:
        return tr("Name");
    case PartitionColumn:
        return tr("Partition");
    case StateColumn:
        return tr("State");
    case ElapsedColumn:
        return tr("Elapsed");
    case NodesColumn:
        return tr("Nodes");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace ui
} // namespace onramp
