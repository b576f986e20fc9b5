"""Regenerates src/cnn/fixtures/empty-inputs.json: inputs with an empty (size-0) dimension, which
the randomized check (scripts/cnn-diff.ts --mutate) found the calculator accepting where PyTorch
refuses them. Run: cd packages/content/scripts/torch && /usr/bin/python3 empty_inputs.py
"""
import json

import torch

import diff_oracle  # noqa: F401 - merges the first layers into the class table
from more_layers import run_layer

C = [
 ("conv1d, empty length", {"type":"conv1d","in_channels":3,"out_channels":1,"kernel_size":1,"padding":1},[3,0]),
 ("conv2d padding same, empty height", {"type":"conv2d","in_channels":2,"out_channels":2,"kernel_size":3,"padding":"same"},[2,0,4]),
 ("conv3d, empty depth", {"type":"conv3d","in_channels":5,"out_channels":1,"kernel_size":[2,3,4],"padding":"same"},[5,0,2,1]),
 ("convtranspose1d, empty length", {"type":"convtranspose1d","in_channels":6,"out_channels":6,"kernel_size":5,"padding":3,"dilation":3,"groups":3},[6,0]),
 ("convtranspose2d, empty width", {"type":"convtranspose2d","in_channels":6,"out_channels":4,"kernel_size":[3,4],"stride":3,"output_padding":2,"groups":2},[6,2,0]),
 ("maxpool1d, empty channels", {"type":"maxpool1d","kernel_size":3,"stride":1,"ceil_mode":True},[0,6]),
 ("avgpool2d, empty height", {"type":"avgpool2d","kernel_size":2},[3,0,4]),
 ("adaptiveavgpool1d, empty length", {"type":"adaptiveavgpool1d","output_size":8},[3,0]),
 ("adaptiveavgpool1d, empty channels pass", {"type":"adaptiveavgpool1d","output_size":3},[0,5]),
 ("adaptiveavgpool2d output 1, empty width passes (mean)", {"type":"adaptiveavgpool2d","output_size":1},[4,3,0]),
 ("adaptiveavgpool3d, empty depth", {"type":"adaptiveavgpool3d","output_size":6},[2,5,0,4]),
 ("adaptiveavgpool3d output 1, empty channels pass (mean)", {"type":"adaptiveavgpool3d","output_size":1},[0,7,8,4]),
 ("adaptivemaxpool2d, empty channels", {"type":"adaptivemaxpool2d","output_size":2},[0,4,4]),
 ("reflectionpad1d, empty channels", {"type":"reflectionpad1d","padding":[2,0]},[0,3]),
 ("replicationpad2d, empty width", {"type":"replicationpad2d","padding":[3,3,0,1]},[4,0]),
 ("upsample nearest, empty channels", {"type":"upsample","scale_factor":1.5,"mode":"nearest"},[0,9]),
 ("upsample area, empty channels pass", {"type":"upsample","scale_factor":0.5,"mode":"area"},[0,4]),
 ("upsamplingbilinear2d, empty height", {"type":"upsamplingbilinear2d","scale_factor":2},[1,0,3]),
 ("lstm, empty sequence", {"type":"lstm","input_size":13,"hidden_size":61,"num_layers":2,"proj_size":12},[0,13]),
 ("gru, empty sequence", {"type":"gru","input_size":4,"hidden_size":5},[0,4]),
 ("rnn, empty sequence", {"type":"rnn","input_size":16,"hidden_size":57,"num_layers":2},[0,16]),
]


if __name__ == "__main__":
    out = [{"note": n, "layer": s, "input": i, **run_layer(s, i)} for n, s, i in C]
    with open("../../src/cnn/fixtures/empty-inputs.json", "w") as f:
        json.dump({"generator": "scripts/torch/empty_inputs.py", "torch": torch.__version__, "cases": out}, f, separators=(",", ":"))
