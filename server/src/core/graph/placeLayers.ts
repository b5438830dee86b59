import type { Hop, Layered, LayerNode } from './layerGraph';

/** Horizontal room between two state boxes in a layer, and beside a label or an edge's bend point. */
const NODE_GAP = 28;
const EDGE_GAP = 14;
/** Up-and-down passes of the placement: each moves nodes towards their neighbours in the layer above, then below. */
const PASSES = 4;

/**
 * Orders each layer left to right, top-down: a node goes where the hops arriving at it come from (the mean of
 * its predecessors' positions, each nudged by the hop's rank among its source's hops, so that a Choice's rules
 * stay in their order, first on the left); nodes nothing leads to keep model order, after the others.
 */
export function orderLayers(layered: Layered): void {
  const { nodes, layers } = layered;
  const position = new Float64Array(nodes.length);
  layers[0]?.forEach((v, i) => (position[v] = i));
  for (let l = 1; l < layers.length; l++) {
    const key = new Map<number, number>();
    for (const v of layers[l]) {
      const hops = nodes[v].in;
      if (hops.length === 0) {
        key.set(v, Infinity);
        continue;
      }
      let sum = 0;
      for (const hop of hops) sum += position[hop.from] + (rank(nodes[hop.from].out, hop) + 1) / (nodes[hop.from].out.length + 1);
      key.set(v, sum / hops.length);
    }
    // Stable: equal keys keep model order (layers list nodes in index order).
    layers[l].sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    layers[l].forEach((v, i) => (position[v] = i));
  }
}

function rank(hops: Hop[], hop: Hop): number {
  let r = 0;
  for (const h of hops) if (h.edge < hop.edge) r++;
  return r;
}

/**
 * The centre x of every layer node: each layer is packed in its order, then PASSES times each layer in turn
 * (down, then up) moves its nodes as near as their gaps allow to the mean x of their neighbours in the layer
 * just done. The best such positions for a layer (least squares, order and gaps kept) are an isotonic regression,
 * solved exactly in linear time by pooling adjacent violators. Bend points weigh more: long edges run straight.
 */
export function placeLayers(layered: Layered): Float64Array {
  const { nodes, layers } = layered;
  const x = new Float64Array(nodes.length);
  const offsets = layers.map((layer) => {
    const o = new Float64Array(layer.length);
    for (let i = 1; i < layer.length; i++) o[i] = o[i - 1] + separation(nodes[layer[i - 1]], nodes[layer[i]]);
    layer.forEach((v, i) => (x[v] = o[i]));
    return o;
  });
  const sweep = (l: number, down: boolean) => {
    const layer = layers[l];
    if (layer.length === 1) {
      // Most layers of a long block hold one node: it goes right under (over) its neighbours' mean.
      const hops = down ? nodes[layer[0]].in : nodes[layer[0]].out;
      if (hops.length === 0) return;
      let sum = 0;
      for (const h of hops) sum += x[down ? h.from : h.to];
      x[layer[0]] = sum / hops.length;
      return;
    }
    const target = new Float64Array(layer.length);
    const weight = new Float64Array(layer.length);
    layer.forEach((v, i) => {
      const hops = down ? nodes[v].in : nodes[v].out;
      if (hops.length === 0) {
        target[i] = x[v];
        weight[i] = 1e-3;
        return;
      }
      let sum = 0;
      for (const h of hops) sum += x[down ? h.from : h.to];
      target[i] = sum / hops.length;
      weight[i] = nodes[v].real === undefined ? 4 : 1;
    });
    const y = isotonic(target.map((t, i) => t - offsets[l][i]), weight);
    layer.forEach((v, i) => (x[v] = y[i] + offsets[l][i]));
  };
  for (let pass = 0; pass < PASSES; pass++) {
    for (let l = 1; l < layers.length; l++) sweep(l, true);
    for (let l = layers.length - 2; l >= 0; l--) sweep(l, false);
  }
  let left = Infinity;
  nodes.forEach((node, v) => (left = Math.min(left, x[v] - node.width / 2)));
  if (Number.isFinite(left)) for (let v = 0; v < nodes.length; v++) x[v] -= left;
  return x;
}

/** The least distance between the centres of two neighbours in a layer. */
function separation(a: LayerNode, b: LayerNode): number {
  const gap = a.real !== undefined && b.real !== undefined ? NODE_GAP : EDGE_GAP;
  return (a.width + b.width) / 2 + gap;
}

/** The non-decreasing sequence nearest to `values` (weighted least squares): pool adjacent violators. */
function isotonic(values: Float64Array, weights: Float64Array): Float64Array {
  const mean: number[] = [];
  const weight: number[] = [];
  const count: number[] = [];
  values.forEach((v, i) => {
    mean.push(v);
    weight.push(weights[i]);
    count.push(1);
    while (mean.length > 1 && mean[mean.length - 2] > mean[mean.length - 1]) {
      const w = weight[weight.length - 2] + weight[weight.length - 1];
      const m = (mean[mean.length - 2] * weight[weight.length - 2] + mean[mean.length - 1] * weight[weight.length - 1]) / w;
      const c = count[count.length - 2] + count[count.length - 1];
      mean.length -= 1;
      weight.length -= 1;
      count.length -= 1;
      mean[mean.length - 1] = m;
      weight[weight.length - 1] = w;
      count[count.length - 1] = c;
    }
  });
  const result = new Float64Array(values.length);
  let i = 0;
  mean.forEach((m, b) => {
    for (let k = 0; k < count[b]; k++) result[i++] = m;
  });
  return result;
}
