#!/usr/bin/env node
// The `hub` command. It runs the TypeScript sources through tsx, so a fresh `npm ci` needs no build step.
require('tsx/cjs');
require('../app/cli.ts').main(process.argv);
