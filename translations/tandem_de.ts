<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>DeckRequest</name>
    <message>
        <source>Not connected: try again when Tandem is back online.</source>
        <translation>Nicht verbunden: Versuchen Sie es erneut, wenn Tandem wieder online ist.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This chat is no longer there for you: the offer lapsed, or the customer left or was served elsewhere.</source>
        <translation>Dieser Chat ist nicht mehr für Sie da: Das Angebot ist abgelaufen, oder der Kunde ist gegangen oder wurde anderweitig bedient.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Ihre Rolle erlaubt das nicht.</translation>
    </message>
    <message>
        <source>Not possible now: the chat has changed meanwhile.</source>
        <translation>Jetzt nicht möglich: Der Chat hat sich inzwischen geändert.</translation>
    </message>
    <message>
        <source>That agent cannot take a chat now (not online, not connected, or at capacity).</source>
        <translation>Diese Person kann gerade keinen Chat übernehmen (nicht online, nicht verbunden oder ausgelastet).</translation>
    </message>
    <message>
        <source>That clashes with what exists already (for example, the shortcut is taken).</source>
        <translation>Das kollidiert mit etwas Bestehendem (zum Beispiel ist das Kürzel schon vergeben).</translation>
    </message>
    <message>
        <source>Too many requests: please wait a moment.</source>
        <translation>Zu viele Anfragen: Bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Tandem: answer your customers&apos; conversations.</source>
        <translation>Tandem: Beantworten Sie die Unterhaltungen Ihrer Kunden.</translation>
    </message>
    <message>
        <source>The Tandem server to sign in to, e.g. https://help.example.com.</source>
        <translation>Der Tandem-Server, bei dem Sie sich anmelden, z. B. https://help.example.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The email address to sign in with.</source>
        <translation>Die E-Mail-Adresse für die Anmeldung.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Use a separate profile: its own settings, cache and sign-in (default: %1).</source>
        <translation>Ein eigenes Profil verwenden: eigene Einstellungen, eigener Zwischenspeicher, eigene Anmeldung (Standard: %1).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Forget the profile&apos;s cache, settings and stored sign-in, then start afresh.</source>
        <translation>Zwischenspeicher, Einstellungen und gespeicherte Anmeldung des Profils vergessen und neu beginnen.</translation>
    </message>
    <message>
        <source>
Environment:
  %1  Use this session token instead of the keychain (needs --server and --email); nothing is stored.
</source>
        <translation>
Umgebung:
  %1  Dieses Sitzungstoken statt des Schlüsselbunds verwenden (braucht --server und --email); nichts wird gespeichert.
</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>The profile name “%1” is not allowed: use up to 64 letters, digits, dots, dashes and underscores.</source>
        <translation>Der Profilname „%1“ ist nicht erlaubt: Verwenden Sie bis zu 64 Buchstaben, Ziffern, Punkte, Binde- und Unterstriche.</translation>
    </message>
    <message>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>%1 is set, so --server and --email are needed too.</source>
        <translation>%1 ist gesetzt, daher werden auch --server und --email benötigt.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Tandem cannot create its data folder %1.</source>
        <translation>Tandem kann seinen Datenordner %1 nicht anlegen.</translation>
    </message>
    <message>
        <source>Tandem is already running (process %1). Switch to its window, or start another profile with --profile NAME.</source>
        <translation>Tandem läuft bereits (Prozess %1). Wechseln Sie zu dessen Fenster oder starten Sie ein anderes Profil mit --profile NAME.</translation>
    </message>
    <message>
        <source>Tandem is already running with the profile “%1” (process %2).</source>
        <translation>Tandem läuft bereits mit dem Profil „%1“ (Prozess %2).</translation>
    </message>
    <message>
        <source>Tandem cannot lock its data folder %1.</source>
        <translation>Tandem kann seinen Datenordner %1 nicht sperren.</translation>
    </message>
</context>
<context>
    <name>SlaWords</name>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Next reply</source>
        <translation>Nächste Antwort</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Erledigung</translation>
    </message>
    <message>
        <source>%1 met: %2 of %3</source>
        <translation>%1 eingehalten: %2 von %3</translation>
    </message>
    <message>
        <source>%1 breached: took %2 of %3</source>
        <translation>%1 verfehlt: %2 statt %3</translation>
    </message>
    <message>
        <source>%1 breached %2 ago (target %3 of business time)</source>
        <translation>%1 verfehlt seit %2 (Ziel %3 Geschäftszeit)</translation>
    </message>
    <message>
        <source>%1 breached %2 over its target (paused)</source>
        <translation>%1 verfehlt, %2 über dem Ziel (pausiert)</translation>
    </message>
    <message>
        <source>waiting on the customer</source>
        <translation>Antwort des Kunden steht aus</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>%1 paused: %2 (%3 of business time left)</source>
        <translation>%1 pausiert: %2 (noch %3 Geschäftszeit)</translation>
    </message>
    <message>
        <source>%1 due in %2 of business time</source>
        <translation>%1 fällig in %2 Geschäftszeit</translation>
    </message>
    <message>
        <source>SLA: %1 overdue</source>
        <translation>SLA: %1 überfällig</translation>
    </message>
    <message>
        <source>SLA: overdue</source>
        <translation>SLA: überfällig</translation>
    </message>
    <message>
        <source>SLA paused</source>
        <translation>SLA pausiert</translation>
    </message>
    <message>
        <source>SLA: due in %1</source>
        <translation>SLA: fällig in %1</translation>
    </message>
