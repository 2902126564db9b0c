"""The finding codes of the criteria engine (``rules.*``), registered in the catalogue at import."""

from __future__ import annotations

from tdkt import messages
from tdkt.predicates import REGISTRY

_R = messages.register
for _kind in REGISTRY.values():
    _R(_kind.code, "error", "Không đạt «{criterion}»: {found}; yêu cầu: {required}.",
       f"Tiêu chí ({_kind.title}) đã được xác thực trong căn cứ pháp lý và hồ sơ không đạt.")
_R("rules.uncertain-not-met", "warning",
   "Chưa đạt «{criterion}» ({found}; yêu cầu: {required}), nhưng căn cứ này chưa được đối chiếu với văn bản pháp luật{note}: cần Thường trực xem xét.",
   "Tiêu chí dựa trên một điều luật mà hồ sơ pháp lý đánh dấu UNCERTAIN: không kết luận 'không đạt' mà chuyển xem xét.")
_R("rules.missing-data", "warning", "Không kiểm được «{criterion}»: danh sách thiếu {what}.",
   "Thiếu dữ kiện để kết luận; tdkt không đoán.")
_R("rules.not-checked", "info", "Chưa kiểm «{criterion}»: danh sách không có {what}.",
   "Dữ kiện không có trong danh sách; tiêu chí được ghi chú để Thường trực biết, không đổi kết luận.")
_R("rules.unclear-fact", "warning",
   "Không hiểu '{value}' ở ô {where} ({header}): chưa kết luận được «{criterion}».",
   "Một ô mà tiêu chí cần đọc có giá trị tdkt không hiểu: không bao giờ 'Đạt' trên dữ kiện chưa hiểu (sửa ô, "
   "thêm cách viết vào từ vựng, hoặc Thường trực kết luận).")
_R("rules.fact-not-stated", "warning", "Danh sách không có cột {what}: chưa kết luận được «{criterion}».",
   "Một ô trống trong cột kỷ luật nói 'không có'; danh sách không có cột ấy thì chưa nói gì: tdkt không coi là đạt.")
_R("rules.needs-review", "warning", "«{criterion}» cần xem xét: {reason} ({found}; yêu cầu: {required}).",
   "Pháp luật để ngỏ câu trả lời cho trường hợp này.")
_R("rules.council-unset", "warning",
   "«{criterion}»: pháp luật giao bộ/tỉnh/Hội đồng quy định {what}, nhưng quy chế của Hội đồng chưa đặt.",
   "Giá trị luật giao đơn vị quy định mà quy chế chưa có: kết luận cần xem xét.")
_R("rules.uncertain-pass", "info", "Đạt «{criterion}» ({found}); lưu ý căn cứ chưa xác thực{note}.",
   "Đạt theo một tiêu chí có căn cứ chưa xác thực.")
_R("rules.no-award", "warning", "Không xác định được khen thưởng đề nghị{text}; dùng --award để chỉ định.",
   "Danh sách không ghi danh hiệu/hình thức khen thưởng cho dòng này.")
_R("rules.award-not-in-pack", "warning", "Khen thưởng '{award}' không có trong bộ tiêu chí {ruleset}: cần xem xét thủ công.",
   "Bộ tiêu chí không có tiêu chuẩn cho khen thưởng này.")
_R("rules.kind-mismatch", "error", "{award_name} không xét tặng cho {kind_vn} (bộ tiêu chí {ruleset}).",
   "Danh hiệu dành cho cá nhân đề nghị cho tập thể hoặc ngược lại.")
_R("rules.criteria-unknown", "warning", "Tiêu chuẩn {award_name} cho {kind_vn} chưa xác định được: {note}",
   "Điều luật chưa được truy xuất: tdkt không thể kết luận.")
_R("rules.criteria-delegated", "warning", "Tiêu chuẩn {award_name} cho {kind_vn} do đơn vị quy định và quy chế chưa đặt: {note}",
   "Luật giao bộ/tỉnh quy định tiêu chuẩn; quy chế Hội đồng (overlay) cần thêm tiêu chí (add_criteria).")
_R("rules.no-year", "warning", "Không rõ năm thành tích được xét; dùng --year.",
   "Không thể xét các tiêu chí theo năm.")
_R("rules.special-time", "info", "Thời gian {what} được tính là thời gian công tác ({source}).",
   "Trường hợp đặc biệt được pháp luật tính là thời gian làm việc.")
_R("rules.special-time-uncertain", "warning",
   "Có thời gian {what}: việc tính là thời gian công tác chưa xác thực ở chế độ này ({source}); cần xem xét.",
   "Trường hợp đặc biệt mà căn cứ chưa xác thực ở chế độ đang áp dụng.")
_R("rules.cap-exceeded", "error", "{count} đề nghị {award_name}{where}, vượt mức tối đa {allowed} ({max_percent} % của {base} {base_text}).",
   "Trần tỷ lệ theo luật trên toàn danh sách.")
_R("rules.cap-exceeded-uncertain", "warning",
   "{count} đề nghị {award_name}{where}, vượt mức {allowed} ({max_percent} % của {base} {base_text}); căn cứ chưa xác thực: cần xem xét.",
   "Trần tỷ lệ có căn cứ chưa xác thực.")
_R("rules.cap-unchecked", "warning",
   "Không kiểm được trần {max_percent} % cho {award_name}{where}: danh sách không có {base_text} để làm mẫu số.",
   "Mẫu số của trần tỷ lệ không có trong danh sách.")
