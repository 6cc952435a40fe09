"""The rules of ``PutProfileObjectType`` (``object-type-rules.md``) the AWS model cannot express.

Each rule carries the ID of the project's rules file (``object-type-rules.md``)
and its class there: ``error`` rules (SAFE) reject the request; ``warning`` rules
(WARN) emit a ``ValidationWarning`` and let it through. Every rule attaches to
``PutProfileObjectTypeRequest``: most relate its fields and keys to each other,
and the rule walk does not descend into maps. Rules with a SAFE and a WARN part
register once per part, under the same ID: O13 (the format is required / it is
not recognisable), O20 (syntax / unknown block helper, or a ``}}`` that closes
nothing), O21 (no ``_`` root / unknown root), O22 (``_profile`` / the fields of
other standard objects) and O25 (identifier missing / ``_communicationRecord``).

``Fields`` and ``Keys`` are sensitive in the AWS model: a finding names a field
or a key by its position, as the model walk does (``fields[<key #0, not
shown>]``), and never shows a name, a Source, a Target or a Description.

Rules enforced elsewhere: O0, O1, O2, O3, O5, O6's pattern, O10's 1-1098 range,
O11's length, O14's minimum, O27, O33, O44, O45, O46, O49's unknown members and
the length and pattern halves of O16 and O28 are model constraints
(``_checks``). Online rules, which need account state, are not here: O48, the
template catalogue of O6 and the domain-wide half of O41. INFO rules (O12, O15,
O26, O42, O43, O47, O50) are advice and are not checked.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from types import MappingProxyType
from typing import cast

from customer_profiles_typed import _model
from customer_profiles_typed._paths import Path
from customer_profiles_typed.enums import FieldContentType
from customer_profiles_typed.models.object_types import (
    ObjectTypeKey,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.rules._registry import rule as _rule
from customer_profiles_typed.rules._shared import LastAnalysis

__all__: list[str] = []

_PUT = PutProfileObjectTypeRequest
_REQUEST = "PutProfileObjectTypeRequest"
Findings = Iterable[tuple[Path, str]]

# --- Documented limits and names (not in the AWS model) ---------------------------

MAX_FIELDS = 250
"""Fields per object type the Admin Guide documents (rule O17)."""

MAX_KEY_DEFINITIONS = 10
"""Key definitions per object type, the default of an adjustable quota (rule O40)."""

EXPIRATION_DAYS_QUOTA = 1096
"""The default of the adjustable quota "Maximum expiration in days" (rule O10)."""

OBJECTS_PER_PROFILE_QUOTA = 1000
"""The default of the adjustable quota "Objects per profile" (rule O14)."""

SYSTEM_MANAGED_TARGETS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "_profile": frozenset({"ProfileId", "ImportIds", "FoundByItems"}),
        "_asset": frozenset({"AssetId"}),
        "_case": frozenset({"CaseId"}),
        "_order": frozenset({"OrderId"}),
        "_communicationRecord": frozenset({"CommunicationRecordId"}),
        "_airPreference": frozenset({"PreferenceId"}),
        "_hotelPreference": frozenset({"PreferenceId"}),
        "_airBooking": frozenset({"BookingId"}),
        "_airSegment": frozenset({"SegmentId"}),
        "_hotelReservation": frozenset({"ReservationId"}),
        "_hotelStayRevenue": frozenset({"StayRevenueId"}),
        "_loyalty": frozenset({"LoyaltyId"}),
        "_loyaltyTransaction": frozenset({"TransactionId"}),
        "_loyaltyPromotion": frozenset({"PromotionId"}),
        "_device": frozenset({"DeviceId"}),
        "_webAnalytics": frozenset({"EventId"}),
    }
)
"""The attributes AWS fills itself, per standard object: never a Target (rule O23)."""

EXCLUSIVE_PROFILE_TARGETS = (("Gender", "GenderString"), ("PartyType", "PartyTypeString"))
"""``_profile`` attributes one object type may not both target; the first is deprecated (O24)."""

STANDARD_OBJECT_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "_asset": frozenset(
            {
                "AssetName", "SerialNumber", "ModelNumber", "ModelName", "ProductSKU",
                "PurchaseDate", "UsageEndDate", "Status", "Price", "Quantity", "Description",
                "AdditionalInformation", "DataSource", "Attributes",
            }
        ),
        "_case": frozenset(
            {
                "Title", "Summary", "Status", "Reason", "CreatedBy", "CreatedDate",
                "UpdatedDate", "ClosedDate", "AdditionalInformation", "DataSource", "Attributes",
            }
        ),
        "_order": frozenset(
            {
                "CustomerEmail", "CustomerPhone", "CreatedDate", "UpdatedDate", "ProcessedDate",
                "ClosedDate", "CancelledDate", "CancelReason", "Name", "AdditionalInformation",
                "Gateway", "Status", "StatusCode", "StatusUrl", "CreditCardNumber",
                "CreditCardCompany", "FulfillmentStatus", "TotalPrice", "TotalTax",
                "TotalDiscounts", "TotalItemsPrice", "TotalShippingPrice", "TotalTipReceived",
                "Currency", "TotalWeight", "BillingAddress", "ShippingAddress", "OrderItems",
                "Attributes",
            }
        ),
    }
)  # fmt: skip
"""The top-level fields of other standard objects, from the Admin Guide of 2023 (rule
O22, warnings only: the lists may be outdated)."""

LOOKUP_ONLY_KEYS = frozenset({"_profileId", "_orderId", "_caseId", "_assetId"})
"""Reserved keys that must carry ``LOOKUP_ONLY`` (rule O30)."""

PREDEFINED_KEYS_NOT_IN_MODEL = frozenset({"_assetName", "_serialNumber"})
"""Predefined keys the Admin Guide names beyond the model's list (rule O29)."""

