"""A short per-function table of a graded submission, for the terminal."""

from autograder.runner.outcome import CheckResult


def format_table(results: list[CheckResult]) -> str:
    functions = list(dict.fromkeys(r.function for r in results))
    width = max(map(len, [*functions, "function"]))
    lines = [f"{'function':<{width}}  {'score':>11}  failed checks"]
    for function in functions:
        rows = [r for r in results if r.function == function]
        score, points = sum(r.score for r in rows), sum(r.points for r in rows)
        failed = [r.name for r in rows if not r.passed]
        lines.append(f"{function:<{width}}  {score:>5g} / {points:<3g}  {len(failed) or '-'}")
    score, points = sum(r.score for r in results), sum(r.points for r in results)
    lines.append(f"{'total':<{width}}  {score:>5g} / {points:<3g}")
    return "\n".join(lines)
