#!/usr/bin/env python3
"""Regenerate the CNN golden fixtures from the real PyTorch (Debian's python3-torch 1.13 /
python3-torchvision 0.14). Run with Debian's interpreter, not a pyenv one:

    /usr/bin/python3 packages/content/scripts/torch/gen_fixtures.py

Writes packages/content/src/cnn/fixtures/{layers,layers-more,edge-cases,models}.json (layers-more:
the cases of more_layers.py). Every figure comes from
real modules: output shapes from forward passes on zeros, parameters from `m.parameters()`, and
MACs counted by forward hooks (conv: output elements x in/groups x kh x kw; transposed conv: input
elements x out/groups x kh x kw; linear: input elements x out_features). A config PyTorch rejects
is recorded as {"error": message}; the calculator must reject it too.
"""
import json
import os
import random
from collections import OrderedDict

import torch
import torch.nn as nn

try:  # models.json needs torchvision; the layer fixtures do not
    import torchvision
    from torchvision.models.detection.rpn import RPNHead
except ImportError:
    torchvision = None

from more_layers import gen_edge_more, gen_more

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "cnn", "fixtures")
SEED = 20261104
torch.set_grad_enabled(False)

CLASSES = {
    "conv2d": nn.Conv2d,
    "convtranspose2d": nn.ConvTranspose2d,
    "maxpool2d": nn.MaxPool2d,
    "avgpool2d": nn.AvgPool2d,
    "adaptiveavgpool2d": nn.AdaptiveAvgPool2d,
    "linear": nn.Linear,
    "batchnorm2d": nn.BatchNorm2d,
    "localresponsenorm": nn.LocalResponseNorm,
    "relu": nn.ReLU,
    "dropout": nn.Dropout,
    "flatten": nn.Flatten,
}
TYPE_OF = {cls: name for name, cls in CLASSES.items()}


