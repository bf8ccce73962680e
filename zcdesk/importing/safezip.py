"""Reading zip members without trusting the zip: a byte cap, and only what we know.

`zipfile` trusts the sizes written in the archive and inflates as much as a member
yields; a 60 KB file can hold gigabytes. Here a member is inflated in chunks from its
raw bytes, with a hard cap on the output and the declared size, CRC and compression
method checked, so a lying header costs at most `cap` bytes and one pass.

Callers turn ZipProblem into their own error with the file's name (RosterUnreadable,
TransmittalError): the message here says what is wrong with the member, in Chinese.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO, Final

CHUNK: Final = 1 << 20  # inflated bytes per step: bounded memory whatever the member holds
_LOCAL_HEADER: Final = struct.Struct("<4s2B4HL2L2H")  # as zipfile's structFileHeader
_END: Final = struct.Struct("<4s4H2LH")  # end of central directory
_LOCATOR: Final = struct.Struct("<4sLQL")  # zip64 end of central directory locator
_END64: Final = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory record
_METHODS: Final = {zipfile.ZIP_STORED: "存储", zipfile.ZIP_DEFLATED: "deflate"}


class ZipProblem(Exception):
    """A member that cannot be read safely; `message` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_directory(handle: BinaryIO, size: int, *, max_bytes: int, max_members: int) -> None:
    """Refuse a central directory too large to list, before zipfile parses it: 128 MB
    of empty members would make millions of ZipInfo objects."""
    tail_start = max(0, size - (_END.size + 0xFFFF))
    handle.seek(tail_start)
    tail = handle.read(size - tail_start)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END.size:
        raise ZipProblem("找不到压缩包的目录（文件不完整或不是 zip 格式）")
    fields = _END.unpack_from(tail, at)
    members, directory = fields[4], fields[5]
    locator = at - _LOCATOR.size
    if (members == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0 \
            and tail[locator:locator + 4] == b"PK\x06\x07":  # zip64: the real counts
        handle.seek(_LOCATOR.unpack_from(tail, locator)[2])
        record = handle.read(_END64.size)
        if len(record) < _END64.size or record[:4] != b"PK\x06\x06":
            raise ZipProblem("压缩包的目录已损坏")
        members, directory = _END64.unpack(record)[7:9]
    if members > max_members or directory > max_bytes:
        raise ZipProblem(f"压缩包中的文件过多（{members:,} 个），不是正常的表格或移交文件")


def check_member(info: zipfile.ZipInfo) -> None:
    """Refuse what Excel, WPS and zcdesk never write: encryption, other compressions."""
    if info.flag_bits & 0x1 or info.compress_type == 99:  # 99: WinZip AES
        raise ZipProblem(f"其中的“{_shown(info)}”已加密（设有压缩包密码）")
    if info.compress_type not in _METHODS:
        raise ZipProblem(
            f"其中的“{_shown(info)}”使用了不支持的压缩方式（编号 {info.compress_type}）")


def member_chunks(handle: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The member's bytes in chunks of at most CHUNK; ZipProblem as soon as more than
    `cap` bytes come out, or when they differ from the declared size or CRC."""
    check_member(info)
    if info.file_size > cap:
        raise ZipProblem(f"其中的“{_shown(info)}”过大（{info.file_size:,} 字节）")
    missing = ZipProblem(f"其中的“{_shown(info)}”已损坏（找不到它的本地文件头）")
    if info.header_offset < 0:  # zipfile shifts offsets when the directory looks moved
        raise missing
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise missing
    fields = _LOCAL_HEADER.unpack(header)
    handle.seek(info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11])
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left, total, crc = info.compress_size, 0, 0
    pending = b""  # raw bytes the inflater has not used yet
    while True:
        if not pending and left > 0:
            pending = handle.read(min(CHUNK, left))
            if not pending:
                raise ZipProblem(f"其中的“{_shown(info)}”不完整（文件被截断）")
            left -= len(pending)
        if inflate is None:
            out, pending = pending, b""
        else:
            try:
                # max_length bounds each step: a bomb never yields more than CHUNK at once
                out = inflate.decompress(pending, CHUNK)
            except zlib.error:
                raise ZipProblem(f"其中的“{_shown(info)}”已损坏（压缩数据有误）") from None
            pending = inflate.unconsumed_tail
        if out:
            total += len(out)
            if total > cap or total > info.file_size:
                raise ZipProblem(
                    f"其中的“{_shown(info)}”解压后比记录的大小更大，或超过 {cap:,} 字节")
            crc = zlib.crc32(out, crc)
            yield out
        done = inflate.eof if inflate is not None else left == 0 and not pending
        if done:
            break
        if not out and not pending and left == 0:
            raise ZipProblem(f"其中的“{_shown(info)}”不完整（压缩数据提前结束）")
    if total != info.file_size or crc != info.CRC:
        raise ZipProblem(f"其中的“{_shown(info)}”已损坏（大小或校验值与记录不符）")


def read_member(handle: BinaryIO, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The whole member, read with member_chunks' checks."""
    return b"".join(member_chunks(handle, info, cap))


def _shown(info: zipfile.ZipInfo) -> str:
    name = repr(info.filename)[1:-1]
    return name if len(name) <= 60 else name[:57] + "…"
