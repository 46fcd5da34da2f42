// One SWC configuration for the build and for jest, derived from tsconfig.base.json so the
// path aliases are declared exactly once.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const workspaceRoot = path.resolve(__dirname, '../..');

function swcOptions({ rewriteAliases }) {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      // Nest resolves constructor dependencies from emitted design-time metadata.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      ...(rewriteAliases ? { baseUrl: workspaceRoot, paths: compilerOptions.paths } : {}),
    },
  };
}

/** Jest moduleNameMapper entries for the same aliases. */
function jestModuleNameMapper() {
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}$`,
      `<rootDir>/${target}`,
    ]),
  );
}

module.exports = { swcOptions, jestModuleNameMapper, workspaceRoot };
