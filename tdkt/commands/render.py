"""`tdkt render`: the official documents of a round (Quyết định, Tờ trình, Biên bản, Báo cáo)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import AwardOpt, ForceOpt, SessionOpt


class Document(StrEnum):
    decision = "decision"
    proposal = "proposal"
    minutes = "minutes"
    report = "report"


# The Vietnamese names an officer may type for a document (folded: no diacritics, case, spaces or dashes).
DOCUMENT_NAMES = {"quyetdinh": Document.decision, "qd": Document.decision, "totrinh": Document.proposal,
                  "tt": Document.proposal, "bienban": Document.minutes, "bienbankiemphieu": Document.minutes,
                  "bb": Document.minutes, "baocao": Document.report, "baocaotonghop": Document.report}


def parse_document(text: str) -> Document:
    """decision|proposal|minutes|report, or their Vietnamese names ("quyết định", "to-trinh", "bien ban")."""
    from tdkt.commands.app import BadValue
    from tdkt.text import fold

    key = fold(str(text)).replace(" ", "")
    for doc in Document:
        if key == doc.value:
            return doc
    if key in DOCUMENT_NAMES:
        return DOCUMENT_NAMES[key]
    raise BadValue(f"không có văn bản '{text}': chọn quyết định (decision), tờ trình (proposal), "
                   "biên bản (minutes) hoặc báo cáo (report).")


class DocFormat(StrEnum):
    docx = "docx"
    pdf = "pdf"
    html = "html"
    xlsx = "xlsx"
    json = "json"


def render(
    document: Annotated[Document, typer.Argument(metavar="VĂN_BẢN", parser=parse_document, help="quyet-dinh hoặc decision (Quyết định) | to-trinh hoặc proposal (Tờ trình) | bien-ban hoặc minutes (Biên bản kiểm phiếu) | bao-cao hoặc report (Báo cáo tổng hợp).")],
    session: SessionOpt = None,
    award: AwardOpt = None,
    fmt: Annotated[DocFormat, typer.Option("--format", "-f", help="docx | pdf | html | xlsx | json (không ghi văn bản: chỉ liệt kê ai có, ai không và vì sao, chỗ còn trống).")] = DocFormat.docx,
    out: Annotated[Path | None, typer.Option("--out", help="Thư mục ghi văn bản; mặc định thư mục hiện tại.")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Bản dự thảo: ghi '(Dự thảo)' dưới số văn bản; chỗ còn thiếu (người ký…) để trống có đánh dấu thay vì từ chối.")] = False,
    force: ForceOpt = False,
) -> None:
    """Soạn văn bản của đợt theo thể thức Nghị định 30/2020, và cho biết đã làm gì.

    Quyết định: chỉ những hình thức khen thưởng người đứng đầu cấp này quyết định (theo cấp Hội đồng và
    ngày họp), chỉ gồm người đạt thẩm định và bỏ phiếu (mỗi hình thức một Quyết định). Tờ trình: mọi
    hình thức cấp trên quyết định, gửi cấp trên liền kề. Biên bản kiểm phiếu: kết quả bỏ phiếu và mã
    SHA-256 của tệp phiếu. Báo cáo: .docx hoặc .xlsx. Thiếu họ tên người ký hoặc thông tin khác chỉ
    tdkt.toml cho được thì không ghi gì (mã 3) và nêu khóa cần đặt, trừ khi có --draft.
    Sau khi ghi, với từng văn bản: ai có trong văn bản; ai không có và vì sao (không đạt, chưa được
    Thường trực xem xét, không đạt hoặc chưa bỏ phiếu, do cấp khác quyết định); chỗ còn để trống
    (số, ngày, người ký). Số và ngày của Quyết định để trống cho đến khi ghi quyết định đã ký vào sổ
    (tdkt register issue). Mẫu trong thư mục templates/ của không gian làm việc thay mẫu kèm theo.
    """
    from tdkt import console, workspace
    from tdkt.render import render as render_

    ws = workspace.require()
    done = render_(
        document.value, workspace=ws, round_id=session, award=award, fmt=fmt.value,
        out_dir=out if out is not None else Path.cwd(), force=force, draft=draft,
    )
    if fmt is DocFormat.json:
        console.print_json(done.coverage.to_dict())
        return
    for path in done.paths:
        console.info(f"Đã ghi {path}")
    for line in done.coverage.lines():
        console.info(console.escape(line))
