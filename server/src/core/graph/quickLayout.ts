import type { Layout } from './graphLayout';
import type { GraphModel } from './graphModel';
import { arrangeLayout } from './layoutGraph';
import { layeredFallback } from './layeredFallback';

/**
 * The first picture, drawn while ELK (a few seconds cold in a fresh worker) works: the same bottom-up blocks as
 * layoutGraph, each laid out without ELK in linear time by layeredFallback. Only the look is rougher (edges may cross
 * boxes); ELK's layout replaces it as soon as it comes.
 */
export function quickLayout(graph: GraphModel): Promise<Layout> {
  return arrangeLayout(graph, layeredFallback);
}