KEY_CONTENT_TYPES: Mapping[str, FieldContentType] = MappingProxyType(
    {
        "_email": FieldContentType.EMAIL_ADDRESS,
        "_phone": FieldContentType.PHONE_NUMBER,
        "_fullName": FieldContentType.NAME,
    }
)
"""The ContentType the fields of some predefined keys have across domains (rule O41, offline)."""

KNOWN_BLOCK_HELPERS = frozenset({"if", "each", "unless", "with", "removeExtraSpace"})
"""The Handlebars block helpers Customer Profiles documents (rule O20)."""

_NOT_OBJECTS = frozenset({"PROFILE", "UNIQUE", "SECONDARY", "LOOKUP_ONLY", "NEW_ONLY"})
_PROFILE_TIMESTAMP = "_profile.SourceLastUpdatedTimestamp"
_TAGS = frozenset({"Tags", "tags"})
_SIMPLE_DATE_LETTERS = frozenset("GyYMLwWdDFEuaHkKhmsSzZX")


# --- What the installed model says (read on first use) ------------------------------


def _camel(identifier: str) -> str:
    """A StandardIdentifier as the root of a Target: ``AIR_PREFERENCE`` -> ``_airPreference``."""
    first, *rest = identifier.lower().split("_")
    return "_" + first + "".join(word.capitalize() for word in rest)


@functools.cache
def standard_objects() -> Mapping[str, str]:
    """Every standard object a Target can write to, with the identifier its keys carry.

    ``_profile`` plus one object per StandardIdentifier of the installed model
    that names an object (rules O21, O25, O39).
    """
    roots = {"_profile": "PROFILE"}
    for identifier in _model.enum_values(_model.shape("StandardIdentifier")):
        if identifier not in _NOT_OBJECTS:
            roots[_camel(identifier)] = identifier
    return MappingProxyType(roots)


@functools.cache
def profile_attributes() -> frozenset[str]:
    """The top-level attributes of the standard profile, ``CreateProfileRequest``'s (rule O22)."""
    members = _model.members(_model.shape("CreateProfileRequest"))
    return frozenset(members) - {"DomainName"} | {"SourceLastUpdatedTimestamp"}


@functools.cache
def address_blocks() -> frozenset[str]:
    """The profile attributes of the model's ``Address`` shape (rule O22)."""
    members = _model.members(_model.shape("CreateProfileRequest"))
    return frozenset(name for name, shape in members.items() if shape.name == "Address")


@functools.cache
def address_members() -> tuple[str, ...]:
    """What an address block holds: the members of the model's ``Address`` (rule O22)."""
    return tuple(_model.members(_model.shape("Address")))


@functools.cache
def predefined_keys() -> frozenset[str]:
    """The domain's predefined keys, as the model documents them for ``KeyName`` (rule O29)."""
    found = set(PREDEFINED_KEYS_NOT_IN_MODEL)
    shape_names = _model.service_model().shape_names
    for shape_name in ("SearchProfilesRequest", "AddProfileKeyRequest"):
        if shape_name not in shape_names:
            continue
        member = _model.members(_model.shape(shape_name)).get("KeyName")
        if member is not None:
            found.update(re.findall(r"(?<![\w])_[A-Za-z][A-Za-z0-9]*", member.documentation))
    return frozenset(found)


@functools.cache
def _expiration_days_max() -> int | None:
    members = _model.members(_model.shape(_REQUEST))
    high = members["ExpirationDays"].metadata.get("max")
    return int(high) if high is not None else None


# --- Handlebars (rule O20) ------------------------------------------------------------

_COMMENT_END = re.compile(r"--~?\}\}")
_BLOCK_NAME = re.compile(r"[^\s~()}]*")
_TAG_STOP = re.compile(r"[\"']|\{\{|\}\}")
_PLAIN_TAGS = re.compile(r"(?:[^{}\\]|\{\{[^{}\"'#/^!~\\]*\}\}|\{\{\{[^{}\"'#/^!~\\]*\}\}\})*")


