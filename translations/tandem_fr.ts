<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>DeckRequest</name>
    <message>
        <source>Not connected: try again when Tandem is back online.</source>
        <translation>Non connecté&#xa0;: réessayez quand Tandem sera de nouveau en ligne.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation>Le serveur n’a pas répondu à temps. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>This chat is no longer there for you: the offer lapsed, or the customer left or was served elsewhere.</source>
        <translation>Cette discussion n’est plus pour vous&#xa0;: l’offre a expiré, ou le client est parti ou a été servi ailleurs.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Votre rôle ne le permet pas.</translation>
    </message>
    <message>
        <source>Not possible now: the chat has changed meanwhile.</source>
        <translation>Impossible pour l’instant&#xa0;: la discussion a changé entre-temps.</translation>
    </message>
    <message>
        <source>That agent cannot take a chat now (not online, not connected, or at capacity).</source>
        <translation>Cet agent ne peut pas prendre de discussion maintenant (pas en ligne, pas connecté, ou à pleine capacité).</translation>
    </message>
    <message>
        <source>That clashes with what exists already (for example, the shortcut is taken).</source>
        <translation>Cela entre en conflit avec l’existant (par exemple, le raccourci est déjà pris).</translation>
    </message>
    <message>
        <source>Too many requests: please wait a moment.</source>
        <translation>Trop de requêtes&#xa0;: veuillez patienter un instant.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Le serveur a refusé la requête.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Le serveur a refusé la requête&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Tandem: answer your customers&apos; conversations.</source>
        <translation>Tandem&#xa0;: répondez aux conversations de vos clients.</translation>
    </message>
    <message>
        <source>The Tandem server to sign in to, e.g. https://help.example.com.</source>
        <translation>Le serveur Tandem auquel se connecter, par ex. https://help.example.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The email address to sign in with.</source>
        <translation>L’adresse e-mail avec laquelle se connecter.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>Use a separate profile: its own settings, cache and sign-in (default: %1).</source>
        <translation>Utiliser un profil distinct&#xa0;: ses propres réglages, son cache et sa connexion (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Forget the profile&apos;s cache, settings and stored sign-in, then start afresh.</source>
        <translation>Oublier le cache, les réglages et la connexion enregistrée du profil, puis repartir de zéro.</translation>
    </message>
    <message>
        <source>
Environment:
  %1  Use this session token instead of the keychain (needs --server and --email); nothing is stored.
</source>
        <translation>
Environnement&#xa0;:
  %1  Utiliser ce jeton de session au lieu du trousseau (nécessite --server et --email)&#xa0;; rien n’est enregistré.
</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The profile name “%1” is not allowed: use up to 64 letters, digits, dots, dashes and underscores.</source>
        <translation>Le nom de profil «&#xa0;%1&#xa0;» n’est pas autorisé&#xa0;: utilisez jusqu’à 64 lettres, chiffres, points, tirets et tirets bas.</translation>
    </message>
    <message>
        <source>“%1” is not a server address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur.</translation>
    </message>
    <message>
        <source>%1 is set, so --server and --email are needed too.</source>
        <translation>%1 est défini&#xa0;: --server et --email sont donc nécessaires aussi.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Tandem cannot create its data folder %1.</source>
        <translation>Tandem ne peut pas créer son dossier de données %1.</translation>
    </message>
    <message>
        <source>Tandem is already running (process %1). Switch to its window, or start another profile with --profile NAME.</source>
        <translation>Tandem est déjà lancé (processus %1). Passez à sa fenêtre, ou lancez un autre profil avec --profile NOM.</translation>
    </message>
    <message>
        <source>Tandem is already running with the profile “%1” (process %2).</source>
        <translation>Tandem est déjà lancé avec le profil «&#xa0;%1&#xa0;» (processus %2).</translation>
    </message>
    <message>
        <source>Tandem cannot lock its data folder %1.</source>
        <translation>Tandem ne peut pas verrouiller son dossier de données %1.</translation>
    </message>
</context>
<context>
    <name>SlaWords</name>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Première réponse</translation>
    </message>
    <message>
        <source>Next reply</source>
        <translation>Réponse suivante</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>%1 met: %2 of %3</source>
        <translation>%1 respectée : %2 sur %3</translation>
    </message>
    <message>
        <source>%1 breached: took %2 of %3</source>
        <translation>%1 dépassée : %2 au lieu de %3</translation>
    </message>
    <message>
        <source>%1 breached %2 ago (target %3 of business time)</source>
        <translation>%1 dépassée depuis %2 (objectif %3 en heures ouvrées)</translation>
    </message>
    <message>
        <source>%1 breached %2 over its target (paused)</source>
        <translation>%1 dépassée de %2 (en pause)</translation>
    </message>
    <message>
        <source>waiting on the customer</source>
        <translation>en attente du client</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>en veille</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <source>%1 paused: %2 (%3 of business time left)</source>
        <translation>%1 en pause : %2 (reste %3 en heures ouvrées)</translation>
    </message>
    <message>
        <source>%1 due in %2 of business time</source>
        <translation>%1 attendue dans %2 en heures ouvrées</translation>
    </message>
    <message>
        <source>SLA: %1 overdue</source>
        <translation>SLA : %1 de retard</translation>
    </message>
    <message>
        <source>SLA: overdue</source>
        <translation>SLA : en retard</translation>
    </message>
    <message>
        <source>SLA paused</source>
        <translation>SLA en pause</translation>
    </message>
    <message>
        <source>SLA: due in %1</source>
        <translation>SLA : échéance dans %1</translation>
    </message>
