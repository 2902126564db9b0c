"""PDF through LibreOffice: ``soffice --headless --convert-to pdf``, all files in one call."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tdkt.errors import TdktError


class PdfUnavailable(TdktError):
    """LibreOffice (soffice) is not installed, or it failed to convert."""

    code = "render.no-pdf"


def soffice() -> str | None:
    """The LibreOffice executable, or None. ``TDKT_SOFFICE`` names another one."""
    env = os.environ.get("TDKT_SOFFICE")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(documents: dict[str, bytes], timeout: float = 180) -> dict[str, bytes]:
    """Convert .docx contents (by file name) to PDF contents (by the same stem + .pdf).

    Starting LibreOffice takes seconds, so every document goes through one call. A private
    profile folder keeps it from clashing with a LibreOffice the user has open.
    """
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(
            "Không tìm thấy LibreOffice (soffice) để xuất PDF; hãy cài LibreOffice "
            "(vd 'apt-get install libreoffice-writer-nogui') hoặc dùng --format docx. Không ghi tệp nào."
        )
    with tempfile.TemporaryDirectory(prefix="tdkt-pdf-") as tmp:
        root = Path(tmp)
        src = root / "in"
        src.mkdir()
        for name, data in documents.items():
            (src / name).write_bytes(data)
        cmd = [
            exe, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(root / "out"), *[str(src / n) for n in documents],
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable(f"LibreOffice không chuyển được sang PDF: {exc}. Không ghi tệp nào.") from exc
        out: dict[str, bytes] = {}
        for name in documents:
            pdf = root / "out" / (Path(name).stem + ".pdf")
            if not pdf.is_file():
                detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [f"mã {proc.returncode}"]
                raise PdfUnavailable(f"LibreOffice không tạo được {pdf.name} ({detail[0]}). Không ghi tệp nào.")
            out[pdf.name] = pdf.read_bytes()
        return out
