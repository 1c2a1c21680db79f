// Renders teams/manifest.template.json for one bot and zips it with the two icons (no dependencies beyond Node 20).
// Usage: node teams/package.mjs <MicrosoftAppId> [publicHostName] [--out <zip path>]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let out = resolve(here, '..', 'artifacts', 'stretchbot-teams.zip');
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
  out = resolve(args[outIndex + 1] ?? '');
  args.splice(outIndex, 2);
}

const [appId, hostArg] = args;
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
if (!appId || !guid.test(appId)) {
  console.error('usage: ./teams/package.sh <MicrosoftAppId> [publicHostName]');
  console.error(`The Microsoft App Id must be a GUID (from the Azure Bot resource's Configuration page)${appId ? `; got "${appId}"` : ''}.`);
  process.exit(2);
}

let host = hostArg;
if (!host && process.env.Bot__PublicBaseUrl) {
  host = new URL(process.env.Bot__PublicBaseUrl).host;
}
host = host || 'example.com';
if (!/^[a-zA-Z0-9.-]+(:[0-9]+)?$/.test(host)) {
  console.error(`The public host name must be a bare host name like stretchbot.example.org; got "${host}".`);
  process.exit(2);
}

const template = readFileSync(join(here, 'manifest.template.json'), 'utf8');
const manifestText = template
  .replaceAll('{{MICROSOFT_APP_ID}}', appId.toLowerCase())
  .replaceAll('{{PUBLIC_HOST}}', host);
const manifest = JSON.parse(manifestText); // fails loudly if the template stopped being JSON

const files = [
  ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')],
  ['color.png', readFileSync(join(here, 'color.png'))],
  ['outline.png', readFileSync(join(here, 'outline.png'))],
];

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip(files));
console.log(`Teams package: ${out}`);
console.log(`  app id ${manifest.id}, bot ${manifest.bots[0].botId}, links on https://${host}/`);

// A plain ZIP archive with stored (uncompressed) entries: all Teams needs, and nothing to install.
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1; // fixed date: the same input gives the same zip
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }

  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