def macs_of(module, inp, out):
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return out.numel() * (module.in_channels // module.groups) * kh * kw
    if isinstance(module, nn.ConvTranspose2d):
        kh, kw = module.kernel_size
        return inp.numel() * (module.out_channels // module.groups) * kh * kw
    if isinstance(module, nn.Linear):
        return inp.numel() * module.out_features
    return 0


def first_line(e):
    return str(e).strip().splitlines()[0][:240] if str(e).strip() else type(e).__name__


def run_layer(spec, inp):
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in spec.items() if k != "type"}
    try:
        m = CLASSES[spec["type"]](**kwargs)
        m.eval()
        x = torch.zeros((1, *inp))
        y = m(x)
        return {
            "output": list(y.shape[1:]),
            "params": sum(p.numel() for p in m.parameters()),
            "macs": macs_of(m, x, y),
        }
    except Exception as e:  # noqa: BLE001 - any PyTorch rejection is recorded
        return {"error": first_line(e)}


# ---------------------------------------------------------------- random layers
def rand_layer(r):
    def size(lo, hi):
        return r.randint(lo, hi) if r.random() < 0.6 else [r.randint(lo, hi), r.randint(lo, hi)]

    def maybe(spec, key, value, p=0.75):
        if r.random() < p:
            spec[key] = value

    t = r.choices(list(CLASSES), weights=[30, 16, 13, 10, 5, 7, 4, 3, 3, 3, 4])[0]
    hw = [r.randint(1, 40), r.randint(1, 40)] if r.random() < 0.5 else [r.randint(8, 40)] * 2
    spec = {"type": t}
    if t in ("conv2d", "convtranspose2d"):
        g = r.choice([1, 1, 1, 2, 3, 4])
        cin = g * r.randint(1, 6)
        cout = g * r.randint(1, 6)
        if r.random() < 0.05:
            cin += 1
        if r.random() < 0.04:
            cout += 1
        spec.update(in_channels=cin, out_channels=cout, kernel_size=size(1, 7))
        maybe(spec, "stride", size(1, 4))
        if t == "conv2d" and r.random() < 0.12:
            spec["padding"] = r.choice(["same", "valid"])
        else:
            maybe(spec, "padding", size(0, 3))
        maybe(spec, "dilation", size(1, 3), 0.5)
        if g > 1 or r.random() < 0.3:
            spec["groups"] = g
        maybe(spec, "bias", r.random() < 0.5, 0.4)
        if t == "convtranspose2d":
            maybe(spec, "output_padding", size(0, 2), 0.5)
        c = cin if r.random() > 0.05 else cin + 1
        inp = [c, *hw]
    elif t in ("maxpool2d", "avgpool2d"):
        spec["kernel_size"] = size(1, 5)
        maybe(spec, "stride", size(1, 4), 0.6)
        maybe(spec, "padding", size(0, 2), 0.6)
        if t == "maxpool2d":
            maybe(spec, "dilation", size(1, 3), 0.3)
        maybe(spec, "ceil_mode", r.random() < 0.6, 0.6)
        inp = [r.randint(1, 8), *hw]
    elif t == "adaptiveavgpool2d":
        spec["output_size"] = size(1, 8)
        inp = [r.randint(1, 16), *hw]
    elif t == "linear":
        fin, fout = r.randint(1, 600), r.randint(1, 600)
        spec.update(in_features=fin, out_features=fout)
        maybe(spec, "bias", r.random() < 0.5, 0.4)
        inp = [fin if r.random() > 0.06 else fin + r.randint(1, 9)]
    elif t == "batchnorm2d":
        c = r.randint(1, 64)
        spec["num_features"] = c
        inp = [c if r.random() > 0.1 else c + 1, *hw]
    elif t == "localresponsenorm":
        spec["size"] = r.randint(1, 7)
        inp = [r.randint(1, 16), *hw]
    else:
        inp = [r.randint(1, 16), *hw]
    return spec, inp


def gen_layers():
    r = random.Random(SEED)
    cases = []
    for _ in range(1200):
        spec, inp = rand_layer(r)
        cases.append({"layer": spec, "input": inp, **run_layer(spec, inp)})
    return cases


# ---------------------------------------------------------------- hand-picked edge cases
EDGE = [
    ("maxpool ceil_mode: last window would start in the padding, dropped", {"type": "maxpool2d", "kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}, [1, 5, 5]),
    ("maxpool ceil_mode: extra window kept (GoogLeNet 112 -> 56)", {"type": "maxpool2d", "kernel_size": 3, "stride": 2, "ceil_mode": True}, [64, 112, 112]),
    ("maxpool floor mode (112 -> 55)", {"type": "maxpool2d", "kernel_size": 3, "stride": 2}, [64, 112, 112]),
    ("maxpool ceil_mode on an exact fit", {"type": "maxpool2d", "kernel_size": 2, "stride": 2, "ceil_mode": True}, [3, 8, 8]),
    ("maxpool ceil_mode odd input", {"type": "maxpool2d", "kernel_size": 2, "stride": 2, "ceil_mode": True}, [3, 7, 7]),
    ("maxpool ceil_mode with padding 1, k3 s2", {"type": "maxpool2d", "kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, [3, 6, 6]),
    ("avgpool ceil_mode with padding", {"type": "avgpool2d", "kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, [3, 6, 6]),
    ("avgpool ceil_mode last window dropped", {"type": "avgpool2d", "kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}, [2, 9, 9]),
    ("maxpool dilation with ceil_mode", {"type": "maxpool2d", "kernel_size": 3, "stride": 2, "dilation": 2, "ceil_mode": True}, [2, 10, 10]),
    ("maxpool padding more than half the kernel", {"type": "maxpool2d", "kernel_size": 3, "padding": 2}, [1, 8, 8]),
    ("avgpool padding more than half the kernel", {"type": "avgpool2d", "kernel_size": 2, "padding": 2}, [1, 8, 8]),
    ("maxpool kernel larger than input", {"type": "maxpool2d", "kernel_size": 5}, [1, 3, 3]),
    ("conv dilation 2 with padding 2 keeps size", {"type": "conv2d", "in_channels": 4, "out_channels": 8, "kernel_size": 3, "padding": 2, "dilation": 2}, [4, 7, 7]),
    ("conv dilation 3, padding 1, stride 2", {"type": "conv2d", "in_channels": 4, "out_channels": 8, "kernel_size": 3, "padding": 1, "dilation": 3, "stride": 2}, [4, 15, 15]),
    ("conv dilated kernel larger than padded input", {"type": "conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "dilation": 4}, [1, 8, 8]),
    ("conv kernel larger than input", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 5}, [3, 3, 3]),
    ("conv padding same", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 5, "padding": "same"}, [3, 13, 17]),
    ("conv padding same, even kernel and dilation", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 4, "padding": "same", "dilation": 2}, [3, 10, 11]),
    ("conv padding same with stride 2 is rejected", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 3, "padding": "same", "stride": 2}, [3, 10, 10]),
    ("conv padding valid", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 3, "padding": "valid"}, [3, 10, 10]),
    ("conv groups 2 (AlexNet split)", {"type": "conv2d", "in_channels": 96, "out_channels": 256, "kernel_size": 5, "padding": 2, "groups": 2}, [96, 27, 27]),
    ("depthwise conv", {"type": "conv2d", "in_channels": 32, "out_channels": 32, "kernel_size": 3, "padding": 1, "groups": 32}, [32, 56, 56]),
    ("conv in_channels not divisible by groups", {"type": "conv2d", "in_channels": 6, "out_channels": 8, "kernel_size": 3, "groups": 4}, [6, 8, 8]),
    ("conv out_channels not divisible by groups", {"type": "conv2d", "in_channels": 8, "out_channels": 6, "kernel_size": 3, "groups": 4}, [8, 8, 8]),
    ("conv input channels do not match", {"type": "conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 3}, [4, 8, 8]),
    ("conv without bias", {"type": "conv2d", "in_channels": 3, "out_channels": 64, "kernel_size": 7, "stride": 2, "padding": 3, "bias": False}, [3, 224, 224]),
    ("conv asymmetric kernel, stride and padding", {"type": "conv2d", "in_channels": 3, "out_channels": 5, "kernel_size": [1, 7], "stride": [1, 2], "padding": [0, 3]}, [3, 17, 17]),
    ("convtranspose output_padding 1 (7 -> 14)", {"type": "convtranspose2d", "in_channels": 8, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1, "output_padding": 1}, [8, 7, 7]),
    ("convtranspose output_padding equal to stride is rejected", {"type": "convtranspose2d", "in_channels": 8, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1, "output_padding": 2}, [8, 7, 7]),
    ("convtranspose output_padding below dilation with stride 1", {"type": "convtranspose2d", "in_channels": 2, "out_channels": 2, "kernel_size": 3, "dilation": 2, "output_padding": 1}, [2, 5, 5]),
    ("convtranspose FCN-32s upsampling 7 -> 224", {"type": "convtranspose2d", "in_channels": 21, "out_channels": 21, "kernel_size": 64, "stride": 32, "padding": 16, "bias": False}, [21, 7, 7]),
    ("convtranspose groups", {"type": "convtranspose2d", "in_channels": 6, "out_channels": 9, "kernel_size": 3, "stride": 2, "groups": 3}, [6, 5, 5]),
    ("convtranspose padding too large gives no output", {"type": "convtranspose2d", "in_channels": 1, "out_channels": 1, "kernel_size": 2, "padding": 3}, [1, 2, 2]),
    ("adaptive avg pool to a larger output", {"type": "adaptiveavgpool2d", "output_size": [9, 4]}, [3, 5, 3]),
    ("adaptive avg pool to 1x1", {"type": "adaptiveavgpool2d", "output_size": 1}, [512, 7, 7]),
    ("linear input features do not match", {"type": "linear", "in_features": 9216, "out_features": 4096}, [9215]),
    ("linear AlexNet fc6", {"type": "linear", "in_features": 9216, "out_features": 4096}, [9216]),
    ("batchnorm channels do not match", {"type": "batchnorm2d", "num_features": 64}, [32, 8, 8]),
    ("batchnorm parameters (running stats are buffers)", {"type": "batchnorm2d", "num_features": 64}, [64, 8, 8]),
    ("flatten", {"type": "flatten"}, [256, 6, 6]),
    ("local response norm (AlexNet)", {"type": "localresponsenorm", "size": 5, "alpha": 0.0001, "beta": 0.75, "k": 2.0}, [96, 55, 55]),
]


def gen_edge():
    return [{"note": note, "layer": spec, "input": inp, **run_layer(spec, inp)} for note, spec, inp in EDGE]


# ---------------------------------------------------------------- models
class AlexNetOriginal(nn.Module):
    """Krizhevsky et al. 2012: two-GPU split as groups=2, LRN, 96 first-layer filters, 227 input."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(3, 96, 11, stride=4)), ("relu1", nn.ReLU(True)),
            ("norm1", nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=2.0)), ("pool1", nn.MaxPool2d(3, 2)),
            ("conv2", nn.Conv2d(96, 256, 5, padding=2, groups=2)), ("relu2", nn.ReLU(True)),
            ("norm2", nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=2.0)), ("pool2", nn.MaxPool2d(3, 2)),
            ("conv3", nn.Conv2d(256, 384, 3, padding=1)), ("relu3", nn.ReLU(True)),
            ("conv4", nn.Conv2d(384, 384, 3, padding=1, groups=2)), ("relu4", nn.ReLU(True)),
            ("conv5", nn.Conv2d(384, 256, 3, padding=1, groups=2)), ("relu5", nn.ReLU(True)),
            ("pool5", nn.MaxPool2d(3, 2)),
        ]))
        self.classifier = nn.Sequential(OrderedDict([
            ("flatten", nn.Flatten()),
            ("fc6", nn.Linear(9216, 4096)), ("relu6", nn.ReLU(True)), ("drop6", nn.Dropout()),
            ("fc7", nn.Linear(4096, 4096)), ("relu7", nn.ReLU(True)), ("drop7", nn.Dropout()),
            ("fc8", nn.Linear(4096, 1000)),
        ]))

    def forward(self, x):
        return self.classifier(self.features(x))


class FCN(nn.Module):
    """FCN-32s/16s/8s on VGG-16 (Long et al. 2015), padded variant: fc6 is a 7x7 conv with padding 3,
    upsampling by transposed convolutions whose sizes return exactly to the input (no crop)."""

    def __init__(self, variant, num_classes=21):
        super().__init__()
        self.variant = variant
        self.features = torchvision.models.vgg16(weights=None).features
        self.fc6 = nn.Conv2d(512, 4096, 7, padding=3)
        self.relu6 = nn.ReLU(True)
        self.drop6 = nn.Dropout()
        self.fc7 = nn.Conv2d(4096, 4096, 1)
        self.relu7 = nn.ReLU(True)
        self.drop7 = nn.Dropout()
        self.score_fr = nn.Conv2d(4096, num_classes, 1)
        n = num_classes
        if variant == "32s":
            self.upscore = nn.ConvTranspose2d(n, n, 64, stride=32, padding=16, bias=False)
        else:
            self.upscore2 = nn.ConvTranspose2d(n, n, 4, stride=2, padding=1, bias=False)
            self.score_pool4 = nn.Conv2d(512, n, 1)
            if variant == "16s":
                self.upscore16 = nn.ConvTranspose2d(n, n, 32, stride=16, padding=8, bias=False)
            else:
                self.upscore_pool4 = nn.ConvTranspose2d(n, n, 4, stride=2, padding=1, bias=False)
                self.score_pool3 = nn.Conv2d(256, n, 1)
                self.upscore8 = nn.ConvTranspose2d(n, n, 16, stride=8, padding=4, bias=False)

    def head(self, h):
        h = self.drop6(self.relu6(self.fc6(h)))
        h = self.drop7(self.relu7(self.fc7(h)))
        return self.score_fr(h)

    def forward(self, x):
        f = self.features
        if self.variant == "32s":
            return self.upscore(self.head(f(x)))
        pool3 = f[:17](x)
        pool4 = f[17:24](pool3)
        h = self.upscore2(self.head(f[24:](pool4)))
        h = h + self.score_pool4(pool4)
        if self.variant == "16s":
            return self.upscore16(h)
        h = self.upscore_pool4(h)
        h = h + self.score_pool3(pool3)
        return self.upscore8(h)


class RPN(nn.Module):
    def __init__(self, in_channels, num_anchors=9):
        super().__init__()
        self.head = RPNHead(in_channels, num_anchors)

    def forward(self, x):
        logits, boxes = self.head([x])
        return torch.cat([logits[0], boxes[0]], 1)


TV = ["alexnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
      "googlenet", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
      "densenet121", "densenet161", "densenet169", "densenet201"]


def build(name, inp):
    if name == "googlenet":
        return torchvision.models.googlenet(weights=None, aux_logits=False, init_weights=False)
    if name in TV:
        return getattr(torchvision.models, name)(weights=None)
    if name == "alexnet-original":
        return AlexNetOriginal()
    if name.startswith("fcn"):
        return FCN(name[3:])
    if name == "rpn-head":
        return RPN(inp[0])
    raise KeyError(name)


def run_model(name, inp):
    m = build(name, inp)
    m.eval()
    calls = []
    pending = []
    handles = []
    for mod_name, mod in m.named_modules():
        if len(list(mod.children())) > 0 or type(mod) not in TYPE_OF:
            continue
        if name == "rpn-head":
            mod_name = mod_name.removeprefix("head.")

        def pre(mod, args, mod_name=mod_name):
            pending.append(mod_name)

        def post(mod, args, out, mod_name=mod_name):
            pending.pop()
            calls.append([mod_name, TYPE_OF[type(mod)], list(out.shape[1:]),
                          sum(p.numel() for p in mod.parameters()), macs_of(mod, args[0], out)])

        handles.append(mod.register_forward_pre_hook(pre))
        handles.append(mod.register_forward_hook(post))
    result = {"name": name, "input": inp}
    try:
        y = m(torch.zeros((1, *inp)))
        result.update(output=list(y.shape[1:]), params=sum(p.numel() for p in m.parameters()),
                      macs=sum(c[4] for c in calls), layers=calls)
    except Exception as e:  # noqa: BLE001
        result.update(error=first_line(e), error_layer=pending[-1] if pending else None)
    return result


MODEL_CASES = [(n, [3, 224, 224]) for n in TV] + [
    ("alexnet-original", [3, 227, 227]),
    ("fcn32s", [3, 224, 224]), ("fcn16s", [3, 224, 224]), ("fcn8s", [3, 224, 224]),
    ("fcn8s", [3, 320, 480]), ("fcn16s", [3, 250, 250]),
    ("rpn-head", [512, 38, 50]), ("rpn-head", [1024, 14, 14]),
    ("resnet50", [3, 160, 160]), ("resnet18", [3, 32, 32]), ("resnet18", [1, 224, 224]),
    ("vgg16", [3, 32, 32]), ("vgg11", [3, 16, 16]), ("alexnet", [3, 32, 32]), ("alexnet", [3, 63, 63]),
    ("googlenet", [3, 32, 32]), ("googlenet", [3, 15, 15]), ("densenet121", [3, 64, 64]),
    ("densenet121", [3, 16, 16]), ("alexnet-original", [3, 224, 224]), ("alexnet-original", [3, 64, 64]),
    ("resnet152", [3, 299, 299]), ("vgg19_bn", [3, 100, 120]),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    dump = lambda obj, f: json.dump(obj, open(os.path.join(OUT, f), "w"), separators=(",", ":"))  # noqa: E731
    layers = gen_layers()
    dump({"generator": "scripts/torch/gen_fixtures.py", "torch": torch.__version__, "seed": SEED, "cases": layers}, "layers.json")
    edge = gen_edge()
    dump({"torch": torch.__version__, "cases": edge}, "edge-cases.json")
    print(f"layers: {len(layers)} ({sum('error' in c for c in layers)} rejected), edge cases: {len(edge)}")
    more, edge_more = gen_more(), gen_edge_more()
    dump({"generator": "scripts/torch/more_layers.py", "torch": torch.__version__, "cases": more, "edge": edge_more}, "layers-more.json")
    print(f"more layers: {len(more)} ({sum('error' in c for c in more)} rejected), edge: {len(edge_more)}")
    if torchvision is None:
        print("models.json kept as it is: torchvision is not installed (apt install python3-torchvision)")
        return
    models = [run_model(n, i) for n, i in MODEL_CASES]
    dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "models": models}, "models.json")
    print(f"models: {len(models)}")


if __name__ == "__main__":
    main()
