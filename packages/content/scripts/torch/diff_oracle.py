#!/usr/bin/env python3
"""PyTorch's answers for a batch of layer cases, in ONE process (scripts/cnn-diff.ts drives it).

    /usr/bin/python3 diff_oracle.py --seed 7 --per-type 300   # generate and answer random cases
    /usr/bin/python3 diff_oracle.py --stdin < cases.json       # answer [{"layer", "input"}, ...]

Prints a JSON array of {"layer", "input", "output", "params", "macs"} or {..., "error"} on stdout.
Random cases: every layer type the calculator knows, drawn by more_layers.rand_case and
gen_fixtures.rand_layer (the fixture generators) plus edge_case below, which biases convolutions,
transposed convolutions and pools towards the corners: kernels larger than the input with padding,
stride larger than the kernel, ceil_mode windows starting in the padding, groups == channels,
dilation with padding, 'same' with even kernels. Same conventions as the fixtures (batch 1 added,
eval mode, MACs = weight products, see more_layers.macs_of).
"""
import argparse
import json
import os
import random
import sys

import torch
import torch.nn as nn

import gen_fixtures
import more_catalog
import more_layers

torch.set_grad_enabled(False)
# One table for both generators: the first eleven layers' classes join the later ones.
more_catalog.CLASSES.update(gen_fixtures.CLASSES)
CLASSES = more_catalog.CLASSES


def edge_case(r, t):
    """A corner-biased case of a conv / transposed conv / pool, or None for other types."""
    def size(lo, hi, n):
        return r.randint(lo, hi) if r.random() < 0.5 else [r.randint(lo, hi) for _ in range(n)]

    spec = {"type": t}
    if t in ("conv1d", "conv2d", "conv3d"):
        n = int(t[4])
        cin = r.randint(1, 6)
        g = r.choice([1, cin, cin, *[d for d in range(1, cin + 1) if cin % d == 0]])
        cout = g * r.randint(1, 3) if r.random() > 0.05 else g * r.randint(1, 3) + 1
        spec.update(in_channels=cin, out_channels=cout, kernel_size=size(1, 7 if n < 3 else 4, n))
        if r.random() < 0.5:
            spec["stride"] = size(1, 6, n)
        pm = r.random()
        if pm < 0.3:
            spec["padding"] = r.choice(["same", "same", "valid"])
        elif pm < 0.9:
            spec["padding"] = size(0, 5, n)
        if r.random() < 0.5:
            spec["dilation"] = size(1, 3, n)
        if g > 1 or r.random() < 0.2:
            spec["groups"] = g
        if r.random() < 0.3:
            spec["bias"] = r.random() < 0.5
        if r.random() < 0.4:
            spec["padding_mode"] = r.choice(["zeros", "reflect", "replicate", "circular"])
        return spec, [cin, *[r.randint(1, 9 if n < 3 else 5) for _ in range(n)]]
    if t.startswith("convtranspose"):
        n = int(t[-2])
        cin = r.randint(1, 6)
        g = r.choice([1, cin, *[d for d in range(1, cin + 1) if cin % d == 0]])
        cout = g * r.randint(1, 3)
        spec.update(in_channels=cin, out_channels=cout, kernel_size=size(1, 6 if n < 3 else 3, n))
        if r.random() < 0.7:
            spec["stride"] = size(1, 5, n)
        if r.random() < 0.7:
            spec["padding"] = size(0, 5, n)
        if r.random() < 0.6:
            spec["output_padding"] = size(0, 3, n)
        if r.random() < 0.5:
            spec["dilation"] = size(1, 3, n)
        if g > 1 or r.random() < 0.2:
            spec["groups"] = g
        if r.random() < 0.3:
            spec["bias"] = r.random() < 0.5
        return spec, [cin, *[r.randint(1, 7 if n < 3 else 4) for _ in range(n)]]
    if t[:7] in ("maxpool", "avgpool"):
        n = int(t[-2])
        spec["kernel_size"] = size(1, 6, n)
        if r.random() < 0.8:
            spec["stride"] = size(1, 7, n)
        if r.random() < 0.8:
            spec["padding"] = size(0, 3, n)
        if t.startswith("max"):
            if r.random() < 0.6:
                spec["dilation"] = size(1, 3, n)
        else:
            if r.random() < 0.5:
                spec["count_include_pad"] = r.random() < 0.5
            if n > 1 and r.random() < 0.3:
                spec["divisor_override"] = r.randint(1, 9)
        if r.random() < 0.8:
            spec["ceil_mode"] = True
        return spec, [r.randint(1, 4), *[r.randint(1, 12 if n < 3 else 7) for _ in range(n)]]
    if t.startswith("adaptive"):
        n = int(t[-2])
        spec["output_size"] = size(1, 12, n)
        return spec, [r.randint(1, 4), *[r.randint(1, 9) for _ in range(n)]]
    return None


def generate(seed, per_type):
    r = random.Random(seed)
    cases = []
    for t in sorted(CLASSES):
        for i in range(per_type):
            got = edge_case(r, t) if i % 2 == 0 else None
            if got is None:
                if t in more_catalog.WEIGHTS:
                    got = more_layers.rand_case(r, t)
                else:
                    while True:  # gen_fixtures.rand_layer draws its own type; keep drawing
                        got = gen_fixtures.rand_layer(r)
                        if got[0]["type"] == t:
                            break
            cases.append({"layer": got[0], "input": got[1]})
    return cases


def mutate(r, case, zero_input=0.1):
    """The case with one integer argument (or one element of it) set to 0, a negative or a
    large value, or one input dimension set to 0: arguments PyTorch mostly refuses."""
    spec, inp = dict(case["layer"]), list(case["input"])
    keys = [k for k, v in spec.items() if k != "type" and not isinstance(v, bool)
            and (isinstance(v, int) or (isinstance(v, list) and v and all(isinstance(x, int) for x in v)))]
    if not keys or r.random() < zero_input:
        inp[r.randrange(len(inp))] = 0
    else:
        k = r.choice(keys)
        bad = r.choice([0, 0, -1, -2, 1, 2, 64])
        if isinstance(spec[k], list):
            v = list(spec[k])
            v[r.randrange(len(v))] = bad
            spec[k] = v
        else:
            spec[k] = bad
    return {"layer": spec, "input": inp}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-type", type=int, default=200)
    ap.add_argument("--stdin", action="store_true")
    ap.add_argument("--mutate", action="store_true", help="break one argument of each case")
    a = ap.parse_args()
    cases = json.load(sys.stdin) if a.stdin else generate(a.seed, a.per_type)
    if a.mutate:
        r = random.Random(a.seed + 1)
        zero = float(os.environ.get("ZERO_INPUT", "0.1"))
        cases = [mutate(r, c, zero) for c in cases]
    out = [{"layer": c["layer"], "input": c["input"], **more_layers.run_layer(c["layer"], c["input"])}
           for c in cases]
    json.dump(out, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
