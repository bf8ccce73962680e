"""Operator PINs, stored only as a memory-hard hash (scrypt from the standard library)."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import unicodedata

# 16 MiB of memory per check: cheap for one login, costly for guessing 10^6 PINs.
N, R, P = 2**14, 8, 1
MIN_LENGTH, MAX_LENGTH = 4, 12


def pin_problem(pin: str) -> str | None:
    if not pin.isdigit() or not MIN_LENGTH <= len(pin) <= MAX_LENGTH or not pin.isascii():
        return f"PIN 应为 {MIN_LENGTH} 到 {MAX_LENGTH} 位数字。"
    if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
        return "PIN 过于简单（如 0000、1234），请换一个。"
    return None


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def operator_key(name: str) -> str:
    """The operator a typed name means: NFKC (full-width letters and digits as plain
    ones) without any whitespace or invisible format characters, so "小王 ",
    " 小王" and "小\u3000王" are one person, for creating, logging in and looking up."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


# Wrong PINs in a row before an operator is locked out, and for how long: the first
# lock is short (a clerk who mistyped), each further wrong PIN doubles it (a guesser).
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60
MAX_LOCKOUT_SECONDS = 24 * 3600


def lockout_seconds(failures: int) -> int:
    """How long `failures` wrong PINs in a row lock the operator out (0: not at all)."""
    if failures < MAX_FAILURES:
        return 0
    doublings = min(failures - MAX_FAILURES, 20)  # 2**20 minutes is far past the cap
    return min(LOCKOUT_SECONDS * 2**doublings, MAX_LOCKOUT_SECONDS)


def duration_words(seconds: float) -> str:
    """A wait in whole minutes, rounded up: "1 分钟", "2 小时 8 分钟"."""
    minutes = max(1, math.ceil(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} 分钟"
    return f"{hours} 小时" + (f" {minutes} 分钟" if minutes else "")
