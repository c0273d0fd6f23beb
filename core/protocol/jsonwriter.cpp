// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <utility>

namespace Tandem {

namespace {

char hexDigit(unsigned v)
{
    return "0123456789abcdef"[v & 0xf];
}

void appendUnicodeEscape(QByteArray &out, char16_t u)
{
    const char escaped[] = {'\\',        'u', hexDigit(u >> 12), hexDigit(u >> 8), hexDigit(u >> 4),
                            hexDigit(u), '\0'};
    out.append(escaped, 6);
}

// Civil date of a day count from 1970-01-01 (proleptic Gregorian calendar).
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468; // from 0000-03-01
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    month = int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

void appendDigits(char *&at, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
    at += width;
}

} // namespace

void JsonWriter::separate()
{
    if (!m_out.isEmpty()) {
        const char last = m_out.back();
        if (last != '{' && last != '[' && last != ':')
            m_out.append(',');
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    return *this;
}

JsonWriter &JsonWriter::value(const QString &s)
{
    separate();
    m_out.append('"');
    appendEscaped(m_out, s);
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::value(qint64 n)
{
    separate();
    m_out.append(QByteArray::number(n));
    return *this;
}

JsonWriter &JsonWriter::value(bool b)
{
    separate();
    m_out.append(b ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return value(v.toString());
    case QJsonValue::Bool:
        return value(v.toBool());
    case QJsonValue::Object:
        return raw(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return raw(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Double: {
        // Numbers as QJsonDocument writes them: through a one-element array.
        QByteArray inArray = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return raw(inArray.mid(1, inArray.size() - 2));
    }
    default:
        return null();
    }
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

JsonWriter &JsonWriter::time(const QDateTime &t)
{
    separate();
    m_out.append('"');
    if (t.isValid()) // as the codec writes an invalid one: empty
        m_out.append(isoTime(t));
    m_out.append('"');
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, const QString &s)
{
    const auto *at = reinterpret_cast<const char16_t *>(s.utf16());
    const char16_t *const end = at + s.size();
    out.reserve(out.size() + s.size() + 8);
    while (at != end) {
        const char16_t u = *at++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                out.append(char(u));
                continue;
            }
            switch (u) {
            case '"':
                out.append("\\\"", 2);
                break;
            case '\\':
                out.append("\\\\", 2);
                break;
            case '\b':
                out.append("\\b", 2);
                break;
            case '\f':
                out.append("\\f", 2);
                break;
            case '\n':
                out.append("\\n", 2);
                break;
            case '\r':
                out.append("\\r", 2);
                break;
            case '\t':
                out.append("\\t", 2);
                break;
            default:
                appendUnicodeEscape(out, u);
            }
        } else if (u < 0x800) {
            out.append(char(0xc0 | (u >> 6)));
            out.append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && at != end && QChar::isLowSurrogate(*at)) {
            const char32_t c = QChar::surrogateToUcs4(u, *at++);
            out.append(char(0xf0 | (c >> 18)));
            out.append(char(0x80 | ((c >> 12) & 0x3f)));
            out.append(char(0x80 | ((c >> 6) & 0x3f)));
            out.append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(out, u); // half a pair has no UTF-8 form
        } else {
            out.append(char(0xe0 | (u >> 12)));
            out.append(char(0x80 | ((u >> 6) & 0x3f)));
            out.append(char(0x80 | (u & 0x3f)));
        }
    }
}

QByteArray JsonWriter::isoTime(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    constexpr qint64 msPerDay = 86400000;
    qint64 days = ms / msPerDay;
    qint64 inDay = ms % msPerDay;
    if (inDay < 0) {
        inDay += msPerDay;
        --days;
    }
    int year = 0, month = 0, day = 0;
    civilFromDays(days, year, month, day);
    if (year < 1 || year > 9999) // outside four digits of the common era: as Qt writes it
        return t.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    char text[24];
    char *at = text;
    appendDigits(at, year, 4);
    *at++ = '-';
    appendDigits(at, month, 2);
    *at++ = '-';
    appendDigits(at, day, 2);
    *at++ = 'T';
    appendDigits(at, int(inDay / 3600000), 2);
    *at++ = ':';
    appendDigits(at, int(inDay / 60000 % 60), 2);
    *at++ = ':';
    appendDigits(at, int(inDay / 1000 % 60), 2);
    *at++ = '.';
    appendDigits(at, int(inDay % 1000), 3);
    *at++ = 'Z';
    return QByteArray(text, int(at - text));
}

} // namespace Tandem
