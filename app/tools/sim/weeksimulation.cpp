// SPDX-License-Identifier: GPL-3.0-or-later
#include "weeksimulation.h"

#include "calendar/calendarjson.h"
#include "protocol/requests.h"
#include "simconnection.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <optional>

namespace Tandem::Sim {
namespace {

constexpr int WeekMinutes = 7 * 24 * 60;
//! After the week, the agents go on until every customer is answered, or this long.
constexpr qint64 DrainDays = 4;

//! Where customers write from: a timezone and its share of the traffic.
struct Region {
    const char *zone;
    double share;
};
const Region Regions[] = {{"Europe/Berlin", 0.5}, {"America/New_York", 0.3}, {"Asia/Tokyo", 0.2}};

//! How busy a region is at a local time: its waking hours on weekdays most.
double busyness(const QDateTime &local)
{
    const double day = local.date().dayOfWeek() <= 5 ? 1.0 : 0.3;
    const int hour = local.time().hour();
    const double hourly = hour >= 8 && hour < 20 ? 1.0 : 0.12;
    return day * hourly;
}

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double at = q * double(values.size() - 1);
    const auto low = qsizetype(std::floor(at));
    const auto high = std::min<qsizetype>(low + 1, values.size() - 1);
    return values.at(low) + (values.at(high) - values.at(low)) * (at - double(low));
}

QString percent(int part, int whole)
{
    return whole ? QString::number(100.0 * part / whole, 'f', 1) + QStringLiteral(" %")
                 : QStringLiteral("n/a");
}

} // namespace

WeekSimulation::WeekSimulation(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    QList<OpeningHours> week;
    for (int day = 1; day <= 5; ++day)
        week.append({day, QTime(8, 0), QTime(18, 0)});
    m_hours = BusinessCalendar(QTimeZone("Europe/Berlin"), week);
    // In hours, customers are told when to expect an answer if it is over an hour away.
    m_hours.setBusyAfterMinutes(60);
}

