/**
 * A scope's loops: the strongly connected sets of its reachable nodes (Tarjan's algorithm, run
 * iteratively so deep graphs cannot overflow the stack) that contain a back edge of the scope's
 * depth-first search. Each names its first branch point — a Choice, or a node with two or more
 * successors — the state that can leave it; a loop without one never ends.
 */
import type { FlowNode, FlowScope } from "./flow-graph.js";

export interface ScopeLoop {
  readonly nodes: readonly string[];
  /** The first branch point on the loop (the state that can leave it), or undefined when none can. */
  readonly via: string | undefined;
  /** A back edge that closes the loop: `from` names `to` as a successor. */
  readonly backEdge: { readonly from: string; readonly to: string };
}

const isBranchPoint = (n: FlowNode) => n.type === "choice" || new Set(n.next).size > 1;

export function findLoops(reachable: ReadonlySet<string>, succ: (n: string) => string[], back: ReadonlySet<string>, nodes: FlowScope["nodes"], docIndex: ReadonlyMap<string, number>): ScopeLoop[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const sccStack: string[] = [];
  const components: string[][] = [];
  for (const root of reachable) {
    if (index.has(root)) continue;
    const work: { name: string; i: number }[] = [{ name: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    sccStack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const next = succ(top.name);
      if (top.i < next.length) {
        const to = next[top.i++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          sccStack.push(to);
          onStack.add(to);
          work.push({ name: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.name, Math.min(low.get(top.name)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.name;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.name)!));
      }
      if (low.get(top.name) === index.get(top.name)) {
        const comp: string[] = [];
        let n: string;
        do {
          n = sccStack.pop()!;
          onStack.delete(n);
          comp.push(n);
        } while (n !== top.name);
        components.push(comp);
      }
    }
  }
  const loops: ScopeLoop[] = [];
  for (const comp of components) {
    const set = new Set(comp);
    const edge = [...back].map((k) => k.split("\u0000") as [string, string]).find(([from, to]) => set.has(from) && set.has(to));
    if (edge === undefined) continue;
    const sorted = comp.sort((a, b) => docIndex.get(a)! - docIndex.get(b)!);
    const via = sorted.find((n) => isBranchPoint(nodes.get(n)!));
    loops.push({ nodes: sorted, via, backEdge: { from: edge[0], to: edge[1] } });
  }
  return loops.sort((a, b) => docIndex.get(a.nodes[0]!)! - docIndex.get(b.nodes[0]!)!);
}
