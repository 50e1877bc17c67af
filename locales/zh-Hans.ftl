# hotline-kit 的简体中文目录。
#
# 这是我们自己的翻译，还没有经过合格译者或幸存者审阅。
# 热线信息（号码、网址）来自 hotline.toml：请使用 { $phone }、{ $sms }、
# { $tty }、{ $chat }、{ $web } 和 { $hours }，不要在这里输入任何号码。

## 通用文字

call-label = 随时免费拨打
text-line = 或发短信到 { $sms }
text-short = 发短信到 { $sms }
chat-line = 在线聊天：{ $chat }
tty-line = TTY（文字电话）：{ $tty }
text-line-limited = 或发短信到 { $sms }（英语或西班牙语）
text-short-limited = 发短信到 { $sms }（英语或西班牙语）
chat-line-limited = 在线聊天：{ $chat }（英语或西班牙语）
text-chat-languages = 短信和在线聊天只用英语或西班牙语回复。
confidential = 免费，而且保密。您不用说出自己的名字。
languages-line = 打电话时，您可以说英语、西班牙语，或包括中文在内的200多种其他语言。
safety-line = 离开前，您可以把通话记录或短信从手机里删除。
scan-to-call = 扫码拨打
scan-to-text = 扫码发短信
scan-to-open = 扫码打开网站
free-private = 免费、保密、{ $hours }
text-label = 或发送短信 { $keyword } 至
text-label-limited = 用英语或西班牙语发送短信 { $keyword } 至
local-help = 本地帮助：
who-answers = 这条热线不是警察，也不是移民局。它帮助每一个人，不管有没有证件。要不要告诉警察，由您决定。如果有孩子可能受到伤害，或者有人有危险，热线会通知有关部门。

## 警示问题

rf-leave-job = 如果您想离开这份工作，可以离开吗？
rf-come-go = 您可以自由进出吗？
rf-id-taken = 您的护照或身份证件在别人手里吗？
rf-debt = 您欠了老板一笔永远还不清的债吗？
rf-threats = 有人威胁过您，说如果您离开，就要伤害您或您的家人吗？
rf-sex-made = 有人强迫您为了钱、食物或住的地方而发生性关系吗？
rf-work-or-sex = 有人强迫您工作或发生性关系，而您无法离开吗？
rf-pay = 有别人拿走或扣住您挣的钱吗？
rf-paid = 您做的工作，有人给您工资吗？
rf-permission = 您吃饭、睡觉或上厕所，都要先请求允许吗？
rf-locked-in = 门或窗户被锁住，让您出不去吗？
rf-live-at-work = 您必须住在老板让您住的地方吗？
rf-scared-at-work = 工作的地方有人让您感到害怕吗？
rf-unpaid = 您工作了，却没有拿到答应给您的工资吗？
rf-quota = 如果您挣的钱不够多，会受到惩罚吗？
rf-cut-off = 有人不让您联系家人或朋友吗？
rf-danger-if-leave = 如果您离开，您或您爱的人会有危险吗？
rf-calls-visits = 您什么时候可以打电话或见人，是别人决定的吗？
rf-different-job = 当初答应给您的工作，和您现在做的工作不一样吗？
rf-under-18 = 您未满18岁，而且为了钱、食物或住的地方而发生性关系吗？
rf-sex-for-work = 有人强迫您发生性关系，当作工作的一部分吗？
rf-sex-debt = 您被迫发生性关系来还债吗？
rf-sex-money = 有人拿走您因发生性关系而得到的钱吗？
rf-hurt-leave = 您试着离开的时候，有人伤害过或威胁过您吗？

## 设计

poster-headline = 您在工作的地方和家里安全吗？
poster-intro = 打电话求助，可以说您自己的语言，每天24小时都能打。免费又保密。
cling-headline = 有人控制您的工作、您的钱或您的证件吗？
cling-body = 您今天就可以得到帮助。这是免费、保密的。
slide-help = 打电话求助，可以说您自己的语言。这是免费、保密的。

## Safety card (universal education): a neutral outside

safety-card-title = 您的健康与福祉
safety-card-note = 我们把这张卡片发给每一位病人。
