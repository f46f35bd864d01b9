#!/usr/bin/env node
// Runs one TypeScript file through tsx: `node bin/run-ts.js file.ts [args…]`.
require('tsx/cjs');
if (!process.argv[2]) throw new Error('usage: node bin/run-ts.js <file.ts> [args…]');
const script = require('node:path').resolve(process.argv[2]);
process.argv.splice(1, 2, script); // the script sees itself as argv[1] and its own args from argv[2], as under plain node
require(script);
