"""`dagsorden synth --items N`: a synthetic archive for benchmarks, written in bulk (no
history rows, no signals) and indexed in bulk: with COPY on PostgreSQL, with
`bulk_create` on SQLite (and on PostgreSQL with `--no-copy`). Both write the same rows
for the same seed."""

import datetime as dt
import random
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction

from dagsorden.cases.models import Case
from dagsorden.meetings.models import AgendaItem, Decision, Meeting, Section
from dagsorden.organisations.models import Municipality, Organization
from dagsorden.search import bulkcopy
from dagsorden.search.documents import ItemDocument
from dagsorden.search.facade import entry_of, index_documents

TZ = ZoneInfo("Europe/Copenhagen")
SLUG = "syntetisk"
ITEMS_PER_MEETING = 10
BATCH = 2000
BODIES = [
    "Byrådet",
    "Økonomiudvalget",
    "Teknik- og Miljøudvalget",
    "Børne- og Skoleudvalget",
    "Social- og Sundhedsudvalget",
    "Kultur- og Fritidsudvalget",
    "Plan- og Boligudvalget",
]
# Invented municipal vocabulary (nouns in several inflections, so stemming matters).
_WORDS_TEXT = """
    bolig boliger boligerne lokalplan lokalplanen lokalplaner skole skolen skoler vej vejen
    veje cykelsti cykelstien cykelstier budget budgettet regnskab regnskabet anlæg anlægget
    bevilling bevillingen tilskud tilskuddet ældrepleje plejecenter plejecentret dagtilbud
    børnehave vuggestue idrætshal hallen bibliotek biblioteket havn havnen strand stranden
    kloak kloakering spildevand affald genbrug genbrugsplads energi solceller varmeplan
    fjernvarme klima klimaplan natur naturpark skov skoven sø søen å vandløb kollektiv
    trafik bus busrute parkering parkeringsplads torv torvet rådhus rådhuset borger borgere
    borgerne høring høringen høringssvar forslag forslaget beslutning udvidelse renovering
    nybyggeri byggeri ejendom ejendommen salg køb grund grunden takster taksten gebyr
    strategi politik handleplan evaluering status orientering aftale aftalen samarbejde
    region regionen styrelse tilsyn tilsynet kvalitet rapport analyse udbud udbuddet
    kontrakt leverandør medarbejdere personale ansættelse ungdomsskole fritidsklub
    sportsplads kunstgræs svømmehal museum musikskole kulturhus frivillige forening
    foreninger landsby landsbyer erhverv erhvervsområde turisme cykling sikkerhed
"""
WORDS = _WORDS_TEXT.split()
OUTCOMES = (
    [Decision.Outcome.APPROVED] * 6
    + [Decision.Outcome.RECOMMENDED] * 3
    + [Decision.Outcome.NOTED, Decision.Outcome.POSTPONED, Decision.Outcome.REJECTED]
)
TYPES = [AgendaItem.Type.DECISION] * 3 + [AgendaItem.Type.ORIENTATION, AgendaItem.Type.DISCUSSION]
# A word nearly every item's text holds (as "Forvaltningen indstiller" in real ones), so
# the benchmark has a word matching over 90 % of the archive. Not a stop word.
VERY_FREQUENT_WORD = "forvaltningen"
VERY_FREQUENT_SHARE = 0.94