class _Handlebars:
    """What a Source's Handlebars says: its first syntax error, and what is only suspicious."""

    __slots__ = ("error", "unknown_helper", "stray_close")

    def __init__(self, source: str) -> None:
        self.error: str | None = None
        self.unknown_helper = False
        self.stray_close = False
        if _PLAIN_TAGS.fullmatch(source) is None:  # else: text and plain tags, well formed
            self.error = self._parse(source)

    def _parse(self, source: str) -> str | None:
        blocks: list[str] = []
        at = 0
        while True:
            opening = source.find("{{", at)
            if source.find("}}", at, opening if opening >= 0 else len(source)) >= 0:
                self.stray_close = True  # printed as text by Handlebars
            if opening < 0:
                break
            if opening > 0 and source[opening - 1] == "\\":  # \{{...}} is literal text
                literal_end = source.find("}}", opening + 2)
                at = literal_end + 2 if literal_end >= 0 else opening + 2
                continue
            triple = source.startswith("{{{", opening)
            start = opening + (3 if triple else 2)
            if source.startswith(("!", "~!"), start):  # a comment: its text is not parsed
                if source.startswith(("!--", "~!--"), start):
                    found = _COMMENT_END.search(source, start)
                    if found is None:
                        return "a '{{!--' comment is never closed by '--}}'"
                    at = found.end()
                else:
                    end = source.find("}}", start)
                    if end < 0:
                        return "a '{{!' comment is never closed by '}}'"
                    at = end + 2
                continue
            closer = "}}}" if triple else "}}"
            end, nested = _tag_end(source, start, closer)
            if nested:
                return "a '{{' opens inside another tag before that tag is closed by '}}'"
            if end < 0:
                return f"a '{'{' * len(closer)}' is never closed by '{closer}'"
            at = end + len(closer)
            problem = self._tag(source[start:end], blocks)
            if problem is not None:
                return problem
        if blocks:
            return f"{_block(blocks[-1])} is never closed"
        return None

    def _tag(self, inner: str, blocks: list[str]) -> str | None:
        tag = inner.strip()
        tag = tag[1:] if tag.startswith("~") else tag
        tag = (tag[:-1] if tag.endswith("~") else tag).strip()
        if tag.startswith("#") or (tag.startswith("^") and tag[1:].strip()):
            name = _block_name(tag[1:])
            if tag[0] == "#" and name not in KNOWN_BLOCK_HELPERS:
                self.unknown_helper = True
            blocks.append(name)
        elif tag.startswith("/"):
            name = _block_name(tag[1:])
            if not blocks:
                return "a closing tag '{{/...}}' closes no open block"
            opened = blocks.pop()
            if opened != name:
                return (
                    f"{_block(opened)} is closed by the end tag of "
                    f"{_block(name, other=True)}: close blocks in the reverse order they open"
                )
        return None


def _tag_end(source: str, start: int, closer: str) -> tuple[int, bool]:
    """Where a tag ends (-1: never), skipping quoted strings; and whether a ``{{`` comes first."""
    at = start
    while True:
        found = _TAG_STOP.search(source, at)
        if found is None:
            return -1, False
        stop = found.group()
        at = found.start()
        if stop == "{{":
            return at, True
        if stop == "}}":
            if source.startswith(closer, at):
                return at, False
            at += 1
        else:  # a quoted string: its text is not parsed
            quote_end = source.find(stop, at + 1)
            if quote_end < 0:
                return -1, False
            at = quote_end + 1


def _block_name(text: str) -> str:
    found = _BLOCK_NAME.match(text.lstrip("*> \t\r\n"))
    return found.group() if found is not None else ""


def _block(name: str, *, other: bool = False) -> str:
    if name in KNOWN_BLOCK_HELPERS:
        return f"the {{{{#{name}}}}} block"
    return "a different block" if other else "a block"


# --- One pass over a request's fields and keys -----------------------------------------

_INDEX = re.compile(r"\[[^\]]*\]")


class _Target:
    """A field's Target, split: ``_profile.Address.City`` -> ``_profile``; ``Address``, ``City``."""

    __slots__ = ("position", "root", "steps", "head")

    def __init__(self, position: int, text: str) -> None:
        self.position = position
        parts = (_INDEX.sub("", text) if "[" in text else text).split(".")
        self.root = parts[0]
        self.steps = parts[1:]
        self.head = parts[1] if len(parts) > 1 else ""
        """The first step (``Address``), or ``""`` for a bare root."""


class _Definition:
    """One entry of a key's list of definitions, with its identifiers as strings."""

    __slots__ = ("key_position", "key_name", "position", "key", "identifiers")

    def __init__(self, key_position: int, key_name: str, position: int, key: ObjectTypeKey) -> None:
        self.key_position = key_position
        self.key_name = key_name
        self.position = position
        self.key = key
        self.identifiers: frozenset[str] = frozenset(
            str(getattr(item, "_value_", item)) for item in key.standard_identifiers or ()
        )


def _prefixes(targets: list[str | None]) -> list[str]:
    """Each Target's root and first step as written (``_profile.Address``), ``""`` where none is set.

    When every Target starts with the root and first step of the first
    (``_profile.Attributes.*``), they are found all at once: the Targets' lines
    are counted, not read one by one.
    """
    present = list(filter(None, targets))
    if present:
        first = present[0]
        prefix = _prefix(first)
        start = prefix + "."
        lines = "\n".join(present)  # one Target a line, unless a Target holds a line break
        if (
            first.startswith(start)
            and "[" not in prefix
            and lines.count("\n" + start) == len(present) - 1 == lines.count("\n")
        ):
            if len(present) == len(targets):
                return [prefix] * len(targets)
            return [prefix if target else "" for target in targets]
    return [_prefix(target) if target else "" for target in targets]


