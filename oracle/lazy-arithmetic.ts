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
 * v' (152 such outputs per step on 4,000 elements drawn as the properties draw them). Forcing walks
 * the graph with an explicit stack: a whole-tensor rule's sum over every element is a chain as long
 * as the tensor.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import { required } from '../core/required.js';
import type { Arithmetic, Enclosure } from './enclosure.js';

/** The guide value of a node the guide arithmetic could not enclose (or has no formula for). */
// Stryker disable next-line StringLiteral: equivalent; a symbol's description is only its name in a debugger.
const UNGUIDED = Symbol('unguided');

/** How a node is computed in an arithmetic from its operands' values there. */
type Operation = (a: Arithmetic, values: readonly Enclosure[]) => Enclosure;

/**
 * An operation of the recorded formula: its operands, how to compute it, the arithmetic it is
 * computed in when forced, and the guide arithmetic's enclosure of it, computed when the node is made
 * (UNGUIDED without a guide, for a value computed its own way, or where the guide could not enclose
 * it or one of its operands).
 */
class Node {
  value: Enclosure | undefined;
  constructor(
    readonly operands: readonly Node[],
    readonly operation: Operation,
    readonly arithmetic: Arithmetic,
    readonly guided: Enclosure | typeof UNGUIDED,
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
    top.value = top.operation(
      top.arithmetic,
      top.operands.map((x) => x.value as Enclosure),
    );
    stack.pop();
  }
  return required(node.value, 'a forced value');
}

// The operations of one and two operands, made once rather than a closure per node.
const ADD: Operation = (a, [x, y]) => a.add(x as Enclosure, y as Enclosure);
const SUB: Operation = (a, [x, y]) => a.sub(x as Enclosure, y as Enclosure);
const MUL: Operation = (a, [x, y]) => a.mul(x as Enclosure, y as Enclosure);
const DIV: Operation = (a, [x, y]) => a.div(x as Enclosure, y as Enclosure);
const MAX: Operation = (a, [x, y]) => a.max(x as Enclosure, y as Enclosure);
const POW_REAL: Operation = (a, [x, y]) => a.powReal(x as Enclosure, y as Enclosure);
const NEG: Operation = (a, [x]) => a.neg(x as Enclosure);
const ABS: Operation = (a, [x]) => a.abs(x as Enclosure);
const SQUARE: Operation = (a, [x]) => a.square(x as Enclosure);
const SQRT: Operation = (a, [x]) => a.sqrt(x as Enclosure);

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
    return new Node([], f, this.inner, UNGUIDED);
  }

  /** A node computing `operation` on `operands`, with its guide value computed at once. */
  private node(operands: readonly Node[], operation: Operation): Node {
    return new Node(operands, operation, this.inner, this.guided(operands, operation));
  }

  /** `operation` in the guide on the operands' guide values, or UNGUIDED. */
  private guided(operands: readonly Node[], operation: Operation): Enclosure | typeof UNGUIDED {
    const g = this.guide;
    // Stryker disable next-line ConditionalExpression: equivalent; without a guide, an operation on undefined throws, which gives UNGUIDED below.
    if (g === undefined) return UNGUIDED;
    const values: Enclosure[] = [];
    for (const x of operands) {
      if (x.guided === UNGUIDED) return UNGUIDED;
      values.push(x.guided);
    }
    let enclosure: Enclosure | typeof UNGUIDED = UNGUIDED;
    try {
      enclosure = operation(g, values);
    } catch {
      // The guide could not enclose the operation (a divisor whose enclosure holds 0, say).
    }
    return enclosure;
  }

  point(value: Dec | string | number): Enclosure {
    return this.node([], (a) => a.point(value));
  }
  fromFloat32(x: number): Enclosure {
    return this.node([], (a) => a.fromFloat32(x));
  }
  add(a: Enclosure, b: Enclosure): Enclosure {
    return this.node([a as Node, b as Node], ADD);
  }
  sub(a: Enclosure, b: Enclosure): Enclosure {
    return this.node([a as Node, b as Node], SUB);
  }
  mul(a: Enclosure, b: Enclosure): Enclosure {
    return this.node([a as Node, b as Node], MUL);
  }
  div(a: Enclosure, b: Enclosure): Enclosure {
    return this.node([a as Node, b as Node], DIV);
  }
  max(a: Enclosure, b: Enclosure): Enclosure {
    return this.node([a as Node, b as Node], MAX);
  }
  powReal(a: Enclosure, y: Enclosure): Enclosure {
    return this.node([a as Node, y as Node], POW_REAL);
  }
  neg(a: Enclosure): Enclosure {
    return this.node([a as Node], NEG);
  }
  abs(a: Enclosure): Enclosure {
    return this.node([a as Node], ABS);
  }
  square(a: Enclosure): Enclosure {
    return this.node([a as Node], SQUARE);
  }
  sqrt(a: Enclosure): Enclosure {
    return this.node([a as Node], SQRT);
  }
  powInt(a: Enclosure, n: number): Enclosure {
    return this.node([a as Node], (ar, [x]) => ar.powInt(x as Enclosure, n));
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
