#!/usr/bin/env node
// The process boundary: everything else lives in dist/ (built from src/).
import { runProcess } from '../dist/main.js';

process.exitCode = await runProcess(process.argv.slice(2));
