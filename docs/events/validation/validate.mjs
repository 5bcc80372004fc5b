// Validates the AsyncAPI document of the platform's events, offline:
//   1. every $ref points into the document or at a file next to it (nothing is fetched);
//   2. @asyncapi/parser parses it with the $refs resolved from the local files, and reports no error
//      and no warning; the payload files are checked as JSON Schema 2020-12 by Ajv on the way;
//   3. every docs/events/*.schema.json has exactly one message, every message's payload file exists,
//      and a message's name, ce_type, ce_source and payload file agree.
// Usage: node validate.mjs [path/to/asyncapi.yaml]   (default: ../asyncapi.yaml)
// The npm packages pinned by package-lock.json are installed with `npm ci` on the first run into
// $ASYNCAPI_VALIDATOR_HOME (default: $PLATFORM_HOME/asyncapi-validator, PLATFORM_HOME defaulting to
// <repo>/.platform), one directory per lock file; later runs reuse them without the network.
// Exit status: 0 valid, 1 invalid, 2 could not validate (npm missing, install failed).

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..', '..');
const JSON_SCHEMA_2020_12 = 'application/schema+json;version=draft-2020-12';
const META_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const TYPE_PREFIX = 'ua.social.';

const documentPath = path.resolve(process.argv[2] ?? path.join(HERE, '..', 'asyncapi.yaml'));
const eventsDir = path.dirname(documentPath);
const problems = [];

function giveUp(message) {
  console.error(`asyncapi: cannot validate: ${message}`);
  process.exit(2);
}

/** The directory holding node_modules for this package.json + package-lock.json, installed when missing. */
function installedPackages() {
  const manifest = fs.readFileSync(path.join(HERE, 'package.json'));
  const lock = fs.readFileSync(path.join(HERE, 'package-lock.json'));
  const id = createHash('sha256').update(manifest).update(lock).digest('hex').slice(0, 16);
  const platformHome = process.env.PLATFORM_HOME || path.join(REPO, '.platform');
  const home = path.resolve(process.env.ASYNCAPI_VALIDATOR_HOME || path.join(platformHome, 'asyncapi-validator'));
  const dir = path.join(home, id);
  if (fs.existsSync(path.join(dir, 'installed'))) {
    return dir;
  }
  fs.mkdirSync(home, { recursive: true });
  const work = fs.mkdtempSync(path.join(home, 'install-'));
  fs.copyFileSync(path.join(HERE, 'package.json'), path.join(work, 'package.json'));
  fs.copyFileSync(path.join(HERE, 'package-lock.json'), path.join(work, 'package-lock.json'));
  console.log(`asyncapi: installing the validator's npm packages into ${dir} (first run; later runs reuse them)`);
  const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline',
      '--cache', path.join(home, 'npm-cache')],
    { cwd: work, stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60 * 1000 });
  if (npm.error) {
    fs.rmSync(work, { recursive: true, force: true });
    giveUp(`npm could not be run (${npm.error.message}); install Node.js 18.18+ with npm `
      + '(./platform test installs the OS packages nodejs and npm when they are missing)');
  }
  if (npm.status !== 0) {
    fs.rmSync(work, { recursive: true, force: true });
    giveUp(`npm ci failed with status ${npm.status} in ${work} (is the npm registry reachable on this first run?)`);
  }
  fs.writeFileSync(path.join(work, 'installed'), `${new Date().toISOString()}\n`);
  try {
    fs.renameSync(work, dir);
  } catch (e) {
    // another run installed the same packages meanwhile: use theirs
    fs.rmSync(work, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'installed'))) {
      throw e;
    }
  }
  return dir;
}

const require = createRequire(path.join(installedPackages(), 'package.json'));
const { Parser, fromFile, DiagnosticSeverity } = require('@asyncapi/parser');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const yaml = require('js-yaml');

/** The titles of the payload schemas the 2020-12 schema parser checked while the document was parsed. */
const checkedPayloads = new Set();

/** Why a payload is not a valid JSON Schema 2020-12 (empty when it is one). */
function jsonSchema2020Problems(data) {
  if (data === null || typeof data !== 'object') {
    return ['a JSON Schema 2020-12 payload must be an object'];
  }
  const found = [];
  if (data.$schema !== META_2020_12) {
    found.push(`$schema must be ${META_2020_12}, is ${data.$schema}`);
  }
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  try {
    ajv.compile(data);
  } catch (e) {
    found.push(`not a valid JSON Schema 2020-12: ${e.message}`);
  }
  return found;
}

/**
 * Payloads in JSON Schema 2020-12, a format the AsyncAPI 3 spec leaves to implementations. The parser
 * hands every multi-format schema of a 3.x document to parse() (it calls validate() for 2.x documents
 * only), so parse() checks the schema with Ajv's 2020-12 meta-schema and strict mode.
 */
const jsonSchema2020Parser = {
  getMimeTypes: () => [JSON_SCHEMA_2020_12, 'application/schema+yaml;version=draft-2020-12'],
  validate: ({ data, path: at }) => jsonSchema2020Problems(data).map(message => ({ message, path: at })),
  parse({ data, path: at }) {
    for (const p of jsonSchema2020Problems(data)) {
      problems.push(`payload at #/${at.join('/')}: ${p}`);
    }
    checkedPayloads.add(data?.title);
    return data;
  },
};

/** Every $ref in a YAML/JSON tree, with where it stands. */
function refs(node, at, out) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => refs(v, `${at}[${i}]`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        out.push({ ref: v, at });
      } else {
        refs(v, `${at}/${k}`, out);
      }
    }
  }
  return out;
}

