# Catalogue en français pour hotline-kit.
#
# Traduction faite par nous, sans relecture par un traducteur qualifié ni par des survivants.
# Les données de la ligne (numéros, adresses) viennent de hotline.toml : utilisez { $phone },
# { $sms }, { $tty }, { $chat }, { $web } et { $hours } ; n’écrivez jamais un numéro ici.
# Espaces insécables dans les messages : U+00A0 avant « : » et dans « 24 heures sur 24 », U+202F (fine) avant « ? ».

## Lignes communes

call-label = Appelez gratuitement, à toute heure
text-line = Ou envoyez un SMS au { $sms }
text-short = SMS au { $sms }
chat-line = Chat en ligne : { $chat }
tty-line = TTY : { $tty }
confidential = Gratuit et confidentiel. Vous n’avez pas à donner votre nom.
languages-line = Aide en français, en anglais, en espagnol et dans plus de 200 autres langues.
safety-line = Vous pouvez supprimer l’appel ou le SMS de votre téléphone avant de partir.
scan-to-call = Scannez pour appeler

## Questions d’alerte

rf-leave-job = Pouvez-vous quitter votre travail si vous le voulez ?
rf-come-go = Pouvez-vous sortir et rentrer quand vous le voulez ?
rf-id-taken = Est-ce que quelqu’un d’autre garde votre passeport ou votre pièce d’identité ?
rf-debt = Devez-vous à votre patron une dette que vous ne pourrez jamais finir de payer ?
rf-threats = Est-ce que quelqu’un a fait des menaces contre vous ou votre famille si vous essayez de partir ?
rf-sex-made = Est-ce que quelqu’un vous oblige à avoir des relations sexuelles en échange d’argent, de nourriture ou d’un logement ?
rf-work-or-sex = Est-ce que quelqu’un vous oblige à travailler ou à avoir des relations sexuelles, et vous ne pouvez pas partir ?
rf-pay = Est-ce que quelqu’un d’autre prend ou garde l’argent que vous gagnez ?

## Modèles

poster-headline = Êtes-vous en sécurité au travail et à la maison ?
poster-intro = L’aide est gratuite, confidentielle et dans votre langue, 24 heures sur 24.
cling-headline = Est-ce que quelqu’un contrôle votre travail, votre argent ou vos papiers ?
cling-body = Vous pouvez avoir de l’aide aujourd’hui. C’est gratuit et confidentiel.
slide-help = Vous pouvez appeler ou envoyer un SMS pour avoir de l’aide. C’est gratuit et confidentiel.