std::optional<QJsonObject> WeekSimulation::call(SimConnection &connection, const QString &type,
                                                const QJsonObject &fields)
{
    QEventLoop loop;
    std::optional<QJsonObject> answer;
    QString failure = QStringLiteral("no answer within 30 s");
    const QString id = connection.request({type, fields});
    connect(&connection, &SimConnection::replied, &loop,
            [&](const QString &rid, const QJsonObject &data) {
                if (rid == id) {
                    answer = data;
                    loop.quit();
                }
            });
    connect(&connection, &SimConnection::refused, &loop,
            [&](const QString &rid, const QString &code, const QString &message, qint64) {
                if (rid == id || rid.isEmpty()) {
                    failure = code + QStringLiteral(": ") + message;
                    loop.quit();
                }
            });
    connect(&connection, &SimConnection::dropped, &loop, [&](int, const QString &why) {
        failure = QStringLiteral("connection lost: ") + why;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30000);
    loop.exec();
    if (!answer)
        QTextStream(stderr) << "tandem-sim: " << type << ": " << failure << "\n";
    return answer;
}

bool WeekSimulation::openAndWait(SimConnection &connection)
{
    QEventLoop loop;
    bool opened = false;
    connect(&connection, &SimConnection::opened, &loop, [&] {
        opened = true;
        loop.quit();
    });
    connect(&connection, &SimConnection::dropped, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(10000);
    connection.open();
    loop.exec();
    if (!opened)
        QTextStream(stderr) << "tandem-sim: cannot connect to " << m_options.server.toString()
                            << "\n";
    return opened;
}

bool WeekSimulation::setUp()
{
    m_staff = new SimConnection(m_options.endpoint(QStringLiteral("/ws/agent")), this);
    connect(
        m_staff, &SimConnection::eventReceived, this,
        [this](qint64, const QString &kind, const QJsonObject &data) { onStaffEvent(kind, data); });
    if (!openAndWait(*m_staff))
        return false;
    const Requests::Request signIn =
        Requests::signIn({m_options.agentEmail, m_options.agentPassword, std::nullopt});
    const auto signedIn = call(*m_staff, signIn.type, signIn.fields);
    if (!signedIn)
        return false;
    // The admin is the live desk: online, given each live chat at once, three at a time.
    m_deskId = signedIn->value(QLatin1String("agent"))[QLatin1String("id")].toInteger();
    if (!call(*m_staff, QStringLiteral("presence"),
              {{QStringLiteral("status"), QStringLiteral("online")}})
        || !call(*m_staff, QStringLiteral("agent.update"),
                 {{QStringLiteral("agent"), m_deskId},
                  {QStringLiteral("capacity"), 3},
                  {QStringLiteral("autoAccept"), true}}))
        return false;
    // Support: open Monday to Friday, 08:00 to 18:00 in Berlin; a first reply within four
    // hours of business time.
    const QJsonObject team{
        {QStringLiteral("team"), 1},
        {QStringLiteral("name"), QStringLiteral("Support")},
        {QStringLiteral("members"), QJsonArray{}},
        {QStringLiteral("calendar"), CalendarJson::encode(m_hours)},
        {QStringLiteral("sla"),
         QJsonObject{{QStringLiteral("targets"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("firstReplyMinutes"), m_firstReplyTarget / 60}}}}}}};
    if (!call(*m_staff, QStringLiteral("team.save"), team))
        return false;
    // Where the server's clock stands; the week starts at the Monday after.
    const auto now = call(*m_staff, QStringLiteral("clock.advance"), {{QStringLiteral("ms"), 1}});
    if (!now)
        return false;
    m_now = QDateTime::fromString(now->value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    const QDate monday = m_now.date().addDays(8 - m_now.date().dayOfWeek());
    m_start = QDateTime(monday, QTime(0, 0), QTimeZone::utc());
    return m_now.isValid();
}

bool WeekSimulation::advanceTo(const QDateTime &at)
{
    const qint64 ms = m_now.msecsTo(at);
    if (ms <= 0)
        return true;
    if (!call(*m_staff, QStringLiteral("clock.advance"), {{QStringLiteral("ms"), ms}}))
        return false;
    m_now = at;
    return true;
}

QList<WeekSimulation::Arrival> WeekSimulation::arrivals() const
{
    // How busy each minute of the week is, per region: then as many arrivals as asked,
    // drawn at those odds (the same every run).
    QList<double> cumulative;
    cumulative.reserve(WeekMinutes);
    double total = 0;
    for (int minute = 0; minute < WeekMinutes; ++minute) {
        const QDateTime at = m_start.addSecs(qint64(minute) * 60);
        for (const Region &region : Regions)
            total += region.share * busyness(at.toTimeZone(QTimeZone(region.zone)));
        cumulative.append(total);
    }
    QRandomGenerator random(20261130);
    QList<Arrival> list;
    for (int i = 0; i < m_options.customers; ++i) {
        const double pick = random.generateDouble() * total;
        const auto minute = qsizetype(std::lower_bound(cumulative.cbegin(), cumulative.cend(), pick)
                                      - cumulative.cbegin());
        const QDateTime at = m_start.addSecs(qint64(minute) * 60 + random.bounded(60));
        // Which region, at that minute's odds.
        double weights[3];
        double sum = 0;
        for (int r = 0; r < 3; ++r)
            sum += weights[r] =
                Regions[r].share * busyness(at.toTimeZone(QTimeZone(Regions[r].zone)));
        double which = random.generateDouble() * sum;
        int region = 0;
        while (region < 2 && which > weights[region])
            which -= weights[region++];
        list.append({at, QString::fromLatin1(Regions[region].zone)});
    }
    std::sort(list.begin(), list.end(),
              [](const Arrival &a, const Arrival &b) { return a.at < b.at; });
    return list;
}

bool WeekSimulation::onShift(const Agent &agent, const QDateTime &at) const
{
    const QDateTime local = at.toTimeZone(m_hours.zone());
    const int hour = local.time().hour();
    return local.date().dayOfWeek() <= 5 && hour >= agent.startHour && hour < agent.endHour;
}

bool WeekSimulation::customerWrites(const Arrival &arrival, int index)
{
    // In hours some start a live chat, having seen the wait the widget showed.
    const bool live =
        m_hours.isOpen(arrival.at) && int(m_liveRandom.bounded(100)) < m_options.liveSharePercent;
    if (live)
        return customerChats(arrival, index);
    SimConnection customer(m_options.endpoint(QStringLiteral("/ws/customer")), nullptr);
    if (!openAndWait(customer))
        return false;
    Commands::CustomerHello hello;
    hello.name = QStringLiteral("Week customer %1").arg(index + 1);
    hello.timezone = arrival.zone;
    const Requests::Request request = Requests::customerHello(hello);
    if (!call(customer, request.type, request.fields))
        return false;
    const auto sent =
        call(customer, QStringLiteral("send"),
             {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
              {QStringLiteral("text"), QStringLiteral("Where is my order?")}});
    customer.abort();
    if (!sent)
        return false;
    Conversation c;
    c.id = sent->value(QLatin1String("conversation"))
               .toObject()
               .value(QLatin1String("id"))
               .toInteger();
    c.sentAt = arrival.at;
    c.inHours = m_hours.isOpen(arrival.at);
    m_conversations.append(c);
    return true;
}

bool WeekSimulation::customerChats(const Arrival &arrival, int index)
{
    LiveChat chat;
    chat.sentAt = arrival.at;
    chat.shownWaitSeconds = shownWait();
    chat.customer = new SimConnection(m_options.endpoint(QStringLiteral("/ws/customer")), this);
    if (!openAndWait(*chat.customer))
        return false;
    Commands::CustomerHello hello;
    hello.name = QStringLiteral("Week customer %1").arg(index + 1);
    hello.timezone = arrival.zone;
    const Requests::Request request = Requests::customerHello(hello);
    if (!call(*chat.customer, request.type, request.fields))
        return false;
    const auto sent =
        call(*chat.customer, QStringLiteral("send"),
             {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
              {QStringLiteral("text"), QStringLiteral("Hi, is anyone there?")},
              {QStringLiteral("mode"), QStringLiteral("live")}});
    if (!sent)
        return false;
    chat.id = sent->value(QLatin1String("conversation"))[QLatin1String("id")].toInteger();
    m_liveIndex.insert(chat.id, m_live.size());
    m_live.append(chat);
    deskTakes(m_live.size() - 1);
    // The router's news comes to staff: heard before the clock moves on.
    return bool(call(*m_staff, QStringLiteral("ping"), {}));
}

bool WeekSimulation::agentReplies(Conversation &conversation, const QDateTime &at)
{
    if (!advanceTo(at))
        return false;
    if (!call(*m_staff, QStringLiteral("send"),
              {{QStringLiteral("conversation"), conversation.id},
               {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
               {QStringLiteral("text"), QStringLiteral("It left our warehouse this morning.")}}))
        return false;
    conversation.firstReplyAt = at;
    return true;
}

void WeekSimulation::onStaffEvent(const QString &kind, const QJsonObject &data)
{
    if (kind != QLatin1String("conversation.updated"))
        return;
    const QJsonObject c = data.value(QLatin1String("conversation")).toObject();
    const qint64 id = c.value(QLatin1String("id")).toInteger();
    const QString change = data.value(QLatin1String("change")).toString();
    // The promises the server makes, as staff hear of them.
    if (change == QLatin1String("promised")) {
        m_promises.insert(id, QDateTime::fromString(c.value(QLatin1String("promisedBy")).toString(),
                                                    Qt::ISODateWithMs));
        return;
    }
    // A live chat given to the desk (perhaps before its customer heard the answer to the
    // send that started it).
    if (c.value(QLatin1String("liveState")).toString() != QLatin1String("active")
        || c.value(QLatin1String("assignee"))[QLatin1String("id")].toInteger() != m_deskId)
        return;
    m_deskHas.insert(id);
    if (const auto live = m_liveIndex.constFind(id); live != m_liveIndex.cend())
        deskTakes(*live);
}

void WeekSimulation::deskTakes(qsizetype index)
{
    LiveChat &chat = m_live[index];
    if (chat.firstReplyAt.isValid() || chat.scheduled || !m_deskHas.contains(chat.id))
        return;
    // Answered after half a minute and an exponential minute more to read and write.
    chat.scheduled = true;
    chat.takenAt = m_now;
    const qint64 handle = qint64(30 + -std::log(1.0 - m_liveRandom.generateDouble()) * 60);
    m_replies.append({m_now.addSecs(handle), index, true});
}

qint64 WeekSimulation::shownWait()
{
    QNetworkAccessManager network;
    QUrl url = m_options.endpoint(QStringLiteral("/api/v1/availability"));
    url.setScheme(url.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                       : QStringLiteral("http"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    if (!answer.value(QLatin1String("available")).toBool())
        return -1;
    return answer.value(QLatin1String("expectedWaitSeconds")).toInteger(-1);
}

bool WeekSimulation::liveDeskReplies(LiveChat &chat, const QDateTime &at)
{
    if (!advanceTo(at))
        return false;
    if (!call(*m_staff, QStringLiteral("send"),
              {{QStringLiteral("conversation"), chat.id},
               {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
               {QStringLiteral("text"), QStringLiteral("Hello! Let me look at your order.")}}))
        return false;
    chat.firstReplyAt = at;
    // Answered, and soon done: the desk's place goes to the next chat.
    if (!call(*m_staff, QStringLiteral("end"), {{QStringLiteral("conversation"), chat.id}}))
        return false;
    if (chat.customer) {
        chat.customer->abort();
        chat.customer->deleteLater();
        chat.customer = nullptr;
    }
    return true;
}

int WeekSimulation::run()
{
    if (!setUp())
        return 1;
    const QList<Arrival> incoming = arrivals();
    // Two agents, Monday to Friday: 08:00–16:00 and 10:00–18:00 (the team's time). Each
    // answers the customer waiting longest, taking 3 minutes and an exponential 7 more.
    QList<Agent> agents{{8, 16, {}}, {10, 18, {}}};
    QRandomGenerator random(4711);
    const auto handleSeconds = [&random] {
        return qint64(180 + -std::log(1.0 - random.generateDouble()) * 420);
    };
    QList<Reply> &replies = m_replies; // being written, sent at their time
    qsizetype next = 0;                // the next arrival
    qsizetype taken = 0;               // conversations before this one have an agent (oldest first)
    const QDateTime end = m_start.addDays(7 + DrainDays);
    QDateTime t = m_start;
    if (!advanceTo(t))
        return 1;
    // Minute by minute: what happens in it, in order; then each free agent on shift takes
    // the customer waiting longest.
    while (t < end
           && (next < incoming.size() || taken < m_conversations.size() || !replies.isEmpty()
               || liveWaiting())) {
        const QDateTime stepEnd = t.addSecs(60);
        for (;;) {
            const auto reply =
                std::min_element(replies.begin(), replies.end(),
                                 [](const Reply &a, const Reply &b) { return a.at < b.at; });
            const bool arrivalDue = next < incoming.size() && incoming.at(next).at < stepEnd;
            const bool replyDue = reply != replies.end() && reply->at < stepEnd;
            if (!arrivalDue && !replyDue)
                break;
            if (arrivalDue && (!replyDue || incoming.at(next).at <= reply->at)) {
                if (!advanceTo(incoming.at(next).at)
                    || !customerWrites(incoming.at(next), int(next)))
                    return 1;
                ++next;
            } else {
                const Reply due = *reply;
                replies.erase(reply);
                if (due.live ? !liveDeskReplies(m_live[due.index], due.at)
                             : !agentReplies(m_conversations[due.index], due.at))
                    return 1;
            }
        }
        t = stepEnd;
        // Chats waiting for the desk: the clock moves on minute by minute, so the router's
        // news of them is heard.
        if (liveWaiting() && replies.isEmpty() && !advanceTo(t))
            return 1;
        for (Agent &agent : agents) {
            if (taken >= m_conversations.size() || !onShift(agent, t)
                || (agent.busyUntil.isValid() && agent.busyUntil > t))
                continue;
            agent.busyUntil = t.addSecs(handleSeconds());
            replies.append({agent.busyUntil, taken++, false});
        }
    }
    // Every event the server sent is in once a last request is answered.
    if (!call(*m_staff, QStringLiteral("ping"), {}))
        return 1;
    for (Conversation &c : m_conversations)
        c.promisedBy = m_promises.value(c.id);
    report();
    return 0;
}

bool WeekSimulation::liveWaiting() const
{
    return std::any_of(m_live.cbegin(), m_live.cend(),
                       [](const LiveChat &c) { return !c.firstReplyAt.isValid(); });
}

void WeekSimulation::reportLive(QTextStream &out) const
{
    int kept = 0, shown = 0, unanswered = 0;
    QList<double> queued, replied;
    for (const LiveChat &c : m_live) {
        if (!c.firstReplyAt.isValid()) {
            ++unanswered;
            continue;
        }
        const qint64 wait = c.sentAt.secsTo(c.takenAt);
        queued.append(double(wait));
        replied.append(double(c.sentAt.secsTo(c.firstReplyAt)));
        if (c.shownWaitSeconds < 0)
            continue;
        ++shown;
        kept += wait <= c.shownWaitSeconds;
    }
    out << "  live chats (in hours, the live desk): " << m_live.size() << " started, " << unanswered
        << " unanswered; first reply after median "
        << QString::number(quantile(replied, 0.5), 'f', 0) << " s, p90 "
        << QString::number(quantile(replied, 0.9), 'f', 0) << " s; waited for the desk median "
        << QString::number(quantile(queued, 0.5), 'f', 0) << " s, p90 "
        << QString::number(quantile(queued, 0.9), 'f', 0)
        << " s; within the wait the widget showed: " << percent(kept, shown) << "\n";
}

void WeekSimulation::report() const
{
    int promised = 0, kept = 0, padded = 0, unanswered = 0;
    int promisedInHours = 0, keptInHours = 0;
    QList<double> errors, businessErrors;
    struct Met {
        int due = 0, met = 0;
    } sla[2]; // out of hours, in hours
    for (const Conversation &c : m_conversations) {
        if (!c.firstReplyAt.isValid()) {
            ++unanswered;
            continue;
        }
        Met &m = sla[c.inHours ? 1 : 0];
        ++m.due;
        m.met += m_hours.businessSecondsBetween(c.sentAt, c.firstReplyAt) <= m_firstReplyTarget;
        if (!c.promisedBy.isValid())
            continue;
        ++promised;
        if (c.inHours) {
            ++promisedInHours;
            keptInHours += c.firstReplyAt <= c.promisedBy;
        }
        const double promisedWait = double(c.sentAt.secsTo(c.promisedBy));
        const double actualWait = double(c.sentAt.secsTo(c.firstReplyAt));
        kept += c.firstReplyAt <= c.promisedBy;
        padded += promisedWait > 2 * actualWait;
        if (promisedWait > 0)
            errors.append((actualWait - promisedWait) / promisedWait);
        // The same in business time: the hours closed, which no one could shorten, left out.
        const double promisedBusiness =
            double(m_hours.businessSecondsBetween(c.sentAt, c.promisedBy));
        const double actualBusiness =
            double(m_hours.businessSecondsBetween(c.sentAt, c.firstReplyAt));
        if (promisedBusiness > 0)
            businessErrors.append((actualBusiness - promisedBusiness) / promisedBusiness);
    }
    const int outOfHours = int(std::count_if(m_conversations.cbegin(), m_conversations.cend(),
                                             [](const Conversation &c) { return !c.inHours; }));
    QTextStream out(stdout);
    out << "week simulation: " << m_conversations.size() << " web conversations (" << outOfHours
        << " out of hours) from Berlin, New York and Tokyo; 2 agents on shifts, "
        << "Support open Mon-Fri 08:00-18:00 Europe/Berlin; " << unanswered
        << " unanswered at the end\n";
    reportLive(out);
    out << "  promises: " << promised << " made, " << percent(kept, promised)
        << " kept (answered by the promised time); out of hours (automatic reply) "
        << promised - promisedInHours << ", "
        << percent(kept - keptInHours, promised - promisedInHours)
        << " kept; in hours (busy reply, wait over an hour) " << promisedInHours << ", "
        << percent(keptInHours, promisedInHours) << " kept\n";
    out << "  (actual - promised) / promised: median "
        << QString::number(quantile(errors, 0.5), 'f', 2) << ", p90 "
        << QString::number(quantile(errors, 0.9), 'f', 2) << "; promised more than twice the "
        << "actual wait: " << percent(padded, promised) << "\n";
    out << "  the same in business time (after the opening): median "
        << QString::number(quantile(businessErrors, 0.5), 'f', 2) << ", p90 "
        << QString::number(quantile(businessErrors, 0.9), 'f', 2) << "\n";
    out << "  SLA first reply within " << m_firstReplyTarget / 3600 << " h of business time: met "
        << percent(sla[0].met + sla[1].met, sla[0].due + sla[1].due) << " (in hours "
        << percent(sla[1].met, sla[1].due) << ", out of hours " << percent(sla[0].met, sla[0].due)
        << ")\n";
}

} // namespace Tandem::Sim
