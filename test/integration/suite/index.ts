// Entry point the extension host loads (extensionTestsPath): runs every *.test.js next to it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  // GOUJI_TEST_GREP runs a subset while working on one feature; CI runs them all.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', grep: process.env.GOUJI_TEST_GREP });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((done) => mocha.run(done));
  if (failures) throw new Error(`${failures} integration test(s) failed`);
}