def _prefix(target: str) -> str:
    """A Target's root and first step, indexes dropped (``"."`` for a Target that names neither)."""
    text = _INDEX.sub("", target) if "[" in target else target
    first = text.find(".")
    second = text.find(".", first + 1) if first >= 0 else -1
    return (text if second < 0 else text[:second]) or "."


class _Mapping:
    """What the rules read of one request's fields and keys, gathered in one pass."""

    __slots__ = (
        "sources", "written", "present", "targets", "prefixes", "heads", "roots", "handlebars",
        "key_lists", "definitions", "identifiers",
    )  # fmt: skip

    def __init__(self, request: PutProfileObjectTypeRequest) -> None:
        entries = (request.fields or {}).values()
        # A request holds up to hundreds of fields: a Target is split (``_Target``)
        # only for the prefixes a rule picks (``_targets_where``).
        targets: list[str | None] = [field.target for field in entries]
        prefixes = _prefixes(targets)
        distinct = dict.fromkeys(prefixes)  # in the order of their first targets
        distinct.pop("", None)
        heads: dict[str, tuple[str, str]] = {}
        roots: dict[str, int] = {}
        for prefix in distinct:
            root, _, head = prefix.partition(".")
            heads[prefix] = (root, head)
            if root not in roots:
                roots[root] = prefixes.index(prefix)
        self.targets = targets
        self.prefixes = prefixes
        self.heads = heads
        """Each distinct prefix of ``prefixes`` (``""`` aside) with its root and first step."""
        self.roots = roots
        """Each root of a Target, with the position of its first field, in that order."""
        sources: list[str | None] = [field.source for field in entries]
        self.sources = sources
        present = list(filter(None, sources))
        written = "\n".join(present)
        self.written = written
        """The Sources set, one a line."""
        self.present = len(present)
        """How many Sources are set."""
        handlebars: list[tuple[int, _Handlebars]] = []
        if "{{" in written or "}}" in written:
            for position, source in enumerate(sources):
                if source and ("{{" in source or "}}" in source):
                    handlebars.append((position, _Handlebars(source)))
        self.handlebars = handlebars
        self.key_lists: tuple[tuple[int, str, tuple[ObjectTypeKey, ...]], ...] = tuple(
            (position, name, tuple(definitions))
            for position, (name, definitions) in enumerate((request.keys or {}).items())
        )
        self.definitions = tuple(
            _Definition(key_position, name, position, key)
            for key_position, name, definitions in self.key_lists
            for position, key in enumerate(definitions)
        )
        self.identifiers: frozenset[str] = frozenset().union(
            *(definition.identifiers for definition in self.definitions)
        )

    def first(self, target: str) -> int | None:
        """The position of the first field with this Target, if any has it."""
        if _prefix(target) not in self.heads:
            return None  # no Target shares its root and first step
        try:
            return self.targets.index(target)
        except ValueError:
            return None


def _targets_where(found: _Mapping, test: Callable[[str, str], bool]) -> list[_Target]:
    """The targets whose root and first step pass ``test``, in the fields' order.

    A request's targets mostly share a few roots and first steps
    (``_profile.Attributes...``): ``test`` runs once per distinct prefix, not per
    target, and only the targets it picks are split.
    """
    picked = {prefix for prefix, (root, head) in found.heads.items() if test(root, head)}
    if not picked:
        return []
    positions = compress(range(len(found.prefixes)), map(picked.__contains__, found.prefixes))
    texts = found.targets
    return [_Target(position, cast(str, texts[position])) for position in positions]


_mapping = LastAnalysis(_Mapping).of
"""The analysis of the request checked last: its rules run one after the other."""


# --- Paths ------------------------------------------------------------------------------


def _member(path: Path, name: str) -> Path:
    return path.attribute(_REQUEST, name)


def _field(path: Path, position: int, attribute: str | None = None) -> Path:
    """A field's path, by position (names are sensitive), or one of its attributes."""
    where = path.attribute(_REQUEST, "fields").hidden_key(position)
    return where if attribute is None else where.attribute("ObjectTypeField", attribute)


def _key(path: Path, position: int) -> Path:
    """A key's path, by position (names are sensitive)."""
    return path.attribute(_REQUEST, "keys").hidden_key(position)


def _definition(path: Path, definition: _Definition, attribute: str | None = None) -> Path:
    where = _key(path, definition.key_position).index(definition.position)
    return where if attribute is None else where.attribute("ObjectTypeKey", attribute)


# --- Request members (section 2.1) -----------------------------------------------------


