// Lời của dòng lệnh bằng tiếng Việt: trợ giúp, lỗi của commander, kỳ báo
// cáo không hợp lệ và cách main() báo lỗi.
//
// The Vietnamese words of the command line, the same keys as en.cli.ts;
// vi.ts spreads them in. Text is NFC.
import { formatDate, formatNumber } from '../format.js';
import type { CommandLineMessages } from './en.cli.js';

const n = (count: number) => formatNumber('vi', count);
const q = (text: string) => `"${text}"`;

export const viCommandLine: CommandLineMessages = {
  cli: {
    usage: 'Cách dùng:',
    options: 'Tùy chọn:',
    commands: 'Lệnh:',
    arguments: 'Tham số:',
    globalOptions: 'Tùy chọn chung:',
    optionsPlaceholder: '[tùy-chọn]',
    commandPlaceholder: '[lệnh]',
    choices: (list: string) => `một trong: ${list}`,
    /** A choice's value in words, beside it in the help: the format's words are English, the clerk's Vietnamese. */
    choiceWords: (value: string): string | undefined =>
      (
        ({
          open: 'chưa thực hiện',
          'in-progress': 'đang thực hiện',
          done: 'hoàn thành',
          dropped: 'dừng thực hiện',
          regular: 'thường kỳ',
          extraordinary: 'bất thường',
          thematic: 'chuyên đề',
        }) as Readonly<Record<string, string>>
      )[value],
    default: (value: string) => `mặc định: ${value}`,
    examples: 'Ví dụ:',
    /** Free text in the examples of the help, in this language. */
    sample: {
      thematicTitle: 'Hội nghị chuyên đề phòng chống thiên tai',
      chair: 'Hoàng Văn Hiệp',
      meetingDate: '25/11/2020',
      reviewDate: '04/11/2019',
      init: 'meet init --locale vi --organization "UBND huyện Mẫu Sơn"',
      note: 'Đã chọn 2 xã thí điểm',
      calendarFile: 'nhiem-vu-cua-toi.ics',
      summaryFile: 'tong-hop.txt',
      folder: 'bien-ban',
      october: 'meetings/2020/2020-10-26-hoi-nghi-thuong-ky-thang-10.md',
      november: 'meetings/2020/2020-11-25-hoi-nghi-thuong-ky-thang-11.md',
      task: '2020-10-giao-thong-thuy-loi',
      otherTask: '2020-10-tich-tu-ruong-dat',
      owner: 'tai-chinh-ke-hoach',
      noticeNumber: '125/TB-UBND',
      report: 'bao-cao-2020-10',
      notice: 'thong-bao',
      tasksFile: 'nhiem-vu',
    },
    helpOption: 'xem hướng dẫn',
    helpCommand: 'xem hướng dẫn của một lệnh',
    versionOption: 'xem số phiên bản',
    runWithHelp: '(xem cách dùng: thêm --help)',
    exitCodes: 'Mã kết thúc: 0 thành công, 1 biên bản có lỗi, 2 lệnh gõ sai hoặc thiếu điều kiện để chạy, 70 lỗi của chính meet, 130 dừng bằng Ctrl-C.',
    placeholder: {
      date: 'ngày',
      command: 'lệnh',
      dir: 'thư-mục',
      title: 'tiêu-đề',
      kind: 'loại',
      name: 'họ-tên',
      organization: 'tên-cơ-quan',
      template: 'mẫu',
      ref: 'phiên-bản',
      format: 'định-dạng',
      month: 'tháng',
      file: 'tệp',
      locale: 'ngôn-ngữ',
      provider: 'dịch-vụ',
      status: 'tình-trạng',
      id: 'mã',
      key: 'cách-xếp',
      text: 'nội-dung',
      record: 'biên-bản',
      range: 'khoảng',
      paths: 'đường-dẫn',
      from: 'từ-tháng',
      to: 'đến-tháng',
      action: 'chủ/tên@phiên-bản',
      package: 'địa-chỉ',
      period: 'kỳ',
      number: 'số',
      line: 'dòng',
      url: 'địa-chỉ',
      jobTitle: 'chức-vụ',
    },
    /** --no-cache, the same in every command that reads the records. */
    noCache: 'đọc lại mọi biên bản, không dùng và không cập nhật .meet-cache/',
    includeConfig: 'dùng cùng --commit: commit cả tệp meet.config.yaml nếu tệp này chưa được commit',
    force: 'ghi đè tệp kết quả nếu đã có (không có tùy chọn này thì tệp đã có được giữ nguyên và lệnh dừng lại)',
    program: {
      description:
        'Biên bản các cuộc họp dưới dạng Markdown + YAML, lưu trong git: kiểm tra biên bản, lập báo cáo tháng, danh sách nhiệm vụ và so sánh giữa các tháng.',
      root: 'thư mục kho biên bản (mặc định: thư mục gần nhất từ đây trở lên có tệp meet.config.yaml)',
      noColor: 'không tô màu khi in ra',
      locale: 'ngôn ngữ hiển thị (mặc định: ngôn ngữ của kho biên bản; ngoài kho biên bản: theo biến LANG)',
    },
    init: {
      description: 'tạo kho biên bản mới: tệp meet.config.yaml, thư mục biên bản và kho git (tiếng Việt, trừ khi có --locale en)',
      dir: 'thư mục sẽ tạo kho biên bản',
      organization: 'tên cơ quan tổ chức các cuộc họp',
      ci: 'tạo thêm quy trình CI (kiểm tra khi có đề nghị hợp nhất, báo cáo hằng tháng); với kho đã có, chỉ tạo quy trình này',
      action: 'dùng cùng --ci github: action meet sẽ dùng, ghim theo thẻ hoặc commit (mặc định: kho của meet, phiên bản v<phiên-bản>)',
      package:
        'dùng cùng --ci gitlab: nơi quy trình cài meet, là địa chỉ git của meet tại một commit (git+https://…#<sha>) hoặc địa chỉ https của tệp gói .tgz (mặc định: kho của meet, phiên bản v<phiên-bản>)',
      commit: 'đưa vào chỉ mục và commit mọi thứ init tạo ra (tệp cấu hình, thư mục, .gitignore, quy trình CI) vào git',
    },
    new: {
      description: 'lập biên bản cuộc họp mới, kèm danh sách mọi nhiệm vụ chưa hoàn thành',
      date: 'ngày họp (YYYY-MM-DD hoặc DD/MM/YYYY; mặc định: hôm nay)',
      title: 'tiêu đề (mặc định: theo kỳ báo cáo, "Hội nghị thường kỳ tháng M/YYYY", theo ngôn ngữ của kho)',
      kind: 'loại cuộc họp',
      period:
        'kỳ được đánh giá tại cuộc họp: YYYY-MM, YYYY-Qn, YYYY-H1/H2, YYYY hoặc YYYY-MM..YYYY-MM (mặc định: tháng của --date; trên màn hình lệnh, đề xuất theo cuộc họp thường kỳ gần nhất)',
      chair: 'người chủ trì cuộc họp (được hỏi khi chạy trên màn hình lệnh; bắt buộc khi không chạy trên màn hình lệnh)',
      template: 'mẫu biên bản (templates/<tên>.md, nếu không có thì dùng mẫu sẵn; mặc định: theo loại cuộc họp)',
      today: 'coi ngày này là hôm nay',
      dryRun: 'chỉ in biên bản ra màn hình, không ghi tệp',
      edit: 'mở biên bản vừa tạo bằng trình soạn thảo trong $VISUAL hoặc $EDITOR',
      commit: 'commit biên bản mới (và chỉ tệp đó) vào git',
    },
    check: {
      description: 'kiểm tra tệp cấu hình và mọi biên bản; kết thúc với mã 1 khi có lỗi',
      paths: 'chỉ báo cáo về các tệp hoặc thư mục này (vẫn được đối chiếu với toàn bộ kho)',
      since: 'chỉ báo cáo về các biên bản thay đổi kể từ điểm chung của <phiên-bản> với HEAD (đã commit, đã đưa vào chỉ mục, chưa đưa vào, chưa theo dõi)',
      format: 'định dạng kết quả',
    },
    report: {
      description: 'báo cáo tháng: các cuộc họp, kết quả theo lĩnh vực, quyết định, nhiệm vụ và bảng theo cơ quan được giao',
      month: 'tháng báo cáo, YYYY-MM (mặc định: tháng trước)',
      format:
        'định dạng (mặc định: text trên màn hình lệnh, md khi chuyển sang tệp hoặc lệnh khác); docx và pdf: "Báo cáo" chính thức theo thể thức văn bản hành chính',
      out: 'ghi vào tệp này thay vì in ra màn hình (docx và pdf: mặc định bao-cao-<tháng>.<định-dạng>)',
      today: 'coi ngày này là hôm nay',
    },
    notice: {
      description: '"Thông báo kết luận" của cuộc họp theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP), dạng Word, PDF, HTML hoặc Markdown',
      record: 'biên bản của cuộc họp',
      format: 'định dạng (mặc định: theo phần mở rộng của tệp --out, nếu không có thì docx)',
      out: 'ghi vào tệp này (mặc định với docx và pdf: thong-bao-ket-luan-<ngày>.<định-dạng>; với html và md: in ra màn hình)',
      draft: 'bản dự thảo (DỰ THẢO), không có số và ngày, kể cả khi biên bản đã ghi số và ngày của thông báo',
      after:
        'Khi biên bản chưa có approval.notice (xem "meet approve"), thông báo là bản dự thảo: "Số:      /TB-UBND", để trống ngày, ghi DỰ THẢO.\n' +
        'Tệp PDF được in bằng Chromium cài sẵn trên máy (hoặc MEET_CHROMIUM) qua playwright-core; meet không bao giờ tự tải trình duyệt.',
    },
    approve: {
      description: 'ghi nhận biên bản đã được thông qua (từ đó mọi sửa đổi phải ghi thành lần đính chính) và thông báo kết luận đã ban hành',
      record: 'biên bản của cuộc họp',
      by: 'người thông qua biên bản (bắt buộc)',
      on: 'ngày thông qua (mặc định: hôm nay)',
      noticeNumber: 'số của "Thông báo kết luận" đã ban hành, ghi đúng như văn bản (125/TB-UBND)',
      noticeDate: 'ngày ban hành thông báo',
      signer: 'người ký thông báo (mặc định: documents.notice_signer trong tệp cấu hình)',
      signerTitle: 'chức vụ của người ký ("CHÁNH VĂN PHÒNG")',
      onBehalf: 'dòng ghi trên chức vụ ("TL. CHỦ TỊCH")',
      commit: 'commit biên bản vừa sửa (và chỉ tệp đó) vào git',
      after: 'Sau khi thông qua, "meet check --since" sẽ không chấp nhận thay đổi biên bản nếu không ghi thêm một mục "amendments" (đính chính).',
    },
    tasks: {
      description: 'danh sách nhiệm vụ và tình trạng tại một ngày (mặc định: hôm nay), có bộ lọc',
      status: 'chỉ các nhiệm vụ có tình trạng này',
      owner: 'chỉ các nhiệm vụ của cơ quan này (chủ trì hoặc phối hợp)',
      sector: 'chỉ các nhiệm vụ thuộc lĩnh vực này',
      overdue: 'chỉ các nhiệm vụ quá hạn',
      dueBefore: 'chỉ các nhiệm vụ có hạn trước ngày này',
      assignedIn: 'chỉ các nhiệm vụ được giao tại các cuộc họp thuộc tháng này (YYYY-MM; cuộc họp ngày 4/11 đánh giá tháng 10 thuộc tháng 10)',
      sort: 'thứ tự sắp xếp',
      format: 'định dạng kết quả',
      today: 'tình trạng tại ngày này (mặc định: hôm nay theo múi giờ trong tệp cấu hình)',
      month: 'tình trạng tính đến ngày của báo cáo tháng này (ngày cuối tháng, hoặc ngày họp sau đó đánh giá tháng này) thay vì hôm nay',
    },
    tasksUpdate: {
      description: 'ghi tình trạng mới của một nhiệm vụ vào phần cập nhật của biên bản mới nhất',
      id: 'mã nhiệm vụ',
      status: 'tình trạng mới (được hỏi khi chạy trên màn hình lệnh; bắt buộc khi không chạy trên màn hình lệnh)',
      note: 'ghi chú về tiến độ',
      in: 'biên bản sẽ ghi cập nhật (mặc định: biên bản mới nhất, họp sau cuộc họp giao nhiệm vụ)',
      commit: 'commit biên bản vừa sửa (và chỉ tệp đó) vào git',
    },
    log: {
      description: 'quá trình của một nhiệm vụ: cuộc họp giao, từng lần cập nhật, kèm commit và người ghi (theo git)',
      id: 'mã nhiệm vụ',
      format: 'định dạng kết quả',
      today: 'tình trạng tại ngày này (mặc định: hôm nay theo múi giờ trong tệp cấu hình); cập nhật của các cuộc họp sau ngày này được liệt kê nhưng chưa tính',
    },
    diff: {
      description:
        'so sánh hai tháng: nhiệm vụ giao mới, đã kết thúc, chuyển tiếp, mới quá hạn; chỉ tiêu; cuộc họp và quyết định. ' +
        'Với --rev: các thay đổi trong biên bản giữa hai phiên bản git',
      from: 'tháng cũ hơn, YYYY-MM (không dùng cùng --rev)',
      to: 'tháng mới hơn, YYYY-MM (không dùng cùng --rev)',
      rev: 'so sánh hai phiên bản git: A..B, hoặc A...B để so điểm chung của A và B với B',
      format: 'định dạng (mặc định: text trên màn hình lệnh, md khi chuyển sang tệp hoặc lệnh khác)',
    },
    digest: {
      description: 'ghi báo cáo tháng vào <reports>/<tháng>.md (hoặc .html), để chạy định kỳ hằng tháng',
      month: 'tháng báo cáo (mặc định: tháng trước)',
      format: 'định dạng tệp',
      out: 'thư mục trong kho để ghi báo cáo (mặc định: paths.reports)',
      today: 'coi ngày này là hôm nay',
      commit: 'commit các tệp báo cáo đã ghi (và chỉ các tệp đó) vào git',
      summary: 'in bản tóm tắt ngắn để gửi tin nhắn hoặc thư điện tử, thay cho đường dẫn tệp',
      link: 'dùng cùng --summary: địa chỉ của bản báo cáo đầy đủ, hiện thay cho đường dẫn tệp',
      after:
        'Không có --month: lấy tháng trước, theo múi giờ trong tệp cấu hình, và cập nhật lại báo cáo của tháng trước đó nếu tệp đã có (hội nghị họp đầu tháng thường đánh giá tháng trước). Kết thúc với mã 1 (không ghi gì) khi biên bản có lỗi.',
    },
    calendar: {
      description:
        'các nhiệm vụ chưa hoàn thành có thời hạn, dạng tệp lịch iCalendar (.ics), mỗi nhiệm vụ một sự kiện cả ngày, để các ứng dụng lịch đăng ký theo dõi',
      owner: 'chỉ các nhiệm vụ của cơ quan này (chủ trì hoặc phối hợp)',
      out: 'ghi vào tệp này (.ics) thay vì in ra màn hình',
      today: 'các nhiệm vụ còn mở vào ngày này (mặc định: hôm nay theo múi giờ trong tệp cấu hình)',
    },
    schema: {
      description: 'in lược đồ JSON (JSON Schema) của biên bản, dùng cho trình soạn thảo và công cụ khác',
    },
    notADate: (value: string) => `"${value}" không phải là ngày; hãy viết YYYY-MM-DD (2020-10-26) hoặc DD/MM/YYYY (26/10/2020).`,
    missingYear: (value: string) => `"${value}" thiếu năm: hãy viết đủ ngày/tháng/năm, ví dụ ${value}${/[.-]/.exec(value)?.[0] ?? '/'}2020.`,
    shortYear: (value: string, full: string) => `"${value}": hãy viết năm đủ bốn chữ số, ví dụ ${full}.`,
    notADay: (value: string, month: number, year: number, days: number) => `"${value}" không phải là ngày có thật: tháng ${month}/${year} chỉ có ${days} ngày.`,
    noSuchMonthInDate: (value: string, month: number) => `"${value}" không phải là ngày: không có tháng ${month}; tháng chỉ từ 1 đến 12.`,
    notAMonth: (value: string) => `"${value}" không phải là tháng; hãy viết YYYY-MM, ví dụ 2020-10.`,
    // Vietnamese writes the day first: 07/05/2024 is 7 May.
    slashesDayFirst: true,
    slashDate: (value: string, days: readonly string[]) =>
      `"${value}" có thể là ${days.map((d) => formatDate('vi', d)).join(' hoặc ')}: hãy viết ngày dạng YYYY-MM-DD.`,
    notAChoice: (value: string, allowed: string, suggestion?: string) =>
      `"${value}" không thuộc các giá trị ${allowed}.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''}`,
    unknownOption: (flag: string) => `không có tùy chọn ${q(flag)}`,
    unknownCommand: (name: string) => `không có lệnh ${q(name)}`,
    didYouMean: (what: string) => `(Có phải ý bạn là ${what}?)`,
    missingArgument: (name: string) => `thiếu tham số bắt buộc ${q(name)}`,
    optionMissingArgument: (flags: string) => `tùy chọn ${q(flags)} cần có giá trị`,
    missingMandatoryOption: (flags: string) => `chưa có tùy chọn bắt buộc ${q(flags)}`,
    tooManyArguments: (command: string, expected: number, got: number) =>
      `thừa tham số${command ? ` cho lệnh ${q(command)}` : ''}: cần ${n(expected)} tham số, nhưng có ${n(got)}.`,
    quoteValue: (flag: string, value: string) => `Giá trị có dấu cách phải đặt trong dấu ngoặc kép: ${flag} "${value}"`,
    quoteWords: (word: string) => `"${word}" không thuộc tùy chọn nào; giá trị có dấu cách phải đặt trong dấu ngoặc kép.`,
    invalidOptionValue: (flags: string, value: string, why: string) => `tùy chọn ${q(flags)}: ${why || `không dùng được giá trị "${value}".`}`,
    invalidArgumentValue: (name: string, value: string, why: string) => `tham số ${q(name)}: ${why || `không dùng được giá trị "${value}".`}`,
  },

  period: {
    backwards: (from: string, to: string) => `có tháng đầu sau tháng cuối: ${from} ở sau ${to}`,
    notAMonth: 'không phải là tháng có thật (tháng từ 01 đến 12)',
    shape:
      'phải là một kỳ báo cáo: tháng YYYY-MM (ví dụ 2020-10), quý YYYY-Qn (2020-Q4), 6 tháng YYYY-H1 hoặc YYYY-H2, năm YYYY, hoặc một khoảng tháng YYYY-MM..YYYY-MM (2019-01..2019-09)',
    meant: (fix: string) => `: hãy viết ${fix}`,
  },
  main: {
    prefix: 'meet: ',
    internal: 'lỗi nội bộ: ',
    internalHint:
      'Đây là lỗi của chương trình meet, không phải lỗi trong biên bản. Xin báo cho người bảo trì meet, kèm lệnh đã chạy, thông báo này và kết quả của lệnh "meet --version".',

    outputNotWritten: (code: string) =>
      `không ghi được kết quả (${code}): ổ đĩa đã đầy, hoặc nơi nhận kết quả không cho ghi. Phần đã ghi không đầy đủ: hãy giải phóng bớt dung lượng, hoặc ghi kết quả ra nơi khác, rồi chạy lại lệnh.`,
  },
};
