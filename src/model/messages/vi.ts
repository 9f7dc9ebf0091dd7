// Mọi thông báo của meet, bằng tiếng Việt: cùng các khóa với en.ts (kiểu
// Messages bắt buộc điều đó). Lời văn theo cách Văn phòng HĐND và UBND viết:
// "biên bản", "nhiệm vụ", "cơ quan chủ trì", "lĩnh vực", "chỉ tiêu".
//
// The Vietnamese catalogue: the same keys as en.ts (the Messages type
// requires it). Text is NFC; test/messages.test.ts checks both.
import { counted, formatDate, formatMonth, formatNumber } from '../format.js';
import type { IsoDate, Month } from '../dates.js';
import type { Messages } from './en.js';
import { viCommandLine } from './vi.cli.js';

/** A day as the messages write it (27/10/2020); a text that is no day (a record's typo) as it is. */
const shownMonth = (month: string): string => (/^\d{4}-\d{2}$/.test(month) ? formatMonth('vi', month as Month) : month);
const shownDay = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate('vi', day as IsoDate) : day);

const n = (count: number) => formatNumber('vi', count);

const GIT_STATES = { merge: 'gộp nhánh (merge)', 'cherry-pick': 'cherry-pick', revert: 'hoàn tác (revert)', rebase: 'rebase' } as const;

