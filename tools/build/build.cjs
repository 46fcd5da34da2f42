#!/usr/bin/env node
// Compiles every TypeScript file of apps/, libs/, tools/ and bench/ into dist/ with SWC
// (type checking is the separate `typecheck` step). Rewrites @sieve/* aliases to relative paths
// so `node dist/apps/<app>/src/main.js` runs without a loader.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { swcOptions, workspaceRoot } = require('./swc-options.cjs');

const SOURCE_ROOTS = ['apps', 'libs', 'tools', 'bench'];
const SKIPPED = /(\.spec|\.integration-spec|\.e2e-spec|\.d)\.ts$/;
const outRoot = path.join(workspaceRoot, 'dist');

function* typescriptFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* typescriptFiles(full);
    } else if (entry.name.endsWith('.ts') && !SKIPPED.test(entry.name)) {
      yield full;
    }
  }
}

async function main() {
  const started = Date.now();
  const options = swcOptions({ rewriteAliases: true });
  const files = SOURCE_ROOTS.flatMap((root) => [...typescriptFiles(path.join(workspaceRoot, root))]);
  await Promise.all(
    files.map(async (file) => {
      const relative = path.relative(workspaceRoot, file);
      const target = path.join(outRoot, relative.replace(/\.ts$/, '.js'));
      const { code, map } = await swc.transformFile(file, {
        ...options,
        filename: file,
        sourceFileName: path.relative(path.dirname(target), file),
      });
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) await fs.promises.writeFile(`${target}.map`, map);
    }),
  );
  process.stdout.write(`built ${files.length} files into dist/ in ${Date.now() - started} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
