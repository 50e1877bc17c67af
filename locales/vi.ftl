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
confidential = Miễn phí và bảo mật. Bạn không cần cho biết tên.
languages-line = Hỗ trợ bằng tiếng Việt, tiếng Anh, tiếng Tây Ban Nha và hơn 200 ngôn ngữ khác.
safety-line = Bạn có thể xóa cuộc gọi hoặc tin nhắn khỏi điện thoại trước khi rời đi.
scan-to-call = Quét mã để gọi

## Câu hỏi cảnh báo

rf-leave-job = Bạn có thể nghỉ việc nếu bạn muốn không?
rf-come-go = Bạn có thể tự do ra vào khi bạn muốn không?
rf-id-taken = Có ai khác đang giữ hộ chiếu hoặc giấy tờ tùy thân của bạn không?
rf-debt = Bạn có nợ chủ một khoản tiền mà bạn không bao giờ trả hết được không?
rf-threats = Có ai đã đe dọa bạn hoặc gia đình bạn nếu bạn tìm cách rời đi không?
rf-sex-made = Có ai đang ép bạn quan hệ tình dục để đổi lấy tiền, thức ăn hoặc chỗ ở không?
rf-work-or-sex = Có ai đang ép bạn làm việc hoặc quan hệ tình dục mà bạn không thể rời đi không?
rf-pay = Có ai khác lấy hoặc giữ tiền bạn kiếm được không?

## Mẫu thiết kế

poster-headline = Bạn có an toàn ở nơi làm việc và ở nhà không?
poster-intro = Hỗ trợ miễn phí, bảo mật và bằng ngôn ngữ của bạn, 24 giờ mỗi ngày.
cling-headline = Có ai đang kiểm soát công việc, tiền bạc hoặc giấy tờ của bạn không?
cling-body = Bạn có thể nhận trợ giúp ngay hôm nay. Miễn phí và bảo mật.
slide-help = Bạn có thể gọi hoặc nhắn tin để được giúp đỡ. Miễn phí và bảo mật.
