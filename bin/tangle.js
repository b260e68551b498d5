#!/usr/bin/env node
// Entry point for `tangle` and `npm start`: runs the compiled CLI (built by `npm install` via `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).catch((err) => {
  console.error(err?.message ?? err);
  process.exit(1);
});
