#!/usr/bin/env node
// The process boundary: everything else lives in dist/ (built from src/).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
