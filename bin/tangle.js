#!/usr/bin/env node
// Entry point for `tangle` and `npm start`: runs the compiled CLI (built by `npm install` via `prepare`).
import { main } from '../dist/cli/main.js';

// `tangle … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv).catch((err) => {
  console.error(err?.message ?? err);
  process.exit(1);
});
