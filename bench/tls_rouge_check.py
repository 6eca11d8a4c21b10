"""Cross-check of `cargo xtask eval timeline`'s scorer against the `tilse` package.

Reads the timelines the eval wrote (`--out FILE`) and its per-task scores (`--scores FILE`),
scores the same timelines with tilse's TimelineRougeEvaluator (align+ m:1, Perl ROUGE-1.5.5
with stemming and stop words removed, tilse's defaults) and prints both side by side.

    python3 -m venv bench/.venv-tls && bench/.venv-tls/bin/pip install tilse
    apt-get install libxml-dom-perl      # ROUGE-1.5.5 needs XML::DOM
    bench/.venv-tls/bin/python bench/tls_rouge_check.py DATA OUT SCORES
"""
import datetime
import json
import sys

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import rouge


def main(data, out_path, scores_path):
    ours = {}
    with open(scores_path) as f:
        for line in f:
            s = json.loads(line)
            ours[(s["topic"], s["ref_id"])] = s
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"})
    worst = 0.0
    with open(out_path) as f:
        for line in f:
            task = json.loads(line)
            with open(f"{data}/{task['topic']}/timelines/{task['ref_id']}") as rf:
                ref = Timeline.from_file(rf)
            # A separator line after another leaves tilse a day without a date: drop it,
            # as the eval does.
            ref = Timeline({d: s for d, s in ref.dates_to_summaries.items() if d is not None})
            pred = Timeline({
                datetime.datetime.strptime(d["date"], "%Y-%m-%d").date(): d["sentences"]
                for d in task["timeline"]
            })
            res = evaluator.evaluate_align_date_content_costs_many_to_one(pred, GroundTruth([ref]))
            ts = [res[m][k] for m in ("rouge_1", "rouge_2") for k in ("precision", "recall")]
            o = ours[(task["topic"], task["ref_id"])]
            rs = [o["r1_p"], o["r1_r"], o["r2_p"], o["r2_r"]]
            diff = max(abs(a - b) for a, b in zip(ts, rs))
            worst = max(worst, diff)
            print(f"{task['topic']:<22} tilse R1 P/R {ts[0]:.4f}/{ts[1]:.4f} R2 P/R {ts[2]:.4f}/{ts[3]:.4f}"
                  f" | ours {rs[0]:.4f}/{rs[1]:.4f} {rs[2]:.4f}/{rs[3]:.4f} | max diff {diff:.4f}")
    print(f"largest difference in any P or R: {worst:.5f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
