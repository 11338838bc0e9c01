#pragma once

// Shared by the GPU unit tests: where the fixtures are, and reading them.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

inline QString gpuFixturePath(const QString &relative)
{
    return QStringLiteral(ONRAMP_GPU_FIXTURES "/") + relative;
}

// A fixture's text (UTF-8). Fails the test when the file is missing.
inline QString readGpuFixture(const QString &relative)
{
    QFile file(gpuFixturePath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("missing fixture %1").arg(file.fileName())), __FILE__,
                     __LINE__);
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// Bytes that are no tool's text: NUL bytes and invalid UTF-8, decoded the way Onramp decodes a stream.
inline QString binaryGarbage()
{
    const QByteArray bytes(
        "\x7f"
        "ELF\x02\x01\x01\x00\x00\x00\xff\xfe\xc3\x28\xa0\xa1\x00\x10, 3, \xe2\x82\n\x00\x01",
        30);
    return QString::fromUtf8(bytes);
}

// Invalid UTF-8 without NUL bytes: U+FFFD replacement characters where the bytes were.
inline QString invalidUtf8()
{
    return QString::fromUtf8(QByteArray("\xff\xfe\xc3\x28 \xa0\xa1, \xe2\x82, \xf0\x28\x8c\xbc\n"));
}
