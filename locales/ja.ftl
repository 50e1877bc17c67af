# hotline-kit の日本語カタログ。
#
# 私たちが訳したもので、資格のある翻訳者やサバイバーによる確認はまだ受けていません。
# ホットラインの情報（番号、アドレス）は hotline.toml から来ます。{ $phone }、{ $sms }、
# { $tty }、{ $chat }、{ $web }、{ $hours } を使い、ここに番号を書かないでください。

## 共通の文

call-label = いつでも無料で電話できます
text-line = または { $sms } にSMSを送ってください
text-short = SMS：{ $sms }
chat-line = チャット：{ $chat }
tty-line = TTY（文字電話）：{ $tty }
text-line-limited = またはSMS：{ $sms }（英語かスペイン語）
text-short-limited = SMS：{ $sms }（英語かスペイン語）
chat-line-limited = チャット：{ $chat }（英語かスペイン語）
text-chat-languages = SMSとチャットの返事は、英語かスペイン語だけです。
confidential = 無料で、秘密は守られます。名前は言わなくていいです。
languages-line = 電話では、英語、スペイン語、そのほか日本語をふくむ200を超える言語で話せます。
safety-line = ここを出る前に、通話履歴やメッセージを携帯電話から消すことができます。
scan-to-call = 読み取って電話
scan-to-text = 読み取ってSMSを送る
scan-to-open = 読み取ってウェブサイトを開く
free-private = 無料・秘密厳守・{ $hours }
text-label = またはSMSで { $keyword } を送信：
text-label-limited = 英語かスペイン語で、SMSで { $keyword } を送信：
local-help = 地域の相談先：
who-answers = このホットラインは、警察や移民局ではありません。在留資格があってもなくても、だれでも助けます。警察に知らせるかどうかは、あなたが決めます。子どもが傷つけられるおそれがあるときや、だれかが危ないときは、ホットラインが関係機関に知らせます。

## 注意のための質問
# 「セックス」（ふだんの言葉）を「性行為」より選びました。母語話者の確認が必要です（review/ja.toml）。

rf-leave-job = 辞めたいときに、今の仕事を辞めることができますか？
rf-come-go = 好きなときに出かけたり、戻ったりできますか？
rf-id-taken = パスポートや身分証明書を、ほかの人が持っていますか？
rf-debt = 雇い主に、いつまでも返しきれない借金がありますか？
rf-threats = 離れたら、あなたや家族を傷つけると、だれかに脅されたことがありますか？
rf-sex-made = だれかに、お金や食べ物、住む場所と引きかえに、セックスをさせられていますか？
rf-work-or-sex = だれかに仕事やセックスをさせられていて、そこから離れられない状態ですか？
rf-pay = 稼いだお金を、ほかの人が取ったり、渡してくれなかったりしますか？
rf-paid = している仕事の給料をもらっていますか？
rf-permission = 食べることや寝ること、トイレに行くことにも、許可が必要ですか？
rf-locked-in = 外に出られないように、ドアや窓にかぎをかけられていますか？
rf-live-at-work = 雇い主に言われた場所に住まなければなりませんか？
rf-scared-at-work = 職場に、あなたをこわがらせる人がいますか？
rf-unpaid = 働いたのに、約束された給料をもらえなかったことがありますか？
rf-quota = 稼いだお金が足りないと、罰を受けますか？
rf-cut-off = 家族や友だちと連絡をとるのを、だれかに止められていますか？
rf-danger-if-leave = あなたが離れたら、あなたや大切な人が危ない目にあいますか？
rf-calls-visits = いつ電話したり人に会ったりできるかを、ほかの人が決めていますか？
rf-different-job = 約束されていた仕事と、今している仕事はちがいますか？
rf-under-18 = 18歳未満で、お金や食べ物、住む場所と引きかえにセックスをしていますか？
rf-sex-for-work = 仕事の一部として、だれかにセックスをさせられていますか？
rf-sex-debt = 借金を返すために、セックスをさせられていますか？
rf-sex-money = セックスでもらったお金を、ほかの人が取っていますか？
rf-hurt-leave = 離れようとしたときに、傷つけられたり、脅されたりしたことがありますか？

## デザイン

poster-headline = 職場や家で、安全ですか？
poster-intro = 24時間いつでも、あなたの言葉で電話で相談できます。無料で、秘密は守られます。
cling-headline = だれかが、あなたの仕事やお金、書類をコントロールしていますか？
cling-body = 今日、相談できます。無料で、秘密は守られます。
slide-help = あなたの言葉で、電話で相談できます。無料で、秘密は守られます。

## Safety card (universal education): a neutral outside

safety-card-title = あなたの健康と暮らし
safety-card-note = このカードは、すべての患者さんにお渡ししています。
