// A record named on the command line (`tasks update --in`, `notice`,
// `approve`): a file inside the meetings folder that the repository loaded
// as a record. A name that is no such record is a usage error (exit 2):
// FORMAT.md gives 2 to a file that cannot be read.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import type { MeetingRecord } from '../model/record.js';
import type { Config } from '../model/schema.js';
import { visible } from '../model/text.js';
import { isInside, toPosix } from './paths.js';

/** The record `given` (relative to `cwd`) names; `label` is how the message names the argument ("--in x.md", "x.md"). */
export function namedRecord(given: string, label: string, root: string, config: Config, records: readonly MeetingRecord[], cwd: string): MeetingRecord {
  const absolute = path.resolve(cwd, given);
  // Said as the clerk would type it from here: a record's path from the current folder.
  const typed = (r: MeetingRecord) => visible(toPosix(path.relative(cwd, path.join(root, r.file))));
  if (!existsSync(absolute)) {
    // `2020-10-26.md` for `2020-10-26-hoi-nghi-thuong-ky-thang-10.md`: the records whose name begins as the one given.
    const stem = path.basename(given).replace(/\.md$/i, '');
    const near = stem.length >= 4 ? records.filter((r) => path.basename(r.file).startsWith(stem)).slice(0, 3) : [];
    throw new UsageError((m) => m.named.noSuchFile(label), near.length > 0 ? (m) => m.named.meant(near.map(typed)) : undefined);
  }
  const meetings = path.join(root, config.paths.meetings);
  const real = realpathSync(absolute);
  if (!isInside(meetings, absolute) && !(existsSync(meetings) && isInside(realpathSync(meetings), real))) {
    const latest = records.reduce<MeetingRecord | undefined>((a, r) => (!a || r.data.date > a.data.date ? r : a), undefined);
    throw new UsageError(
      (m) => m.named.outside(label, visible(config.paths.meetings)),
      (m) => (latest ? m.named.outsideHintWith(typed(latest)) : m.named.outsideHint),
    );
  }
  const file = toPosix(path.relative(root, absolute));
  const record = records.find((r) => r.file === file) ?? records.find((r) => realpathSync(path.join(root, r.file)) === real);
  if (!record)
    throw new UsageError(
      (m) => m.named.notRecord(label),
      (m) => m.named.notRecordHint,
    );
  return record;
}
