// The words of the official documents. They are Vietnamese state documents
// (Nghị định 30/2020/NĐ-CP): their texts are Vietnamese whatever the
// repository's locale, and all of them live here, in one table.
import type { IsoDate, Month } from '../../model/dates.js';
import { dueForm, type DueWritten } from '../../model/due.js';
import { formatDate, formatNumber, formatPeriod } from '../locale.js';

const [year, month, day] = [(d: IsoDate) => d.slice(0, 4), (d: IsoDate) => Number(d.slice(5, 7)), (d: IsoDate) => Number(d.slice(8, 10))];

/** Days below 10 and months below 3 with a leading zero (Nghị định 30/2020, Phụ lục I). */
function stateDay(date: IsoDate): string {
  return `ngày ${String(day(date)).padStart(2, '0')} tháng ${month(date) < 3 ? String(month(date)).padStart(2, '0') : month(date)} năm ${year(date)}`;
}

/** Room to write by hand: a date or a number left blank in a draft. */
const BLANK = '\u00a0'.repeat(6);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A count as Vietnamese writes it: 1.073. */
const n = (count: number) => formatNumber('vi', count);

/** "tháng 10/2020" for a month. */
function monthText(m: Month): string {
  return `tháng ${Number(m.slice(5))}/${m.slice(0, 4)}`;
}

