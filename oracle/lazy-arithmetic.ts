/**
 * An arithmetic that records a formula and evaluates, in another arithmetic, only what an output or
 * a test needs: each operation returns a node, and a node is computed when it is forced, once. The
 * rational stage (./staged.ts) runs on it, so that of Adam's three outputs only the one binary64 left
 * open is computed in exact BigInt arithmetic (the moment m' = β1 m + (1 − β1) g when it is a float32
 * midpoint), not v', √v̂ and θ' beside it.
 *
 * A test (`isZero`, `isNegative`) is answered at once. With a guide arithmetic (binary64 enclosures,
 * for the exact stages), each node also carries the guide's enclosure of its value, computed when the
 * node is made, and a test is first asked of that; only where the guide cannot tell is the operand
 * forced and the test taken as the wrapped arithmetic takes it. Both arithmetics enclose the same
 * exact value, and each answers a test only where it is certain of it (an exact zero signed as IEEE
 * signs the exact computation, in both), so the branch taken is the same; the guide only spares an
 * exact evaluation. LAMB's trust ratio tests its norms ‖θ‖ and ‖r‖, sums over the whole tensor: asked
 * of binary64, they are not computed in exact rationals when the outputs left open are moments m' and
 * v' (on 4,000 elements drawn as the properties draw them, 152 such outputs per step: 202 -> 123 ms).
 * Forcing walks the graph with an explicit stack: a whole-tensor rule's sum over every element is a
 * chain as long as the tensor.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import { required } from '../core/required.js';
import type { Arithmetic, Enclosure } from './enclosure.js';

/** The guide value of a node the guide arithmetic could not enclose (or has no formula for). */
// Stryker disable next-line StringLiteral: equivalent; a symbol's description is only its name in a debugger.
const UNGUIDED = Symbol('unguided');

/**
 * An operation of the recorded formula: its operands, how to compute it from their values, and the
 * guide arithmetic's enclosure of it, computed when the node is made (UNGUIDED without a guide, for a
 * value computed its own way, or where the guide could not enclose it or one of its operands).
 */
class Node {
  value: Enclosure | undefined;
  constructor(
    readonly operands: readonly Node[],
    readonly compute: (values: readonly Enclosure[]) => Enclosure,
    readonly guided: Enclosure | typeof UNGUIDED = UNGUIDED,
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

/**
 * {@link Arithmetic} `inner`, evaluated only where forced ({@link force}); with a `guide`, tests are
 * asked of the guide's enclosures first (see the module's documentation).
 */
export class LazyArithmetic implements Arithmetic {
  constructor(
    readonly inner: Arithmetic,
    readonly guide?: Arithmetic,
  ) {}

  /** A node whose value is `f()` in the wrapped arithmetic (for a value a stage computes its own way). */
  later(f: () => Enclosure): Enclosure {
    return new Node([], f);
  }

  /** A node computing `f` in the wrapped arithmetic and, with a guide, its guide value at once. */
  private node(operands: readonly Node[], f: (a: Arithmetic, values: readonly Enclosure[]) => Enclosure): Node {
    return new Node(operands, (values) => f(this.inner, values), this.guided(operands, f));
  }

  /** `f` in the guide on the operands' guide values, or UNGUIDED. */
  private guided(
    operands: readonly Node[],
    f: (a: Arithmetic, values: readonly Enclosure[]) => Enclosure,
  ): Enclosure | typeof UNGUIDED {
    const g = this.guide;
    // Stryker disable next-line ConditionalExpression: equivalent; without a guide, f(undefined, ...) throws, which gives UNGUIDED below.
    if (g === undefined) return UNGUIDED;
    const values: Enclosure[] = [];
    for (const x of operands) {
      if (x.guided === UNGUIDED) return UNGUIDED;
      values.push(x.guided);
    }
    let enclosure: Enclosure | typeof UNGUIDED = UNGUIDED;
    try {
      enclosure = f(g, values);
    } catch {
      // The guide could not enclose the operation (a divisor whose enclosure holds 0, say).
    }
    return enclosure;
  }

  private unary(a: Enclosure, f: (ar: Arithmetic, x: Enclosure) => Enclosure): Node {
    return this.node([a as Node], (ar, [x]) => f(ar, x as Enclosure));
  }

  private binary(a: Enclosure, b: Enclosure, f: (ar: Arithmetic, x: Enclosure, y: Enclosure) => Enclosure): Node {
    return this.node([a as Node, b as Node], (ar, [x, y]) => f(ar, x as Enclosure, y as Enclosure));
  }

  point(value: Dec | string | number): Enclosure {
    return this.node([], (ar) => ar.point(value));
  }
  fromFloat32(x: number): Enclosure {
    return this.node([], (ar) => ar.fromFloat32(x));
  }
  add(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (ar, x, y) => ar.add(x, y));
  }
  sub(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (ar, x, y) => ar.sub(x, y));
  }
  mul(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (ar, x, y) => ar.mul(x, y));
  }
  div(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (ar, x, y) => ar.div(x, y));
  }
  max(a: Enclosure, b: Enclosure): Enclosure {
    return this.binary(a, b, (ar, x, y) => ar.max(x, y));
  }
  powReal(a: Enclosure, y: Enclosure): Enclosure {
    return this.binary(a, y, (ar, x, z) => ar.powReal(x, z));
  }
  neg(a: Enclosure): Enclosure {
    return this.unary(a, (ar, x) => ar.neg(x));
  }
  abs(a: Enclosure): Enclosure {
    return this.unary(a, (ar, x) => ar.abs(x));
  }
  square(a: Enclosure): Enclosure {
    return this.unary(a, (ar, x) => ar.square(x));
  }
  sqrt(a: Enclosure): Enclosure {
    return this.unary(a, (ar, x) => ar.sqrt(x));
  }
  powInt(a: Enclosure, n: number): Enclosure {
    return this.unary(a, (ar, x) => ar.powInt(x, n));
  }
  isZero(a: Enclosure): boolean {
    return this.test(a, (ar, x) => ar.isZero(x));
  }
  isNegative(a: Enclosure): boolean {
    return this.test(a, (ar, x) => ar.isNegative(x));
  }

  /** `test` answered by the guide's enclosure of `a` where it tells, else by the wrapped arithmetic on `a` forced. */
  private test(a: Enclosure, test: (ar: Arithmetic, x: Enclosure) => boolean): boolean {
    // Stryker disable next-line ConditionalExpression: equivalent for true; without a guide every node's guide value is UNGUIDED.
    if (this.guide !== undefined) {
      const g = (a as Node).guided;
      if (g !== UNGUIDED) {
        try {
          return test(this.guide, g);
        } catch {
          // The guide cannot tell (its enclosure holds 0): the exact value decides.
        }
      }
    }
    return test(this.inner, force(a));
  }
}
