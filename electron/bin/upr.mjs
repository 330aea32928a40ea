#!/usr/bin/env node
// `upr`: the report workbench from a terminal. Runs the TypeScript sources through tsx, so a
// checkout works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../hosts/cli.ts');
process.exitCode = await main(process.argv.slice(2));
