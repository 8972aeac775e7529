"""Write a synthetic newsroom corpus for benchmarks, deterministic by seed.

    python benchmarks/generate.py OUT_DIR --articles 10000 --seed 1

Articles are 600-900 words, Markdown (with front matter) and plain text, grouped
into stories of 2-5 sources about fictional events. Each story's sources share
facts (names, numbers, quotes) and are worded differently; a realistic share of
them carries a defect of every family: boilerplate lines, doubled punctuation,
glued words, mojibake, a garbled name, a contradicting number, an altered quote.
All text is generated from the templates below (no third-party text).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vor",
    "sel",
    "an",
    "dri",
    "bel",
    "ost",
    "mar",
    "lin",
    "gu",
    "ze",
    "pa",
    "ron",
    "hil",
]
EVENTS = ["floods", "wildfire", "earthquake", "strike", "election", "summit", "storm"]
ROLES = ["Governor", "Mayor", "Minister", "President", "Senator", "Chief"]
SUBJECTS = [
    "Officials",
    "Residents",
    "Local businesses",
    "The regional council",
    "Volunteers",
    "Analysts",
    "Police",
    "Engineers",
    "Opposition politicians",
    "Aid groups",
    "Farmers",
    "Hospital staff",
    "Teachers",
    "Shopkeepers",
    "Union leaders",
    "Church groups",
]
VERBS = [
    "said",
    "warned",
    "told reporters",
    "said in a statement",
    "complained",
    "wrote in a letter",
    "said on local radio",
    "estimated",
]
CLAIMS = [
    "the response would be reviewed once the danger had passed",
    "queues had formed at the few shops still open",
    "it was too early to estimate the cost of the damage",
    "the next steps would be discussed late into the evening",
    "schools would stay closed until further notice",
    "kitchens had been set up in halls and sports centres",
    "the episode had exposed gaps in public investment",
    "people should avoid travelling unless it was essential",
    "several roads had reopened after bridges were inspected",
    "a further warning had been issued for the weekend",
    "an independent inquiry into the preparations was needed",
    "clean water was the most urgent need",
    "most of the autumn harvest had been lost",
    "dozens of people had been treated for minor injuries",
    "emergency payments would reach families within a fortnight",
    "volunteers had worked through the night",
    "the power cuts could last for several days",
    "insurance claims were expected to rise sharply",
]
PLACES = [
    "in the valley",
    "near the river",
    "in the old town",
    "on the coast road",
    "across the district",
    "in the northern suburbs",
    "at the main station",
    "",
]
DAYS = ["on Monday", "on Wednesday", "on Thursday", "late on Friday", "this week", ""]


def filler_sentence(rng: random.Random) -> str:
    """One plausible, varied sentence (so paragraphs rarely repeat across articles)."""
    parts = [
        rng.choice(SUBJECTS),
        rng.choice(PLACES),
        rng.choice(VERBS),
        rng.choice(DAYS),
    ]
    head = " ".join(p for p in parts if p)
    return f"{head} that {rng.choice(CLAIMS)}."


BOILERPLATE = [
    "Advertisement",
    "Back to top button",
    "Related Articles",
    "Sign up for our newsletter",
    "Article continues after advertisement",
    "Share this article",
]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def garble(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[:i] + name[i + 1 :]


def make_story(rng: random.Random, index: int) -> dict[str, object]:
    return {
        "key": f"story-{index:05d}",
        "event": rng.choice(EVENTS),
        "place": word(rng, 3),
        "region": word(rng, 2),
        "person": f"{word(rng)} {word(rng, 3)}",
        "role": rng.choice(ROLES),
        "expert": f"{word(rng)} {word(rng, 2)}",
        "dead": rng.randrange(3, 90),
        "people": rng.randrange(1000, 20000),
        "years": rng.randrange(2, 9),
        "year": rng.randrange(1990, 2026),
        "quote": "We will not rest until every family in {place} is safe and every road is open again",
    }


def article(
    story: dict[str, object], source: int, rng: random.Random, defects: bool
) -> str:
    s = dict(story)
    person, place, years = str(s["person"]), str(s["place"]), int(s["years"])  # type: ignore[call-overload]
    quote = str(s["quote"]).format(place=place)
    dead = int(s["dead"])  # type: ignore[call-overload]
    period = f"nearly {NUMBER_WORDS[years - 2]} decades"
    defect = rng.randrange(7) if defects else -1
    if defect == 0:
        person_here = person.split()[0] + " " + garble(person.split()[1], rng)
    else:
        person_here = person
    if defect == 1:
        period = f"nearly {NUMBER_WORDS[years - 2]} years"
    if defect == 2:
        quote = quote.replace("will not rest", "shall never rest").replace(
            "every road", "all roads"
        )
    paragraphs = [
        f"{place.upper()}, {s['region']} — The {s['event']} in {place} has killed {dead} people, "
        f"{s['role']} {person_here} said on Tuesday, as rescue teams reached villages that had been cut off.",
        f"“{quote},” {person.split()[1]} told reporters at the command centre in {place}.",
        f"More than {s['people']:,} residents were moved to shelters. It was the worst {s['event']} "
        f"in the region in {period}, officials said.",
        f"{s['expert']}, who studies disasters at the University of {s['region']}, said the "
        f"{s['event']} in {s['year']} had left lessons that were only partly learned.",
    ]
    target = rng.randrange(600, 900)
    while sum(len(p.split()) for p in paragraphs) < target:
        paragraphs.append(
            " ".join(filler_sentence(rng) for _ in range(rng.randrange(2, 5)))
        )
    if defect == 3:
        paragraphs.insert(3, rng.choice(BOILERPLATE))
    if defect == 4:
        paragraphs[4] = paragraphs[4].replace(". ", ". . ", 1)
    if defect == 5:
        paragraphs[-1] = paragraphs[-1].replace("the ", "theâ€™ ", 1)
    if defect == 6:
        paragraphs.append(f"Contact usSend your letters to the {s['region']} desk")
    body = "\n\n".join(paragraphs) + "\n"
    if source % 2 == 0:
        return f"---\ntitle: {s['event'].title()} in {place}\nstory: {s['key']}\n---\n\n{body}"  # type: ignore[attr-defined]
    return body


def generate(out: Path, articles: int, seed: int, defect_rate: float = 0.3) -> int:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = index = 0
    while written < articles:
        story = make_story(rng, index)
        sources = min(rng.randrange(2, 6), articles - written)
        folder = out / f"{index // 500:03d}"
        folder.mkdir(exist_ok=True)
        for source in range(sources):
            ext = ".md" if source % 2 == 0 else ".txt"
            text = article(story, source, rng, rng.random() < defect_rate)
            (folder / f"{story['key']}-{source}{ext}").write_text(
                text, encoding="utf-8"
            )
            written += 1
        index += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defect-rate", type=float, default=0.3)
    args = parser.parse_args()
    count = generate(args.out, args.articles, args.seed, args.defect_rate)
    print(f"wrote {count} articles to {args.out}")


if __name__ == "__main__":
    main()