</context>
<context>
    <name>Tandem::ActivityText</name>
    <message>
        <source>today %1</source>
        <translation>aujourd’hui %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>demain %1</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <source>Its snooze ran out: open again</source>
        <translation>Le report a pris fin : de nouveau ouverte</translation>
    </message>
    <message>
        <source>The customer wrote: open again</source>
        <translation>Le client a écrit : de nouveau ouverte</translation>
    </message>
    <message>
        <source>%1 snoozed it until %2</source>
        <translation>%1 l’a reportée jusqu’à %2</translation>
    </message>
    <message>
        <source>%1 snoozed it until the customer writes</source>
        <translation>%1 l’a reportée jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>%1 set it pending: waiting on the customer</source>
        <translation>%1 l’a mise en attente : on attend le client</translation>
    </message>
    <message>
        <source>%1 resolved it</source>
        <translation>%1 l’a résolue</translation>
    </message>
    <message>
        <source>%1 reopened it</source>
        <translation>%1 l’a rouverte</translation>
    </message>
    <message>
        <source>%1 unassigned it</source>
        <translation>%1 l’a désassignée</translation>
    </message>
    <message>
        <source>%1 took it</source>
        <translation>%1 l’a prise</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 l’a assignée à %2</translation>
    </message>
    <message>
        <source>Assigned to %1 automatically</source>
        <translation>Assignée automatiquement à %1</translation>
    </message>
    <message>
        <source>%1 added %2 and removed %3</source>
        <translation>%1 a ajouté %2 et retiré %3</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 a ajouté %2</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 a retiré %2</translation>
    </message>
    <message>
        <source>%1 merged conversation %2 into this one</source>
        <translation>%1 a fusionné la conversation %2 dans celle-ci</translation>
    </message>
    <message>
        <source>%1 took conversation %2 back out of this one</source>
        <translation>%1 a séparé à nouveau la conversation %2 de celle-ci</translation>
    </message>
    <message>
        <source>%1 took its priority away</source>
        <translation>%1 a retiré sa priorité</translation>
    </message>
    <message>
        <source>%1 set the priority to %2</source>
        <translation>%1 a mis la priorité à %2</translation>
    </message>
</context>
<context>
    <name>Tandem::AttachmentPicker</name>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Attach files to this email (up to 10 MiB each, 25 MiB in all)</source>
        <translation>Joindre des fichiers à cet e-mail (jusqu’à 10 Mio chacun, 25 Mio en tout)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 is %2: a file may be at most %3.</source>
        <translation>%1 fait %2 : un fichier peut faire au plus %3.</translation>
    </message>
    <message>
        <source>%1 would make the email larger than %2.</source>
        <translation>Avec %1, l’e-mail dépasserait %2.</translation>
    </message>
    <message>
        <source>An email carries at most %1 files.</source>
        <translation>Un e-mail porte au plus %1 fichiers.</translation>
    </message>
    <message>
        <source>Take %1 off</source>
        <translation>Retirer %1</translation>
    </message>
</context>
<context>
    <name>Tandem::BulkBar</name>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Mettre en veille</translation>
    </message>
    <message>
        <source>Until the customer writes</source>
        <translation>Jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3. %4</source>
        <translation>%1 : %2 sur %3. %4</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribuées</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>Étiquetées</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Mises en veille</translation>
    </message>
    <message>
        <source>%1: %2, sent when the connection is back</source>
        <translation>%1 : %2, envoyées au retour de la connexion</translation>
    </message>
</context>
<context>
    <name>Tandem::CannedPopup</name>
    <message>
        <source>Search canned responses</source>
        <translation>Rechercher dans les réponses types</translation>
    </message>
    <message>
        <source>Enter inserts · Esc closes</source>
        <translation>Entrée insère · Échap ferme</translation>
    </message>
    <message>
        <source>No canned responses yet. Supervisors add them under Team → Canned Responses.</source>
        <translation>Pas encore de réponses types. Les superviseurs les ajoutent dans Équipe → Réponses types.</translation>
    </message>
    <message>
        <source>None matches “%1”.</source>
        <translation>Aucune ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Tandem::CannedResponsesDialog</name>
    <message>
        <source>Canned Responses</source>
        <translation>Réponses types</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>e.g. refund</source>
        <translation>p. ex. remboursement</translation>
    </message>
    <message>
        <source>The reply agents insert by typing /shortcut</source>
        <translation>La réponse que l’on insère en tapant /raccourci</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Shortcut:</source>
        <translation>Raccourci&#xa0;:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>A shortcut is one word, without spaces.</source>
        <translation>Un raccourci est un seul mot, sans espace.</translation>
    </message>
    <message>
        <source>The text is too long: at most %1 characters.</source>
        <translation>Le texte est trop long&#xa0;: %1 caractères au plus.</translation>
    </message>
</context>
<context>
    <name>Tandem::ChatDeck</name>
    <message>
        <source>No live chats right now.

While you are Online, new chats are offered to you above; accepted ones open here, side by side.</source>
        <translation>Aucune discussion en direct pour le moment.

Tant que vous êtes en ligne, les nouvelles discussions vous sont proposées en haut&#xa0;; celles que vous acceptez s’ouvrent ici, côte à côte.</translation>
    </message>