/** Step 1: the document and its files reference nothing outside docs/events (the run is offline). */
function checkRefsAreLocal(raw) {
  const seen = new Set();
  const queue = [{ file: documentPath, tree: raw }];
  while (queue.length > 0) {
    const { file, tree } = queue.shift();
    for (const { ref, at } of refs(tree, '#', [])) {
      if (ref.startsWith('#')) {
        continue;
      }
      const where = `${path.relative(eventsDir, file)} ${at}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        problems.push(`${where}: $ref ${ref} is not a local file; the document is validated offline`);
        continue;
      }
      const target = path.resolve(path.dirname(file), ref.split('#')[0]);
      if (!target.startsWith(eventsDir + path.sep)) {
        problems.push(`${where}: $ref ${ref} points outside ${eventsDir}`);
      } else if (!fs.existsSync(target)) {
        problems.push(`${where}: $ref ${ref}: no such file ${target}`);
      } else if (!seen.has(target)) {
        seen.add(target);
        try {
          queue.push({ file: target, tree: yaml.load(fs.readFileSync(target, 'utf8')) });
        } catch (e) {
          problems.push(`${where}: $ref ${ref}: ${target} is not JSON/YAML: ${e.message}`);
        }
      }
    }
  }
}

/** Step 2: the AsyncAPI parser, with the 2020-12 schema parser registered. */
async function parse() {
  const parser = new Parser({ schemaParsers: [jsonSchema2020Parser] });
  const { document, diagnostics } = await fromFile(parser, documentPath).parse();
  const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
  for (const d of diagnostics) {
    const line = `${names[d.severity] ?? d.severity} ${d.code}: ${d.message} at #/${(d.path ?? []).join('/')}`;
    if (d.severity <= DiagnosticSeverity.Warning) {
      problems.push(line);
    } else {
      console.log(`asyncapi: ${line}`);
    }
  }
  if (document === undefined && !diagnostics.some(d => d.severity === DiagnosticSeverity.Error)) {
    problems.push('the parser returned no document');
  }
  return document;
}

/** Step 3: one message per schema file, and each message's parts agree with its file. */
function checkCoverage(raw, parsed) {
  const schemaFiles = fs.readdirSync(eventsDir).filter(f => f.endsWith('.schema.json')).sort();
  const messages = raw?.components?.messages ?? {};
  const messageOf = new Map();
  const inChannels = new Set();
  for (const channel of Object.values(raw?.channels ?? {})) {
    for (const m of Object.values(channel?.messages ?? {})) {
      inChannels.add(m?.$ref);
    }
  }
  for (const [key, m] of Object.entries(messages)) {
    if (!inChannels.has(`#/components/messages/${key}`)) {
      problems.push(`message ${key} is in no channel`);
    }
    const ref = m?.payload?.schema?.$ref;
    if (ref === undefined) {
      continue; // a dead letter: its payload is whatever the original record held
    }
    const where = `message ${key}`;
    if (m.payload.schemaFormat !== JSON_SCHEMA_2020_12) {
      problems.push(`${where}: payload schemaFormat must be ${JSON_SCHEMA_2020_12}`);
    }
    const file = path.resolve(eventsDir, ref);
    if (!fs.existsSync(file)) {
      problems.push(`${where}: payload file ${ref} does not exist`);
      continue;
    }
    const name = path.basename(file);
    if (messageOf.has(name)) {
      problems.push(`${where}: payload ${name} is already the payload of message ${messageOf.get(name)}`);
    }
    messageOf.set(name, key);
    const type = TYPE_PREFIX + name.replace(/\.schema\.json$/, '');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const parts = m?.headers?.allOf ?? [];
    const ceType = parts.map(p => p?.properties?.ce_type?.const).find(Boolean);
    const headerBase = parts.map(p => p?.$ref).find(Boolean);
    const topic = type.slice(TYPE_PREFIX.length).split('.')[0];
    const expectedBase = `#/components/schemas/${topic === 'case' ? 'Case' : 'Referral'}EventHeaders`;
    if (m.name !== type) problems.push(`${where}: name ${m.name}, but its payload ${name} is of type ${type}`);
    if (ceType !== type) problems.push(`${where}: ce_type ${ceType}, but its payload ${name} is of type ${type}`);
    if (schema.title !== type) problems.push(`${where}: ${name} has the title ${schema.title}, not ${type}`);
    if (headerBase !== expectedBase) problems.push(`${where}: headers must build on ${expectedBase}`);
    if (!m?.bindings?.kafka?.key) problems.push(`${where}: no Kafka key`);
  }
  for (const f of schemaFiles) {
    if (!messageOf.has(f)) {
      problems.push(`${f} is the payload of no message in ${path.basename(documentPath)}`);
    } else if (parsed && !checkedPayloads.has(TYPE_PREFIX + f.replace(/\.schema\.json$/, ''))) {
      problems.push(`${f} was not checked as JSON Schema 2020-12 while the document was parsed`);
    }
  }
  return schemaFiles.length;
}

let raw;
try {
  raw = yaml.load(fs.readFileSync(documentPath, 'utf8'));
} catch (e) {
  console.error(`asyncapi: ${documentPath} is not readable YAML: ${e.message}`);
  process.exit(1);
}
checkRefsAreLocal(raw);
let document;
if (problems.length === 0) {
  document = await parse();
}
const files = checkCoverage(raw, document !== undefined);
if (problems.length > 0) {
  const distinct = [...new Set(problems)];
  console.error(`asyncapi: ${documentPath} is not valid (${distinct.length} problem(s)):`);
  for (const p of distinct) {
    console.error(`  - ${p}`);
  }
  process.exit(1);
}
console.log(`asyncapi: ${path.relative(REPO, documentPath)} is valid AsyncAPI ${document.version()}: `
  + `${document.channels().length} channels, ${document.operations().length} operations, `
  + `${document.messages().length} messages, every one of the ${files} event schemas has its message`);
