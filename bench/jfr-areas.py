#!/usr/bin/env python3
"""Counts a JFR recording's CPU samples by area of the code, and how many of each area's samples are in a
given kind of work. Reads the text of `jfr print --stack-depth 64 --events jdk.ExecutionSample REC.jfr`.

    jfr print --stack-depth 64 --events jdk.ExecutionSample /tmp/rec.jfr > /tmp/rec.txt
    bench/jfr-areas.py /tmp/rec.txt SegmentScan FileExport BulkIngestion ProfileStore

An area is a piece of a frame's name (a class, a method); a sample is in it when any frame of its stack is. The
kind of work (--in, a regular expression over the whole stack) is by default the reflection that Payara's
connection pool does for getObject(int, Class): Class.getDeclaredMethodRecursively and NoSuchMethodException.
"""
import argparse
import re


def samples(path):
    """Each sample's stack as one string, its frames one a line."""
    stack = []
    with open(path, encoding="utf-8") as text:
        for line in text:
            if line.startswith("jdk.ExecutionSample"):
                if stack:
                    yield "".join(stack)
                stack = []
            else:
                stack.append(line)
    if stack:
        yield "".join(stack)


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("recording", help="text of jfr print --events jdk.ExecutionSample")
    options.add_argument("areas", nargs="+", help="pieces of frame names, e.g. SegmentScan")
    options.add_argument("--in", dest="kind", default=r"getDeclaredMethodRecursively|NoSuchMethodException",
                         help="regular expression of the kind of work to count within each area")
    args = options.parse_args()
    kind = re.compile(args.kind)
    total = 0
    per_area = {area: [0, 0] for area in args.areas}
    for stack in samples(args.recording):
        total += 1
        matched = bool(kind.search(stack))
        for area, counts in per_area.items():
            if area in stack:
                counts[0] += 1
                counts[1] += matched
    print(f"{total} samples; within each area, those matching /{args.kind}/")
    print("| area | samples | matching | share |")
    print("| --- | --- | --- | --- |")
    for area, (count, matching) in per_area.items():
        share = 100.0 * matching / count if count else 0.0
        print(f"| {area} | {count} | {matching} | {share:.1f} % |")


if __name__ == "__main__":
    main()
