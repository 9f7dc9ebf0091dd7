// Colour for a stream: chalk, loaded only by the commands that print in colour.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io, OutStream } from './terminal.js';

/**
 * Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on
 * (https://no-color.org, https://force-color.org), FORCE_COLOR=0 (or false)
 * off as Node reads it; --no-color wins over all.
 */
export function colorsFor(stream: OutStream, io: Io): ChalkInstance {
  let enabled = Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') enabled = false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') enabled = false;
  else if (force !== undefined) enabled = true;
  if (!io.colorAllowed) enabled = false;
  return new Chalk({ level: enabled ? 1 : 0 });
}
