"""The next status a reply's text suggests, in English or Spanish, with the words that gave
it away. Only a suggestion: nothing is applied until the user accepts it. The phrases are data,
tried strongest answer first (a denial that thanks you for your request is still a denial)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

_I = re.IGNORECASE

# (status, phrases): first status with a phrase found in the text wins.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "denied",
        (
            r"(?:unable|not able|cannot|can ?not|will not|won't) (?:to )?"
            r"(?:honou?r|fulfil|complete|process|comply with|delete|grant)",
            r"(?:request|it) (?:is|has been|was) (?:denied|declined|rejected)",
            r"we (?:must |have to )?(?:deny|decline|reject)",
            r"\bexempt(?:ion|ed)? (?:from|under)",
            r"no (?:podemos|es posible) (?:atender|cumplir|eliminar|procesar|tramitar)",
            r"(?:solicitud|petición) (?:ha sido |fue )?(?:denegada|rechazada)",
            r"(?:denegamos|rechazamos)",
            r"exent[ao]s? (?:de|según|conforme)",
        ),
    ),
    (
        "partially-completed",
        (
            r"\bpartial(?:ly)? (?:completed|fulfilled|processed|deleted|honou?red)",
            r"(?:some|part) of (?:your|the) (?:data|information|records?) (?:has|have|was|were) "
            r"(?:been )?(?:deleted|removed)",
            r"(?:we|but) (?:must|will|are required to) (?:retain|keep)",
            r"parcialmente (?:completad|atendid|eliminad|procesad)",
            r"(?:debemos|tenemos que) (?:conservar|retener|mantener)",
        ),
    ),
    (
        "completed",
        (
            r"(?:has|have) been "
            r"(?:deleted|removed|suppressed|opted out|processed|completed|fulfilled)",
            r"(?:request|opt-?out|deletion) (?:is|has been) "
            r"(?:complete|completed|processed|fulfilled)",
            r"we (?:have )?(?:deleted|removed|suppressed)",
            r"(?:successfully|now) (?:removed|deleted|opted out)",
            r"(?:ha|han) sido (?:eliminad|borrad|suprimid|procesad|completad)",
            r"(?:hemos|se han) (?:eliminado|borrado|suprimido|completado)",
            r"(?:solicitud|petición) (?:ha sido |fue |está )?(?:completada|procesada|atendida)",
        ),
    ),
    (
        "extended",
        (
            r"\bextend(?:ed|ing)? (?:the|our|this)? ?(?:time|period|deadline|response)",
            r"additional (?:\d+|forty-five|45|sixty|60|thirty|30) days",
            r"(?:need|require) (?:more|additional) time",
            r"(?:prórroga|ampliar|ampliamos|extender|extendemos) (?:el )?(?:plazo|período|periodo)",
            r"(?:necesitamos|requerimos) (?:más|un) (?:tiempo|plazo)",
        ),
    ),
    (
        "verification-requested",
        (
            r"verify (?:your )?identity",
            r"(?:identity|identification) verification",
            r"(?:confirm|verify) (?:that )?(?:you are|your (?:identity|email|request))",
            r"(?:provide|send|upload) (?:a copy of |us )?(?:your )?"
            r"(?:government[- ]issued |photo )?"
            r"(?:id|identification|proof of (?:identity|address|residency))",
            r"(?:verificar|confirmar|comprobar) (?:su|tu) (?:identidad|correo|solicitud)",
            r"(?:copia|prueba) de (?:su|tu)? ?(?:identificación|identidad|documento)",
        ),
    ),
    (
        "acknowledged",
        (
            r"(?:we have |we've |have )?received your (?:request|message|email|inquiry)",
            r"(?:this|we) (?:is to |are writing to )?(?:confirm|acknowledge) (?:receipt|that we)",
            r"(?:ticket|case|request) (?:number|#|no\.?)",
            r"(?:hemos )?recibido (?:su|tu) (?:solicitud|petición|mensaje|correo)",
            r"(?:acusamos|confirmamos) (?:recibo|la recepción)",
        ),
    ),
)
_COMPILED = tuple((status, tuple(re.compile(p, _I) for p in phrases)) for status, phrases in RULES)

_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan", "enero"),
            ("february", "feb", "febrero"),
            ("march", "mar", "marzo"),
            ("april", "apr", "abril"),
            ("may", "mayo"),
            ("june", "jun", "junio"),
            ("july", "jul", "julio"),
            ("august", "aug", "agosto"),
            ("september", "sep", "sept", "septiembre", "setiembre"),
            ("october", "oct", "octubre"),
            ("november", "nov", "noviembre"),
            ("december", "dec", "diciembre"),
        ),
        1,
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    re.compile(rf"\b({_MONTH})\.? (\d{{1,2}}),? (\d{{4}})", _I),
    re.compile(rf"\b(\d{{1,2}}) (?:de )?({_MONTH})\.?,? (?:de |del )?(\d{{4}})", _I),
    re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})"),
)
_EXEMPTION = (
    re.compile(
        r"\bexempt(?:ion|ed)?\s+from\s+[\w-]+\s+(?:under|pursuant to)\s+([^\n;]{3,160})", _I
    ),
    re.compile(
        r"\b(?:exempt(?:ion|ed)?|exent[ao]s?|exención)\s+(?:from|under|de|según|"
        r"conforme a(?:l)?|pursuant to)\s+([^\n;]{3,160})",
        _I,
    ),
    re.compile(r"\b((?:FOIA )?Exemption \d+(?:\([A-Za-z]\))?)", _I),
    re.compile(
        r"\b(?:pursuant to|under|según|conforme a(?:l)?)\s+((?:[A-Z][\w.]*\s?)?"
        r"(?:Code|Civ\. Code|U\.S\.C\.|C\.F\.R\.|Act|Ley|Código)[^\n;]{0,80})",
        0,
    ),
)
# Where the named exemption ends: a clause or a new sentence (not an abbreviation's period).
_EXEMPTION_END = re.compile(
    r"\s(?:because|as|since|which|porque|ya que|dado que)\s|,\s|"
    r"\.\s+[A-Z][a-z]+\s[a-z]|\.\s*$",
    _I,
)


@dataclasses.dataclass(frozen=True)
class Suggestion:
    status: str  # a core Status value, or "" when the text says nothing clear
    evidence: str = ""  # the words that suggested it, as written
    until: dt.date | None = None  # for "extended": the new date, if the reply states one
    exemption: str = ""  # for "denied": the exemption the reply names


def _date_in(text: str) -> dt.date | None:
    for index, pattern in enumerate(_DATES):
        for found in pattern.finditer(text):
            a, b, c = found.groups()
            try:
                if index == 0:
                    return dt.date(int(a), int(b), int(c))
                if index == 1:
                    return dt.date(int(c), _MONTHS[a.lower()], int(b))
                if index == 2:
                    return dt.date(int(c), _MONTHS[b.lower()], int(a))
                return dt.date(int(c), int(a), int(b))  # US style month/day/year
            except (ValueError, KeyError):
                continue
    return None


def _exemption(text: str) -> str:
    for pattern in _EXEMPTION:
        found = pattern.search(text)
        if found:
            named = found.group(1)
            end = _EXEMPTION_END.search(named)
            named = named[: end.start()] if end else named
            return " ".join(named.split()).rstrip(" ,.")[:200]
    return ""


def _answer_part(text: str) -> str:
    """The reply itself, without the quoted request below it (which repeats our words)."""
    lines = []
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            continue
        if re.match(r"\s*(On .{5,80} wrote:|El .{5,80} escribió:|-{2,} ?Original Message)", line):
            break
        lines.append(line)
    return "\n".join(lines)


def suggest(subject: str, text: str) -> Suggestion:
    body = f"{subject}\n{_answer_part(text)}"
    for status, patterns in _COMPILED:
        for pattern in patterns:
            found = pattern.search(body)
            if not found:
                continue
            evidence = " ".join(found.group(0).split())
            if status == "extended":
                after = body[found.start() :]
                return Suggestion(status, evidence, until=_date_in(after) or _date_in(body))
            if status == "denied":
                return Suggestion(status, evidence, exemption=_exemption(body))
            return Suggestion(status, evidence)
    return Suggestion("")
