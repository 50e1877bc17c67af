# Katalòg an kreyòl ayisyen pou hotline-kit.
#
# Se nou menm ki tradui l, pa gen tradiktè kalifye ni sivivan ki revize l ankò.
# Enfòmasyon liy lan (nimewo, adrès) soti nan hotline.toml: sèvi ak { $phone }, { $sms },
# { $tty }, { $chat }, { $web } ak { $hours }; pa janm tape yon nimewo isit la.

## Liy komen yo

call-label = Rele gratis, nenpòt lè
text-line = Oswa voye tèks nan { $sms }
text-short = Voye tèks nan { $sms }
chat-line = Chat an liy: { $chat }
tty-line = TTY: { $tty }
text-line-limited = Oswa tèks nan { $sms } (angle oswa panyòl)
text-short-limited = Voye tèks nan { $sms } (angle oswa panyòl)
chat-line-limited = Chat an liy: { $chat } (angle oswa panyòl)
text-chat-languages = Yo reponn tèks ak chat an angle oswa an panyòl sèlman.
confidential = Li gratis epi konfidansyèl. Ou pa oblije bay non ou.
languages-line = Ou ka rele an angle, an panyòl oswa nan plis pase 200 lòt lang, tankou kreyòl.
safety-line = Ou ka efase apèl la oswa tèks la nan telefòn ou anvan ou ale.
scan-to-call = Eskane pou rele
scan-to-text = Eskane pou voye tèks
scan-to-open = Eskane pou louvri sit entènèt la
free-private = Gratis, prive, { $hours }
text-label = Oswa voye { $keyword } pa tèks bay
text-label-limited = An angle oswa panyòl, voye { $keyword } pa tèks bay
local-help = Èd lokal:
who-answers = Liy lan pa lapolis ni imigrasyon. Li ede tout moun, kit yo gen papye kit yo pa genyen. Se ou ki deside si yo avèti lapolis. Si yon timoun ka blese oswa si yon moun an danje, liy lan avèti otorite yo.

## Kesyon pou avèti

rf-leave-job = Èske ou ka kite travay ou si ou vle?
rf-come-go = Èske ou ka antre soti lè ou vle?
rf-id-taken = Èske yon lòt moun kenbe paspò ou oswa pyès idantite ou?
rf-debt = Èske ou dwe patwon ou yon dèt ou pa janm ka fin peye?
rf-threats = Èske yon moun te menase pou l fè ou mal oswa fè fanmi ou mal si ou pati?
rf-sex-made = Èske yon moun ap fòse ou fè sèks pou lajan, manje oswa yon kote pou rete?
rf-work-or-sex = Èske yon moun ap fòse ou travay oswa fè sèks, epi ou pa ka pati?
rf-pay = Èske yon lòt moun pran lajan ou touche a, oswa refize ba ou li?
rf-paid = Èske yo peye ou pou travay ou fè?
rf-permission = Èske ou oblije mande pèmisyon pou manje, dòmi oswa ale nan twalèt?
rf-locked-in = Èske pòt oswa fenèt yo fèmen ak kle pou ou pa ka soti?
rf-live-at-work = Èske ou oblije rete kote patwon ou di ou rete?
rf-scared-at-work = Èske gen yon moun nan travay ou ki fè ou pè?
rf-unpaid = Èske ou te travay san yo pa peye ou sa yo te pwomèt ou?
rf-quota = Èske yo pini ou si ou pa pote ase lajan?
rf-cut-off = Èske yon moun anpeche ou kontakte fanmi ou oswa zanmi ou?
rf-danger-if-leave = Èske ou menm oswa yon moun ou renmen t ap an danje si ou ta pati?
rf-calls-visits = Èske se yon lòt moun ki deside kilè ou ka rele oswa wè moun?
rf-different-job = Èske yo te pwomèt ou yon lòt travay pase sa ou ap fè kounye a?
rf-under-18 = Èske ou gen mwens pase 18 an epi ou ap fè sèks pou lajan, manje oswa yon kote pou rete?
rf-sex-for-work = Èske yon moun ap fòse ou fè sèks kòm yon pati nan travay ou?
rf-sex-debt = Èske yo fòse ou fè sèks pou peye yon dèt?
rf-sex-money = Èske yon moun pran lajan yo peye ou pou fè sèks?
rf-hurt-leave = Èske yon moun te fè ou mal oswa te menase ou lè ou te eseye pati?

## Desen yo

poster-headline = Èske ou an sekirite nan travay ou ak lakay ou?
poster-intro = Rele pou jwenn èd nan lang ou, 24 èdtan pa jou. Li gratis epi prive.
cling-headline = Èske yon moun ap kontwole travay ou, lajan ou oswa papye ou?
cling-body = Ou ka jwenn èd jodi a. Li gratis epi prive.
slide-help = Rele pou jwenn èd nan lang ou. Li gratis epi prive.

## Safety card (universal education): a neutral outside

safety-card-title = Sante ou ak byennèt ou
safety-card-note = Nou bay chak pasyan kat sa a.
