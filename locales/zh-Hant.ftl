# hotline-kit 的繁體中文（台灣）目錄。
#
# 這是我們自己的翻譯，還沒有經過合格譯者或倖存者審閱。
# 熱線資訊（號碼、網址）來自 hotline.toml：請使用 { $phone }、{ $sms }、
# { $tty }、{ $chat }、{ $web } 和 { $hours }，不要在這裡輸入任何號碼。

## 共用文字

call-label = 隨時免費撥打
text-line = 或傳簡訊到 { $sms }
text-short = 傳簡訊到 { $sms }
chat-line = 線上聊天：{ $chat }
tty-line = TTY（文字電話）：{ $tty }
text-line-limited = 或傳簡訊到 { $sms }（英文或西班牙文）
text-short-limited = 傳簡訊到 { $sms }（英文或西班牙文）
chat-line-limited = 線上聊天：{ $chat }（英文或西班牙文）
text-chat-languages = 簡訊和線上聊天只用英文或西班牙文回覆。
confidential = 免費，而且保密。您不用說出自己的名字。
languages-line = 打電話時，您可以說英文、西班牙文，或包括中文在內的200多種其他語言。
safety-line = 離開前，您可以把通話紀錄或簡訊從手機裡刪除。
scan-to-call = 掃描即可撥打
scan-to-text = 掃描即可傳簡訊
scan-to-open = 掃描即可開啟網站
free-private = 免費、保密、{ $hours }
text-label = 或傳簡訊 { $keyword } 至
text-label-limited = 以英文或西班牙文傳簡訊 { $keyword } 至
local-help = 在地協助：
who-answers = 這條熱線不是警察，也不是移民機關。它幫助每一個人，不管有沒有證件。要不要告訴警察，由您決定。如果有孩子可能受到傷害，或者有人有危險，熱線會通知有關單位。

## 警示問題

rf-leave-job = 如果您想離開這份工作，可以離開嗎？
rf-come-go = 您可以自由進出嗎？
rf-id-taken = 您的護照或身分證件在別人手裡嗎？
rf-debt = 您欠了老闆一筆永遠還不清的債嗎？
rf-threats = 有人威脅過您，說如果您離開，就要傷害您或您的家人嗎？
rf-sex-made = 有人強迫您為了錢、食物或住的地方而發生性關係嗎？
rf-work-or-sex = 有人強迫您工作或發生性關係，而您無法離開嗎？
rf-pay = 有別人拿走或扣住您賺的錢嗎？
rf-paid = 您做的工作有領到薪水嗎？
rf-permission = 您吃飯、睡覺或上廁所，都要先請求允許嗎？
rf-locked-in = 門或窗戶被鎖住，讓您出不去嗎？
rf-live-at-work = 您必須住在老闆讓您住的地方嗎？
rf-scared-at-work = 工作的地方有人讓您感到害怕嗎？
rf-unpaid = 您工作了，卻沒有領到答應給您的薪水嗎？
rf-quota = 如果您賺的錢不夠多，會受到懲罰嗎？
rf-cut-off = 有人不讓您聯絡家人或朋友嗎？
rf-danger-if-leave = 如果您離開，您或您愛的人會有危險嗎？
rf-calls-visits = 您什麼時候可以打電話或見人，是別人決定的嗎？
rf-different-job = 當初答應給您的工作，和您現在做的工作不一樣嗎？
rf-under-18 = 您未滿18歲，而且為了錢、食物或住的地方而發生性關係嗎？
rf-sex-for-work = 有人強迫您發生性關係，當作工作的一部分嗎？
rf-sex-debt = 您被迫發生性關係來還債嗎？
rf-sex-money = 有人拿走您因發生性關係而得到的錢嗎？
rf-hurt-leave = 您試著離開的時候，有人傷害過或威脅過您嗎？

## 設計

poster-headline = 您在工作的地方和家裡安全嗎？
poster-intro = 打電話求助，可以說您自己的語言，每天24小時都能打。免費又保密。
cling-headline = 有人控制您的工作、您的錢或您的證件嗎？
cling-body = 您今天就可以得到幫助。這是免費、保密的。
slide-help = 打電話求助，可以說您自己的語言。這是免費、保密的。

## Safety card (universal education): a neutral outside

safety-card-title = 您的健康與福祉
safety-card-note = 我們把這張卡片發給每一位病人。
