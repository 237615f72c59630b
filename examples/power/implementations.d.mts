// Types of implementations.mjs, for the specs and for TypeScript callers.
import type { PresetName } from '../../core/catalogue/index.js';
import type { GateTarget } from '../../src/runs/gate.js';

/** One planted bug: the rule and preset where it shows, and what it does. */
export interface Bug {
  readonly rule: string;
  readonly preset: PresetName;
  readonly what: string;
}

/** One family: its rules with their presets, and its bugs by name. */
export interface Family {
  readonly rules: Readonly<Record<string, readonly PresetName[]>>;
  readonly bugs: Readonly<Record<string, Bug>>;
}

/** The families by name. */
export declare const families: Readonly<Record<'adam' | 'sgd' | 'adaptive', Family>>;

/** Hyperparameters as numbers: the double nearest each decimal text. */
export declare function numbers(hyper: Readonly<Record<string, string>>): Record<string, number>;

/** The in-process gate target of `family`, honest or with one `bug` planted. */
export declare function target(family: string, bug?: string): GateTarget;