class Command(BaseCommand):
    help = "Generate a synthetic archive of N public agenda items (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--municipalities", type=int, default=1, help="Meetings spread over N municipalities"
        )
        parser.add_argument(
            "--no-copy",
            action="store_true",
            help="On PostgreSQL, write with bulk_create instead of COPY (to compare)",
        )

    def handle(self, *args, items, seed, municipalities, no_copy=False, **options):
        if municipalities < 1:
            raise CommandError("--municipalities skal være mindst 1.")
        if items < 0:
            raise CommandError("--items må ikke være negativ.")
        writer = _copy if connection.vendor == "postgresql" and not no_copy else _insert
        rng = random.Random(seed)
        # Interleaved (first body of each municipality, then the second …), so meetings
        # taken in turn spread evenly over the municipalities.
        per_municipality = [_structure(index) for index in range(municipalities)]
        bodies = [body for group in zip(*per_municipality, strict=True) for body in group]
        meetings = items // ITEMS_PER_MEETING
        first = dt.datetime(2011, 1, 10, 16, tzinfo=TZ)
        step = dt.timedelta(days=15 * 365) / max(1, meetings)
        done, began = 0, time.monotonic()
        deferred = _search_indexes_built_after if writer is _copy else nullcontext
        entries = _EntryWriter(background=writer is _copy and not connection.in_atomic_block)
        with deferred(), entries:
            for start in range(0, meetings, BATCH // ITEMS_PER_MEETING):
                count = min(BATCH // ITEMS_PER_MEETING, meetings - start)
                when = [first + step * (start + i) for i in range(count)]
                if (written := _batch(rng, bodies, when, start, writer)) is not None:
                    entries.write(written)  # after the batch's commit: its items exist
                done += count * ITEMS_PER_MEETING
                self.stdout.write(f"\r{done}/{items}", ending="")
                self.stdout.flush()
            entries.wait()
            self.stdout.write(f"\nindeksering ({time.monotonic() - began:.0f} s) …")
        # Fresh planner statistics, as after any bulk load (else PostgreSQL may scan).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{done} syntetiske punkter oprettet på {time.monotonic() - began:.0f} s."
            )
        )


class _EntryWriter:
    """Search entries COPYed on a second connection while the next batch is made.

    COPY into the search table is most of the server's work (PostgreSQL computes the
    entry's four tsvectors). Written on the same connection as the rest of the batch,
    the server and the Python that builds the rows took turns, each waiting for the
    other, so one core of two was busy. At most one batch is in flight. Without
    `background` (inside a transaction, a test's, where a second connection would not
    see the batch's items) they are written in turn."""

    def __init__(self, *, background: bool):
        self.pool = ThreadPoolExecutor(max_workers=1) if background else None
        self.pending = None

    def write(self, entries: list) -> None:
        if self.pool is None:
            _copy(entries)
            return
        self.wait()
        self.pending = self.pool.submit(_copy_committed, entries)

    def wait(self) -> None:
        """Until the batch in flight is written; its error, if any, is raised here."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.pool is not None:
            try:
                self.wait()
            finally:
                self.pool.submit(connections.close_all).result()  # the thread's connection
                self.pool.shutdown()


def _copy_committed(objects: list) -> None:
    with transaction.atomic():
        _copy(objects)


LONGEST_INDEX = "search_entry_word_pairs_gin"


@contextmanager
def _search_indexes_built_after():
    """The search table's GIN indexes dropped for the load and built afterwards, two at
    a time (PostgreSQL 15 builds a GIN index on one core): a build sorts each key's
    entries once, where COPY into an indexed table inserts every entry of every row."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'search_searchentry' AND indexdef LIKE '%%USING gin%%'"
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        # Also after a failed load: the archive keeps its indexes.
        # The whole item's word pairs first: its build is the long pole (16 minutes at
        # 3 M items), and the other five fit beside it on the second core.
        ordered = sorted(indexes, key=lambda index: index[0] != LONGEST_INDEX)
        definitions = [definition for _name, definition in ordered]
        if connection.in_atomic_block:
            # Inside a transaction (a test's): other connections would wait for it, and
            # the rows' deferred foreign key checks must run before an index is built.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for definition in definitions:
                _build_index(definition)
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            with ThreadPoolExecutor(max_workers=2) as pool:
                list(pool.map(_build_index_in_thread, definitions))


def _build_index(definition: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '2GB'")
        cursor.execute(definition)


def _build_index_in_thread(definition: str) -> None:
    try:
        _build_index(definition)
    finally:
        connections.close_all()  # the thread's own connection


def _structure(index: int) -> list[Organization]:
    """The bodies of synthetic municipality number `index` (0 keeps the old slug)."""
    slug, name = (
        (SLUG, "Syntetisk Kommune")
        if index == 0
        else (
            f"{SLUG}-{index + 1}",
            f"Syntetisk Kommune {index + 1}",
        )
    )
    municipality, _ = Municipality.objects.get_or_create(
        slug=slug, defaults={"name": name, "code": f"{999 - index:03d}"[-3:]}
    )
    bodies = []
    for body_index, body_name in enumerate(BODIES):
        body, _ = Organization.objects.get_or_create(
            municipality=municipality,
            slug=f"synth-{body_index}",
            defaults={"name": body_name, "kind": Organization.Kind.COMMITTEE},
        )
        bodies.append(body)
    return bodies


def _vocabulary() -> tuple[list[str], list[float]]:
    """Base words plus compounds of them (as Danish builds words), with Zipf-like
    frequencies, so some words are everywhere and most are rare, as in real archives."""
    ordered = WORDS + [a + b for a in WORDS[:150] for b in WORDS[:80] if a != b]
    random.Random(7).shuffle(ordered)
    cumulative, total = [], 0.0
    for rank in range(1, len(ordered) + 1):
        total += 1 / rank
        cumulative.append(total)
    return ordered, cumulative


VOCABULARY, CUMULATIVE = _vocabulary()


def _sentence(rng, n):
    words = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=n)
    return " ".join(words).capitalize() + "."


