#!/usr/bin/env python3
"""PyTorch's answers to exercise variants, in ONE process (scripts/torch-oracle.ts drives it).

    /usr/bin/python3 exercise_oracle.py < variants.json

Reads [{"generator", "params"}, ...] (an exercise variant's name and drawn parameters) and prints,
in the same order, {"params": trainable parameter count, "head_dim": ...} of the module PyTorch
builds from them, or {"error": first line} when PyTorch refuses. The modules are built from the
exercise's own parameters, independently of the layer calculator's JSON specs.

For adam-bias-correction it runs torch.optim.Adam on one float64 weight with the variant's
gradients and prints {"m": exp_avg, "m_hat": ...}. PyTorch does not store m_hat; it is read back
from the last step, taken with beta2 = 0, eps = 0 and lr = 1: the step is then
-m_hat / (sqrt(g_t^2) / 1), so m_hat = -step * |g_t|, bias_correction1 applied by PyTorch itself.
"""
import json
import sys

import torch
import torch.nn as nn

RECURRENT = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def build(generator, p):
    if generator == "rnn-params":
        return RECURRENT[p["cell"]](
            input_size=p["input_size"],
            hidden_size=p["hidden_size"],
            num_layers=p["num_layers"],
            bias=p["bias"] == "true",
            bidirectional=p["bidirectional"] == "true",
        )
    if generator == "multihead-attention":
        return nn.MultiheadAttention(p["embed_dim"], p["num_heads"], bias=p["bias"] == "true")
    raise ValueError(f"no PyTorch oracle for {generator}")


def adam(p):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([w], lr=1.0, betas=(float(p["beta1"]), 0.0), eps=0.0)
    step = 0.0
    for g in p["g"]:
        # The moments do not depend on the weight: restarting it at 0 keeps a zero gradient's
        # 0/0 step (eps = 0) from turning the later steps into NaN.
        with torch.no_grad():
            w.zero_()
        w.grad = torch.tensor([float(g)], dtype=torch.float64)
        opt.step()
        step = w.item()
    return {"m": opt.state[w]["exp_avg"].item(), "m_hat": -step * abs(p["g"][-1])}


def answer(case):
    if case["generator"] == "adam-bias-correction":
        return adam(case["params"])
    try:
        m = build(case["generator"], case["params"])
    except Exception as e:  # PyTorch's refusal is the answer
        return {"error": (str(e).strip().splitlines() or [type(e).__name__])[0]}
    out = {"params": sum(t.numel() for t in m.parameters() if t.requires_grad)}
    if hasattr(m, "head_dim"):
        out["head_dim"] = m.head_dim
    return out


def main():
    print(json.dumps([answer(c) for c in json.load(sys.stdin)]))


if __name__ == "__main__":
    main()
