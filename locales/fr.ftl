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
text-line-limited = Ou SMS au { $sms } (anglais ou espagnol)
text-short-limited = SMS au { $sms } (anglais ou espagnol)
chat-line-limited = Chat en ligne : { $chat } (anglais ou espagnol)
text-chat-languages = On répond aux SMS et au chat seulement en anglais ou en espagnol.
confidential = Gratuit et confidentiel. Vous n’avez pas à donner votre nom.
languages-line = Appelez en anglais, en espagnol ou dans plus de 200 autres langues.
safety-line = Vous pouvez supprimer l’appel ou le SMS de votre téléphone avant de partir.
scan-to-call = Scannez pour appeler
scan-to-text = Scannez pour envoyer un texto
scan-to-open = Scannez pour ouvrir le site web
free-private = Gratuit, confidentiel, { $hours }
text-label = Ou envoyez { $keyword } par SMS au
text-label-limited = En anglais ou en espagnol, envoyez { $keyword } par SMS au
local-help = Aide locale :
who-answers = La ligne n’est ni la police ni le service de l’immigration. Elle aide tout le monde, avec ou sans papiers. C’est vous qui décidez si la police est prévenue. Si un enfant risque d’être blessé ou si quelqu’un est en danger, la ligne prévient les autorités.

## Questions d’alerte

rf-leave-job = Pouvez-vous quitter votre travail si vous le voulez ?
rf-come-go = Pouvez-vous sortir et rentrer quand vous le voulez ?
rf-id-taken = Est-ce que quelqu’un d’autre garde votre passeport ou votre pièce d’identité ?
rf-debt = Devez-vous à votre patron une dette que vous ne pourrez jamais finir de payer ?
rf-threats = Est-ce que quelqu’un a menacé de vous faire du mal, à vous ou à votre famille, si vous partez ?
rf-sex-made = Est-ce que quelqu’un vous oblige à avoir des relations sexuelles en échange d’argent, de nourriture ou d’un logement ?
rf-work-or-sex = Est-ce que quelqu’un vous oblige à travailler ou à avoir des relations sexuelles, et vous ne pouvez pas partir ?
rf-pay = Est-ce que quelqu’un d’autre prend ou retient l’argent que vous gagnez ?
rf-paid = Est-ce qu’on vous paie pour le travail que vous faites ?
rf-permission = Devez-vous demander la permission pour manger, dormir ou aller aux toilettes ?
rf-locked-in = Est-ce que les portes ou les fenêtres sont fermées à clé pour que vous ne puissiez pas sortir ?
rf-live-at-work = Devez-vous habiter là où votre patron vous le dit ?
rf-scared-at-work = Est-ce que quelqu’un au travail vous fait peur ?
rf-unpaid = Avez-vous travaillé sans recevoir le salaire qu’on vous avait promis ?
rf-quota = Est-ce qu’on vous punit si vous ne rapportez pas assez d’argent ?
rf-cut-off = Est-ce que quelqu’un vous empêche de contacter votre famille ou vos amis ?
rf-danger-if-leave = Est-ce que vous ou une personne que vous aimez seriez en danger si vous partiez ?
rf-calls-visits = Est-ce que quelqu’un d’autre décide quand vous pouvez appeler ou voir des gens ?
rf-different-job = Est-ce qu’on vous avait promis un autre travail que celui que vous faites maintenant ?
rf-under-18 = Avez-vous moins de 18 ans et avez-vous des relations sexuelles en échange d’argent, de nourriture ou d’un logement ?
rf-sex-for-work = Est-ce que quelqu’un vous oblige à avoir des relations sexuelles dans le cadre de votre travail ?
rf-sex-debt = Est-ce qu’on vous oblige à avoir des relations sexuelles pour rembourser une dette ?
rf-sex-money = Est-ce que quelqu’un prend l’argent que vous recevez pour des relations sexuelles ?
rf-hurt-leave = Est-ce que quelqu’un vous a fait du mal ou a fait des menaces contre vous quand vous avez essayé de partir ?

## Modèles

poster-headline = Êtes-vous en sécurité au travail et à la maison ?
poster-intro = Appelez pour avoir de l’aide dans votre langue, 24 heures sur 24. C’est gratuit et confidentiel.
cling-headline = Est-ce que quelqu’un contrôle votre travail, votre argent ou vos papiers ?
cling-body = Vous pouvez avoir de l’aide aujourd’hui. C’est gratuit et confidentiel.
slide-help = Appelez pour avoir de l’aide dans votre langue. C’est gratuit et confidentiel.

## Safety card (universal education): a neutral outside

safety-card-title = Votre santé et votre bien-être
safety-card-note = Nous remettons cette carte à chaque patient.