_R("rules.cap-unchecked-row", "warning",
   "Chưa kiểm được trần {max_percent} % {award_name}{where}: danh sách không có {base_text} để làm mẫu số; "
   "cần đối chiếu số {base_text} của đơn vị trước khi kết luận.",
   "Trần tỷ lệ không kiểm được: không ai trong nhóm 'Đạt' cho đến khi có mẫu số.")
_R("rules.cap-choose", "warning",
   "{count} đề nghị {award_name}{where}, vượt mức tối đa {allowed} ({max_percent} % của {base} {base_text}): "
   "Hội đồng chọn {allowed} trong {count} (danh sách không ghi thứ tự ưu tiên).",
   "Trần tỷ lệ bị vượt: không ai trong nhóm 'Đạt' cho đến khi Hội đồng chọn đủ số suất.")
_R("rules.cap-beyond-order", "error",
   "Thứ tự ưu tiên {rank}: ngoài {allowed} suất {award_name}{where} ({max_percent} % của {base} {base_text}) "
   "theo thứ tự ưu tiên của danh sách.",
   "Trần tỷ lệ bị vượt và danh sách ghi thứ tự ưu tiên: những người sau số suất không được đề nghị.")
_R("rules.cap-base-pending", "warning",
   "{count} đề nghị {award_name}{where}: chắc chắn {seats} suất ({max_percent} % của {low} người đạt {base_text}), "
   "tối đa {allowed} suất nếu các hồ sơ {base_text} còn cần xem xét đều đạt ({base} người); kết luận sau khi xem xét.",
   "Mẫu số của trần tỷ lệ còn phụ thuộc hồ sơ cần xem xét: suất này chưa chắc.")
_R("rules.quota-exceeded", "error", "{count} đề nghị {award_name}{where}, vượt số suất {allowed} theo quy chế ({basis}).",
   "Số suất do quy chế Hội đồng đặt.")
_R("rules.not-cong-trang", "warning",
   "Đề nghị {award_name} theo loại hình {type_vn}: bộ tiêu chí chỉ có tiêu chuẩn khen thưởng công trạng; "
   "thành tích {type_vn} do Hội đồng xem xét theo hồ sơ.",
   "Khen thưởng đột xuất, chuyên đề… không xét bằng tiêu chuẩn công trạng (theo năm, theo quá trình).")
_R("rules.quota-choose", "warning",
   "{count} đề nghị {award_name}{where}, vượt số suất {allowed} theo quy chế ({basis}): Hội đồng chọn {allowed} "
   "trong {count} (danh sách không ghi thứ tự ưu tiên).",
   "Số suất bị vượt: không ai trong nhóm 'Đạt' cho đến khi Hội đồng chọn đủ số suất.")
_R("rules.quota-beyond-order", "error",
   "Thứ tự ưu tiên {rank}: ngoài {allowed} suất {award_name}{where} theo quy chế ({basis}).",
   "Số suất bị vượt và danh sách ghi thứ tự ưu tiên: những người sau số suất không được đề nghị.")
_R("rules.duplicate-nominee", "error", "{name} có {count} dòng đề nghị {award_name} năm {year} (dòng {rows}).",
   "Cùng một người/tập thể được đề nghị hai lần cho cùng một khen thưởng.")
_R("rules.exclusive-awards", "error", "{name} được đề nghị đồng thời {awards} (dòng {rows}): {text}.",
   "Các hình thức không được đề nghị cùng lúc cho một thành tích.")
_R("rules.exclusive-awards-uncertain", "warning",
   "{name} được đề nghị đồng thời {awards} (dòng {rows}): {text} — căn cứ chưa xác thực, cần xem xét.",
   "Như rules.exclusive-awards, với căn cứ chưa xác thực.")
_R("rules.notice", "warning", "{text}", "Thông báo của bộ tiêu chí theo ngày của đợt xét.")
_R("rules.ruleset-chosen", "info", "Bộ tiêu chí: {title}{overlays} ({how}).",
   "Bộ tiêu chí được dùng và lý do chọn (tên văn bản, không có mã; mã của bộ ở trường rule của JSON).")
_R("rules.rating-share-high", "info",
   "Đơn vị {unit}{unit_rated}: danh sách có {top} viên chức xếp loại {rating} năm {year}, nhiều hơn {pct} % của {base} "
   "viên chức xếp loại {of} (tối đa {allowed}) — {text}. Danh sách chỉ là một phần của đơn vị: Thường trực đối chiếu "
   "kết quả xếp loại của cả đơn vị; không ảnh hưởng kết luận của từng người.",
   "Thông tin: tỷ lệ xếp loại trên danh sách vượt trần của đơn vị theo quy định đánh giá, xếp loại viên chức.")
_R("rules.uncertain-pending", "info",
   "Bộ tiêu chí {ruleset} có {what} chưa xác thực mà Hội đồng chưa xác định cách áp dụng; các kết luận dựa vào "
   "chúng là \"cần xem xét\" cho đến khi Hội đồng xác định cách áp dụng, kèm điều khoản trích dẫn.",
   "Bộ tiêu chí của đợt xét có căn cứ pháp lý chưa xác thực; Hội đồng có thể xác định cách áp dụng một lần cho mọi đợt.")
_R("rules.council-reading", "info",
   "Hội đồng đã xác định «{criterion}»: {phrase} — {article}: «{quote}» (ngày {date}).",
   "Cách áp dụng một căn cứ chưa xác thực do Hội đồng xác định (tdkt rules settle), ghi trong quy chế của không gian làm việc.")
_R("rules.council-reading-pass", "info", "Đạt «{criterion}» ({found}) theo cách áp dụng Hội đồng đã xác định.",
   "Đạt theo một tiêu chí mà Hội đồng đã xác định cách áp dụng; căn cứ là trích dẫn của Hội đồng.")
