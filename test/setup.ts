// Run before every test file (vitest setupFiles), also when a worker runs
// several files one after the other (the fast tier does not isolate them).
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

// What the binary does first (runProcess in src/main.ts): a plain copy of
// the environment. The yaml parser reads process.env once per token, and
// each read of the real one is a slow call into the runtime; in-process
// runs of meet, and the tests' own YAML, parse as fast as the binary.
process.env = { ...process.env };

afterAll(removeTempDirs);
