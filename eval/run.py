"""Print entity-linking scores for a labelled corpus: `python eval/run.py [--verbose]`.

A thin command line over `scoring.evaluate`: one row per article and an overall row with
mention true/false positives, false negatives, precision, recall and F1, then quote
attribution accuracy; `--verbose` lists every error with a few words of context.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script from anywhere: scoring.py sits beside it
    sys.path.insert(0, str(HERE))

from scoring import ArticleScore, Counts, LabelError, QuoteCounts, Scores, evaluate  # noqa: E402

from generator.errors import ContentErrors  # noqa: E402

HEADER = f"{'article':<28} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'rec':>6} {'F1':>6}   quotes"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, evaluate, print; 0 on success, 2 when content or labels are invalid."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=HERE / "content",
                        help="content folder (default: eval/content)")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yml",
                        help="labels file (default: eval/labels.yml)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every false positive, false negative and quote error")
    args = parser.parse_args(argv)
    try:
        scores = evaluate(args.content, args.labels)
    except ContentErrors as exc:
        print(exc.format_message(), file=sys.stderr)
        return 2
    except LabelError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 2
    print(report(scores, verbose=args.verbose))
    return 0


def report(scores: Scores, verbose: bool = False) -> str:
    """The table, the quote summary and, if asked, the details, as one text."""
    lines = ["mentions", HEADER, "-" * len(HEADER)]
    lines += [_row(a.article, a.mentions, a.quotes) for a in scores.articles]
    lines += ["-" * len(HEADER), _row("overall", scores.mentions, scores.quotes), ""]
    if scores.quotes is None:
        lines.append(f"quotes: not available ({scores.quotes_unavailable})")
    else:
        q = scores.quotes
        lines.append(f"quotes: attribution accuracy {q.accuracy:.2f} ({q.correct}/{q.total}); "
                     f"{q.missed} missed, {q.wrong_speaker} wrong speaker, "
                     f"{q.spurious} spurious")
    if verbose:
        for article in scores.articles:
            lines += _details(article)
    return "\n".join(lines)


def _row(name: str, counts: Counts, quotes: QuoteCounts | None) -> str:
    quote_cell = "-" if quotes is None else f"{quotes.correct}/{quotes.total}"
    if quotes is not None and quotes.spurious:
        quote_cell += f" +{quotes.spurious} spurious"
    return (f"{name[:28]:<28} {counts.tp:>4} {counts.fp:>4} {counts.fn:>4} "
            f"{counts.precision:>6.2f} {counts.recall:>6.2f} {counts.f1:>6.2f}   {quote_cell}")


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
