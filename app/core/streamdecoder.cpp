#include "core/streamdecoder.h"

namespace onramp {

namespace {
// Length of the UTF-8 sequence a lead byte announces, or 0 for a continuation/invalid byte.
int sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

// Number of bytes at the end of `data` that form the start of an unfinished sequence.
qsizetype incompleteTail(QByteArrayView data)
{
    const qsizetype n = data.size();
    // A sequence is at most 4 bytes: look back at most 3 bytes for its lead byte.
    for (qsizetype back = 1; back <= 3 && back <= n; ++back) {
        const auto byte = static_cast<unsigned char>(data[n - back]);
        if ((byte & 0xC0) == 0x80)
            continue; // continuation byte, keep looking for the lead
        const int need = sequenceLength(byte);
        return (need > back) ? back : 0;
    }
    return 0;
}
} // namespace

StreamDecoder::StreamDecoder() : m_decoder(QStringDecoder::Utf8) { }

QString StreamDecoder::decode(QByteArrayView chunk)
{
    // The unfinished tail is kept here rather than inside QStringDecoder so finish() can tell a
    // truncated character from a clean end.
    QByteArray data = m_pending;
    data.append(chunk);
    const qsizetype tail = incompleteTail(data);
    m_pending = data.right(tail);
    data.chop(tail);
    return m_decoder.decode(data);
}

QString StreamDecoder::finish()
{
    // decode() only ever hands complete sequences to the decoder, so the one thing left can be
    // an unfinished sequence: the stream ended inside a character. Show it instead of dropping it.
    const bool truncated = !m_pending.isEmpty();
    m_pending.clear();
    m_decoder.resetState();
    return truncated ? QString(QChar::ReplacementCharacter) : QString();
}

bool StreamDecoder::hasPendingBytes() const
{
    return !m_pending.isEmpty();
}

QStringList LineSplitter::push(QStringView text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n')) {
            m_partial += text.mid(start, i - start);
            lines << m_partial;
            m_partial.clear();
            start = i + 1;
        }
    }
    m_partial += text.mid(start);
    return lines;
}

QString LineSplitter::finish()
{
    QString rest;
    rest.swap(m_partial);
    return rest;
}

} // namespace onramp