@_rule("O4", "warning", _PUT, "A leading _ is for standard object types.")
def _reserved_type_name(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.object_type_name.startswith("_"):
        yield (
            _member(path, "object_type_name"),
            "object type names starting with '_' are reserved for standard objects "
            "(_profile, _asset, _order...): give your own object type a name without it",
        )


@_rule("O7", "error", _PUT, "TemplateId excludes Fields and Keys.")
def _template_excludes_mapping(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.template_id is None:
        return
    for name, value in (("fields", request.fields), ("keys", request.keys)):
        if value is not None:
            yield (
                _member(path, name),
                f"{name} is set together with template_id: the template defines the fields "
                f"and keys; leave {name} out, or drop template_id",
            )


@_rule("O8", "warning", _PUT, "TemplateId comes without the template's own settings.")
def _template_settings(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.template_id is None:
        return
    settings = (
        ("allow_profile_creation", request.allow_profile_creation),
        ("source_last_updated_timestamp_format", request.source_last_updated_timestamp_format),
    )
    for name, value in settings:
        if value is not None:
            yield (
                _member(path, name),
                f"{name} is set together with template_id: the template sets it and AWS may "
                f"reject the request; leave {name} out",
            )


@_rule("O9", "error", _PUT, "Without TemplateId, Fields and Keys are both given.")
def _mapping_present(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.template_id is not None:
        return
    for name, value in (("fields", request.fields), ("keys", request.keys)):
        if not value:
            state = "missing" if value is None else "empty"
            yield (
                _member(path, name),
                f"{name} is {state}: without template_id, AWS needs both fields and keys "
                "(at least one each), or a template_id instead",
            )


@_rule("O10", "warning", _PUT, "ExpirationDays stays within the default quota.")
def _expiration_quota(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    days = request.expiration_days
    if days is None or days <= EXPIRATION_DAYS_QUOTA:
        return
    high = _expiration_days_max()
    if high is None or days <= high:  # above the model's maximum it is an error already
        yield (
            _member(path, "expiration_days"),
            f"expiration_days is above {EXPIRATION_DAYS_QUOTA}, the default quota 'Maximum "
            "expiration in days': AWS refuses it unless the quota was raised for the account",
        )


@_rule("O11", "warning", _PUT, "EncryptionKey is not empty.")
def _empty_encryption_key(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.encryption_key == "":
        yield (
            _member(path, "encryption_key"),
            "encryption_key is empty, whose meaning AWS does not document: leave it out to use "
            "the domain's key, or give a KMS key ARN",
        )


@_rule("O13", "error", _PUT, "A profile timestamp target needs its format.")
def _timestamp_format_required(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if request.source_last_updated_timestamp_format is not None:
        return
    if _mapping(request).first(_PROFILE_TIMESTAMP) is not None:
        yield (
            _member(path, "source_last_updated_timestamp_format"),
            f"a field targets {_PROFILE_TIMESTAMP}, so source_last_updated_timestamp_format "
            "is required: set it to EpochMilli or a Java date pattern such as "
            "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        )


def _date_pattern(text: str) -> bool:
    """Whether a text reads as a Java ``SimpleDateFormat`` pattern: only its letters, unquoted."""
    letters = [char for char in re.sub(r"'[^']*'", "", text) if char.isascii() and char.isalpha()]
    return bool(letters) and all(char in _SIMPLE_DATE_LETTERS for char in letters)


@_rule("O13", "warning", _PUT, "The timestamp format is EpochMilli or a date pattern.")
def _timestamp_format_known(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    text = request.source_last_updated_timestamp_format
    if text and text != "EpochMilli" and not _date_pattern(text):
        yield (
            _member(path, "source_last_updated_timestamp_format"),
            "source_last_updated_timestamp_format is neither EpochMilli nor a Java "
            "SimpleDateFormat pattern (letters such as yyyy MM dd HH mm ss SSS Z; quote "
            "literal text, as in 'T')",
        )


@_rule("O14", "warning", _PUT, "MaxProfileObjectCount stays within the default quota.")
def _object_count_quota(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    count = request.max_profile_object_count
    if count is not None and count > OBJECTS_PER_PROFILE_QUOTA:
        yield (
            _member(path, "max_profile_object_count"),
            f"max_profile_object_count is above {OBJECTS_PER_PROFILE_QUOTA}, the default quota "
            "of objects per profile: it only decides which objects are evicted and adds no "
            "storage; raise the quota first",
        )


# --- Fields (section 2.2) ------------------------------------------------------------------


_ASCII_LETTERS = frozenset(string.ascii_letters)
"""A-Z and a-z: what a field or key name starts with (rules O16, O28)."""


def _odd_field_names(request: PutProfileObjectTypeRequest) -> bool:
    """Whether some field name may break rule O16: a name ``Tags`` or ``tags``, or one
    starting with no ASCII letter (tested for all the names at once)."""
    names = request.fields or {}
    if not names:
        return False
    if not _TAGS.isdisjoint(names):
        return True
    lines = "\n" + "\n".join(names)  # one name a line, unless a name holds a line break
    return lines.count("\n") != len(names) or _NO_LETTER_FIRST.search(lines) is not None


_NO_LETTER_FIRST = re.compile(r"\n[^A-Za-z\n]")
"""A line that starts with no ASCII letter (an empty line aside)."""


@_rule(
    "O16", "error", _PUT, "Field names start with a letter and are not Tags.", screen=_odd_field_names
)
def _field_names(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if not _odd_field_names(request):
        return
    for position, name in enumerate(request.fields or ()):
        if name in _TAGS:
            yield (
                _field(path, position),
                "a field cannot be named Tags or tags: rename it, and the key FieldNames "
                "that refer to it",
            )
        elif name and name[0] not in _ASCII_LETTERS:
            yield (
                _field(path, position),
                "a field name must start with a letter (A-Z, a-z): rename it, and the key "
                "FieldNames that refer to it",
            )


@_rule("O17", "warning", _PUT, "At most 250 fields per object type.")
def _field_count(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    count = len(request.fields or ())
    if count > MAX_FIELDS:
        yield (
            _member(path, "fields"),
            f"{count} fields, above the {MAX_FIELDS} AWS documents per object type: split the "
            "data over several object types",
        )


def _sourceless(request: PutProfileObjectTypeRequest) -> bool:
    """Whether some field has no Source (rule O18)."""
    return None in _mapping(request).sources


@_rule("O18", "warning", _PUT, "Every field has a Source.", screen=_sourceless)
def _field_source(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if not _sourceless(request):
        return
    for position, source in enumerate(_mapping(request).sources):
        if source is None:
            yield (
                _field(path, position, "source"),
                "the field has no source, so it never receives a value: set source to "
                "_source.<name of the value in the ingested object>",
            )


def _reads_source(source: str) -> bool:
    """Whether a Source reads from ``_source``: a path into it, or Handlebars naming it."""
    if source.startswith(_SOURCE_PATHS):  # the usual case, first
        return True
    if "{{" in source:
        return "_source" in source
    return source == "_source"


_SOURCE_PATHS = ("_source.", "_source[")
_SOURCE_LINES = tuple("\n" + path for path in _SOURCE_PATHS)


def _odd_sources(request: PutProfileObjectTypeRequest) -> bool:
    """Whether some Source may break rule O19: one that is no path into ``_source``
    (tested for all the Sources at once; such a Source may still read it)."""
    found = _mapping(request)
    lines = "\n" + found.written  # one Source a line, unless a Source holds a line break
    paths = sum(map(lines.count, _SOURCE_LINES))
    return not paths == found.present == lines.count("\n")


@_rule("O19", "warning", _PUT, "Sources read from _source.", screen=_odd_sources)
def _source_root(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    if not _odd_sources(request):
        return
    for position, source in enumerate(_mapping(request).sources):
        if source and not _reads_source(source):
            yield (
                _field(path, position, "source"),
                "the source does not read from _source: write it as _source.<path> or as "
                "Handlebars using {{_source.<path>}}, or the field stays empty at ingestion",
            )


@_rule("O20", "error", _PUT, "Handlebars in a Source is well formed.")
def _handlebars_syntax(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for position, parsed in _mapping(request).handlebars:
        if parsed.error is not None:
            yield (
                _field(path, position, "source"),
                f"the source is not valid Handlebars, which AWS rejects: {parsed.error}",
            )


@_rule("O20", "warning", _PUT, "Handlebars in a Source uses documented helpers.")
def _handlebars_helpers(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for position, parsed in _mapping(request).handlebars:
        if parsed.error is not None:
            continue  # reported as an error
        if parsed.unknown_helper:
            yield (
                _field(path, position, "source"),
                "the source opens a block helper AWS does not document (known: "
                f"{', '.join(sorted(KNOWN_BLOCK_HELPERS))})",
            )
        if parsed.stray_close:
            yield (
                _field(path, position, "source"),
                "the source has a '}}' that closes no '{{': Handlebars prints it as text; "
                "is a '{{' missing?",
            )


@_rule("O21", "error", _PUT, "A Target's root is a standard object (_name).")
def _target_root(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for target in _targets_where(_mapping(request), lambda root, _: not root.startswith("_")):
        yield (
            _field(path, target.position, "target"),
            "the target does not start with a standard object such as _profile: write "
            "_profile.<attribute>, e.g. _profile.Attributes.<name> for a custom attribute",
        )


@_rule("O21", "warning", _PUT, "A Target's root is a known standard object.")
def _target_root_known(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    known = standard_objects()

    def unknown(root: str, _: str) -> bool:
        return root.startswith("_") and root not in known

    for target in _targets_where(_mapping(request), unknown):
        yield (
            _field(path, target.position, "target"),
            "the target's root is no standard object of the installed AWS model "
            f"({', '.join(known)}): check its spelling",
        )


@_rule("O22", "error", _PUT, "A _profile Target names a real profile attribute.")
def _profile_attribute(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    system = SYSTEM_MANAGED_TARGETS["_profile"]

    def to_judge(root: str, attribute: str) -> bool:
        # A system-managed ID is rule O23's; an address block is judged by its member.
        return (
            root == "_profile"
            and attribute not in system
            and (attribute not in profile_attributes() or attribute in address_blocks())
        )

    for target in _targets_where(_mapping(request), to_judge):
        if target.head not in profile_attributes():
            yield (
                _field(path, target.position, "target"),
                "the target names no attribute of the standard profile: use one of "
                f"{', '.join(sorted(profile_attributes()))}, or Attributes.<name> for a "
                "custom attribute",
            )
        elif len(target.steps) > 1 and target.steps[1] not in address_members():
            yield (
                _field(path, target.position, "target"),
                f"the target names no member of a profile address: an address holds "
                f"{', '.join(address_members())}",
            )


@_rule("O22", "warning", _PUT, "A Target names a field of its standard object.")
def _object_field(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    def undocumented(root: str, attribute: str) -> bool:
        known = STANDARD_OBJECT_FIELDS.get(root)
        return (
            known is not None
            and attribute not in known
            and attribute not in SYSTEM_MANAGED_TARGETS[root]
        )

    for target in _targets_where(_mapping(request), undocumented):
        yield (
            _field(path, target.position, "target"),
            f"the target names no field documented for {target.root} "
            f"({', '.join(sorted(STANDARD_OBJECT_FIELDS[target.root]))}): use "
            "Attributes.<name> for a custom one",
        )


@_rule("O23", "error", _PUT, "System-managed IDs are never a Target.")
def _system_managed(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    def managed(root: str, attribute: str) -> bool:
        return attribute in SYSTEM_MANAGED_TARGETS.get(root, ())

    for target in _targets_where(_mapping(request), managed):
        ids = SYSTEM_MANAGED_TARGETS[target.root]
        yield (
            _field(path, target.position, "target"),
            f"the target is an ID AWS manages itself ({', '.join(sorted(ids))} of "
            f"{target.root}): map the source system's own ID to Attributes.<name> instead",
        )


@_rule("O24", "error", _PUT, "Gender/GenderString, PartyType/PartyTypeString exclude each other.")
def _exclusive_targets(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    found = _mapping(request)
    for deprecated, current in EXCLUSIVE_PROFILE_TARGETS:
        one = found.first(f"_profile.{deprecated}")
        other = found.first(f"_profile.{current}")
        if one is not None and other is not None:
            yield (
                _field(path, max(one, other), "target"),
                f"fields target both _profile.{deprecated} and _profile.{current}, which "
                f"exclude each other: keep {current} ({deprecated} is deprecated)",
            )


def _missing_identifiers(
    request: PutProfileObjectTypeRequest, *, warned: bool
) -> Iterator[tuple[str, str, int]]:
    """Standard objects targeted without their identifier on a key: (root, identifier, position)."""
    found = _mapping(request)
    if not found.definitions:
        return  # rule O9 or a template
    objects = standard_objects()
    for root, position in found.roots.items():
        identifier = objects.get(root)
        if identifier is None or root == "_profile" or identifier in found.identifiers:
            continue
        if (identifier == "COMMUNICATION_RECORD") == warned:
            yield root, identifier, position


@_rule("O25", "error", _PUT, "Targets of a standard object need a key with its identifier.")
def _object_identifier(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for root, identifier, position in _missing_identifiers(request, warned=False):
        yield (
            _field(path, position, "target"),
            f"fields target {root} but no key carries {identifier}: add {identifier} to the "
            "standard_identifiers of the key that identifies the object",
        )


@_rule("O25", "warning", _PUT, "Communication-record targets come with its identifier.")
def _communication_identifier(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for root, identifier, position in _missing_identifiers(request, warned=True):
        yield (
            _field(path, position, "target"),
            f"fields target {root} but no key carries {identifier}: AWS documents this object "
            "as populated through templates; check that the mapping is accepted",
        )


# --- Keys (section 2.3) ----------------------------------------------------------------------


@_rule("O28", "error", _PUT, "Key names start with a letter or _ and are not Tags.")
def _key_names(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for position, name, _ in _mapping(request).key_lists:
        if name in _TAGS:
            yield _key(path, position), "a key cannot be named Tags or tags: rename it"
        elif name and not (name[0] == "_" or name[0] in _ASCII_LETTERS):
            yield _key(path, position), "a key name must start with a letter or '_': rename it"


@_rule("O29", "warning", _PUT, "Key names starting with _ are predefined keys.")
def _predefined_key(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for position, name, _ in _mapping(request).key_lists:
        if name.startswith("_") and name not in predefined_keys():
            yield (
                _key(path, position),
                "the key name starts with '_' but is none of the domain's predefined keys "
                f"({', '.join(sorted(predefined_keys()))}): give your own keys a plain name "
                "such as crmCustomerId",
            )


@_rule("O30", "error", _PUT, "Reserved ID keys are LOOKUP_ONLY.")
def _reserved_keys(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for definition in _mapping(request).definitions:
        if definition.key_name in LOOKUP_ONLY_KEYS and "LOOKUP_ONLY" not in definition.identifiers:
            yield (
                _definition(path, definition, "standard_identifiers"),
                f"the reserved keys {', '.join(sorted(LOOKUP_ONLY_KEYS))} must carry LOOKUP_ONLY: "
                "add it to standard_identifiers",
            )


@_rule("O31", "error", _PUT, "Every key lists fields of this object type.")
def _key_fields(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    found = _mapping(request)
    defined = request.fields or {}
    for position, _, definitions in found.key_lists:
        if not definitions:
            yield _key(path, position), "the key has no definition: give it one, with field_names"
    for definition in found.definitions:
        names = definition.key.field_names
        if not names:
            yield (
                _definition(path, definition, "field_names"),
                "the key definition lists no field_names: name at least one field of fields",
            )
            continue
        for index, name in enumerate(names):
            if name not in defined:
                yield (
                    _definition(path, definition, "field_names").index(index),
                    "no field of this object type has this name: add the field to fields, "
                    "or fix the name",
                )


@_rule("O32", "warning", _PUT, "Keys do not refer to dotted field names.")
def _dotted_key_fields(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for definition in _mapping(request).definitions:
        for index, name in enumerate(definition.key.field_names or ()):
            if "." in name:
                yield (
                    _definition(path, definition, "field_names").index(index),
                    "the key refers to a field name with a dot, which the AWS model's "
                    "FieldNames pattern does not allow: give the field a name without dots",
                )


@_rule("O34", "error", _PUT, "Exactly one key definition is UNIQUE.")
def _one_unique(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    definitions = _mapping(request).definitions
    if not definitions:
        return  # rule O9 or a template
    unique = [definition for definition in definitions if "UNIQUE" in definition.identifiers]
    if not unique:
        yield (
            _member(path, "keys"),
            "no key is UNIQUE: add UNIQUE to the standard_identifiers of exactly one key "
            "definition, the one that identifies an object",
        )
    for extra in unique[1:]:
        yield (
            _definition(path, extra, "standard_identifiers"),
            f"{len(unique)} key definitions are UNIQUE, AWS takes exactly one: keep UNIQUE on "
            "one of them",
        )


@_rule("O35", "error", _PUT, "At least one key is PROFILE.")
def _some_profile(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    found = _mapping(request)
    if found.definitions and "PROFILE" not in found.identifiers:
        yield (
            _member(path, "keys"),
            "no key is PROFILE, so objects cannot be matched to profiles: add PROFILE to the "
            "standard_identifiers of a key such as the email or customer ID",
        )


def _stored_profile_key(definition: _Definition) -> bool:
    identifiers = definition.identifiers
    return (
        "PROFILE" in identifiers
        and "LOOKUP_ONLY" not in identifiers
        and "NEW_ONLY" not in identifiers
        and definition.key_name != "_profileId"
    )


@_rule("O36", "error", _PUT, "Profile creation needs a stored PROFILE key.")
def _creation_key(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    definitions = _mapping(request).definitions
    if request.allow_profile_creation is not True or not definitions:
        return
    if not any(_stored_profile_key(definition) for definition in definitions):
        yield (
            _member(path, "keys"),
            "allow_profile_creation is true but no PROFILE key (other than _profileId) is "
            "stored: give one PROFILE key neither LOOKUP_ONLY nor NEW_ONLY, or set "
            "allow_profile_creation to false",
        )


@_rule("O37", "error", _PUT, "UNIQUE never comes with LOOKUP_ONLY or NEW_ONLY.")
def _unique_roles(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for definition in _mapping(request).definitions:
        identifiers = definition.identifiers
        if "UNIQUE" in identifiers and ("LOOKUP_ONLY" in identifiers or "NEW_ONLY" in identifiers):
            yield (
                _definition(path, definition, "standard_identifiers"),
                "a UNIQUE key cannot be LOOKUP_ONLY or NEW_ONLY: drop those from the UNIQUE key",
            )


@_rule("O38", "warning", _PUT, "SECONDARY comes with PROFILE.")
def _secondary(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    for definition in _mapping(request).definitions:
        if "SECONDARY" in definition.identifiers and "PROFILE" not in definition.identifiers:
            yield (
                _definition(path, definition, "standard_identifiers"),
                "SECONDARY without PROFILE: AWS documents SECONDARY for PROFILE keys; add PROFILE",
            )


@_rule("O39", "warning", _PUT, "LOOKUP_ONLY and NEW_ONLY come with a matching role.")
def _matching_role(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    roles = frozenset(standard_objects().values())
    for definition in _mapping(request).definitions:
        identifiers = definition.identifiers
        if identifiers & {"LOOKUP_ONLY", "NEW_ONLY"} and not identifiers & roles:
            yield (
                _definition(path, definition, "standard_identifiers"),
                "LOOKUP_ONLY or NEW_ONLY without PROFILE (or a standard object's identifier "
                "such as ORDER) gives the key nothing to match: add PROFILE",
            )


@_rule("O40", "warning", _PUT, "At most 10 key definitions.")
def _key_count(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    count = len(_mapping(request).definitions)
    if count > MAX_KEY_DEFINITIONS:
        yield (
            _member(path, "keys"),
            f"{count} key definitions, above the default quota of {MAX_KEY_DEFINITIONS} per "
            "object type (each definition of a key counts): raise the quota first",
        )


@_rule("O41", "warning", _PUT, "Predefined keys keep their fields' ContentType.")
def _key_content_type(request: PutProfileObjectTypeRequest, path: Path) -> Findings:
    defined = request.fields or {}
    for definition in _mapping(request).definitions:
        expected = KEY_CONTENT_TYPES.get(definition.key_name)
        if expected is None:
            continue
        for index, name in enumerate(definition.key.field_names or ()):
            field = defined.get(name)
            if field is None:
                continue  # rule O31
            if (field.content_type or FieldContentType.STRING) is not expected:
                yield (
                    _definition(path, definition, "field_names").index(index),
                    f"this predefined key is used across the domain with {expected.value} "
                    f"fields; the field has another content_type, which AWS rejects when the "
                    f"key exists already: set its content_type to {expected.value}",
                )