def _insert(objects: list) -> list:
    if objects:
        type(objects[0]).objects.bulk_create(objects, batch_size=1000)
    return objects


def _copy(objects: list) -> list:
    if objects and objects[0].pk is None:
        bulkcopy.assign_ids(objects)
    bulkcopy.copy_objects(objects)
    return objects


@transaction.atomic
def _batch(rng, bodies, when, offset, write):
    """One batch of meetings with their cases, items, sections and decisions, and their
    index entries. `write(objects)` stores unsaved instances of one model and gives them
    their ids; the random draws happen in the same order whichever writes. With COPY the
    index entries are returned unwritten, for the caller to write after the commit."""
    meetings = write(
        [
            Meeting(
                organization=bodies[(offset + i) % len(bodies)],
                start=start,
                state=Meeting.State.MINUTES_APPROVED,
            )
            for i, start in enumerate(when)
        ]
    )
    cases = write(
        [
            Case(
                municipality_id=m.organization.municipality_id,
                title=_sentence(rng, 5),
                journal_number=f"{rng.randint(0, 99):02d}.{rng.randint(0, 99):02d}.00-"
                f"P{rng.randint(10, 99)}-{offset * 10 + i + 1}-{m.start:%y}",
            )
            for i, m in enumerate(meetings)
        ]
    )
    items = write(
        [
            AgendaItem(
                meeting=meeting,
                number=n + 1,
                order=n + 1,
                title=_sentence(rng, rng.randint(3, 7)),
                item_type=rng.choice(TYPES),
                draft_state=AgendaItem.DraftState.APPROVED,
            )
            for meeting in meetings
            for n in range(ITEMS_PER_MEETING)
        ]
    )
    texts, decisions, sections = {}, [], []
    for item in items:
        parts = [
            (h, " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(4)))
            for h in ("Sagens kerne", "Sagsfremstilling")
        ]
        if rng.random() < VERY_FREQUENT_SHARE:
            heading, body = parts[1]
            parts[1] = (heading, f"{VERY_FREQUENT_WORD.capitalize()} {body[0].lower()}{body[1:]}")
        sections += [
            Section(item=item, order=i + 1, heading=h, body=b) for i, (h, b) in enumerate(parts)
        ]
        decision = Decision(item=item, outcome=rng.choice(OUTCOMES), text=_sentence(rng, 8))
        decisions.append(decision)
        texts[item.pk] = (decision, "\n".join([decision.text] + [f"{h}\n{b}" for h, b in parts]))
    write(sections)
    write(decisions)
    municipality_of = {body.pk: body.municipality_id for body in bodies}
    case_of = {m.pk: c for m, c in zip(meetings, cases, strict=True)}
    documents = [
        ItemDocument(
            item_id=item.pk,
            meeting_id=item.meeting.pk,
            organization_id=item.meeting.organization_id,
            municipality_id=municipality_of[item.meeting.organization_id],
            case_id=case_of[item.meeting.pk].pk if item.number == 3 else None,
            start=item.meeting.start,
            year=item.meeting.start.astimezone(TZ).year,
            item_type=item.item_type,
            outcome=texts[item.pk][0].outcome,
            journal_number=case_of[item.meeting.pk].journal_number if item.number == 3 else "",
            title=item.title,
            text=texts[item.pk][1],
        )
        for item in items
    ]
    if write is _copy:
        # New items: no stale entries to remove, and PostgreSQL's index is the
        # entry's generated tsvector. The caller writes them (`_EntryWriter`).
        return [entry_of(doc) for doc in documents]
    index_documents(documents)
    return None
