"""Sort keys for indexes: Azerbaijani alphabet order for az, plain English order for en."""
from __future__ import annotations

AZ_ALPHABET = "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z".split()
_AZ_RANK = {ch: i for i, ch in enumerate(AZ_ALPHABET)}


def az_lower(text: str) -> str:
    """Azerbaijani casing: I -> ı and İ -> i (Python's str.lower turns İ into i + U+0307)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def initial(text: str, lang: str) -> str:
    """The index letter a name files under: its first letter, upper-cased the way the language does."""
    first = next((c for c in text if c.isalnum()), "#")
    if lang == "az":
        return {"i": "İ", "ı": "I"}.get(az_lower(first), first.upper())
    return first.upper()


def sort_key(text: str, lang: str) -> tuple:
    if lang == "az":
        chars = [c for c in az_lower(text) if c.isalnum()]
        return tuple((0, ord(c)) if c.isdigit() else (1, _AZ_RANK.get(c, 100 + ord(c))) for c in chars)
    return tuple(c for c in text.casefold() if c.isalnum())
