"""Print entity-linking scores for the labelled sets: `python eval/run.py [--verbose]`.

A thin command line over `scoring.evaluate` and `scoring.evaluate_plain_match`. For each set
(the original one in eval/content and the wire-copy one in eval/wire, or one given with
--content and --labels): one row per article, then the overall row, split into headlines and
bodies, the plain-match baseline scored the same way and the margin between them, quote
attribution, and one row per error class the labels are tagged with. `--verbose` lists every
error with a few words of context.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script from anywhere: scoring.py sits beside it
    sys.path.insert(0, str(HERE))

from scoring import (  # noqa: E402
    ArticleScore,
    ClassCounts,
    Counts,
    LabelError,
    QuoteCounts,
    Scores,
    evaluate,
    evaluate_plain_match,
)

from generator.errors import ContentErrors  # noqa: E402

SETS = {
    "original": (HERE / "content", HERE / "labels.yml"),
    "wire": (HERE / "wire" / "content", HERE / "wire" / "labels.yml"),
}
HEADER = f"{'article':<28} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'rec':>6} {'F1':>6}   quotes"
CLASS_HEADER = (f"{'class':<22} {'link':>4} {'found':>5} {'traps':>5} {'held':>4} "
                f"{'prec':>6} {'rec':>6} {'F1':>6}   quotes")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, evaluate, print; 0 on success, 2 when content or labels are invalid."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all",
                        help="which labelled set to score (default: all)")
    parser.add_argument("--content", type=Path, help="score this content folder instead")
    parser.add_argument("--labels", type=Path, help="its labels file (with --content)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every false positive, false negative and quote error")
    args = parser.parse_args(argv)
    if (args.content is None) != (args.labels is None):
        parser.error("--content and --labels go together")
    if args.content is not None:
        chosen = {"given": (args.content, args.labels)}
    else:
        chosen = SETS if args.set == "all" else {args.set: SETS[args.set]}
    texts = []
    for name, (content, labels) in chosen.items():
        try:
            scores = evaluate(content, labels)
            baseline = evaluate_plain_match(content, labels)
        except ContentErrors as exc:
            print(exc.format_message(), file=sys.stderr)
            return 2
        except LabelError as exc:
            print("\n".join(exc.problems), file=sys.stderr)
            return 2
        texts.append(f"== {name} set: {content}\n\n"
                     + report(scores, baseline, verbose=args.verbose))
    print("\n\n".join(texts))
    return 0


def report(scores: Scores, baseline: Scores | None = None, verbose: bool = False) -> str:
    """The tables, the quote summary and, if asked, the details, as one text."""
    lines = ["mentions", HEADER, "-" * len(HEADER)]
    lines += [_row(a.article, a.mentions, a.quotes) for a in scores.articles]
    lines += ["-" * len(HEADER), *_summary("overall", scores)]
    if baseline is not None:
        lines += _summary("plain match", baseline)
        lines.append(f"mention F1 margin over the plain match: "
                     f"{scores.mentions.f1 - baseline.mentions.f1:+.2f}")
    lines.append("")
    if scores.quotes is None:
        lines.append(f"quotes: not available ({scores.quotes_unavailable})")
    else:
        q = scores.quotes
        lines.append(f"quotes: attribution accuracy {q.accuracy:.2f} ({q.correct}/{q.total}); "
                     f"{q.missed} missed, {q.wrong_speaker} wrong speaker, "
                     f"{q.spurious} spurious")
    classes = scores.classes()
    if classes:
        plain = baseline.classes() if baseline is not None else {}
        lines += ["", "per class (link: mentions to link, found; traps: places not to link, "
                  "held)", CLASS_HEADER, "-" * len(CLASS_HEADER)]
        for name, counts in classes.items():
            lines.append(_class_row(name, counts))
            if name in plain and (plain[name].link or plain[name].traps):
                lines.append(_class_row("  plain match", plain[name]))
    if verbose:
        for article in scores.articles:
            lines += _details(article)
    return "\n".join(lines)


def _summary(name: str, scores: Scores) -> list[str]:
    rows = [_row(name, scores.mentions, scores.quotes)]
    titles = scores.part("title")
    if titles.tp + titles.fp + titles.fn:  # only sets that label headlines split the row
        rows += [_row("  headlines", titles, None, quote_cell=""),
                 _row("  bodies", scores.part("body"), None, quote_cell="")]
    return rows


def _row(name: str, counts: Counts, quotes: QuoteCounts | None, quote_cell: str = "-") -> str:
    if quotes is not None:
        quote_cell = f"{quotes.correct}/{quotes.total}"
        if quotes.spurious:
            quote_cell += f" +{quotes.spurious} spurious"
    return (f"{name[:28]:<28} {counts.tp:>4} {counts.fp:>4} {counts.fn:>4} "
            f"{counts.precision:>6.2f} {counts.recall:>6.2f} {counts.f1:>6.2f}   "
            f"{quote_cell}").rstrip()


def _class_row(name: str, counts: ClassCounts) -> str:
    m = counts.mentions
    ratios = (f"{m.precision:>6.2f} {m.recall:>6.2f} {m.f1:>6.2f}" if counts.link + counts.traps
              else f"{'-':>6} {'-':>6} {'-':>6}")  # a class of quotations only
    quotes = f"{counts.quotes_right}/{counts.quotes}" if counts.quotes else ""
    return (f"{name:<22} {counts.link:>4} {counts.found:>5} {counts.traps:>5} {counts.held:>4} "
            f"{ratios}   {quotes}").rstrip()


def _details(article: ArticleScore) -> list[str]:
    if not (article.false_positives or article.false_negatives or article.quote_issues):
        return []
    lines = ["", f"== {article.article}"]
    lines += [f"  FP {m.actor:<24} {m.text!r:<16} {m.context}" for m in article.false_positives]
    lines += [f"  FN {m.actor:<24} {m.text!r:<16} {m.context}" for m in article.false_negatives]
    for issue in article.quote_issues:
        rule = f" [{issue.rule}]" if issue.rule else ""
        lines.append(f"  quote {issue.kind}: “{issue.quote}” expected {issue.expected}, "
                     f"got {issue.got}{rule}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
