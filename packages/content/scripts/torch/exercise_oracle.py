#!/usr/bin/env python3
"""PyTorch's answers to exercise variants, in ONE process (scripts/torch-oracle.ts drives it).

    /usr/bin/python3 exercise_oracle.py < variants.json

Reads [{"generator", "params"}, ...] (an exercise variant's name and drawn parameters) and prints,
in the same order, {"params": trainable parameter count, "head_dim": ...} of the module PyTorch
builds from them, or {"error": first line} when PyTorch refuses. The modules are built from the
exercise's own parameters, independently of the layer calculator's JSON specs.
"""
import json
import sys

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


def answer(case):
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
