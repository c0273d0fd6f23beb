// SPDX-License-Identifier: GPL-3.0-or-later
#include "imapclient.h"

#include "mailtls.h"

#include <QTimeZone>
#include <libetpan/libetpan.h>
#include <poll.h>

namespace Tandem::Server {
namespace {

QDateTime fromImap(const mailimap_date_time *t)
{
    if (!t)
        return {};
    const int zone = t->dt_zone; // +HHMM as a number
    const int sign = zone < 0 ? -1 : 1;
    const int offset = sign * ((std::abs(zone) / 100) * 3600 + (std::abs(zone) % 100) * 60);
    return QDateTime(QDate(t->dt_year, t->dt_month, t->dt_day),
                     QTime(t->dt_hour, t->dt_min, t->dt_sec), QTimeZone(offset))
        .toUTC();
}

//! Frees a libetpan fetch result.
struct FetchList {
    clist *list = nullptr;
    ~FetchList()
    {
        if (list)
            mailimap_fetch_list_free(list);
    }
};

} // namespace

ImapClient::ImapClient(MailServer server, QByteArray password, std::chrono::seconds timeout)
    : m_server(std::move(server))
    , m_password(std::move(password))
    , m_timeout(timeout)
{
}

ImapClient::~ImapClient()
{
    disconnect();
}

void ImapClient::disconnect()
{
    if (!m_imap)
        return;
    if (m_imap->imap_stream)
        mailimap_logout(m_imap);
    mailimap_free(m_imap);
    m_imap = nullptr;
}

Failure ImapClient::failed(int code, const QString &doing) const
{
    QString said =
        m_imap && m_imap->imap_response ? QString::fromUtf8(m_imap->imap_response) : QString();
    ErrorCode kind = ErrorCode::Unavailable;
    if (code == MAILIMAP_ERROR_LOGIN)
        kind = ErrorCode::BadCredentials;
    QString message =
        QStringLiteral("IMAP %1:%2: %3 failed").arg(m_server.host).arg(m_server.port).arg(doing);
    if (code == MAILIMAP_ERROR_CONNECTION_REFUSED || code == MAILIMAP_ERROR_STREAM)
        message += QStringLiteral(" (the server cannot be reached or closed the connection)");
    if (!said.isEmpty())
        message += QStringLiteral(": ") + said.left(300);
    return Failure{kind, message};
}

Result<Done> ImapClient::connect()
{
    disconnect();
    m_imap = mailimap_new(0, nullptr);
    if (!m_imap)
        return Failure{ErrorCode::Internal, QStringLiteral("out of memory")};
    mailimap_set_timeout(m_imap, time_t(m_timeout.count()));
    const QByteArray host = m_server.host.toUtf8();
    int r = m_server.security == MailSecurity::Tls
                ? mailimap_ssl_connect(m_imap, host.constData(), uint16_t(m_server.port))
                : mailimap_socket_connect(m_imap, host.constData(), uint16_t(m_server.port));
    if (r != MAILIMAP_NO_ERROR_NON_AUTHENTICATED && r != MAILIMAP_NO_ERROR_AUTHENTICATED
        && r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("connecting"));
    if (m_server.security == MailSecurity::StartTls) {
        r = mailimap_socket_starttls(m_imap);
        if (r != MAILIMAP_NO_ERROR)
            return failed(r, QStringLiteral("STARTTLS"));
    }
    if (m_server.security != MailSecurity::None) {
        const QString refused = MailTls::refusal(m_imap->imap_stream, m_server);
        if (!refused.isEmpty()) {
            disconnect();
            return Failure{ErrorCode::Forbidden, refused};
        }
    }
    r = mailimap_login(m_imap, m_server.user.toUtf8().constData(), m_password.constData());
    if (r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("login as %1").arg(m_server.user));
    // The capabilities after login may differ from the greeting's.
    mailimap_capability_data *caps = nullptr;
    if (mailimap_capability(m_imap, &caps) == MAILIMAP_NO_ERROR && caps)
        mailimap_capability_data_free(caps);
    m_hasIdle = mailimap_has_idle(m_imap);
    return Done{};
}

Result<ImapClient::Folder> ImapClient::select(const QString &folder)
{
    if (!m_imap)
        return Failure{ErrorCode::Unavailable, QStringLiteral("not connected")};
    const int r = mailimap_select(m_imap, folder.toUtf8().constData());
    if (r != MAILIMAP_NO_ERROR) {
        Failure f = failed(r, QStringLiteral("selecting folder %1").arg(folder));
        if (r == MAILIMAP_ERROR_SELECT)
            f.code = ErrorCode::NotFound;
        return f;
    }
    const mailimap_selection_info *info = m_imap->imap_selection_info;
    if (!info)
        return Failure{ErrorCode::Unavailable,
                       QStringLiteral("the server did not describe the folder")};
    return Folder{info->sel_uidvalidity, info->sel_uidnext, info->sel_exists};
}

Result<QList<ImapClient::Listed>> ImapClient::listAfter(quint32 uid, int limit)
{
    if (!m_imap)
        return Failure{ErrorCode::Unavailable, QStringLiteral("not connected")};
    mailimap_fetch_type *type = mailimap_fetch_type_new_fetch_att_list_empty();
    mailimap_fetch_type_new_fetch_att_list_add(type, mailimap_fetch_att_new_uid());
    mailimap_fetch_type_new_fetch_att_list_add(type, mailimap_fetch_att_new_rfc822_size());
    mailimap_fetch_type_new_fetch_att_list_add(type, mailimap_fetch_att_new_internaldate());
    mailimap_set *set = mailimap_set_new_interval(uid + 1, 0); // uid+1:*
    FetchList result;
    const int r = mailimap_uid_fetch(m_imap, set, type, &result.list);
    mailimap_set_free(set);
    mailimap_fetch_type_free(type);
    if (r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("listing new mail"));
    QList<Listed> out;
    for (clistiter *it = clist_begin(result.list); it; it = clist_next(it)) {
        auto *att = static_cast<mailimap_msg_att *>(clist_content(it));
        Listed listed;
        for (clistiter *a = clist_begin(att->att_list); a; a = clist_next(a)) {
            auto *item = static_cast<mailimap_msg_att_item *>(clist_content(a));
            if (item->att_type != MAILIMAP_MSG_ATT_ITEM_STATIC)
                continue;
            const mailimap_msg_att_static *s = item->att_data.att_static;
            if (s->att_type == MAILIMAP_MSG_ATT_UID)
                listed.uid = s->att_data.att_uid;
            else if (s->att_type == MAILIMAP_MSG_ATT_RFC822_SIZE)
                listed.size = s->att_data.att_rfc822_size;
            else if (s->att_type == MAILIMAP_MSG_ATT_INTERNALDATE)
                listed.arrived = fromImap(s->att_data.att_internal_date);
        }
        // "n:*" names the last message even when its UID is below n (RFC 3501, 6.4.8).
        if (listed.uid > uid)
            out.append(listed);
    }
    std::sort(out.begin(), out.end(),
              [](const Listed &a, const Listed &b) { return a.uid < b.uid; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QByteArray> ImapClient::fetch(quint32 uid, bool headerOnly)
{
    if (!m_imap)
        return Failure{ErrorCode::Unavailable, QStringLiteral("not connected")};
    mailimap_section *section =
        headerOnly ? mailimap_section_new_header() : mailimap_section_new(nullptr);
    mailimap_fetch_type *type =
        mailimap_fetch_type_new_fetch_att(mailimap_fetch_att_new_body_peek_section(section));
    mailimap_set *set = mailimap_set_new_single(uid);
    FetchList result;
    const int r = mailimap_uid_fetch(m_imap, set, type, &result.list);
    mailimap_set_free(set);
    mailimap_fetch_type_free(type);
    if (r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("fetching message %1").arg(uid));
    for (clistiter *it = clist_begin(result.list); it; it = clist_next(it)) {
        auto *att = static_cast<mailimap_msg_att *>(clist_content(it));
        for (clistiter *a = clist_begin(att->att_list); a; a = clist_next(a)) {
            auto *item = static_cast<mailimap_msg_att_item *>(clist_content(a));
            if (item->att_type != MAILIMAP_MSG_ATT_ITEM_STATIC)
                continue;
            const mailimap_msg_att_static *s = item->att_data.att_static;
            if (s->att_type == MAILIMAP_MSG_ATT_BODY_SECTION && s->att_data.att_body_section
                && s->att_data.att_body_section->sec_body_part)
                return QByteArray(s->att_data.att_body_section->sec_body_part,
                                  qsizetype(s->att_data.att_body_section->sec_length));
        }
    }
    return Failure{ErrorCode::NotFound,
                   QStringLiteral("message %1 is gone from the folder").arg(uid)};
}

Result<ImapClient::Woken> ImapClient::idle(std::chrono::milliseconds wait, int interruptFd)
{
    if (!m_imap)
        return Failure{ErrorCode::Unavailable, QStringLiteral("not connected")};
    int r = mailimap_idle(m_imap);
    if (r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("IDLE"));
    Woken woken = Woken::Timeout;
    // What libetpan read already is not on the socket any more.
    if (m_imap->imap_stream && m_imap->imap_stream->read_buffer_len > 0) {
        woken = Woken::Mail;
    } else {
        pollfd fds[2] = {{mailimap_idle_get_fd(m_imap), POLLIN, 0}, {interruptFd, POLLIN, 0}};
        const int ready = ::poll(fds, interruptFd >= 0 ? 2 : 1, int(wait.count()));
        if (ready > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            woken = Woken::Mail;
        else if (ready > 0)
            woken = Woken::Interrupted;
    }
    r = mailimap_idle_done(m_imap);
    if (r != MAILIMAP_NO_ERROR)
        return failed(r, QStringLiteral("ending IDLE"));
    return woken;
}

} // namespace Tandem::Server
