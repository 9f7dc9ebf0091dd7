// Run before every test file (vitest setupFiles), also when a worker runs
// several files one after the other (the fast tier does not isolate them).
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
