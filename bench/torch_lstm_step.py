#!/usr/bin/env python3
"""PyTorch reference for bench/RESULTS.md.

The same shapes as `npm run bench`: LSTM(2 -> 30) + Linear(30 -> 1) on a batch of 64 sequences
of 100 steps, MSE loss, Adam (lr 0.001); one training step (forward, backward, update) and one
forward pass, on ONE CPU thread. Prints the median milliseconds per step.

    python3 bench/torch_lstm_step.py            # human-readable
    python3 bench/torch_lstm_step.py --json     # one JSON line (read by bench/run.mjs)
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F

BATCH, STEPS, FEATURES, UNITS = 64, 100, 2, 30


def timed(step, warmup, runs, steps_per_run):
    for _ in range(warmup):
        step()
    per_step = []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(steps_per_run):
            step()
        per_step.append((time.perf_counter() - started) * 1000 / steps_per_run)
    return statistics.median(per_step), per_step


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--steps-per-run", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(FEATURES, UNITS, batch_first=True)
    head = torch.nn.Linear(UNITS, 1)
    optimizer = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
    x = torch.rand(BATCH, STEPS, FEATURES)
    y = torch.rand(BATCH, 1)

    def train_step():
        optimizer.zero_grad()
        out, _ = lstm(x)
        loss = F.mse_loss(head(out[:, -1]), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    def infer_step():
        with torch.no_grad():
            out, _ = lstm(x)
            return head(out[:, -1]).sum().item()

    train_ms, train_runs = timed(train_step, args.warmup, args.runs, args.steps_per_run)
    infer_ms, infer_runs = timed(infer_step, args.warmup, args.runs, args.steps_per_run)
    if args.json:
        print(json.dumps({
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
            "train_ms": train_ms,
            "infer_ms": infer_ms,
            "train_runs": train_runs,
            "infer_runs": infer_runs,
        }))
    else:
        print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread")
        print(f"train step: {train_ms:.2f} ms/step  (runs: {', '.join(f'{r:.2f}' for r in train_runs)})")
        print(f"inference:  {infer_ms:.2f} ms/step  (runs: {', '.join(f'{r:.2f}' for r in infer_runs)})")


if __name__ == "__main__":
    main()