</context>
<context>
    <name>Tandem::ChatPane</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this ended chat (Ctrl+Shift+E)</source>
        <translation>Fermer cette discussion terminée (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>End the chat?</source>
        <translation>Terminer la discussion&#xa0;?</translation>
    </message>
    <message>
        <source>End the chat with %1? They can no longer write in it, and are asked to rate it.</source>
        <translation>Terminer la discussion avec %1&#xa0;? Il ne sera plus possible d’y écrire, et une note sera demandée.</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>The chat with %1 has ended.</source>
        <translation>La discussion avec %1 est terminée.</translation>
    </message>
    <message>
        <source>The chat with %1 has ended. What you were writing is kept below.</source>
        <translation>La discussion avec %1 est terminée. Ce que vous écriviez est conservé ci-dessous.</translation>
    </message>
    <message>
        <source>End Chat</source>
        <translation>Terminer la discussion</translation>
    </message>
    <message>
        <source>End this chat (Ctrl+Shift+E)</source>
        <translation>Terminer cette discussion (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>Follow Up Later</source>
        <translation>Reprendre plus tard</translation>
    </message>
    <message>
        <source>Take the chat off the deck; it stays in the inbox to answer later</source>
        <translation>Retirer la discussion du pupitre&#xa0;; elle reste dans la boîte de réception pour y répondre plus tard</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <source>Reply… “/” for canned responses</source>
        <translation>Répondre… «&#xa0;/&#xa0;» pour les réponses types</translation>
    </message>
    <message>
        <source>Send the reply (Enter)</source>
        <translation>Envoyer la réponse (Entrée)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>This reply is too long: at most %1 characters.</source>
        <translation>Cette réponse est trop longue&#xa0;: %1 caractères au plus.</translation>
    </message>
    <message>
        <source>A reply was not accepted by the server: %1</source>
        <translation>Une réponse n’a pas été acceptée par le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ctrl+%1 goes to this chat</source>
        <translation>Ctrl+%1 mène à cette discussion</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouveau</numerusform>
            <numerusform>%n nouveaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Transferred to you by %1.</source>
        <translation>Transférée à vous par %1.</translation>
    </message>
    <message>
        <source>Transferred to you by %1: “%2”</source>
        <translation>Transférée à vous par %1&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>En attente %1</translation>
    </message>
    <message>
        <source>The customer has waited this long for an answer</source>
        <translation>Depuis combien de temps le client attend une réponse</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Chat %1</source>
        <translation>Discussion %1</translation>
    </message>
    <message>
        <source>Ending the chat…</source>
        <translation>Fin de la discussion…</translation>
    </message>
    <message>
        <source>Moving the chat to the inbox…</source>
        <translation>Déplacement de la discussion vers la boîte de réception…</translation>
    </message>
</context>
<context>
    <name>Tandem::CommandPalette</name>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Type a command: resolve, snooze, label, assign…</source>
        <translation>Tapez une commande : résoudre, mettre en veille, étiquette, attribuer…</translation>
    </message>
</context>
<context>
    <name>Tandem::Composer</name>
    <message>
        <source>Write a reply… Enter sends, Shift+Enter starts a new line</source>
        <translation>Écrire une réponse… Entrée envoie, Maj+Entrée passe à la ligne</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>Tandem::ConnectionIndicator</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Try to reach the server now instead of waiting</source>
        <translation>Tenter de joindre le serveur maintenant au lieu d’attendre</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté de la session</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline – reconnecting in %1 s</source>
        <translation>Hors ligne – reconnexion dans %1 s</translation>
    </message>
    <message>
        <source>Offline – reconnecting…</source>
        <translation>Hors ligne – reconnexion…</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Boîte d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Every reply has reached the server.</source>
        <translation>Toutes les réponses sont arrivées au serveur.</translation>
    </message>
    <message>
        <source>Replies waiting to be sent: %1. They go out as soon as the server can be reached.</source>
        <translation>Réponses en attente d’envoi&#xa0;: %1. Elles partiront dès que le serveur sera joignable.</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationActions</name>
    <message>
        <source>Take</source>
        <translation>Prendre</translation>
    </message>
    <message>
        <source>Assign this conversation to yourself</source>
        <translation>Vous assigner cette conversation</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assigner</translation>
    </message>
    <message>
        <source>Assign this conversation to someone, or to nobody</source>
        <translation>Assigner cette conversation à quelqu’un, ou à personne</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Waiting on the customer: it opens again when they write</source>
        <translation>On attend le client : elle se rouvre quand il écrit</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Put it out of the way until a time, or until the customer writes</source>
        <translation>La mettre de côté jusqu’à une heure donnée, ou jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Jusqu’à une date…</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Reporter jusqu’à</translation>
    </message>
    <message>
        <source>Until the customer writes</source>
        <translation>Jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>Pendant une heure</translation>
    </message>
    <message>
        <source>Until tomorrow, 9:00</source>
        <translation>Jusqu’à demain, 9 h 00</translation>
    </message>
    <message>
        <source>Until next week (Monday, 9:00)</source>
        <translation>Jusqu’à la semaine prochaine (lundi, 9 h 00)</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Done: it opens again if the customer writes</source>
        <translation>Terminée : elle se rouvre si le client écrit</translation>
    </message>
    <message>
        <source>Open it again</source>
        <translation>La rouvrir</translation>
    </message>
    <message>
        <source>A live chat under way is ended from the deck</source>
        <translation>Un chat en direct en cours se termine depuis le tableau des chats</translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation>%1 (moi)</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Not connected to the server</source>
        <translation>Pas de connexion au serveur</translation>
    </message>
    <message>
        <source>Assign anyway?</source>
        <translation>Assigner quand même ?</translation>
    </message>
    <message>
        <source>%1. Assign it all the same?</source>
        <translation>%1. L’assigner quand même ?</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Put labels on this conversation, or take them off</source>
        <translation>Mettre des étiquettes sur cette conversation, ou les retirer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>How urgent it is</source>
        <translation>Son urgence</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Join this conversation into another of the same customer</source>
        <translation>Fusionner cette conversation dans une autre du même client</translation>
    </message>
    <message>
        <source>No labels yet: a supervisor adds them</source>
        <translation>Pas encore d’étiquettes : un superviseur les ajoute</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Into #%1 (%2): %3</source>
        <translation>Dans #%1 (%2) : %3</translation>
    </message>
    <message>
        <source>This customer has no other conversation</source>
        <translation>Ce client n’a pas d’autre conversation</translation>
    </message>
    <message>
        <source>Offline: changes are sent when the connection is back</source>
        <translation>Hors ligne : les modifications partent au retour de la connexion</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationDelegate</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Équipe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Live chat, waiting</source>
        <translation>Chat en direct, en attente</translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation>Chat en direct</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>En veille jusqu’à %1</translation>
    </message>
    <message>
        <source>Snoozed until they write</source>
        <translation>En veille jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Open: the customer wrote</source>
        <translation>Ouverte : le client a écrit</translation>
    </message>
    <message>
        <source>Open: snooze ran out</source>
        <translation>Ouverte : fin de la mise en veille</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribuée</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 est ici</translation>
    </message>
    <message>
        <source>Web chat</source>
        <translation>Chat web</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 modification en attente d’envoi</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 modifications en attente d’envoi</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationListView</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>Tandem::ConversationView</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Chargement des messages plus anciens…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the reply (Enter or Ctrl+Enter)</source>
        <translation>Envoyer la réponse (Entrée ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>This reply is too long: a message can have at most %1 characters.</source>
        <translation>Cette réponse est trop longue&#xa0;: un message peut contenir au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left to read and answer it.</source>
        <translation>Choisissez une conversation à gauche pour la lire et y répondre.</translation>
    </message>
    <message>
        <source>A reply was not accepted by the server: %1</source>
        <translation>Une réponse n’a pas été acceptée par le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>%1 · conversation %2</source>
        <translation>%1 · conversation %2</translation>
    </message>
    <message>
        <source>%1 The customer rated this chat %2 of 5.</source>
        <translation>%1 Le client a noté cette discussion %2 sur 5.</translation>
    </message>
    <message>
        <source>%1 The customer rated this chat %2 of 5: “%3”</source>
        <translation>%1 Le client a noté cette discussion %2 sur 5&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Write a private note that only the team sees; @name tells a colleague (Ctrl+Shift+N)</source>
        <translation>Écrire une note privée que seule l’équipe voit ; @nom prévient un collègue (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Reportée jusqu’à %1</translation>
    </message>
    <message>
        <source>Snoozed until the customer writes</source>
        <translation>Reportée jusqu’à ce que le client écrive</translation>
    </message>
    <message>
        <source>Pending: waiting on the customer</source>
        <translation>En attente : on attend le client</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Open again: the customer wrote</source>
        <translation>De nouveau ouverte : le client a écrit</translation>
    </message>
    <message>
        <source>Open again: its snooze ran out</source>
        <translation>De nouveau ouverte : le report a pris fin</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source> · %1 has it</source>
        <translation> · %1 s’en occupe</translation>
    </message>
    <message>
        <source> · nobody has it yet</source>
        <translation> · personne ne s’en occupe encore</translation>
    </message>
    <message>
        <source>%1 · %2 · conversation %3</source>
        <translation>%1 · %2 · conversation %3</translation>
    </message>
    <message>
        <source>Private note: only the team sees it. @name tells a colleague.</source>
        <translation>Note privée : seule l’équipe la voit. @nom prévient un collègue.</translation>
    </message>
    <message>
        <source>Write a reply… Enter sends, Shift+Enter starts a new line</source>
        <translation>Écrire une réponse… Entrée envoie, Maj+Entrée commence une nouvelle ligne</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Conversation %1 was merged into this one.</source>
        <translation>La conversation %1 a été fusionnée dans celle-ci.</translation>
    </message>
    <message>
        <source>Merged into conversation %1</source>
        <translation>Fusionnée dans la conversation %1</translation>
    </message>
    <message>
        <source>Also here: %1</source>
        <translation>Aussi ici : %1</translation>
    </message>
    <message>
        <source>A change made offline was refused: %1</source>
        <translation>Une modification faite hors ligne a été refusée : %1</translation>
    </message>
    <message>
        <source> · 1 change waiting to be sent</source>
        <translation> · 1 modification en attente d’envoi</translation>
    </message>
    <message>
        <source> · %1 changes waiting to be sent</source>
        <translation> · %1 modifications en attente d’envoi</translation>
    </message>
    <message>
        <source>Promised a reply by %1: not kept</source>
        <translation>Réponse promise pour %1 : promesse non tenue</translation>
    </message>
    <message>
        <source>Promised a reply by %1</source>
        <translation>Réponse promise pour %1</translation>
    </message>
    <message>
        <source>Promised a reply by %1: kept</source>
        <translation>Réponse promise pour %1 : promesse tenue</translation>
    </message>
    <message>
        <source>Promised a reply by %1: answered %2 late</source>
        <translation>Réponse promise pour %1 : répondu avec %2 de retard</translation>
    </message>
    <message>
        <source>“%1” in Cc is not an email address.</source>
        <translation>« %1 » en Cc n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Take It Back to Edit</source>
        <translation>Reprendre pour modifier</translation>
    </message>
</context>
<context>
    <name>Tandem::CredentialStore</name>
    <message>
        <source>No keychain is available, so Tandem cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Aucun trousseau n’est disponible&#xa0;: Tandem ne peut pas retenir votre connexion, et vous devrez vous connecter à chaque fois.</translation>
    </message>
    <message>
        <source>Tandem was not allowed to use the keychain (it may be locked), so it cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Tandem n’a pas été autorisé à utiliser le trousseau (il est peut-être verrouillé)&#xa0;: il ne peut pas retenir votre connexion, et vous devrez vous connecter à chaque fois.</translation>
    </message>
    <message>
        <source>Tandem could not use the system keychain, so it cannot remember your sign-in; you will be asked to sign in each time.</source>
        <translation>Tandem n’a pas pu utiliser le trousseau du système&#xa0;: il ne peut pas retenir votre connexion, et vous devrez vous connecter à chaque fois.</translation>
    </message>
    <message>
        <source>No sign-in is saved for this server and account.</source>
        <translation>Aucune connexion n’est enregistrée pour ce serveur et ce compte.</translation>
    </message>
    <message>
        <source>The server address or the account name is missing.</source>
        <translation>L’adresse du serveur ou le nom du compte manque.</translation>
    </message>
    <message>
        <source>There is no sign-in token to store.</source>
        <translation>Il n’y a aucun jeton de connexion à enregistrer.</translation>
    </message>
</context>
<context>
    <name>Tandem::CustomerPanel</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>en veille</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>The customer&apos;s conversations</source>
        <translation>Les conversations du client</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Writes through %1</source>
        <translation>Écrit via %1</translation>
    </message>
    <message>
        <source>Writes through %1 (%2)</source>
        <translation>Écrit via %1 (%2)</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The one open now</source>
        <translation>Celle ouverte en ce moment</translation>
    </message>
    <message>
        <source>No ratings given yet</source>
        <translation>Pas encore d’évaluation</translation>
    </message>
    <message>
        <source>Ratings given: %1</source>
        <translation>Évaluations : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Also reached on
%1</source>
        <translation>Joignable aussi via
%1</translation>
    </message>
    <message>
        <source>Needs a connection to the server</source>
        <translation>Nécessite une connexion au serveur</translation>
    </message>
    <message>
        <source>%1 %2 from one rating</source>
        <translation>%1 %2 sur une évaluation</translation>
    </message>
    <message>
        <source>%1 %2 from %3 ratings</source>
        <translation>%1 %2 sur %3 évaluations</translation>
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
        <translation>Le profil «&#xa0;%1&#xa0;» a été réinitialisé.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Sign-in not remembered</source>
        <translation>Connexion non retenue</translation>
    </message>
    <message>
        <source>The local copy of your conversations could not be opened: %1</source>
        <translation>La copie locale de vos conversations n’a pas pu être ouverte&#xa0;: %1</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but the server could not be told: %1</source>
        <translation>Vous êtes déconnecté sur cet ordinateur, mais le serveur n’a pas pu être prévenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Vous vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>Votre session a pris fin&#xa0;: %1. Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>Tandem::EmailBar</name>
    <message>
        <source>Cc:</source>
        <translation>Cc :</translation>
    </message>
    <message>
        <source>the people of the thread, as before (type addresses to change)</source>
        <translation>les participants du fil, comme avant (saisissez des adresses pour changer)</translation>
    </message>
    <message>
        <source>Email to %1</source>
        <translation>E-mail à %1</translation>
    </message>
    <message>
        <source>Email to %1, from %2</source>
        <translation>E-mail à %1, de %2</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Signé : %1</translation>
    </message>
</context>
<context>
    <name>Tandem::EmailView</name>
    <message>
        <source>Unnamed file (%1)</source>
        <translation>Fichier sans nom (%1)</translation>
    </message>
    <message>
        <source>%1 (%2, too large: not kept)</source>
        <translation>%1 (%2, trop volumineux : non conservé)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Sent by a machine:</source>
        <translation>Envoyé automatiquement :</translation>
    </message>
    <message>
        <source>Remote images and content were blocked to protect your privacy.</source>
        <translation>Les images et contenus distants ont été bloqués pour protéger votre vie privée.</translation>
    </message>
    <message>
        <source>Double-click to save</source>
        <translation>Double-cliquez pour enregistrer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Could not save to %1</source>
        <translation>Impossible d’enregistrer dans %1</translation>
    </message>
</context>
<context>
    <name>Tandem::HoursEditor</name>
    <message>
        <source>Business Hours</source>
        <translation>Heures d’ouverture</translation>
    </message>
    <message>
        <source>Open around the clock (no business hours)</source>
        <translation>Ouvert en permanence (pas d’heures d’ouverture)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Ouvre</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Ferme</translation>
    </message>
    <message>
        <source>Add Hours</source>
        <translation>Ajouter des heures</translation>
    </message>
    <message>
        <source>Add Mon–Fri 9:00–17:00</source>
        <translation>Ajouter lun.–ven. 9:00–17:00</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Closed from</source>
        <translation>Fermé du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Add Closure</source>
        <translation>Ajouter une fermeture</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Importer un .ics…</translation>
    </message>
    <message>
        <source>Import Holidays</source>
        <translation>Importer des jours fériés</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>1 closure imported.</source>
        <translation>1 fermeture importée.</translation>
    </message>
    <message>
        <source>%1 closures imported.</source>
        <translation>%1 fermetures importées.</translation>
    </message>
    <message>
        <source>Timezone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <source>Opening hours (a closing time at or before the opening runs past midnight):</source>
        <translation>Heures d’ouverture (une fermeture avant ou à l’heure d’ouverture se poursuit après minuit) :</translation>
    </message>
    <message>
        <source>Holidays and closures:</source>
        <translation>Jours fériés et fermetures :</translation>
    </message>
    <message>
        <source>“%1” is not a timezone this computer knows.</source>
        <translation>« %1 » n’est pas un fuseau horaire connu de cet ordinateur.</translation>
    </message>
    <message>
        <source>Add opening hours, or choose open around the clock.</source>
        <translation>Ajoutez des heures d’ouverture, ou choisissez « ouvert en permanence ».</translation>
    </message>
    <message>
        <source>At most %1 closures.</source>
        <translation>%1 fermetures au plus.</translation>
    </message>
    <message>
        <source>A closure ends before it starts.</source>
        <translation>Une fermeture finit avant de commencer.</translation>
    </message>
    <message>
        <source>Live chat is offered at any hour.</source>
        <translation>Le chat en direct est proposé à toute heure.</translation>
    </message>
    <message>
        <source>Open now; closes %1 (team&apos;s time).</source>
        <translation>Ouvert ; ferme %1 (heure de l’équipe).</translation>
    </message>
    <message>
        <source>Open now.</source>
        <translation>Ouvert.</translation>
    </message>
    <message>
        <source>Closed now; opens %1 (team&apos;s time).</source>
        <translation>Fermé ; ouvre %1 (heure de l’équipe).</translation>
    </message>
    <message>
        <source>Closed for longer than a year: customers would be promised nothing.</source>
        <translation>Fermé plus d’un an : aucune promesse ne serait faite aux clients.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 n’a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>Open around the clock</source>
        <translation>Ouvert en permanence</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> et %1 de plus</translation>
    </message>
    <message>
        <source>; 1 closure</source>
        <translation> ; 1 fermeture</translation>
    </message>
    <message>
        <source>; %1 closures</source>
        <translation> ; %1 fermetures</translation>
    </message>
    <message>
        <source>Send an automatic reply to customers who write while the team is closed</source>
        <translation>Répondre automatiquement aux clients qui écrivent pendant la fermeture de l’équipe</translation>
    </message>
    <message>
        <source>{opening} becomes when the team opens, {replyBy} when an answer can be expected, both in the customer&apos;s timezone and language.</source>
        <translation>{opening} devient l’heure d’ouverture de l’équipe, {replyBy} l’heure à laquelle une réponse est attendue, toutes deux dans le fuseau horaire et la langue du client.</translation>
    </message>
    <message>
        <source>The automatic reply is too long: at most %1 characters.</source>
        <translation>La réponse automatique est trop longue : %1 caractères au plus.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>In hours, tell customers when the wait is over:</source>
        <translation>Pendant les heures d’ouverture, prévenir les clients quand l’attente dépasse :</translation>
    </message>
</context>
<context>
    <name>Tandem::InboxPanel</name>
    <message>
        <source>Search conversations and messages (Ctrl+F)</source>
        <translation>Rechercher dans les conversations et les messages (Ctrl+F)</translation>
    </message>
    <message>
        <source>No conversations yet.
New ones appear here as customers write.</source>
        <translation>Aucune conversation pour l’instant.
Les nouvelles apparaîtront ici dès que des clients écriront.</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Messages trouvés</translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation>Aucun message ne correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Messages matching “%1”</source>
        <translation>Messages correspondant à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non assignées</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Reportées</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Newest activity</source>
        <translation>Activité la plus récente</translation>
    </message>
    <message>
        <source>Longest waiting</source>
        <translation>Attente la plus longue</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>My teams</source>
        <translation>Mes équipes</translation>
    </message>
    <message>
        <source>Delete View “%1”</source>
        <translation>Supprimer la vue « %1 »</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Nom de la vue :</translation>
    </message>
    <message>
        <source>SLA due first</source>
        <translation>Échéance SLA d’abord</translation>
    </message>
    <message>
        <source>Longest waiting: customers waiting for an answer the longest first. SLA due first: the least business time left to answer first</source>
        <translation>Attente la plus longue : les clients qui attendent une réponse depuis le plus longtemps d’abord. Échéance SLA d’abord : le moins de temps ouvré restant d’abord</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA menacé</translation>
    </message>
</context>
<context>
    <name>Tandem::LabelsDialog</name>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>p. ex. Facturation</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Couleur :</translation>
    </message>
    <message>
        <source>A label&apos;s name has no comma.</source>
        <translation>Le nom d’une étiquette ne contient pas de virgule.</translation>
    </message>
    <message>
        <source>Delete the label?</source>
        <translation>Supprimer l’étiquette ?</translation>
    </message>
    <message>
        <source>“%1” comes off every conversation that has it.</source>
        <translation>« %1 » sera retirée de toutes les conversations qui la portent.</translation>
    </message>
</context>
<context>
    <name>Tandem::LiveNotifier</name>
    <message>
        <source>A customer</source>
        <translation>Un client</translation>
    </message>
    <message>
        <source>New live chat: %1</source>
        <translation>Nouvelle discussion en direct&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accept within %n seconds.</source>
        <translation>
            <numerusform>À accepter dans les %n seconde.</numerusform>
            <numerusform>À accepter dans les %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nouveau message de %1</translation>
    </message>
    <message>
        <source>In your live chats</source>
        <translation>Dans vos discussions en direct</translation>
    </message>
    <message numerus="yes">
        <source>Tandem — %n unread in live chats</source>
        <translation>
            <numerusform>Tandem — %n non lu dans les discussions en direct</numerusform>
            <numerusform>Tandem — %n non lus dans les discussions en direct</numerusform>
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
        <translation>dernier e-mail %1 (classé en %2 s)</translation>
    </message>
    <message>
        <source>last mail %1</source>
        <translation>dernier e-mail %1</translation>
    </message>
    <message>
        <source>no mail yet</source>
        <translation>aucun e-mail pour l’instant</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>illisible : %1</translation>
    </message>
    <message>
        <source>Email Inboxes</source>
        <translation>Boîtes de réception e-mail</translation>
    </message>
    <message>
        <source>&amp;New Email Inbox</source>
        <translation>&amp;Nouvelle boîte e-mail</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>Reply-To carries the conversation (support+t42.…@)</source>
        <translation>Le Reply-To porte la conversation (support+t42.…@)</translation>
    </message>
    <message>
        <source>Inbox name:</source>
        <translation>Nom de la boîte :</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Équipe :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Sender name:</source>
        <translation>Nom de l’expéditeur :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
    <message>
        <source>Reading (IMAP)</source>
        <translation>Lecture (IMAP)</translation>
    </message>
    <message>
        <source>Sending (SMTP)</source>
        <translation>Envoi (SMTP)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
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
        <translation>Aucune (cette machine seulement)</translation>
    </message>
    <message>
        <source>only for a certificate no authority signed</source>
        <translation>seulement pour un certificat qu’aucune autorité n’a signé</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Trusted certificate (SHA-256):</source>
        <translation>Certificat de confiance (SHA-256) :</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>This mailbox cannot be read: %1</source>
        <translation>Cette boîte ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>A new email inbox needs the IMAP password.</source>
        <translation>Une nouvelle boîte e-mail a besoin du mot de passe IMAP.</translation>
    </message>
</context>
<context>
    <name>Tandem::MainWindow</name>
    <message>
        <source>Rated by a customer</source>
        <translation>Noté par un client</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>Ré&amp;pondre</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>À &amp;propos de Tandem</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>À propos de Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;A native desktop help desk: answer your customers&apos; conversations, live and asynchronous.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Un centre d’assistance natif pour le bureau&#xa0;: répondez aux conversations de vos clients, en direct comme en différé.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 (profile %2)</source>
        <translation>%1 (profil %2)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Tandem could not write to its local storage (is the disk full?). Your last reply or draft may not have been kept; please check it before you go on.</source>
        <translation>Tandem n’a pas pu écrire dans son stockage local (le disque est-il plein ?). Votre dernière réponse ou votre brouillon n’a peut-être pas été conservé ; vérifiez-le avant de continuer.</translation>
    </message>
    <message>
        <source>Live Chats</source>
        <translation>Discussions en direct</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Live Chats</source>
        <translation>&amp;Discussions en direct</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Boîte de réception</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>C&amp;hat</translation>
    </message>
    <message>
        <source>&amp;Accept Offer</source>
        <translation>&amp;Accepter l’offre</translation>
    </message>
    <message>
        <source>&amp;Decline Offer</source>
        <translation>&amp;Refuser l’offre</translation>
    </message>
    <message>
        <source>&amp;Go to Chat</source>
        <translation>&amp;Aller à la discussion</translation>
    </message>
    <message>
        <source>Chat %1</source>
        <translation>Discussion %1</translation>
    </message>
    <message>
        <source>&amp;End Chat</source>
        <translation>&amp;Terminer la discussion</translation>
    </message>
    <message>
        <source>&amp;Transfer Chat…</source>
        <translation>Trans&amp;férer la discussion…</translation>
    </message>
    <message>
        <source>&amp;Follow Up Later</source>
        <translation>Reprendre &amp;plus tard</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>Éq&amp;uipe</translation>
    </message>
    <message>
        <source>Team and &amp;Capacity…</source>
        <translation>Équipe et &amp;capacité…</translation>
    </message>
    <message>
        <source>C&amp;anned Responses…</source>
        <translation>&amp;Réponses types…</translation>
    </message>
    <message>
        <source>Live Chats (%1)</source>
        <translation>Discussions en direct (%1)</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Boîte de réception (%1)</translation>
    </message>
    <message>
        <source>You were mentioned</source>
        <translation>Vous avez été mentionné</translation>
    </message>
    <message>
        <source>A colleague&apos;s note names you: see Mentions in the inbox.</source>
        <translation>Une note d’un collègue vous nomme : voir Mentions dans la boîte de réception.</translation>
    </message>
    <message>
        <source>&amp;Customer Panel</source>
        <translation>Panneau &amp;client</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>É&amp;tiquettes…</translation>
    </message>
    <message>
        <source>C&amp;onversation</source>
        <translation>C&amp;onversation</translation>
    </message>
    <message>
        <source>&amp;Take It</source>
        <translation>&amp;La prendre</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Attribuer…</translation>
    </message>
    <message>
        <source>&amp;Label…</source>
        <translation>É&amp;tiquette…</translation>
    </message>
    <message>
        <source>&amp;Priority…</source>
        <translation>&amp;Priorité…</translation>
    </message>
    <message>
        <source>Set &amp;Pending</source>
        <translation>Mettre en &amp;attente</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>Mettre en &amp;veille…</translation>
    </message>
    <message>
        <source>&amp;Resolve or Reopen</source>
        <translation>&amp;Résoudre ou rouvrir</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>Write a &amp;Note</source>
        <translation>Écrire une &amp;note</translation>
    </message>
    <message>
        <source>&amp;Commands…</source>
        <translation>&amp;Commandes…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Write a private note instead of a reply</source>
        <translation>Écrire une note privée au lieu d’une réponse</translation>
    </message>
    <message>
        <source>Up, Down, Enter</source>
        <translation>Haut, Bas, Entrée</translation>
    </message>
    <message>
        <source>Move through the list; open and answer</source>
        <translation>Parcourir la liste ; ouvrir et répondre</translation>
    </message>
    <message>
        <source>/ in a composer</source>
        <translation>/ dans une zone de saisie</translation>
    </message>
    <message>
        <source>Insert a canned response</source>
        <translation>Insérer une réponse type</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Teams and &amp;Inboxes…</source>
        <translation>Équipes et &amp;boîtes de réception…</translation>
    </message>
    <message>
        <source>Customers told when to expect an answer (out of hours), and how many were answered by then, over the last 7 days</source>
        <translation>Clients à qui l’on a dit quand attendre une réponse (hors des heures d’ouverture), et combien ont eu leur réponse à temps, sur les 7 derniers jours</translation>
    </message>
    <message>
        <source>Promises kept: %1 % (%2 of %3)</source>
        <translation>Promesses tenues : %1 % (%2 sur %3)</translation>
    </message>
    <message>
        <source>&amp;Email Inboxes…</source>
        <translation>Boîtes &amp;e-mail…</translation>
    </message>
    <message>
        <source>New &amp;Email…</source>
        <translation>Nouvel &amp;e-mail…</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Waiting to go out</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Non distribué</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Non distribué : %1</translation>
    </message>
    <message>
        <source>Note · %1 (only the team sees it)</source>
        <translation>Note · %1 (seule l’équipe la voit)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-mail : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n pièce jointe</numerusform>
            <numerusform>%n pièces jointes</numerusform>
        </translation>
    </message>
    <message>
        <source>double-click to open</source>
        <translation>double-cliquez pour ouvrir</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageFiles</name>
    <message>
        <source>This file has not been downloaded yet; it can be once online.</source>
        <translation>Ce fichier n’a pas encore été téléchargé ; il pourra l’être une fois en ligne.</translation>
    </message>
    <message>
        <source>%1 is larger than the server takes (at most %2)</source>
        <translation>%1 dépasse ce que le serveur accepte (au plus %2)</translation>
    </message>
    <message>
        <source>The attached file %1 could not be read</source>
        <translation>Le fichier joint %1 n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Tandem::MessageListView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
</context>
<context>
    <name>Tandem::NarrowingButton</name>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>En veille</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Show only one inbox, channel, label, priority or status</source>
        <translation>N’afficher qu’une boîte de réception, un canal, une étiquette, une priorité ou un statut</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Sans priorité</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filtre : %1</translation>
    </message>
    <message>
        <source>Only these are shown; choose again to show all</source>
        <translation>Seules celles-ci sont affichées ; choisissez à nouveau pour tout afficher</translation>
    </message>
    <message>
        <source>Save as View…</source>
        <translation>Enregistrer comme vue…</translation>
    </message>
</context>
<context>
    <name>Tandem::NewEmailDialog</name>
    <message>
        <source>New Email</source>
        <translation>Nouvel e-mail</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>customer@example.com</source>
        <translation>client@example.com</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>their name, if they are new to the team (optional)</source>
        <translation>son nom, si la personne est nouvelle pour l’équipe (facultatif)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Write the email…</source>
        <translation>Rédigez l’e-mail…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>No email inbox is set up for your teams yet (Team &gt; Email Inboxes).</source>
        <translation>Aucune boîte e-mail n’est encore configurée pour vos équipes (Équipe &gt; Boîtes e-mail).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>To: one email address, please.</source>
        <translation>À : une seule adresse e-mail, s’il vous plaît.</translation>
    </message>
    <message>
        <source>“%1” in Cc is not an email address.</source>
        <translation>« %1 » en Cc n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>The email needs a subject.</source>
        <translation>L’e-mail a besoin d’un objet.</translation>
    </message>
    <message>
        <source>The email has no text yet.</source>
        <translation>L’e-mail n’a pas encore de texte.</translation>
    </message>
    <message>
        <source>An email may be at most %1 characters long.</source>
        <translation>Un e-mail peut compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The email could not be kept for sending.</source>
        <translation>L’e-mail n’a pas pu être conservé pour l’envoi.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
</context>
<context>
    <name>Tandem::OfferBanner</name>
    <message>
        <source>New live chat</source>
        <translation>Nouvelle discussion en direct</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Take this chat (Ctrl+Shift+A)</source>
        <translation>Prendre cette discussion (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Let a colleague take it (Ctrl+Shift+D)</source>
        <translation>La laisser à un collègue (Ctrl+Maj+D)</translation>
    </message>
    <message>
        <source>(no message yet)</source>
        <translation>(pas encore de message)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
</context>
<context>
    <name>Tandem::OfferStrip</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Tandem::Outbox</name>
    <message>
        <source>The attached file %1 could not be read</source>
        <translation>Le fichier joint %1 n’a pas pu être lu</translation>
    </message>
</context>
<context>
    <name>Tandem::PresenceSelector</name>
    <message>
        <source>Your presence, as your team and the routing see it</source>
        <translation>Votre présence, telle que la voient votre équipe et la répartition</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Presence can be changed while connected</source>
        <translation>La présence peut être changée une fois connecté</translation>
    </message>
    <message>
        <source>Your presence could not be changed: %1</source>
        <translation>Votre présence n’a pas pu être changée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>Tandem::QueueIndicator</name>
    <message>
        <source>Customers waiting for a live chat</source>
        <translation>Clients qui attendent une discussion en direct</translation>
    </message>
    <message>
        <source>Queue: empty</source>
        <translation>File d’attente&#xa0;: vide</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n waiting, longest %1</source>
        <translation>
            <numerusform>File d’attente&#xa0;: %n en attente, le plus long %1</numerusform>
            <numerusform>File d’attente&#xa0;: %n en attente, le plus long %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::RatingWatcher</name>
    <message>
        <source>A customer</source>
        <translation>Un client</translation>
    </message>
    <message>
        <source>%1 rated your chat %2 of 5.</source>
        <translation>%1 a noté votre discussion %2 sur 5.</translation>
    </message>
    <message>
        <source>%1 rated your chat %2 of 5: “%3”</source>
        <translation>%1 a noté votre discussion %2 sur 5&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%n customers rated your chats.</source>
        <translation>
            <numerusform>%n client a noté vos discussions.</numerusform>
            <numerusform>%n clients ont noté vos discussions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::SignInClient</name>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Impossible de joindre le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood</source>
        <translation>La réponse du serveur n’a pas été comprise</translation>
    </message>
</context>
<context>
    <name>Tandem::SignInDialog</name>
    <message>
        <source>Sign in to Tandem</source>
        <translation>Se connecter à Tandem</translation>
    </message>
    <message>
        <source>Sign in to your help desk</source>
        <translation>Connectez-vous à votre centre d’assistance</translation>
    </message>
    <message>
        <source>https://help.example.com</source>
        <translation>https://aide.example.com</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>vous@example.com</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation>&amp;Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>Your sign-in is kept in the system keychain, never in a file.</source>
        <translation>Votre connexion est conservée dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation>L’adresse e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute, then try again.</source>
        <translation>Trop de tentatives. Patientez une minute, puis réessayez.</translation>
    </message>
    <message>
        <source>This server speaks a different version of Tandem. Update the app.</source>
        <translation>Ce serveur utilise une autre version de Tandem. Mettez l’application à jour.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>“%1” is not a server address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur.</translation>
    </message>
    <message>
        <source>Enter the email address of your Tandem account.</source>
        <translation>Saisissez l’adresse e-mail de votre compte Tandem.</translation>
    </message>
</context>
<context>
    <name>Tandem::SlaAlerter</name>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 autres</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA dépassé</translation>
    </message>
    <message numerus="yes">
        <source>SLA breached in %n conversations</source>
        <translation>
            <numerusform>SLA dépassé dans %n conversation</numerusform>
            <numerusform>SLA dépassé dans %n conversations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — see SLA at risk in the inbox.</source>
        <translation>%1 — voir « SLA menacé » dans la boîte de réception.</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA menacé</translation>
    </message>
    <message numerus="yes">
        <source>SLA at risk in %n conversations</source>
        <translation>
            <numerusform>SLA menacé dans %n conversation</numerusform>
            <numerusform>SLA menacé dans %n conversations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — answer soon; see SLA at risk in the inbox.</source>
        <translation>%1 — répondez bientôt ; voir « SLA menacé » dans la boîte de réception.</translation>
    </message>
</context>
<context>
    <name>Tandem::SlaEditor</name>
    <message>
        <source>No priority</source>
        <translation>Sans priorité</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Service Level Agreement</source>
        <translation>Accord de niveau de service</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Première réponse</translation>
    </message>
    <message>
        <source>Next reply</source>
        <translation>Réponse suivante</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Targets count business time only, and pause while a conversation is pending, snoozed or resolved. A conversation follows its most specific rule: inbox and priority, then inbox, then priority, then the rule for any.</source>
        <translation>Les objectifs ne comptent que les heures ouvrées et s’interrompent tant qu’une conversation est en attente, en veille ou résolue. Une conversation suit sa règle la plus précise : boîte et priorité, puis boîte, puis priorité, puis la règle générale.</translation>
    </message>
    <message>
        <source>At risk after:</source>
        <translation>Menacé après :</translation>
    </message>
    <message>
        <source>Any inbox</source>
        <translation>Toute boîte</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Toute priorité</translation>
    </message>
    <message>
        <source>No SLA</source>
        <translation>Pas de SLA</translation>
    </message>
    <message>
        <source>first reply %1</source>
        <translation>première réponse %1</translation>
    </message>
    <message>
        <source>next reply %1</source>
        <translation>réponse suivante %1</translation>
    </message>
    <message>
        <source>resolution %1</source>
        <translation>résolution %1</translation>
    </message>
    <message>
        <source>; 1 more rule</source>
        <translation> ; 1 autre règle</translation>
    </message>
    <message>
        <source>; %1 more rules</source>
        <translation> ; %1 autres règles</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncClient</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>La connexion a été perdue</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>No answer from the server</source>
        <translation>Pas de réponse du serveur</translation>
    </message>
</context>
<context>
    <name>Tandem::TeamDialog</name>
    <message>
        <source>Team and Capacity</source>
        <translation>Équipe et capacité</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Live chats</source>
        <translation>Discussions en direct</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Auto-accept</source>
        <translation>Acceptation auto</translation>
    </message>
    <message>
        <source>Nobody is waiting in the queue.</source>
        <translation>Personne n’attend dans la file.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the queue, the longest for %1.</source>
        <translation>
            <numerusform>%n en attente dans la file, le plus long depuis %1.</numerusform>
            <numerusform>%n en attente dans la file, le plus long depuis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity of %1</source>
        <translation>Capacité de %1</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (non connecté)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 · %n offered</source>
        <translation>
            <numerusform>%1 sur %2 · %n proposée</numerusform>
            <numerusform>%1 sur %2 · %n proposées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Active live chats of this agent, out of their capacity</source>
        <translation>Discussions en direct actives de cet agent, sur sa capacité</translation>
    </message>
</context>
<context>
    <name>Tandem::TeamsDialog</name>
    <message>
        <source>Teams and Inboxes</source>
        <translation>Équipes et boîtes de réception</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Inboxes</source>
        <translation>Boîtes de réception</translation>
    </message>
    <message>
        <source>New Team</source>
        <translation>Nouvelle équipe</translation>
    </message>
    <message>
        <source>e.g. Billing</source>
        <translation>p. ex. Facturation</translation>
    </message>
    <message>
        <source>Save Team</source>
        <translation>Enregistrer l’équipe</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Membres :</translation>
    </message>
    <message>
        <source>New Inbox</source>
        <translation>Nouvelle boîte</translation>
    </message>
    <message>
        <source>e.g. Billing site</source>
        <translation>p. ex. Site de facturation</translation>
    </message>
    <message>
        <source>Save Inbox</source>
        <translation>Enregistrer la boîte</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>Traitée par :</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 membre</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 membres</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no team</source>
        <translation>aucune équipe</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation>Heures d’ouverture :</translation>
    </message>
    <message>
        <source>SLA:</source>
        <translation>SLA :</translation>
    </message>
</context>
<context>
    <name>Tandem::TransferDialog</name>
    <message>
        <source>Transfer Chat</source>
        <translation>Transférer la discussion</translation>
    </message>
    <message>
        <source>Hand the chat with %1 to:</source>
        <translation>Confier la discussion avec %1 à&#xa0;:</translation>
    </message>
    <message>
        <source>A note for your colleague (optional, only the team sees it)</source>
        <translation>Une note pour votre collègue (facultative, seule l’équipe la voit)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 chats</source>
        <translation>%1 — %2 discussions sur %3</translation>
    </message>
    <message>
        <source>At capacity: the transfer will be refused</source>
        <translation>À pleine capacité&#xa0;: le transfert sera refusé</translation>
    </message>
    <message>
        <source>No colleague is online right now.</source>
        <translation>Aucun collègue n’est en ligne pour le moment.</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>La note est trop longue&#xa0;: %1 caractères au plus.</translation>
    </message>
</context>
<context>
    <name>Tandem::TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Le client</translation>
    </message>
</context>
<context>
    <name>Tandem::Workspace</name>
    <message>
        <source>Live Chats</source>
        <translation>Chats en direct</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Your live chats side by side (Ctrl+Shift+L)</source>
        <translation>Vos chats en direct côte à côte (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <source>Conversations answered at your pace (Ctrl+Shift+I)</source>
        <translation>Les conversations auxquelles vous répondez à votre rythme (Ctrl+Maj+I)</translation>
    </message>
    <message>
        <source>No live chat open.

New ones are offered above.</source>
        <translation>Aucun chat en direct ouvert.

Les nouveaux sont proposés en haut.</translation>
    </message>
</context>
</TS>
