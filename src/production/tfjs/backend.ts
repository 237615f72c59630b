/**
 * Choosing the TensorFlow.js backend: `tensorflow` (the native @tensorflow/tfjs-node, when it is
 * installed and loads), else `wasm` (XNNPACK, SIMD, single-threaded here), else `cpu` (plain
 * JavaScript). `OPTIM_ORACLE_BACKEND` or the CLI's `--backend` override the choice. Production mode
 * is switched on, which silences tfjs's banner and warnings.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { OptionError } from '../../../core/catalogue/errors.js';

/** The backends the project can run on, fastest first. */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;

/** A backend name. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The environment variable that overrides the backend choice. */
export const BACKEND_ENV = 'OPTIM_ORACLE_BACKEND';

let nodeBinding: Promise<boolean> | undefined;

/** Tries once to load @tensorflow/tfjs-node, which registers the `tensorflow` backend. */
function loadNodeBinding(): Promise<boolean> {
  nodeBinding ??= import(/* optional dependency */ '@tensorflow/tfjs-node' as string).then(
    () => tf.findBackendFactory('tensorflow') !== null,
    () => false,
  );
  return nodeBinding;
}

/** The backends present on this machine, fastest first. */
export async function availableBackends(): Promise<BackendName[]> {
  tf.enableProdMode();
  const present: BackendName[] = [];
  if (await loadNodeBinding()) present.push('tensorflow');
  for (const name of ['wasm', 'cpu'] as const) if (tf.findBackendFactory(name) !== null) present.push(name);
  return present;
}

/** True when `name` is a backend name. */
export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/**
 * Makes `requested` (or `$OPTIM_ORACLE_BACKEND`, or the fastest present) the active backend and
 * returns its name; an unknown or absent backend is an error that lists the present ones.
 */
export async function useBackend(requested: string | undefined = process.env[BACKEND_ENV]): Promise<BackendName> {
  const present = await availableBackends();
  const wanted = requested === undefined || requested === '' || requested === 'auto' ? present[0] : requested;
  if (wanted === undefined || !isBackendName(wanted)) {
    throw new OptionError(`unknown backend '${String(requested)}'; known: ${BACKEND_NAMES.join(', ')}, auto`);
  }
  if (!present.includes(wanted)) {
    throw new OptionError(`backend '${wanted}' is not available here; present: ${present.join(', ')}`);
  }
  if (tf.getBackend() !== wanted && !(await tf.setBackend(wanted))) {
    throw new Error(`backend '${wanted}' failed to initialise`);
  }
  await tf.ready();
  return wanted;
}

/** The name of the active backend. */
export function activeBackend(): string {
  return tf.getBackend();
}
