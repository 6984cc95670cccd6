#!/usr/bin/env python3
"""The peer comparison: the same scope questions answered by Cedar (through cedarpy) and by Bailiwick.

    python3 docs/benchmarks/cedar.py [--binary PATH] [--cedarpy VERSION] [--rounds N] [--questions FILE]

Runs `bailiwick bench --export-questions FILE` (the benchmark's questions: every licence and action of
every jurisdiction on three dates, half the facts unknown; the rules behind them; Bailiwick's answer to
each and its time per decision), builds an equivalent Cedar policy set from those rules, installs
cedarpy from PyPI into a temporary virtual environment, and times Cedar's authorizer on the same
questions in one batch and one call at a time. Prints both times, the ratios, and how often the two
agree (Cedar answers allow or deny only: Bailiwick's 'permitted' is compared with allow, any other
answer with deny).

The translation, rule by rule: a permit or forbid policy whose principal is one of the rule's licences
(Technician::"us-wa/lllt"), whose action is one of its actions (or any), whose resource is its
jurisdiction (Matter::"us-wa", or any for a shared rule), with a `when` of its dates, areas, condition
and requirements, and an `unless` of its exceptions' conditions. Facts and the jurisdiction's
parameters on the question's date are in the request's context; a fact the question leaves unknown is
absent, so a policy that reads it errs and does not apply, as a Bailiwick rule that needs it does not
decide. Dates are day numbers.
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import venv

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def cedar_string(text):
    return json.dumps(text)


def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return cedar_string(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(item) for item in v) + "]"
    raise ValueError(f"no Cedar form for {v!r}")


def operand(o):
    if "fact" in o:
        return f"context.facts[{cedar_string(o['fact'])}]"
    if "parameter" in o:
        return f"context.parameters[{cedar_string(o['parameter'])}]"
    return value(o["value"])


COMPARISONS = {"==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def expression(e):
    if "const" in e:
        return "true" if e["const"] else "false"
    if "fact" in e:
        return f"(context.facts[{cedar_string(e['fact'])}] == true)"
    if "not" in e:
        return f"!({expression(e['not'])})"
    if "and" in e:
        return "(" + " && ".join(expression(x) for x in e["and"]) + ")"
    if "or" in e:
        return "(" + " || ".join(expression(x) for x in e["or"]) + ")"
    if "compare" in e:
        op = e["compare"]
        if op in ("in", "not in"):
            test = f"{operand(e['rhs'])}.contains({operand(e['lhs'])})"
            return test if op == "in" else f"!({test})"
        if op == "contains-any":
            return f"{operand(e['lhs'])}.containsAny({operand(e['rhs'])})"
        return f"({operand(e['lhs'])} {COMPARISONS[op]} {operand(e['rhs'])})"
    if "in" in e:
        element, collection = e["in"]
        return f"{operand(collection)}.contains({operand(element)})"
    if "overlaps" in e:
        lhs, rhs = e["overlaps"]
        return f"{operand(lhs)}.containsAny({operand(rhs)})"
    raise ValueError(f"no Cedar form for {e!r}")


def condition_of(rule):
    parts = []
    if rule["from"] is not None:
        parts.append(f"context.date >= {rule['from']}")
    if rule["until"] is not None:
        parts.append(f"context.date <= {rule['until']}")
    if rule["areas"] is not None:
        parts.append(f"{value(rule['areas'])}.contains(context.area)")
    if rule["when"] is not None:
        parts.append(expression(rule["when"]))
    parts += [expression(requirement) for requirement in rule["requires"]]
    return " && ".join(parts) or "true"


def policies(rules):
    exceptions = {}
    for rule in rules:
        for target in rule["exception-to"]:
            exceptions.setdefault(target, []).append(rule)
    texts = []
    for rule in rules:
        licences = ", ".join(f'Technician::{cedar_string(key)}' for key in rule["licenses"])
        action = "action" if rule["actions"] is None else (
            "action in [" + ", ".join(f"Action::{cedar_string(a)}" for a in rule["actions"]) + "]")
        resource = "resource" if rule["jurisdiction"] is None else (
            f"resource == Matter::{cedar_string(rule['jurisdiction'])}")
        text = f'@id({cedar_string(rule["id"])})\n{rule["effect"]}(principal, {action}, {resource})\n'
        text += f"when {{ [{licences}].contains(principal) && {condition_of(rule)} }}"
        if rule["id"] in exceptions:
            text += " unless { " + " || ".join(f"({condition_of(e)})" for e in exceptions[rule["id"]]) + " }"
        texts.append(text + ";")
    return "\n\n".join(texts)


def requests(questions):
    for q in questions:
        yield {
            "principal": f'Technician::{cedar_string(q["license"])}',
            "action": f'Action::{cedar_string(q["action"])}',
            "resource": f'Matter::{cedar_string(q["jurisdiction"])}',
            "context": {"date": q["date"], "area": q["area"] or "", "facts": q["facts"],
                        "parameters": q["parameters"]},
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/bailiwick"))
    parser.add_argument("--cedarpy", default="4.12.2", help="the cedarpy version to install from PyPI")
    parser.add_argument("--rounds", type=int, default=5, help="batches timed (the median is shown)")
    parser.add_argument("--questions", help="an export already made by `bailiwick bench --export-questions`")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        exported = pathlib.Path(arguments.questions) if arguments.questions else work / "questions.json"
        if not arguments.questions:
            subprocess.run([arguments.binary, "bench", "--export-questions", str(exported)], check=True,
                           stdout=subprocess.DEVNULL)
        document = json.loads(exported.read_text())
        policy_text = policies(document["rules"])
        (work / "policies.cedar").write_text(policy_text)
        (work / "requests.json").write_text(json.dumps(list(requests(document["questions"]))))
        (work / "answers.json").write_text(json.dumps([q["bailiwick"] for q in document["questions"]]))

        environment = work / "venv"
        venv.create(environment, with_pip=True)
        python = environment / "bin/python"
        subprocess.run([python, "-m", "pip", "install", "--quiet", f"cedarpy=={arguments.cedarpy}"], check=True)
        runner = work / "run_cedar.py"
        runner.write_text(CEDAR_RUNNER)
        result = subprocess.run([python, runner, str(work), str(arguments.rounds)], check=True,
                                capture_output=True, text=True)
        cedar = json.loads(result.stdout)

    questions = len(document["questions"])
    bailiwick = document["bailiwick-time"]
    decision = bailiwick["decision-median-ns"] / 1e3
    call = bailiwick["call-median-ns"] / 1e3
    print(f"## Cedar (cedarpy {arguments.cedarpy}) and Bailiwick on the same {questions} scope questions")
    print(f"- policies: {len(document['rules'])} rules as Cedar policies; "
          f"{cedar['errors']} of the Cedar answers had a policy that erred (an unknown fact)")
    print(f"- Cedar, one batch: {cedar['batch_us']:.1f} µs per decision")
    print(f"- Cedar, one call per question: {cedar['call_us']:.1f} µs per decision")
    print(f"- Bailiwick, in process: {decision:.3f} µs per decision; {call:.3f} µs per call from ids")
    print(f"- ratio, batch: Cedar takes {cedar['batch_us'] / decision:.0f}× Bailiwick's time per decision")
    print(f"- ratio, per call: Cedar takes {cedar['call_us'] / call:.0f}× Bailiwick's time per call")
    print(f"- agreement: {cedar['agree']} of {questions} answers agree "
          f"(allow = permitted; {cedar['allow']} allowed by Cedar, {cedar['permitted']} permitted by Bailiwick)")


# Runs inside the virtual environment: times cedarpy and compares its answers with Bailiwick's.
CEDAR_RUNNER = r'''
import json, pathlib, statistics, sys, time
from cedarpy import is_authorized, is_authorized_batch, Decision

work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
policies = (work / "policies.cedar").read_text()
requests = json.loads((work / "requests.json").read_text())
answers = json.loads((work / "answers.json").read_text())
entities = []

batch = []
for _ in range(rounds):
    start = time.perf_counter()
    results = is_authorized_batch(requests, policies, entities)
    batch.append((time.perf_counter() - start) / len(requests))
calls = []
for request in requests[: min(len(requests), 200)]:
    start = time.perf_counter()
    is_authorized(request, policies, entities)
    calls.append(time.perf_counter() - start)
allowed = [result.decision == Decision.Allow for result in results]
errors = sum(1 for result in results if result.diagnostics.errors)
agree = sum(1 for allow, answer in zip(allowed, answers) if allow == (answer == "permitted"))
print(json.dumps({
    "batch_us": statistics.median(batch) * 1e6, "call_us": statistics.median(calls) * 1e6,
    "agree": agree, "allow": sum(allowed), "permitted": sum(1 for a in answers if a == "permitted"),
    "errors": errors,
}))
'''

if __name__ == "__main__":
    sys.exit(main())
