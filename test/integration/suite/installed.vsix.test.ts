// The packaged extension (`npm run package`), installed from its .vsix into code-server the way
// a user installs it: it is the copy that runs, it carries no node_modules, and it checks a report.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhen, ruleOf } from './helpers';

// The compiled tests live in <project>/out/integration-…/vsix/.
const PROJECT = join(__dirname, '..', '..', '..');

describe('the packaged extension', () => {
  it('is installed from the .vsix, small, and checks fixture 001', async () => {
    const ext = vscode.extensions.getExtension('gouji.gouji');
    assert.ok(ext, 'gouji.gouji is installed');
    assert.ok(!ext.extensionPath.startsWith(PROJECT), `runs from the extensions folder, not the project: ${ext.extensionPath}`);
    assert.ok(existsSync(join(ext.extensionPath, 'dist', 'extension.js')));
    assert.ok(!existsSync(join(ext.extensionPath, 'node_modules')), 'the engine is bundled');
    assert.ok(existsSync(join(ext.extensionPath, 'schemas', 'config.schema.json')));

    // The details page: for users, in Chinese first, with every picture it shows inside the package, and an icon.
    // vsce writes the page given as --readme-path as readme.md.
    const page = readdirSync(ext.extensionPath).find((f) => /^readme\.md$/i.test(f));
    assert.ok(page, 'the details page is packaged');
    const readme = readFileSync(join(ext.extensionPath, page), 'utf8');
    assert.match(readme, /^# 勾稽 Gouji/);
    assert.doesNotMatch(readme.split('\n## ')[0]!, /npm (ci|test)/, 'the page opens with what Gouji does, not with developers’ commands');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 4, images.join(' '));
    for (const image of images) assert.ok(existsSync(join(ext.extensionPath, image)), `${image} is in the .vsix`);
    const icon = join(ext.extensionPath, ext.packageJSON.icon);
    assert.ok(statSync(icon).size > 1000, 'the icon is packaged');
    const png = readFileSync(icon);
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'a PNG of at least 128×128');

    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const target = join(folder, '2024年度部门决算.txt');
    copyFileSync(join(PROJECT, 'test', 'fixtures', 'reports', '001_6a62bd9b783e40ec.txt'), target);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
    assert.equal(doc.languageId, 'fiscal-report');
    const ds = await diagnosticsWhen(doc.uri, (all) => all.some((d) => ruleOf(d) === 'amount-mismatch'));
    const mismatch = ds.find((d) => ruleOf(d) === 'amount-mismatch')!;
    assert.equal(doc.getText(mismatch.range), '7,143,754.56');
  });
});
