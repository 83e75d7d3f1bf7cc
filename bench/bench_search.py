"""Search latency by word class on a synthetic archive: p50/p95/max per class.

    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/dagsorden migrate
    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/dagsorden synth --items 200000
    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/python bench/bench_search.py
    (PostgreSQL: the same with DATABASE_URL=postgres://…; `synth --municipalities 2`
    adds the classes filtered to one municipality)

Word classes are chosen by document frequency in the archive itself: a seeded sample
of entries is cut into words, each word's share of the sample is scaled to the archive,
and each chosen word's real match count is then counted once (untimed) and printed.
Classes: rare (under 100 matches), mid (about 2,000), frequent (over 30,000 and under
90 %), very frequent (over 90 % of the items), two words, phrases. Each class is run
ROUNDS times (cycling over its words); each run is the whole facade call the search
page makes: match, rank, the first page of 20 hits with snippets, total and facets."""

import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
django.setup()

from django.db import connection  # noqa: E402

from dagsorden.organisations.models import Municipality  # noqa: E402
from dagsorden.search.backends import current_backend  # noqa: E402
from dagsorden.search.facade import SearchRequest, search  # noqa: E402
from dagsorden.search.models import SearchEntry  # noqa: E402
from dagsorden.search.text import STOPWORDS, parse_query, stem, tokens  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", 20))
SAMPLE = int(os.environ.get("SAMPLE", 3000))
WORDS_PER_CLASS = 3
TARGET_P95_MS = 100


def word_frequencies(rng) -> tuple[Counter, list[list[str]], int]:
    """Document frequency of each word in a seeded sample of entries, and their texts."""
    ids = list(SearchEntry.objects.values_list("item_id", flat=True))
    chosen = rng.sample(ids, min(SAMPLE, len(ids)))
    frequency, texts = Counter(), []
    for start in range(0, len(chosen), 500):
        batch = SearchEntry.objects.filter(item_id__in=chosen[start : start + 500])
        for title, text in batch.values_list("title", "text"):
            words = [w.lower() for w in tokens(f"{title}\n{text}")]
            texts.append(words)
            # Counted by stem, as the index matches; the word stands for its stem.
            stems = {stem(w): w for w in words if w not in STOPWORDS and not w.isdigit()}
            frequency.update(stems.values())
    return frequency, texts, len(ids)


def matches(text: str) -> int:
    """The real number of matching items (counted once, untimed)."""
    match = current_backend().match(parse_query(text))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {match.from_sql} WHERE {match.where_sql}", match.params
        )
        return cursor.fetchone()[0]


def classes(rng) -> dict[str, list[str]]:
    frequency, texts, total = word_frequencies(rng)
    scale = total / len(texts)

    def band(low, high):
        """Words whose sample share puts them in the band, kept when their real count
        (counted once) is in it too."""
        near = sorted(w for w, n in frequency.items() if 0.5 * low <= n * scale < 1.5 * high)
        rng.shuffle(near)
        chosen = []
        for word in near[:200]:
            if low <= matches(word) < high:
                chosen.append(word)
            if len(chosen) == WORDS_PER_CLASS:
                break
        return chosen

    frequent = band(30_000, 0.9 * total)
    very = band(0.9 * total, total + 1)
    mid = band(1_700, 2_300)
    phrases = []
    for words in rng.sample(texts, 50):
        at = rng.randrange(max(1, len(words) - 2))
        pair = words[at : at + 2]
        if len(pair) == 2 and not set(pair) & STOPWORDS:
            phrases.append('"' + " ".join(pair) + '"')
        if len(phrases) == WORDS_PER_CLASS:
            break
    # Two adjacent words that are each in over 5 % of the items: the hard phrase (its
    # words' posting lists are long, its own matches few).
    common = {w for w, n in frequency.items() if n * scale > 0.05 * total}
    common_phrases = []
    for words in rng.sample(texts, min(len(texts), 2000)):
        for at in range(len(words) - 1):
            pair = words[at : at + 2]
            text = '"' + " ".join(pair) + '"'
            if set(pair) <= common and text not in common_phrases:
                common_phrases.append(text)
                break
        if len(common_phrases) == WORDS_PER_CLASS:
            break
    return {
        "rare": band(1, 100),
        "mid (~2,000)": mid,
        "frequent (>30,000)": frequent,
        "very frequent (>90 %)": very,
        "two words": [f"{a} {b}" for a, b in zip(very + frequent, mid + very, strict=False)][:3],
        "phrase": phrases,
        "phrase of two common words": common_phrases,
        # What a user types to narrow down: several common words, each a long list.
        "three frequent words": [" ".join(frequent)] if len(frequent) == 3 else [],
    }


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_class(label, texts, **filters) -> dict:
    requests = [SearchRequest(text=text, **filters) for text in texts]
    for request in requests:  # warm caches once
        search(request)
    timings, estimated = [], set()
    for n in range(ROUNDS):
        request = requests[n % len(requests)]
        start = time.perf_counter()
        result = search(request)
        timings.append((time.perf_counter() - start) * 1000)
        estimated.add(result.estimated)
    row = {
        "class": label,
        "queries": {text: matches(text) for text in texts},
        "estimated": sorted(estimated),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }
    print(
        f"{label:40} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
        f"max {row['max_ms']:6.1f}  {row['queries']}  estimated={row['estimated']}"
    )
    return row


def main():
    rng = random.Random(int(os.environ.get("SEED", 15)))
    items = SearchEntry.objects.count()
    chosen = classes(rng)
    print(f"{connection.vendor}: {items} items, load {os.getloadavg()[0]:.2f}")
    rows = [run_class(label, texts) for label, texts in chosen.items() if texts]
    municipalities = list(Municipality.objects.filter(slug__startswith="syntetisk"))
    if len(municipalities) > 1:
        one = municipalities[0].pk
        for label in (
            "mid (~2,000)",
            "frequent (>30,000)",
            "very frequent (>90 %)",
            "two words",
            "phrase",
            "phrase of two common words",
        ):
            if chosen[label]:
                rows.append(
                    run_class(f"{label}, one municipality", chosen[label], municipality=one)
                )
    summary = {
        "vendor": connection.vendor,
        "items": items,
        "rounds": ROUNDS,
        "load_before": os.getloadavg(),
        "classes": rows,
    }
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / f"search-{connection.vendor}-{items}.json").write_text(json.dumps(summary, indent=2))
    worst = max(row["p95_ms"] for row in rows)
    print(f"worst class p95 {worst} ms (target {TARGET_P95_MS} ms), load {os.getloadavg()[0]:.2f}")
    return 0 if worst <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
