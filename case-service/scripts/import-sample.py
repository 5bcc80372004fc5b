#!/usr/bin/env python3
"""Writes a sample import file of historical records (JSON Lines) for measuring POST /imports (docs/import.md).

Usage: import-sample.py LINES [RUN] [CASE_MANAGER] > sample.jsonl
Each group of four lines is a client, an appeal, a case opened on it (assigned, and closed) and a service on
the case, with dates in 2021-2024; external ids carry RUN, so a second file with another RUN imports anew and
the same file again changes nothing. Names are random Cyrillic words, so the duplicate check (which runs) passes
nearly all of them.
"""
import datetime
import json
import random
import sys

LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


def word(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, len(LETTERS))
        s = LETTERS[r] + s
    return s.capitalize()


def rnokpp(rnd):
    nine = [rnd.randrange(10) for _ in range(9)]
    weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7]
    check = sum(d * w for d, w in zip(nine, weights)) % 11 % 10
    return "".join(map(str, nine)) + str(check)


def main():
    lines = int(sys.argv[1])
    run = sys.argv[2] if len(sys.argv) > 2 else "sample"
    manager = sys.argv[3] if len(sys.argv) > 3 else "manager1.poltava"
    rnd = random.Random(run)
    start = datetime.date(2021, 1, 1)
    out = sys.stdout
    written = 0
    i = 0
    while written < lines:
        opened = start + datetime.timedelta(days=rnd.randrange(0, 1300))
        received = opened - datetime.timedelta(days=rnd.randrange(0, 10))
        closed = opened + datetime.timedelta(days=rnd.randrange(20, 200))
        served = opened + datetime.timedelta(days=rnd.randrange(0, (closed - opened).days + 1))
        dob = datetime.date(1940, 1, 1) + datetime.timedelta(days=rnd.randrange(0, 25000))
        c, a, k = f"{run}-c{i}", f"{run}-a{i}", f"{run}-k{i}"
        group = [
            {"kind": "client", "externalId": c, "registeredAt": received.isoformat(), "lastName": word(rnd.randrange(10 ** 9)),
             "firstName": word(rnd.randrange(10 ** 6)), "dateOfBirth": dob.isoformat(), "sex": rnd.choice(["FEMALE", "MALE"]),
             "rnokpp": rnokpp(rnd), "vulnerableGroups": ["INTERNALLY_DISPLACED"]},
            {"kind": "appeal", "externalId": a, "client": c, "receivedAt": received.isoformat(),
             "channel": "IN_PERSON", "needDomains": ["HOUSING", "EMPLOYMENT"]},
            {"kind": "case", "externalId": k, "appeal": a, "openedAt": opened.isoformat(), "model": "BROKERAGE",
             "criteria": ["ADDITIONAL_RESOURCES_NEEDED"], "caseManager": manager,
             "closedAt": closed.isoformat(), "closureReason": "GOALS_ACHIEVED", "outcomeEvaluation": "Цілі досягнуто"},
            {"kind": "service", "externalId": f"{run}-s{i}", "case": k, "category": "LEGAL",
             "deliveredOn": served.isoformat(), "provider": "Центр безоплатної правничої допомоги"},
        ]
        for line in group[: lines - written]:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            written += 1
        i += 1


if __name__ == "__main__":
    main()
