// Every message meet prints, in English. The shape of this object is the
// catalogue's type (Messages): vi.ts must have exactly the same keys, and
// test/messages.test.ts checks that at run time too. Adding a message is one
// entry here and one in vi.ts, in the same group (the command line's: in
// en.cli.ts and vi.cli.ts).
//
// Plain strings for fixed text; functions for text with values, which take
// what they need and format numbers, dates and plurals through ../format.ts.
import { counted, englishMonthName, formatDate, formatMonth, formatNumber } from '../format.js';
import type { IsoDate, Month } from '../dates.js';
import { RULES, type RuleId } from '../ruleCatalogue.js';
import { enCommandLine } from './en.cli.js';

const n = (count: number) => formatNumber('en', count);
/** A day in a message as the reports write it ("20 Apr 2024"); anything else as given. */
const shownDay = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate('en', day as IsoDate) : day);

export const en = {
  // ---- Fixed words of the format, shown to people.
  labels: {
    status: { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
    kind: { regular: 'regular', extraordinary: 'extraordinary', thematic: 'thematic' },
    severity: { error: 'error', warning: 'warning' },
    /** Done or dropped: a task that is over, either way. */
    closed: 'closed',
    session: { morning: 'morning', afternoon: 'afternoon', evening: 'evening', 'all-day': 'all day' },
    mode: { 'in-person': 'in person', online: 'online', hybrid: 'in person and online' },
    /** Before a figure: "at least 15,000". */
    qualifier: { 'at-least': 'at least', about: 'about', 'at-most': 'at most' },
    /** A standing task's deadline. */
    recurring: 'standing',
    /** A deadline written as a count of days, after the day it falls on. */
    workingDays: (count: number) => counted('en', count, { one: 'working day', other: 'working days' }),
    days: (count: number) => counted('en', count, { one: 'day', other: 'days' }),
  },

  // ---- The default title of a regular or thematic meeting, after the period it reviews (already in words).
  titles: {
    regular: (period: string) => `Regular meeting, ${period}`,
    thematic: (period: string) => `Thematic meeting, ${period}`,
  },

  // ---- The text a new record starts with (meet new), in the repository's language.
  record: {
    title: {
      extraordinary: (date: IsoDate) => `Extraordinary meeting, ${formatDate('en', date)}`,
    },
    due: (date: string) => `due ${date}`,
    noDue: 'no due date',
    commitNew: (date: IsoDate, title: string) => `Add record ${date} ${title}`,
    commitUpdate: (id: string, status: string) => `Update task ${id} to ${status}`,
    commitDigest: (month: Month, html: boolean) => `Digest ${month}${html ? ' (html)' : ''}`,
    commitInit: 'Start the meeting records (meet init)',
    commitApprove: (date: IsoDate) => `Approve the minutes of ${date}`,
  },

  // ---- The command line (help, commander's errors), periods and main()'s words: en.cli.ts.
  ...enCommandLine,

  // ---- Errors of the command line, the files and git: what to do next.
  errors: {
    configInvalid: (file: string, count: number) => `${file} has ${count === 1 ? 'an error' : `${n(count)} errors`}; fix it first.`,
    recordsInvalid: (count: number) => `The records have ${count === 1 ? 'an error' : `${n(count)} errors`}:`,
    andMore: (count: number) => `… and ${n(count)} more`,
    recordsInvalidHint: 'Run "meet check" for the details, fix the records, then run this command again.',
    rootMissing: (root: string) => `--root ${root}: there is no such folder.`,
    rootNotFolder: (root: string) => `--root ${root}: this is a file, not a folder; --root takes the records repository's folder (where meet.config.yaml is).`,
    noConfigIn: (file: string, root: string) => `No ${file} in ${root}.`,
    noConfigInHint: 'Run "meet init" there first, or give --root the folder that holds it.',
    noConfigFound: (file: string, start: string) => `No ${file} found in ${start} or any folder above it.`,
    // Outside any repository meet speaks the environment's language, English on many a Vietnamese clerk's
    // computer: the first thing they read says how to have it in Vietnamese.
    noConfigFoundHint:
      'Run "meet init" to create a records repository, or pass --root DIR.\n(Tiếng Việt: chưa có kho biên bản ở đây; hãy chạy "meet init" để tạo kho, hoặc dùng --root <thư-mục>. Thêm --locale vi để meet nói tiếng Việt.)',
    configLink: (file: string) => `${file} is a symbolic link leading outside the repository; it is not read.`,
    configLinkHint: 'Replace the link with the file itself.',
    cannotReadConfig: (file: string, why: string) => `Cannot read ${file}: ${why}`,
    /** Why a file of the repository is not read (io/regularFile.ts), by its code. */
    unreadableWhy: (code: string) =>
      ({
        EISDIR: 'it is a folder, not a file',
        ENOTREG: 'it is not a regular file (a pipe, socket or device)',
        EFBIG: 'it is larger than 4 MiB',
        ELOOP: 'it is a symbolic link',
        ENOENT: 'there is no such file',
        EACCES: 'permission denied',
      })[code] ?? code,
    writeOutside: (shown: string, root: string) => `Refusing to write to ${shown}: it is outside the repository ${root}`,
    writeThroughLink: (shown: string, root: string) => `Refusing to write to ${shown}: a symbolic link leads it outside the repository ${root}`,
    writeLink: (target: string) => `Refusing to write ${target}: it is a symbolic link`,
    noFolder: (target: string, folder: string) => `Cannot write ${target}: the folder ${folder} does not exist`,
    isFolder: (target: string) => `Cannot write ${target}: it is a folder`,
    cannotWrite: (target: string, why: string) => `Cannot write ${target}: ${why}`,
    outExists: (target: string) => `${target} already exists; meet does not replace a file unless asked`,
    outExistsHint: 'Pass --force to replace it, or --out another name.',
    outIntoRecords: (target: string, meetings: string) =>
      `Not writing ${target}: the meetings folder (${meetings}/) and meet.config.yaml hold the repository's records and config only; choose --out outside them, in the repository's root folder, say`,
    outIntoGit: (target: string) =>
      `Not writing ${target}: the .git folder holds git's own data (a file there is no file of the repository, and may break it); choose --out outside it, in the repository's root folder, say`,
    cancelled: (flag: string) => `Cancelled: no answer was given; nothing was written. Run the command again with ${flag} to answer it without the question.`,
    interrupted: 'Stopped (Ctrl-C): nothing was written.',
    tooManyTries: (tries: number, flag: string) => `No valid answer after ${n(tries)} tries; run the command again, or give ${flag}.`,
    writeFolderLink: (folder: string, link: string) =>
      `Refusing to write to ${folder}: ${link} is a symbolic link; meet writes only into real folders of the repository`,
    /** A full disk, a quota, a read-only file system or missing permissions: the environment's trouble. */
    /** The file to replace has no write permission for anyone: its owner marked it read-only. */
    readOnly: (file: string) => `Not writing ${file}: it is marked read-only`,
    readOnlyHint: (file: string) => `If the change is wanted, make it writable first ("chmod u+w ${file}") and run the command again. Nothing was written.`,
    /** A file stands where the path needs a folder (ENOTDIR). */
    inTheWay: (file: string, blocking: string) => `Cannot write ${file}: ${blocking} is a file, not a folder`,
    inTheWayHint: 'Rename or move that file, or choose another place. Nothing was written.',
    notWritable: (file: string, code: string) =>
      `${code === 'ENOSPC' || code === 'EDQUOT' ? 'disk full, cannot write' : code === 'EACCES' || code === 'EPERM' ? 'no permission to write' : code === 'EROFS' ? 'read-only disk, cannot write' : 'cannot write'}: ${file}`,
    notWritableWhy: {
      ENOSPC: 'The disk is full: free some space, then run the command again.',
      EDQUOT: 'Your disk quota is used up: free some space, then run the command again.',
      EFBIG: 'The file would be larger than the file system allows.',
      EROFS: 'The file system is mounted read-only.',
      EACCES: 'You have no permission to write there.',
      EPERM: 'You have no permission to write there.',
      EIO: 'The disk reported an input/output error.',
      ENOENT: 'No file can be made there: the folder is gone, or it is a special one (such as /proc).',
      ENOTDIR: 'Part of the path is a file, not a folder: choose another place, or rename that file.',
    },
    nothingWritten: 'Nothing was written.',
    /** Another meet holds the file's lock (io/fileLock.ts). */
    busy: (file: string, holder?: { pid: number; host: string }) =>
      `${file} is being changed by another meet${holder ? ` (process ${holder.pid} on ${holder.host})` : ''}; nothing was written.`,
    busyHint: (lock: string) => `Run the command again when it is done. If no meet is running, delete ${lock}.`,
    /** A lock file holding what HEAD has at its path: a leftover committed by mistake, taken over (io/fileLock.ts). */
    lockCommitted: (lock: string, remove: string) =>
      `${lock} was committed to git by mistake (meet never commits a lock), so no meet holds it: removed. To remove it from git too: ${remove}`,
  },

  // ---- git.
  git: {
    missing: (feature: string) => `${feature} needs git, which was not found.`,
    missingHint: 'Install git (on Windows: Git for Windows, from https://git-scm.com; on Ubuntu: sudo apt-get install git) and try again.',
    notRepository: (feature: string, dir: string) => `${feature} needs a git repository, and ${dir} is not in one.`,
    notRepositoryHint: 'Run "git init" there, or use the command without the git option.',
    notRepositoryLogHint: 'meet log reads the history of the records from git: run "git init" there and commit the records.',
    cannotRead: (feature: string, dir: string, why: string) => `${feature}: git cannot read the repository at ${dir}: ${why}`,
    bareFolder: (feature: string, dir: string) =>
      `${feature}: the folder ${dir} holds files that make git take it for a repository of its own (HEAD, config, objects/, refs/): for safety, git does not read it`,
    bareFolderHint: 'Remove those files from the folder (and from the commit that added them): they belong to no record.',
    safeDirectoryHint: 'Mark the folder as safe: git config --global --add safe.directory <folder>',
    badRevision: (flag: string, revision: string) => `${flag} takes a git revision (a branch, tag or commit), not "${revision}".`,
    badRevisionHint: 'Revisions may not start with "-" and may hold only letters (accented too), digits and . _ / @ { } ~ ^ + # , -',
    badRange: (flag: string, range: string) => `${flag} takes a range like main..HEAD or main...feature, not "${range}".`,
    noIdentity: '--commit needs your name and e-mail address for the commit, and git has none set.',
    noIdentityHint:
      'Set them once for this repository (or add --global for all), then run the command again:\n  git config user.name "Jane Doe"\n  git config user.email "jane.doe@example.org"',
    inProgress: (what: 'merge' | 'cherry-pick' | 'revert' | 'rebase') => `--commit cannot commit now: a git ${what} is in progress.`,
    inProgressHint: 'Finish it (or abort it) first. Nothing was written.',
    /** HEAD is no branch: a commit there reaches no branch a push would send. */
    detached: '--commit cannot commit now: HEAD is detached (on no branch), so the commit would reach no branch a push sends.',
    detachedHint: 'Switch to a branch ("git switch main") and run it again. Nothing was written.',
    /** The report would be built from records git does not have: a commit of it could not be traced to them. */
    recordsUncommitted: (list: string) => `--commit would commit a report built from records that are not committed:\n${list}`,
    recordsUncommittedHint:
      'Nothing was written. Commit these records first ("git add", "git commit"), or drop the changes, or run the command without --commit.',
    staged: (list: string) => `--commit commits only the files this command writes, but other changes are already staged:\n${list}`,
    stagedHint: 'Nothing was written. Commit or unstage them first ("git commit", or "git restore --staged <file>"), or run the command without --commit.',
    ignored: (file: string) => `${file} is ignored by git (.gitignore): it was written, but cannot be committed`,
    ignoredHint: 'Take it out of .gitignore (or its folder), or run without --commit.',
    uncommitted: (file: string) =>
      `${file} has changes not committed yet (or is not committed at all); --commit would commit them too, under this command's message.`,
    uncommittedHint: (file: string) => `Nothing was written. Commit ${file} first, or run the command without --commit.`,
    configUncommitted: (file: string, tracked: boolean) =>
      `${file} ${tracked ? 'has changes that are not committed yet' : 'is not committed yet'}: a commit without it leaves the records unreadable for everyone else (and CI stops with "No ${file} found").`,
    configUncommittedHint: (file: string) =>
      `Nothing was written. Commit it first:\n  git add -- ${file} && git commit -m "Add ${file}"\nor run the command again with --include-config to commit it along with this change.`,
    indexLocked: (lock: string) =>
      `another git program is running in this repository, or one stopped short and left its lock file ${lock}. Close the other git programs (an editor using git too); if none is running, delete ${lock}.`,
    noCommitMade: 'git commit ended without making a commit, and without saying why (a pre-commit or commit-msg hook that failed silently?)',
    commitFailed: (files: string, staged: boolean, why: string) => `Wrote ${files} but could not commit it${staged ? ' (it is staged)' : ''}:\n${why}`,
    commitFailedHint: (files: string, message: string) =>
      `The file is kept as written. Fix the problem, then commit it yourself:\n  git add -- ${files}\n  git commit -m "${message.replace(/"/g, '\\"')}"`,
    committed: (sha: string, message: string) => `Committed ${sha}: ${message}`,
    blameFailed: (file: string, why: string) => `git blame failed on ${file}: ${why}`,
    blameOutput: (line: string) => `Unexpected output from git blame: ${line}`,
    sinceNoCommit: 'meet check --since needs a commit, and this repository has none yet.',
    sinceNoCommitHint: 'Commit the records first.',
    fetchHint:
      'This looks like a shallow clone: fetch the full history (with actions/checkout, set "fetch-depth: 0"; in GitLab CI, set GIT_DEPTH: 0; otherwise run "git fetch --unshallow").',
    sinceShallow: (ref: string) => `--since ${ref}: that revision is not in this shallow clone.`,
    sinceUnknown: (ref: string) => `--since ${ref}: no such revision in this repository.`,
    sinceUnknownHint: 'Name a branch, tag or commit, like main or origin/main.',
    sinceBaseShallow: (ref: string) => `--since ${ref}: the merge base of ${ref} and HEAD is not in this shallow clone.`,
    sinceNoHistory: (ref: string) => `--since ${ref}: ${ref} and HEAD share no history.`,
    shallowHint:
      'This is a shallow clone: older commits and other branches are missing. Fetch them first ("git fetch --unshallow", ' +
      'or in GitHub Actions give actions/checkout "fetch-depth: 0"; in GitLab CI set GIT_DEPTH: 0).',
    notACommit: (revision: string) => `"${revision}" is not a commit of this repository.`,
    notACommitHint: 'Check the name ("git branch -a", "git log --oneline"); a branch of a remote is named like origin/main and may need "git fetch" first.',
    baseShallow: (from: string, to: string) => `The merge base of "${from}" and "${to}" is not in this clone's history.`,
    noCommonAncestor: (from: string, to: string) => `"${from}" and "${to}" have no common ancestor.`,
    noCommonAncestorHint: (from: string, to: string) => `Compare them directly instead: meet diff --rev ${from}..${to}`,
    blobSizes: (printed: number, expected: number) =>
      `git printed ${n(printed)} bytes for blobs of ${n(expected)} bytes; cannot read the records at that revision.`,
    failed: (why: string) => `git failed: ${why}`,
    atRevisionLink: 'This is a symbolic link; at a revision only regular files are read',
    atRevisionNotFile: 'This is not a file',
    moreErrors: (count: number) => ` (and ${counted('en', count, { one: 'more error', other: 'more errors' })})`,
    shallowLog:
      'Note: this is a shallow clone; a commit shown may be the oldest one fetched rather than the one that wrote the line. Run "git fetch --unshallow" for the full history.',
  },

  // ---- Reading record files: each becomes a finding's message.
  files: {
    tooLarge: (kib: number, mib: number) => `The file is ${n(kib)} KiB; a record must be under ${n(mib)} MiB`,
    utf16: 'The file is saved as UTF-16 ("Unicode"); save it again as UTF-8',
    binary: 'The file is binary (it contains NUL bytes), not a text record',
    notUtf8:
      'The file is not UTF-8 text. It may have been saved in a legacy encoding (Windows-1252 or Latin-1; for Vietnamese, TCVN3, VNI or Windows-1258); save it again as UTF-8',
    meetingsLink: 'The meetings folder is a symbolic link leading outside the repository; nothing in it is read',
    danglingLink: 'This symbolic link points to a file that does not exist',
    notReadBeside: (name: string) =>
      `This file is not read: meet reads only records whose name ends in .md. ${name} is beside it: compare the two, keep what is needed in ${name}, then delete this one`,
    notRead: (name: string) => `This file is not read: meet reads only records whose name ends in .md. If it is a record, rename it to ${name}`,
    nameNotUtf8: 'The name of this file or folder is not UTF-8 text, so it cannot be read (nor the records in it): rename it',
    folderUnreadable: (why: string) => `This folder cannot be read (${why}), so the records in it are not checked`,
    outsideLink: 'This symbolic link leads outside the repository; it is not read',
    notRegular: 'This is not a regular file (a pipe, socket or device), so it is not read',
    cannotRead: (why: string) => `The file cannot be read: ${why}`,
    empty: 'The file is empty; a record starts with "---", its front matter, and "---"',
    noFrontMatter: 'The record has no front matter: its first line must be exactly "---"',
    unclosed: 'The front matter opened on line 1 is never closed: add a line of exactly "---" after it',
    language: (language: string) => `The front matter is marked as "${language}"; only YAML front matter is read, and nothing in a record is ever run`,
    notMapping: 'The front matter is not a set of "key: value" lines',
    configNotMapping: 'meet.config.yaml must be a set of "key: value" lines',
    meetingsThroughLink: 'The meetings folder is reached through a symbolic link; nothing in it is read (point paths.meetings at the real folder)',
    linkNotFollowed: (what: 'folder' | 'record', target: string) =>
      `This ${what} is a symbolic link (to ${target}); links are not followed, so nothing behind it is read`,
    unreadableDependents: (count: number) =>
      `This record could not be read; ${counted('en', count, { one: 'later update depends', other: 'later updates depend' })} on it (${count === 1 ? 'it names a task' : 'they name tasks'} no other record assigns), so ${count === 1 ? 'it is' : 'they are'} not checked until it is fixed`,
  },

  // ---- YAML that cannot be read, and the common mistakes behind it.
  yaml: {
    nestedTooDeep: (max: number) => `Values are nested more than ${n(max)} levels deep`,
    tooManyValues: 'The front matter expands to too many values',
    tooManyAliases: (max: number) => `More than ${n(max)} aliases ("*name")`,
    aliasNoAnchor: (alias: string) => `The alias "*${alias}" names no anchor`,
    tag: (tag: string) => `The YAML tag "${tag}" is not allowed; records hold plain values only`,
    controlInValue: (code: string) => `A value holds a control character (U+${code}); meet reads plain text only: retype the value`,
    halfCharacter: (code: string) =>
      `A value holds half of a character (U+${code}, written as the escape "\\u${code}"): write the character itself, or both halves of its escape`,
    controlInKey: (code: string) => `A key holds a control character or line break (U+${code}); keys are plain words`,
    keyNotText: 'A key must be plain text',
    duplicateKey: (key: string) => `The key "${key}" is written twice in the same mapping`,
    duplicateListKey: (key: string) =>
      `The list "${key}" is written twice: keep one "${key}:" line and move the items of the other under it (an empty "${key}: []" left over is deleted)`,
    duplicateFirstKey: (key: string) =>
      `The key "${key}" is written twice in the same item of a list: if this begins a new item (another task or update), start this line with "- ", in line with the "- " of the item before`,
    forbiddenKey: (key: string) => `The key "${key}" is not allowed`,
    multipleDocuments: 'The front matter holds more than one YAML document: remove the "---" or "..." line inside it',
    directive: 'A "%" directive line is not allowed in a record; remove it',
    tabIndent: 'A tab is used for indentation; indent with spaces only',
    tabAfterSpaces: (spaces: number) =>
      `This line is indented with ${counted('en', spaces, { one: 'space', other: 'spaces' })} and then a tab; indent with spaces only (press the space bar, not Tab)`,
    badIndent: 'The indentation is wrong here; line keys up with the ones they belong with',
    oddIndent: (key: string, spaces: number, expected: number) =>
      `"${key}" is indented by ${counted('en', spaces, { one: 'space', other: 'spaces' })}, but the lines it belongs with by ${n(expected)}: indent it by ${counted('en', expected, { one: 'space', other: 'spaces' })} like them`,
    multilineKey: 'A key runs over more than one line; put a space after ":" or quote the value',
    missingChar: 'A closing quote or bracket is missing',
    blockAsKey: 'A list or mapping is used as a key; check the indentation and the ":"',
    unclosedQuote: (key: string, fix: string) => `The value of "${key}" opens a quote and never closes it: write ${fix}`,
    textAfterQuote: (key: string, fix: string) => `The value of "${key}" goes on after its closing quote: put the whole value in one pair of quotes: ${fix}`,
    backslashInQuotes: (key: string, fix: string) =>
      `In double quotes a "\\" starts an escape (\\n, \\t…): write the value of "${key}" in single quotes, which keep it as it is: ${fix}`,
    doubleComma: (key: string, fix: string) => `Two commas in a row in the list of "${key}": write ${fix}`,
    unclosedBracket: (key: string, open: string, close: string, fix: string) =>
      `The value of "${key}" opens with "${open}" but has no closing "${close}": write ${fix}`,
    unreadableLine: 'YAML cannot read this line: look at its quotes, brackets and commas',
    bulletNotDash: (bullet: string, fix: string) => `A list item starts with "- ", not "${bullet} ": write ${fix}`,
    noSpaceAfterDash: (fix: string) => `A list item needs a space after its "-": write ${fix}`,
    /** YAML warnings, in the clerk's words. */
    ambiguousAnchor: 'An anchor or alias (starting with "&" or "*") that ends in ":" is ambiguous: put a space before the ":", or quote the whole value',
    flowEndIndent: 'A closing "]" or "}" should be indented more than the line of the key it belongs to',
    readOtherwise: 'YAML may read this line otherwise than meant: check it, or quote the value',
    colonInItem: (index: number, key: string, fix: string) =>
      `Item ${index} of "${key}" contains ": ", which YAML reads as a new key: put the whole item in quotes: ${fix}`,
    colonInValue: (key: string, fix: string) => `The value of "${key}" contains ": ", which YAML reads as a new key: put the whole value in quotes: ${fix}`,
    indicatorStart: (key: string, sign: string, fix: string) =>
      `The value of "${key}" starts with "${sign}", which YAML reads as a special sign: put the whole value in quotes: ${fix}`,
    itemWithoutDash: (fix: string) => `This line is part of a list but does not start with "- ": write it as ${fix}`,
    keyWithoutColon: (key: string, fix: string) => `"${key}" has no ":" after it: write ${fix}`,
    nonBreakingSpace: (fix: string) =>
      `An invisible non-breaking space (pasted from Word or Zalo) stands where YAML needs an ordinary space: type the space again: ${fix}`,
    noSpaceAfterColon: (key: string, fix: string) => `"${key}:" needs a space after the ":": write ${fix}`,
    /** `{ value: 21,4 }`: the decimals of a number read as a key of their own. */
    decimalsAsKey: (key: string, place: string) =>
      `"${key}" in ${place} is read as a key of its own because a comma inside { } separates keys: if it is the decimals of the number before it, write the number with a dot (21.4, not 21,4)`,
    thousandsAsKey: (key: string, place: string) =>
      `"${key}" in ${place} is read as a key of its own because a comma inside { } separates keys: if it is the thousands of the number before it, write the number without commas (1073, not 1,073)`,
    /** The place of a key written twice, where the record's structure is not known yet. */
    sameMapping: 'the same { }',
    quotedRole: (key: string, fix: string) =>
      `"${key}" is read as a key of its own because a comma inside { } separates keys: put the text with the comma in quotes: ${fix}`,
  },

  // ---- The record's shape (schema): each message names the key and the fix.
  schema: {
    place: {
      record: 'the record',
      config: 'meet.config.yaml',
      paths: '"paths"',
      metric: (id: string) => `the metric "${id}"`,
      result: (index: number) => `result #${n(index)}`,
      task: (index: number) => `task #${n(index)}`,
      update: (index: number) => `update #${n(index)}`,
      discussion: (index: number) => `discussion entry #${n(index)}`,
      results: 'a result',
      tasks: 'a task',
      updates: 'an update',
      discussions: 'a discussion entry',
      chair: '"chair"',
      chairN: (index: number) => `chair #${n(index)}`,
      owner: (id: string) => `the owner "${id}"`,
      documents: (key?: string) => (key === undefined ? '"documents"' : `"documents.${key}"`),
      figure: (metric: string, index: number) => `the figure "${metric}" of result #${n(index)}`,
      taskDue: (index: number) => `the "due" of task #${n(index)}`,
      attendee: (index?: number) => (index === undefined ? 'an attendee' : `attendee #${n(index)}`),
      decision: (index?: number) => (index === undefined ? 'a decision' : `decision #${n(index)}`),
      vote: (index: number) => `the vote of decision #${n(index)}`,
      reference: (index?: number) => (index === undefined ? 'a reference' : `reference #${n(index)}`),
      amendment: (index?: number) => (index === undefined ? 'an amendment' : `amendment #${n(index)}`),
      approval: '"approval"',
      notice: 'the notice',
      signer: 'the signer of the notice',
    },
    unknownKey: (key: string, place: string, suggestion?: string, recordLevel = false) =>
      `Unknown key "${key}" in ${place}.${suggestion ? ` Did you mean "${suggestion}"?` : recordLevel ? ' Remove it, or keep free-form data under "extra:".' : ' Remove it.'}`,
    translatedKey: (key: string, place: string, suggestion: string) => `Unknown key "${key}" in ${place}: keys are written in English; use "${suggestion}".`,
    missing: (key: string, hint: string) => `"${key}" is missing${hint}`,
    noValue: (key: string, hint: string) => `"${key}" has no value${hint}`,
    emptyItem: (index: number, key: string) => `Item #${n(index)} of "${key}" is empty`,
    wrongShape: (key: string, expected: string, got: string) => `"${key}" must be ${expected}, not ${got}`,
    listOfLines: (key: string, got: string) => `"${key}" must be a list, not ${got}: write each item on its own line, starting with "- "`,
    oneOf: (key: string, value: string, allowed: string, suggestion?: string) =>
      `"${key}" is ${value}; use one of: ${allowed}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    termWord: (key: string, value: string, id: string) => `"${key}" is ${value}; the record format writes this "${id}": write ${key}: ${id}`,
    badId: (id: string, why: string) => `The id "${id}" ${why}`,
    idMeant: (id: string) => `: write ${id}`,
    notValidId: 'is not a valid id',
    tooSmall: (key: string, why: string) => `"${key}" ${why}`,
    isWhich: (key: string, value: string, why: string) => `"${key}" is ${value}, but it ${why}`,
    outOfRange: (key: string, value: string) => `"${key}" is ${value}, out of range: a metric value lies between -10^15 and 10^15`,
    hugeCount: (what: 'votes' | 'days') => `is too large a number of ${what} to be counted exactly: check the figure`,
    wholeNumber: (what: 'votes' | 'days', min: number, max?: number) =>
      `must be a whole number of ${what}, ${max === undefined ? `${n(min)} or more` : `from ${n(min)} to ${n(max)}`}`,
    hint: {
      title: ': give the meeting a title',
      taskTitle: ': what the task is, in a line',
      signerTitle: ": the signer's position, as the document prints it (CHỦ TỊCH, CHÁNH VĂN PHÒNG)",
      date: ': the day the meeting was held, YYYY-MM-DD',
      noticeDate: ': the day the notice was issued, YYYY-MM-DD',
      amendmentDate: ': the day the correction was made, YYYY-MM-DD',
      chair: ': who chaired the meeting',
      id: ': every task needs an id that is unique in the repository',
      owner: ': which department must do the task (an owner id)',
      sector: ': a sector id from meet.config.yaml',
      status: ': one of open, in-progress, done, dropped',
      task: ': the id of the task this update is about',
      sectors: ': declare the sectors (id: label)',
      owners: ': declare the owners (id: name)',
      metrics: ': declare the metrics (id: {label, unit, sector}), or write "metrics: {}"',
    },
    shape: {
      list: 'a list ("- item" lines)',
      mapping: 'a set of keys ("key: value" lines)',
      text: 'text',
      number: 'a number',
      or: ' or ',
      boolean: 'true or false (a boolean)',
    },
    got: {
      list: 'a list',
      mapping: 'a set of keys',
      text: (text: string) => `the text ${text}`,
    },
    // The schema's own rules (model/schema.ts), by code.
    rule: {
      empty: 'must not be empty',
      oneLine: 'must be on one line',
      dateFormat: 'must be a date written YYYY-MM-DD, like 2020-10-26',
      notCalendarDay: 'is not a real calendar day',
      monthFormat: 'must be a month written YYYY-MM, like 2020-10',
      notMonth: 'is not a real month (01 to 12)',
      id: 'must be lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      number: 'must be a number, like 540 or 12.5',
      atLeastOneOwner: 'must name at least one owner',
      time: 'must be a time written HH:MM, like 14:00',
      folder: 'must be a folder inside the repository (no "..", not absolute)',
      atLeastOnePerson: 'must name at least one person',
      boolean: 'must be true or false',
      year: 'must be a year written YYYY, like 2020',
      outOfRange: 'is out of range: a metric value lies between -10^15 and 10^15',
      tooManyDigits: 'has more than 15 significant digits, more than a figure keeps exactly: round it, or write it in a larger unit',
      tooSmallToKeep: 'is too close to 0 for a figure to keep (it would read as 0): write it in a smaller unit',
      dueFormat: 'must be a date written YYYY-MM-DD (like 2020-10-26), a month YYYY-MM, a quarter YYYY-Qn, a year YYYY, or {working_days: N} or {days: N}',
      dueCount: 'must give exactly one of "working_days" and "days", like {working_days: 10}',
      figureEmpty: 'gives neither "value" nor "ytd": a figure needs the month\'s value, the year-to-date total, or both',
    },
    // Values the clerk wrote another way: each with the way to write it.
    /** `fix`: `key: 2020-10-26`, or the date alone for an item of a list. */
    timeWritten: (value: string, fix: string) => `"time" is ${value}; write the time HH:MM, on the 24-hour clock: ${fix}`,
    dueYearAdded: (value: string, fix: string) => `"due" is ${value}, without a year; by the meeting's date, write ${fix}`,
    duePeriodWritten: (value: string, fix: string) => `"due" is ${value}; a due by the end of a month, quarter or year is written so: ${fix}`,
    dateWritten: (key: string, value: string, fix: string) => `"${key}" is ${value}; write dates as YYYY-MM-DD: ${fix}`,
    /** 07/05/2024 in English records: day first or month first, the clerk says which. */
    dateWrittenEither: (key: string, value: string, fixes: readonly string[]) =>
      `"${key}" is ${value}, which may be either day, the day or the month first; write dates as YYYY-MM-DD: ${fixes.join(' or ')}`,
    /** `date: 07/08/2021` in 2021-07-08-….md: the file name says which of the two days it is. */
    dateAsFileName: (value: string, fix: string) => `"date" is ${value}; write dates as YYYY-MM-DD, as the file name does: ${fix}`,
    dateWrittenNotADay: (key: string, value: string, why: string) => `"${key}" is ${value}, which is not a real day: ${why}`,
    /** `due: thường xuyên`: standing work, written `recurring: true`. */
    dueStanding: (value: string) =>
      `"due" is ${value}: standing work has no deadline; remove "due" and write recurring: true (a standing task is never overdue)`,
    dateInWords: (key: string, value: string, example: string) =>
      `"${key}" is ${value}, written in words; write the day as YYYY-MM-DD, like ${key}: ${example}`,
    dayOutOfMonth: (month: number, year: number, days: number) => `${englishMonthName(month)} ${year} has ${n(days)} days`,
    noSuchMonth: (month: number) => `there is no month ${n(month)}`,
    /** An owner or sector that is no id: the config's did-you-mean follows (addSuggestions). */
    idWrittenDeclared: (key: string, value: string) =>
      `"${key}" is ${value}; ids are written in lower-case letters without accents, digits, ".", "_" and "-", as meet.config.yaml declares them.`,
    idWritten: (key: string, value: string, suggestion: string) =>
      `"${key}" is ${value}; ids are written in lower-case letters without accents, digits, ".", "_" and "-": did you mean "${suggestion}"?`,
    /** How a clerk of this language writes "1,500": fifteen hundred here, 1.5 in Vietnamese (decimal comma). */
    commaGroupsThousands: true,
    figureUnitOnlyMoney: (value: string, allowed: string) =>
      `"unit" is ${value}; a figure's unit is only for money written in ${allowed}, converted to the metric's: leave "unit" out and write the number converted to the metric's own unit (set in meet.config.yaml)`,
    figureUnitShort: (value: string, unit: string, allowed: string) =>
      `"unit" is ${value}; write unit: ${unit} (a money unit is written in full: ${allowed}; the figure is converted to the metric's unit)`,
    typedNumber: (key: string, value: string, fix: string) =>
      `"${key}" is ${value}; write ${fix}: Word's minus sign "−" and full-width digits (１２) are not a number`,
    figureWords: (key: string, value: string, fix: string) =>
      `"${key}" is ${value}; write ${fix} (the number alone, a dot for decimals; "over", "about", "under", "estimated" and a money unit go in qualifier, estimate and unit)`,
    decimalComma: (key: string, value: string, fix: string) => `"${key}" is ${value}; write ${fix} (a dot for decimals, no thousands separator)`,
    percentSign: (key: string, value: string, fix: string) =>
      `"${key}" is ${value}; write ${fix} without "%": a figure or a target is a number in its metric's unit (set in meet.config.yaml); plan_pct and yoy_pct are in % already`,
    spacedNumber: (key: string, value: string, fix: string) => `"${key}" is ${value}; write ${fix} (digits only, no spaces)`,
  },

  // ---- The rules that need the config or other records.
  rules: {
    notDeclared: (what: 'sector' | 'owner' | 'metric', id: string, suggestion?: string) =>
      `The ${what} "${id}" is not declared in meet.config.yaml.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    duplicateOwner: (owner: string) => `"${owner}" is listed twice among the task's owners: list it once, or name the other owner meant`,
    metricSector: (id: string, sector: string, reported: string) =>
      `The metric "${id}" belongs to the sector "${sector}", but is reported under "${reported}": move the figure to a result of "${sector}"`,
    dueBeforeDate: (id: string, due: string, date: string) =>
      `The task "${id}" is due on ${shownDay(due)}, before the meeting that assigned it (${shownDay(date)})`,
    duplicateHere: (id: string) => `The task id "${id}" is already used earlier in this record; task ids must be unique across the repository`,
    duplicateFree: (id: string) => `; change this one, e.g. to "${id}" (used nowhere)`,
    duplicateIn: (id: string, file: string) => `The task id "${id}" is already used in ${file}; task ids must be unique across the repository`,
    unknownTask: (task: string, suggestion?: string) => `No record assigns a task "${task}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    notEarlierSame: (task: string, date: string) =>
      `The task "${task}" was assigned at this same meeting; updates report only on tasks from meetings held before ${shownDay(date)}`,
    notEarlier: (task: string, when: string, file: string, date: string) =>
      `The task "${task}" was assigned at a meeting on ${shownDay(when)} (${file}); updates report only on tasks from meetings held before ${shownDay(date)}`,
    fileNameForm: (name: string, date: string) => `The file name "${name}" should be ${date}-<slug>.md, the slug in lower-case letters, digits and "-"`,
    fileNameDate: (named: string, date: string) => `The file name starts with ${named} but the meeting's date is ${date}; rename the file or correct the date`,
    fileSlug: (name: string, date: string) =>
      `The file name "${name}" is best written ${date}-<slug>.md, the slug in lower-case letters without accents, digits and "-" (as meet new names files)`,
    fileFolder: (folder: string, year: string, expected: string) =>
      `The record is in "${folder}/"; records of ${year} are filed in "${expected}/": move the file there`,
    timezone: (zone: string) => `"timezone" is "${zone}", which is not an IANA time zone like Asia/Ho_Chi_Minh`,
    metricSectorUndeclared: (id: string, sector: string, suggestion?: string) =>
      `The metric "${id}" belongs to the sector "${sector}", which is not declared under "sectors".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    vanishedDeleted: (task: string, file: string, since: string) =>
      `No record assigns the task "${task}" any more: it was in ${file}, which was deleted since ${since}`,
    vanishedTaken: (task: string, file: string, since: string) => `No record assigns the task "${task}" any more: it was taken out of ${file} since ${since}`,
    /** Added to a finding's message by the loader, once per run (checkRules.ts, addSuggestions). */
    didYouMean: (suggestion: string) => ` Did you mean "${suggestion}"?`,
    dueByBeforeDate: (id: string, due: string, last: string, date: string) =>
      `The task "${id}" is due by ${due} (${shownDay(last)}), before the meeting that assigned it (${shownDay(date)})`,
    recurringWithDue: (id: string) => `The task "${id}" is recurring (standing work) and also has a "due"; a recurring task has no deadline`,
    thousandsDot: (key: string, written: string, thousands: string) =>
      `"${key}" is written ${written}, which reads as ${written.replace(/\.?0+$/, '')} (a dot starts the decimals); if you mean ${thousands}, write ${key}: ${thousands}`,
    figureUnit: (metric: string, unit: string, metricUnit?: string) =>
      `The figure "${metric}" is written in ${unit}, but the metric is measured in ${metricUnit ? `"${metricUnit}"` : 'no unit'}; only amounts of money (đồng, nghìn đồng, triệu đồng, tỷ đồng) are converted`,
    unknownPlan: (plan: string, anyDeclared: boolean, suggestion?: string) =>
      `The plan "${plan}" is not declared under "plans" in meet.config.yaml.${
        anyDeclared ? (suggestion ? ` Did you mean "${suggestion}"?` : '') : ' Declare it there (id: label), like "budget: Adopted budget".'
      }`,
    periodAfterDate: (period: string, date: string, month: string) =>
      `The period ${period} is after the month of the meeting (${shownDay(date)}); a meeting reviews a month that has begun. Did you mean ${month}?`,
    periodNotBegun: (period: string, date: string) =>
      `The period ${period} begins after the meeting (${shownDay(date)}); a meeting reviews a period that has begun (a longer one may end after it). Check the period's year`,
    endDateBeforeDate: (endDate: string, date: string) => `"end_date" is ${shownDay(endDate)}, before the meeting's first day (${shownDay(date)})`,
    approvedBeforeDate: (approvedOn: string, date: string) => `The minutes are approved on ${shownDay(approvedOn)}, before the meeting (${shownDay(date)})`,
    amendmentBeforeApproval: (date: string, after: string, meeting: boolean) =>
      `The amendment is dated ${shownDay(date)}, before ${meeting ? 'the meeting' : 'the approval'} (${shownDay(after)}); an amendment corrects approved minutes, on or after the day they were approved`,
    noticeBeforeDate: (number: string, noticeDate: string, date: string) =>
      `The notice ${number} is dated ${shownDay(noticeDate)}, before the meeting (${shownDay(date)}); a notice of conclusions is issued on or after it`,
    noticeNumber: (number: string, example: string) =>
      `The notice's number is "${number}", not written number/TB-code as Nghị định 30/2020/NĐ-CP has it (the notice will print "Số: ${number}"). Write it whole, like "${example}"`,
    groupUnknownMember: (group: string, member: string, suggestion?: string) =>
      `The group "${group}" lists "${member}", which is not declared under "owners".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    /** paths.reports or paths.templates inside paths.meetings. */
    folderInGit: (key: string, folder: string) =>
      `paths.${key} is ${folder}, inside git's own .git folder: git keeps no file there. Choose another folder, such as ${key}`,
    folderAmongRecords: (key: string, folder: string, meetings: string) =>
      `paths.${key} is ${folder}, inside the meetings folder (${meetings}): a file written there would be read as a record. Choose another folder, such as ${key}`,
    groupOfGroups: (group: string, member: string) =>
      `The group "${group}" lists "${member}", which is itself a group; a group's members are owners, not groups`,
    tooManyFindings: (errors: number, warnings: number) =>
      `… and ${counted('en', errors + warnings, { one: 'more finding', other: 'more findings' })} in this file (${counted('en', errors, { one: 'error', other: 'errors' })}, ${counted('en', warnings, { one: 'warning', other: 'warnings' })}), not listed; fix the ones above, then run meet check again`,
    // Approved minutes (domain/approvedChanges.ts).
    approvedDateChanged: (approvedOn: string, date: string, now: string) =>
      `The minutes were approved on ${shownDay(approvedOn)}: their date stays ${shownDay(date)} (now ${shownDay(now)})`,
    approvedTaskIdChanged: (approvedOn: string, id: string, now: string) =>
      `The minutes were approved on ${shownDay(approvedOn)}: the task id "${id}" may not change (now "${now}")`,
    approvedItemRemoved: (approvedOn: string, what: 'task' | 'decision' | 'update', list: string, count: number) =>
      `The minutes were approved on ${shownDay(approvedOn)}: ${(count === 1 ? { task: 'the task', decision: 'the decision', update: 'the update of' } : { task: 'the tasks', decision: 'the decisions', update: 'the updates of' })[what]} ${list} may not be removed`,
    approvedDeleted: (approvedOn: string, since: string, file: string) =>
      `The minutes were approved on ${shownDay(approvedOn)} and the file was deleted since ${since}: approved minutes may not be deleted; restore them with git checkout ${since} -- ${file}`,
    approvedAmendmentChanged: (approvedOn: string) =>
      `The minutes were approved on ${shownDay(approvedOn)}: an amendment already recorded may not be changed or removed; add a new "amendments" entry instead`,
    approvedWithdrawn: (approvedOn: string) =>
      `The minutes were approved on ${shownDay(approvedOn)} and are final: they may not go back to a draft; to correct them, add an "amendments" entry (date, by, reason)`,
    approvedLineChanged: (approvedOn: string) =>
      `The minutes were approved on ${shownDay(approvedOn)} and this line changed: add an "amendments" entry (date, by, reason) dated on or after ${shownDay(approvedOn)}`,
  },

  // ---- Why meet approve cannot write the approval in place (records/edit.ts); the rest as in "edit".
  approvalEdit: {
    otherChanges: 'the record would read back with other changes than the approval',
  },

  // ---- meet check.
  check: {
    checked: (count: number) => counted('en', count, { one: 'record checked', other: 'records checked' }),
    noProblems: (checked: string) => `✔ ${checked}, no problems`,
    summary: (errors: number, warnings: number, files: number, checked: string) =>
      // Warnings alone pass (exit 0): not the mark of a failure.
      `${errors > 0 ? '✖' : '⚠'} ${counted('en', errors, { one: 'error', other: 'errors' })}, ${counted('en', warnings, { one: 'warning', other: 'warnings' })} in ${counted('en', files, { one: 'file', other: 'files' })} (${checked})`,
    noChanges: (ref: string, deleted: number) =>
      `✔ no records changed since ${ref}${deleted === 0 ? '' : ` (${n(deleted)} deleted, and nothing refers to ${deleted === 1 ? 'it' : 'them'})`}`,
    notARecord: (given: string, meetings: string) => `${given} is not a record: records live under ${meetings}/`,
    noMeetingsFolder: (meetings: string) => `There is no meetings folder ${meetings}/: no record could be checked`,
    noMeetingsFolderHint: 'Create the folder (meet init makes it), or correct paths.meetings in meet.config.yaml.',
    noSuchPath: (given: string) => `No such file or folder: ${given}`,
    outsideRepository: (given: string, root: string) => `${given} is outside the records repository at ${root}`,
  },

  // ---- meet init.
  init: {
    /** The comment atop the .gitignore init writes. */
    gitignoreComment: 'meet keeps its cache here, and locks a file while it writes it',
    defaultOrganization: 'Town Council',
    /** Said in English, below init's Vietnamese summary, when the environment speaks another language than Vietnamese. */
    vietnameseByDefault: (command: string) =>
      `This repository is Vietnamese (locale: vi, meet's default). For an English one, remove what init made (listed above) and run: ${command}`,
    exists: (file: string) => `${file} already exists; meet init never overwrites it.`,
    existsHint: 'Edit the file instead, or run meet init in another folder.',
    insideRepository: (root: string) =>
      `This folder is inside the records repository at ${root} (it has meet.config.yaml); meet init makes no repository inside another.`,
    insideRepositoryHint:
      'To add CI to that repository, run "meet init --ci github" (or gitlab); to make a repository elsewhere, name its folder: "meet init <folder>".',
    emptyOrganization: '--organization must not be empty',
    badOrganization: (why: string) => `--organization cannot be written in meet.config.yaml: ${why}`,
    workflowExists: (file: string) => `${file} already exists; meet init never overwrites it. Nothing was written.`,
    workflowExistsHint: (template: string) => `Add meet's jobs to it by hand; they are in ${template}`,
    kept: (file: string) => `${file} is already there; kept as it is. Added:`,
    created: (where: string) => `Created a records repository in ${where}:`,
    newGit: '  (and a new git repository)',
    noGit:
      'git was not found: the folder is not under version control yet. Install git (on Windows: Git for Windows, from https://git-scm.com; on Ubuntu: sudo apt-get install git), then run git init in this folder.',
    next: 'Next: edit meet.config.yaml (sectors, owners, metrics), then run "meet new" for the first meeting.',
    badAction: (given: string) => `--action takes owner/name@ref (a tag or a commit sha), not "${given}".`,
    actionPlaceholder: (file: string, placeholder: string) =>
      `EDIT ${file}: replace ${placeholder} with meet's repository on GitHub, pinned to a tag or, better, a commit sha\n` +
      '(or run "meet init --ci github --action owner/name@<sha>" instead).',
    badPackage: (given: string) =>
      `--package takes meet's git address pinned to a commit sha or a version tag (git+https://…/meeting-minutes-cli.git#<sha>, …#v0.1.0; not a branch such as #main) or the https URL of a .tgz package file, not "${given}".`,
    packagePlaceholder: (file: string) =>
      `EDIT ${file}: set MEET_PACKAGE to meet's git address, pinned to a commit sha (git+https://…/meeting-minutes-cli.git#<sha>);\n` +
      'until then the pipeline stops and says why (or run "meet init --ci gitlab --package <address>" instead).',
    gitlabPipeline:
      'For the monthly digest, add a GitLab pipeline schedule\n' +
      '("0 12 1 * *": 12:00 UTC on the 1st, when the month is over in every time zone) on a protected branch and a Masked and Protected MEET_PUSH_TOKEN variable.',
    // In the GitLab pipeline's shell, between double quotes: no ", $, ` or \\.
    packageUnset: "Set MEET_PACKAGE in .gitlab-ci.yml to meet's git address at a commit (git+https://…/meeting-minutes-cli.git#<sha>)",
    onlyWithCi: (flag: string, provider: string) => `${flag} goes with --ci ${provider} only.`,
    /** `at` is " -C <folder>" or empty; the files and the message are shell words already. */
    commitHint: (at: string, files: string, message: string) =>
      `Commit it, so that CI and everyone else see the config:\n  git${at} add -- ${files} && git${at} commit -m ${message}\n(or run meet init with --commit next time).`,
    noGitForCommit: '--commit needs git, which was not found. The files were written.',
  },

  // ---- meet new.
  new: {
    /** Records before the new meeting that could not be read whole: which tasks are open is not known. */
    earlierRecordsInvalid: (count: number) =>
      `No record written: the records of earlier meetings have ${count === 1 ? 'an error' : `${n(count)} errors`} that keep meet from reading them whole, so which tasks are still open is not known for sure:`,
    askDate: 'Date of the meeting (YYYY-MM-DD)',
    askKind: 'Kind of meeting',
    askTitle: 'Title',
    askChair: 'Chair (who chairs the meeting)',
    askPeriod: 'Period it reviews (like October 2020, Q4 2020, first half of 2020, first 9 months of 2020, year 2020)',
    /** `why` is the catalogue's period words (period). */
    notAPeriod: (answer: string, why: string) => `"${answer}" ${why}.`,
    choose: (count: number) => `Choose 1–${n(count)}`,
    emptyAnswer: 'An answer is needed.',
    notAChoice: (answer: string, count: number, suggestion?: string) =>
      `"${answer}" is not one of the choices.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Type a number from 1 to ${n(count)}.`,
    badKind: (kind: string, allowed: string) => `--kind must be one of ${allowed}, not "${kind}"`,
    emptyTitle: '--title must not be empty',
    missingChair: 'Missing --chair: who chairs the meeting.',
    missingChairHint: 'Example: meet new --chair "Jane Doe" --date 2020-11-25',
    wouldFail: (template: string, errors: string) =>
      `The new record, made from ${template}, would not pass meet check (line:column of the new record):\n${errors}`,
    builtinTemplate: (name: string) => `the built-in template "${name}"`,
    wouldFailHint: 'Fix the template or the values given.',
    dryRunCommit: '--dry-run: nothing written, nothing committed.',
    exists: (file: string) => `${file} already exists; meet new never overwrites a record.`,
    /** On a terminal: the title asked again. */
    titleTaken: (file: string) => `There is a record with this title already, ${file}; type another title (meet new never overwrites a record).`,
    existsHint: 'Give another --title, or edit the existing record.',
    notCommitted: 'Not committed: the record has errors. Fix them, run "meet check", then commit it with git.',
    badTemplate: (name: string) => `--template takes a template name like "regular", not "${name}"`,
    templateLink: (file: string) => `The template ${file} is a symbolic link leading outside the repository; it is not used.`,
    templateUnreadable: (file: string, why: string) => `The template ${file} cannot be used: ${why}.`,
    noTemplate: (name: string, file: string) => `No template "${name}": neither ${file} nor a built-in one.`,
    noTemplateHint: (kinds: string) => `Built-in templates: ${kinds}.`,
    placeholder: (template: string, line: number, placeholder: string) =>
      `${template}, line ${n(line)}, uses {{${placeholder}}}, which meet new does not fill.`,
    placeholderHint: (list: string) => `Placeholders: ${list}.`,
    noEditor: '--edit needs $VISUAL or $EDITOR to name your editor; nothing was written.',
    noEditorHint: 'Example: EDITOR=nano meet new --edit',
    noSuchEditor: 'there is no such program here (set $VISUAL or $EDITOR to an editor installed on this machine, e.g. nano)',
    editorFailed: (editor: string, why: string, file: string) => `Cannot start the editor "${editor}": ${why}. The record is written and kept: ${file}`,
    editorExit: (editor: string, code: string, file: string) => `The editor "${editor}" ended with ${code}; the record is kept as it is now: ${file}`,
    openTasks: (count: number) =>
      count === 0 ? 'No open tasks listed under "updates".' : `${counted('en', count, { one: 'open task', other: 'open tasks' })} listed under "updates".`,
    otherErrors: (count: number) => `Warning: other records have ${counted('en', count, { one: 'error', other: 'errors' })}; run "meet check".`,
  },

  // ---- meet tasks and meet tasks update.
  tasks: {
    headers: {
      id: 'ID',
      title: 'Task',
      owners: 'Owners',
      due: 'Due',
      status: 'Status',
      overdue: 'Days overdue',
      meeting: 'Assigned at',
      directedBy: 'Directed by',
    },
    atEndOf: (month: string, day: string) => `at the end of ${month} (${day})`,
    onDay: (day: string) => `on ${day}`,
    noneMatch: (when: string) => `No tasks match ${when}.`,
    summary: (count: number, when: string, overdue: number) => `${counted('en', count, { one: 'task', other: 'tasks' })} ${when}, ${n(overdue)} overdue.`,
    notDeclared: (flag: string, what: 'owner' | 'sector', id: string, suggestion?: string) =>
      `${flag} ${id}: no ${what} "${id}" is declared in meet.config.yaml.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    /** `list`: the first ids; `more`: how many are left out. */
    declared: (what: 'owner' | 'sector', list: string, more: number) => `Declared ${what}s: ${list || '(none)'}${more > 0 ? ` and ${n(more)} more` : ''}.`,
    noTask: (id: string, suggestion?: string) => `No record assigns a task "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    noTaskHint: 'Run "meet tasks" to list the task ids.',
    askStatus: (id: string) => `New status of ${id}`,
    missingStatus: 'Missing --status: the new status of the task.',
    missingStatusHint: (id: string) => `Example: meet tasks update ${id} --status done`,
    isOrigin: 'is the record that assigned it',
    notAfter: (date: string, originDate: string, origin: string) => `is dated ${date}, not after the meeting that assigned it (${originDate}, ${origin})`,
    cannotRecord: (id: string, file: string, why: string) => `Cannot record an update for "${id}" in ${file}: it ${why}.`,
    passIn: 'Pass --in a record of a later meeting.',
    createNext: 'Create the next meeting\'s record first with "meet new", or pass --in the record of a later meeting.',
    cannotAdd: (file: string, why: string) => `Cannot add the update to ${file} safely: ${why}.`,
    byHand: (task: string, status: string) => `Nothing was changed. Add it by hand under "updates":\n  - task: ${task}\n    status: ${status}`,
    byHandCheck: 'Nothing was changed; add the update by hand, then run "meet check".',
    already: (id: string, status: string, file: string, commit: boolean) =>
      `${id}: already ${status} in ${file}; nothing changed${commit ? ', nothing committed' : ''}.`,
    changed: (id: string, before: string, after: string, file: string) => `${id}: ${before} → ${after}, in ${file}`,
    replaced: (noteKept: boolean, replacedNote?: string) =>
      ` (the update already there was changed${noteKept ? '; its note was kept' : ''}${replacedNote !== undefined ? `; its note "${replacedNote}" was replaced` : ''})`,
    /** The update went into a record dated after today. */
    fromMeetingDay: (date: IsoDate) =>
      `Note: this record is dated ${formatDate('en', date)}, after today: the new status counts from that meeting on; until then meet tasks and meet log keep the earlier one.`,
    laterUpdate: (file: string, id: string) => `Note: ${file} also updates "${id}"; its status there is the task's current state.`,
    emptyNote: '--note must not be empty.',
    wouldNotReadBack: 'the record would not read back',
    checkWouldFail: (message: string) => `meet check would fail: ${message}`,
  },

  // ---- Why an update cannot be written in place (records/edit.ts).
  edit: {
    noFrontMatter: 'the file has no front matter',
    unreadable: 'its front matter cannot be read',
    notBlock: 'its front matter is not a block of "key: value" lines',
    updatesSpan: 'its "updates" value spans several lines; write the update by hand',
    updatesNotList: 'its "updates" is not a list',
    updatesOther: 'its "updates" list holds something other than "task:/status:" entries',
    unusualLayout: 'the layout of its "updates" list is unusual; write the update by hand',
    noStatus: (task: string) => `its update for "${task}" has no plain "status" value`,
    noteNotText: (task: string) => `its update for "${task}" has a "note" that is not plain text`,
    bom: 'the byte-order mark would change',
    unclosed: 'the front matter would no longer be closed',
    body: 'the Markdown body would change',
    linesAdded: (added: number, expected: number) => `${n(added)} lines would be added instead of ${n(expected)}`,
    outside: (from: number, to: number) => `lines ${n(from)}–${n(to)} would change, outside the update`,
    lineEnds: 'the new lines would mix line endings',
    readBack: (line?: number, message?: string) => `the record would not read back cleanly${line !== undefined ? ` (line ${n(line)}: ${message})` : ''}`,
    otherChanges: 'the record would read back with other changes than the update',
  },

  // ---- meet tasks update: approved minutes, and a record changed by another meet meanwhile.
  update: {
    approved: (id: string, file: string, on?: IsoDate) =>
      `Cannot record an update for "${id}" in ${file}: its minutes are approved (${on ?? 'final'}), and approved minutes do not change.`,
    approvedNext: (file: string) => `Record it in the next meeting's record: --in ${file}`,
    approvedCreateNext: 'Create the next meeting\'s record first with "meet new", then run this again.',
    noLongerRecord: 'it no longer reads as a record (run "meet check")',
    /** The record was moved or deleted between meet reading the repository and writing it (a prompt was open, say). */
    recordGone: 'it was moved or deleted after meet read it (nothing was written; run the command again)',
    /** Another program saved the record each time meet was about to write it. */
    keptChanging: 'another program saved it while meet was writing it (nothing was written; close the editor or wait, then run the command again)',
    nowDated: (date: IsoDate) => `it is now dated ${date}, not after the meeting that assigned the task`,
    nowApproved: 'its minutes are now approved, and approved minutes do not change',
    changedMeanwhile: (file: string, why: string) => `${file} changed while the update was being made, and the update cannot be made to it now: ${why}.`,
    changedMeanwhileHint: 'Nothing was written by this command. Look at the record, then run the command again.',
    notUtf8: 'The record is not UTF-8 text; run "meet check" for the details.',
  },

  // ---- A record named on the command line (tasks update --in, notice, approve); `label` names the argument.
  named: {
    noSuchFile: (label: string) => `${label}: no such file.`,
    outside: (label: string, meetings: string) => `${label} is outside the meetings folder (${meetings}/).`,
    outsideHint: 'Pass the path of a meeting record, like meetings/2020/2020-11-25-regular-meeting-november-2020.md.',
    outsideHintWith: (example: string) => `Pass the path of a meeting record, like ${example}.`,
    meant: (files: readonly string[]) => `Did you mean ${files.join(' or ')}?`,
    notRecord: (label: string) => `${label} is not a meeting record.`,
    notRecordHint: 'Pass the path of a record (a .md file with front matter) in the meetings folder.',
  },

  // ---- meet approve.
  approve: {
    empty: (flag: string) => `${flag} must not be empty.`,
    noticeTogether: '--notice-number and --notice-date go together: the notice issued, and its date.',
    noticeTogetherHint: 'Example: --notice-number 125/N --notice-date 2020-10-28',
    onBeforeMeeting: (on: IsoDate, date: IsoDate) => `--on ${shownDay(on)} is before the meeting (${shownDay(date)}): minutes are approved after the meeting.`,
    afterToday: (flag: string, day: IsoDate, today: IsoDate) =>
      `${flag} ${shownDay(day)} is after today (${shownDay(today)}): approved minutes are final and cannot be taken back; give the day it happened.`,
    bareNumberHint: 'Nothing was written: a notice number recorded in approved minutes stays as written, so give it whole from the start.',
    noticeBeforeMeeting: (noticeDate: IsoDate, date: IsoDate) => `--notice-date ${shownDay(noticeDate)} is before the meeting (${shownDay(date)}).`,
    signerTogether: '--signer and --signer-title go together (and --on-behalf with them): the signer is one person, with their own title.',
    signerTogetherHint:
      'For example: --signer "Jane Doe" --signer-title "Clerk to the Council" --on-behalf "For the Chair"; or leave all three out to use documents.notice_signer in meet.config.yaml.',
    noSigner: 'Who signs the notice? Give --signer and --signer-title, or set documents.notice_signer in meet.config.yaml.',
    already: (file: string, by?: string, on?: IsoDate) => `${file} is already approved (by ${by ?? '?'} on ${on ? shownDay(on) : '?'}).`,
    alreadyHint: 'Approved minutes are final: correct them with an "amendments" entry. To add the notice, run meet approve again with the same --by and --on.',
    noticeAlready: (file: string, number: string, date: IsoDate, signer: string) =>
      `${file} already records the notice ${number} of ${formatDate('en', date)}, signed by ${signer}; nothing changed.`,
    noticeAlreadyHint:
      'A notice once issued keeps its number. If the record is wrong, correct approval.notice by hand with an "amendments" entry (meet check --since asks for one).',
    cannotWrite: (file: string, why: string) => `Cannot write the approval into ${file} safely: ${why}.`,
    nothingChanged: 'Nothing was changed.',
    byHand: 'Nothing was changed; write "approval" by hand, then run "meet check".',
    unchanged: (file: string) => `${file} is already approved so; nothing changed.`,
    approved: (file: string, by: string, on: IsoDate, notice?: { number: string; date: IsoDate }) =>
      `Approved ${file} (by ${by} on ${shownDay(on)}${notice ? `; notice ${notice.number} of ${shownDay(notice.date)}` : ''})`,
  },

  // ---- meet calendar.
  calendar: {
    wrote: (count: number, file: string) => `Wrote ${counted('en', count, { one: 'open task', other: 'open tasks' })} with a due date to ${file}`,
  },

  // ---- meet notice (what it says; the document itself is in the repository's language).
  notice: {
    draft: (file: string) => `${file} has no approval.notice: this is a draft (DỰ THẢO) without number or date. Once issued, record it with "meet approve".`,
    /** `number` is undefined for a draft. */
    /** No signer in the record's notice nor in the config. */
    /** Said in a repository not in Vietnamese: what it gets is not a document in its language. */
    stateDocument: (what: 'notice' | 'report') =>
      `The ${what === 'notice' ? 'notice ("Thông báo kết luận")' : 'report ("Báo cáo")'} is a Vietnamese state document (Nghị định 30/2020/NĐ-CP): its words, dates and numbers are Vietnamese whatever the repository's language.`,
    unsigned: (key: 'notice_signer' | 'report_signer') =>
      `Nobody is named to sign it: the signature block is left blank. Set documents.${key} ({ name, title, on_behalf }) in meet.config.yaml.`,
    /** The record gives the notice nothing to announce: it has its opening only. */
    nothingConcluded: (file: string) => `${file} has no conclusion, results, decisions or tasks: the notice has its opening only. Write them in the record.`,
    wrote: (file: string, number: string | undefined, format: string, out: string) =>
      `Wrote the notice of ${file}${number === undefined ? ' (draft)' : ` (${number})`} as ${format} to ${out}`,
    otherOrganization: (file: string, organization: string) =>
      `${file} is a meeting of ${organization} (organization), but the notice carries this repository's issuer (documents.issuer). If ${organization} issues it, change the header and the signature before it goes out.`,
  },

  // ---- PDF, printed by a Chromium already installed (io/chromium.ts).
  pdf: {
    installHint:
      'PDF is printed by Chromium: install it (Debian/Ubuntu: apt-get install chromium), or set MEET_CHROMIUM to the path of Chromium or Google Chrome. meet never downloads a browser. --format docx works without it.',
    badChromium: (given: string) => `MEET_CHROMIUM is ${given}, which is not a program that can be run.`,
    noChromium: (paths: string, names: string) => `No Chromium found (looked for ${paths} and ${names} on PATH).`,
    noPlaywright: 'PDF needs the playwright-core package, which is not installed with meet.',
    noPlaywrightHint:
      'Install it next to meet (npm install -g playwright-core, or npm install playwright-core in a project that uses meet). --format docx works without it.',
    cannotStart: (file: string, why: string) => `Chromium at ${file} could not be started: ${why}`,
    cannotPrint: (why: string) => `Chromium could not print the document: ${why}`,
    cannotPrintHint:
      'A value in the records may be too long to lay out on pages (a title of a million characters, say): shorten it, or use --format docx or html. Nothing was written.',
  },

  // ---- meet report and meet digest.
  report: {
    noMeetings: (month: Month) => `No meetings in ${formatMonth('en', month)}: there is nothing to report.`,
    wrote: (month: Month, format: string, file: string) => `Wrote the report for ${month} (${format}) to ${file}`,
    upToDate: (file: string) => `${file} is already up to date; not rewritten.`,
    wroteDigest: (month: Month, file: string) => `Wrote the report for ${month} to ${file}`,
    nothingToCommit: 'Nothing to commit: the report is already up to date in git.',
  },

  // ---- meet diff and meet log.
  diff: {
    monthsAndRev: 'Give either two months or --rev, not both: months compare the records of two months, --rev two git revisions.',
    example: 'For example: meet diff 2020-10 2020-11, or meet diff --rev main...HEAD',
    needsMonths: 'meet diff needs two months (the earlier first), or --rev with two git revisions.',
    sameMonth: (month: string) => `Both months are ${month}; give two different months, the earlier first.`,
    sameMonthHint: (before: string, month: string) => `For example: meet diff ${before} ${month}`,
    wrongOrder: (from: string, to: string) => `The first month (${from}) is after the second (${to}); give the earlier month first.`,
    wrongOrderHint: (from: string, to: string) => `Did you mean: meet diff ${to} ${from}`,
  },

  // ---- Progress on a terminal.
  progress: {
    reading: (done: number, total: number) => `reading records ${n(done)} / ${n(total)}`,
  },

  // ---- --out FILE: the format its extension asks for (meet report, meet notice, meet calendar).
  outFile: {
    binaryToTerminal: (format: string) => `--out - writes the ${format} file to standard output, which is a terminal here: its bytes would show as noise.`,
    binaryToTerminalHint: (format: string) => `Redirect it (meet … --out - > file.${format}), or name a file: --out file.${format}.`,
    unknownExtension: (command: string, extension: string, file: string, known: string) =>
      `${command} cannot write ${extension} files (--out ${file}); it writes ${known}.`,
    unknownExtensionHint: 'Name the file with one of those extensions.',
    mismatch: (command: string, format: string, extension: string, file: string) =>
      `${command}: --format ${format} does not write a ${extension} file (--out ${file}).`,
    mismatchHint: (fromFile: string, format: string) => `Leave out --format (the file name says ${fromFile}), or name the file for ${format}.`,
  },

  // ---- What each rule of meet check is about, and how to satisfy it (SARIF's rule list).
  ruleText: Object.fromEntries(Object.entries(RULES).map(([id, rule]) => [id, { summary: rule.summary, help: rule.help }])) as Record<
    RuleId,
    { summary: string; help: string }
  >,
};

/** The catalogue's shape: every locale has exactly these keys. */
export type Messages = typeof en;
