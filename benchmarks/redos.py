"""Hunt for super-linear regexes: time every compiled pattern and every public
extract function on adversarial inputs at two sizes and flag the growth.

Targets: every ``re.Pattern`` held by a refcheck module (also inside tuples),
every pattern literal passed to ``re.match/search/...`` inside a function body,
every public function of ``refcheck.extract`` (with an adapter where it does
not take a plain string), the readers and the whole pipeline.

Inputs: long runs of one character class and repeated tokens, each bare and
inside a few contexts (a reference entry, a citation, a locator, a quoted
title, a document). A pattern only ever used with ``match``/``fullmatch`` is
timed with ``match`` (one attempt), any other with ``finditer``. A run is
flagged when the time grows more than ``--flag`` times for four times the
input, and again for four times more (one-off spikes on a busy machine are not
flags), or when it hits the time cap. Exit status 1 when anything is flagged.

    python benchmarks/redos.py [--sizes 2000,8000] [--cap 2] [--all] [--only NAME]
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import inspect
import pkgutil
import re
import signal
import sys
import time

import refcheck

CHARS = ["a", "A", "0", " ", "\t", "\n", "\x0b", "\u2003", "\u00a0", "[", "]", "(", ")", ".", ",", "-",
         "\u2013", "'", "\u2019", "\u201d", "\"", "*", "_", "`", "/", ":", ";", "&", "<", "#", "\u00e9", "v"]
TOKENS = ["A. ", "A.", "Aa ", "A, ", "Aa, ", "A.B. ", "A: ", "Smith, J., ", "Smith and ", "Smith (2019) ", "et al. ",
          "(2019)", "(2019", "2019 ", "1 ", "1.", "1-", "1,", "1, ", "$1", "1 billion ", "iv", "p. 1, ", "<http://",
          "http://", "www.", "10.1/", "](", "[a](", "**", "`a", "``", "References\n", "References\n\n", "a\n",
          "# a\n", "- a\n", "---\n", "a ", "a.", "aA", "a:", "ab'", "a\u201ds ", "\u201c", "Jan 2019 ", "accessed ",
          "Retrieved ", "\x0ba", "\u2003a"]
CONTEXTS = {
    "bare": "{}",
    "entry": "Smith, J. (2019). Title, {}",
    "narrative": "{} (2019)",
    "paren": "(Smith {}, 2019)",
    "locator": "(Smith, 2019, {})",
    "quoted": "Smith, J. (2019). \"{}",
    "document": "Text {} (Smith, 2019).\n\nReferences\n\nSmith, J. (2019). Title {}. Press.\n",
}


class Capped(Exception):
    pass


def _alarm(*_):
    raise Capped


def _modules():
    for info in pkgutil.walk_packages(refcheck.__path__, "refcheck."):
        yield importlib.import_module(info.name)


def _anchored(name: str, source: str) -> bool:
    """Is the pattern called ``name`` only ever used with ``match``/``fullmatch``
    (one attempt, at the start) in its module, never with search, finditer, sub or split?"""
    uses = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    return bool(uses) and uses <= {"match", "fullmatch"}


def patterns() -> dict[str, tuple[re.Pattern, bool]]:
    """Every compiled pattern of refcheck, by ``module:NAME``, and whether it is
    only used anchored (then it is timed with ``match``, else with ``finditer``)."""
    found: dict[int, tuple[bool, str, re.Pattern, bool]] = {}  # by identity: an imported pattern counts once
    for module in _modules():
        short = module.__name__.removeprefix("refcheck.")
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            items = value if isinstance(value, (tuple, list)) else [value]
            for index, item in enumerate(items):
                for part in item if isinstance(item, tuple) else [item]:
                    if isinstance(part, re.Pattern):
                        home = f"\n{name} = " in source  # defined here, not imported
                        label = f"{short}:{name}" + (f"[{index}]" if item is not value else "")
                        if id(part) not in found or home and not found[id(part)][0]:
                            found[id(part)] = (home, label, part, item is value and _anchored(name, source))
        for label, pattern, anchored in _inline_patterns(module):
            found[id(pattern)] = (True, f"{short}:{label}", pattern, anchored)
    return {label: (pattern, anchored) for _, label, pattern, anchored in found.values()}


def _inline_patterns(module):
    """Literal patterns passed to re.* inside function bodies (compiled on use)."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        for node in ast.walk(func):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re" and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                flags = 0
                for arg in [*node.args[1:], *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Attribute) and arg.attr in ("IGNORECASE", "MULTILINE", "DOTALL"):
                        flags |= getattr(re, arg.attr)
                anchored = node.func.attr in ("match", "fullmatch")
                yield f"{func.name}@{node.lineno}", re.compile(node.args[0].value, flags), anchored


