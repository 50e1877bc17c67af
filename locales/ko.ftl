# hotline-kit 한국어 카탈로그.
#
# 저희가 직접 번역한 것으로, 자격 있는 번역가나 생존자의 검토를 아직 받지 않았습니다.
# 핫라인 정보(번호, 주소)는 hotline.toml에서 옵니다. { $phone }, { $sms },
# { $tty }, { $chat }, { $web }, { $hours }를 쓰고, 여기에 번호를 직접 쓰지 마십시오.

## 공통 문구

call-label = 언제든지 무료로 전화할 수 있습니다
text-line = 또는 { $sms }번으로 문자 보내세요
text-short = 문자 보내기: { $sms }
chat-line = 온라인 채팅: { $chat }
tty-line = TTY(문자 전화): { $tty }
text-line-limited = 또는 { $sms }번으로 문자 (영어 또는 스페인어)
text-short-limited = 문자 보내기: { $sms } (영어 또는 스페인어)
chat-line-limited = 온라인 채팅: { $chat } (영어 또는 스페인어)
text-chat-languages = 문자와 채팅은 영어나 스페인어로만 답변합니다.
confidential = 무료이며 비밀이 보장됩니다. 이름을 말하지 않아도 됩니다.
languages-line = 영어, 스페인어, 또는 한국어를 포함한 200개가 넘는 다른 언어로 전화할 수 있습니다.
safety-line = 나가기 전에 휴대폰에서 통화 기록이나 문자를 지울 수 있습니다.
scan-to-call = 스캔해서 전화하기
scan-to-text = 스캔해서 문자 보내기
scan-to-open = 스캔해서 웹사이트 열기
free-private = 무료, 비밀 보장, { $hours }
text-label = 또는 { $keyword } 문자 보내기:
text-label-limited = 영어 또는 스페인어로 { $keyword } 문자 보내기:
local-help = 지역 지원:
who-answers = 핫라인은 경찰이나 이민 당국이 아닙니다. 체류 서류가 있든 없든 누구나 도와줍니다. 경찰에 알릴지는 본인이 정합니다. 아이가 해를 입을 수 있거나 누군가 위험한 경우에는 핫라인이 관계 기관에 알립니다.

## 확인 질문

rf-leave-job = 원하면 지금 하는 일을 그만둘 수 있습니까?
rf-come-go = 원할 때 자유롭게 나가고 들어올 수 있습니까?
rf-id-taken = 본인의 여권이나 신분증을 다른 사람이 가지고 있습니까?
rf-debt = 사장에게 영원히 다 갚을 수 없는 빚이 있습니까?
rf-threats = 떠나면 본인이나 가족을 해치겠다고 누군가 위협한 적이 있습니까?
rf-sex-made = 누군가 돈, 음식, 머물 곳을 대가로 성관계를 강요합니까?
rf-work-or-sex = 누군가 일이나 성관계를 강요하고 있고, 그곳을 떠나지 못하고 있습니까?
rf-pay = 본인이 번 돈을 다른 사람이 가져가거나 돌려주지 않습니까?
rf-paid = 하는 일에 대해 돈을 받고 있습니까?
rf-permission = 먹거나 자거나 화장실에 갈 때 허락을 받아야 합니까?
rf-locked-in = 문이나 창문이 잠겨 있어서 밖으로 나갈 수 없습니까?
rf-live-at-work = 사장이 살라고 하는 곳에서 살아야 합니까?
rf-scared-at-work = 일하는 곳에 본인을 무섭게 하는 사람이 있습니까?
rf-unpaid = 일을 했는데 약속받은 돈을 받지 못한 적이 있습니까?
rf-quota = 돈을 충분히 벌어 오지 못하면 벌을 받습니까?
rf-cut-off = 누군가 가족이나 친구에게 연락하지 못하게 막습니까?
rf-danger-if-leave = 본인이 떠나면 본인이나 사랑하는 사람이 위험해집니까?
rf-calls-visits = 언제 전화하거나 사람을 만날 수 있는지 다른 사람이 정합니까?
rf-different-job = 약속받은 일과 지금 하는 일이 다릅니까?
rf-under-18 = 18세 미만이고, 돈, 음식, 머물 곳을 대가로 성관계를 하고 있습니까?
rf-sex-for-work = 누군가 일의 일부로 성관계를 강요합니까?
rf-sex-debt = 빚을 갚기 위해 성관계를 강요받고 있습니까?
rf-sex-money = 성관계로 받은 돈을 다른 사람이 가져갑니까?
rf-hurt-leave = 떠나려고 했을 때 해를 입거나 위협받은 적이 있습니까?

## 디자인

poster-headline = 일하는 곳과 집에서 안전합니까?
poster-intro = 하루 24시간, 본인의 언어로 전화해 도움을 받으세요. 무료이며 비밀이 보장됩니다.
cling-headline = 누군가 본인의 일, 돈, 서류를 통제하고 있습니까?
cling-body = 오늘 도움을 받을 수 있습니다. 무료이며 비밀이 보장됩니다.
slide-help = 본인의 언어로 전화해 도움을 받으세요. 무료이며 비밀이 보장됩니다.

## Safety card (universal education): a neutral outside

safety-card-title = 건강과 안녕
safety-card-note = 이 카드는 모든 환자분께 드립니다.
