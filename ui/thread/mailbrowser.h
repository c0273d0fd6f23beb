// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QTextBrowser>

namespace Tandem {

//! Shows an email's HTML without reaching anywhere: a resource is loaded only from the
//! mail itself (`cid:` images, handed in with setInlineFile) or from a `data:` URL.
//! Remote images, style sheets and local files are never loaded; that any were asked for
//! is reported once (remoteBlocked), so the reader can be told. Links open nothing by
//! themselves: linkActivated says which was chosen.
class MailBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MailBrowser(QWidget *parent = nullptr);

    //! The bytes of the mail's part with this Content-ID (without brackets).
    void setInlineFile(const QString &contentId, const QByteArray &bytes);
    //! Content-IDs the HTML asked for that have no bytes yet.
    QStringList missingInline() const { return m_missing.values(); }
    bool blockedRemote() const { return m_blocked; }

    QVariant loadResource(int type, const QUrl &url) override;

Q_SIGNALS:
    void remoteBlocked();
    void inlineWanted(const QString &contentId);
    void linkActivated(const QUrl &url);

private:
    //! What stands in for a resource that is not loaded.
    static QVariant placeholder(int type);

    QHash<QString, QByteArray> m_inline;
    QSet<QString> m_missing;
    bool m_blocked = false;
};

} // namespace Tandem
