// Validates a Teams app manifest against the official JSON schema of its manifestVersion, offline: the schemas ship
// in the npm package @microsoft/app-manifest (installed by `npm ci`), so nothing is fetched.
// Usage: node teams/validate-manifest.mjs <manifest.json | package.zip's extracted manifest>
// Prints each problem and exits 1 when there is any; prints "valid" and exits 0 otherwise.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const path = process.argv[2];
if (!path) {
  console.error('usage: node teams/validate-manifest.mjs <manifest.json>');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(path, 'utf8'));
const version = manifest.manifestVersion;
const packageRoot = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const schemaPath = join(packageRoot, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
if (!existsSync(schemaPath)) {
  console.error(`no official schema for manifestVersion "${version}" in @microsoft/app-manifest`);
  process.exit(1);
}

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

const { AppManifestUtils } = require('@microsoft/app-manifest');
const problems = await AppManifestUtils.validateAgainstSchema(manifest, schema);
for (const problem of problems) {
  console.log(problem);
}

console.log(problems.length === 0 ? `valid against the official v${version} schema` : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