export const vi: Messages = {
  labels: {
    status: { open: 'chưa thực hiện', 'in-progress': 'đang thực hiện', done: 'hoàn thành', dropped: 'dừng thực hiện' },
    kind: { regular: 'thường kỳ', extraordinary: 'bất thường', thematic: 'chuyên đề' },
    severity: { error: 'lỗi', warning: 'cảnh báo' },
    closed: 'đã kết thúc',
    session: { morning: 'buổi sáng', afternoon: 'buổi chiều', evening: 'buổi tối', 'all-day': 'cả ngày' },
    mode: { 'in-person': 'trực tiếp', online: 'trực tuyến', hybrid: 'trực tiếp kết hợp trực tuyến' },
    qualifier: { 'at-least': 'trên', about: 'khoảng', 'at-most': 'dưới' },
    recurring: 'thường xuyên',
    workingDays: (count: number) => counted('vi', count, { other: 'ngày làm việc' }),
    days: (count: number) => counted('vi', count, { other: 'ngày' }),
  },

  titles: {
    regular: (period: string) => `Hội nghị thường kỳ ${period}`,
    thematic: (period: string) => `Hội nghị chuyên đề ${period}`,
  },

  record: {
    title: {
      extraordinary: (date: IsoDate) => `Hội nghị bất thường ngày ${formatDate('vi', date)}`,
    },
    due: (date: string) => `hạn ${date}`,
    noDue: 'không có hạn',
    commitNew: (date: IsoDate, title: string) => `Thêm biên bản ${date} ${title}`,
    commitUpdate: (id: string, status: string) => `Cập nhật nhiệm vụ ${id}: ${status}`,
    commitDigest: (month: Month, html: boolean) => `Báo cáo tháng ${month}${html ? ' (html)' : ''}`,
    commitInit: 'Khởi tạo kho biên bản cuộc họp (meet init)',
    commitApprove: (date: IsoDate) => `Thông qua biên bản cuộc họp ngày ${date}`,
  },

  ...viCommandLine,

  errors: {
    configInvalid: (file: string, count: number) => `Tệp ${file} có ${n(count)} lỗi; hãy sửa tệp này trước.`,
    recordsInvalid: (count: number) => `Các biên bản có ${n(count)} lỗi:`,
    andMore: (count: number) => `… và ${n(count)} lỗi khác`,
    recordsInvalidHint: 'Chạy "meet check" để xem chi tiết, sửa biên bản, rồi chạy lại lệnh này.',
    rootMissing: (root: string) => `--root ${root}: không có thư mục này.`,
    rootNotFolder: (root: string) => `--root ${root}: đây là một tệp, không phải thư mục; --root cần thư mục của kho biên bản (nơi có meet.config.yaml).`,
    noConfigIn: (file: string, root: string) => `Không có tệp ${file} trong ${root}.`,
    noConfigInHint: 'Hãy chạy "meet init" tại đó trước, hoặc cho --root thư mục có tệp này.',
    noConfigFound: (file: string, start: string) => `Không tìm thấy tệp ${file} trong ${start} hay các thư mục chứa nó.`,
    noConfigFoundHint: 'Hãy chạy "meet init" để tạo kho biên bản, hoặc dùng --root <thư-mục>.',
    configLink: (file: string) => `${file} là liên kết (symbolic link) trỏ ra ngoài kho biên bản; không đọc tệp này.`,
    configLinkHint: 'Hãy thay liên kết bằng chính tệp đó.',
    cannotReadConfig: (file: string, why: string) => `Không đọc được ${file}: ${why}`,
    unreadableWhy: (code: string) =>
      ({
        EISDIR: 'đây là một thư mục, không phải tệp',
        ENOTREG: 'đây không phải là tệp thông thường (pipe, socket hoặc thiết bị)',
        EFBIG: 'tệp lớn hơn 4 MiB',
        ELOOP: 'đây là một liên kết (symbolic link)',
        ENOENT: 'không có tệp này',
        EACCES: 'không có quyền đọc',
      })[code] ?? code,
    writeOutside: (shown: string, root: string) => `Không ghi vào ${shown}: nơi này nằm ngoài kho biên bản ${root}`,
    writeThroughLink: (shown: string, root: string) => `Không ghi vào ${shown}: một liên kết (symbolic link) dẫn nơi này ra ngoài kho biên bản ${root}`,
    writeLink: (target: string) => `Không ghi vào ${target}: đây là liên kết (symbolic link)`,
    noFolder: (target: string, folder: string) => `Không ghi được ${target}: thư mục ${folder} không tồn tại`,
    isFolder: (target: string) => `Không ghi được ${target}: đây là thư mục`,
    cannotWrite: (target: string, why: string) => `Không ghi được ${target}: ${why}`,
    outExists: (target: string) => `${target} đã có; meet không ghi đè tệp khi chưa được yêu cầu`,
    outExistsHint: 'Hãy thêm --force để ghi đè, hoặc dùng --out với tên khác.',
    outIntoRecords: (target: string, meetings: string) =>
      `Không ghi ${target}: thư mục biên bản (${meetings}/) và meet.config.yaml chỉ dành cho biên bản và cấu hình của kho; hãy chọn --out ở ngoài, chẳng hạn ở thư mục gốc của kho`,
    outIntoGit: (target: string) =>
      `Không ghi ${target}: thư mục .git là nơi git giữ dữ liệu của riêng nó (tệp ghi vào đó không thuộc kho, và có thể làm hỏng kho); hãy chọn --out ở ngoài, chẳng hạn ở thư mục gốc của kho`,
    cancelled: (flag: string) => `Đã dừng: không có câu trả lời; chưa ghi gì. Có thể chạy lại lệnh với ${flag} để khỏi phải trả lời câu hỏi này.`,
    interrupted: 'Đã hủy (Ctrl-C): chưa ghi gì.',
    tooManyTries: (tries: number, flag: string) => `Sau ${n(tries)} lần vẫn chưa có câu trả lời hợp lệ; hãy chạy lại lệnh, hoặc dùng ${flag}.`,
    writeFolderLink: (folder: string, link: string) =>
      `Không ghi vào ${folder}: ${link} là liên kết (symbolic link); meet chỉ ghi vào các thư mục thật trong kho biên bản`,
    readOnly: (file: string) => `Không ghi ${file}: tệp này đang được đặt chỉ cho đọc (read-only)`,
    readOnlyHint: (file: string) => `Nếu muốn sửa, hãy cho phép ghi trước ("chmod u+w ${file}"), rồi chạy lại lệnh. Chưa có gì được ghi.`,
    inTheWay: (file: string, blocking: string) => `Không ghi được ${file}: ${blocking} là một tệp, không phải thư mục`,
    inTheWayHint: 'Hãy đổi tên hoặc chuyển tệp đó đi, hoặc chọn nơi khác. Chưa có gì được ghi.',
    notWritable: (file: string, code: string) =>
      `${code === 'ENOSPC' || code === 'EDQUOT' ? 'ổ đĩa đã đầy, không ghi được' : code === 'EACCES' || code === 'EPERM' ? 'không có quyền ghi' : code === 'EROFS' ? 'ổ đĩa chỉ cho đọc, không ghi được' : 'không ghi được'}: ${file}`,
    notWritableWhy: {
      ENOSPC: 'Ổ đĩa đã đầy: hãy giải phóng bớt dung lượng, rồi chạy lại lệnh.',
      EDQUOT: 'Đã dùng hết hạn mức dung lượng được cấp: hãy giải phóng bớt dung lượng, rồi chạy lại lệnh.',
      EFBIG: 'Tệp sẽ vượt quá kích thước mà hệ thống tệp cho phép.',
      EROFS: 'Hệ thống tệp chỉ cho phép đọc, không cho phép ghi.',
      EACCES: 'Bạn không có quyền ghi vào nơi này.',
      EPERM: 'Bạn không có quyền ghi vào nơi này.',
      EIO: 'Ổ đĩa báo lỗi đọc/ghi.',
      ENOENT: 'Không tạo được tệp ở đó: thư mục không còn, hoặc là một thư mục đặc biệt (như /proc).',
      ENOTDIR: 'Một phần của đường dẫn là một tệp, không phải thư mục: hãy chọn nơi khác, hoặc đổi tên tệp đó.',
    },
    nothingWritten: 'Chưa có gì được ghi.',
    busy: (file: string, holder?: { pid: number; host: string }) =>
      `${file} đang được một lệnh meet khác sửa${holder ? ` (tiến trình ${holder.pid} trên máy ${holder.host})` : ''}; chưa có gì được ghi.`,
    busyHint: (lock: string) => `Hãy chạy lại lệnh khi lệnh kia đã xong. Nếu không có lệnh meet nào đang chạy, hãy xóa ${lock}.`,
    lockCommitted: (lock: string, remove: string) =>
      `${lock} đã bị commit vào git do nhầm lẫn (meet không bao giờ commit tệp khóa), nên không lệnh meet nào đang giữ nó: đã xóa. Để xóa cả trong git: ${remove}`,
  },

  git: {
    missing: (feature: string) => `${feature} cần có git, nhưng không tìm thấy git trên máy.`,
    missingHint: 'Hãy cài git (trên Windows: Git for Windows, tải tại https://git-scm.com; trên Ubuntu: sudo apt-get install git) rồi chạy lại.',
    notRepository: (feature: string, dir: string) => `${feature} cần một kho git, nhưng ${dir} không nằm trong kho git nào.`,
    notRepositoryHint: 'Hãy chạy "git init" tại đó, hoặc chạy lệnh mà không dùng tùy chọn git.',
    notRepositoryLogHint: 'meet log đọc lịch sử của biên bản từ git: hãy chạy "git init" tại đó và commit các biên bản.',
    cannotRead: (feature: string, dir: string, why: string) => `${feature}: git không đọc được kho tại ${dir}: ${why}`,
    bareFolder: (feature: string, dir: string) =>
      `${feature}: thư mục ${dir} chứa các tệp khiến git coi nó là một kho git riêng (HEAD, config, objects/, refs/): vì an toàn, git không đọc kho này`,
    bareFolderHint: 'Hãy xóa các tệp đó khỏi thư mục (và khỏi commit đã thêm chúng): chúng không thuộc về biên bản nào.',
    safeDirectoryHint: 'Hãy đánh dấu thư mục là an toàn: git config --global --add safe.directory <thư-mục>',
    badRevision: (flag: string, revision: string) => `${flag} cần một phiên bản git (nhánh, thẻ hoặc commit), không phải "${revision}".`,
    badRevisionHint: 'Tên phiên bản không được bắt đầu bằng "-" và chỉ gồm chữ cái (có dấu cũng được), chữ số và . _ / @ { } ~ ^ + # , -',
    badRange: (flag: string, range: string) => `${flag} cần một khoảng như main..HEAD hoặc main...feature, không phải "${range}".`,
    noIdentity: '--commit cần họ tên và địa chỉ thư điện tử của người commit, nhưng git chưa được khai báo.',
    noIdentityHint:
      'Hãy khai báo một lần cho kho này (hoặc thêm --global để dùng cho mọi kho), rồi chạy lại lệnh:\n  git config user.name "Nguyễn Văn A"\n  git config user.email "vanphong@example.org"',
    inProgress: (what: 'merge' | 'cherry-pick' | 'revert' | 'rebase') => `--commit không commit được lúc này: git đang dở một thao tác ${GIT_STATES[what]}.`,
    inProgressHint: 'Hãy hoàn tất (hoặc hủy) thao tác đó trước. Chưa có gì được ghi.',
    detached: '--commit không commit được lúc này: HEAD đang tách rời (detached HEAD), không thuộc nhánh nào, nên commit sẽ không được push lên đâu.',
    detachedHint: 'Hãy chuyển sang một nhánh ("git switch main") rồi chạy lại. Chưa có gì được ghi.',
    recordsUncommitted: (list: string) => `--commit sẽ commit một báo cáo lập từ những biên bản chưa được commit:\n${list}`,
    recordsUncommittedHint:
      'Chưa có gì được ghi. Hãy commit các biên bản này trước ("git add", "git commit"), hoặc bỏ các thay đổi đó, hoặc chạy lệnh mà không dùng --commit.',
    staged: (list: string) => `--commit chỉ commit các tệp do lệnh này ghi, nhưng đã có thay đổi khác được đưa vào chỉ mục (staged):\n${list}`,
    stagedHint:
      'Chưa có gì được ghi. Hãy commit hoặc bỏ chúng khỏi chỉ mục trước ("git commit", hoặc "git restore --staged <tệp>"), hoặc chạy lệnh mà không dùng --commit.',
    ignored: (file: string) => `${file} nằm trong danh sách git bỏ qua (.gitignore): tệp đã được ghi nhưng không commit được`,
    ignoredHint: 'Hãy bỏ tệp (hoặc thư mục chứa nó) khỏi .gitignore, hoặc chạy lệnh không có --commit.',
    uncommitted: (file: string) =>
      `${file} có thay đổi chưa commit (hoặc chưa từng được commit); --commit sẽ commit cả những thay đổi đó dưới tên của lệnh này.`,
    uncommittedHint: (file: string) => `Chưa có gì được ghi. Hãy commit ${file} trước, hoặc chạy lệnh mà không dùng --commit.`,
    configUncommitted: (file: string, tracked: boolean) =>
      `${file} ${tracked ? 'có thay đổi chưa commit' : 'chưa được commit'}: commit mà thiếu tệp này thì người khác không đọc được các biên bản (và CI sẽ dừng vì không tìm thấy tệp ${file}).`,
    configUncommittedHint: (file: string) =>
      `Chưa có gì được ghi. Hãy commit tệp này trước:\n  git add -- ${file} && git commit -m "Thêm ${file}"\nhoặc chạy lại lệnh với --include-config để commit tệp này cùng với thay đổi lần này.`,
    indexLocked: (lock: string) =>
      `một chương trình git khác đang chạy trong kho này, hoặc đã tắt đột ngột và để lại tệp khóa ${lock}. Hãy đóng các chương trình git khác (kể cả trình soạn thảo đang dùng git); nếu không còn chương trình nào, hãy xóa tệp ${lock}.`,
    noCommitMade: 'git commit kết thúc mà không tạo commit nào, cũng không nói lý do (có thể một hook pre-commit hoặc commit-msg thất bại mà không báo gì?)',
    commitFailed: (files: string, staged: boolean, why: string) =>
      `Đã ghi ${files} nhưng không commit được${staged ? ' (tệp đã được đưa vào chỉ mục)' : ''}:\n${why}`,
    commitFailedHint: (files: string, message: string) =>
      `Tệp vẫn được giữ như đã ghi. Hãy khắc phục sự cố, rồi tự commit:\n  git add -- ${files}\n  git commit -m "${message.replace(/"/g, '\\"')}"`,
    committed: (sha: string, message: string) => `Đã commit ${sha}: ${message}`,
    blameFailed: (file: string, why: string) => `git blame không chạy được trên ${file}: ${why}`,
    blameOutput: (line: string) => `git blame trả về kết quả không đọc được: ${line}`,
    sinceNoCommit: 'meet check --since cần ít nhất một commit, nhưng kho này chưa có commit nào.',
    sinceNoCommitHint: 'Hãy commit các biên bản trước.',
    fetchHint:
      'Có vẻ đây là bản sao rút gọn (shallow clone): hãy tải toàn bộ lịch sử (với actions/checkout, đặt "fetch-depth: 0"; trong GitLab CI, đặt GIT_DEPTH: 0; nếu không, chạy "git fetch --unshallow").',
    sinceShallow: (ref: string) => `--since ${ref}: phiên bản này không có trong bản sao rút gọn.`,
    sinceUnknown: (ref: string) => `--since ${ref}: kho này không có phiên bản đó.`,
    sinceUnknownHint: 'Hãy ghi tên một nhánh, thẻ hoặc commit, ví dụ main hoặc origin/main.',
    sinceBaseShallow: (ref: string) => `--since ${ref}: điểm chung của ${ref} và HEAD không có trong bản sao rút gọn.`,
    sinceNoHistory: (ref: string) => `--since ${ref}: ${ref} và HEAD không có lịch sử chung.`,
    shallowHint:
      'Đây là bản sao rút gọn (shallow clone): thiếu các commit cũ và các nhánh khác. Hãy tải về trước ("git fetch --unshallow", ' +
      'hoặc trong GitHub Actions đặt "fetch-depth: 0" cho actions/checkout; trong GitLab CI đặt GIT_DEPTH: 0).',
    notACommit: (revision: string) => `"${revision}" không phải là commit của kho này.`,
    notACommitHint: 'Hãy kiểm tra lại tên ("git branch -a", "git log --oneline"); nhánh trên máy chủ có tên dạng origin/main và có thể cần "git fetch" trước.',
    baseShallow: (from: string, to: string) => `Điểm chung của "${from}" và "${to}" không có trong lịch sử của bản sao này.`,
    noCommonAncestor: (from: string, to: string) => `"${from}" và "${to}" không có điểm chung.`,
    noCommonAncestorHint: (from: string, to: string) => `Hãy so sánh trực tiếp: meet diff --rev ${from}..${to}`,
    blobSizes: (printed: number, expected: number) =>
      `git trả về ${n(printed)} byte cho dữ liệu ${n(expected)} byte; không đọc được biên bản tại phiên bản đó.`,
    failed: (why: string) => `git báo lỗi: ${why}`,
    atRevisionLink: 'Đây là liên kết (symbolic link); tại một phiên bản git chỉ đọc các tệp thông thường',
    atRevisionNotFile: 'Đây không phải là tệp',
    moreErrors: (count: number) => ` (và ${n(count)} lỗi khác)`,
    shallowLog:
      'Lưu ý: đây là bản sao rút gọn (shallow clone); commit hiển thị có thể là commit cũ nhất đã tải về chứ không phải commit đã ghi dòng đó. Chạy "git fetch --unshallow" để có đủ lịch sử.',
  },

  files: {
    tooLarge: (kib: number, mib: number) => `Tệp có dung lượng ${n(kib)} KiB; một biên bản phải nhỏ hơn ${n(mib)} MiB`,
    utf16: 'Tệp được lưu theo bảng mã UTF-16 ("Unicode"); hãy lưu lại theo bảng mã UTF-8',
    binary: 'Tệp này là tệp nhị phân (có byte NUL), không phải biên bản dạng văn bản',
    notUtf8: 'Tệp không phải văn bản UTF-8. Có thể tệp được lưu bằng bảng mã cũ (TCVN3, VNI hoặc Windows-1258); hãy lưu lại theo bảng mã UTF-8',
    meetingsLink: 'Thư mục biên bản là liên kết (symbolic link) trỏ ra ngoài kho biên bản; không đọc gì trong đó',
    danglingLink: 'Liên kết (symbolic link) này trỏ tới một tệp không tồn tại',
    notReadBeside: (name: string) =>
      `Tệp này không được đọc: meet chỉ đọc các biên bản có tên kết thúc bằng .md. Bên cạnh đã có ${name}: hãy so sánh hai tệp, giữ lại những gì cần trong ${name} rồi xóa tệp này`,
    notRead: (name: string) => `Tệp này không được đọc: meet chỉ đọc các biên bản có tên kết thúc bằng .md. Nếu đây là biên bản, hãy đổi tên thành ${name}`,
    nameNotUtf8: 'Tên của tệp hoặc thư mục này không phải văn bản UTF-8 nên không đọc được (kể cả các biên bản bên trong): hãy đổi tên',
    folderUnreadable: (why: string) => `Không đọc được thư mục này (${why}), nên các biên bản bên trong chưa được kiểm tra`,
    outsideLink: 'Liên kết (symbolic link) này trỏ ra ngoài kho biên bản; không đọc tệp này',
    notRegular: 'Đây không phải là tệp thông thường (pipe, socket hoặc thiết bị), nên không được đọc',
    cannotRead: (why: string) => `Không đọc được tệp: ${why}`,
    empty: 'Tệp trống; biên bản bắt đầu bằng dòng "---", phần thông tin đầu biên bản, rồi dòng "---"',
    noFrontMatter: 'Biên bản không có phần thông tin đầu: dòng đầu tiên phải đúng là "---"',
    unclosed: 'Phần thông tin đầu biên bản mở ở dòng 1 nhưng chưa đóng: hãy thêm một dòng chỉ có "---" sau mục cuối cùng',
    language: (language: string) => `Phần thông tin đầu được đánh dấu là "${language}"; meet chỉ đọc YAML, và không bao giờ chạy nội dung nào trong biên bản`,
    notMapping: 'Phần thông tin đầu biên bản không phải là các dòng "mục: giá trị"',
    configNotMapping: 'meet.config.yaml phải gồm các dòng "mục: giá trị"',
    meetingsThroughLink: 'Thư mục biên bản được trỏ tới qua một liên kết (symbolic link); không đọc gì trong đó (hãy đặt paths.meetings là thư mục thật)',
    linkNotFollowed: (what: 'folder' | 'record', target: string) =>
      `${what === 'folder' ? 'Thư mục' : 'Biên bản'} này là liên kết (symbolic link) tới ${target}; meet không đi theo liên kết, nên không đọc gì phía sau nó`,
    unreadableDependents: (count: number) =>
      `Không đọc được biên bản này; ${n(count)} cập nhật ở các biên bản sau phụ thuộc vào nó (nêu nhiệm vụ không biên bản nào khác giao), nên chưa được kiểm tra cho đến khi biên bản này được sửa`,
  },

  yaml: {
    nestedTooDeep: (max: number) => `Các giá trị lồng nhau quá ${n(max)} cấp`,
    tooManyValues: 'Phần thông tin đầu biên bản có quá nhiều giá trị',
    tooManyAliases: (max: number) => `Có quá ${n(max)} tham chiếu ("*tên")`,
    aliasNoAnchor: (alias: string) => `Tham chiếu "*${alias}" không trỏ tới điểm neo nào`,
    tag: (tag: string) => `Không được dùng thẻ YAML "${tag}"; biên bản chỉ chứa giá trị thông thường`,
    controlInValue: (code: string) => `Một giá trị chứa ký tự điều khiển (U+${code}); meet chỉ đọc văn bản thông thường: hãy gõ lại giá trị này`,
    halfCharacter: (code: string) =>
      `Một giá trị chứa nửa ký tự (U+${code}, viết bằng mã thoát "\\u${code}"): hãy viết chính ký tự đó, hoặc viết đủ cả hai nửa của mã thoát`,
    controlInKey: (code: string) => `Tên mục chứa ký tự điều khiển hoặc xuống dòng (U+${code}); tên mục chỉ là chữ thông thường`,
    keyNotText: 'Tên mục phải là chữ thông thường',
    duplicateKey: (key: string) => `Mục "${key}" được viết hai lần ở cùng một chỗ`,
    duplicateListKey: (key: string) =>
      `Danh sách "${key}" được viết hai lần: hãy giữ một dòng "${key}:" và chuyển các dòng của chỗ kia về dưới dòng đó (dòng "${key}: []" trống còn sót lại thì xóa đi)`,
    duplicateFirstKey: (key: string) =>
      `Mục "${key}" được viết hai lần trong cùng một phần tử của danh sách (một nhiệm vụ, một cập nhật…): nếu dòng này bắt đầu một nhiệm vụ hay cập nhật mới, hãy thêm "- " ở đầu dòng, thẳng hàng với "- " của phần tử trước`,
    forbiddenKey: (key: string) => `Không được dùng tên mục "${key}"`,
    multipleDocuments: 'Phần thông tin đầu chứa nhiều hơn một văn bản YAML: hãy bỏ dòng "---" hoặc "..." ở giữa',
    directive: 'Biên bản không được có dòng chỉ thị bắt đầu bằng "%"; hãy xóa dòng đó',
    tabIndent: 'Dòng này thụt lề bằng phím Tab; chỉ thụt lề bằng dấu cách',
    tabAfterSpaces: (spaces: number) => `Dòng này thụt lề bằng ${n(spaces)} dấu cách rồi đến phím Tab; chỉ thụt lề bằng dấu cách (phím cách, không dùng Tab)`,
    badIndent: 'Thụt lề ở đây không đúng; hãy thụt lề cho thẳng hàng với các mục cùng cấp',
    oddIndent: (key: string, spaces: number, expected: number) =>
      `Mục "${key}" thụt lề ${n(spaces)} dấu cách, trong khi các mục cùng cấp thụt lề ${n(expected)} dấu cách: hãy thụt lề ${n(expected)} dấu cách cho thẳng hàng`,
    multilineKey: 'Tên mục kéo dài sang nhiều dòng; hãy thêm dấu cách sau dấu ":" hoặc đặt giá trị trong dấu ngoặc kép',
    missingChar: 'Thiếu dấu ngoặc kép hoặc dấu ngoặc đóng',
    blockAsKey: 'Một danh sách hoặc nhóm mục đang đứng ở vị trí tên mục; hãy kiểm tra thụt lề và dấu ":"',
    textAfterQuote: (key: string, fix: string) => `Giá trị của mục "${key}" còn chữ sau dấu ngoặc kép đóng: hãy đặt cả giá trị trong một cặp ngoặc kép: ${fix}`,
    backslashInQuotes: (key: string, fix: string) =>
      `Trong ngoặc kép, dấu "\\" mở đầu một ký tự đặc biệt (\\n, \\t…): hãy viết giá trị của mục "${key}" trong ngoặc đơn, giữ nguyên như đã viết: ${fix}`,
    doubleComma: (key: string, fix: string) => `Hai dấu phẩy liền nhau trong danh sách của mục "${key}": hãy viết ${fix}`,
    unclosedBracket: (key: string, open: string, close: string, fix: string) =>
      `Giá trị của mục "${key}" mở bằng "${open}" nhưng thiếu dấu "${close}" đóng: hãy viết ${fix}`,
    unreadableLine: 'YAML không đọc được dòng này: hãy xem lại các dấu ngoặc kép, dấu ngoặc và dấu phẩy',
    unclosedQuote: (key: string, fix: string) => `Giá trị của mục "${key}" mở dấu ngoặc kép nhưng không đóng lại: hãy viết ${fix}`,
    bulletNotDash: (bullet: string, fix: string) => `Mỗi dòng của danh sách bắt đầu bằng "- ", không phải "${bullet} ": hãy viết ${fix}`,
    noSpaceAfterDash: (fix: string) => `Sau dấu "-" của một dòng trong danh sách cần có một dấu cách: hãy viết ${fix}`,
    ambiguousAnchor:
      'Tên neo hoặc bí danh (bắt đầu bằng "&" hoặc "*") kết thúc bằng ":" có thể bị hiểu nhầm: hãy thêm dấu cách trước ":", hoặc đặt cả giá trị trong dấu ngoặc kép',
    flowEndIndent: 'Dấu đóng "]" hoặc "}" phải thụt lề sâu hơn dòng của mục chứa nó',
    readOtherwise: 'YAML có thể hiểu dòng này khác ý bạn: hãy kiểm tra lại, hoặc đặt giá trị trong dấu ngoặc kép',
    colonInItem: (index: number, key: string, fix: string) =>
      `Dòng thứ ${n(index)} của "${key}" có dấu ": " ở giữa, YAML sẽ hiểu nhầm là một mục mới: hãy đặt cả dòng trong dấu ngoặc kép: ${fix}`,
    colonInValue: (key: string, fix: string) =>
      `Giá trị của mục "${key}" có dấu ": " ở giữa, YAML sẽ hiểu nhầm là một mục mới: hãy đặt cả giá trị trong dấu ngoặc kép: ${fix}`,
    indicatorStart: (key: string, sign: string, fix: string) =>
      `Giá trị của mục "${key}" bắt đầu bằng ký tự "${sign}", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: ${fix}`,
    itemWithoutDash: (fix: string) => `Dòng này thuộc một danh sách nhưng không bắt đầu bằng "- ": hãy viết ${fix}`,
    keyWithoutColon: (key: string, fix: string) => `Sau tên mục "${key}" thiếu dấu ":": hãy viết ${fix}`,
    nonBreakingSpace: (fix: string) =>
      `Có một dấu cách không ngắt (thường do dán từ Word hoặc Zalo) ở chỗ YAML cần dấu cách thường; hai loại trông giống nhau: hãy gõ lại dấu cách: ${fix}`,
    noSpaceAfterColon: (key: string, fix: string) => `Sau "${key}:" cần có một dấu cách: hãy viết ${fix}`,
    decimalsAsKey: (key: string, place: string) =>
      `"${key}" trong ${place} bị hiểu thành một mục riêng vì dấu phẩy trong cặp { } ngăn cách các mục: nếu đó là phần thập phân của số đứng trước, hãy viết số thập phân bằng dấu chấm (21.4, không phải 21,4)`,
    thousandsAsKey: (key: string, place: string) =>
      `"${key}" trong ${place} bị hiểu thành một mục riêng vì dấu phẩy trong cặp { } ngăn cách các mục: nếu đó là phần nghìn của số đứng trước, hãy viết số liền, không có dấu phẩy (1073, không phải 1,073)`,
    sameMapping: 'cùng một cặp { }',
    quotedRole: (key: string, fix: string) =>
      `"${key}" bị hiểu thành một mục riêng vì dấu phẩy trong cặp { } ngăn cách các mục: hãy đặt phần có dấu phẩy trong dấu ngoặc kép: ${fix}`,
  },

  schema: {
    place: {
      record: 'biên bản',
      config: 'meet.config.yaml',
      paths: '"paths"',
      metric: (id: string) => `chỉ tiêu "${id}"`,
      result: (index: number) => `kết quả thứ ${n(index)}`,
      task: (index: number) => `nhiệm vụ thứ ${n(index)}`,
      update: (index: number) => `cập nhật thứ ${n(index)}`,
      discussion: (index: number) => `ý kiến thảo luận thứ ${n(index)}`,
      results: 'một kết quả',
      tasks: 'một nhiệm vụ',
      updates: 'một cập nhật',
      discussions: 'một ý kiến thảo luận',
      chair: '"chair"',
      chairN: (index: number) => `người chủ trì thứ ${n(index)}`,
      owner: (id: string) => `cơ quan "${id}"`,
      documents: (key?: string) => (key === undefined ? '"documents"' : `"documents.${key}"`),
      figure: (metric: string, index: number) => `số liệu "${metric}" của kết quả thứ ${n(index)}`,
      taskDue: (index: number) => `mục "due" của nhiệm vụ thứ ${n(index)}`,
      attendee: (index?: number) => (index === undefined ? 'một người dự họp' : `người dự họp thứ ${n(index)}`),
      decision: (index?: number) => (index === undefined ? 'một quyết định' : `quyết định thứ ${n(index)}`),
      vote: (index: number) => `kết quả biểu quyết của quyết định thứ ${n(index)}`,
      reference: (index?: number) => (index === undefined ? 'một văn bản liên quan' : `văn bản liên quan thứ ${n(index)}`),
      amendment: (index?: number) => (index === undefined ? 'một lần đính chính' : `lần đính chính thứ ${n(index)}`),
      approval: '"approval"',
      notice: 'thông báo kết luận',
      signer: 'người ký thông báo kết luận',
    },
    unknownKey: (key: string, place: string, suggestion?: string, recordLevel = false) =>
      `Mục "${key}" trong ${place} không phải là một mục hợp lệ.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : recordLevel ? ' Hãy xóa mục này, hoặc ghi thông tin riêng vào mục "extra:".' : ' Hãy xóa mục này.'}`,
    translatedKey: (key: string, place: string, suggestion: string) =>
      `Mục "${key}" trong ${place} không phải là một mục hợp lệ: tên mục phải viết bằng tiếng Anh: hãy dùng "${suggestion}".`,
    missing: (key: string, hint: string) => `Thiếu mục "${key}"${hint}`,
    noValue: (key: string, hint: string) => `Mục "${key}" chưa có giá trị${hint}`,
    emptyItem: (index: number, key: string) => `Dòng thứ ${n(index)} của "${key}" để trống`,
    wrongShape: (key: string, expected: string, got: string) => `"${key}" phải là ${expected}, không phải ${got}`,
    listOfLines: (key: string, got: string) => `"${key}" phải là danh sách, không phải ${got}: hãy viết mỗi mục trên một dòng, bắt đầu bằng "- "`,
    oneOf: (key: string, value: string, allowed: string, suggestion?: string) =>
      `"${key}" là ${value}; hãy dùng một trong các giá trị: ${allowed}.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    termWord: (key: string, value: string, id: string) => `"${key}" là ${value}; trong biên bản giá trị này viết là "${id}": hãy viết ${key}: ${id}`,
    badId: (id: string, why: string) => `Mã "${id}" ${why}`,
    idMeant: (id: string) => `: hãy viết ${id}`,
    notValidId: 'không phải là mã hợp lệ',
    tooSmall: (key: string, why: string) => `"${key}" ${why}`,
    isWhich: (key: string, value: string, why: string) => `"${key}" là ${value}, nhưng ${why}`,
    outOfRange: (key: string, value: string) => `"${key}" là ${value}, vượt quá giới hạn: giá trị của chỉ tiêu phải nằm trong khoảng từ -10^15 đến 10^15`,
    hugeCount: (what: 'votes' | 'days') => `là ${what === 'votes' ? 'số phiếu' : 'số ngày'} quá lớn, không đếm chính xác được: hãy kiểm tra lại con số`,
    wholeNumber: (what: 'votes' | 'days', min: number, max?: number) =>
      `phải là ${what === 'votes' ? 'số phiếu' : 'số ngày'} viết bằng số nguyên, ${max === undefined ? `từ ${n(min)} trở lên` : `từ ${n(min)} đến ${n(max)}`}`,
    hint: {
      title: ': hãy ghi tiêu đề cuộc họp',
      taskTitle: ': nội dung nhiệm vụ, viết trong một dòng',
      signerTitle: ': chức vụ của người ký, như in trên văn bản (CHỦ TỊCH, CHÁNH VĂN PHÒNG)',
      date: ': ngày họp, dạng YYYY-MM-DD',
      noticeDate: ': ngày ban hành thông báo, dạng YYYY-MM-DD',
      amendmentDate: ': ngày sửa biên bản, dạng YYYY-MM-DD',
      chair: ': người chủ trì cuộc họp',
      id: ': mỗi nhiệm vụ cần một mã không trùng với nhiệm vụ nào khác trong kho',
      owner: ': cơ quan được giao thực hiện (mã cơ quan)',
      sector: ': mã lĩnh vực trong meet.config.yaml',
      status: ': một trong open, in-progress, done, dropped',
      task: ': mã của nhiệm vụ được cập nhật',
      sectors: ': khai báo các lĩnh vực (mã: tên)',
      owners: ': khai báo các cơ quan (mã: tên)',
      metrics: ': khai báo các chỉ tiêu (mã: {label, unit, sector}), hoặc viết "metrics: {}"',
    },
    shape: {
      list: 'danh sách (các dòng "- mục")',
      mapping: 'nhóm mục (các dòng "mục: giá trị")',
      text: 'chữ',
      number: 'số',
      or: ' hoặc ',
      boolean: 'true hoặc false',
    },
    got: {
      list: 'danh sách',
      mapping: 'nhóm mục',
      text: (text: string) => `chữ ${text}`,
    },
    rule: {
      empty: 'không được để trống',
      oneLine: 'phải viết trên một dòng',
      dateFormat: 'phải là ngày viết dạng YYYY-MM-DD, ví dụ 2020-10-26',
      notCalendarDay: 'không phải là ngày có thật',
      monthFormat: 'phải là tháng viết dạng YYYY-MM, ví dụ 2020-10',
      notMonth: 'không phải là tháng có thật (01 đến 12)',
      id: 'chỉ gồm chữ thường không dấu, chữ số, ".", "_" hoặc "-", bắt đầu bằng chữ hoặc số',
      number: 'phải là số, ví dụ 540 hoặc 12.5',
      atLeastOneOwner: 'phải có ít nhất một cơ quan',
      time: 'phải là giờ viết dạng HH:MM, ví dụ 14:00',
      folder: 'phải là thư mục nằm trong kho (không có "..", không phải đường dẫn tuyệt đối)',
      atLeastOnePerson: 'phải có ít nhất một người',
      boolean: 'phải là true hoặc false',
      year: 'phải là năm viết dạng YYYY, ví dụ 2020',
      outOfRange: 'vượt quá giới hạn: giá trị của chỉ tiêu phải nằm trong khoảng từ -10^15 đến 10^15',
      tooManyDigits: 'có hơn 15 chữ số có nghĩa, nhiều hơn số chữ số một số liệu giữ được chính xác: hãy làm tròn, hoặc ghi bằng đơn vị lớn hơn',
      tooSmallToKeep: 'quá gần 0, một số liệu không giữ được (sẽ bị đọc thành 0): hãy ghi bằng đơn vị nhỏ hơn',
      dueFormat:
        'phải là ngày viết dạng YYYY-MM-DD (ví dụ 2020-10-26), tháng YYYY-MM, quý YYYY-Qn, năm YYYY, hoặc {working_days: N} (N ngày làm việc) hay {days: N} (N ngày)',
      dueCount: 'phải ghi đúng một trong hai mục "working_days" và "days", ví dụ {working_days: 10}',
      figureEmpty: 'không có cả "value" lẫn "ytd": số liệu cần có giá trị của tháng, số lũy kế từ đầu năm, hoặc cả hai',
    },
    timeWritten: (value: string, fix: string) => `"time" là ${value}; giờ viết dạng HH:MM, theo 24 giờ: ${fix}`,
    dueYearAdded: (value: string, fix: string) => `"due" là ${value}, chưa có năm; tính theo ngày họp, hãy viết ${fix}`,
    duePeriodWritten: (value: string, fix: string) => `"due" là ${value}; hạn đến hết tháng, quý hoặc năm viết như sau: ${fix}`,
    dateWritten: (key: string, value: string, fix: string) => `"${key}" là ${value}; ngày viết dạng YYYY-MM-DD: ${fix}`,
    dateWrittenEither: (key: string, value: string, fixes: readonly string[]) =>
      `"${key}" là ${value}, có thể đọc ngày trước hoặc tháng trước; ngày viết dạng YYYY-MM-DD: ${fixes.join(' hoặc ')}`,
    dateAsFileName: (value: string, fix: string) => `"date" là ${value}; ngày viết dạng YYYY-MM-DD, như trong tên tệp: ${fix}`,
    dateWrittenNotADay: (key: string, value: string, why: string) => `"${key}" là ${value}, không phải là ngày có thật: ${why}`,
    dueStanding: (value: string) =>
      `"due" là ${value}: việc thường xuyên không có hạn; hãy bỏ dòng due và viết recurring: true (nhiệm vụ thường xuyên không bao giờ quá hạn)`,
    dateInWords: (key: string, value: string, example: string) => `"${key}" là ${value}, viết bằng chữ; hãy ghi ngày dạng YYYY-MM-DD, ví dụ ${key}: ${example}`,
    dayOutOfMonth: (month: number, year: number, days: number) => `tháng ${month}/${year} chỉ có ${n(days)} ngày`,
    noSuchMonth: (month: number) => `không có tháng ${n(month)}`,
    idWrittenDeclared: (key: string, value: string) =>
      `"${key}" là ${value}; mã viết bằng chữ thường không dấu, chữ số, ".", "_" và "-", như khai báo trong meet.config.yaml.`,
    idWritten: (key: string, value: string, suggestion: string) =>
      `"${key}" là ${value}; mã viết bằng chữ thường không dấu, chữ số, ".", "_" và "-": có phải ý bạn là "${suggestion}"?`,
    commaGroupsThousands: false,
    figureUnitOnlyMoney: (value: string, allowed: string) =>
      `"unit" là ${value}; đơn vị của số liệu chỉ dùng cho số tiền ghi theo ${allowed}, được quy đổi sang đơn vị của chỉ tiêu: hãy bỏ "unit" và ghi con số đã quy đổi sang đơn vị của chính chỉ tiêu (khai báo trong meet.config.yaml)`,
    figureUnitShort: (value: string, unit: string, allowed: string) =>
      `"unit" là ${value}; hãy viết unit: ${unit} (đơn vị số tiền viết đầy đủ: ${allowed}; số liệu được quy đổi sang đơn vị của chỉ tiêu)`,
    typedNumber: (key: string, value: string, fix: string) =>
      `"${key}" là ${value}; hãy viết ${fix}: dấu trừ "−" của Word và chữ số toàn độ rộng (１２) không phải là số`,
    figureWords: (key: string, value: string, fix: string) =>
      `"${key}" là ${value}; hãy viết ${fix} (con số viết riêng, dấu chấm cho phần thập phân; "trên", "khoảng", "dưới", "ước" và đơn vị tiền ghi bằng qualifier, estimate và unit)`,
    decimalComma: (key: string, value: string, fix: string) =>
      `"${key}" là ${value}; hãy viết ${fix} (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn)`,
    percentSign: (key: string, value: string, fix: string) =>
      `"${key}" là ${value}; hãy viết ${fix}, không kèm "%": số liệu và chỉ tiêu kế hoạch (targets) chỉ ghi con số, theo đơn vị của chỉ tiêu (khai báo trong meet.config.yaml); plan_pct và yoy_pct vốn tính bằng %`,
    spacedNumber: (key: string, value: string, fix: string) => `"${key}" là ${value}; hãy viết ${fix} (chỉ gồm chữ số, không có dấu cách)`,
  },

  rules: {
    notDeclared: (what: 'sector' | 'owner' | 'metric', id: string, suggestion?: string) =>
      `${{ sector: 'Lĩnh vực', owner: 'Cơ quan', metric: 'Chỉ tiêu' }[what]} "${id}" chưa được khai báo trong meet.config.yaml.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    duplicateOwner: (owner: string) =>
      `"${owner}" được ghi hai lần trong danh sách cơ quan được giao của nhiệm vụ: hãy ghi một lần, hoặc ghi mã của cơ quan khác định giao`,
    metricSector: (id: string, sector: string, reported: string) =>
      `Chỉ tiêu "${id}" thuộc lĩnh vực "${sector}", nhưng được báo cáo trong lĩnh vực "${reported}": hãy chuyển số liệu sang kết quả của lĩnh vực "${sector}"`,
    dueBeforeDate: (id: string, due: string, date: string) =>
      `Nhiệm vụ "${id}" có hạn ${shownDay(due)}, trước ngày của cuộc họp giao nhiệm vụ (${shownDay(date)})`,
    duplicateHere: (id: string) => `Mã nhiệm vụ "${id}" đã dùng ở phía trên trong biên bản này; mã nhiệm vụ không được trùng trong toàn bộ kho`,
    duplicateFree: (id: string) => `; hãy đổi mã này, ví dụ thành "${id}" (chưa dùng ở đâu)`,
    duplicateIn: (id: string, file: string) => `Mã nhiệm vụ "${id}" đã dùng trong ${file}; mã nhiệm vụ không được trùng trong toàn bộ kho`,
    unknownTask: (task: string, suggestion?: string) => `Không biên bản nào giao nhiệm vụ "${task}".${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    notEarlierSame: (task: string, date: string) =>
      `Nhiệm vụ "${task}" được giao ngay tại cuộc họp này; phần cập nhật chỉ ghi tiến độ các nhiệm vụ giao tại các cuộc họp trước ngày ${shownDay(date)}`,
    notEarlier: (task: string, when: string, file: string, date: string) =>
      `Nhiệm vụ "${task}" được giao tại cuộc họp ngày ${shownDay(when)} (${file}); phần cập nhật chỉ ghi tiến độ các nhiệm vụ giao tại các cuộc họp trước ngày ${shownDay(date)}`,
    fileSlug: (name: string, date: string) =>
      `Tên tệp "${name}" nên viết dạng ${date}-<tên-ngắn>.md, tên ngắn gồm chữ thường không dấu, chữ số và "-" (như meet new đặt tên tệp)`,
    fileNameForm: (name: string, date: string) => `Tên tệp "${name}" phải có dạng ${date}-<tên-ngắn>.md, tên ngắn gồm chữ thường không dấu, chữ số và "-"`,
    fileNameDate: (named: string, date: string) => `Tên tệp bắt đầu bằng ${named} nhưng ngày họp là ${date}; hãy đổi tên tệp hoặc sửa lại ngày`,
    fileFolder: (folder: string, year: string, expected: string) =>
      `Biên bản nằm trong "${folder}/"; biên bản năm ${year} được lưu trong "${expected}/": hãy chuyển tệp vào đó`,
    timezone: (zone: string) => `"timezone" là "${zone}", không phải tên múi giờ IANA như Asia/Ho_Chi_Minh`,
    metricSectorUndeclared: (id: string, sector: string, suggestion?: string) =>
      `Chỉ tiêu "${id}" thuộc lĩnh vực "${sector}", nhưng lĩnh vực này chưa được khai báo trong "sectors".${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    vanishedDeleted: (task: string, file: string, since: string) =>
      `Không còn biên bản nào giao nhiệm vụ "${task}": nhiệm vụ này ở trong ${file}, tệp đã bị xóa kể từ ${since}`,
    vanishedTaken: (task: string, file: string, since: string) =>
      `Không còn biên bản nào giao nhiệm vụ "${task}": nhiệm vụ này đã bị bỏ khỏi ${file} kể từ ${since}`,
    didYouMean: (suggestion: string) => ` Có phải ý bạn là "${suggestion}"?`,
    dueByBeforeDate: (id: string, due: string, last: string, date: string) =>
      `Nhiệm vụ "${id}" có hạn ${due} (tức là đến ${shownDay(last)}), trước ngày của cuộc họp giao nhiệm vụ (${shownDay(date)})`,
    recurringWithDue: (id: string) => `Nhiệm vụ "${id}" là nhiệm vụ thường xuyên nhưng lại có thời hạn ("due"); nhiệm vụ thường xuyên không có thời hạn`,
    thousandsDot: (key: string, written: string, thousands: string) =>
      `"${key}" viết là ${written}, được hiểu là ${written.replace(/\.?0+$/, '').replace('.', ',')} (dấu chấm bắt đầu phần thập phân); nếu là ${thousands} thì hãy viết ${key}: ${thousands}, không có dấu chấm`,
    figureUnit: (metric: string, unit: string, metricUnit?: string) =>
      `Số liệu "${metric}" được ghi theo đơn vị ${unit}, nhưng chỉ tiêu này ${metricUnit ? `tính theo "${metricUnit}"` : 'không có đơn vị tính'}; chỉ quy đổi được các khoản tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng)`,
    unknownPlan: (plan: string, anyDeclared: boolean, suggestion?: string) =>
      `Kế hoạch "${plan}" chưa được khai báo trong mục "plans" của meet.config.yaml.${
        anyDeclared ? (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : '') : ' Hãy khai báo tại đó (mã: tên), ví dụ "du-toan-tinh: Dự toán tỉnh giao".'
      }`,
    periodAfterDate: (period: string, date: string, month: string) =>
      `Kỳ báo cáo ${period} ở sau tháng của cuộc họp (${shownDay(date)}); cuộc họp chỉ đánh giá tháng đã bắt đầu. Có phải ý bạn là ${month}?`,
    periodNotBegun: (period: string, date: string) =>
      `Kỳ báo cáo ${period} bắt đầu sau cuộc họp (${shownDay(date)}); cuộc họp chỉ đánh giá kỳ đã bắt đầu (kỳ dài hơn một tháng có thể kết thúc sau cuộc họp). Hãy kiểm tra lại năm của kỳ báo cáo`,
    endDateBeforeDate: (endDate: string, date: string) => `"end_date" là ${shownDay(endDate)}, trước ngày đầu tiên của cuộc họp (${shownDay(date)})`,
    approvedBeforeDate: (approvedOn: string, date: string) => `Biên bản được thông qua ngày ${shownDay(approvedOn)}, trước ngày họp (${shownDay(date)})`,
    amendmentBeforeApproval: (date: string, after: string, meeting: boolean) =>
      `Lần đính chính đề ngày ${shownDay(date)}, trước ${meeting ? 'ngày họp' : 'ngày thông qua biên bản'} (${shownDay(after)}); đính chính là sửa biên bản đã thông qua, từ ngày thông qua trở về sau`,
    noticeBeforeDate: (number: string, noticeDate: string, date: string) =>
      `Thông báo kết luận số ${number} đề ngày ${shownDay(noticeDate)}, trước ngày họp (${shownDay(date)}); thông báo kết luận được ban hành vào ngày họp hoặc sau đó`,
    noticeNumber: (number: string, example: string) =>
      `Số thông báo kết luận là "${number}", chưa có dạng số/TB-ký hiệu của Nghị định 30/2020/NĐ-CP (thông báo sẽ in "Số: ${number}"). Hãy ghi đủ, ví dụ "${example}"`,
    groupUnknownMember: (group: string, member: string, suggestion?: string) =>
      `Nhóm "${group}" có thành viên "${member}", nhưng cơ quan này chưa được khai báo trong "owners".${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    folderInGit: (key: string, folder: string) =>
      `paths.${key} là ${folder}, nằm trong thư mục .git riêng của git: git không lưu tệp nào ở đó. Hãy chọn một thư mục khác, ví dụ ${key}`,
    folderAmongRecords: (key: string, folder: string, meetings: string) =>
      `paths.${key} là ${folder}, nằm trong thư mục biên bản (${meetings}): tệp ghi vào đó sẽ bị đọc như một biên bản. Hãy chọn một thư mục khác, ví dụ ${key}`,
    groupOfGroups: (group: string, member: string) =>
      `Nhóm "${group}" có thành viên "${member}", nhưng "${member}" cũng là một nhóm; thành viên của nhóm phải là cơ quan, không phải nhóm`,
    tooManyFindings: (errors: number, warnings: number) =>
      `… và ${n(errors + warnings)} vấn đề khác trong tệp này (${n(errors)} lỗi, ${n(warnings)} cảnh báo) chưa được liệt kê; hãy sửa các vấn đề ở trên rồi chạy lại meet check`,
    approvedDateChanged: (approvedOn: string, date: string, now: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)}: ngày họp phải giữ nguyên là ${shownDay(date)} (nay là ${shownDay(now)})`,
    approvedTaskIdChanged: (approvedOn: string, id: string, now: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)}: không được đổi mã nhiệm vụ "${id}" (nay là "${now}")`,
    approvedItemRemoved: (approvedOn: string, what: 'task' | 'decision' | 'update', list: string, count: number) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)}: không được xóa ${count === 1 ? '' : 'các '}${{ task: 'nhiệm vụ', decision: 'quyết định', update: 'cập nhật của nhiệm vụ' }[what]} ${list}`,
    approvedDeleted: (approvedOn: string, since: string, file: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)} nhưng tệp đã bị xóa kể từ ${since}: biên bản đã thông qua không được xóa; hãy khôi phục bằng lệnh git checkout ${since} -- ${file}`,
    approvedAmendmentChanged: (approvedOn: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)}: không được sửa hoặc xóa lần đính chính đã ghi; hãy thêm một mục "amendments" mới`,
    approvedWithdrawn: (approvedOn: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)} và là bản chính thức: không được trả về bản dự thảo; muốn sửa nội dung, hãy thêm một mục "amendments" (date, by, reason)`,
    approvedLineChanged: (approvedOn: string) =>
      `Biên bản đã được thông qua ngày ${shownDay(approvedOn)} nhưng dòng này đã bị thay đổi: hãy thêm một mục "amendments" (date, by, reason) đề từ ngày ${shownDay(approvedOn)} trở về sau`,
  },

  approvalEdit: {
    otherChanges: 'đọc lại biên bản sẽ thấy thay đổi khác ngoài phần thông qua biên bản',
  },

  check: {
    checked: (count: number) => `đã kiểm tra ${counted('vi', count, { other: 'biên bản' })}`,
    noProblems: (checked: string) => `✔ ${checked}, không có vấn đề gì`,
    summary: (errors: number, warnings: number, files: number, checked: string) =>
      `${errors > 0 ? '✖' : '⚠'} ${n(errors)} lỗi, ${n(warnings)} cảnh báo trong ${n(files)} tệp (${checked})`,
    noChanges: (ref: string, deleted: number) =>
      `✔ không có biên bản nào thay đổi kể từ ${ref}${deleted === 0 ? '' : ` (${n(deleted)} biên bản đã xóa, và không có gì tham chiếu tới)`}`,
    notARecord: (given: string, meetings: string) => `${given} không phải là biên bản: biên bản nằm trong ${meetings}/`,
    noMeetingsFolder: (meetings: string) => `Không có thư mục biên bản ${meetings}/: chưa kiểm tra được biên bản nào`,
    noMeetingsFolderHint: 'Hãy tạo thư mục đó (meet init tạo sẵn), hoặc sửa paths.meetings trong meet.config.yaml.',
    noSuchPath: (given: string) => `Không có tệp hoặc thư mục: ${given}`,
    outsideRepository: (given: string, root: string) => `${given} nằm ngoài kho biên bản tại ${root}`,
  },

  init: {
    vietnameseByDefault: (command: string) =>
      `Kho biên bản này dùng tiếng Việt (locale: vi, mặc định của meet). Muốn dùng tiếng Anh, hãy xóa những gì meet init vừa tạo (liệt kê ở trên) rồi chạy: ${command}`,
    gitignoreComment: 'meet giữ bộ nhớ đệm ở đây và khóa tệp trong lúc ghi (không commit)',
    defaultOrganization: 'Ủy ban nhân dân huyện',
    exists: (file: string) => `${file} đã có; meet init không bao giờ ghi đè tệp này.`,
    existsHint: 'Hãy sửa trực tiếp tệp đó, hoặc chạy meet init ở thư mục khác.',
    insideRepository: (root: string) => `Thư mục này nằm trong kho biên bản ở ${root} (có meet.config.yaml); meet init không tạo kho mới lồng trong kho đó.`,
    insideRepositoryHint:
      'Để thêm quy trình CI cho kho đó, chạy "meet init --ci github" (hoặc gitlab); để tạo kho ở một thư mục khác, ghi tên thư mục: "meet init <thư-mục>".',
    emptyOrganization: '--organization không được để trống',
    badOrganization: (why: string) => `--organization chưa ghi được vào meet.config.yaml: ${why}`,
    workflowExists: (file: string) => `${file} đã có; meet init không bao giờ ghi đè tệp này. Chưa có gì được ghi.`,
    workflowExistsHint: (template: string) => `Hãy tự thêm các bước của meet vào tệp đó; mẫu nằm ở ${template}`,
    kept: (file: string) => `${file} đã có; giữ nguyên. Đã thêm:`,
    created: (where: string) => `Đã tạo kho biên bản tại ${where}:`,
    newGit: '  (và một kho git mới)',
    noGit:
      'Không tìm thấy git: thư mục này chưa được quản lý phiên bản. Hãy cài git (trên Windows: Git for Windows, tải tại https://git-scm.com; trên Ubuntu: sudo apt-get install git) rồi chạy git init trong thư mục này.',
    next: 'Bước tiếp theo: sửa meet.config.yaml (lĩnh vực, cơ quan, chỉ tiêu), rồi chạy "meet new" để lập biên bản cuộc họp đầu tiên.',
    badAction: (given: string) => `--action cần có dạng owner/name@ref (một thẻ hoặc mã sha của commit), không phải "${given}".`,
    actionPlaceholder: (file: string, placeholder: string) =>
      `HÃY SỬA ${file}: thay ${placeholder} bằng kho của meet trên GitHub, ghim theo một thẻ hoặc, tốt hơn, theo mã sha của một commit\n` +
      '(hoặc chạy "meet init --ci github --action owner/name@<sha>" thay cho lệnh vừa rồi).',
    badPackage: (given: string) =>
      `--package cần là địa chỉ git của meet ghim theo mã sha của một commit hoặc một thẻ phiên bản (git+https://…/meeting-minutes-cli.git#<sha>, …#v0.1.0; không phải một nhánh như #main), hoặc địa chỉ https của một tệp gói .tgz, không phải "${given}".`,
    packagePlaceholder: (file: string) =>
      `HÃY SỬA ${file}: đặt MEET_PACKAGE là địa chỉ git của meet, ghim theo mã sha của một commit (git+https://…/meeting-minutes-cli.git#<sha>);\n` +
      'đến khi đó quy trình dừng lại và nói rõ lý do (hoặc chạy "meet init --ci gitlab --package <địa chỉ>" thay cho lệnh vừa rồi).',
    gitlabPipeline:
      'Để lập báo cáo hằng tháng, hãy thêm lịch chạy (pipeline schedule) của GitLab\n' +
      '("0 12 1 * *": 12:00 UTC ngày 1 hằng tháng, khi tháng trước đã hết ở mọi múi giờ) trên một nhánh được bảo vệ và biến MEET_PUSH_TOKEN có đánh dấu Masked và Protected.',
    // In the GitLab pipeline's shell, between double quotes: no ", $, ` or \\.
    packageUnset: 'Hãy đặt MEET_PACKAGE trong .gitlab-ci.yml là địa chỉ git của meet tại một commit (git+https://…/meeting-minutes-cli.git#<sha>)',
    onlyWithCi: (flag: string, provider: string) => `${flag} chỉ dùng cùng --ci ${provider}.`,
    commitHint: (at: string, files: string, message: string) =>
      `Hãy commit những gì vừa tạo, để CI và mọi người khác cùng thấy tệp cấu hình:\n  git${at} add -- ${files} && git${at} commit -m ${message}\n(hoặc lần sau chạy meet init với --commit).`,
    noGitForCommit: '--commit cần có git, nhưng không tìm thấy git trên máy. Các tệp đã được ghi.',
  },

  new: {
    earlierRecordsInvalid: (count: number) =>
      `Chưa lập biên bản mới: biên bản các cuộc họp trước có ${n(count)} lỗi khiến meet không đọc trọn được, nên chưa biết chắc nhiệm vụ nào còn chưa hoàn thành:`,
    askDate: 'Ngày họp (DD/MM/YYYY hoặc YYYY-MM-DD)',
    askKind: 'Loại cuộc họp',
    askTitle: 'Tiêu đề',
    askChair: 'Người chủ trì',
    askPeriod: 'Kỳ được đánh giá tại cuộc họp (như 10/2020, Quý 4/2020, 6 tháng đầu năm 2020, 9 tháng đầu năm 2020, năm 2020)',
    notAPeriod: (answer: string, why: string) => `"${answer}" ${why}.`,
    choose: (count: number) => `Chọn từ 1 đến ${n(count)}`,
    emptyAnswer: 'Cần nhập câu trả lời.',
    notAChoice: (answer: string, count: number, suggestion?: string) =>
      `"${answer}" không có trong danh sách.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''} Hãy gõ một số từ 1 đến ${n(count)}.`,
    badKind: (kind: string, allowed: string) => `--kind phải là một trong ${allowed}, không phải "${kind}"`,
    emptyTitle: '--title không được để trống',
    missingChair: 'Thiếu --chair: người chủ trì cuộc họp.',
    missingChairHint: 'Ví dụ: meet new --chair "Hoàng Văn Hiệp" --date 25/11/2020',
    wouldFail: (template: string, errors: string) => `Biên bản mới, tạo từ ${template}, sẽ không qua được meet check (dòng:cột của biên bản mới):\n${errors}`,
    builtinTemplate: (name: string) => `mẫu "${name}" có sẵn`,
    wouldFailHint: 'Hãy sửa mẫu biên bản hoặc các giá trị đã nhập.',
    dryRunCommit: '--dry-run: không ghi tệp, không commit.',
    exists: (file: string) => `${file} đã có; meet new không bao giờ ghi đè biên bản.`,
    existsHint: 'Hãy đặt --title khác, hoặc sửa biên bản đã có.',
    /** On a terminal: the title asked again. */
    titleTaken: (file: string) => `Đã có biên bản ${file} với tiêu đề này; hãy gõ một tiêu đề khác (meet new không bao giờ ghi đè biên bản).`,
    notCommitted: 'Chưa commit: biên bản có lỗi. Hãy sửa, chạy "meet check", rồi commit bằng git.',
    badTemplate: (name: string) => `--template cần tên mẫu như "regular", không phải "${name}"`,
    templateLink: (file: string) => `Mẫu ${file} là liên kết (symbolic link) trỏ ra ngoài kho biên bản; không dùng mẫu này.`,
    templateUnreadable: (file: string, why: string) => `Không dùng được mẫu ${file}: ${why}.`,
    noTemplate: (name: string, file: string) => `Không có mẫu "${name}": không có ${file} và cũng không có mẫu sẵn.`,
    noTemplateHint: (kinds: string) => `Các mẫu sẵn có: ${kinds}.`,
    placeholder: (template: string, line: number, placeholder: string) =>
      `${template}, dòng ${n(line)}, dùng {{${placeholder}}}, nhưng meet new không điền chỗ này.`,
    placeholderHint: (list: string) => `Các chỗ được điền: ${list}.`,
    noEditor: '--edit cần biến $VISUAL hoặc $EDITOR ghi tên trình soạn thảo; chưa ghi biên bản.',
    noEditorHint: 'Ví dụ: EDITOR=nano meet new --edit',
    noSuchEditor: 'máy này không có chương trình đó (hãy đặt $VISUAL hoặc $EDITOR là một trình soạn thảo đã cài trên máy, ví dụ nano)',
    editorFailed: (editor: string, why: string, file: string) => `Không mở được trình soạn thảo "${editor}": ${why}. Biên bản đã ghi và được giữ lại: ${file}`,
    editorExit: (editor: string, code: string, file: string) =>
      `Trình soạn thảo "${editor}" báo lỗi (mã ${code}); biên bản được giữ nguyên như hiện tại: ${file}`,
    openTasks: (count: number) =>
      count === 0 ? 'Không có nhiệm vụ nào chưa hoàn thành để đưa vào "updates".' : `Đã đưa ${n(count)} nhiệm vụ chưa hoàn thành vào "updates".`,
    otherErrors: (count: number) => `Lưu ý: các biên bản khác có ${n(count)} lỗi; hãy chạy "meet check".`,
  },

  tasks: {
    headers: {
      id: 'Mã',
      title: 'Nhiệm vụ',
      owners: 'Cơ quan được giao',
      due: 'Hạn',
      status: 'Tình trạng',
      overdue: 'Quá hạn (ngày)',
      meeting: 'Hội nghị giao',
      directedBy: 'Chỉ đạo',
    },
    atEndOf: (month: string, day: string) => `tính đến cuối ${month} (${day})`,
    onDay: (day: string) => `tính đến ngày ${day}`,
    noneMatch: (when: string) => `Không có nhiệm vụ nào phù hợp ${when}.`,
    summary: (count: number, when: string, overdue: number) => `${n(count)} nhiệm vụ ${when}, trong đó ${n(overdue)} nhiệm vụ quá hạn.`,
    notDeclared: (flag: string, what: 'owner' | 'sector', id: string, suggestion?: string) =>
      `${flag} ${id}: ${what === 'owner' ? 'cơ quan' : 'lĩnh vực'} "${id}" chưa được khai báo trong meet.config.yaml.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    declared: (what: 'owner' | 'sector', list: string, more: number) =>
      `Các ${what === 'owner' ? 'cơ quan' : 'lĩnh vực'} đã khai báo: ${list || '(chưa có)'}${more > 0 ? ` và ${n(more)} ${what === 'owner' ? 'cơ quan' : 'lĩnh vực'} khác` : ''}.`,
    noTask: (id: string, suggestion?: string) => `Không biên bản nào giao nhiệm vụ "${id}".${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    noTaskHint: 'Chạy "meet tasks" để xem danh sách mã nhiệm vụ.',
    askStatus: (id: string) => `Tình trạng mới của nhiệm vụ ${id}`,
    missingStatus: 'Thiếu --status: tình trạng mới của nhiệm vụ.',
    missingStatusHint: (id: string) => `Ví dụ: meet tasks update ${id} --status done`,
    isOrigin: 'chính là biên bản đã giao nhiệm vụ',
    notAfter: (date: string, originDate: string, origin: string) =>
      `có ngày ${formatDate('vi', date)}, không sau cuộc họp giao nhiệm vụ (${formatDate('vi', originDate)}, ${origin})`,
    cannotRecord: (id: string, file: string, why: string) => `Không ghi được cập nhật cho "${id}" vào ${file}: biên bản này ${why}.`,
    passIn: 'Hãy dùng --in với biên bản của một cuộc họp sau đó.',
    createNext: 'Hãy lập biên bản cuộc họp tiếp theo bằng "meet new" trước, hoặc dùng --in với biên bản của một cuộc họp sau đó.',
    cannotAdd: (file: string, why: string) => `Không thể ghi cập nhật vào ${file} một cách an toàn: ${why}.`,
    byHand: (task: string, status: string) => `Chưa có gì thay đổi. Hãy tự thêm vào "updates":\n  - task: ${task}\n    status: ${status}`,
    byHandCheck: 'Chưa có gì thay đổi; hãy tự thêm cập nhật, rồi chạy "meet check".',
    already: (id: string, status: string, file: string, commit: boolean) =>
      `${id}: đã là "${status}" trong ${file}; không có gì thay đổi${commit ? ', không commit' : ''}.`,
    changed: (id: string, before: string, after: string, file: string) => `${id}: ${before} → ${after}, trong ${file}`,
    replaced: (noteKept: boolean, replacedNote?: string) =>
      ` (đã sửa cập nhật có sẵn${noteKept ? '; giữ nguyên ghi chú' : ''}${replacedNote !== undefined ? `; ghi chú cũ "${replacedNote}" đã được thay` : ''})`,
    fromMeetingDay: (date: IsoDate) =>
      `Lưu ý: biên bản này ghi ngày ${formatDate('vi', date)}, sau hôm nay: tình trạng mới tính từ ngày họp đó; trước ngày đó, meet tasks và meet log vẫn tính nhiệm vụ theo tình trạng cũ.`,
    laterUpdate: (file: string, id: string) => `Lưu ý: ${file} cũng cập nhật "${id}"; tình trạng ghi ở đó là tình trạng hiện nay của nhiệm vụ.`,
    emptyNote: '--note không được để trống.',
    wouldNotReadBack: 'đọc lại biên bản sau khi sửa thì không được',
    checkWouldFail: (message: string) => `meet check sẽ báo lỗi: ${message}`,
  },

  edit: {
    noFrontMatter: 'tệp không có phần thông tin đầu',
    unreadable: 'không đọc được phần thông tin đầu',
    notBlock: 'phần thông tin đầu không phải là các dòng "mục: giá trị"',
    updatesSpan: 'giá trị của "updates" trải trên nhiều dòng; hãy tự ghi cập nhật',
    updatesNotList: '"updates" không phải là danh sách',
    updatesOther: 'danh sách "updates" có nội dung khác ngoài các mục "task:/status:"',
    unusualLayout: 'danh sách "updates" được trình bày khác thường; hãy tự ghi cập nhật',
    noStatus: (task: string) => `cập nhật cho "${task}" không có giá trị "status" thông thường`,
    noteNotText: (task: string) => `cập nhật cho "${task}" có "note" không phải chữ thông thường`,
    bom: 'dấu BOM đầu tệp sẽ bị thay đổi',
    unclosed: 'phần thông tin đầu sẽ không còn được đóng',
    body: 'nội dung Markdown của biên bản sẽ bị thay đổi',
    linesAdded: (added: number, expected: number) => `sẽ thêm ${n(added)} dòng thay vì ${n(expected)} dòng`,
    outside: (from: number, to: number) => `các dòng ${n(from)}–${n(to)} sẽ bị thay đổi, ngoài phần cập nhật`,
    lineEnds: 'các dòng mới sẽ dùng kiểu xuống dòng khác với phần còn lại',
    readBack: (line?: number, message?: string) => `đọc lại biên bản sẽ có lỗi${line !== undefined ? ` (dòng ${n(line)}: ${message})` : ''}`,
    otherChanges: 'đọc lại biên bản sẽ thấy thay đổi khác ngoài cập nhật',
  },

  update: {
    approved: (id: string, file: string, on?: IsoDate) =>
      `Không ghi được cập nhật cho "${id}" vào ${file}: biên bản này đã được thông qua${on ? ` (ngày ${formatDate('vi', on)})` : ''}, và biên bản đã thông qua thì không được sửa đổi.`,
    approvedNext: (file: string) => `Hãy ghi vào biên bản của cuộc họp tiếp theo: --in ${file}`,
    approvedCreateNext: 'Hãy lập biên bản cuộc họp tiếp theo bằng "meet new" trước, rồi chạy lại lệnh này.',
    noLongerRecord: 'biên bản không còn đọc được (hãy chạy "meet check")',
    recordGone: 'biên bản đã bị chuyển đi hoặc xóa sau khi meet đọc nó (chưa ghi gì; hãy chạy lại lệnh)',
    keptChanging: 'một chương trình khác đã lưu biên bản trong lúc meet đang ghi (chưa ghi gì; hãy đóng trình soạn thảo hoặc đợi, rồi chạy lại lệnh)',
    nowDated: (date: IsoDate) => `biên bản nay ghi ngày ${formatDate('vi', date)}, không sau cuộc họp giao nhiệm vụ`,
    nowApproved: 'biên bản nay đã được thông qua, và biên bản đã thông qua thì không được sửa đổi',
    changedMeanwhile: (file: string, why: string) => `${file} đã bị thay đổi trong lúc đang ghi cập nhật, và nay không thể ghi cập nhật vào đó nữa: ${why}.`,
    changedMeanwhileHint: 'Lệnh này chưa ghi gì. Hãy xem lại biên bản, rồi chạy lại lệnh.',
    notUtf8: 'Biên bản không phải là văn bản UTF-8; hãy chạy "meet check" để xem chi tiết.',
  },

  named: {
    noSuchFile: (label: string) => `${label}: không có tệp này.`,
    outside: (label: string, meetings: string) => `${label} nằm ngoài thư mục biên bản (${meetings}/).`,
    outsideHint: 'Hãy ghi đường dẫn của một biên bản, ví dụ meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md.',
    outsideHintWith: (example: string) => `Hãy ghi đường dẫn của một biên bản, ví dụ ${example}.`,
    meant: (files: readonly string[]) => `Có phải ý bạn là ${files.join(' hoặc ')}?`,
    notRecord: (label: string) => `${label} không phải là biên bản cuộc họp.`,
    notRecordHint: 'Hãy ghi đường dẫn của một biên bản (tệp .md có phần thông tin đầu) trong thư mục biên bản.',
  },

  approve: {
    empty: (flag: string) => `${flag} không được để trống.`,
    noticeTogether: '--notice-number và --notice-date phải dùng cùng nhau: số của thông báo đã ban hành và ngày ban hành.',
    noticeTogetherHint: 'Ví dụ: --notice-number 125/TB-UBND --notice-date 28/10/2020',
    onBeforeMeeting: (on: IsoDate, date: IsoDate) =>
      `--on ${formatDate('vi', on)} sớm hơn ngày họp (${formatDate('vi', date)}): biên bản chỉ được thông qua sau cuộc họp.`,
    afterToday: (flag: string, day: IsoDate, today: IsoDate) =>
      `${flag} ${formatDate('vi', day)} ở sau hôm nay (${formatDate('vi', today)}): biên bản đã thông qua là bản chính thức, không sửa lại được; hãy ghi ngày đã diễn ra.`,
    bareNumberHint: 'Chưa có gì được ghi: số thông báo đã ghi vào biên bản đã thông qua thì giữ nguyên, nên hãy ghi đủ số và ký hiệu ngay từ đầu.',
    noticeBeforeMeeting: (noticeDate: IsoDate, date: IsoDate) => `--notice-date ${formatDate('vi', noticeDate)} sớm hơn ngày họp (${formatDate('vi', date)}).`,
    signerTogether:
      '--signer và --signer-title phải dùng cùng nhau (--on-behalf đi kèm hai tùy chọn đó): người ký là một người, với chức vụ của chính người đó.',
    signerTogetherHint:
      'Ví dụ: --signer "Lê Văn Nam" --signer-title "CHÁNH VĂN PHÒNG" --on-behalf "TL. CHỦ TỊCH"; hoặc bỏ cả ba để dùng documents.notice_signer trong meet.config.yaml.',
    noSigner: 'Chưa rõ ai ký thông báo: hãy dùng --signer và --signer-title, hoặc khai báo documents.notice_signer trong meet.config.yaml.',
    already: (file: string, by?: string, on?: IsoDate) => `${file} đã được thông qua (người thông qua: ${by ?? '?'}, ngày ${on ? formatDate('vi', on) : '?'}).`,
    alreadyHint:
      'Biên bản đã thông qua là bản chính thức: muốn sửa, hãy ghi thêm một mục "amendments" (đính chính). Để bổ sung thông báo kết luận, hãy chạy lại meet approve với cùng --by và --on.',
    noticeAlready: (file: string, number: string, date: IsoDate, signer: string) =>
      `${file} đã ghi thông báo kết luận số ${number} ngày ${formatDate('vi', date)}, người ký ${signer}; không thay đổi gì.`,
    noticeAlreadyHint:
      'Thông báo đã ban hành thì giữ nguyên số. Nếu biên bản ghi sai, hãy sửa approval.notice bằng tay kèm một mục "amendments" (meet check --since sẽ yêu cầu).',
    cannotWrite: (file: string, why: string) => `Không thể ghi việc thông qua vào ${file} một cách an toàn: ${why}.`,
    nothingChanged: 'Chưa có gì thay đổi.',
    byHand: 'Chưa có gì thay đổi; hãy tự ghi mục "approval", rồi chạy "meet check".',
    unchanged: (file: string) => `${file} đã được ghi thông qua đúng như vậy; không có gì thay đổi.`,
    approved: (file: string, by: string, on: IsoDate, notice?: { number: string; date: IsoDate }) =>
      `Đã ghi thông qua ${file} (người thông qua: ${by}, ngày ${formatDate('vi', on)}${notice ? `; Thông báo kết luận số ${notice.number} ngày ${formatDate('vi', notice.date)}` : ''})`,
  },

  calendar: {
    wrote: (count: number, file: string) => `Đã ghi ${n(count)} nhiệm vụ chưa hoàn thành có thời hạn vào ${file}`,
  },

  notice: {
    draft: (file: string) =>
      `${file} chưa có approval.notice: đây là bản dự thảo (DỰ THẢO), chưa có số và ngày. Khi thông báo đã ban hành, hãy ghi lại bằng "meet approve".`,
    stateDocument: (what: 'notice' | 'report') =>
      `${what === 'notice' ? 'Thông báo kết luận' : 'Báo cáo'} là văn bản hành chính theo Nghị định 30/2020/NĐ-CP: lời văn, ngày tháng và số liệu viết bằng tiếng Việt, dù kho biên bản dùng ngôn ngữ nào.`,
    unsigned: (key: 'notice_signer' | 'report_signer') =>
      `Chưa rõ ai ký: khối chữ ký để trống. Hãy khai báo documents.${key} ({ name, title, on_behalf }) trong meet.config.yaml.`,
    nothingConcluded: (file: string) =>
      `${file} không có kết luận, kết quả, quyết định hay nhiệm vụ nào (conclusion, results, decisions, tasks): thông báo chỉ có phần mở đầu. Hãy ghi các nội dung đó vào biên bản.`,
    wrote: (file: string, number: string | undefined, format: string, out: string) =>
      `Đã ghi thông báo kết luận của ${file}${number === undefined ? ' (bản dự thảo)' : ` (số ${number})`} dạng ${format} vào ${out}`,
    otherOrganization: (file: string, organization: string) =>
      `${file} là cuộc họp của ${organization} (organization), nhưng thông báo mang tên cơ quan của kho biên bản (documents.issuer). Nếu ${organization} tự ban hành thông báo này, hãy sửa phần đầu văn bản và chữ ký trước khi ban hành.`,
  },

  pdf: {
    installHint:
      'Tệp PDF được in bằng Chromium: hãy cài Chromium (Debian/Ubuntu: apt-get install chromium), hoặc đặt MEET_CHROMIUM là đường dẫn tới Chromium hay Google Chrome. meet không bao giờ tự tải trình duyệt. --format docx vẫn dùng được khi không có Chromium.',
    badChromium: (given: string) => `MEET_CHROMIUM là ${given}, nhưng đó không phải là chương trình chạy được.`,
    noChromium: (paths: string, names: string) => `Không tìm thấy Chromium (đã tìm ${paths} và ${names} trong PATH).`,
    noPlaywright: 'Tệp PDF cần gói playwright-core, nhưng gói này không được cài cùng meet.',
    noPlaywrightHint:
      'Hãy cài gói này bên cạnh meet (npm install -g playwright-core, hoặc npm install playwright-core trong dự án có dùng meet). --format docx vẫn dùng được khi không có gói này.',
    cannotStart: (file: string, why: string) => `Không khởi động được Chromium tại ${file}: ${why}`,
    cannotPrint: (why: string) => `Chromium không in được văn bản: ${why}`,
    cannotPrintHint:
      'Có thể một nội dung trong biên bản quá dài để dàn trang (chẳng hạn một tiêu đề dài hàng triệu chữ): hãy rút gọn, hoặc dùng --format docx hoặc html. Chưa có gì được ghi.',
  },

  report: {
    noMeetings: (month: Month) => `Không có cuộc họp nào trong ${formatMonth('vi', month)}: không có gì để báo cáo.`,
    wrote: (month: Month, format: string, file: string) => `Đã ghi báo cáo ${formatMonth('vi', month)} (${format}) vào ${file}`,
    upToDate: (file: string) => `${file} đã là bản mới nhất; không ghi lại.`,
    wroteDigest: (month: Month, file: string) => `Đã ghi báo cáo ${formatMonth('vi', month)} vào ${file}`,
    nothingToCommit: 'Không có gì để commit: báo cáo trong git đã là bản mới nhất.',
  },

  diff: {
    monthsAndRev: 'Hãy cho hai tháng hoặc --rev, không dùng cả hai: hai tháng để so sánh biên bản của hai tháng, --rev để so sánh hai phiên bản git.',
    example: 'Ví dụ: meet diff 2020-10 2020-11, hoặc meet diff --rev main...HEAD',
    needsMonths: 'meet diff cần hai tháng (tháng cũ hơn đứng trước), hoặc --rev với hai phiên bản git.',
    sameMonth: (month: string) => `Cả hai tháng đều là ${shownMonth(month)}; hãy cho hai tháng khác nhau, tháng cũ hơn đứng trước.`,
    sameMonthHint: (before: string, month: string) => `Ví dụ: meet diff ${before} ${month}`,
    wrongOrder: (from: string, to: string) => `Tháng thứ nhất (${shownMonth(from)}) ở sau tháng thứ hai (${shownMonth(to)}); hãy ghi tháng cũ hơn trước.`,
    wrongOrderHint: (from: string, to: string) => `Có phải ý bạn là: meet diff ${to} ${from}`,
  },

  progress: {
    reading: (done: number, total: number) => `đang đọc biên bản ${n(done)} / ${n(total)}`,
  },

  outFile: {
    binaryToTerminal: (format: string) => `--out - ghi tệp ${format} ra đầu ra chuẩn, mà ở đây là màn hình lệnh: nội dung tệp sẽ hiện thành ký tự lạ.`,
    binaryToTerminalHint: (format: string) => `Hãy chuyển hướng (meet … --out - > tep.${format}), hoặc đặt tên tệp: --out tep.${format}.`,
    unknownExtension: (command: string, extension: string, file: string, known: string) =>
      `${command} không ghi được tệp ${extension} (--out ${file}); lệnh này chỉ ghi các tệp ${known}.`,
    unknownExtensionHint: 'Hãy đặt tên tệp với một trong các phần mở rộng đó.',
    mismatch: (command: string, format: string, extension: string, file: string) =>
      `${command}: --format ${format} không ghi ra tệp ${extension} (--out ${file}).`,
    mismatchHint: (fromFile: string, format: string) =>
      `Hãy bỏ --format (tên tệp đã cho biết định dạng ${fromFile}), hoặc đặt tên tệp theo định dạng ${format}.`,
  },

  ruleText: {
    'file-unreadable': {
      summary: 'Không đọc được tệp',
      help: 'Kiểm tra tệp có tồn tại và đọc được không; một thư mục có tên kết thúc bằng .md không phải là biên bản.',
    },
    'file-encoding': {
      summary: 'Tệp không phải văn bản UTF-8',
      help: 'Lưu tệp theo bảng mã UTF-8 (trong hầu hết trình soạn thảo: "Lưu với bảng mã" → UTF-8). Văn bản lưu bằng bảng mã tiếng Việt cũ (TCVN3, VNI, Windows-1258) phải được chuyển đổi.',
    },
    'file-outside-root': {
      summary: 'Liên kết (symbolic link) trỏ ra ngoài kho biên bản',
      help: 'Biên bản phải nằm trong kho; hãy thay liên kết bằng chính tệp đó.',
    },
    'front-matter-missing': {
      summary: 'Biên bản không có phần thông tin đầu',
      help: 'Biên bản bắt đầu bằng một dòng "---", phần thông tin đầu viết bằng YAML, rồi một dòng "---" nữa.',
    },
    'front-matter-unclosed': { summary: 'Phần thông tin đầu không được đóng', help: 'Thêm một dòng chỉ có "---" sau mục cuối cùng của phần thông tin đầu.' },
    'front-matter-language': {
      summary: 'Phần thông tin đầu không viết bằng YAML',
      help: 'meet chỉ đọc phần thông tin đầu viết bằng YAML; hãy bắt đầu biên bản bằng một dòng chỉ có "---".',
    },
    'front-matter-not-mapping': {
      summary: 'Phần thông tin đầu không phải là các mục',
      help: 'Phần thông tin đầu phải gồm các mục YAML và giá trị, như "title: ..." trên một dòng riêng.',
    },
    'yaml-syntax': {
      summary: 'Không đọc được YAML',
      help: 'Sửa YAML tại dòng được chỉ ra: thụt lề bằng dấu cách (không dùng Tab), có dấu cách sau ":", đóng mọi dấu ngoặc kép.',
    },
    'yaml-duplicate-key': {
      summary: 'Một mục được viết hai lần',
      help: 'Giữ lại một trong hai mục; YAML không cho phép một mục xuất hiện hai lần ở cùng một chỗ.',
    },
    'yaml-tag': { summary: 'Không được dùng thẻ YAML', help: 'Bỏ thẻ "!"; biên bản chỉ dùng giá trị YAML thông thường.' },
    'yaml-alias': {
      summary: 'Quá nhiều tham chiếu YAML, hoặc tham chiếu không trỏ tới đâu',
      help: 'Hãy viết đầy đủ các giá trị thay vì dùng "&neo" và "*tham-chiếu".',
    },
    'forbidden-key': {
      summary: 'Tên mục có thể làm thay đổi hoạt động của chương trình',
      help: 'Đổi tên mục; không được dùng "__proto__", "constructor" và "prototype".',
    },
    'unknown-key': {
      summary: 'Mục không hợp lệ',
      help: 'Kiểm tra lại chính tả theo định dạng biên bản hoặc meet.config.yaml; dữ liệu tự do của biên bản đặt trong "extra".',
    },
    'required-key': { summary: 'Thiếu mục bắt buộc, hoặc mục để trống', help: 'Thêm mục đó cùng giá trị.' },
    'invalid-type': { summary: 'Giá trị không đúng dạng', help: 'Kiểm tra nơi này cần một giá trị, một danh sách ("- mục") hay một nhóm mục.' },
    'invalid-value': { summary: 'Giá trị không được phép', help: 'Dùng một trong các giá trị mà mẫu biên bản quy định.' },
    'invalid-date': { summary: 'Ngày không có thật hoặc không viết dạng YYYY-MM-DD', help: 'Viết ngày dạng YYYY-MM-DD, ví dụ 2020-10-26.' },
    'file-not-read': {
      summary: 'Một tệp văn bản trong thư mục biên bản trông như biên bản nhưng không được đọc',
      help: 'meet chỉ đọc các tệp có tên kết thúc bằng .md: nếu tệp là biên bản (Notepad lưu thành .txt hoặc .md.txt, hoặc tệp .markdown), hãy đổi tên cho kết thúc bằng .md.',
    },
    'file-name': { summary: 'Tên tệp không khớp với biên bản', help: 'Đặt tên tệp YYYY-MM-DD-<tên-ngắn>.md theo ngày họp.' },
    'file-slug': {
      summary: 'Phần tên tệp sau ngày họp không chỉ gồm chữ thường không dấu, chữ số và "-"',
      help: 'Đặt tên tệp YYYY-MM-DD-<tên-ngắn>.md, tên ngắn gồm chữ thường không dấu, chữ số và "-", như meet new đặt.',
    },
    'file-folder': { summary: 'Biên bản không nằm trong thư mục của năm', help: 'Biên bản được lưu trong <thư-mục-biên-bản>/<YYYY>/ theo năm của ngày họp.' },
    'unknown-sector': {
      summary: 'Mã lĩnh vực chưa được khai báo trong meet.config.yaml',
      help: 'Dùng mã lĩnh vực có trong meet.config.yaml, hoặc khai báo lĩnh vực đó.',
    },
    'unknown-owner': {
      summary: 'Mã cơ quan chưa được khai báo trong meet.config.yaml',
      help: 'Dùng mã cơ quan có trong meet.config.yaml, hoặc khai báo cơ quan đó.',
    },
    'unknown-metric': {
      summary: 'Mã chỉ tiêu chưa được khai báo trong meet.config.yaml',
      help: 'Dùng mã chỉ tiêu có trong meet.config.yaml, hoặc khai báo chỉ tiêu đó.',
    },
    'metric-sector': {
      summary: 'Chỉ tiêu được báo cáo trong lĩnh vực khác lĩnh vực của nó',
      help: 'Chuyển số liệu sang kết quả của lĩnh vực mà chỉ tiêu thuộc về.',
    },
    'duplicate-task-id': {
      summary: 'Mã nhiệm vụ được dùng nhiều lần trong kho',
      help: 'Mỗi nhiệm vụ cần một mã riêng; mã không được trùng trong toàn bộ các biên bản.',
    },
    'update-unknown-task': {
      summary: 'Cập nhật nêu một nhiệm vụ không biên bản nào giao',
      help: 'Đối chiếu mã nhiệm vụ với các nhiệm vụ giao tại các cuộc họp trước ("meet tasks" liệt kê các mã).',
    },
    'updates-unchecked': {
      summary: 'Các cập nhật phụ thuộc vào một biên bản không đọc được',
      help: 'Sửa biên bản không đọc được (lỗi của nó cũng được báo); các cập nhật ở biên bản sau nêu nhiệm vụ không biên bản nào khác giao sẽ được kiểm tra khi biên bản đó đọc được.',
    },
    'update-not-earlier': {
      summary: 'Cập nhật nêu một nhiệm vụ không được giao tại cuộc họp trước',
      help: 'Phần cập nhật chỉ ghi tiến độ các nhiệm vụ giao tại các cuộc họp diễn ra trước cuộc họp này.',
    },
    'due-before-date': { summary: 'Hạn của nhiệm vụ trước ngày cuộc họp giao nhiệm vụ', help: 'Đặt "due" vào ngày họp hoặc sau đó.' },
    'period-after-date': {
      summary: 'Kỳ báo cáo một tháng ở sau tháng của ngày họp',
      help: 'Cuộc họp đánh giá một tháng đã bắt đầu: đặt "period" là tháng của "date" hoặc một tháng trước đó. Kỳ dài hơn (một năm, 2019-01..2019-12) có thể kết thúc muộn hơn.',
    },
    'period-not-begun': {
      summary: 'Kỳ báo cáo dài hơn một tháng bắt đầu sau cuộc họp',
      help: 'Cuộc họp đánh giá một kỳ đã bắt đầu: có thể năm của kỳ báo cáo bị gõ nhầm ("2021" cho cuộc họp tháng 11/2020). Kỳ báo cáo có thể kết thúc sau cuộc họp; biên bản vẫn được tính như đã ghi.',
    },
    'end-date-before-date': {
      summary: 'Ngày kết thúc cuộc họp trước ngày bắt đầu',
      help: 'Đặt "end_date" là ngày cuối cùng của cuộc họp kéo dài nhiều ngày, bằng hoặc sau ngày ghi ở "date".',
    },
    'recurring-with-due': {
      summary: 'Nhiệm vụ thường xuyên lại có thời hạn',
      help: 'Nhiệm vụ thường xuyên không có thời hạn: bỏ "due" hoặc bỏ "recurring: true".',
    },
    'duplicate-owner': {
      summary: 'Một nhiệm vụ ghi cùng một cơ quan được giao hai lần',
      help: 'Mỗi cơ quan chỉ ghi một lần (cơ quan đầu tiên chủ trì); cơ quan khác định giao thì ghi mã của cơ quan đó.',
    },
    'group-member': {
      summary: 'Một nhóm cơ quan có thành viên là nhóm khác',
      help: 'Các "members" của một nhóm là mã cơ quan, không phải mã của nhóm khác.',
    },
    'unknown-plan': {
      summary: 'Mã kế hoạch chưa được khai báo trong meet.config.yaml',
      help: 'Dùng mã kế hoạch có trong mục "plans" của meet.config.yaml, hoặc khai báo kế hoạch đó.',
    },
    'figure-unit': {
      summary: 'Đơn vị của số liệu không quy đổi được sang đơn vị của chỉ tiêu',
      help: 'Chỉ được ghi số liệu theo đồng, nghìn đồng, triệu đồng hoặc tỷ đồng khi đơn vị của chỉ tiêu là một trong các đơn vị đó; nếu không, hãy ghi theo đơn vị của chỉ tiêu.',
    },
    'figure-thousands-dot': {
      summary: 'Số liệu viết như có dấu chấm phân cách hàng nghìn: 15.000 được hiểu là 15',
      help: 'Số viết theo kiểu thập phân của YAML: mười lăm nghìn viết 15000, mười lăm viết 15.',
    },
    'figure-empty': {
      summary: 'Số liệu không có "value" lẫn "ytd"',
      help: 'Ghi số liệu của kỳ ("value"), số lũy kế từ đầu năm ("ytd"), hoặc cả hai.',
    },
    'vote-count': {
      summary: 'Số phiếu biểu quyết không phải số nguyên từ 0 trở lên',
      help: 'Ghi số phiếu tán thành, không tán thành và không biểu quyết bằng số nguyên, ví dụ "for: 25".',
    },
    'approval-before-date': {
      summary: 'Biên bản được thông qua, hoặc thông báo kết luận được ban hành, trước ngày họp',
      help: 'Thông báo kết luận và việc thông qua biên bản phải đề ngày họp hoặc sau đó.',
    },
    'notice-number': {
      summary: 'Số của thông báo kết luận không viết theo dạng số/TB-ký hiệu',
      help: 'Nghị định 30/2020/NĐ-CP ghi số của Thông báo như "125/TB-UBND": số, "/TB-" và ký hiệu cơ quan ban hành (documents.code). Hãy ghi đủ như trên văn bản.',
    },
    'approved-changed': {
      summary: 'Biên bản đã thông qua bị sửa mà không có lần đính chính mới',
      help: 'Biên bản đã thông qua là bản chính thức: hãy thêm một mục "amendments" (date, by, reason) đề từ ngày thông qua trở về sau, nêu lý do đính chính, hoặc khôi phục nội dung cũ.',
    },
    'approved-date-changed': {
      summary: 'Ngày họp của biên bản đã thông qua bị thay đổi',
      help: 'Ngày họp ghi trong biên bản đã thông qua không bao giờ thay đổi, dù có đính chính hay không; hãy khôi phục ngày cũ.',
    },
    'approved-task-id-changed': {
      summary: 'Mã nhiệm vụ trong biên bản đã thông qua bị thay đổi',
      help: 'Mã nhiệm vụ trong biên bản đã thông qua không bao giờ thay đổi: các biên bản khác và thông báo kết luận dẫn chiếu tới mã đó. Hãy khôi phục mã cũ.',
    },
    'approved-item-removed': {
      summary: 'Nhiệm vụ, quyết định hoặc cập nhật bị xóa khỏi biên bản đã thông qua',
      help: 'Không được xóa nội dung nào khỏi biên bản đã thông qua: hãy ghi nhận thay đổi tại một cuộc họp sau (nhiệm vụ không tiếp tục thực hiện: một cập nhật với status dropped).',
    },
    'approved-deleted': {
      summary: 'Biên bản đã thông qua bị xóa',
      help: 'Biên bản đã thông qua là bản chính thức, các biên bản sau và thông báo kết luận dẫn chiếu tới nó: hãy khôi phục tệp (git checkout NHÁNH-GỐC -- TỆP). Muốn đính chính, hãy thêm một mục "amendments" vào biên bản; nhiệm vụ không tiếp tục thực hiện: một cập nhật với status dropped tại cuộc họp sau.',
    },
    'config-invalid': { summary: 'meet.config.yaml có lỗi', help: 'Sửa meet.config.yaml theo thông báo.' },
    'too-many-findings': {
      summary: 'Một tệp có nhiều vấn đề hơn số được liệt kê',
      help: 'Mỗi tệp chỉ liệt kê 200 vấn đề đầu tiên; hãy sửa các vấn đề đó rồi chạy lại meet check để xem phần còn lại.',
    },
    'file-link': {
      summary: 'Một biên bản hoặc thư mục trong thư mục biên bản là liên kết (symbolic link)',
      help: 'Biên bản chỉ được đọc từ tệp và thư mục thật: hãy thay liên kết bằng chính tệp hoặc thư mục đó (dùng git mv để chuyển vào thư mục biên bản), hoặc đặt paths.meetings là thư mục thật.',
    },
    'metric-out-of-range': {
      summary: 'Giá trị chỉ tiêu quá lớn (hoặc không hữu hạn) để tính toán, hoặc có nhiều chữ số hơn mức giữ được chính xác',
      help: 'Ghi đúng con số: giá trị của chỉ tiêu nằm trong khoảng từ -10^15 đến 10^15, tối đa 15 chữ số có nghĩa.',
    },
  },
};
