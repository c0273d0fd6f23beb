// SPDX-License-Identifier: GPL-3.0-or-later
#include "tnefreader.h"

#include <QMimeDatabase>

extern "C" {
#include <ytnef.h>
}

namespace Tandem::Server::TnefReader {
namespace {

//! A property of the attachment, or nullptr.
variableLength *property(Attachment *file, ULONG type, ULONG id)
{
    variableLength *found = MAPIFindProperty(&file->MAPI, PROP_TAG(type, id));
    return found == MAPI_UNDEFINED || !found->data || found->size <= 0 ? nullptr : found;
}

QString text8(const variableLength *value)
{
    // Outlook's 8-bit strings are in the sender's code page; Latin-1 keeps every byte.
    QByteArray bytes(reinterpret_cast<const char *>(value->data), value->size);
    const qsizetype end = bytes.indexOf('\0');
    return QString::fromLatin1(end < 0 ? bytes : bytes.left(end)).trimmed();
}

QString text16(const variableLength *value)
{
    QString s =
        QString::fromUtf16(reinterpret_cast<const char16_t *>(value->data), value->size / 2);
    const qsizetype end = s.indexOf(QChar(0));
    return (end < 0 ? s : s.left(end)).trimmed();
}

QString nameOf(Attachment *file, int number)
{
    if (const variableLength *v = property(file, PT_UNICODE, PR_ATTACH_LONG_FILENAME))
        return text16(v);
    if (const variableLength *v = property(file, PT_STRING8, PR_ATTACH_LONG_FILENAME))
        return text8(v);
    if (file->Title.data && file->Title.size > 0)
        return text8(&file->Title);
    return QStringLiteral("attachment-%1").arg(number);
}

} // namespace

bool isTnef(const MailAttachment &file)
{
    return file.contentType.compare(QLatin1String("application/ms-tnef"), Qt::CaseInsensitive) == 0
           || file.contentType.compare(QLatin1String("application/vnd.ms-tnef"),
                                       Qt::CaseInsensitive)
                  == 0
           || file.fileName.compare(QLatin1String("winmail.dat"), Qt::CaseInsensitive) == 0;
}

QList<MailAttachment> files(const QByteArray &tnef, qint64 maxBytes, int maxFiles)
{
    QList<MailAttachment> out;
    if (tnef.isEmpty())
        return out;
    TNEFStruct parsed;
    TNEFInitialize(&parsed);
    parsed.Debug = 0;
    QByteArray bytes = tnef; // the library takes a pointer it may move along, not a copy
    if (TNEFParseMemory(reinterpret_cast<BYTE *>(bytes.data()), long(bytes.size()), &parsed) != 0) {
        TNEFFree(&parsed);
        return out;
    }
    const QMimeDatabase types;
    int number = 0;
    for (Attachment *file = parsed.starting_attach.next; file && out.size() < maxFiles;
         file = file->next) {
        ++number;
        if (!file->FileData.data || file->FileData.size <= 0)
            continue; // an embedded message or an OLE object: nothing to hand on as a file
        MailAttachment a;
        a.fileName = nameOf(file, number);
        if (const variableLength *v = property(file, PT_STRING8, PR_ATTACH_MIME_TAG))
            a.contentType = text8(v).toLower();
        if (a.contentType.isEmpty() || !a.contentType.contains(QLatin1Char('/')))
            a.contentType = types.mimeTypeForFile(a.fileName, QMimeDatabase::MatchExtension).name();
        a.size = file->FileData.size;
        if (a.size <= maxBytes)
            a.data = QByteArray(reinterpret_cast<const char *>(file->FileData.data),
                                file->FileData.size);
        else
            a.tooLarge = true;
        out.append(a);
    }
    TNEFFree(&parsed);
    return out;
}

} // namespace Tandem::Server::TnefReader
