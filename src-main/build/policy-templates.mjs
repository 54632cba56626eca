// Writes the machine-policy templates in assets/policy/ from the catalog (src-main/shared/policy-catalog.ts):
// the Group Policy ADMX/ADML, a sample macOS configuration profile and policy.sample.json.
// A unit test (tests/unit/policy/policy-templates.test.ts) fails when the committed files differ from these.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'assets', 'policy');

const bundle = await build({
  entryPoints: [path.join(root, 'src-main/core/policy/templates/policy-templates.ts')],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const source = bundle.outputFiles[0].text;
const { renderPolicyTemplates } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

for (const [name, text] of Object.entries(renderPolicyTemplates())) {
  const file = path.join(output, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`Wrote ${path.relative(root, file)}`);
}
