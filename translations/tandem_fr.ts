<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
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
    <name>Tandem::ConversationDelegate</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Équipe&#xa0;: %1</translation>
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
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Le client</translation>
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
        <source>Web chat</source>
        <translation>Chat web</translation>
    </message>
    <message>
        <source>%1 · conversation %2</source>
        <translation>%1 · conversation %2</translation>
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
        <source>Tandem could not use the keychain: %1</source>
        <translation>Tandem n’a pas pu utiliser le trousseau&#xa0;: %1</translation>
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
</context>
<context>
    <name>Tandem::MainWindow</name>
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
</context>
<context>
    <name>Tandem::MessageListView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
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
</TS>
