// Import boundaries, checked by `pnpm lint:deps` (the first step of `pnpm test`).
// A domain is a folder of subgraphs/ other than kit. Its public face is what its package.json
// `exports` lists (`@shop/<d>`, `@shop/<d>/commands`, `/seed`, ...): the entries are read from there,
// so exporting a file is the one way to make it importable from outside the domain.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const domains = readdirSync(join(__dirname, 'subgraphs')).filter(
  (name) => name !== 'kit' && existsSync(join(__dirname, 'subgraphs', name, 'package.json')),
);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every file a domain's package `exports` points at, as anchored path patterns. */
const entries = domains.flatMap((name) => {
  const manifest = JSON.parse(readFileSync(join(__dirname, 'subgraphs', name, 'package.json'), 'utf8'));
  const targets = typeof manifest.exports === 'string' ? [manifest.exports] : Object.values(manifest.exports ?? {});
  return targets.map((target) => `^${escape(join('subgraphs', name, target))}$`);
});

const domain = `subgraphs/(${domains.join('|')})/`;
const production = '^(gateway/src|subgraphs/[^/]+/src|web-admin)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-through-entries',
      comment:
        "Outside a domain, only the files its package.json `exports` lists may be imported (commands, index, seed, ...): " +
        "never its tables, service or other internals. Reads go through the graph; writes through its commands.",
      severity: 'error',
      from: { path: '^gateway/|^subgraphs/([^/]+)/' },
      to: { path: `^${domain}src/`, pathNot: ['^subgraphs/$1/', ...entries] },
    },
    {
      name: 'domain-by-package-name',
      comment:
        'Another subgraph package (a domain or the kit), and any from tests, is imported by its package name (`@shop/<d>/commands`), ' +
        'not by a relative path into its folder: the package map is the boundary the other rules check.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/|^tests/' },
      to: { path: '^subgraphs/[^/]+/src/', pathNot: '^subgraphs/$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'tests-through-entries',
      comment:
        "Tests outside a domain import it through its package entries, or its test helpers (test/*.ts that are not " +
        'tests), which may reach its internals for it; raw rows are read with SQL.',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: `^${domain}`, pathNot: [...entries, `^${domain}test/(?![^/]*\\.test\\.ts$)[^/]+\\.ts$`] },
    },
    {
      name: 'kit-imports-no-domain',
      comment: 'The kit is shared by every domain and the gateway: it may import neither.',
      severity: 'error',
      from: { path: '^subgraphs/kit/' },
      to: { path: `^(gateway/|${domain})` },
    },
    {
      name: 'console-imports-no-server',
      comment: 'The console talks to the graph over HTTP only; it may use schema/ (the contract), never server code.',
      severity: 'error',
      from: { path: '^web-admin/' },
      to: { path: '^(gateway|subgraphs|tests)/' },
    },
    {
      name: 'production-imports-no-tests',
      comment: 'Production code never depends on tests, fixtures or factories.',
      severity: 'error',
      from: { path: production },
      to: { path: '^(tests/|subgraphs/[^/]+/test/)' },
    },
    {
      name: 'no-test-file-imports',
      comment: 'A test file is run, never imported: shared helpers go in a file of their own.',
      severity: 'error',
      from: {},
      to: { path: '\\.test\\.ts$' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles in production code: a cycle means load order decides what is defined. ' +
        'Move the shared piece into a leaf module both sides import.',
      severity: 'error',
      from: { path: production },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves, so no boundary can be passed by a path the checker cannot follow.',
      severity: 'error',
      from: { path: '^(gateway|subgraphs|tests|web-admin|schema)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next)/' },
    // The root tsconfig plus the console's `@/` alias, so one cruise resolves server and console.
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    // Type-only imports count: a cycle or a boundary crossed for a type is still a dependency to untangle.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // Type-only packages (@graphql-typed-document-node/core, which gql/ imports) name no `main`.
      mainFields: ['main', 'types', 'typings'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
