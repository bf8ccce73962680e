"""Operator PINs, stored only as a memory-hard hash (scrypt from the standard library)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

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
