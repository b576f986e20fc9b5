"""Random cases for the layers and arguments added in session 7 (1-D/3-D convolutions and pools,
normalizations, embeddings, activations, recurrent layers; padding_mode, count_include_pad,
divisor_override, return_indices, flatten dims). Imported by gen_fixtures.py; written to
src/cnn/fixtures/layers-more.json. Same conventions as gen_fixtures.py: a per-sample input shape,
batch 1 added in front (recurrent layers: where batch_first puts it), MACs as documented there
plus recurrent layers: time steps x sum over layers and directions of gates x hidden x
(layer input + hidden), biases and element-wise gate arithmetic excluded.
"""
import math
import random

import torch
import torch.nn as nn

SEED = 20261203

CLASSES = {
    "conv1d": nn.Conv1d, "conv2d": nn.Conv2d, "conv3d": nn.Conv3d,
    "maxpool1d": nn.MaxPool1d, "maxpool2d": nn.MaxPool2d, "avgpool1d": nn.AvgPool1d,
    "avgpool2d": nn.AvgPool2d, "adaptiveavgpool1d": nn.AdaptiveAvgPool1d,
    "adaptivemaxpool2d": nn.AdaptiveMaxPool2d, "batchnorm1d": nn.BatchNorm1d,
    "groupnorm": nn.GroupNorm, "layernorm": nn.LayerNorm, "embedding": nn.Embedding,
    "identity": nn.Identity, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "gelu": nn.GELU,
    "leakyrelu": nn.LeakyReLU, "silu": nn.SiLU, "softmax": nn.Softmax, "dropout2d": nn.Dropout2d,
    "flatten": nn.Flatten, "convtranspose2d": nn.ConvTranspose2d, "batchnorm2d": nn.BatchNorm2d,
    "linear": nn.Linear, "relu": nn.ReLU, "dropout": nn.Dropout,
    "rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU, "relu6": nn.ReLU6, "elu": nn.ELU,
    "hardswish": nn.Hardswish, "mish": nn.Mish, "softplus": nn.Softplus, "prelu": nn.PReLU,
    "logsoftmax": nn.LogSoftmax, "softmax2d": nn.Softmax2d, "maxpool3d": nn.MaxPool3d,
    "avgpool3d": nn.AvgPool3d, "adaptivemaxpool1d": nn.AdaptiveMaxPool1d,
    "adaptiveavgpool3d": nn.AdaptiveAvgPool3d, "batchnorm3d": nn.BatchNorm3d,
    "upsample": nn.Upsample, "upsamplingnearest2d": nn.UpsamplingNearest2d,
    "upsamplingbilinear2d": nn.UpsamplingBilinear2d, "convtranspose1d": nn.ConvTranspose1d,
    "convtranspose3d": nn.ConvTranspose3d, "zeropad2d": nn.ZeroPad2d,
    "constantpad1d": nn.ConstantPad1d, "constantpad2d": nn.ConstantPad2d,
    "constantpad3d": nn.ConstantPad3d, "reflectionpad1d": nn.ReflectionPad1d,
    "reflectionpad2d": nn.ReflectionPad2d, "reflectionpad3d": nn.ReflectionPad3d,
    "replicationpad1d": nn.ReplicationPad1d, "replicationpad2d": nn.ReplicationPad2d,
    "replicationpad3d": nn.ReplicationPad3d, "pixelshuffle": nn.PixelShuffle,
    "pixelunshuffle": nn.PixelUnshuffle, "unflatten": nn.Unflatten,
    "multiheadattention": nn.MultiheadAttention, "transformerencoderlayer": nn.TransformerEncoderLayer,
    "instancenorm1d": nn.InstanceNorm1d, "instancenorm2d": nn.InstanceNorm2d,
    "instancenorm3d": nn.InstanceNorm3d, "selu": nn.SELU, "celu": nn.CELU,
    "hardsigmoid": nn.Hardsigmoid, "logsigmoid": nn.LogSigmoid, "softsign": nn.Softsign,
    "tanhshrink": nn.Tanhshrink, "threshold": nn.Threshold, "hardtanh": nn.Hardtanh,
    "softmin": nn.Softmin, "glu": nn.GLU, "dropout1d": nn.Dropout1d, "dropout3d": nn.Dropout3d,
    "alphadropout": nn.AlphaDropout, "featurealphadropout": nn.FeatureAlphaDropout,
}
GATES = {nn.RNN: 1, nn.LSTM: 4, nn.GRU: 3}
RECURRENT = tuple(GATES)
SEQUENCE = (*RECURRENT, nn.MultiheadAttention, nn.TransformerEncoderLayer)


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


WEIGHTS = {
    "conv1d": 14, "conv2d": 12, "conv3d": 5, "convtranspose2d": 2,
    "maxpool1d": 8, "maxpool2d": 8, "avgpool1d": 7, "avgpool2d": 8,
    "adaptiveavgpool1d": 3, "adaptivemaxpool2d": 4, "batchnorm1d": 4, "groupnorm": 4,
    "layernorm": 5, "embedding": 4, "identity": 1, "sigmoid": 1, "tanh": 1, "gelu": 2,
    "leakyrelu": 1, "silu": 1, "softmax": 3, "dropout2d": 1, "flatten": 4,
    "rnn": 4, "lstm": 5, "gru": 4, "relu6": 1, "elu": 1, "hardswish": 1, "mish": 1,
    "softplus": 1, "prelu": 3, "logsoftmax": 2, "softmax2d": 2, "maxpool3d": 5, "avgpool3d": 5,
    "adaptivemaxpool1d": 2, "adaptiveavgpool3d": 2, "batchnorm3d": 3, "upsample": 12,
    "upsamplingnearest2d": 2, "upsamplingbilinear2d": 2, "convtranspose1d": 8, "convtranspose3d": 6,
    "zeropad2d": 4, "constantpad1d": 2, "constantpad2d": 2, "constantpad3d": 2, "reflectionpad1d": 3,
    "reflectionpad2d": 4, "reflectionpad3d": 3, "replicationpad1d": 2, "replicationpad2d": 3,
    "replicationpad3d": 2, "pixelshuffle": 3, "pixelunshuffle": 3, "unflatten": 4,
    "multiheadattention": 6, "transformerencoderlayer": 5, "instancenorm1d": 3,
    "instancenorm2d": 4, "instancenorm3d": 3, "selu": 1, "celu": 1, "hardsigmoid": 1,
    "logsigmoid": 1, "softsign": 1, "tanhshrink": 1, "threshold": 1, "hardtanh": 2, "softmin": 2,
    "glu": 3, "dropout1d": 2, "dropout3d": 1, "alphadropout": 1, "featurealphadropout": 1, "batchnorm2d": 3, "linear": 3, "relu": 1, "dropout": 1,
}


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
