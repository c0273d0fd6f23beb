// SPDX-License-Identifier: GPL-3.0-or-later
// The contract of server/store/store.h, run against every back end the factory has: what
// each method gives back, and the kind of every failure (NotFound, Conflict, Constraint).
// A new back end (PostgreSQL) is done when this suite passes on it unchanged.
#include "platform/clock.h"
#include "store/storefactory.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Tandem;
using namespace Tandem::Server;

Q_DECLARE_METATYPE(Tandem::Server::StoreError)

namespace {
constexpr qint64 T0 = 1'800'000'000'000;

QDateTime at(qint64 offsetMs)
{
    return Clock::fromMs(T0 + offsetMs);
}

Agent agentNamed(const QString &name, Role role = Role::Agent)
{
    Agent a;
    a.name = name;
    a.email = name.toLower() + QStringLiteral("@example.com");
    a.role = role;
    return a;
}

Message messageIn(qint64 conversation, const Party &author, const QString &text, qint64 offset)
{
    Message m;
    m.conversationId = conversation;
    m.clientId = QUuid::createUuid();
    m.author = author;
    m.text = text;
    m.createdAt = at(offset);
    return m;
}

const char *name(StoreError e)
{
    switch (e) {
    case StoreError::NotFound:
        return "NotFound";
    case StoreError::Conflict:
        return "Conflict";
    case StoreError::Constraint:
        return "Constraint";
    case StoreError::Io:
        return "Io";
    }
    return "?";
}

} // namespace

//! Checks a failure's kind, naming what came instead.
#define QCOMPARE_FAILURE(stored, expected)                                                         \
    do {                                                                                           \
        const auto &s_ = (stored);                                                                 \
        QVERIFY2(!s_.ok(), "it succeeded");                                                        \
        QVERIFY2(s_.error() == (expected),                                                         \
                 qPrintable(QStringLiteral("%1 instead of %2 (%3)")                                \
                                .arg(QLatin1String(name(s_.error())),                              \
                                     QLatin1String(name(expected)), s_.failure().detail)));        \
    } while (false)

