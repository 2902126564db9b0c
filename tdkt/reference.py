"""Generated references: the catalogue of finding codes (docs/codes.md) and the rule reference
(docs/rules.md: file format, predicate kinds, every criterion of every pack), kept current by a test."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tdkt import vocab
from tdkt.messages import CATALOGUE

if TYPE_CHECKING:
    from tdkt.ruleset import Criterion

# The modules a catalogue walk leaves out: they import what only the CLI needs, or nothing of codes.
_NOT_WALKED = ("tdkt.__main__", "tdkt.db.migrations")


def load_all_codes() -> None:
    """Import every module of the package, so that every code is in the catalogue: a stage's codes
    are registered by its own module, and no list kept by hand can miss one."""
    import pkgutil

    import tdkt

    for mod in pkgutil.walk_packages(tdkt.__path__, "tdkt."):
        if not mod.name.startswith(_NOT_WALKED) and not mod.name.endswith("build_templates"):
            importlib.import_module(mod.name)


def codes_markdown() -> str:
    """docs/codes.md: every finding code with its default severity, message template and purpose."""
    load_all_codes()
    sev = vocab.SEVERITY
    lines = [
        "# Mã phát hiện (finding codes)",
        "",
        "Tệp này được sinh từ danh mục mã trong mã nguồn (`tdkt.reference.codes_markdown`); một kiểm thử "
        "giữ cho nó luôn khớp. Mã là chuỗi ASCII ổn định `<giai đoạn>.<tên>`; đổi tên mã là thay đổi phá vỡ "
        "tương thích.",
        "",
    ]
    stages: dict[str, list[str]] = {}
    for code in sorted(CATALOGUE):
        stages.setdefault(code.split(".")[0], []).append(code)
    for stage, codes in stages.items():
        lines += [f"## `{stage}`", "", "| Mã | Mức | Thông báo | Ý nghĩa |", "|---|---|---|---|"]
        for code in codes:
            m = CATALOGUE[code]
            cells = [f"`{code}`", sev[m.severity.value], m.template, m.description]
            lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


FORMAT_DOC = """\
## Định dạng tệp

### Bộ tiêu chí (`kind: pack`, trong `tdkt/rules/`)

```yaml
kind: pack
id: nd98-2023                 # mã bộ (dùng với --rules)
prefix: nd98                  # tiền tố mã tiêu chí: nd98.cstdcs.ldtt
title: …                      # tên chế độ, in trong mọi kết quả
version: "2026.11"
extends: nd98-2023            # (tùy chọn) kế thừa bộ khác, chỉ ghi phần khác; danh sách gộp theo id,
                              # `remove: true` bỏ một mục
valid_from: 2024-01-01        # bộ được chọn theo ngày họp của đợt xét
valid_to: 2025-06-30
legal_bases:                  # các dòng căn cứ (không có chữ "Căn cứ" và dấu câu cuối)
  - Luật Thi đua, khen thưởng số 06/2022/QH15
  - {text: "Thông tư …", from: 2025-08-04, until: 2026-12-31}
  - {text: "Luật sửa đổi … số 06/2026/QH16", number: 06/2026/QH16}   # ngày chưa xác thực: in không có ngày,
                                # trừ khi tdkt.toml ghi [legal.dates] "06/2026/QH16" = 2026-04-23
household_factor: "1.5"       # tiền thưởng hộ gia đình = hệ số × mức cá nhân (nếu luật quy định)
special_time:                 # thai sản / đi học / điều trị thương tích được tính là thời gian công tác
  maternity: {status: confirmed, basis: "NĐ 152/2025 Điều 4 k5"}
awards:
  chien_si_thi_dua_co_so:     # mã khen thưởng (tdkt/rules/awards.yaml)
    individual:               # individual | collective | household
      status: known           # known | delegated (luật giao đơn vị quy định) | unknown (chưa truy xuất được)
      note: …                 # lý do khi delegated/unknown → kết luận "cần xem xét"
      criteria:
        - id: cstdcs.htxs-or-initiative
          text: HTXS hoặc có sáng kiến cấp cơ sở      # mô tả tiếng Việt
          check: any_of                             # một vị từ trong danh mục bên dưới
          params: {of: [...]}
          basis: Luật TĐKT 06/2022 Điều 23           # điều luật
          status: confirmed                          # confirmed | uncertain (căn cứ đã đối chiếu văn bản chưa)
          if_missing: review                         # review (thiếu dữ liệu → cần xem xét) | note (chỉ ghi chú)
          delegated: …                               # (tùy chọn) giá trị luật giao Hội đồng đặt; chưa đặt → cần xem xét
          severity: error                            # (tùy chọn) error | warning
    vote: {status: law, share: 80, share_den: 100, of: members, comparison: at_least, ballot: true,
           basis: "NĐ 98/2023 Điều 30 k7", uncertain: false,
           fallback: {until: 2025-12-31, share: 80, basis: …}}   # status: law | unset | not_required
    prize: {individual: "1.0", collective: null, basis: …}      # × mức lương cơ sở
list_rules:                   # kiểm tra trên toàn danh sách
  - {id: cstdcs.cap, text: …, check: list_cap, params: {award: …, of: [...], max_percent: 15, per: unit}, basis: …}
exclusive:                    # các hình thức không được đề nghị cùng lúc cho một người
  - {id: list.one-achievement, awards: [giay_khen, bang_khen_bo_tinh], text: …, basis: …}
notices:                      # thông báo theo ngày (vd văn bản mới chưa đối chiếu)
  - {id: notice.x, from: 2026-10-01, severity: warning, text: …}
rating_caps:                  # trần xếp loại trong một đơn vị (thông tin ở mức danh sách, không đổi kết luận)
  - {id: vc.htxs-share, text: …, basis: NĐ 233/2026/NĐ-CP Điều 12 k6, from_year: 2026, staff: [vien chuc],
     rating: htxs, of: httnv, max_percent: 20, rated_unit_percent: 25}
```

