// Lint rules that protect the architecture (module boundaries) and the async code (no floating
// promises). Typed linting runs over every TypeScript file in the workspace.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const allTypes = ['type:app', 'type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'];
const testFiles = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'];

/** Domain code is plain TypeScript: no framework, ORM, broker or cache client. */
const infrastructurePackages = ['@nestjs/*', 'typeorm', 'kafkajs', 'ioredis', 'pg', 'fastify', 'prom-client', 'pino'];

/**
 * Scopes: a context sees itself and the shared kernel, nothing of another context.
 * Types: dependencies point inwards, towards domain and contracts. Tests may also use testing libs.
 */
function boundaryRule({ inTests }) {
  const types = (...allowed) => (inTests ? [...allowed, 'type:testing'] : allowed);
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    banTransitiveDependencies: false,
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:ingest', 'scope:shared'] },
      { sourceTag: 'scope:pii', onlyDependOnLibsWithTags: ['scope:pii', 'scope:shared'] },
      { sourceTag: 'scope:tickets', onlyDependOnLibsWithTags: ['scope:tickets', 'scope:shared'] },
      { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:analytics', 'scope:shared'] },
      // The redaction worker is the ticket context's second process (DESIGN.md).
      { sourceTag: 'scope:redaction', onlyDependOnLibsWithTags: ['scope:redaction', 'scope:tickets', 'scope:shared'] },
      { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: types('type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:util') },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: types('type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:util') },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: types('type:data-access', 'type:domain', 'type:contracts', 'type:util') },
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: types('type:domain', 'type:util', 'type:contracts'),
        bannedExternalImports: infrastructurePackages,
      },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: types('type:contracts', 'type:util'), bannedExternalImports: infrastructurePackages },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: types('type:util', 'type:contracts') },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: allTypes.filter((t) => t !== 'type:app') },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.nx/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': ['error', boundaryRule({ inTests: false })],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaryRule({ inTests: true })] },
  },
  {
    // Scripts, benchmarks and tests talk to people on the console.
    files: ['tools/**/*.ts', 'bench/**/*.ts', ...testFiles],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
