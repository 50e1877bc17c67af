# English source catalog for hotline-kit.
#
# Hotline facts are never typed here: use { $phone }, { $sms }, { $tty }, { $chat }, { $web }
# and { $hours }, which come from hotline.toml. Words describe experiences, not labels
# (no "victim", "prostitute", "rescue"); short sentences, grade 6 reading level or lower.

## Shared lines

call-label = Call free, any time
text-line = Or text { $sms }
text-short = Text { $sms }
chat-line = Chat online: { $chat }
tty-line = TTY: { $tty }
# Shown instead of text-line / text-short / chat-line in a locale whose language the text
# or chat line is not answered in (hotline.toml: `languages` on [sms] and [chat]).
text-line-limited = Or text { $sms } (English or Spanish)
text-short-limited = Text { $sms } (English or Spanish)
chat-line-limited = Chat online: { $chat } (English or Spanish)
text-chat-languages = Texts and chat are answered in English or Spanish.
confidential = Free and confidential. You do not have to give your name.
languages-line = You can call in English, Spanish or more than 200 other languages.
safety-line = You can delete the call or text from your phone before you leave.
scan-to-call = Scan to call
scan-to-text = Scan to text
scan-to-open = Scan to open the website
free-private = Free, private, { $hours }
text-label = Or text { $keyword } to
text-label-limited = In English or Spanish, text { $keyword } to
local-help = Local help:
# Who answers (shared facts section 1): within the hotline's own words, never a promise
# that nothing is ever reported.
who-answers = The hotline is not the police or immigration. It helps everyone, with or without papers. You decide if the police are told. If a child may be hurt or someone is in danger, it tells the authorities.

## Red-flag questions (our wording, after the sources in shared domain facts section 4)

rf-leave-job = Can you leave your job if you want to?
rf-come-go = Can you come and go as you please?
rf-id-taken = Does someone else keep your passport or ID?
rf-debt = Do you owe a debt to your boss that you can never pay off?
rf-threats = Has anyone threatened to hurt you or your family if you leave?
rf-sex-made = Is someone making you have sex for money, food or a place to stay?
rf-work-or-sex = Is someone making you work or have sex, and you cannot leave?
rf-pay = Does someone else take or keep the money you earn?
rf-paid = Are you paid for the work you do?
rf-permission = Do you have to ask permission to eat, sleep or use the bathroom?
rf-locked-in = Are doors or windows locked so you cannot get out?
rf-live-at-work = Do you have to live where your boss tells you to?
rf-scared-at-work = Does anyone at work make you feel scared?
rf-unpaid = Have you worked without getting the pay you were promised?
rf-quota = Are you punished if you do not bring in enough money?
rf-cut-off = Does someone stop you from contacting your family or friends?
rf-danger-if-leave = Would you or someone you love be in danger if you left?
rf-calls-visits = Does someone else decide when you can call or see people?
rf-different-job = Were you promised a different job than the one you are doing now?
rf-under-18 = Are you under 18 and trading sex for money, food or a place to stay?
rf-sex-for-work = Does someone make you have sex as part of your job?
rf-sex-debt = Are you made to have sex to pay off a debt?
rf-sex-money = Does someone take the money you are paid for sex?
rf-hurt-leave = Have you been hurt or threatened when you tried to leave?

## Designs

poster-headline = Are you safe at work and at home?
poster-intro = Call for help in your language, 24 hours a day. It is free and private.
cling-headline = Is someone controlling your work, your money or your papers?
cling-body = You can get help today. It is free and private.
slide-help = Call for help in your language. It is free and private.

## Safety card, given to every patient (universal education). The outside says nothing
## about what the card is: a person can carry it safely.

safety-card-title = Your health and well-being
safety-card-note = We give this card to every patient.

## Staff pieces (badge card, staff poster). For staff only: never on a patient piece
## (`check` refuses a `staff-` message there). Written for adult professionals; words
## they may say to a patient still follow the word list (no "victim", no "rescue").

staff-soar-title = A patient may be trafficked? SOAR:
staff-soar-stop = Stop: see the patient alone, with a trained interpreter.
staff-soar-observe = Observe: fear, or a companion who speaks for them.
staff-soar-ask = Ask about safety at work and at home. Do not push.
staff-soar-respond = Respond: ask what they want. Offer the hotline.
staff-call-title = Who to call
staff-danger = In danger now? Follow the emergency plan and call 911.
staff-consult = The hotline also advises staff:
staff-choice = The patient decides what happens next. Believe them; do not pressure.
staff-reporting-default = Reporting: follow your facility's policy. This holds for patients under 18 too.
staff-poster-title = A patient may be trafficked. What can you do?
staff-signs-title = What you may notice (staff only; never use it to profile)
staff-sign-companion = A companion answers for the patient or will not leave.
staff-sign-papers = Someone else holds the patient's ID or papers.
staff-sign-story = The story does not match the injury.
staff-sign-address = The patient does not know their address or where they work.
staff-sign-untreated = Injuries from work that were never treated.
staff-sign-fear = Fear of the police or immigration.
staff-respond-title = How to respond: SOAR
staff-training = Take the free SOAR Online training from HHS. It is for every role, from the front desk to doctors.
