# Katalogo sa Tagalog para sa hotline-kit.
#
# Sariling salin namin, hindi pa nasusuri ng kwalipikadong tagasalin o ng mga survivor.
# Ang mga detalye ng hotline (numero, address) ay galing sa hotline.toml: gamitin ang { $phone },
# { $sms }, { $tty }, { $chat }, { $web } at { $hours }; huwag kailanman mag-type ng numero dito.

## Mga karaniwang linya

call-label = Tumawag nang libre, anumang oras
text-line = O mag-text sa { $sms }
text-short = Mag-text sa { $sms }
chat-line = Chat online: { $chat }
tty-line = TTY: { $tty }
text-line-limited = O mag-text sa { $sms } (Ingles o Espanyol)
text-short-limited = Mag-text sa { $sms } (Ingles o Espanyol)
chat-line-limited = Chat online: { $chat } (Ingles o Espanyol)
text-chat-languages = Sinasagot ang mga text at chat sa Ingles o Espanyol lamang.
confidential = Libre at kumpidensyal. Hindi mo kailangang sabihin ang iyong pangalan.
languages-line = Tumawag sa Ingles, Espanyol o sa higit 200 pang ibang wika.
safety-line = Puwede mong burahin ang tawag o text sa iyong telepono bago ka umalis.
scan-to-call = I-scan para tumawag
scan-to-text = I-scan para mag-text
scan-to-open = I-scan para buksan ang website
free-private = Libre, pribado, { $hours }
text-label = O i-text ang { $keyword } sa
text-label-limited = Sa Ingles o Espanyol, i-text ang { $keyword } sa
local-help = Lokal na tulong:
who-answers = Ang hotline ay hindi pulis o imigrasyon. Tinutulungan nito ang lahat, may papeles man o wala. Ikaw ang magpapasya kung sasabihin sa pulis. Kung maaaring masaktan ang isang bata o may taong nasa panganib, sinasabihan ng hotline ang mga awtoridad.

## Mga tanong na babala

rf-leave-job = Puwede ka bang umalis sa iyong trabaho kung gusto mo?
rf-come-go = Malaya ka bang lumabas at bumalik kung kailan mo gusto?
rf-id-taken = May ibang tao bang may hawak ng iyong pasaporte o ID?
rf-debt = May utang ka ba sa iyong amo na hindi mo matapos-tapos bayaran?
rf-threats = May nagbanta na bang sasaktan ka o ang iyong pamilya kapag umalis ka?
rf-sex-made = May pumipilit ba sa iyo na makipagtalik kapalit ng pera, pagkain o matitirhan?
rf-work-or-sex = May pumipilit ba sa iyo na magtrabaho o makipagtalik, at hindi ka makaalis?
rf-pay = May ibang tao bang kumukuha ng perang kinikita mo, o hindi ito ibinibigay sa iyo?
rf-paid = Binabayaran ka ba para sa trabahong ginagawa mo?
rf-permission = Kailangan mo bang humingi ng permiso para kumain, matulog o gumamit ng banyo?
rf-locked-in = Nakakandado ba ang mga pinto o bintana para hindi ka makalabas?
rf-live-at-work = Kailangan mo bang tumira kung saan sinasabi ng iyong amo?
rf-scared-at-work = May tao ba sa trabaho na nagpaparamdam sa iyo ng takot?
rf-unpaid = Nagtrabaho ka na ba nang hindi natatanggap ang sahod na ipinangako sa iyo?
rf-quota = Pinaparusahan ka ba kapag kulang ang perang dinadala mo?
rf-cut-off = May pumipigil ba sa iyo na makipag-ugnayan sa iyong pamilya o mga kaibigan?
rf-danger-if-leave = Malalagay ba sa panganib ikaw o ang isang mahal mo sa buhay kung aalis ka?
rf-calls-visits = Ibang tao ba ang nagpapasya kung kailan ka puwedeng tumawag o makipagkita sa iba?
rf-different-job = Iba ba ang trabahong ipinangako sa iyo kaysa sa ginagawa mo ngayon?
rf-under-18 = Mas bata ka ba sa 18 taong gulang at nakikipagtalik kapalit ng pera, pagkain o matitirhan?
rf-sex-for-work = May pumipilit ba sa iyo na makipagtalik bilang bahagi ng iyong trabaho?
rf-sex-debt = Pinipilit ka bang makipagtalik para mabayaran ang isang utang?
rf-sex-money = May kumukuha ba ng perang ibinabayad sa iyo para sa pakikipagtalik?
rf-hurt-leave = May nanakit o nagbanta na ba sa iyo noong sinubukan mong umalis?

## Mga disenyo

poster-headline = Ligtas ka ba sa trabaho at sa bahay?
poster-intro = Tumawag para humingi ng tulong sa iyong wika, 24 oras bawat araw. Libre at pribado ito.
cling-headline = May kumokontrol ba sa iyong trabaho, pera o mga papeles?
cling-body = Makakakuha ka ng tulong ngayong araw. Libre at pribado ito.
slide-help = Tumawag para humingi ng tulong sa iyong wika. Libre at pribado ito.

## Safety card (universal education): a neutral outside

safety-card-title = Ang iyong kalusugan at kapakanan
safety-card-note = Ibinibigay namin ang kard na ito sa bawat pasyente.
