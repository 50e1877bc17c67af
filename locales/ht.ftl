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
confidential = Li gratis epi konfidansyèl. Ou pa oblije bay non ou.
languages-line = Èd an kreyòl, an angle, an panyòl ak plis pase 200 lòt lang.
safety-line = Ou ka efase apèl la oswa tèks la nan telefòn ou anvan ou ale.
scan-to-call = Eskane pou rele

## Kesyon pou avèti

rf-leave-job = Èske ou ka kite travay ou si ou vle?
rf-come-go = Èske ou ka antre soti lè ou vle?
rf-id-taken = Èske yon lòt moun kenbe paspò ou oswa pyès idantite ou?
rf-debt = Èske ou dwe patwon ou yon dèt ou pa janm ka fin peye?
rf-threats = Èske yon moun te menase ou oswa fanmi ou si ou eseye pati?
rf-sex-made = Èske yon moun ap fòse ou fè sèks pou lajan, manje oswa yon kote pou rete?
rf-work-or-sex = Èske yon moun ap fòse ou travay oswa fè sèks, epi ou pa ka pati?
rf-pay = Èske yon lòt moun pran oswa kenbe lajan ou touche?

## Desen yo

poster-headline = Èske ou an sekirite nan travay ou ak lakay ou?
poster-intro = Èd la gratis, prive epi nan lang ou, 24 èdtan pa jou.
cling-headline = Èske yon moun ap kontwole travay ou, lajan ou oswa papye ou?
cling-body = Ou ka jwenn èd jodi a. Li gratis epi prive.
slide-help = Ou ka rele oswa voye tèks pou jwenn èd. Li gratis epi prive.