export const DOCUMENT_WORDS = {
  nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const,
  draftMark: 'DỰ THẢO',
  recipientsLabel: 'Nơi nhận:',
  /** "Số: 125/TB-UBND"; a draft: "Số:      /TB-UBND". */
  number: (number: string | undefined, type: 'TB' | 'BC', code: string) => (number ? `Số: ${number}` : `Số:${BLANK}/${type}${code ? `-${code}` : ''}`),
  /** "Mẫu Sơn, ngày 28 tháng 10 năm 2020"; without a date, left for the hand. */
  placeAndDate: (place: string, date: IsoDate | undefined) => (date ? `${place}, ${stateDay(date)}` : `${place}, ngày${BLANK}tháng${BLANK}năm${BLANK}`),
  roman: (n: number) => ROMAN[n - 1] ?? String(n),

  notice: {
    kind: 'THÔNG BÁO',
    title: (abstract: string) => `Thông báo ${abstract.charAt(0).toLocaleLowerCase('vi')}${abstract.slice(1)}`,
    /** "Kết luận của Chủ tịch UBND huyện tại Hội nghị thường kỳ tháng 10/2020". */
    abstract: (who: string, meeting: string) => `Kết luận của ${who} tại ${meeting}`,
    comrade: (name: string) => `đồng chí ${name}`,
    regularMeeting: (period: string) => `Hội nghị thường kỳ ${formatPeriod('vi', period)}`,
    /** "Chiều ngày 26/10/2020", "Ngày 25/11/2020", "Ngày 05–06/01/2021". */
    when: (session: string | undefined, days: string) =>
      session === 'morning'
        ? `Sáng ngày ${days}`
        : session === 'afternoon'
          ? `Chiều ngày ${days}`
          : session === 'evening'
            ? `Tối ngày ${days}`
            : `Ngày ${days}`,
    // A meeting over several days: "Từ ngày 31/12/2020 đến ngày 02/01/2021", as such notices write it.
    fromTo: (first: string, last: string) => `Từ ngày ${first} đến ngày ${last}`,
    at: (location: string) => `tại ${location}`,
    online: 'theo hình thức trực tuyến',
    hybrid: 'theo hình thức trực tiếp kết hợp trực tuyến',
    chaired: (chair: string, meeting: string) => `${chair} chủ trì ${meeting}`,
    coChaired: (names: string) => `; đồng chủ trì: ${names}`,
    reviewedMonth: (period: Month, next: Month) => `đánh giá kết quả thực hiện nhiệm vụ ${monthText(period)}, triển khai nhiệm vụ ${monthText(next)}`,
    reviewedPeriod: (period: string) => `đánh giá kết quả ${formatPeriod('vi', period)}`,
    attended: (people: string) => `Tham dự hội nghị có: ${people}.`,
    concluded: (who: string) => `Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu dự hội nghị, ${who} kết luận như sau:`,
    assessment: 'Đánh giá chung',
    results: 'Kết quả đạt được:',
    shortcomings: 'Tồn tại, hạn chế:',
    decisions: 'Hội nghị thống nhất thông qua',
    tasks: 'Nhiệm vụ trong thời gian tới',
    tasksIntro: 'Giao các cơ quan, đơn vị tập trung thực hiện các nhiệm vụ sau:',
    proposals: 'Kiến nghị, đề xuất',
    columns: { number: 'TT', task: 'Nội dung nhiệm vụ', with: 'Cơ quan phối hợp', due: 'Thời hạn' },
    directedBy: (who: string) => `(theo chỉ đạo của ${who})`,
    /** "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./." */
    closing: (office: string) => `${office} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.`,
  },

  report: {
    kind: 'BÁO CÁO',
    /** "Kết quả thực hiện nhiệm vụ tháng 10 và phương hướng, nhiệm vụ tháng 11 năm 2020". */
    abstract: (m: Month, next: Month) =>
      m.slice(0, 4) === next.slice(0, 4)
        ? `Kết quả thực hiện nhiệm vụ tháng ${Number(m.slice(5))} và phương hướng, nhiệm vụ tháng ${Number(next.slice(5))} năm ${m.slice(0, 4)}`
        : `Kết quả thực hiện nhiệm vụ tháng ${Number(m.slice(5))} năm ${m.slice(0, 4)} và phương hướng, nhiệm vụ tháng ${Number(next.slice(5))} năm ${next.slice(0, 4)}`,
    title: (abstract: string) => `Báo cáo ${abstract.charAt(0).toLocaleLowerCase('vi')}${abstract.slice(1)}`,
    opening: (organization: string, m: Month, next: Month) =>
      `${organization} báo cáo kết quả thực hiện nhiệm vụ ${monthText(m)} và phương hướng, nhiệm vụ ${monthText(next)} như sau:`,
    results: (m: Month) => `KẾT QUẢ THỰC HIỆN NHIỆM VỤ ${monthText(m).toLocaleUpperCase('vi')}`,
    direction: 'Công tác chỉ đạo, điều hành',
    // A meeting held early the next month to review this one belongs to it (FORMAT.md), but was not held "in the month".
    meetings: (count: number, later: number) =>
      later === 0
        ? `Trong tháng, tổ chức ${n(count)} cuộc họp:`
        : `Tổ chức ${n(count)} cuộc họp đánh giá kết quả tháng, trong đó ${n(later)} cuộc họp sau khi hết tháng:`,
    noMeetings: 'Trong tháng không tổ chức cuộc họp nào.',
    approved: (notice: { number: string; date: IsoDate } | undefined) =>
      notice ? `biên bản đã được duyệt; Thông báo kết luận số ${notice.number} ngày ${formatDate('vi', notice.date)}` : 'biên bản đã được duyệt',
    decisions: 'Các nội dung được thông qua:',
    tasksDone: 'Kết quả thực hiện nhiệm vụ được giao',
    // A count of none is said in words, as a report writes it: "không có nhiệm vụ quá hạn", not "0 nhiệm vụ quá hạn".
    taskCounts: (c: { assigned: number; completed: number; dropped: number; open: number; overdue: number }) =>
      [
        c.assigned > 0 ? `Trong tháng giao mới ${n(c.assigned)} nhiệm vụ` : 'Trong tháng không giao mới nhiệm vụ nào',
        c.completed > 0 ? `hoàn thành ${n(c.completed)} nhiệm vụ` : 'không có nhiệm vụ nào hoàn thành',
        ...(c.dropped > 0 ? [`dừng thực hiện ${n(c.dropped)} nhiệm vụ`] : []),
        c.open === 0
          ? 'không còn nhiệm vụ chưa hoàn thành'
          : `${n(c.open)} nhiệm vụ chưa hoàn thành, ${c.overdue > 0 ? `trong đó ${n(c.overdue)} nhiệm vụ quá hạn` : 'không có nhiệm vụ quá hạn'}`,
      ].join('; ') + '.',
    figures: 'Một số chỉ tiêu chủ yếu:',
    otherFigures: 'Các chỉ tiêu khác',
    shortcomings: 'TỒN TẠI, HẠN CHẾ',
    overdue: (count: number, day: IsoDate) => `Còn ${n(count)} nhiệm vụ quá hạn tính đến ngày ${formatDate('vi', day)}:`,
    overdueTask: (title: string, owners: string, due: string, days: number) => `${title} (${owners}; hạn ${due}; quá hạn ${n(days)} ngày).`,
    lapsed: (days: number) => ` (đã quá hạn ${n(days)} ngày)`,
    none: 'Không có.',
    nextTasks: (next: Month) => `NHIỆM VỤ TRỌNG TÂM ${monthText(next).toLocaleUpperCase('vi')}`,
    nextIntro: 'Tập trung chỉ đạo thực hiện các nhiệm vụ đến hạn trong tháng và các nhiệm vụ chưa hoàn thành chuyển từ các tháng trước:',
    standing: 'Nhiệm vụ thường xuyên:',
    columns: { number: 'TT', task: 'Nội dung nhiệm vụ', lead: 'Cơ quan chủ trì', with: 'Cơ quan phối hợp', due: 'Thời hạn' },
    proposals: 'KIẾN NGHỊ, ĐỀ XUẤT',
    closing: (organization: string, abstract: string) =>
      `Trên đây là báo cáo ${abstract.charAt(0).toLocaleLowerCase('vi')}${abstract.slice(1)} của ${organization}./.`,
  },

  /** A deadline written out: "hoàn thành trước ngày 30/11/2020", "trong tháng 11/2020", "thường xuyên". */
  deadline: (task: { due?: IsoDate; dueAsWritten?: DueWritten; recurring?: boolean }): string => {
    if (task.recurring) return 'thường xuyên';
    if (!task.due) return '';
    const before = `hoàn thành trước ngày ${formatDate('vi', task.due)}`;
    const form = task.dueAsWritten === undefined ? undefined : dueForm(task.dueAsWritten);
    switch (form?.kind) {
      case 'month':
        return `trong ${monthText(task.dueAsWritten as string)}`;
      case 'quarter':
      case 'year':
        return `trong ${formatPeriod('vi', task.dueAsWritten as string)}`;
      case 'working-days':
        return `trong ${n(form.count)} ngày làm việc (${before})`;
      case 'days':
        return `trong ${n(form.count)} ngày (${before})`;
      default:
        return before;
    }
  },
};
