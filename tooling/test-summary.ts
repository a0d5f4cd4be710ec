// Prints the closing lines for the whole workspace from each package's vitest JSON report: every
// failed test or test file with the first line of its error, then
//   tests: 42 passed, 0 failed, 1 skipped
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

const root = join(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing: string[] = [];
const failures: string[] = [];

function firstLine(text: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
  const plain = (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim();
  return plain.split('\n')[0]?.slice(0, 300) ?? '';
}

for (const group of ['packages', 'apps']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const packageJson = join(groupDir, name, 'package.json');
    if (!existsSync(packageJson)) continue;
    if (!JSON.parse(readFileSync(packageJson, 'utf8')).scripts?.test) continue;
    const report = join(groupDir, name, '.vitest-results', 'results.json');
    if (!existsSync(report)) {
      missing.push(`${group}/${name}`);
      continue;
    }
    const result = JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport;
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + result.numTodoTests;
    for (const file of result.testResults ?? []) {
      const where = relative(root, file.name);
      const failedTests = file.assertionResults.filter((test) => test.status === 'failed');
      for (const test of failedTests) {
        failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
      }
      if (file.status === 'failed' && failedTests.length === 0) {
        failed += 1;
        failures.push(`${where} (the file failed outside any test): ${firstLine(file.message)}`);
      }
    }
  }
}
for (const failure of failures) console.log(`FAILED ${failure}`);
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
