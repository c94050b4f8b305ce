"""The platform's file specifications, read from its own file guide (`file_guide/`, the pages
as published): each field page's `name` / `: (type) ***Required*** …` entries and their
`***Values***` lists, and each use-case page's "Preferred Fields" and "Desired Fields". Nothing
here is written per column; the few places where the guide disagrees with itself are settled
in `SETTLED`, as the contract says."""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GUIDE = Path(__file__).parent / "file_guide"
# Each specification: its field pages (a later page adds only fields the earlier ones lack,
# never required), then its use-case page.
PAGES = {
    "product": (("product_data_product.md",), "use_cases_submit_product_info.md"),
    # An inventory file may carry any product column too (the sample's backorder columns).
    "inventory": (("product_data_inventory.md", "product_data_product.md"), "use_cases_update_inventory.md"),
    "orders": (("order_data_orders.md",), "use_cases_retrieve_order.md"),
    "allocation": (("order_data_allocation.md",), "use_cases_allocating_line_items_order.md"),
    "tracking": (("order_data_tracking.md",), "use_cases_submitting_tracking_info.md"),
}
# Which specifications each feed type's files follow (the first whose required columns the
# header has; else the first). `other` has none.
FOR_TYPE = {
    "item": ("product", "inventory"),
    "order": ("orders",),
    "allocation": ("allocation",),
    "tracking": ("tracking",),
}
# Where the guide's pages disagree with its samples: the field page stands, the sample's
# spelling is an alias; an "object" that the samples fill with whole numbers is an integer.
SETTLED = {
    # The sample fills line_item_uuid with the line's number.
    "orders": {"aliases": {"retailer_po_number": "retailer_po"}, "types": {"line_item_uuid": "text"}},
    "allocation": {"types": {"quantity_accepted": "integer"}},
}
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9_.]+)\s*\n: \((?P<type>[^)]*)\)(?P<text>.*)$", re.MULTILINE)
VALUES = re.compile(r"\*\*\*Values\*\*\*:\s*\n((?:- .*\n?)+)")
LISTED = re.compile(r"~~~ bash\n(?P<names>.*?)~~~\s*\n\s*\{: title=\"(?P<title>\w+) Fields\" \}", re.DOTALL)
# A numbered group (`pricing.1.cost`): any number stands for the 1; only the first is required.
NUMBERED = re.compile(r"\.1\.")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, integer, decimal, number, boolean, uuid, date, country, choice
    required: bool
    preferred: bool = False
    choices: tuple[str, ...] = ()
    places: int | None = None  # decimal places at most


@dataclass(frozen=True)
class Spec:
    name: str
    fields: dict[str, Field]
    aliases: dict[str, str] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern, Field], ...] = ()

    def field_for(self, column: str) -> Field | None:
        column = self.aliases.get(column, column)
        if column in self.fields:
            return self.fields[column]
        return next((found for pattern, found in self.patterns if pattern.fullmatch(column)), None)

    @property
    def required(self) -> list[str]:
        return [name for name, found in self.fields.items() if found.required]

    @property
    def preferred(self) -> list[str]:
        return [name for name, found in self.fields.items() if found.preferred and not found.required]


def kind_of(name: str, declared: str, text: str) -> tuple[str, int | None]:
    declared = declared.lower()
    if "iso alpha-2" in declared:
        return "country", None
    if declared.startswith("integer"):
        return "integer", None
    if declared.startswith("decimal"):
        places = re.search(r"\((\d+) decimal places\)", text)
        return "decimal", int(places.group(1)) if places else None
    if declared.startswith("float"):
        return "number", None
    if declared.startswith("boolean"):
        return "boolean", None
    if name.endswith("_uuid") and "Universal Unique Identifier" in text:
        return "uuid", None
    if name.endswith("_date"):
        return "date", None
    return "text", None


@cache
def spec(name: str) -> Spec:
    field_pages, use_case = PAGES[name]
    settled = SETTLED.get(name, {})
    listed = {
        match["title"].lower(): {line.split("(")[0].strip() for line in match["names"].splitlines() if line.strip()}
        for match in LISTED.finditer((GUIDE / use_case).read_text())
    }
    preferred = listed.get("preferred", set())
    fields, patterns = {}, []
    for number, page in enumerate(field_pages):
        text = (GUIDE / page).read_text()
        for match in ENTRY.finditer(text):
            column = match["name"]
            if column in fields:
                continue
            kind, places = kind_of(column, match["type"], match["text"])
            kind = settled.get("types", {}).get(column, kind)
            after = text[match.end() :]
            following = ENTRY.search(after)
            values = VALUES.search(after[: following.start() if following else None])
            choices = tuple(line[2:].strip() for line in values.group(1).splitlines()) if values else ()
            found = Field(
                name=column,
                kind="choice" if choices and kind == "text" else kind,
                required=number == 0 and "***Required***" in match["text"],
                preferred=column in preferred,
                choices=choices,
                places=places,
            )
            fields[column] = found
            if NUMBERED.search(column):
                pattern = re.compile(re.escape(column).replace(r"\.1\.", r"\.\d+\."))
                patterns.append((pattern, Field(**{**found.__dict__, "required": False})))
    return Spec(name=name, fields=fields, aliases=settled.get("aliases", {}), patterns=tuple(patterns))


def for_header(integration_type: str, header: list[str]) -> Spec | None:
    """The specification a file of this feed type with this header follows (None: `other`)."""
    names = FOR_TYPE.get(integration_type)
    if not names:
        return None
    candidates = [spec(name) for name in names]
    present = set(header)
    for candidate in candidates:
        wanted = {
            next((a for a, to in candidate.aliases.items() if to == r and a in present), r) for r in candidate.required
        }
        if wanted <= present:
            return candidate
    return candidates[0]
