// The layering of docs/style.md, as dependency-cruiser rules. `npm run lint:deps` runs them, and
// spec/package/dependencies.spec.ts fails on any error-level violation. Paths are relative to the
// directory depcruise runs in (the repository root; the spec also runs them in a fixture tree).

/** Our own modules (resolved relative imports), as opposed to node builtins and installed packages. */
const ours = { dependencyTypes: ['local'] };

/** A rule: modules under `from` may import, of ours, only modules under `allowed`. */
function importsOnly(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { ...ours, pathNot: `^(${allowed.join('|')})/` },
  };
}

const production = 'src/production';
const registry = 'src/registry';

module.exports = {
  forbidden: [
    importsOnly('core-imports-only-core', 'core/ is the bottom layer: nothing of ours outside core/.', '^core/', [
      'core',
    ]),
    importsOnly('oracle-imports-only-core', 'The exact reference depends on core/ alone.', '^oracle/', [
      'oracle',
      'core',
    ]),
    importsOnly(
      'production-imports-only-core',
      'The float32 production implementation never sees the oracle: only core/.',
      `^${production}/`,
      [production, 'core'],
    ),
    importsOnly('registry-imports-below-it', 'src/registry/ pairs oracle/ with src/production/.', `^${registry}/`, [
      registry,
      production,
      'oracle',
      'core',
    ]),
    importsOnly(
      'gate-imports-below-it',
      'The gate knows the rules and the registry, not the claims, runs or CLI.',
      '^src/gate/',
      ['src/gate', registry, production, 'oracle', 'core'],
    ),
    importsOnly('claims-imports-below-it', 'The claims build on the gate, not on runs or the CLI.', '^src/claims/', [
      'src/claims',
      'src/gate',
      registry,
      production,
      'oracle',
      'core',
    ]),
    {
      name: 'only-bin-imports-cli',
      comment: 'The CLI is the top: only src/cli/ itself, bin/ and tests/benchmarks import it.',
      severity: 'error',
      from: { pathNot: '^(src/cli|bin|spec|bench)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-dist',
      comment: 'dist/ is build output: import the sources.',
      severity: 'error',
      from: { pathNot: '^bin/' },
      to: { path: '^dist/' },
    },
    {
      name: 'no-circular-core-oracle',
      comment: 'core/ and oracle/ have no import cycles.',
      severity: 'error',
      from: { path: '^(core|oracle)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      comment: 'Cycles elsewhere are reported (none today).',
      severity: 'warn',
      from: { pathNot: '^(core|oracle)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would hide its edge from every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'The package ships core/, oracle/ and src/: their imports must be dependencies, not devDependencies.',
      severity: 'error',
      from: { path: '^(core|oracle|src)/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^spec/package/fixtures/' },
    // Type-only imports count: a type from a higher layer is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: `${__dirname}/tsconfig.json` },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