</context>
<context>
    <name>Tandem::ActivityText</name>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Its snooze ran out: open again</source>
        <translation>Die Zurückstellung ist abgelaufen: wieder offen</translation>
    </message>
    <message>
        <source>The customer wrote: open again</source>
        <translation>Der Kunde hat geschrieben: wieder offen</translation>
    </message>
    <message>
        <source>%1 snoozed it until %2</source>
        <translation>%1 hat sie bis %2 zurückgestellt</translation>
    </message>
    <message>
        <source>%1 snoozed it until the customer writes</source>
        <translation>%1 hat sie zurückgestellt, bis der Kunde schreibt</translation>
    </message>
    <message>
        <source>%1 set it pending: waiting on the customer</source>
        <translation>%1 hat sie auf wartend gesetzt: Antwort des Kunden steht aus</translation>
    </message>
    <message>
        <source>%1 resolved it</source>
        <translation>%1 hat sie erledigt</translation>
    </message>
    <message>
        <source>%1 reopened it</source>
        <translation>%1 hat sie wieder geöffnet</translation>
    </message>
    <message>
        <source>%1 unassigned it</source>
        <translation>%1 hat die Zuweisung aufgehoben</translation>
    </message>
    <message>
        <source>%1 took it</source>
        <translation>%1 hat sie übernommen</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 hat sie %2 zugewiesen</translation>
    </message>
    <message>
        <source>Assigned to %1 automatically</source>
        <translation>Automatisch %1 zugewiesen</translation>
    </message>
    <message>
        <source>%1 added %2 and removed %3</source>
        <translation>%1 hat %2 hinzugefügt und %3 entfernt</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 hat %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 hat %2 entfernt</translation>
    </message>
    <message>
        <source>%1 merged conversation %2 into this one</source>
        <translation>%1 hat Unterhaltung %2 mit dieser zusammengeführt</translation>
    </message>
    <message>
        <source>%1 took conversation %2 back out of this one</source>
        <translation>%1 hat Unterhaltung %2 wieder herausgelöst</translation>
    </message>
    <message>
        <source>%1 took its priority away</source>
        <translation>%1 hat die Priorität entfernt</translation>
    </message>
    <message>
        <source>%1 set the priority to %2</source>
        <translation>%1 hat die Priorität auf %2 gesetzt</translation>
    </message>
</context>
<context>
    <name>Tandem::AttachmentPicker</name>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>Attach files to this email (up to 10 MiB each, 25 MiB in all)</source>
        <translation>Dateien an diese E-Mail anhängen (bis 10 MiB je Datei, 25 MiB insgesamt)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is %2: a file may be at most %3.</source>
        <translation>%1 ist %2 groß: Eine Datei darf höchstens %3 groß sein.</translation>
    </message>
    <message>
        <source>%1 would make the email larger than %2.</source>
        <translation>Mit %1 würde die E-Mail größer als %2.</translation>
    </message>
    <message>
        <source>An email carries at most %1 files.</source>
        <translation>Eine E-Mail trägt höchstens %1 Dateien.</translation>
    </message>
    <message>
        <source>Take %1 off</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>Tandem::BulkBar</name>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Until the customer writes</source>
        <translation>Bis der Kunde schreibt</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Erledigen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3. %4</source>
        <translation>%1: %2 von %3. %4</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>Gelabelt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>%1: %2, sent when the connection is back</source>
        <translation>%1: %2, gesendet, sobald die Verbindung zurück ist</translation>
    </message>
</context>
<context>
    <name>Tandem::CannedPopup</name>
    <message>
        <source>Search canned responses</source>
        <translation>Textbausteine durchsuchen</translation>
    </message>
    <message>
        <source>Enter inserts · Esc closes</source>
        <translation>Eingabe fügt ein · Esc schließt</translation>
    </message>
    <message>
        <source>No canned responses yet. Supervisors add them under Team → Canned Responses.</source>
        <translation>Noch keine Textbausteine. Supervisoren legen sie unter Team → Textbausteine an.</translation>
    </message>
    <message>
        <source>None matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>Tandem::CannedResponsesDialog</name>
    <message>
        <source>Canned Responses</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>e.g. refund</source>
        <translation>z. B. erstattung</translation>
    </message>
    <message>
        <source>The reply agents insert by typing /shortcut</source>
        <translation>Die Antwort, die man mit /kürzel einfügt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Shortcut:</source>
        <translation>Kürzel:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>A shortcut is one word, without spaces.</source>
        <translation>Ein Kürzel ist ein Wort, ohne Leerzeichen.</translation>
    </message>
    <message>
        <source>The text is too long: at most %1 characters.</source>
        <translation>Der Text ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>Tandem::ChatDeck</name>
    <message>
        <source>No live chats right now.

While you are Online, new chats are offered to you above; accepted ones open here, side by side.</source>
        <translation>Gerade keine Live-Chats.

Solange Sie online sind, werden Ihnen neue Chats oben angeboten; angenommene öffnen sich hier, nebeneinander.</translation>
    </message>
