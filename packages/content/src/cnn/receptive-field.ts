/**
 * Receptive field of a stack of convolutions and poolings, in input pixels:
 * r = 1 + Σ_i (k_i − 1)·d_i·Π_{j<i} s_j.
 */
export interface ReceptiveFieldStep {
  kernel: number;
  stride: number;
  dilation: number;
}

export interface ReceptiveFieldTrace {
  /** Receptive field after each layer. */
  fields: number[];
  /** Jump (product of earlier strides) each layer sees. */
  jumps: number[];
}

export function receptiveFieldTrace(steps: readonly ReceptiveFieldStep[]): ReceptiveFieldTrace {
  let r = 1;
  let jump = 1;
  const fields: number[] = [];
  const jumps: number[] = [];
  for (const s of steps) {
    jumps.push(jump);
    r += (s.kernel - 1) * s.dilation * jump;
    jump *= s.stride;
    fields.push(r);
  }
  return { fields, jumps };
}

export function receptiveField(steps: readonly ReceptiveFieldStep[]): number {
  return receptiveFieldTrace(steps).fields.at(-1) ?? 1;
}
