/**
 * An arithmetic that records a formula and evaluates, in another arithmetic, only what an output or
 * a test needs: each operation returns a node, and a node is computed when it is forced, once. The
 * rational stage (./staged.ts) runs on it, so that of Adam's three outputs only the one binary64 left
 * open is computed in exact BigInt arithmetic (the moment m' = β1 m + (1 − β1) g when it is a float32
 * midpoint), not v', √v̂ and θ' beside it.
 *
 * A test (`isZero`, `isNegative`) forces its operand at once, so a formula's branches are taken as the
 * wrapped arithmetic takes them. Forcing walks the graph with an explicit stack: a whole-tensor rule's
 * sum over every element is a chain as long as the tensor.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import { required } from '../core/required.js';
import type { Arithmetic, Enclosure } from './enclosure.js';

/** An operation of the recorded formula: its operands, and how to compute it from their values. */
class Node {
  value: Enclosure | undefined;
  constructor(
    readonly operands: readonly Node[],
    readonly compute: (values: readonly Enclosure[]) => Enclosure,
  ) {}
}

/** The value of `root` in the wrapped arithmetic, computing the nodes it needs that are not yet computed. */
export function force(root: Enclosure): Enclosure {
  const node = root as Node;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Node;
    if (top.value !== undefined) {
      stack.pop();
      continue;
    }
    const pending = top.operands.filter((x) => x.value === undefined);
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    top.value = top.compute(top.operands.map((x) => x.value as Enclosure));
    stack.pop();
  }
  return required(node.value, 'a forced value');
}

/** {@link Arithmetic} `inner`, evaluated only where forced ({@link force}). */
export class LazyArithmetic implements Arithmetic {
  constructor(readonly inner: Arithmetic) {}

  /** A node whose value is `f()` in the wrapped arithmetic (for a value a stage computes its own way). */
  later(f: () => Enclosure): Enclosure {
    return new Node([], f);
  }

  private unary(a: Enclosure, f: (x: Enclosure) => Enclosure): Node {
    return new Node([a as Node], ([x]) => f(x as Enclosure));
  }

  private binary(a: Enclosure, b: Enclosure, f: (x: Enclosure, y: Enclosure) => Enclosure): Node {
    return new Node([a as Node, b as Node], ([x, y]) => f(x as Enclosure, y as Enclosure));
  }

  point(value: Dec | string | number): Enclosure {
    return new Node([], () => this.inner.point(value));
  }
  fromFloat32(x: number): Enclosure {
    return new Node([], () => this.inner.fromFloat32(x));
  }
  add(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (x, y) => this.inner.add(x, y));
  }
  sub(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (x, y) => this.inner.sub(x, y));
  }
  mul(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (x, y) => this.inner.mul(x, y));
  }
  div(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (x, y) => this.inner.div(x, y));
  }
  max(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (x, y) => this.inner.max(x, y));
  }
  powReal(a: Enclosure, y: Enclosure): Enclosure {
    return this.binary(a, y, (x, z) => this.inner.powReal(x, z));
  }
  neg(a: Enclosure): Enclosure {
    return this.unary(a, (x) => this.inner.neg(x));
  }
  abs(a: Enclosure): Enclosure {
    return this.unary(a, (x) => this.inner.abs(x));
  }
  square(a: Enclosure): Enclosure {
    return this.unary(a, (x) => this.inner.square(x));
  }
  sqrt(a: Enclosure): Enclosure {
    return this.unary(a, (x) => this.inner.sqrt(x));
  }
  powInt(a: Enclosure, n: number): Enclosure {
    return this.unary(a, (x) => this.inner.powInt(x, n));
  }
  isZero(a: Enclosure): boolean {
    return this.inner.isZero(force(a));
  }
  isNegative(a: Enclosure): boolean {
    return this.inner.isNegative(force(a));
  }
}
