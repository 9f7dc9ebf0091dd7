#!/usr/bin/env node
// The process boundary: everything else lives in dist/ (built from src/).
// CommonJS, as dist/meet.cjs is, so that `meet --help` never starts Node's
// ES module loader (scripts/bundle.mjs).
'use strict';

require('../dist/meet.cjs')
  .runProcess(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
