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
confidential = Libre at kumpidensyal. Hindi mo kailangang sabihin ang iyong pangalan.
languages-line = May tulong sa Tagalog, Ingles, Espanyol at higit sa 200 pang ibang wika.
safety-line = Puwede mong burahin ang tawag o text sa iyong telepono bago ka umalis.
scan-to-call = I-scan para tumawag
local-help = Lokal na tulong:

## Mga tanong na babala

rf-leave-job = Puwede ka bang umalis sa iyong trabaho kung gusto mo?
rf-come-go = Malaya ka bang lumabas at bumalik kung kailan mo gusto?
rf-id-taken = May ibang tao bang may hawak ng iyong pasaporte o ID?
rf-debt = May utang ka ba sa iyong amo na hindi mo matapos-tapos bayaran?
rf-threats = May nagbanta na ba sa iyo o sa iyong pamilya kung susubukan mong umalis?
rf-sex-made = May pumipilit ba sa iyo na makipagtalik kapalit ng pera, pagkain o matitirhan?
rf-work-or-sex = May pumipilit ba sa iyo na magtrabaho o makipagtalik, at hindi ka makaalis?
rf-pay = May ibang tao bang kumukuha o humahawak ng perang kinikita mo?
rf-paid = Binabayaran ka ba para sa trabahong ginagawa mo?
rf-permission = Kailangan mo bang humingi ng permiso para kumain, matulog o gumamit ng banyo?
rf-locked-in = Nakakandado ba ang mga pinto o bintana para hindi ka makalabas?
rf-live-at-work = Kailangan mo bang tumira kung saan sinasabi ng iyong amo?
rf-scared-at-work = May tao ba sa iyong trabaho na kinatatakutan mo?
rf-unpaid = Nagtrabaho ka na ba nang hindi natatanggap ang sahod na ipinangako sa iyo?
rf-quota = Pinaparusahan ka ba kapag kulang ang perang dinadala mo?
rf-cut-off = May pumipigil ba sa iyo na makipag-ugnayan sa iyong pamilya o mga kaibigan?
rf-danger-if-leave = Malalagay ba sa panganib ikaw o ang isang mahal mo sa buhay kung aalis ka?
rf-calls-visits = Ibang tao ba ang nagpapasya kung kailan ka puwedeng tumawag o makipagkita sa iba?
rf-different-job = Iba ba ang trabahong ipinangako sa iyo kaysa sa ginagawa mo ngayon?
rf-under-18 = Wala ka pa bang 18 taong gulang at nakikipagtalik ka kapalit ng pera, pagkain o matitirhan?
rf-sex-for-work = May pumipilit ba sa iyo na makipagtalik bilang bahagi ng iyong trabaho?
rf-sex-debt = Pinipilit ka bang makipagtalik para mabayaran ang isang utang?
rf-sex-money = May kumukuha ba ng perang ibinabayad sa iyo para sa pakikipagtalik?
rf-hurt-leave = May nanakit o nagbanta na ba sa iyo noong sinubukan mong umalis?

## Mga disenyo

poster-headline = Ligtas ka ba sa trabaho at sa bahay?
poster-intro = Libre, pribado at nasa iyong wika ang tulong, 24 oras bawat araw.
cling-headline = May kumokontrol ba sa iyong trabaho, pera o mga papeles?
cling-body = Makakakuha ka ng tulong ngayong araw. Libre at pribado ito.
slide-help = Puwede kang tumawag o mag-text para humingi ng tulong. Libre at pribado ito.
