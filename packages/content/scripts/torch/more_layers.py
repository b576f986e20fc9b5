"""Random cases for the layers and arguments added after the first eleven: 1-D/3-D convolutions,
transposed convolutions and pools, normalizations, embeddings, activations, resizing and padding,
attention and recurrent layers; padding_mode, count_include_pad, divisor_override, return_indices,
flatten dims. Imported by gen_fixtures.py; written to src/cnn/fixtures/layers-more.json (classes
and draw weights in more_catalog.py, hand-picked cases in more_edges.py). Same conventions as
gen_fixtures.py: a per-sample input shape, batch 1 added in front (sequence layers: where
batch_first puts it), eval mode without gradients; MACs count weight products only (see macs_of).
"""
import math
import random

import torch
import torch.nn as nn

from more_catalog import CLASSES, GATES, RECURRENT, SEQUENCE, WEIGHTS

SEED = 20261203


def macs_of(m, inp, out):
    if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
        return out.numel() * (m.in_channels // m.groups) * math.prod(m.kernel_size)
    if isinstance(m, (nn.ConvTranspose1d, nn.ConvTranspose2d, nn.ConvTranspose3d)):
        return inp.numel() * (m.out_channels // m.groups) * math.prod(m.kernel_size)
    if isinstance(m, nn.Linear):
        return inp.numel() * m.out_features
    if isinstance(m, nn.MultiheadAttention):  # projections only: L x (3E^2 + E^2)
        steps = inp.shape[1] if m.batch_first else inp.shape[0]
        return steps * (3 * m.embed_dim * m.embed_dim + m.out_proj.in_features * m.out_proj.out_features)
    if isinstance(m, nn.TransformerEncoderLayer):
        steps = inp.shape[1] if m.self_attn.batch_first else inp.shape[0]
        e, f = m.linear1.in_features, m.linear1.out_features
        return steps * (4 * e * e + 2 * e * f)
    if isinstance(m, RECURRENT):
        steps = inp.shape[1] if m.batch_first else inp.shape[0]
        d = 2 if m.bidirectional else 1
        state = m.proj_size or m.hidden_size
        total = 0
        for layer in range(m.num_layers):
            fin = m.input_size if layer == 0 else d * state
            total += d * (GATES[type(m)] * m.hidden_size * (fin + state) + m.proj_size * m.hidden_size)
        return steps * total
    return 0


def first_line(e):
    return str(e).strip().splitlines()[0][:240] if str(e).strip() else type(e).__name__


def run_layer(spec, inp):
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in spec.items() if k != "type"}
    try:
        cls = CLASSES[spec["type"]]
        m = cls(**kwargs)
        m.eval()
        if cls in (nn.MultiheadAttention, nn.TransformerEncoderLayer):
            # Training mode (no dropout in the cases that matter: shapes are the same) keeps
            # PyTorch 1.13 off its inference fast path, which fails without projection biases
            # (a bug of that path; the module itself and later versions accept them).
            m.train()
        if cls is nn.Embedding:
            x = torch.zeros((1, *inp), dtype=torch.long)
        elif cls in SEQUENCE and not spec.get("batch_first", False):
            x = torch.zeros((inp[0], 1, *inp[1:]))
        else:
            x = torch.zeros((1, *inp))
        y = m(x, x, x) if cls is nn.MultiheadAttention else m(x)
        if isinstance(y, tuple):
            y = y[0]
        shape = list(y.shape)
        if cls in SEQUENCE and not spec.get("batch_first", False):
            shape = [shape[0], *shape[2:]]
        else:
            shape = shape[1:]
        return {"output": shape, "params": sum(p.numel() for p in m.parameters()),
                "macs": macs_of(m, x, y)}
    except Exception as e:  # noqa: BLE001 - any PyTorch rejection is recorded
        return {"error": first_line(e)}


def rand_case(r, t):
    def size(lo, hi, n):
        return r.randint(lo, hi) if n == 1 or r.random() < 0.5 else [r.randint(lo, hi) for _ in range(n)]

    def maybe(spec, key, value, p=0.5):
        if r.random() < p:
            spec[key] = value

    def spatial(n, lo=1, hi=24):
        return [r.randint(lo, hi) for _ in range(n)] if r.random() < 0.5 else [r.randint(min(max(lo, 6), hi), hi)] * n

    spec = {"type": t}
    if t in ("conv1d", "conv2d", "conv3d"):
        n = int(t[4])
        g = r.choice([1, 1, 2, 3])
        cin, cout = g * r.randint(1, 4), g * r.randint(1, 4)
        spec.update(in_channels=cin, out_channels=cout, kernel_size=size(1, 5 if n < 3 else 3, n))
        maybe(spec, "stride", size(1, 3, n))
        if r.random() < 0.25:
            spec["padding"] = r.choice(["same", "valid"])
        else:
            maybe(spec, "padding", size(0, 3, n), 0.7)
        maybe(spec, "dilation", size(1, 3, n), 0.3)
        if g > 1 or r.random() < 0.2:
            spec["groups"] = g
        maybe(spec, "bias", r.random() < 0.5, 0.4)
        maybe(spec, "padding_mode", r.choice(["zeros", "reflect", "replicate", "circular"]), 0.6)
        c = cin if r.random() > 0.05 else cin + 1
        return spec, [c, *spatial(n, 1, 30 if n == 1 else 20 if n == 2 else 8)]
    if t in ("convtranspose1d", "convtranspose3d"):
        n = int(t[-2])
        g = r.choice([1, 1, 2, 3])
        cin, cout = g * r.randint(1, 4), g * r.randint(1, 4)
        spec.update(in_channels=cin, out_channels=cout, kernel_size=size(1, 5 if n < 3 else 3, n))
        maybe(spec, "stride", size(1, 3, n))
        maybe(spec, "padding", size(0, 3, n))
        maybe(spec, "output_padding", size(0, 2, n))
        maybe(spec, "dilation", size(1, 3, n), 0.3)
        if g > 1 or r.random() < 0.2:
            spec["groups"] = g
        maybe(spec, "bias", r.random() < 0.5, 0.4)
        maybe(spec, "padding_mode", "zeros", 0.1)
        c = cin if r.random() > 0.05 else cin + 1
        return spec, [c, *spatial(n, 1, 20 if n == 1 else 6)]
    if t == "convtranspose2d":
        spec.update(in_channels=2, out_channels=3, kernel_size=3, stride=2,
                    padding_mode=r.choice(["zeros", "reflect"]), bias=r.random() < 0.5)
        return spec, [2, *spatial(2)]
    if t in ("maxpool1d", "maxpool2d", "avgpool1d", "avgpool2d", "maxpool3d", "avgpool3d"):
        n = int(t[-2])
        spec["kernel_size"] = size(1, 5, n)
        maybe(spec, "stride", size(1, 4, n), 0.6)
        maybe(spec, "padding", size(0, 2, n), 0.6)
        if t.startswith("max"):
            maybe(spec, "dilation", size(1, 3, n), 0.4)
            maybe(spec, "return_indices", r.random() < 0.6, 0.6)
        else:
            maybe(spec, "count_include_pad", r.random() < 0.5, 0.5)
            if n > 1:
                maybe(spec, "divisor_override", r.choice([None, r.randint(-3, 9)]), 0.4)
        maybe(spec, "ceil_mode", r.random() < 0.6, 0.6)
        return spec, [r.randint(1, 6), *spatial(n, 1, 30 if n < 3 else 10)]
    if t in ("adaptiveavgpool1d", "adaptivemaxpool1d"):
        spec["output_size"] = r.randint(1, 12) if r.random() < 0.8 else [r.randint(1, 12)]
        if t == "adaptivemaxpool1d":
            maybe(spec, "return_indices", r.random() < 0.5)
        return spec, [r.randint(1, 8), r.randint(1, 30)]
    if t == "adaptiveavgpool3d":
        o = size(1, 6, 3)
        if isinstance(o, list) and r.random() < 0.3:
            o[r.randint(0, 2)] = None
        spec["output_size"] = o
        return spec, [r.randint(1, 8), *spatial(3, 1, 10)]
    if t == "batchnorm3d":
        c = r.randint(1, 16)
        spec["num_features"] = c
        maybe(spec, "affine", r.random() < 0.5)
        maybe(spec, "track_running_stats", r.random() < 0.5)
        ch = c if r.random() > 0.15 else c + 1
        return spec, [ch, *(spatial(3, 1, 2) if r.random() < 0.5 else spatial(3, 1, 6))]
    if t == "adaptivemaxpool2d":
        o = size(1, 8, 2)
        if isinstance(o, list) and r.random() < 0.3:
            o[r.randint(0, 1)] = None
        spec["output_size"] = o
        maybe(spec, "return_indices", r.random() < 0.5)
        return spec, [r.randint(1, 8), *spatial(2)]
    if t == "linear":
        fin = r.randint(1, 64)
        spec.update(in_features=fin, out_features=r.randint(1, 64))
        maybe(spec, "bias", r.random() < 0.5)
        inp = [r.randint(1, 9) for _ in range(r.randint(0, 2))]
        return spec, [*inp, fin if r.random() > 0.08 else fin + 1]
    if t == "batchnorm2d":
        c = r.randint(1, 16)
        spec["num_features"] = c
        maybe(spec, "affine", r.random() < 0.5)
        maybe(spec, "track_running_stats", r.random() < 0.5)
        ch = c if r.random() > 0.15 else c + 1
        return spec, [ch, *(spatial(2, 1, 3) if r.random() < 0.5 else spatial(2))]
    if t.startswith("instancenorm"):
        n = int(t[-2])
        c = r.randint(1, 16)
        spec["num_features"] = c
        maybe(spec, "affine", r.random() < 0.5)
        maybe(spec, "track_running_stats", r.random() < 0.5)
        ch = c if r.random() > 0.2 else c + 1
        return spec, [ch, *(spatial(n, 1, 2) if r.random() < 0.5 else spatial(n, 1, 6))]
    if t == "batchnorm1d":
        c = r.randint(1, 64)
        spec["num_features"] = c
        maybe(spec, "affine", r.random() < 0.5, 0.3)
        maybe(spec, "eps", 1e-3, 0.2)
        maybe(spec, "momentum", r.choice([None, 0.01]), 0.2)
        maybe(spec, "track_running_stats", r.random() < 0.5, 0.3)
        ch = c if r.random() > 0.15 else c + 1
        return spec, [ch] if r.random() < 0.5 else [ch, r.randint(1, 4)]
    if t == "groupnorm":
        g = r.choice([1, 2, 4, 8, 3])
        c = g * r.randint(1, 8) + (1 if r.random() < 0.1 else 0)
        spec.update(num_groups=g, num_channels=c)
        maybe(spec, "affine", r.random() < 0.5, 0.3)
        maybe(spec, "eps", 1e-6, 0.2)
        ch = c if r.random() > 0.1 else c + 1
        return spec, [ch, *spatial(r.randint(0, 2), 1, r.choice([2, 24]))]
    if t == "layernorm":
        inp = [r.randint(1, 16) for _ in range(r.randint(1, 3))]
        k = r.randint(1, len(inp))
        ns = inp[-k:]
        if r.random() < 0.1:
            ns = [*ns[:-1], ns[-1] + 1]
        spec["normalized_shape"] = ns[0] if k == 1 and r.random() < 0.5 else ns
        maybe(spec, "elementwise_affine", r.random() < 0.5, 0.3)
        maybe(spec, "eps", 1e-6, 0.2)
        return spec, inp
    if t == "embedding":
        num = r.randint(1, 1000)
        spec.update(num_embeddings=num, embedding_dim=r.randint(1, 300))
        maybe(spec, "padding_idx", r.randint(-num - 2, num + 1), 0.3)
        maybe(spec, "max_norm", r.choice([None, 1.0]), 0.2)
        maybe(spec, "scale_grad_by_freq", r.random() < 0.5, 0.1)
        maybe(spec, "sparse", r.random() < 0.5, 0.1)
        return spec, [r.randint(1, 40) for _ in range(r.randint(1, 2))]
    if t.startswith("upsampl"):
        n = 2 if t != "upsample" else r.choice([1, 2, 2, 3])
        scale = lambda: r.choice([2, 2.0, 0.5, 1.5, 1.7, 3, 0.3, 2.25, 1 / 3])  # noqa: E731
        if r.random() < 0.5:
            spec["scale_factor"] = scale() if r.random() < 0.6 else [scale() for _ in range(r.choice([n, n, n + 1]))]
        else:
            spec["size"] = r.randint(1, 40) if r.random() < 0.5 else [r.randint(1, 40) for _ in range(r.choice([n, n, n - 1 or 2]))]
        if r.random() < 0.05:
            spec["size" if "scale_factor" in spec else "scale_factor"] = 2
        if t == "upsample":
            maybe(spec, "mode", r.choice(["nearest", "nearest", "linear", "bilinear", "bilinear", "bicubic", "trilinear", "area", "nearest-exact"]), 0.7)
            if spec.get("mode") in ("linear", "bilinear", "bicubic", "trilinear") or r.random() < 0.05:
                maybe(spec, "align_corners", r.random() < 0.5)
            maybe(spec, "recompute_scale_factor", r.random() < 0.5, 0.2)
        return spec, [r.randint(1, 4), *spatial(n if r.random() > 0.05 else n + 1, 1, 12)]
    if "pad" in t:
        n = 2 if t == "zeropad2d" else int(t[-2])
        lo = -3 if r.random() < 0.3 else 0
        spec["padding"] = r.randint(lo, 4) if r.random() < 0.4 else [r.randint(lo, 4) for _ in range(2 * n)]
        if t.startswith("constant"):
            spec["value"] = r.choice([0.0, 1.5, -1.0])
        rank = r.choice([n, n + 1]) if not t.startswith(("zero", "constant")) else r.randint(n, 4)
        return spec, [r.randint(1, 6) for _ in range(rank)]
    if t in ("pixelshuffle", "pixelunshuffle"):
        f = r.randint(1, 4)
        spec["upscale_factor" if t == "pixelshuffle" else "downscale_factor"] = f
        if t == "pixelshuffle":
            c = f * f * r.randint(1, 4) + (1 if r.random() < 0.15 else 0)
            return spec, [c, r.randint(1, 12), r.randint(1, 12)]
        hw = [f * r.randint(1, 6) + (1 if r.random() < 0.1 else 0) for _ in range(2)]
        return spec, [r.randint(1, 8), *hw]
    if t == "unflatten":
        inp = [r.randint(1, 6) for _ in range(r.randint(1, 3))]
        d = r.randint(1, len(inp))
        a = r.choice([k for k in range(1, inp[d - 1] + 1) if inp[d - 1] % k == 0])
        sizes = [a, inp[d - 1] // a]
        if r.random() < 0.3:
            sizes[r.randint(0, 1)] = -1
        if r.random() < 0.1:
            sizes[0] += 1
        spec.update(dim=d if r.random() < 0.6 else d - len(inp) - 1, unflattened_size=sizes)
        return spec, inp
    if t == "multiheadattention":
        h = r.choice([1, 2, 4, 8, 3])
        e = h * r.randint(1, 16) + (1 if r.random() < 0.1 else 0)
        spec.update(embed_dim=e, num_heads=h)
        maybe(spec, "bias", r.random() < 0.5, 0.3)
        maybe(spec, "add_bias_kv", r.random() < 0.5, 0.3)
        maybe(spec, "add_zero_attn", r.random() < 0.5, 0.2)
        maybe(spec, "batch_first", r.random() < 0.5)
        maybe(spec, "dropout", 0.1, 0.2)
        maybe(spec, "kdim", r.choice([None, e, e + 1]), 0.15)
        maybe(spec, "vdim", r.choice([None, e, e + 2]), 0.15)
        return spec, [r.randint(1, 12), e if r.random() > 0.08 else e + 1]
    if t == "transformerencoderlayer":
        h = r.choice([1, 2, 4, 8])
        e = h * r.randint(1, 12) + (1 if r.random() < 0.1 else 0)
        spec.update(d_model=e, nhead=h)
        maybe(spec, "dim_feedforward", r.randint(1, 128), 0.8)
        maybe(spec, "activation", r.choice(["relu", "gelu"]), 0.3)
        maybe(spec, "batch_first", r.random() < 0.5)
        maybe(spec, "norm_first", r.random() < 0.5, 0.3)
        maybe(spec, "dropout", 0.1, 0.2)
        return spec, [r.randint(1, 12), e if r.random() > 0.08 else e + 1]
    if t in ("rnn", "lstm", "gru"):
        fin, hid = r.randint(1, 64), r.randint(1, 64)
        spec.update(input_size=fin, hidden_size=hid)
        maybe(spec, "num_layers", r.randint(1, 4))
        maybe(spec, "bias", r.random() < 0.5, 0.3)
        maybe(spec, "batch_first", r.random() < 0.5)
        maybe(spec, "bidirectional", r.random() < 0.5)
        maybe(spec, "dropout", r.choice([0.0, 0.2, 0.5]), 0.2)
        if t == "rnn":
            maybe(spec, "nonlinearity", r.choice(["tanh", "relu"]), 0.3)
        if t == "lstm":
            maybe(spec, "proj_size", r.randint(0, hid), 0.4)
        return spec, [r.randint(1, 20), fin if r.random() > 0.08 else fin + 1]
    # shape-preserving layers
    if t == "gelu":
        maybe(spec, "approximate", r.choice(["none", "tanh"]))
    elif t == "leakyrelu":
        maybe(spec, "negative_slope", r.choice([0.01, 0.2, 0.1]))
        maybe(spec, "inplace", r.random() < 0.5, 0.2)
    elif t in ("silu", "relu6", "hardswish", "mish"):
        maybe(spec, "inplace", r.random() < 0.5, 0.2)
    elif t == "elu":
        maybe(spec, "alpha", r.choice([1.0, 0.5]))
    elif t == "softplus":
        maybe(spec, "beta", r.choice([1.0, 2.0]))
        maybe(spec, "threshold", r.choice([20.0, 10.0]))
    elif t == "threshold":
        spec.update(threshold=0.1, value=r.choice([0.0, 20.0]))
    elif t == "hardtanh":
        maybe(spec, "min_val", r.choice([-1.0, 0.0, 2.0]))
        maybe(spec, "max_val", r.choice([1.0, 6.0, 0.0]))
    elif t == "celu":
        maybe(spec, "alpha", r.choice([1.0, 0.5]))
    elif t in ("dropout2d", "dropout", "dropout1d", "dropout3d", "alphadropout", "featurealphadropout"):
        maybe(spec, "p", r.choice([0.0, 0.1, 0.5, 1.0]))
        maybe(spec, "inplace", r.random() < 0.5, 0.2)
    inp = [r.randint(1, 12) for _ in range(r.randint(1, 3) if t != "dropout2d" else 3)]
    if t == "glu":
        maybe(spec, "dim", r.randint(-len(inp) - 1, len(inp)), 0.6)
        inp = [d * 2 if r.random() < 0.7 else d for d in inp]
    if t == "prelu":
        maybe(spec, "num_parameters", r.choice([1, inp[0], inp[0], inp[0] + 1]), 0.7)
        maybe(spec, "init", 0.1, 0.2)
    if t in ("softmax", "logsoftmax", "softmin"):
        maybe(spec, "dim", r.randint(-len(inp) - 2, len(inp) + 1), 0.8)
    elif t == "flatten":
        maybe(spec, "start_dim", r.choice([1, 2, 3, -1, -2, -3]), 0.7)
        maybe(spec, "end_dim", r.choice([1, 2, 3, 4, -1, -2, -3, -5]), 0.7)
        if spec.get("start_dim", 1) in (0, -len(inp) - 1):
            spec["start_dim"] = 1
    return spec, inp


def gen_more(count=7500):
    r = random.Random(SEED)
    cases = []
    for _ in range(count):
        t = r.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        spec, inp = rand_case(r, t)
        cases.append({"layer": spec, "input": inp, **run_layer(spec, inp)})
    return cases


def gen_edge_more():
    from more_edges import EDGE_MORE

    return [{"note": n, "layer": s, "input": i, **run_layer(s, i)} for n, s, i in EDGE_MORE]
