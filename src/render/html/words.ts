// Words only the HTML report uses (charts, appendix, notes). The words every
// report format shares live in ../reportWords.ts.
import { formatNumber } from '../locale.js';
import type { Locale } from '../../model/terms.js';

export interface HtmlWords {
  /** The national heading of an administrative document (vi only). */
  nationalHeading?: [string, string];
  period: (from: string, to: string) => string;
  /** After the period, when the report is "as of" a later day. */
  asOf: (day: string) => string;
  keyFigures: string;
  meetings: string;
  decisions: string;
  historyTitle: string;
  historyAxis: string;
  open: string;
  closed: string;
  overdue: string;
  trend: string;
  otherMetrics: string;
  number: string;
  assignedOn: (date: string) => string;
  chairedBy: string;
  time: string;
  location: string;
  appendix: string;
  noBody: string;
  truncated: (chars: number) => string;
  plain: string;
  image: string;
  footer: string;
  noValue: string;
}

export const HTML_WORDS: Record<Locale, HtmlWords> = {
  vi: {
    nationalHeading: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
    period: (from, to) => `Kỳ báo cáo: từ ngày ${from} đến ngày ${to}`,
    asOf: (day) => `Tình hình nhiệm vụ tính đến ngày ${day} (hội nghị đánh giá tháng)`,
    keyFigures: 'Số liệu chính',
    meetings: 'Cuộc họp',
    decisions: 'Quyết định',
    historyTitle: 'Nhiệm vụ tại thời điểm cuối mỗi tháng (6 tháng gần nhất)',
    historyAxis: 'Số nhiệm vụ',
    open: 'Chưa hoàn thành',
    closed: 'Đã kết thúc',
    overdue: 'Quá hạn',
    trend: 'Diễn biến 6 tháng',
    otherMetrics: 'Chỉ tiêu khác',
    number: 'TT',
    assignedOn: (date) => `giao ngày ${date}`,
    chairedBy: 'Chủ trì',
    time: 'Thời gian',
    location: 'Địa điểm',
    appendix: 'Phụ lục: Nội dung biên bản các cuộc họp',
    noBody: 'Biên bản không có phần nội dung.',
    truncated: (chars) => `Nội dung quá dài: chỉ trình bày ${formatNumber('vi', chars)} ký tự đầu tiên; xem toàn văn trong tệp biên bản.`,
    plain: 'Không trình bày được định dạng của nội dung này; dưới đây là nguyên văn.',
    image: 'Ảnh',
    footer: 'Báo cáo được lập tự động từ biên bản các cuộc họp.',
    noValue: 'không có số liệu',
  },
  en: {
    period: (from, to) => `Reporting period: ${from} to ${to}`,
    asOf: (day) => `Tasks as of ${day} (the month's review meeting)`,
    keyFigures: 'Key figures',
    meetings: 'Meetings',
    decisions: 'Decisions',
    historyTitle: 'Tasks at the end of each month (last 6 months)',
    historyAxis: 'Tasks',
    open: 'Open',
    closed: 'Closed',
    overdue: 'Overdue',
    trend: 'Last 6 months',
    otherMetrics: 'Other metrics',
    number: 'No.',
    assignedOn: (date) => `assigned ${date}`,
    chairedBy: 'Chair',
    time: 'Time',
    location: 'Location',
    appendix: 'Appendix: minutes of the meetings',
    noBody: 'The record has no body text.',
    truncated: (chars) => `The text is too long: only its first ${formatNumber('en', chars)} characters are shown; see the record file for the rest.`,
    plain: 'This text could not be formatted; it is shown as written.',
    image: 'Image',
    footer: 'This report was generated from the meeting records.',
    noValue: 'no value',
  },
};