### Quy chế của Hội đồng (`kind: overlay`)

Đặt một hoặc nhiều tệp `.yaml` trong thư mục `rules/` của không gian làm việc (khóa `legal.rules`
trong `tdkt.toml`), hoặc chỉ ra bằng `--rules PATH` (tệp hoặc thư mục). Quy chế được áp lên bộ tiêu
chí của đợt xét; thêm danh hiệu riêng không cần sửa mã nguồn. Mẫu cho đợt xét theo NĐ 152/2025 và Luật 06/2026: `tdkt rules example` ghi ra
`quy-che-mau.yaml` (bản kèm theo gói: `tdkt/rules/examples/quy-che-hoi-dong.yaml`). Kiểm tra một quy chế với bộ
tiêu chí của đợt sẽ dùng nó: `tdkt rules check TỆP` (trong không gian làm việc: đợt hiện hành; `--session`,
`--date`, `--rules`). Tỷ lệ phiếu đặt lúc `tdkt init --vote …` được ghi vào `rules/hoi-dong-bieu-quyet.yaml`.

```yaml
kind: overlay
id: hd                          # tiền tố mã tiêu chí riêng: hd.gmtb.cstdcs
title: Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông
version: "2022.1"
applies_to: [nd91-2017]         # (tùy chọn) chỉ dùng với các bộ này
bases:                          # dòng căn cứ của quy chế (cho Quyết định)
  - Quyết định số …/QĐ-UBND … ban hành Quy chế công tác thi đua, khen thưởng
quorum: {num: 2, den: 3, basis: …}                  # số thành viên phải dự họp
votes:                          # tỷ lệ biểu quyết luật để đơn vị quy định (cùng khóa với `vote` ở trên;
                                # status: overlay, hoặc not_required nếu quy chế không đưa ra bỏ phiếu)
  chien_si_thi_dua_co_so: {status: overlay, share: 80, of: members, ballot: true, basis: Quy chế Điều 21}
seats:                          # số suất: tối đa trên danh sách, hoặc mỗi cụm/khối thi đua
  co_thi_dua_bo_tinh: {per_cluster: 2, basis: …}    # 02 Cờ mỗi cụm
  bang_khen_bo_tinh: {per_cluster: 1}               # 01 Bằng khen mỗi cụm
  guong_mat_tieu_bieu: {max: 10}
awards:                         # danh hiệu riêng của địa phương (mã mới, tên, bí danh, tiêu chí, biểu quyết, tiền thưởng)
  guong_mat_tieu_bieu:
    name: Gương mặt tiêu biểu thành phố
    aliases: [Gương mặt tiêu biểu, GMTB]
    individual: {criteria: [...]}
    vote: {status: overlay, share: 90, of: members, ballot: true}
criteria:                       # đổi tham số của tiêu chí sẵn có (mã ngắn, không tiền tố), vd siết tỷ lệ,
  ttldtt.ltt: {params: {more_than_percent: null, at_least_percent: 70}, basis: Quy chế Điều 6}
  cstdcs.cap: {params: {max_percent: 10}}          # … hoặc một quy tắc toàn danh sách (trần tỷ lệ)
add_criteria:                   # thêm tiêu chí cho khen thưởng sẵn có (vd Giấy khen do đơn vị quy định)
  giay_khen:
    individual:
      - {id: gk.rating, text: …, check: rating, params: {min: httnv}, basis: Quy chế Điều 10}
settled:                        # cách Hội đồng áp dụng căn cứ chưa xác thực (ghi bằng `tdkt rules settle`)
  luat06-2026:                  # bộ tiêu chí của đợt xét
    cstdcs.initiative-2026:     # mã ngắn của tiêu chí / quy tắc danh sách, hoặc vote.<mã khen thưởng>
      reading: applies          # applies (như văn bản) | not_applies (không áp dụng) | value (giá trị dưới đây)
      value: null               # tham số của tiêu chí {min_months: 12}, hoặc tỷ lệ biểu quyết "80" / "2/3"
      article: Luật số 06/2026/QH16, Điều 1 khoản …   # điều khoản Hội đồng căn cứ
      text: "…"                 # nội dung trích dẫn
      date: 2026-12-02          # ngày Hội đồng xác định
```

