#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

namespace onramp {

// Turns a byte stream that arrives in arbitrary chunks (SSH channel reads) into text without
// breaking a UTF-8 sequence split across chunks. One decoder per stream (stdout, stderr).
// Invalid bytes become U+FFFD instead of being dropped, so nothing the remote printed is hidden.
class StreamDecoder {
public:
    StreamDecoder();

    // Decodes what can be decoded now; an incomplete trailing sequence waits for the next chunk.
    QString decode(QByteArrayView chunk);

    // The stream ended: whatever is still pending is flushed (as U+FFFD if incomplete).
    QString finish();

    bool hasPendingBytes() const;

private:
    QStringDecoder m_decoder;
    QByteArray m_pending; // bytes of an unfinished UTF-8 sequence
};

// Splits decoded text into complete lines ('\n'), keeping a partial last line until more arrives.
class LineSplitter {
public:
    // Returns the complete lines in `text` (without their '\n'), appending the rest to the buffer.
    QStringList push(QStringView text);
    // The stream ended: returns the last partial line, if any.
    QString finish();

private:
    QString m_partial;
};

} // namespace onramp
