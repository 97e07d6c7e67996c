#!/usr/bin/env node
// The `jing` command: loads the TypeScript sources through tsx (ADR 0001).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
