// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailbrowser.h"

#include <QImage>

namespace Tandem {
namespace {

//! The bytes of a `data:` URL ("data:image/png;base64,…"); empty when it is not one.
QByteArray dataOf(const QUrl &url)
{
    const QByteArray whole = url.toEncoded();
    const qsizetype comma = whole.indexOf(',');
    if (!whole.startsWith("data:") || comma < 0)
        return {};
    const QByteArray meta = whole.mid(5, comma - 5);
    const QByteArray payload = QByteArray::fromPercentEncoding(whole.mid(comma + 1));
    return meta.endsWith(";base64") ? QByteArray::fromBase64(payload) : payload;
}

} // namespace

MailBrowser::MailBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &MailBrowser::linkActivated);
}

void MailBrowser::setInlineFile(const QString &contentId, const QByteArray &bytes)
{
    m_inline.insert(contentId, bytes);
    m_missing.remove(contentId);
    const QUrl url(QStringLiteral("cid:") + contentId);
    document()->addResource(QTextDocument::ImageResource, url, QImage::fromData(bytes));
    // Laid out again with the image's size.
    document()->markContentsDirty(0, document()->characterCount());
    viewport()->update();
}

QVariant MailBrowser::loadResource(int type, const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("cid")) {
        const QString id = url.path();
        if (m_inline.contains(id))
            return type == QTextDocument::ImageResource
                       ? QVariant(QImage::fromData(m_inline.value(id)))
                       : QVariant(m_inline.value(id));
        if (!m_missing.contains(id)) {
            m_missing.insert(id);
            Q_EMIT inlineWanted(id);
        }
        return placeholder(type);
    }
    if (scheme == QLatin1String("data")) {
        const QByteArray bytes = dataOf(url);
        const QImage image = QImage::fromData(bytes);
        if (type == QTextDocument::ImageResource)
            return image.isNull() ? placeholder(type) : QVariant(image);
        return bytes.isEmpty() ? placeholder(type) : QVariant(bytes);
    }
    // Anything else (http, https, file, a relative path) would reach beyond the mail: a
    // tracking pixel, a file of this machine. Never loaded.
    if (!m_blocked) {
        m_blocked = true;
        Q_EMIT remoteBlocked();
    }
    return placeholder(type);
}

QVariant MailBrowser::placeholder(int type)
{
    // Not an empty answer: QTextDocument reads a local file itself when its editor's answer
    // is empty.
    if (type == QTextDocument::ImageResource) {
        QImage nothing(1, 1, QImage::Format_ARGB32);
        nothing.fill(Qt::transparent);
        return nothing;
    }
    if (type == QTextDocument::StyleSheetResource)
        return QStringLiteral(" ");
    return QByteArray(" ");
}

} // namespace Tandem
