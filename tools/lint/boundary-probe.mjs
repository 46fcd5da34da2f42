// Lints source from stdin as if it were the file named in argv[2], with only the module-boundary
// rule, and prints the messages as JSON. Runs outside jest, whose VM can't load eslint.config.mjs.
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chunks = [];
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) chunks.push(chunk);

// The rule reads Nx's cached project graph and silently skips itself without one (a fresh clone).
await createProjectGraphAsync({ exitOnError: true });
const eslint = new ESLint({
  cwd: workspaceRoot,
  // Type information isn't needed for this rule, and the probe file doesn't exist on disk.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === '@nx/enforce-module-boundaries',
});
const [result] = await eslint.lintText(chunks.join(''), { filePath: path.join(workspaceRoot, process.argv[2]) });
process.stdout.write(JSON.stringify(result.messages.map((message) => message.message)));
