#!/usr/bin/env node
// `hearth-content check|compile <pack-dir>...`: the CLI is TypeScript (scripts/cli.ts), run through tsx.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../scripts/cli.ts', import.meta.url).href);
