"""The torch.nn classes more_layers.py covers (by spec type) and how often each is drawn."""
import torch.nn as nn

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