Một tệp hỏng (khóa lạ, giá trị sai, vị từ không có trong danh mục, mã tiêu chí không tồn tại) bị từ
chối khi nạp: mã thoát 3 và một dòng nêu tệp và vị trí, vd
`Tệp tiêu chí rules/qc.yaml, mục 'awards.gmtb.individual.criteria[0].params.count': …`.

Tệp `rules/hoi-dong.yaml` do các lệnh của tdkt ghi (tỷ lệ biểu quyết khi `tdkt init`, `tdkt rules settle`)
được áp sau các tệp quy chế khác; mỗi lần ghi được kiểm tra như khi nạp và tăng `version`.

### Kết luận

- Tiêu chí **confirmed** không đạt → lỗi (`error`) → **fail**. Tiêu chí mà Hội đồng đã xác định cách áp dụng
  (`settled`) được xét như confirmed, với căn cứ là điều khoản Hội đồng trích dẫn.
- Tiêu chí **uncertain** không đạt, thiếu dữ liệu, giá trị luật giao Hội đồng mà quy chế chưa đặt,
  tiêu chuẩn chưa truy xuất (`unknown`) hoặc giao đơn vị (`delegated`) → cảnh báo → **review**.
- Không có lỗi và cảnh báo → **pass**.
"""


_DELEGATED_KEYS = {"collective": "at_least_percent hoặc more_than_percent"}


def _params_text(c: Criterion) -> str:
    import json

    if c.delegated:
        keys = _DELEGATED_KEYS.get(c.check, "")  # for whoever writes the overlay; never in a finding
        return f"*Hội đồng đặt:* {c.delegated}" + (f" (khóa {keys})" if keys else "")
    return "`" + json.dumps(c.raw_params, ensure_ascii=False) + "`"


def reference_markdown() -> str:
    """docs/rules.md: file format, every predicate kind with examples, every criterion of every pack."""
    from tdkt.predicates import EXAMPLES, LIST_KINDS, REGISTRY
    from tdkt.ruleset import available

    lines = [
        "# Bộ tiêu chí khen thưởng (tham chiếu)",
        "",
        "Tệp này do `tdkt rules docs` sinh ra; một bài kiểm thử giữ nó khớp với các tệp trong `tdkt/rules/`.",
        "Nguồn pháp lý: mỗi tiêu chí ghi văn bản, điều, khoản làm căn cứ và trạng thái đã xác thực (CONFIRMED) "
        "hay chưa xác thực (UNCERTAIN) của căn cứ đó.",
        "",
        "## Các bộ tiêu chí",
        "",
        "| Mã | Chế độ | Áp dụng cho đợt xét | Số tiêu chí |",
        "|---|---|---|---|",
    ]
    packs = available()
    for rs in packs:
        until = rs.valid_to.strftime("%d/%m/%Y") if rs.valid_to else "nay"
        lines.append(f"| `{rs.id}` | {rs.title} | {rs.valid_from.strftime('%d/%m/%Y')} – {until} | {len(rs.rule_ids())} |")
    lines += ["", FORMAT_DOC, "## Vị từ (danh mục đóng)", ""]
    for kind in REGISTRY.values():
        lines += [f"### `{kind.name}` — {kind.title}", "", f"Mã phát hiện khi không đạt: `{kind.code}`.", ""]
        lines += [kind.doc, "", "Tham số:", ""]
        for name, f in kind.params.model_fields.items():
            lines.append(f"- `{name}`: {f.description or ''}".rstrip())
        lines += ["", "Ví dụ (chạy trong bộ kiểm thử):", ""]
        for k, params, facts, year, award, expect in EXAMPLES:
            if k == kind.name:
                import json

                lines.append(f"- **{expect.upper()}** — năm {year}, `{award}`, tham số "
                             f"`{json.dumps(params, ensure_ascii=False)}`, dữ kiện `{json.dumps(facts, ensure_ascii=False)}`")
        lines.append("")
    lines += ["### Vị từ trên toàn danh sách", ""]
    for name, text in LIST_KINDS.items():
        lines += [f"- `{name}`: {text}"]
    lines.append("")
    for rs in packs:
        lines += [f"## `{rs.id}` — {rs.title}", "", "Căn cứ:", ""]
        lines += [f"- {b.text}" for b in rs.bases]
        lines += ["", "| Mã tiêu chí | Khen thưởng | Đối tượng | Tiêu chí | Vị từ | Tham số | Căn cứ | Trạng thái |",
                  "|---|---|---|---|---|---|---|---|"]
        for a in rs.awards.values():
            for kind_name, req in a.requirements.items():
                if req.status != "known" and not req.criteria:
                    lines.append(f"| — | {a.name} | {kind_name} | *{req.status}*: {req.note or ''} | — | — | "
                                 f"{req.basis or ''} | review |")
                for c in req.criteria:
                    lines.append(f"| `{c.id}` | {a.name} | {kind_name} | {c.text} | `{c.check}` | {_params_text(c)} | "
                                 f"{c.basis} | {c.status.upper()} |")
        for r in rs.list_rules:
            lines.append(f"| `{r.id}` | {rs.award_name(r.params.award)} | danh sách | {r.text} | `list_cap` | "
                         f"`{r.params.model_dump_json()}` | {r.basis} | {r.status.upper()} |")
        lines += ["", "Biểu quyết của Hội đồng và tiền thưởng (× mức lương cơ sở):", "",
                  "| Khen thưởng | Biểu quyết | Căn cứ | Tiền thưởng cá nhân / tập thể |", "|---|---|---|---|"]
        for aid, a in rs.awards.items():
            v = rs.vote_policy(aid)
            vote = (f"≥ {v.share_num}/{v.share_den} tổng số thành viên" if v.share_num and v.status == "law"
                    else {"unset": "đơn vị quy định (chưa đặt)", "not_required": "không bỏ phiếu"}.get(v.status, v.status))
            if a.vote and a.vote.fallback:
                fb = a.vote.fallback
                vote += f"; đến {fb.until.strftime('%d/%m/%Y')}: ≥ {fb.share} %"
            if v.uncertain:
                vote += " (UNCERTAIN)"
            ind, col = rs.prize_multiple(aid, "individual"), rs.prize_multiple(aid, "collective")
            prize = f"{ind if ind is not None else '—'} / {col if col is not None else '—'}"
            lines.append(f"| {a.name} | {vote} | {v.basis or v.note or ''} | {prize} |")
        if rs.rating_caps:
            lines += ["", "Trần xếp loại trong đơn vị (thông tin, không đổi kết luận):", ""]
            for cap in rs.rating_caps:
                lines.append(f"- `{rs.prefix}.{cap.id}` (xếp loại từ năm {cap.from_year}): {cap.text} [{cap.basis}]")
        if rs.notices:
            lines += ["", "Thông báo theo ngày:", ""]
            for n in rs.notices:
                lines.append(f"- `{n.id}` (từ {n.from_ or '—'}{f' đến {n.until}' if n.until else ''}): {n.text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