def functions() -> dict[str, object]:
    """The public extract functions, the readers and the pipeline, each taking one string."""
    from refcheck.api import check_text
    from refcheck.extract import citations, linking, references, sections, style
    from refcheck.model import Reference, Span
    from refcheck.readers import markdown, mask, text

    def entries(t):
        return sections.split_entries(t, 0, len(t))

    adapters = {
        "extract.references.parse_entry": lambda t: references.parse_entry(sections.Entry(0, len(t), t), "R1"),
        "extract.references.parse_entries": lambda t: references.parse_entries(entries(t)),
        "extract.sections.split_entries": entries,
        "extract.citations.years_in": lambda t: citations.years_in(t, 0),
        "extract.citations.is_weak": lambda t: citations.is_weak(tuple(t.split(","))),
        "extract.linking.link": lambda t: linking.link(citations.scan(t), references.parse_entries(entries(t))),
        "extract.linking.osa_distance": lambda t: linking.osa_distance(t, t[::-1], 2),
        "extract.style.detect": lambda t: style.detect([Reference("R1", Span(0, len(t)), t)]),
        "readers.markdown.read": lambda t: markdown.read("x.md", t),
        "readers.markdown.masked_spans": markdown.masked_spans,
        "readers.text.read": lambda t: text.read("x.txt", t),
        "readers.mask.url_spans": mask.url_spans,
        "api.check_text[md]": lambda t: check_text(t, "x.md", None, "md"),
        "api.check_text[txt]": lambda t: check_text(t, "x.txt", None, "txt"),
    }
    found = {}
    for module in _modules():
        if not module.__name__.startswith("refcheck.extract."):
            continue
        for name, value in vars(module).items():
            plain = inspect.unwrap(value)  # through lru_cache
            if name.startswith("_") or not inspect.isfunction(plain) or plain.__module__ != module.__name__:
                continue
            key = f"{module.__name__.removeprefix('refcheck.')}.{name}"
            params = list(inspect.signature(plain).parameters.values())
            takes_text = params and str(params[0].annotation).startswith("str") and all(
                p.default is not p.empty for p in params[1:])
            if key in adapters:
                found[key] = adapters[key]
            elif takes_text:
                found[key] = value
    found.update({k: v for k, v in adapters.items() if not k.startswith("extract.")})
    return found


def _caches():
    return [v for m in _modules() for v in vars(m).values() if callable(getattr(v, "cache_clear", None))]


def timed(call, text: str, cap: float, caches) -> float:
    """Best of up to three runs (one when slow), caches cleared; ``inf`` past the cap."""
    best = float("inf")
    for _ in range(3):
        for cache in caches:
            cache.cache_clear()
        signal.setitimer(signal.ITIMER_REAL, cap)
        start = time.perf_counter()
        try:
            call(text)
        except Capped:
            return float("inf")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = min(best, time.perf_counter() - start)
        if best > 0.05:
            break
    return best


def family_text(unit: str, context: str, size: int) -> str:
    run = unit * max(1, size // len(unit))
    return context.format(*([run] * context.count("{}")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--cap", type=float, default=2.0, help="seconds before a run counts as capped")
    parser.add_argument("--flag", type=float, default=6.0, help="growth ratio that flags a run")
    parser.add_argument("--floor", type=float, default=0.005, help="seconds below which growth is noise")
    parser.add_argument("--all", action="store_true", help="print every run, not only flagged ones")
    parser.add_argument("--only", default="", help="only targets whose name contains this")
    parser.add_argument("--units", default="", help="only these units, separated by '|'")
    args = parser.parse_args(argv)
    small, large = (int(s) for s in args.sizes.split(","))
    signal.signal(signal.SIGALRM, _alarm)
    targets = {
        f"re {k}" + (" (match)" if anchored else ""): p.match if anchored else functools.partial(lambda p, t: list(p.finditer(t)), p)
        for k, (p, anchored) in patterns().items()
    }
    targets.update({f"fn {k}": v for k, v in functions().items()})
    targets = {k: v for k, v in targets.items() if args.only in k}
    units = args.units.split("|") if args.units else CHARS + TOKENS
    caches = _caches()
    rows, worst = [], 1.0
    began = time.perf_counter()
    for name, call in sorted(targets.items()):
        for context_name, context in CONTEXTS.items():
            for unit in units:
                t1 = timed(call, family_text(unit, context, small), args.cap, caches)
                t2 = float("inf") if t1 * 4 > args.cap else timed(call, family_text(unit, context, large), args.cap * 2, caches)
                growth = float("inf") if t2 == float("inf") else t2 / t1 if t1 > 0 else 1.0
                flagged = t2 == float("inf") or (t2 > args.floor and growth > args.flag)
                again = None
                if flagged and t2 != float("inf"):
                    # confirmed four times larger again: small timings on a busy machine jump
                    t3 = timed(call, family_text(unit, context, 4 * large), args.cap * 4, caches)
                    again = float("inf") if t3 == float("inf") else t3 / t2
                    flagged = again > args.flag
                worst = max(worst, min(growth, again or growth) if t2 > args.floor else 1.0)
                if flagged or args.all:
                    rows.append((name, context_name, unit, t1, t2, growth, again, flagged))
    print(f"{len(targets)} targets x {len(CONTEXTS)} contexts x {len(units)} units at n={small},{large} "
          f"in {time.perf_counter() - began:.0f} s")
    print(f"{'target':56} {'context':9} {'unit':16} {'t(' + str(small) + ')':>9} {'t(' + str(large) + ')':>9} {'growth':>7}"
          f" {'then':>6}")
    ratio = lambda g: "" if g is None else "inf" if g == float("inf") else f"{g:.1f}"  # noqa: E731
    for name, context_name, unit, t1, t2, growth, again, flagged in sorted(rows, key=lambda r: (-r[4], r[0])):
        shown = lambda t: ">cap" if t == float("inf") else f"{t * 1000:.1f}ms"  # noqa: E731
        print(f"{name[:56]:56} {context_name:9} {ascii(unit)[:16]:16} {shown(t1):>9} {shown(t2):>9} "
              f"{ratio(growth):>7} {ratio(again):>6}{'  FLAG' if flagged else ''}")
    flagged = sum(r[7] for r in rows)
    print(f"{flagged} flagged (growth over {args.flag:g}x for 4x the input, confirmed at {4 * large}); "
          f"worst confirmed growth {worst:.1f}x")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
