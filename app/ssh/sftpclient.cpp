#include "ssh/sftpclient.h"

#include "ssh/sshtr.h"

#include <fcntl.h>

namespace onramp::ssh {

namespace {

// Blocking mode for the lifetime of one SFTP operation.
class BlockingScope {
public:
    explicit BlockingScope(ssh_session session) : m_session(session), m_wasBlocking(ssh_is_blocking(session))
    {
        ssh_set_blocking(m_session, 1);
    }
    ~BlockingScope() { ssh_set_blocking(m_session, m_wasBlocking ? 1 : 0); }
    BlockingScope(const BlockingScope &) = delete;
    BlockingScope &operator=(const BlockingScope &) = delete;

private:
    ssh_session m_session;
    bool m_wasBlocking;
};

struct FileCloser {
    void operator()(sftp_file file) const { sftp_close(file); }
};
using FilePtr = std::unique_ptr<sftp_file_struct, FileCloser>;

struct AttributesDeleter {
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};
using AttributesPtr = std::unique_ptr<sftp_attributes_struct, AttributesDeleter>;

remote::RemoteFileInfo infoFrom(const QString &path, sftp_attributes attributes)
{
    remote::RemoteFileInfo info;
    info.path = path;
    info.size = static_cast<qint64>(attributes->size);
    info.permissions = attributes->permissions & 07777;
    info.isDirectory = attributes->type == SSH_FILEXFER_TYPE_DIRECTORY;
    info.modifiedSecs = static_cast<qint64>(attributes->mtime);
    return info;
}

} // namespace

SftpClient::SftpClient(ssh_session session) : m_session(session) { }

SftpClient::~SftpClient()
{
    if (m_sftp)
        sftp_free(m_sftp);
}

bool SftpClient::ensureOpen(remote::FileResult &result)
{
    if (m_sftp)
        return true;
    m_sftp = sftp_new(m_session);
    if (m_sftp && sftp_init(m_sftp) == SSH_OK)
        return true;
    result.error = Error {ErrorKind::ChannelFailed,
                          Tr::tr("The server does not offer file transfer (SFTP) on this connection."),
                          QString::fromUtf8(ssh_get_error(m_session))};
    if (m_sftp)
        sftp_free(m_sftp);
    m_sftp = nullptr;
    return false;
}

Error SftpClient::failure(const QString &message, const QString &path) const
{
    const int code = m_sftp ? sftp_get_error(m_sftp) : SSH_FX_FAILURE;
    QString reason;
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        reason = Tr::tr("It does not exist.");
        break;
    case SSH_FX_PERMISSION_DENIED:
        reason = Tr::tr("Permission denied.");
        break;
    case SSH_FX_FILE_ALREADY_EXISTS:
        reason = Tr::tr("It already exists.");
        break;
    case SSH_FX_WRITE_PROTECT:
        reason = Tr::tr("The file system is read-only.");
        break;
    case SSH_FX_NO_MEDIA:
    case SSH_FX_FAILURE:
    default:
        // OpenSSH's server reports a full disk or quota as a plain failure.
        reason = Tr::tr("The server reported a failure (the disk or your quota may be full).");
        break;
    }
    return Error {
        ErrorKind::ChannelFailed, message.arg(path) + QLatin1Char(' ') + reason,
        QStringLiteral("sftp error %1: %2").arg(code).arg(QString::fromUtf8(ssh_get_error(m_session)))};
}

remote::FileResult SftpClient::read(const QString &path, qint64 maxBytes)
{
    remote::FileResult result;
    const BlockingScope blocking(m_session);
    if (!ensureOpen(result))
        return result;
    const QByteArray encoded = path.toUtf8();
    const FilePtr file(sftp_open(m_sftp, encoded.constData(), O_RDONLY, 0));
    if (!file) {
        result.error = failure(Tr::tr("The file %1 could not be opened."), path);
        return result;
    }
    const AttributesPtr attributes(sftp_fstat(file.get()));
    if (attributes) {
        result.info = infoFrom(path, attributes.get());
        if (result.info.size > maxBytes) {
            result.error = Error {
                ErrorKind::InvalidInput,
                Tr::tr("The file %1 is too large to open here (%2 bytes).").arg(path).arg(result.info.size),
                QStringLiteral("file larger than %1 bytes").arg(maxBytes)};
            return result;
        }
    }
    char buffer[32 * 1024];
    for (;;) {
        const ssize_t n = sftp_read(file.get(), buffer, sizeof buffer);
        if (n < 0) {
            result.error = failure(Tr::tr("The file %1 could not be read."), path);
            return result;
        }
        if (n == 0)
            break;
        result.data.append(buffer, static_cast<qsizetype>(n));
        if (result.data.size() > maxBytes) {
            result.error
                = Error {ErrorKind::InvalidInput, Tr::tr("The file %1 is too large to open here.").arg(path),
                         QStringLiteral("file grew past %1 bytes").arg(maxBytes)};
            result.data.clear();
            return result;
        }
    }
    result.info.size = result.data.size();
    return result;
}

remote::FileResult SftpClient::write(const QString &path, const QByteArray &data, uint permissions)
{
    remote::FileResult result;
    const BlockingScope blocking(m_session);
    if (!ensureOpen(result))
        return result;
    const QByteArray target = path.toUtf8();
    const QByteArray temporary = target + ".onramp-part";
    {
        const FilePtr file(sftp_open(m_sftp, temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     static_cast<mode_t>(permissions & 07777)));
        if (!file) {
            result.error = failure(Tr::tr("The file %1 could not be created."), path);
            return result;
        }
        qsizetype offset = 0;
        while (offset < data.size()) {
            const qsizetype chunk = std::min<qsizetype>(data.size() - offset, 32 * 1024);
            const ssize_t n = sftp_write(file.get(), data.constData() + offset, static_cast<size_t>(chunk));
            if (n <= 0) {
                result.error = failure(Tr::tr("The file %1 could not be written."), path);
                break;
            }
            offset += n;
        }
    }
    if (result.error) {
        sftp_unlink(m_sftp, temporary.constData());
        return result;
    }
    // OpenSSH's posix-rename replaces an existing file atomically; libssh uses it when offered.
    if (sftp_rename(m_sftp, temporary.constData(), target.constData()) != SSH_OK) {
        result.error = failure(Tr::tr("The file %1 could not be replaced."), path);
        sftp_unlink(m_sftp, temporary.constData());
        return result;
    }
    const AttributesPtr attributes(sftp_stat(m_sftp, target.constData()));
    if (attributes)
        result.info = infoFrom(path, attributes.get());
    return result;
}

remote::FileResult SftpClient::stat(const QString &path)
{
    remote::FileResult result;
    const BlockingScope blocking(m_session);
    if (!ensureOpen(result))
        return result;
    const QByteArray encoded = path.toUtf8();
    const AttributesPtr attributes(sftp_stat(m_sftp, encoded.constData()));
    if (!attributes) {
        result.error = failure(Tr::tr("The file %1 could not be examined."), path);
        return result;
    }
    result.info = infoFrom(path, attributes.get());
    return result;
}

} // namespace onramp::ssh
