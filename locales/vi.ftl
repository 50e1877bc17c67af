# Danh mục tiếng Việt cho hotline-kit.
#
# Bản dịch của chúng tôi, chưa được người dịch có chuyên môn hay người sống sót xem lại.
# Thông tin đường dây (số điện thoại, địa chỉ) lấy từ hotline.toml: dùng { $phone }, { $sms },
# { $tty }, { $chat }, { $web } và { $hours }; không bao giờ gõ số ở đây.

## Các dòng chung

call-label = Gọi miễn phí, bất cứ lúc nào
text-line = Hoặc nhắn tin đến { $sms }
text-short = Nhắn tin đến { $sms }
chat-line = Chat trực tuyến: { $chat }
tty-line = TTY: { $tty }
text-line-limited = Hoặc nhắn tin { $sms } (tiếng Anh, Tây Ban Nha)
text-short-limited = Nhắn tin { $sms } (tiếng Anh, Tây Ban Nha)
chat-line-limited = Chat: { $chat } (tiếng Anh, Tây Ban Nha)
text-chat-languages = Tin nhắn và chat chỉ được trả lời bằng tiếng Anh hoặc tiếng Tây Ban Nha.
confidential = Miễn phí và bảo mật. Bạn không cần cho biết tên.
languages-line = Gọi bằng tiếng Anh, Tây Ban Nha hoặc hơn 200 ngôn ngữ khác, kể cả tiếng Việt.
safety-line = Bạn có thể xóa cuộc gọi hoặc tin nhắn khỏi điện thoại trước khi rời đi.
scan-to-call = Quét mã để gọi
scan-to-text = Quét mã để nhắn tin
scan-to-open = Quét mã để mở trang web
free-private = Miễn phí, riêng tư, { $hours }
text-label = Hoặc nhắn { $keyword } đến
text-label-limited = Nhắn { $keyword } đến (tiếng Anh hoặc Tây Ban Nha)
local-help = Trợ giúp tại địa phương:
who-answers = Đường dây này không phải là cảnh sát hay sở di trú. Đường dây trợ giúp mọi người, dù có giấy tờ hay không. Bạn quyết định có cho cảnh sát biết hay không. Nếu một đứa trẻ có thể bị hại hoặc có người đang gặp nguy hiểm, đường dây sẽ báo cho cơ quan chức năng.

## Câu hỏi cảnh báo

rf-leave-job = Nếu muốn, bạn có thể nghỉ việc không?
rf-come-go = Bạn có thể tự do ra vào khi bạn muốn không?
rf-id-taken = Có ai khác đang giữ hộ chiếu hoặc giấy tờ tùy thân của bạn không?
rf-debt = Bạn có nợ chủ một khoản tiền mà bạn không bao giờ trả hết được không?
rf-threats = Có ai từng đe dọa sẽ làm hại bạn hoặc gia đình bạn nếu bạn rời đi không?
rf-sex-made = Có ai đang ép bạn quan hệ tình dục để đổi lấy tiền, thức ăn hoặc chỗ ở không?
rf-work-or-sex = Có ai đang ép bạn làm việc hoặc quan hệ tình dục mà bạn không thể rời đi không?
rf-pay = Có ai khác lấy hoặc giữ lại tiền bạn kiếm được không?
rf-paid = Bạn có được trả tiền cho công việc bạn làm không?
rf-permission = Bạn có phải xin phép mới được ăn, ngủ hoặc đi vệ sinh không?
rf-locked-in = Cửa ra vào hoặc cửa sổ có bị khóa để bạn không thể ra ngoài không?
rf-live-at-work = Bạn có phải sống ở nơi chủ bảo bạn sống không?
rf-scared-at-work = Có ai ở nơi làm việc khiến bạn cảm thấy sợ không?
rf-unpaid = Bạn có từng làm việc mà không được trả tiền công như đã hứa không?
rf-quota = Bạn có bị phạt nếu bạn không mang về đủ tiền không?
rf-cut-off = Có ai ngăn cản bạn liên lạc với gia đình hoặc bạn bè không?
rf-danger-if-leave = Bạn hoặc người thân của bạn có gặp nguy hiểm nếu bạn rời đi không?
rf-calls-visits = Có người khác quyết định khi nào bạn được gọi điện hoặc gặp người khác không?
rf-different-job = Bạn có được hứa hẹn một công việc khác với công việc bạn đang làm bây giờ không?
rf-under-18 = Bạn có dưới 18 tuổi và đang quan hệ tình dục để đổi lấy tiền, thức ăn hoặc chỗ ở không?
rf-sex-for-work = Có ai ép bạn quan hệ tình dục như một phần công việc của bạn không?
rf-sex-debt = Bạn có bị ép quan hệ tình dục để trả nợ không?
rf-sex-money = Có ai lấy tiền mà bạn được trả cho việc quan hệ tình dục không?
rf-hurt-leave = Bạn có từng bị làm hại hoặc bị đe dọa khi bạn tìm cách rời đi không?

## Mẫu thiết kế

poster-headline = Bạn có an toàn ở nơi làm việc và ở nhà không?
poster-intro = Gọi để được trợ giúp bằng tiếng của bạn, 24 giờ mỗi ngày. Miễn phí, bảo mật.
cling-headline = Có ai đang kiểm soát công việc, tiền bạc hoặc giấy tờ của bạn không?
cling-body = Bạn có thể nhận trợ giúp ngay hôm nay. Miễn phí và bảo mật.
slide-help = Hãy gọi để được trợ giúp bằng ngôn ngữ của bạn. Miễn phí và bảo mật.

## Safety card (universal education): a neutral outside

safety-card-title = Sức khỏe và đời sống của bạn
safety-card-note = Chúng tôi trao thẻ này cho mọi bệnh nhân.
