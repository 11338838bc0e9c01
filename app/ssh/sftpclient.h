#pragma once

#include "remote/transport.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

namespace onramp::ssh {

// Small-file SFTP on the shared session (logs, scripts, configuration). libssh's SFTP calls block,
// so each operation switches the session to blocking mode for its duration, bounded by the
// session's timeout, and back; the files are small, so the other channels wait milliseconds.
// The SFTP channel opens on first use and stays open for the session's lifetime.
class SftpClient {
public:
    explicit SftpClient(ssh_session session);
    ~SftpClient();
    SftpClient(const SftpClient &) = delete;
    SftpClient &operator=(const SftpClient &) = delete;

    remote::FileResult read(const QString &path, qint64 maxBytes);
    // Writes a temporary file next to `path` and renames it over the original, so a full disk or
    // a dropped connection never leaves a half-written file behind.
    remote::FileResult write(const QString &path, const QByteArray &data, uint permissions);
    remote::FileResult stat(const QString &path);

private:
    bool ensureOpen(remote::FileResult &result);
    Error failure(const QString &message, const QString &path) const;

    ssh_session m_session;
    sftp_session m_sftp = nullptr;
};

} // namespace onramp::ssh
