#!/usr/bin/python3
"""Generates benchmark data for the report template: SCALE × (50 indicators, 10 budget lines, 20 risks).

Deterministic (seeded) so every run measures the same work."""
import json, random, sys

SERVICES = ["Family Services", "Education and Skills", "Early Help", "Youth Service", "Libraries"]
WORDS = ("percentage of children looked after placements stability assessments completed within "
         "timescales pupils achieving reading writing maths attendance referrals").split()

def indicator(rng, i):
    result = round(rng.uniform(10, 100), 1)
    return {"ref": f"CES/S{i}", "service": rng.choice(SERVICES),
            "title": " ".join(rng.choice(WORDS) for _ in range(8)).capitalize() + " & trend",
            "polarity": rng.choice(["bigger is better", "smaller is better"]),
            "target": rng.randint(10, 100), "unit": rng.choice(["%", "number"]),
            "result": result if i % 17 else None,
            "previous": round(rng.uniform(10, 100), 1) if i % 5 else None,
            "rag": rng.choice(["G", "GA", "RA", "R"]),
            "benchmark": rng.choice(["", "London 53.5%, National 61.2% (2016/17)", "Statistical neighbours 47%"])}

def main():
    scale = int(sys.argv[1])
    rng = random.Random(2018)
    data = {"report": {"title": "End Of Year 2017/18 Commissioning Plan Performance Report",
                       "report_of": "Councillor David Longstaff – Children, Education & Safeguarding Committee Chairman",
                       "wards": ["All"], "status": "Public",
                       "summary": ["The report provides an annual overview of performance <b>at</b> the end of year."] * 3},
            "budget": [{"service": f"{rng.choice(SERVICES)} line {i}", "revised": rng.randint(100, 60000),
                        "outturn": rng.randint(100, 60000)} for i in range(10 * scale)],
            "indicators": [indicator(rng, i) for i in range(50 * scale)],
            "risks": [{"ref": f"CS{i:03}", "title": "failure to deliver savings", "score": rng.randint(1, 25),
                       **({"owner": "Chris Munday"} if i % 3 else {})} for i in range(20 * scale)]}
    json.dump(data, sys.stdout, ensure_ascii=False)

main()