</context>
<context>
    <name>Tandem::ChatPane</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this ended chat (Ctrl+Shift+E)</source>
        <translation>Diesen beendeten Chat schließen (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>End the chat?</source>
        <translation>Chat beenden?</translation>
    </message>
    <message>
        <source>End the chat with %1? They can no longer write in it, and are asked to rate it.</source>
        <translation>Den Chat mit %1 beenden? Danach kann nicht mehr darin geschrieben werden, und um eine Bewertung wird gebeten.</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>The chat with %1 has ended.</source>
        <translation>Der Chat mit %1 ist beendet.</translation>
    </message>
    <message>
        <source>The chat with %1 has ended. What you were writing is kept below.</source>
        <translation>Der Chat mit %1 ist beendet. Was Sie gerade schrieben, bleibt unten erhalten.</translation>
    </message>
    <message>
        <source>End Chat</source>
        <translation>Chat beenden</translation>
    </message>
    <message>
        <source>End this chat (Ctrl+Shift+E)</source>
        <translation>Diesen Chat beenden (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Weitergeben …</translation>
    </message>
    <message>
        <source>Follow Up Later</source>
        <translation>Später weiterführen</translation>
    </message>
    <message>
        <source>Take the chat off the deck; it stays in the inbox to answer later</source>
        <translation>Den Chat vom Deck nehmen; er bleibt im Posteingang, um später zu antworten</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>Reply… “/” for canned responses</source>
        <translation>Antworten … „/“ für Textbausteine</translation>
    </message>
    <message>
        <source>Send the reply (Enter)</source>
        <translation>Antwort senden (Eingabe)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>This reply is too long: at most %1 characters.</source>
        <translation>Diese Antwort ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A reply was not accepted by the server: %1</source>
        <translation>Eine Antwort wurde vom Server nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Ctrl+%1 goes to this chat</source>
        <translation>Strg+%1 springt zu diesem Chat</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message>
        <source>Transferred to you by %1.</source>
        <translation>Von %1 an Sie weitergegeben.</translation>
    </message>
    <message>
        <source>Transferred to you by %1: “%2”</source>
        <translation>Von %1 an Sie weitergegeben: „%2“</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>Wartet %1</translation>
    </message>
    <message>
        <source>The customer has waited this long for an answer</source>
        <translation>So lange wartet der Kunde schon auf eine Antwort</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>Ending the chat…</source>
        <translation>Chat wird beendet …</translation>
    </message>
    <message>
        <source>Moving the chat to the inbox…</source>
        <translation>Chat wird in den Posteingang verschoben …</translation>
    </message>
</context>
<context>
    <name>Tandem::CommandPalette</name>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Type a command: resolve, snooze, label, assign…</source>
        <translation>Befehl eingeben: erledigen, zurückstellen, Label, zuweisen …</translation>
    </message>
</context>
<context>
    <name>Tandem::Composer</name>
    <message>
        <source>Write a reply… Enter sends, Shift+Enter starts a new line</source>
        <translation>Antwort schreiben … Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>Tandem::ConnectionIndicator</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reach the server now instead of waiting</source>
        <translation>Den Server jetzt zu erreichen versuchen, statt zu warten</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline – reconnecting in %1 s</source>
        <translation>Offline – neuer Verbindungsversuch in %1 s</translation>
    </message>
    <message>
        <source>Offline – reconnecting…</source>
        <translation>Offline – verbinde neu …</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Postausgang: %1</translation>
    </message>
    <message>
        <source>Every reply has reached the server.</source>
        <translation>Alle Antworten haben den Server erreicht.</translation>
    </message>
    <message>
        <source>Replies waiting to be sent: %1. They go out as soon as the server can be reached.</source>
        <translation>Antworten, die auf das Senden warten: %1. Sie gehen hinaus, sobald der Server erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationActions</name>
    <message>
        <source>Take</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Assign this conversation to yourself</source>
        <translation>Diese Unterhaltung sich selbst zuweisen</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Assign this conversation to someone, or to nobody</source>
        <translation>Diese Unterhaltung jemandem oder niemandem zuweisen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Waiting on the customer: it opens again when they write</source>
        <translation>Wartet auf den Kunden: öffnet sich wieder, wenn er schreibt</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Put it out of the way until a time, or until the customer writes</source>
        <translation>Bis zu einem Zeitpunkt oder bis der Kunde schreibt aus dem Weg räumen</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Bis zu einem Datum …</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Until the customer writes</source>
        <translation>Bis der Kunde schreibt</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Erledigen</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>Für eine Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow, 9:00</source>
        <translation>Bis morgen, 9:00</translation>
    </message>
    <message>
        <source>Until next week (Monday, 9:00)</source>
        <translation>Bis nächste Woche (Montag, 9:00)</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Done: it opens again if the customer writes</source>
        <translation>Erledigt: öffnet sich wieder, wenn der Kunde schreibt</translation>
    </message>
    <message>
        <source>Open it again</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>A live chat under way is ended from the deck</source>
        <translation>Ein laufender Live-Chat wird im Chat-Deck beendet</translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation>%1 (ich)</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Not connected to the server</source>
        <translation>Nicht mit dem Server verbunden</translation>
    </message>
    <message>
        <source>Assign anyway?</source>
        <translation>Trotzdem zuweisen?</translation>
    </message>
    <message>
        <source>%1. Assign it all the same?</source>
        <translation>%1. Trotzdem zuweisen?</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Put labels on this conversation, or take them off</source>
        <translation>Labels an dieser Unterhaltung setzen oder entfernen</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>How urgent it is</source>
        <translation>Wie dringend sie ist</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Join this conversation into another of the same customer</source>
        <translation>Diese Unterhaltung mit einer anderen desselben Kunden zusammenführen</translation>
    </message>
    <message>
        <source>No labels yet: a supervisor adds them</source>
        <translation>Noch keine Labels: Eine Supervisorin oder ein Supervisor legt sie an</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Into #%1 (%2): %3</source>
        <translation>In #%1 (%2): %3</translation>
    </message>
    <message>
        <source>This customer has no other conversation</source>
        <translation>Dieser Kunde hat keine andere Unterhaltung</translation>
    </message>
    <message>
        <source>Offline: changes are sent when the connection is back</source>
        <translation>Offline: Änderungen werden gesendet, sobald die Verbindung zurück ist</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationDelegate</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Live chat, waiting</source>
        <translation>Live-Chat, wartet</translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation>Live-Chat</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>Snoozed until they write</source>
        <translation>Zurückgestellt, bis der Kunde schreibt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Open: the customer wrote</source>
        <translation>Offen: Der Kunde hat geschrieben</translation>
    </message>
    <message>
        <source>Open: snooze ran out</source>
        <translation>Offen: Zurückstellung abgelaufen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 ist hier</translation>
    </message>
    <message>
        <source>Web chat</source>
        <translation>Web-Chat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationListView</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationView</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the reply (Enter or Ctrl+Enter)</source>
        <translation>Antwort senden (Eingabe oder Strg+Eingabe)</translation>
    </message>
    <message>
        <source>This reply is too long: a message can have at most %1 characters.</source>
        <translation>Diese Antwort ist zu lang: Eine Nachricht darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left to read and answer it.</source>
        <translation>Wählen Sie links eine Unterhaltung, um sie zu lesen und zu beantworten.</translation>
    </message>
    <message>
        <source>A reply was not accepted by the server: %1</source>
        <translation>Eine Antwort wurde vom Server nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>%1 · conversation %2</source>
        <translation>%1 · Unterhaltung %2</translation>
    </message>
    <message>
        <source>%1 The customer rated this chat %2 of 5.</source>
        <translation>%1 Der Kunde hat diesen Chat mit %2 von 5 bewertet.</translation>
    </message>
    <message>
        <source>%1 The customer rated this chat %2 of 5: “%3”</source>
        <translation>%1 Der Kunde hat diesen Chat mit %2 von 5 bewertet: „%3“</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Write a private note that only the team sees; @name tells a colleague (Ctrl+Shift+N)</source>
        <translation>Eine private Notiz schreiben, die nur das Team sieht; @Name benachrichtigt eine Kollegin oder einen Kollegen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>Snoozed until the customer writes</source>
        <translation>Zurückgestellt, bis der Kunde schreibt</translation>
    </message>
    <message>
        <source>Pending: waiting on the customer</source>
        <translation>Wartend: Antwort des Kunden steht aus</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Open again: the customer wrote</source>
        <translation>Wieder offen: Der Kunde hat geschrieben</translation>
    </message>
    <message>
        <source>Open again: its snooze ran out</source>
        <translation>Wieder offen: Die Zurückstellung ist abgelaufen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source> · %1 has it</source>
        <translation> · %1 bearbeitet sie</translation>
    </message>
    <message>
        <source> · nobody has it yet</source>
        <translation> · noch niemand bearbeitet sie</translation>
    </message>
    <message>
        <source>%1 · %2 · conversation %3</source>
        <translation>%1 · %2 · Unterhaltung %3</translation>
    </message>
    <message>
        <source>Private note: only the team sees it. @name tells a colleague.</source>
        <translation>Private Notiz: Nur das Team sieht sie. @Name benachrichtigt eine Kollegin oder einen Kollegen.</translation>
    </message>
    <message>
        <source>Write a reply… Enter sends, Shift+Enter starts a new line</source>
        <translation>Antwort schreiben … Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Conversation %1 was merged into this one.</source>
        <translation>Unterhaltung %1 wurde mit dieser zusammengeführt.</translation>
    </message>
    <message>
        <source>Merged into conversation %1</source>
        <translation>Mit Unterhaltung %1 zusammengeführt</translation>
    </message>
    <message>
        <source>Also here: %1</source>
        <translation>Ebenfalls hier: %1</translation>
    </message>
    <message>
        <source>A change made offline was refused: %1</source>
        <translation>Eine offline vorgenommene Änderung wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source> · 1 change waiting to be sent</source>
        <translation> · 1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <source> · %1 changes waiting to be sent</source>
        <translation> · %1 Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <source>Promised a reply by %1: not kept</source>
        <translation>Antwort bis %1 zugesagt: nicht eingehalten</translation>
    </message>
    <message>
        <source>Promised a reply by %1</source>
        <translation>Antwort bis %1 zugesagt</translation>
    </message>
    <message>
        <source>Promised a reply by %1: kept</source>
        <translation>Antwort bis %1 zugesagt: eingehalten</translation>
    </message>
    <message>
        <source>Promised a reply by %1: answered %2 late</source>
        <translation>Antwort bis %1 zugesagt: %2 zu spät beantwortet</translation>
    </message>
    <message>
        <source>“%1” in Cc is not an email address.</source>
        <translation>„%1“ in Cc ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Take It Back to Edit</source>
        <translation>Zum Bearbeiten zurückholen</translation>
    </message>
</context>
<context>
    <name>Tandem::CredentialStore</name>
    <message>
        <source>No keychain is available, so Tandem cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann Tandem Ihre Anmeldung nicht speichern; Sie werden jedes Mal nach der Anmeldung gefragt.</translation>
    </message>
    <message>
        <source>Tandem was not allowed to use the keychain (it may be locked), so it cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Tandem durfte den Schlüsselbund nicht verwenden (vielleicht ist er gesperrt), daher kann es Ihre Anmeldung nicht speichern; Sie werden jedes Mal nach der Anmeldung gefragt.</translation>
    </message>
    <message>
        <source>Tandem could not use the system keychain, so it cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Tandem konnte den Schlüsselbund des Systems nicht verwenden, daher kann es Ihre Anmeldung nicht speichern; Sie werden jedes Mal nach der Anmeldung gefragt.</translation>
    </message>
    <message>
        <source>No sign-in is saved for this server and account.</source>
        <translation>Für diesen Server und dieses Konto ist keine Anmeldung gespeichert.</translation>
    </message>
    <message>
        <source>The server address or the account name is missing.</source>
        <translation>Die Serveradresse oder der Kontoname fehlt.</translation>
    </message>
    <message>
        <source>There is no sign-in token to store.</source>
        <translation>Es gibt kein Anmeldetoken zum Speichern.</translation>
    </message>
</context>
<context>
    <name>Tandem::CustomerPanel</name>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The customer&apos;s conversations</source>
        <translation>Die Unterhaltungen des Kunden</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Writes through %1</source>
        <translation>Schreibt über %1</translation>
    </message>
    <message>
        <source>Writes through %1 (%2)</source>
        <translation>Schreibt über %1 (%2)</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The one open now</source>
        <translation>Die gerade geöffnete</translation>
    </message>
    <message>
        <source>No ratings given yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>Ratings given: %1</source>
        <translation>Bewertungen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Also reached on
%1</source>
        <translation>Auch erreichbar über
%1</translation>
    </message>
    <message>
        <source>Needs a connection to the server</source>
        <translation>Braucht eine Verbindung zum Server</translation>
    </message>
    <message>
        <source>%1 %2 from one rating</source>
        <translation>%1 %2 aus einer Bewertung</translation>
    </message>
    <message>
        <source>%1 %2 from %3 ratings</source>
        <translation>%1 %2 aus %3 Bewertungen</translation>
    </message>
</context>
<context>
    <name>Tandem::DesktopApplication</name>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>The profile “%1” was reset.</source>
        <translation>Das Profil „%1“ wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign-in not remembered</source>
        <translation>Anmeldung nicht gespeichert</translation>
    </message>
    <message>
        <source>The local copy of your conversations could not be opened: %1</source>
        <translation>Die lokale Kopie Ihrer Unterhaltungen konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but the server could not be told: %1</source>
        <translation>Sie sind auf diesem Computer abgemeldet, aber der Server konnte nicht benachrichtigt werden: %1</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>Ihre Sitzung wurde beendet: %1. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Tandem::EmailBar</name>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>the people of the thread, as before (type addresses to change)</source>
        <translation>die Beteiligten des Verlaufs wie bisher (Adressen eingeben, um das zu ändern)</translation>
    </message>
    <message>
        <source>Email to %1</source>
        <translation>E-Mail an %1</translation>
    </message>
    <message>
        <source>Email to %1, from %2</source>
        <translation>E-Mail an %1, von %2</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Signatur: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::EmailView</name>
    <message>
        <source>Unnamed file (%1)</source>
        <translation>Unbenannte Datei (%1)</translation>
    </message>
    <message>
        <source>%1 (%2, too large: not kept)</source>
        <translation>%1 (%2, zu groß: nicht aufbewahrt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Sent by a machine:</source>
        <translation>Automatisch gesendet:</translation>
    </message>
    <message>
        <source>Remote images and content were blocked to protect your privacy.</source>
        <translation>Externe Bilder und Inhalte wurden zum Schutz Ihrer Privatsphäre blockiert.</translation>
    </message>
    <message>
        <source>Double-click to save</source>
        <translation>Doppelklick zum Speichern</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen …</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not save to %1</source>
        <translation>Speichern unter %1 nicht möglich</translation>
    </message>
</context>
<context>
    <name>Tandem::HoursEditor</name>
    <message>
        <source>Business Hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Open around the clock (no business hours)</source>
        <translation>Rund um die Uhr geöffnet (keine Geschäftszeiten)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Öffnet</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Schließt</translation>
    </message>
    <message>
        <source>Add Hours</source>
        <translation>Zeiten hinzufügen</translation>
    </message>
    <message>
        <source>Add Mon–Fri 9:00–17:00</source>
        <translation>Mo–Fr 9:00–17:00 hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Closed from</source>
        <translation>Geschlossen ab</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add Closure</source>
        <translation>Schließung hinzufügen</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>.ics importieren …</translation>
    </message>
    <message>
        <source>Import Holidays</source>
        <translation>Feiertage importieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>1 closure imported.</source>
        <translation>1 Schließung importiert.</translation>
    </message>
    <message>
        <source>%1 closures imported.</source>
        <translation>%1 Schließungen importiert.</translation>
    </message>
    <message>
        <source>Timezone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Opening hours (a closing time at or before the opening runs past midnight):</source>
        <translation>Öffnungszeiten (eine Schließzeit vor oder gleich der Öffnung reicht über Mitternacht):</translation>
    </message>
    <message>
        <source>Holidays and closures:</source>
        <translation>Feiertage und Schließungen:</translation>
    </message>
    <message>
        <source>“%1” is not a timezone this computer knows.</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt.</translation>
    </message>
    <message>
        <source>Add opening hours, or choose open around the clock.</source>
        <translation>Fügen Sie Öffnungszeiten hinzu oder wählen Sie „rund um die Uhr geöffnet“.</translation>
    </message>
    <message>
        <source>At most %1 closures.</source>
        <translation>Höchstens %1 Schließungen.</translation>
    </message>
    <message>
        <source>A closure ends before it starts.</source>
        <translation>Eine Schließung endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>Live chat is offered at any hour.</source>
        <translation>Live-Chat wird zu jeder Stunde angeboten.</translation>
    </message>
    <message>
        <source>Open now; closes %1 (team&apos;s time).</source>
        <translation>Jetzt geöffnet; schließt %1 (Zeit des Teams).</translation>
    </message>
    <message>
        <source>Open now.</source>
        <translation>Jetzt geöffnet.</translation>
    </message>
    <message>
        <source>Closed now; opens %1 (team&apos;s time).</source>
        <translation>Jetzt geschlossen; öffnet %1 (Zeit des Teams).</translation>
    </message>
    <message>
        <source>Closed for longer than a year: customers would be promised nothing.</source>
        <translation>Länger als ein Jahr geschlossen: Kunden würde nichts zugesagt.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Open around the clock</source>
        <translation>Rund um die Uhr geöffnet</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>; 1 closure</source>
        <translation>; 1 Schließung</translation>
    </message>
    <message>
        <source>; %1 closures</source>
        <translation>; %1 Schließungen</translation>
    </message>
    <message>
        <source>Send an automatic reply to customers who write while the team is closed</source>
        <translation>Kunden, die schreiben, während das Team geschlossen ist, automatisch antworten</translation>
    </message>
    <message>
        <source>{opening} becomes when the team opens, {replyBy} when an answer can be expected, both in the customer&apos;s timezone and language.</source>
        <translation>{opening} wird zum Zeitpunkt, an dem das Team öffnet, {replyBy} zu dem, bis wann eine Antwort zu erwarten ist, beides in Zeitzone und Sprache des Kunden.</translation>
    </message>
    <message>
        <source>The automatic reply is too long: at most %1 characters.</source>
        <translation>Die automatische Antwort ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>In hours, tell customers when the wait is over:</source>
        <translation>In den Geschäftszeiten Kunden Bescheid geben, wenn die Wartezeit länger ist als:</translation>
    </message>
</context>
<context>
    <name>Tandem::InboxPanel</name>
    <message>
        <source>Search conversations and messages (Ctrl+F)</source>
        <translation>Unterhaltungen und Nachrichten durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>No conversations yet.
New ones appear here as customers write.</source>
        <translation>Noch keine Unterhaltungen.
Neue erscheinen hier, sobald Kunden schreiben.</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation>Keine Nachricht passt zu „%1“</translation>
    </message>
    <message>
        <source>Messages matching “%1”</source>
        <translation>Nachrichten zu „%1“</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Newest activity</source>
        <translation>Neueste Aktivität</translation>
    </message>
    <message>
        <source>Longest waiting</source>
        <translation>Am längsten wartend</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>My teams</source>
        <translation>Meine Teams</translation>
    </message>
    <message>
        <source>Delete View “%1”</source>
        <translation>Ansicht „%1“ löschen</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>SLA due first</source>
        <translation>SLA-Fälligkeit zuerst</translation>
    </message>
    <message>
        <source>Longest waiting: customers waiting for an answer the longest first. SLA due first: the least business time left to answer first</source>
        <translation>Am längsten wartend: Kunden, die am längsten auf eine Antwort warten, zuerst. SLA-Fälligkeit zuerst: die mit der wenigsten verbleibenden Geschäftszeit zuerst</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA gefährdet</translation>
    </message>
</context>
<context>
    <name>Tandem::LabelsDialog</name>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>z. B. Rechnung</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere …</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <source>A label&apos;s name has no comma.</source>
        <translation>Der Name eines Labels enthält kein Komma.</translation>
    </message>
    <message>
        <source>Delete the label?</source>
        <translation>Label löschen?</translation>
    </message>
    <message>
        <source>“%1” comes off every conversation that has it.</source>
        <translation>„%1“ wird von allen Unterhaltungen entfernt, die es tragen.</translation>
    </message>
</context>
<context>
    <name>Tandem::LiveNotifier</name>
    <message>
        <source>A customer</source>
        <translation>Ein Kunde</translation>
    </message>
    <message>
        <source>New live chat: %1</source>
        <translation>Neuer Live-Chat: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accept within %n seconds.</source>
        <translation>
            <numerusform>Innerhalb von %n Sekunde annehmen.</numerusform>
            <numerusform>Innerhalb von %n Sekunden annehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message>
        <source>In your live chats</source>
        <translation>In Ihren Live-Chats</translation>
    </message>
    <message numerus="yes">
        <source>Tandem — %n unread in live chats</source>
        <translation>
            <numerusform>Tandem – %n ungelesen in Live-Chats</numerusform>
            <numerusform>Tandem – %n ungelesen in Live-Chats</numerusform>
        </translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
</context>
<context>
    <name>Tandem::MailboxesDialog</name>
    <message>
        <source>last mail %1 (filed in %2 s)</source>
        <translation>letzte Mail %1 (abgelegt in %2 s)</translation>
    </message>
    <message>
        <source>last mail %1</source>
        <translation>letzte Mail %1</translation>
    </message>
    <message>
        <source>no mail yet</source>
        <translation>noch keine Mail</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Email Inboxes</source>
        <translation>E-Mail-Posteingänge</translation>
    </message>
    <message>
        <source>&amp;New Email Inbox</source>
        <translation>&amp;Neuer E-Mail-Posteingang</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Reply-To carries the conversation (support+t42.…@)</source>
        <translation>Reply-To trägt die Unterhaltung (support+t42.…@)</translation>
    </message>
    <message>
        <source>Inbox name:</source>
        <translation>Name des Posteingangs:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Sender name:</source>
        <translation>Absendername:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>Reading (IMAP)</source>
        <translation>Lesen (IMAP)</translation>
    </message>
    <message>
        <source>Sending (SMTP)</source>
        <translation>Senden (SMTP)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this machine only)</source>
        <translation>Keine (nur dieser Rechner)</translation>
    </message>
    <message>
        <source>only for a certificate no authority signed</source>
        <translation>nur für ein Zertifikat ohne Signatur einer Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Trusted certificate (SHA-256):</source>
        <translation>Vertrauenswürdiges Zertifikat (SHA-256):</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>This mailbox cannot be read: %1</source>
        <translation>Dieses Postfach kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A new email inbox needs the IMAP password.</source>
        <translation>Ein neuer E-Mail-Posteingang braucht das IMAP-Passwort.</translation>
    </message>
</context>
<context>
    <name>Tandem::MainWindow</name>
    <message>
        <source>Rated by a customer</source>
        <translation>Von einem Kunden bewertet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>&amp;Über Tandem</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>Über Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;A native desktop help desk: answer your customers&apos; conversations, live and asynchronous.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Ein natives Helpdesk für den Desktop: Beantworten Sie die Unterhaltungen Ihrer Kunden, live und zeitversetzt.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 (profile %2)</source>
        <translation>%1 (Profil %2)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Tandem could not write to its local storage (is the disk full?). Your last reply or draft may not have been kept; please check it before you go on.</source>
        <translation>Tandem konnte nicht in seinen lokalen Speicher schreiben (ist die Festplatte voll?). Ihre letzte Antwort oder Ihr Entwurf wurde möglicherweise nicht gespeichert; bitte prüfen Sie sie, bevor Sie weitermachen.</translation>
    </message>
    <message>
        <source>Live Chats</source>
        <translation>Live-Chats</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Live Chats</source>
        <translation>&amp;Live-Chats</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Posteingang</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Accept Offer</source>
        <translation>Angebot &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Decline Offer</source>
        <translation>Angebot a&amp;blehnen</translation>
    </message>
    <message>
        <source>&amp;Go to Chat</source>
        <translation>&amp;Zum Chat</translation>
    </message>
    <message>
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>&amp;End Chat</source>
        <translation>Chat b&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;Transfer Chat…</source>
        <translation>Chat &amp;weitergeben …</translation>
    </message>
    <message>
        <source>&amp;Follow Up Later</source>
        <translation>&amp;Später weiterführen</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Team and &amp;Capacity…</source>
        <translation>Team und &amp;Kapazität …</translation>
    </message>
    <message>
        <source>C&amp;anned Responses…</source>
        <translation>&amp;Textbausteine …</translation>
    </message>
    <message>
        <source>Live Chats (%1)</source>
        <translation>Live-Chats (%1)</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Posteingang (%1)</translation>
    </message>
    <message>
        <source>You were mentioned</source>
        <translation>Sie wurden erwähnt</translation>
    </message>
    <message>
        <source>A colleague&apos;s note names you: see Mentions in the inbox.</source>
        <translation>Eine Notiz aus dem Team nennt Sie: siehe Erwähnungen im Posteingang.</translation>
    </message>
    <message>
        <source>&amp;Customer Panel</source>
        <translation>&amp;Kundenbereich</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels …</translation>
    </message>
    <message>
        <source>C&amp;onversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Take It</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen …</translation>
    </message>
    <message>
        <source>&amp;Label…</source>
        <translation>&amp;Label …</translation>
    </message>
    <message>
        <source>&amp;Priority…</source>
        <translation>&amp;Priorität …</translation>
    </message>
    <message>
        <source>Set &amp;Pending</source>
        <translation>Auf &amp;wartend setzen</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>&amp;Zurückstellen …</translation>
    </message>
    <message>
        <source>&amp;Resolve or Reopen</source>
        <translation>&amp;Erledigen oder wieder öffnen</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>&amp;Zusammenführen mit …</translation>
    </message>
    <message>
        <source>Write a &amp;Note</source>
        <translation>&amp;Notiz schreiben</translation>
    </message>
    <message>
        <source>&amp;Commands…</source>
        <translation>&amp;Befehle …</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Write a private note instead of a reply</source>
        <translation>Eine private Notiz statt einer Antwort schreiben</translation>
    </message>
    <message>
        <source>Up, Down, Enter</source>
        <translation>Auf, Ab, Eingabe</translation>
    </message>
    <message>
        <source>Move through the list; open and answer</source>
        <translation>Durch die Liste gehen; öffnen und antworten</translation>
    </message>
    <message>
        <source>/ in a composer</source>
        <translation>/ in einem Eingabefeld</translation>
    </message>
    <message>
        <source>Insert a canned response</source>
        <translation>Einen Textbaustein einfügen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Teams and &amp;Inboxes…</source>
        <translation>Teams und &amp;Posteingänge…</translation>
    </message>
    <message>
        <source>Customers told when to expect an answer (out of hours), and how many were answered by then, over the last 7 days</source>
        <translation>Kunden, denen (außerhalb der Geschäftszeiten) gesagt wurde, wann sie eine Antwort erwarten können, und wie viele bis dahin beantwortet wurden, in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>Promises kept: %1 % (%2 of %3)</source>
        <translation>Zusagen eingehalten: %1 % (%2 von %3)</translation>
    </message>
    <message>
        <source>&amp;Email Inboxes…</source>
        <translation>&amp;E-Mail-Posteingänge …</translation>
    </message>
    <message>
        <source>New &amp;Email…</source>
        <translation>Neue &amp;E-Mail…</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Waiting to go out</source>
        <translation>Wartet auf den Versand</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Nicht zugestellt</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Note · %1 (only the team sees it)</source>
        <translation>Notiz · %1 (nur das Team sieht sie)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n Anhang</numerusform>
            <numerusform>%n Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>double-click to open</source>
        <translation>Doppelklick zum Öffnen</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageFiles</name>
    <message>
        <source>This file has not been downloaded yet; it can be once online.</source>
        <translation>Diese Datei wurde noch nicht heruntergeladen; das geht, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>%1 is larger than the server takes (at most %2)</source>
        <translation>%1 ist größer, als der Server annimmt (höchstens %2)</translation>
    </message>
    <message>
        <source>The attached file %1 could not be read</source>
        <translation>Die angehängte Datei %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageListView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>Tandem::NarrowingButton</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only one inbox, channel, label, priority or status</source>
        <translation>Nur einen Posteingang, Kanal, ein Label, eine Priorität oder einen Status zeigen</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Only these are shown; choose again to show all</source>
        <translation>Nur diese werden gezeigt; erneut wählen, um alle zu zeigen</translation>
    </message>
    <message>
        <source>Save as View…</source>
        <translation>Als Ansicht speichern…</translation>
    </message>
</context>
<context>
    <name>Tandem::NewEmailDialog</name>
    <message>
        <source>New Email</source>
        <translation>Neue E-Mail</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>customer@example.com</source>
        <translation>kunde@example.com</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>their name, if they are new to the team (optional)</source>
        <translation>der Name, falls die Person dem Team neu ist (optional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Write the email…</source>
        <translation>E-Mail schreiben…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>No email inbox is set up for your teams yet (Team &gt; Email Inboxes).</source>
        <translation>Für Ihre Teams ist noch kein E-Mail-Posteingang eingerichtet (Team &gt; E-Mail-Posteingänge).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>To: one email address, please.</source>
        <translation>An: bitte genau eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>“%1” in Cc is not an email address.</source>
        <translation>„%1“ in Cc ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The email needs a subject.</source>
        <translation>Die E-Mail braucht einen Betreff.</translation>
    </message>
    <message>
        <source>The email has no text yet.</source>
        <translation>Die E-Mail hat noch keinen Text.</translation>
    </message>
    <message>
        <source>An email may be at most %1 characters long.</source>
        <translation>Eine E-Mail darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The email could not be kept for sending.</source>
        <translation>Die E-Mail konnte nicht zum Senden gespeichert werden.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>Tandem::OfferBanner</name>
    <message>
        <source>New live chat</source>
        <translation>Neuer Live-Chat</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Take this chat (Ctrl+Shift+A)</source>
        <translation>Diesen Chat übernehmen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Let a colleague take it (Ctrl+Shift+D)</source>
        <translation>Einer Kollegin oder einem Kollegen überlassen (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>(no message yet)</source>
        <translation>(noch keine Nachricht)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Tandem::OfferStrip</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Tandem::Outbox</name>
    <message>
        <source>The attached file %1 could not be read</source>
        <translation>Die angehängte Datei %1 konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Tandem::PresenceSelector</name>
    <message>
        <source>Your presence, as your team and the routing see it</source>
        <translation>Ihr Status, wie Ihr Team und die Verteilung ihn sehen</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Presence can be changed while connected</source>
        <translation>Der Status kann geändert werden, solange eine Verbindung besteht</translation>
    </message>
    <message>
        <source>Your presence could not be changed: %1</source>
        <translation>Ihr Status konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>Tandem::QueueIndicator</name>
    <message>
        <source>Customers waiting for a live chat</source>
        <translation>Kunden, die auf einen Live-Chat warten</translation>
    </message>
    <message>
        <source>Queue: empty</source>
        <translation>Warteschlange: leer</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n waiting, longest %1</source>
        <translation>
            <numerusform>Warteschlange: %n wartet, am längsten %1</numerusform>
            <numerusform>Warteschlange: %n warten, am längsten %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::RatingWatcher</name>
    <message>
        <source>A customer</source>
        <translation>Ein Kunde</translation>
    </message>
    <message>
        <source>%1 rated your chat %2 of 5.</source>
        <translation>%1 hat Ihren Chat mit %2 von 5 bewertet.</translation>
    </message>
    <message>
        <source>%1 rated your chat %2 of 5: “%3”</source>
        <translation>%1 hat Ihren Chat mit %2 von 5 bewertet: „%3“</translation>
    </message>
    <message numerus="yes">
        <source>%n customers rated your chats.</source>
        <translation>
            <numerusform>%n Kunde hat Ihre Chats bewertet.</numerusform>
            <numerusform>%n Kunden haben Ihre Chats bewertet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::SignInClient</name>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Der Server war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood</source>
        <translation>Die Antwort des Servers war unverständlich</translation>
    </message>
</context>
<context>
    <name>Tandem::SignInDialog</name>
    <message>
        <source>Sign in to Tandem</source>
        <translation>Bei Tandem anmelden</translation>
    </message>
    <message>
        <source>Sign in to your help desk</source>
        <translation>Bei Ihrem Helpdesk anmelden</translation>
    </message>
    <message>
        <source>https://help.example.com</source>
        <translation>https://hilfe.example.com</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet &amp;bleiben</translation>
    </message>
    <message>
        <source>Your sign-in is kept in the system keychain, never in a file.</source>
        <translation>Ihre Anmeldung wird im Schlüsselbund des Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an Ihre Administration.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This server speaks a different version of Tandem. Update the app.</source>
        <translation>Dieser Server spricht eine andere Version von Tandem. Aktualisieren Sie die App.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>Enter the email address of your Tandem account.</source>
        <translation>Geben Sie die E-Mail-Adresse Ihres Tandem-Kontos ein.</translation>
    </message>
</context>
<context>
    <name>Tandem::SlaAlerter</name>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA verfehlt</translation>
    </message>
    <message numerus="yes">
        <source>SLA breached in %n conversations</source>
        <translation>
            <numerusform>SLA in %n Unterhaltung verfehlt</numerusform>
            <numerusform>SLA in %n Unterhaltungen verfehlt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — see SLA at risk in the inbox.</source>
        <translation>%1 — siehe „SLA gefährdet“ im Posteingang.</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA gefährdet</translation>
    </message>
    <message numerus="yes">
        <source>SLA at risk in %n conversations</source>
        <translation>
            <numerusform>SLA in %n Unterhaltung gefährdet</numerusform>
            <numerusform>SLA in %n Unterhaltungen gefährdet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — answer soon; see SLA at risk in the inbox.</source>
        <translation>%1 — bitte bald antworten; siehe „SLA gefährdet“ im Posteingang.</translation>
    </message>
</context>
<context>
    <name>Tandem::SlaEditor</name>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Service Level Agreement</source>
        <translation>Service-Level-Vereinbarung</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Next reply</source>
        <translation>Nächste Antwort</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Erledigung</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Targets count business time only, and pause while a conversation is pending, snoozed or resolved. A conversation follows its most specific rule: inbox and priority, then inbox, then priority, then the rule for any.</source>
        <translation>Ziele zählen nur Geschäftszeit und pausieren, solange eine Unterhaltung wartend, zurückgestellt oder erledigt ist. Eine Unterhaltung folgt ihrer genauesten Regel: Posteingang und Priorität, dann Posteingang, dann Priorität, dann der Regel für alle.</translation>
    </message>
    <message>
        <source>At risk after:</source>
        <translation>Gefährdet ab:</translation>
    </message>
    <message>
        <source>Any inbox</source>
        <translation>Jeder Posteingang</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Jede Priorität</translation>
    </message>
    <message>
        <source>No SLA</source>
        <translation>Kein SLA</translation>
    </message>
    <message>
        <source>first reply %1</source>
        <translation>erste Antwort %1</translation>
    </message>
    <message>
        <source>next reply %1</source>
        <translation>nächste Antwort %1</translation>
    </message>
    <message>
        <source>resolution %1</source>
        <translation>Erledigung %1</translation>
    </message>
    <message>
        <source>; 1 more rule</source>
        <translation>; 1 weitere Regel</translation>
    </message>
    <message>
        <source>; %1 more rules</source>
        <translation>; %1 weitere Regeln</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncClient</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>Die Verbindung wurde unterbrochen</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>No answer from the server</source>
        <translation>Keine Antwort vom Server</translation>
    </message>
</context>
<context>
    <name>Tandem::TeamDialog</name>
    <message>
        <source>Team and Capacity</source>
        <translation>Team und Kapazität</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <source>Live chats</source>
        <translation>Live-Chats</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Auto-accept</source>
        <translation>Automatisch annehmen</translation>
    </message>
    <message>
        <source>Nobody is waiting in the queue.</source>
        <translation>Niemand wartet in der Warteschlange.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the queue, the longest for %1.</source>
        <translation>
            <numerusform>%n wartet in der Warteschlange, am längsten seit %1.</numerusform>
            <numerusform>%n warten in der Warteschlange, am längsten seit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity of %1</source>
        <translation>Kapazität von %1</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 · %n offered</source>
        <translation>
            <numerusform>%1 von %2 · %n angeboten</numerusform>
            <numerusform>%1 von %2 · %n angeboten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Active live chats of this agent, out of their capacity</source>
        <translation>Aktive Live-Chats dieser Person, gemessen an ihrer Kapazität</translation>
    </message>
</context>
<context>
    <name>Tandem::TeamsDialog</name>
    <message>
        <source>Teams and Inboxes</source>
        <translation>Teams und Posteingänge</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Inboxes</source>
        <translation>Posteingänge</translation>
    </message>
    <message>
        <source>New Team</source>
        <translation>Neues Team</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>z. B. Abrechnung</translation>
    </message>
    <message>
        <source>Save Team</source>
        <translation>Team speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>New Inbox</source>
        <translation>Neuer Posteingang</translation>
    </message>
    <message>
        <source>e.g. Billing site</source>
        <translation>z. B. Abrechnungsseite</translation>
    </message>
    <message>
        <source>Save Inbox</source>
        <translation>Posteingang speichern</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>Beantwortet von:</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no team</source>
        <translation>kein Team</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation>Geschäftszeiten:</translation>
    </message>
    <message>
        <source>SLA:</source>
        <translation>SLA:</translation>
    </message>
</context>
<context>
    <name>Tandem::TransferDialog</name>
    <message>
        <source>Transfer Chat</source>
        <translation>Chat weitergeben</translation>
    </message>
    <message>
        <source>Hand the chat with %1 to:</source>
        <translation>Den Chat mit %1 weitergeben an:</translation>
    </message>
    <message>
        <source>A note for your colleague (optional, only the team sees it)</source>
        <translation>Eine Notiz für Ihre Kollegin oder Ihren Kollegen (optional, nur das Team sieht sie)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weitergeben</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 chats</source>
        <translation>%1 – %2 von %3 Chats</translation>
    </message>
    <message>
        <source>At capacity: the transfer will be refused</source>
        <translation>Ausgelastet: Die Weitergabe wird abgelehnt</translation>
    </message>
    <message>
        <source>No colleague is online right now.</source>
        <translation>Gerade ist niemand aus dem Team online.</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>Die Notiz ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>Tandem::TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
</context>
<context>
    <name>Tandem::Workspace</name>
    <message>
        <source>Live Chats</source>
        <translation>Live-Chats</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Your live chats side by side (Ctrl+Shift+L)</source>
        <translation>Ihre Live-Chats nebeneinander (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Conversations answered at your pace (Ctrl+Shift+I)</source>
        <translation>Unterhaltungen, die Sie in Ihrem Tempo beantworten (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>No live chat open.

New ones are offered above.</source>
        <translation>Kein Live-Chat offen.

Neue werden oben angeboten.</translation>
    </message>
</context>
</TS>
