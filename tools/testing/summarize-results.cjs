// Prints one line per jest suite and the totals, from the --json files tools/test.sh writes.
const fs = require('node:fs');
const path = require('node:path');

const [dir, seconds] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
  const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  console.log(`${path.basename(file, '.json').padEnd(12)} ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}
console.log(`all checks finished in ${seconds}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