class TestStoreConformance : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_count = 0;
    ManualClock m_clock{T0};
    StoreFactory::Choice m_choice;
    std::unique_ptr<Store> m_store;

    //! A fresh, open store of the back end this row names.
    Store &fresh()
    {
        QFETCH_GLOBAL(QString, backEnd);
        const QString dir = m_dir.filePath(QStringLiteral("s%1").arg(++m_count));
        const auto choice = StoreFactory::choose(backEnd, dir);
        if (!choice)
            qFatal("unknown back end");
        m_choice = choice.value();
        m_store = StoreFactory::create(m_choice);
        m_store->setClock(m_clock);
        const auto opened = m_store->open();
        if (!opened)
            qFatal("cannot open the store: %s", qPrintable(opened.failure().message));
        return *m_store;
    }

    //! The same store closed and opened again (a restart).
    Store &reopened()
    {
        m_store.reset();
        m_store = StoreFactory::create(m_choice);
        m_store->setClock(m_clock);
        (void)m_store->open();
        return *m_store;
    }

    //! A customer with one conversation; its id.
    static qint64 conversationOf(Store &store, const QString &who, Customer *customer = nullptr)
    {
        const auto c = store.createCustomer({0, who, {}}, who.toUtf8());
        Conversation conversation;
        conversation.customer = c.value();
        conversation.inboxId = 1; // the first inbox, made with the store
        conversation.createdAt = at(0);
        conversation.updatedAt = at(0);
        if (customer)
            *customer = c.value();
        return store.createConversation(conversation)->id;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backEnd");
        for (const QString &backEnd : StoreFactory::backEnds())
            QTest::newRow(qPrintable(backEnd)) << backEnd;
    }

    void accounts()
    {
        Store &s = fresh();
        const auto dana = s.createAgent(agentNamed(QStringLiteral("Dana")), QStringLiteral("h1"));
        QVERIFY(dana && dana->id > 0);
        Agent again = agentNamed(QStringLiteral("DANA"));
        QCOMPARE_FAILURE(s.createAgent(again, QStringLiteral("h2")), StoreError::Conflict);
        const auto byEmail = s.agentByEmail(QStringLiteral("Dana@Example.com"));
        QVERIFY(byEmail);
        QCOMPARE(byEmail->agent.id, dana->id);
        QCOMPARE(byEmail->passwordHash, QStringLiteral("h1"));
        QCOMPARE_FAILURE(s.agentByEmail(QStringLiteral("nobody@example.com")),
                         StoreError::NotFound);
        QCOMPARE_FAILURE(s.agentById(dana->id + 100), StoreError::NotFound);

        const qint64 ghost = dana->id + 100;
        QCOMPARE_FAILURE(s.setPassword(ghost, QStringLiteral("x")), StoreError::NotFound);
        QCOMPARE_FAILURE(s.setDisabled(ghost, true), StoreError::NotFound);
        QCOMPARE_FAILURE(s.setPresence(ghost, Presence::Online), StoreError::NotFound);
        Agent settings = dana.value();
        settings.id = ghost;
        QCOMPARE_FAILURE(s.setAgentSettings(settings), StoreError::NotFound);

        QCOMPARE(dana->asyncCapacity, Agent::DefaultAsyncCapacity);
        settings = dana.value();
        settings.capacity = 7;
        settings.autoAccept = true;
        settings.asyncCapacity = 35;
        QVERIFY(s.setAgentSettings(settings));
        QVERIFY(s.setPresence(dana->id, Presence::Busy));
        const auto changed = s.agentById(dana->id);
        QCOMPARE(changed->capacity, 7);
        QVERIFY(changed->autoAccept);
        QCOMPARE(changed->asyncCapacity, 35);
        QCOMPARE(changed->presence, Presence::Busy);

        const auto eli =
            s.createAgent(agentNamed(QStringLiteral("Eli"), Role::Supervisor), QStringLiteral("h"));
        QVERIFY(s.setDisabled(dana->id, true));
        QCOMPARE(s.agents(false)->size(), 1);
        QCOMPARE(s.agents(false)->first().id, eli->id);
        const auto all = s.agents(true);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->at(0).id < all->at(1).id); // in id order
        QVERIFY(all->at(0).disabled);
    }

    void sessions()
    {
        Store &s = fresh();
        const qint64 dana =
            s.createAgent(agentNamed(QStringLiteral("Dana")), QStringLiteral("h"))->id;
        QCOMPARE_FAILURE(s.createSession("t0", dana + 50, at(60000)), StoreError::Constraint);
        QVERIFY(s.createSession("t1", dana, at(60000)));
        QCOMPARE_FAILURE(s.createSession("t1", dana, at(60000)), StoreError::Conflict);
        QVERIFY(s.createSession("t2", dana, at(1000)));
        QVERIFY(s.createSession("t3", dana, at(60000)));
        const auto session = s.session("t1");
        QVERIFY(session);
        QCOMPARE(session->agentId, dana);
        QCOMPARE(session->expiresAt, at(60000));
        QVERIFY(!session->revoked);
        QCOMPARE_FAILURE(s.session("nope"), StoreError::NotFound);

        QVERIFY(s.revokeSession("t3"));
        QCOMPARE_FAILURE(s.revokeSession("t3"), StoreError::NotFound); // already
        QCOMPARE_FAILURE(s.revokeSession("nope"), StoreError::NotFound);
        // Ended: revoked (t3), expired (t2 at +1 s), unknown; t1 lives.
        const auto ended = s.endedSessions({"t1", "t2", "t3", "nope"}, at(5000));
        QVERIFY(ended);
        QCOMPARE(ended.value(), (QList<QByteArray>{"t2", "t3", "nope"}));
        // A disabled account's sessions end with it.
        QVERIFY(s.setDisabled(dana, true));
        QCOMPARE(s.endedSessions({"t1"}, at(5000)).value(), QList<QByteArray>{"t1"});
        QCOMPARE(s.revokeSessionsOf(dana).value(), 2); // t1 and t2; t3 was revoked before
        QCOMPARE(s.revokeSessionsOf(dana).value(), 0);
    }

    void conversations()
    {
        Store &s = fresh();
        Conversation orphan;
        orphan.customer.id = 999;
        orphan.inboxId = 1;
        orphan.createdAt = orphan.updatedAt = at(0);
        QCOMPARE_FAILURE(s.createConversation(orphan), StoreError::Constraint);
        Conversation nowhere = orphan;
        nowhere.customer = s.createCustomer({0, QStringLiteral("Nowhere"), {}}, "nowhere").value();
        nowhere.inboxId = 404;
        QCOMPARE_FAILURE(s.createConversation(nowhere), StoreError::Constraint);
        QCOMPARE_FAILURE(s.conversation(12345), StoreError::NotFound);
        QCOMPARE_FAILURE(s.customerByToken("nope"), StoreError::NotFound);
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        QCOMPARE(s.customerByToken("Ada")->id, ada.id);

        // Every field survives the round trip.
        const qint64 dana =
            s.createAgent(agentNamed(QStringLiteral("Dana")), QStringLiteral("h"))->id;
        Conversation c = s.conversation(id).value();
        QCOMPARE(c.customer.name, QStringLiteral("Ada"));
        c.mode = ConversationMode::Live;
        c.liveState = LiveState::Active;
        c.assignee = Party{Party::Kind::Agent, dana, QStringLiteral("Dana")};
        c.priority = 3;
        c.queuedAt = at(10);
        c.assignedAt = at(20);
        c.updatedAt = at(30);
        QVERIFY(s.updateConversation(c));
        QCOMPARE(s.conversation(id).value(), c);
        QCOMPARE(s.liveConversations()->size(), 1);
        c.liveState = LiveState::Ended;
        c.endedAt = at(90020);
        c.rating = Rating{5, QStringLiteral("Great")};
        QVERIFY(s.updateConversation(c));
        QCOMPARE(s.conversation(id).value(), c);
        QCOMPARE(s.liveConversations()->size(), 0);
        QCOMPARE(s.recentHandleTimesMs(5).value(), QList<qint64>{90000});
        QCOMPARE(s.lastAssignments()->value(dana), at(20));

        Conversation ghost = c;
        ghost.id = id + 100;
        QCOMPARE_FAILURE(s.updateConversation(ghost), StoreError::NotFound);
    }

    void messages()
    {
        Store &s = fresh();
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        const Party author{Party::Kind::Customer, ada.id, ada.name};
        QCOMPARE_FAILURE(s.insertMessage(messageIn(id + 100, author, QStringLiteral("x"), 1)),
                         StoreError::Constraint);
        QCOMPARE_FAILURE(s.lastMessage(id), StoreError::NotFound);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(s.insertMessage(messageIn(id, author, QString::number(i), 100 + i))->id);
        const Message first = s.message(ids.first()).value();
        QCOMPARE(first.text, QStringLiteral("0"));
        QCOMPARE(first.author.name, QStringLiteral("Ada"));
        // A clientId is used once.
        Message copy = messageIn(id, author, QStringLiteral("again"), 200);
        copy.clientId = first.clientId;
        QCOMPARE_FAILURE(s.insertMessage(copy), StoreError::Conflict);
        QCOMPARE(s.messageByClientId(first.clientId)->id, first.id);
        QCOMPARE_FAILURE(s.messageByClientId(QUuid::createUuid()), StoreError::NotFound);
        QCOMPARE_FAILURE(s.message(ids.last() + 100), StoreError::NotFound);

        // Pages: oldest first, before an id.
        const auto newest = s.messages(id, std::nullopt, 2).value();
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest.at(0).id, ids.at(3));
        QCOMPARE(newest.at(1).id, ids.at(4));
        const auto older = s.messages(id, ids.at(3), 10).value();
        QCOMPARE(older.size(), 3);
        QCOMPARE(older.first().id, ids.first());
        QCOMPARE(s.lastMessage(id)->id, ids.last());
        // A message moves its conversation's activity time.
        QCOMPARE(s.conversation(id)->updatedAt, at(104));

        const qint64 quiet = conversationOf(s, QStringLiteral("Bo"));
        const auto last = s.lastMessages({id, quiet, quiet + 100}).value();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.value(id).id, ids.last());
        QVERIFY(s.lastMessages({}).value().isEmpty());

        // Notes and timeline lines are kept with what they carry, shown to staff only, and
        // are never a conversation's last message.
        Message note = messageIn(id, Party{Party::Kind::Agent, 7, {}}, QStringLiteral("n"), 300);
        note.kind = MessageKind::Note;
        note.mentions = {3, 9};
        Message line = messageIn(id, Party{Party::Kind::System, 0, {}}, QStringLiteral("a"), 301);
        line.kind = MessageKind::Activity;
        line.activity = {{QStringLiteral("change"), QStringLiteral("status")}};
        const qint64 noteId = s.insertMessage(note)->id;
        const qint64 lineId = s.insertMessage(line)->id;
        QCOMPARE(s.message(noteId)->mentions, (QList<qint64>{3, 9}));
        QCOMPARE(s.message(noteId)->kind, MessageKind::Note);
        QCOMPARE(s.message(lineId)->activity, line.activity);
        QCOMPARE(s.messages(id, std::nullopt, 2).value().last().id, lineId);
        QCOMPARE(s.messages(id, std::nullopt, 2, MessageView::Customer).value().last().id,
                 ids.last());
        QCOMPARE(s.lastMessage(id)->id, ids.last());
        QCOMPARE(s.lastMessages({id}).value().value(id).id, ids.last());

        QCOMPARE(s.readMarker(id, author).value(), 0);
        QVERIFY(s.setReadMarker(id, author, ids.at(2)));
        QVERIFY(s.setReadMarker(id, author, ids.at(3)));
        QCOMPARE(s.readMarker(id, author).value(), ids.at(3));
        const Party other{Party::Kind::Agent, ada.id, {}}; // same id, other kind
        QCOMPARE(s.readMarker(id, other).value(), 0);
    }

    void pagesOfOpenConversations()
    {
        Store &s = fresh();
        Customer ada;
        QList<qint64> all;
        for (int i = 0; i < 7; ++i) {
            const qint64 id =
                conversationOf(s, QStringLiteral("C%1").arg(i), i == 0 ? &ada : nullptr);
            Conversation c = s.conversation(id).value();
            c.updatedAt = at(i < 4 ? 1000 : 2000); // ties, broken by id
            QVERIFY(s.updateConversation(c));
            all.append(id);
        }
        Conversation closed = s.conversation(all.at(5)).value();
        closed.status = ConversationStatus::Resolved;
        QVERIFY(s.updateConversation(closed));
        // Newest activity first, then higher id; resolved ones are listed apart.
        const QList<qint64> expected{all.at(6), all.at(4), all.at(3),
                                     all.at(2), all.at(1), all.at(0)};
        QList<qint64> seen;
        std::optional<Store::ConversationCursor> after;
        for (int page = 0; page < 10; ++page) {
            const auto got = s.openConversations({}, after, 4).value();
            for (const Conversation &c : got)
                seen.append(c.id);
            if (got.size() < 4)
                break;
            after = Store::ConversationCursor{got.last().updatedAt, got.last().id};
        }
        QCOMPARE(seen, expected);
        const auto resolved = s.openConversations({}, std::nullopt, 10, true).value();
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(resolved.first().id, all.at(5));
        const auto mine =
            s.openConversations(ReadScope{ada.id, std::nullopt}, std::nullopt, 10).value();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().customer.id, ada.id);
    }

    void eventLog()
    {
        Store &s = fresh();
        QCOMPARE(s.headSeq().value(), 0);
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        Event mine;
        mine.kind = EventKind::MessageCreated;
        mine.conversationId = id;
        mine.customerId = ada.id;
        mine.data = {{QStringLiteral("n"), 1}};
        Event staffOnly = mine;
        staffOnly.staffOnly = true;
        Event others = mine;
        others.customerId = ada.id + 1;
        QVERIFY(s.appendEvent(mine));
        QVERIFY(s.appendEvent(staffOnly));
        QVERIFY(s.appendEvent(others));
        const qint64 first = mine.seq;
        QVERIFY(first > 0 && staffOnly.seq > first && others.seq > staffOnly.seq);
        QCOMPARE(s.headSeq().value(), others.seq);
        QCOMPARE(s.eventsAfter(0, {}, 100)->size(), 3);
        QCOMPARE(s.eventsAfter(first, {}, 100)->size(), 2);
        QCOMPARE(s.eventsAfter(0, {}, 1)->size(), 1);
        const auto forAda = s.eventsAfter(0, ReadScope{ada.id, std::nullopt}, 100).value();
        QCOMPARE(forAda.size(), 1);
        QCOMPARE(forAda.first().seq, first);
        QCOMPARE(QJsonDocument::fromJson(forAda.first().dataJson)
                     .object()
                     .value(QLatin1String("n"))
                     .toInt(),
                 1);
    }

    void transactionsAndDurability()
    {
        Store &s = fresh();
        QVERIFY(s.begin());
        const qint64 kept =
            s.createAgent(agentNamed(QStringLiteral("Kept")), QStringLiteral("h"))->id;
        QVERIFY(s.savepoint());
        QVERIFY(s.createAgent(agentNamed(QStringLiteral("Undone")), QStringLiteral("h")));
        s.rollbackToSavepoint();
        QVERIFY(s.savepoint());
        QVERIFY(s.createAgent(agentNamed(QStringLiteral("Released")), QStringLiteral("h")));
        QVERIFY(s.releaseSavepoint());
        QVERIFY(s.commit());
        QVERIFY(s.begin());
        QVERIFY(s.createAgent(agentNamed(QStringLiteral("RolledBack")), QStringLiteral("h")));
        s.rollback();

        Store &again = reopened();
        QVERIFY(again.agentById(kept));
        QVERIFY(again.agentByEmail(QStringLiteral("released@example.com")));
        QCOMPARE_FAILURE(again.agentByEmail(QStringLiteral("undone@example.com")),
                         StoreError::NotFound);
        QCOMPARE_FAILURE(again.agentByEmail(QStringLiteral("rolledback@example.com")),
                         StoreError::NotFound);
    }

    void aReaderSeesCommittedStatesOnly()
    {
        Store &writer = fresh();
        std::unique_ptr<Store> reader = StoreFactory::createReader(m_choice);
        if (!reader)
            QSKIP("this back end has no separate reader");
        QVERIFY(reader->open());
        QVERIFY(writer.begin());
        const qint64 id =
            writer.createAgent(agentNamed(QStringLiteral("Dana")), QStringLiteral("h"))->id;
        QVERIFY(reader->beginRead());
        QCOMPARE_FAILURE(reader->agentById(id), StoreError::NotFound); // not committed yet
        QVERIFY(writer.commit());
        // One read sees one state: what was committed after it began is not in it.
        QCOMPARE_FAILURE(reader->agentById(id), StoreError::NotFound);
        reader->endRead();
        QVERIFY(reader->beginRead());
        QVERIFY(reader->agentById(id));
        // The writer is not held up by a reader in the middle of its read.
        QVERIFY(writer.begin());
        QVERIFY(writer.setPresence(id, Presence::Online));
        QVERIFY(writer.commit());
        QCOMPARE(reader->agentById(id)->presence, Presence::Offline);
        reader->endRead();
        // And a reader cannot write.
        QVERIFY(reader->beginRead());
        QVERIFY(!reader->setPresence(id, Presence::Busy));
        reader->endRead();
        QCOMPARE(writer.agentById(id)->presence, Presence::Online);
    }

    void teamsAndInboxes()
    {
        Store &s = fresh();
        // A store starts with one team owning one web inbox.
        QCOMPARE(s.teams()->size(), 1);
        QCOMPARE(s.inboxes()->size(), 1);
        const qint64 ana =
            s.createAgent(agentNamed(QStringLiteral("Ana")), QStringLiteral("h"))->id;
        const qint64 bo = s.createAgent(agentNamed(QStringLiteral("Bo")), QStringLiteral("h"))->id;
        QVERIFY(s.inboxesOf(ana)->isEmpty()); // a store's own createAgent joins no team
        const Team billing =
            s.saveTeam(
                 Team{0, QStringLiteral("Billing"), {bo, ana, bo}, std::nullopt, std::nullopt})
                .value();
        QVERIFY(billing.id > 1);
        QCOMPARE(billing.members, (QList<qint64>{std::min(ana, bo), std::max(ana, bo)}));
        QCOMPARE_FAILURE(
            s.saveTeam(Team{0, QStringLiteral("BILLING"), {}, std::nullopt, std::nullopt}),
            StoreError::Conflict);
        QCOMPARE_FAILURE(
            s.saveTeam(Team{0, QStringLiteral("Ghosts"), {4242}, std::nullopt, std::nullopt}),
            StoreError::Constraint);
        QCOMPARE_FAILURE(
            s.saveTeam(Team{999, QStringLiteral("Nobody"), {}, std::nullopt, std::nullopt}),
            StoreError::NotFound);
        const Inbox site =
            s.saveInbox(Inbox{0, QStringLiteral("Billing site"), QStringLiteral("web"), billing.id})
                .value();
        QCOMPARE(s.inbox(site.id).value(), site);
        QCOMPARE(s.inboxesOf(ana).value(), QSet<qint64>{site.id});
        QCOMPARE_FAILURE(s.saveInbox(Inbox{0, QStringLiteral("X"), QStringLiteral("web"), 999}),
                         StoreError::Constraint);
        QCOMPARE_FAILURE(s.saveInbox(Inbox{999, QStringLiteral("X"), QStringLiteral("web"), 0}),
                         StoreError::NotFound);
        QCOMPARE_FAILURE(s.inbox(999), StoreError::NotFound);
        // Changing the members replaces them; an inbox of no team is nobody's through teams.
        QCOMPARE(s.saveTeam(
                      Team{billing.id, QStringLiteral("Billing"), {bo}, std::nullopt, std::nullopt})
                     ->members,
                 QList<qint64>{bo});
        QVERIFY(s.inboxesOf(ana)->isEmpty());
        QCOMPARE(s.saveInbox(Inbox{site.id, QStringLiteral("Renamed"), QStringLiteral("web"), 0})
                     ->teamId,
                 0);
        QVERIFY(s.inboxesOf(bo)->isEmpty());
        QCOMPARE(s.teams()->at(1),
                 (Team{billing.id, QStringLiteral("Billing"), {bo}, std::nullopt, std::nullopt}));
        // Business hours are kept with the team, and go when it is saved without them.
        const BusinessCalendar hours(
            QTimeZone("Europe/Berlin"),
            {{1, QTime(8, 0), QTime(18, 0)}, {5, QTime(22, 0), QTime(2, 0)}},
            {{QDateTime(QDate(2026, 12, 24), QTime(0, 0)),
              QDateTime(QDate(2026, 12, 27), QTime(0, 0)), QStringLiteral("Christmas")}});
        QVERIFY(s.saveTeam(Team{billing.id, QStringLiteral("Billing"), {bo}, hours, std::nullopt}));
        QCOMPARE(s.teams()->at(1).calendar, std::optional<BusinessCalendar>(hours));
        // An inbox's calendar is its team's: none without a team, or for an unknown inbox.
        QVERIFY(!s.calendarOfInbox(site.id).value()); // of no team just now
        QVERIFY(s.saveInbox(
            Inbox{site.id, QStringLiteral("Renamed"), QStringLiteral("web"), billing.id}));
        QCOMPARE(s.calendarOfInbox(site.id).value(), std::optional<BusinessCalendar>(hours));
        QVERIFY(!s.calendarOfInbox(999999).value());
        QVERIFY(s.saveTeam(
            Team{billing.id, QStringLiteral("Billing"), {bo}, std::nullopt, std::nullopt}));
        QVERIFY(!s.teams()->at(1).calendar);
    }

    void channels()
    {
        Store &s = fresh();
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        const QString mail = QStringLiteral("email");
        QCOMPARE_FAILURE(s.customerByIdentity(mail, QStringLiteral("ada@example.com")),
                         StoreError::NotFound);
        QVERIFY(s.addIdentity(mail, QStringLiteral("ada@example.com"), ada.id));
        const auto found = s.customerByIdentity(mail, QStringLiteral("ada@example.com"));
        QCOMPARE(found->id, ada.id);
        QCOMPARE(found->name, QStringLiteral("Ada"));
        QCOMPARE_FAILURE(s.addIdentity(mail, QStringLiteral("ada@example.com"), ada.id + 1),
                         StoreError::Conflict);
        QCOMPARE_FAILURE(s.addIdentity(mail, QStringLiteral("x@example.com"), ada.id + 99),
                         StoreError::Constraint);
        QCOMPARE(s.addressOf(ada.id, mail).value(), QStringLiteral("ada@example.com"));
        QCOMPARE_FAILURE(s.addressOf(ada.id, QStringLiteral("whatsapp")), StoreError::NotFound);

        const Party author{Party::Kind::Customer, ada.id, ada.name};
        const qint64 m1 = s.insertMessage(messageIn(id, author, QStringLiteral("a"), 1))->id;
        const qint64 m2 = s.insertMessage(messageIn(id, author, QStringLiteral("b"), 2))->id;
        QCOMPARE_FAILURE(s.inboundMessage(mail, QStringLiteral("<1@x>")), StoreError::NotFound);
        QVERIFY(s.recordInbound(mail, QStringLiteral("<1@x>"), m1));
        QCOMPARE(s.inboundMessage(mail, QStringLiteral("<1@x>")).value(), m1);
        QCOMPARE_FAILURE(s.recordInbound(mail, QStringLiteral("<1@x>"), m2), StoreError::Conflict);
        QVERIFY(s.recordInbound(QStringLiteral("whatsapp"), QStringLiteral("<1@x>"), m2));
        // Only web conversations so far: none open in another inbox.
        QCOMPARE_FAILURE(s.openConversationIn(ada.id, 2), StoreError::NotFound);

        OutboundRecord later{
            m1, mail, QStringLiteral("ada@example.com"), DeliveryState::Queued, 0, at(5000),
            {}, {}};
        OutboundRecord sooner = later;
        sooner.messageId = m2;
        sooner.nextAttemptAt = at(1000);
        QVERIFY(s.queueOutbound(later));
        QVERIFY(s.queueOutbound(sooner));
        QCOMPARE_FAILURE(s.queueOutbound(sooner), StoreError::Conflict);
        OutboundRecord ghost = later;
        ghost.messageId = m2 + 100;
        QCOMPARE_FAILURE(s.queueOutbound(ghost), StoreError::Constraint);
        QCOMPARE_FAILURE(s.updateOutbound(ghost), StoreError::NotFound);
        QCOMPARE(s.dueOutbound(at(999), 10)->size(), 0);
        const auto due = s.dueOutbound(at(5000), 10).value();
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.first().messageId, m2); // earliest first
        sooner.state = DeliveryState::Sent;
        sooner.attempts = 1;
        sooner.externalId = QStringLiteral("ext-9");
        QVERIFY(s.updateOutbound(sooner));
        QCOMPARE(s.dueOutbound(at(5000), 10)->size(), 1); // sent ones are not due
        const auto byExternal = s.outboundByExternalId(mail, QStringLiteral("ext-9"));
        QCOMPARE(byExternal->messageId, m2);
        QCOMPARE(byExternal->state, DeliveryState::Sent);
        QCOMPARE(byExternal->attempts, 1);
        QCOMPARE_FAILURE(
            s.outboundByExternalId(QStringLiteral("whatsapp"), QStringLiteral("ext-9")),
            StoreError::NotFound);
        QCOMPARE_FAILURE(s.outbound(m2 + 100), StoreError::NotFound);
    }

    void heldAndAcknowledgedReplies()
    {
        Store &s = fresh();
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        const QString web = QStringLiteral("web");
        QVERIFY(s.addIdentity(web, QStringLiteral("v-1"), ada.id));
        const Party dana{Party::Kind::Agent, 1, QStringLiteral("Dana")};
        QList<qint64> m;
        for (int i = 1; i <= 3; ++i)
            m << s.insertMessage(messageIn(id, dana, QStringLiteral("r%1").arg(i), i))->id;
        auto record = [&](qint64 message, DeliveryState state, const QDateTime &next) {
            return OutboundRecord{message, web, QStringLiteral("v-1"), state, 0, next, {}, {}};
        };
        QVERIFY(s.queueOutbound(record(m[0], DeliveryState::Sent, at(0))));
        QVERIFY(s.queueOutbound(record(m[1], DeliveryState::Queued, OutboundRecord::whenWoken())));
        QVERIFY(s.queueOutbound(record(m[2], DeliveryState::Queued, at(1000))));

        const auto records = s.outboundFor({m[0], m[1], m[2], m[2] + 100}).value();
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.value(m[0]).state, DeliveryState::Sent);
        QCOMPARE(records.value(m[1]).nextAttemptAt, OutboundRecord::whenWoken());
        QVERIFY(s.outboundFor({}).value().isEmpty());

        // A held reply is never due, and its customer is known.
        const auto due = s.dueOutbound(OutboundRecord::whenWoken().addMSecs(-1), 10).value();
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().messageId, m[2]);
        QCOMPARE(s.heldCustomers(web).value(), QList<qint64>{ada.id});
        QVERIFY(s.heldCustomers(QStringLiteral("email")).value().isEmpty());

        // Those not yet at a state, newest first, in a range of messages, at most `limit`.
        auto before = [&](qint64 upTo, DeliveryState state, int limit = 10, qint64 after = 0) {
            QList<qint64> ids;
            const auto got = s.outboundBefore(id, after, upTo, state, limit); // kept alive
            for (const OutboundRecord &r : got.value())
                ids << r.messageId;
            return ids;
        };
        QCOMPARE(before(m[2], DeliveryState::Delivered), (QList<qint64>{m[2], m[1], m[0]}));
        QCOMPARE(before(m[1], DeliveryState::Delivered), (QList<qint64>{m[1], m[0]}));
        QCOMPARE(before(m[2], DeliveryState::Delivered, 1), QList<qint64>{m[2]});
        QCOMPARE(before(m[2], DeliveryState::Delivered, 10, m[0]), (QList<qint64>{m[2], m[1]}));
        QVERIFY(s.updateOutbound(record(m[0], DeliveryState::Read, at(0))));
        QVERIFY(s.updateOutbound(record(m[2], DeliveryState::Failed, at(1000))));
        QCOMPARE(before(m[2], DeliveryState::Read), QList<qint64>{m[1]}); // not read, not failed
        QVERIFY(before(m[2], DeliveryState::Queued).isEmpty());

        // Waking is per customer and happens once.
        QCOMPARE(s.wakeOutbound(web, ada.id + 1, at(2000)).value(), 0);
        QCOMPARE(s.wakeOutbound(web, ada.id, at(2000)).value(), 1);
        QCOMPARE(s.wakeOutbound(web, ada.id, at(2000)).value(), 0);
        QVERIFY(s.heldCustomers(web).value().isEmpty());
        QCOMPARE(s.dueOutbound(at(2000), 10).value().first().messageId, m[1]);
    }

    void jobs()
    {
        Store &s = fresh();
        QVERIFY(s.saveJob({QStringLiteral("k"), QStringLiteral("1"), at(100), {}}));
        QVERIFY(s.saveJob({QStringLiteral("k"), QStringLiteral("2"), at(200), {}}));
        QVERIFY(s.saveJob({QStringLiteral("k"),
                           QStringLiteral("1"),
                           at(300),
                           {{QStringLiteral("v"), 2}}})); // replaces
        QVERIFY(s.saveJob({QStringLiteral("other"), QStringLiteral("1"), at(400), {}}));
        QVERIFY(s.deleteJob(QStringLiteral("k"), QStringLiteral("2")));
        QVERIFY(s.deleteJob(QStringLiteral("k"), QStringLiteral("never"))); // no failure
        auto jobs = s.jobs().value();
        std::sort(jobs.begin(), jobs.end(),
                  [](const JobRecord &a, const JobRecord &b) { return a.due < b.due; });
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs.at(0).kind, QStringLiteral("k"));
        QCOMPARE(jobs.at(0).due, at(300));
        QCOMPARE(jobs.at(0).payload.value(QLatin1String("v")).toInt(), 2);
        QCOMPARE(jobs.at(1).kind, QStringLiteral("other"));
    }

    void cannedResponses()
    {
        Store &s = fresh();
        const auto hi = s.saveCanned({0, QStringLiteral("hi"), QStringLiteral("Hello!"), at(0)});
        QVERIFY(hi && hi->id > 0);
        QCOMPARE_FAILURE(s.saveCanned({0, QStringLiteral("HI"), QStringLiteral("Hey"), at(1)}),
                         StoreError::Conflict);
        const auto bye = s.saveCanned({0, QStringLiteral("bye"), QStringLiteral("Bye!"), at(2)});
        QCOMPARE_FAILURE(s.saveCanned({bye->id, QStringLiteral("hi"), QStringLiteral("x"), at(3)}),
                         StoreError::Conflict);
        QCOMPARE_FAILURE(
            s.saveCanned({bye->id + 100, QStringLiteral("new"), QStringLiteral("x"), at(3)}),
            StoreError::NotFound);
        QVERIFY(s.saveCanned({bye->id, QStringLiteral("ciao"), QStringLiteral("Ciao!"), at(4)}));
        const auto list = s.cannedResponses().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).shortcut, QStringLiteral("ciao")); // by shortcut
        QCOMPARE(list.at(1).shortcut, QStringLiteral("hi"));
        QVERIFY(s.deleteCanned(hi->id));
        QCOMPARE_FAILURE(s.deleteCanned(hi->id), StoreError::NotFound);
    }

    void search()
    {
        Store &s = fresh();
        Customer ada;
        const qint64 id = conversationOf(s, QStringLiteral("Ada"), &ada);
        const Party author{Party::Kind::Customer, ada.id, ada.name};
        const qint64 m1 =
            s.insertMessage(messageIn(id, author, QStringLiteral("Parcel delivered"), 1))->id;
        Message note = messageIn(id, Party{Party::Kind::Agent, 7, {}}, QStringLiteral("parcel"), 2);
        note.kind = MessageKind::Note;
        const qint64 noteId = s.insertMessage(note)->id;
        Message line =
            messageIn(id, Party{Party::Kind::System, 0, {}}, QStringLiteral("parcel"), 3);
        line.kind = MessageKind::Activity;
        line.activity = {{QStringLiteral("change"), QStringLiteral("status")}};
        s.insertMessage(line);
        const qint64 m4 =
            s.insertMessage(messageIn(id, author, QStringLiteral("Delivery was late"), 4))->id;
        const ReadScope all;
        // Nothing is found before it is indexed; indexing goes in id order, in batches.
        QVERIFY(s.searchMessages(all, QStringLiteral("\"parcel\""), std::nullopt, 10)->isEmpty());
        QCOMPARE(s.indexForSearch(3).value(), 3);
        QCOMPARE(s.indexForSearch(3).value(), 1);
        QCOMPARE(s.indexForSearch(3).value(), 0);
        // Messages and notes, newest first; never the timeline.
        const auto ids = [](const QList<Message> &list) {
            QList<qint64> out;
            for (const Message &m : list)
                out.append(m.id);
            return out;
        };
        QCOMPARE(ids(s.searchMessages(all, QStringLiteral("\"parcel\""), std::nullopt, 10).value()),
                 (QList<qint64>{noteId, m1}));
        QCOMPARE(ids(s.searchMessages(all, QStringLiteral("\"parcel\""), noteId, 10).value()),
                 QList<qint64>{m1});
        QCOMPARE(ids(s.searchMessages(all, QStringLiteral("\"deli\"*"), std::nullopt, 1).value()),
                 QList<qint64>{m4});
        // Another customer's scope finds none of it.
        ReadScope someoneElse;
        someoneElse.customerId = ada.id + 1000;
        QVERIFY(s.searchMessages(someoneElse, QStringLiteral("\"parcel\""), std::nullopt, 10)
                    ->isEmpty());
        // The vocabulary: the words in a range, for completing a word being typed.
        QCOMPARE(s.searchTerms(QStringLiteral("deliv"), QStringLiteral("delix"), 10).value(),
                 (QStringList{QStringLiteral("delivered"), QStringLiteral("delivery")}));
    }

    void merging()
    {
        Store &s = fresh();
        Customer ada;
        const qint64 a = conversationOf(s, QStringLiteral("Ada"), &ada);
        const qint64 b = s.createConversation([&] {
                              Conversation c = s.conversation(a).value();
                              c.id = 0;
                              return c;
                          }())
                             ->id;
        const Party author{Party::Kind::Customer, ada.id, ada.name};
        const qint64 m1 = s.insertMessage(messageIn(a, author, QStringLiteral("a1"), 1))->id;
        const qint64 m2 = s.insertMessage(messageIn(b, author, QStringLiteral("b1"), 2))->id;
        QVERIFY(s.moveMessages(a, b));
        const auto inB = s.messages(b, std::nullopt, 10).value();
        QCOMPARE(inB.size(), 2);
        QCOMPARE(inB.at(0).id, m1);
        QCOMPARE(inB.at(0).mergedFrom, a);
        QCOMPARE(inB.at(1).mergedFrom, 0);
        QVERIFY(s.messages(a, std::nullopt, 10)->isEmpty());
        // The conversation remembers where it went, when, and what it was.
        Conversation from = s.conversation(a).value();
        from.mergedInto = b;
        from.mergedAt = at(50);
        from.statusBeforeMerge = ConversationStatus::Pending;
        QVERIFY(s.updateConversation(from));
        QCOMPARE(s.conversation(a)->statusBeforeMerge, ConversationStatus::Pending);
        QCOMPARE(s.conversation(a).value(), from);
        // Back: only what came from it.
        const qint64 m3 = s.insertMessage(messageIn(b, author, QStringLiteral("b2"), 3))->id;
        QVERIFY(s.returnMessages(a, b));
        QCOMPARE(s.messages(a, std::nullopt, 10)->size(), 1);
        QCOMPARE(s.messages(a, std::nullopt, 10)->first().mergedFrom, 0);
        const auto kept = s.messages(b, std::nullopt, 10).value();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).id, m2);
        QCOMPARE(kept.at(1).id, m3);
    }

    void labels()
    {
        Store &s = fresh();
        const auto bug = s.saveLabel({0, QStringLiteral("Bug"), QStringLiteral("#dc2626")});
        const auto vip = s.saveLabel({0, QStringLiteral("VIP"), QStringLiteral("#ca8a04")});
        QVERIFY(bug && vip && bug->id != vip->id);
        QCOMPARE_FAILURE(s.saveLabel({0, QStringLiteral("bug"), QStringLiteral("#000000")}),
                         StoreError::Conflict);
        QCOMPARE_FAILURE(
            s.saveLabel({vip->id + 100, QStringLiteral("X"), QStringLiteral("#000000")}),
            StoreError::NotFound);
        QVERIFY(s.saveLabel({bug->id, QStringLiteral("Defect"), QStringLiteral("#b91c1c")}));
        const auto list = s.labels().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0), (Label{bug->id, QStringLiteral("Defect"), QStringLiteral("#b91c1c")}));
        // A conversation keeps its labels; deleting one takes it off, leaving the others.
        const qint64 id = conversationOf(s, QStringLiteral("Ada"));
        const qint64 other = conversationOf(s, QStringLiteral("Bea"));
        Conversation c = s.conversation(id).value();
        c.labels = {bug->id, vip->id};
        QVERIFY(s.updateConversation(c));
        QCOMPARE(s.conversation(id)->labels, (QList<qint64>{bug->id, vip->id}));
        QVERIFY(s.conversation(other)->labels.isEmpty());
        QVERIFY(s.deleteLabel(bug->id));
        QCOMPARE(s.conversation(id)->labels, QList<qint64>{vip->id});
        QVERIFY(s.deleteLabel(vip->id));
        QVERIFY(s.conversation(id)->labels.isEmpty());
        QCOMPARE_FAILURE(s.deleteLabel(vip->id), StoreError::NotFound);
        QVERIFY(s.labels()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreConformance)
#include "tst_storeconformance.moc"
