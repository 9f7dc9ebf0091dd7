// The common mistakes of a clerk writing a record by hand (issue 14): each a
// fixture in test/mistakes/, each giving exactly one finding whose message
// names the fix, in Vietnamese and in English, at its line and column.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../src/model/ruleCatalogue.js';
import { copyExamples, EXAMPLES, PROJECT_ROOT, runMeet, tempDir, writeTree } from './helpers.js';

interface MistakeCase {
  fixture: string;
  line: number;
  column: number;
  rule: RuleId;
  vi: string;
  en: string;
}

const CASES: MistakeCase[] = [
  {
    // `title:` then U+00A0, pasted from Word: it looks like a space ("a key runs over more than one line", it said).
    fixture: 'non-breaking-space',
    line: 2,
    column: 7,
    rule: 'yaml-syntax',
    vi: 'Có một dấu cách không ngắt (thường do dán từ Word hoặc Zalo) ở chỗ YAML cần dấu cách thường; hai loại trông giống nhau: hãy gõ lại dấu cách: title: Họp giao ban',
    en: 'An invisible non-breaking space (pasted from Word or Zalo) stands where YAML needs an ordinary space: type the space again: title: Họp giao ban',
  },
  {
    // Quoted in part: YAML reads the quotes and cannot read what follows them ("the indentation is wrong", it said).
    fixture: 'text-after-quote',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" còn chữ sau dấu ngoặc kép đóng: hãy đặt cả giá trị trong một cặp ngoặc kép: title: "\'Họp giao ban\' tháng 12"',
    en: 'The value of "title" goes on after its closing quote: put the whole value in one pair of quotes: title: "\'Họp giao ban\' tháng 12"',
  },
  {
    // Quoted whole, with quotes inside: the outer pair is kept, the inner ones become ' (not '…' inside "…").
    fixture: 'quotes-inside-quotes',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" còn chữ sau dấu ngoặc kép đóng: hãy đặt cả giá trị trong một cặp ngoặc kép: title: "Hội nghị \'Dân vận khéo\' năm 2020"',
    en: 'The value of "title" goes on after its closing quote: put the whole value in one pair of quotes: title: "Hội nghị \'Dân vận khéo\' năm 2020"',
  },
  {
    fixture: 'backslash-in-quotes',
    line: 5,
    column: 11,
    rule: 'yaml-syntax',
    vi: 'Trong ngoặc kép, dấu "\\" mở đầu một ký tự đặc biệt (\\n, \\t…): hãy viết giá trị của mục "location" trong ngoặc đơn, giữ nguyên như đã viết: location: \'D:\\bien-ban\\hoi-truong\'',
    en: 'In double quotes a "\\" starts an escape (\\n, \\t…): write the value of "location" in single quotes, which keep it as it is: location: \'D:\\bien-ban\\hoi-truong\'',
  },
  {
    fixture: 'double-comma',
    line: 5,
    column: 12,
    rule: 'yaml-syntax',
    vi: 'Hai dấu phẩy liền nhau trong danh sách của mục "attendees": hãy viết attendees: [Nguyễn Văn An, Trần Thị Bình]',
    en: 'Two commas in a row in the list of "attendees": write attendees: [Nguyễn Văn An, Trần Thị Bình]',
  },
  {
    // Quoting it ("a value starting with [") would make one owner of the text "[van-phong, noi-vu".
    fixture: 'unclosed-bracket',
    line: 8,
    column: 12,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "owner" mở bằng "[" nhưng thiếu dấu "]" đóng: hãy viết owner: [van-phong, noi-vu]',
    en: 'The value of "owner" opens with "[" but has no closing "]": write owner: [van-phong, noi-vu]',
  },
  {
    // Not the key "{ id" of the next line with ": " in its value: the mapping above it never closed.
    fixture: 'unclosed-brace-task',
    line: 6,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "tasks" mở bằng "{" nhưng thiếu dấu "}" đóng: hãy viết - { id: viec-moi, title: Rà soát hồ sơ, owner: van-phong }',
    en: 'The value of "tasks" opens with "{" but has no closing "}": write - { id: viec-moi, title: Rà soát hồ sơ, owner: van-phong }',
  },
  {
    // Words before the ": " are no key of the format: a text that starts with "{", to quote (closing it would make a mapping).
    fixture: 'brace-starts-text',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" bắt đầu bằng ký tự "{", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: title: "{ Họp: bàn kế hoạch tháng 12"',
    en: 'The value of "title" starts with "{", which YAML reads as a special sign: put the whole value in quotes: title: "{ Họp: bàn kế hoạch tháng 12"',
  },
  {
    fixture: 'chair-role-comma',
    line: 4,
    column: 50,
    rule: 'unknown-key',
    vi: '"Chủ tịch UBND" bị hiểu thành một mục riêng vì dấu phẩy trong cặp { } ngăn cách các mục: hãy đặt phần có dấu phẩy trong dấu ngoặc kép: role: "Phó Bí thư, Chủ tịch UBND"',
    en: '"Chủ tịch UBND" is read as a key of its own because a comma inside { } separates keys: put the text with the comma in quotes: role: "Phó Bí thư, Chủ tịch UBND"',
  },
  {
    fixture: 'colon-in-title',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" có dấu ": " ở giữa, YAML sẽ hiểu nhầm là một mục mới: hãy đặt cả giá trị trong dấu ngoặc kép: title: "Nông nghiệp: chỉ đạo thu hoạch"',
    en: 'The value of "title" contains ": ", which YAML reads as a new key: put the whole value in quotes: title: "Nông nghiệp: chỉ đạo thu hoạch"',
  },
  {
    // "Remove it" would lose the decision; "text is missing" is no news beside it.
    fixture: 'colon-in-decision',
    line: 7,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Dòng thứ 2 của "decisions" có dấu ": " ở giữa, YAML sẽ hiểu nhầm là một mục mới: hãy đặt cả dòng trong dấu ngoặc kép: - "Thông qua: kế hoạch năm 2021"',
    en: 'Item 2 of "decisions" contains ": ", which YAML reads as a new key: put the whole item in quotes: - "Thông qua: kế hoạch năm 2021"',
  },
  {
    fixture: 'colon-in-shortcoming',
    line: 6,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Dòng thứ 1 của "shortcomings" có dấu ": " ở giữa, YAML sẽ hiểu nhầm là một mục mới: hãy đặt cả dòng trong dấu ngoặc kép: - "Giải ngân: còn chậm so với kế hoạch"',
    en: 'Item 1 of "shortcomings" contains ": ", which YAML reads as a new key: put the whole item in quotes: - "Giải ngân: còn chậm so với kế hoạch"',
  },
  {
    fixture: 'dash-without-space',
    line: 6,
    column: 3,
    rule: 'yaml-syntax',
    vi: 'Sau dấu "-" của một dòng trong danh sách cần có một dấu cách: hãy viết - id: viec-moi',
    en: 'A list item needs a space after its "-": write - id: viec-moi',
  },
  {
    fixture: 'item-with-markdown-bullet',
    line: 6,
    column: 3,
    rule: 'yaml-syntax',
    vi: 'Mỗi dòng của danh sách bắt đầu bằng "- ", không phải "* ": hãy viết - Thông qua kế hoạch năm 2021',
    en: 'A list item starts with "- ", not "* ": write - Thông qua kế hoạch năm 2021',
  },
  {
    fixture: 'date-day-first',
    line: 3,
    column: 7,
    rule: 'invalid-date',
    vi: '"date" là "26/10/2020"; ngày viết dạng YYYY-MM-DD: date: 2020-10-26',
    en: '"date" is "26/10/2020"; write dates as YYYY-MM-DD: date: 2020-10-26',
  },
  {
    fixture: 'decimal-comma',
    line: 9,
    column: 22,
    rule: 'invalid-type',
    vi: '"thu-ngan-sach" là "21,4"; hãy viết thu-ngan-sach: 21.4 (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn)',
    en: '"thu-ngan-sach" is "21,4"; write thu-ngan-sach: 21.4 (a dot for decimals, no thousands separator)',
  },
  {
    // Inside { } the comma ends the value: 21 is read, and "4" becomes a key. "Remove it" would leave 21.
    fixture: 'decimal-comma-in-braces',
    line: 9,
    column: 34,
    rule: 'unknown-key',
    vi: '"4" trong số liệu "thu-ngan-sach" của kết quả thứ 1 bị hiểu thành một mục riêng vì dấu phẩy trong cặp { } ngăn cách các mục: nếu đó là phần thập phân của số đứng trước, hãy viết số thập phân bằng dấu chấm (21.4, không phải 21,4)',
    en: '"4" in the figure "thu-ngan-sach" of result #1 is read as a key of its own because a comma inside { } separates keys: if it is the decimals of the number before it, write the number with a dot (21.4, not 21,4)',
  },
  {
    // The only number beside the stray decimals: the fix names it.
    fixture: 'decimal-comma-in-braces-one-number',
    line: 9,
    column: 34,
    rule: 'unknown-key',
    vi: '"value" là "21,4"; hãy viết value: 21.4 (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn)',
    en: '"value" is "21,4"; write value: 21.4 (a dot for decimals, no thousands separator)',
  },
  {
    fixture: 'due-day-first',
    line: 9,
    column: 10,
    rule: 'invalid-date',
    vi: '"due" là "30/11/2020"; ngày viết dạng YYYY-MM-DD: due: 2020-11-30',
    en: '"due" is "30/11/2020"; write dates as YYYY-MM-DD: due: 2020-11-30',
  },
  {
    fixture: 'due-standing',
    line: 9,
    column: 10,
    rule: 'invalid-date',
    vi: '"due" là "thường xuyên": việc thường xuyên không có hạn; hãy bỏ dòng due và viết recurring: true (nhiệm vụ thường xuyên không bao giờ quá hạn)',
    en: '"due" is "thường xuyên": standing work has no deadline; remove "due" and write recurring: true (a standing task is never overdue)',
  },
  {
    fixture: 'due-in-words',
    line: 9,
    column: 10,
    rule: 'invalid-date',
    vi: '"due" là "cuối tháng 12/2020", viết bằng chữ; hãy ghi ngày dạng YYYY-MM-DD, ví dụ due: 2020-12-31',
    en: '"due" is "cuối tháng 12/2020", written in words; write the day as YYYY-MM-DD, like due: 2020-12-31',
  },
  {
    fixture: 'item-without-dash',
    line: 7,
    column: 3,
    rule: 'yaml-syntax',
    vi: 'Dòng này thuộc một danh sách nhưng không bắt đầu bằng "- ": hãy viết - Thông qua dự toán năm 2021',
    en: 'This line is part of a list but does not start with "- ": write it as - Thông qua dự toán năm 2021',
  },
  {
    // Word's AutoCorrect made "- " an en dash: the item keeps its name, not "– Trần Thị Mai".
    fixture: 'item-with-word-dash',
    line: 7,
    column: 3,
    rule: 'yaml-syntax',
    vi: 'Dòng này thuộc một danh sách nhưng không bắt đầu bằng "- ": hãy viết - Trần Thị Mai',
    en: 'This line is part of a list but does not start with "- ": write it as - Trần Thị Mai',
  },
  {
    fixture: 'key-without-colon',
    line: 2,
    column: 1,
    rule: 'yaml-syntax',
    vi: 'Sau tên mục "title" thiếu dấu ":": hãy viết title: Họp giao ban',
    en: '"title" has no ":" after it: write title: Họp giao ban',
  },
  {
    fixture: 'kind-in-vietnamese',
    line: 5,
    column: 7,
    rule: 'invalid-value',
    vi: '"kind" là "thường kỳ"; trong biên bản giá trị này viết là "regular": hãy viết kind: regular',
    en: '"kind" is "thường kỳ"; the record format writes this "regular": write kind: regular',
  },
  {
    // "Remove it" would leave the task without a deadline, never overdue.
    fixture: 'due-date-key',
    line: 9,
    column: 5,
    rule: 'unknown-key',
    vi: 'Mục "due_date" trong nhiệm vụ thứ 1 không phải là một mục hợp lệ. Có phải ý bạn là "due"?',
    en: 'Unknown key "due_date" in task #1. Did you mean "due"?',
  },
  {
    // The line under `chair:` starts its block: the one out of step is the next.
    fixture: 'nested-key-one-space-deeper',
    line: 6,
    column: 4,
    rule: 'yaml-syntax',
    vi: 'Mục "role" thụt lề 3 dấu cách, trong khi các mục cùng cấp thụt lề 2 dấu cách: hãy thụt lề 2 dấu cách cho thẳng hàng',
    en: '"role" is indented by 3 spaces, but the lines it belongs with by 2: indent it by 2 spaces like them',
  },
  {
    fixture: 'owner-accent',
    line: 8,
    column: 12,
    rule: 'invalid-value',
    vi: '"owner" là "noi-vụ"; mã viết bằng chữ thường không dấu, chữ số, ".", "_" và "-", như khai báo trong meet.config.yaml. Có phải ý bạn là "noi-vu"?',
    en: '"owner" is "noi-vụ"; ids are written in lower-case letters without accents, digits, ".", "_" and "-", as meet.config.yaml declares them. Did you mean "noi-vu"?',
  },
  {
    fixture: 'percent-sign',
    line: 9,
    column: 36,
    rule: 'invalid-type',
    vi: '"ty-le-giai-ngan-dau-tu-cong" là "61,8%"; hãy viết ty-le-giai-ngan-dau-tu-cong: 61.8, không kèm "%": số liệu và chỉ tiêu kế hoạch (targets) chỉ ghi con số, theo đơn vị của chỉ tiêu (khai báo trong meet.config.yaml); plan_pct và yoy_pct vốn tính bằng %',
    en: '"ty-le-giai-ngan-dau-tu-cong" is "61,8%"; write ty-le-giai-ngan-dau-tu-cong: 61.8 without "%": a figure or a target is a number in its metric\'s unit (set in meet.config.yaml); plan_pct and yoy_pct are in % already',
  },
  {
    fixture: 'status-done-in-vietnamese',
    line: 7,
    column: 13,
    rule: 'invalid-value',
    vi: '"status" là "hoàn thành"; trong biên bản giá trị này viết là "done": hãy viết status: done',
    en: '"status" is "hoàn thành"; the record format writes this "done": write status: done',
  },
  {
    fixture: 'status-in-progress-in-vietnamese',
    line: 7,
    column: 13,
    rule: 'invalid-value',
    vi: '"status" là "đang thực hiện"; trong biên bản giá trị này viết là "in-progress": hãy viết status: in-progress',
    en: '"status" is "đang thực hiện"; the record format writes this "in-progress": write status: in-progress',
  },
  {
    fixture: 'unclosed-quote',
    line: 5,
    column: 9,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "name" mở dấu ngoặc kép nhưng không đóng lại: hãy viết name: "Hoàng Văn Hiệp"',
    en: 'The value of "name" opens a quote and never closes it: write name: "Hoàng Văn Hiệp"',
  },
  {
    // A flow list over two lines above it is valid: not the mistake.
    fixture: 'unclosed-quote-after-flow-list',
    line: 6,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "chair" mở dấu ngoặc kép nhưng không đóng lại: hãy viết chair: "Hoàng Văn Hiệp"',
    en: 'The value of "chair" opens a quote and never closes it: write chair: "Hoàng Văn Hiệp"',
  },
  {
    fixture: 'tab-among-spaces',
    line: 8,
    column: 3,
    rule: 'yaml-syntax',
    vi: 'Dòng này thụt lề bằng 2 dấu cách rồi đến phím Tab; chỉ thụt lề bằng dấu cách (phím cách, không dùng Tab)',
    en: 'This line is indented with 2 spaces and then a tab; indent with spaces only (press the space bar, not Tab)',
  },
  {
    fixture: 'thousands-dot',
    line: 9,
    column: 19,
    rule: 'invalid-type',
    vi: '"don-vi-mau" là "1.234,5"; hãy viết don-vi-mau: 1234.5 (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn)',
    en: '"don-vi-mau" is "1.234,5"; write don-vi-mau: 1234.5 (a dot for decimals, no thousands separator)',
  },
  {
    fixture: 'three-space-indent',
    line: 8,
    column: 4,
    rule: 'yaml-syntax',
    vi: 'Mục "owner" thụt lề 3 dấu cách, trong khi các mục cùng cấp thụt lề 4 dấu cách: hãy thụt lề 4 dấu cách cho thẳng hàng',
    en: '"owner" is indented by 3 spaces, but the lines it belongs with by 4: indent it by 4 spaces like them',
  },
  {
    // One space too many reads as the title going on: the library stops on the title's line, the mistake is on the next.
    fixture: 'five-space-indent',
    line: 8,
    column: 6,
    rule: 'yaml-syntax',
    vi: 'Mục "owner" thụt lề 5 dấu cách, trong khi các mục cùng cấp thụt lề 4 dấu cách: hãy thụt lề 4 dấu cách cho thẳng hàng',
    en: '"owner" is indented by 5 spaces, but the lines it belongs with by 4: indent it by 4 spaces like them',
  },
  {
    fixture: 'unknown-sector',
    line: 9,
    column: 13,
    rule: 'unknown-sector',
    vi: 'Lĩnh vực "quoc-phong" chưa được khai báo trong meet.config.yaml. Có phải ý bạn là "quoc-phong-an-ninh"?',
    en: 'The sector "quoc-phong" is not declared in meet.config.yaml. Did you mean "quoc-phong-an-ninh"?',
  },
  {
    fixture: 'value-starts-with-ampersand',
    line: 5,
    column: 16,
    rule: 'invalid-value',
    vi: 'Giá trị của mục "recorder" bắt đầu bằng ký tự "&", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: recorder: "&Thư ký Lê Thị Hoa"',
    en: 'The value of "recorder" starts with "&", which YAML reads as a special sign: put the whole value in quotes: recorder: "&Thư ký Lê Thị Hoa"',
  },
  {
    fixture: 'value-starts-with-at',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" bắt đầu bằng ký tự "@", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: title: "@Họp giao ban"',
    en: 'The value of "title" starts with "@", which YAML reads as a special sign: put the whole value in quotes: title: "@Họp giao ban"',
  },
  {
    fixture: 'value-starts-with-backtick',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" bắt đầu bằng ký tự "`", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: title: "`Khẩn` Họp giao ban"',
    en: 'The value of "title" starts with "`", which YAML reads as a special sign: put the whole value in quotes: title: "`Khẩn` Họp giao ban"',
  },
  {
    fixture: 'value-starts-with-bang',
    line: 5,
    column: 11,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "location" bắt đầu bằng ký tự "!", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: location: "!Hội trường tầng 2"',
    en: 'The value of "location" starts with "!", which YAML reads as a special sign: put the whole value in quotes: location: "!Hội trường tầng 2"',
  },
  {
    fixture: 'value-starts-with-brace',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" bắt đầu bằng ký tự "{", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: title: "{Dự thảo} Họp giao ban"',
    en: 'The value of "title" starts with "{", which YAML reads as a special sign: put the whole value in quotes: title: "{Dự thảo} Họp giao ban"',
  },
  {
    fixture: 'value-starts-with-bracket',
    line: 2,
    column: 8,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "title" bắt đầu bằng ký tự "[", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: title: "[Khẩn] Họp về phòng chống lũ"',
    en: 'The value of "title" starts with "[", which YAML reads as a special sign: put the whole value in quotes: title: "[Khẩn] Họp về phòng chống lũ"',
  },
  {
    fixture: 'value-starts-with-greater',
    line: 6,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "decisions" bắt đầu bằng ký tự ">", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: - "> 50% số xã đạt chuẩn"',
    en: 'The value of "decisions" starts with ">", which YAML reads as a special sign: put the whole value in quotes: - "> 50% số xã đạt chuẩn"',
  },
  {
    fixture: 'value-starts-with-percent',
    line: 6,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "decisions" bắt đầu bằng ký tự "%", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: - "% kế hoạch năm đã hoàn thành"',
    en: 'The value of "decisions" starts with "%", which YAML reads as a special sign: put the whole value in quotes: - "% kế hoạch năm đã hoàn thành"',
  },
  {
    fixture: 'value-starts-with-pipe',
    line: 5,
    column: 11,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "location" bắt đầu bằng ký tự "|", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: location: "| Hội trường tầng 2"',
    en: 'The value of "location" starts with "|", which YAML reads as a special sign: put the whole value in quotes: location: "| Hội trường tầng 2"',
  },
  {
    fixture: 'value-starts-with-star',
    line: 6,
    column: 5,
    rule: 'yaml-syntax',
    vi: 'Giá trị của mục "decisions" bắt đầu bằng ký tự "*", YAML hiểu đây là ký hiệu đặc biệt: hãy đặt cả giá trị trong dấu ngoặc kép: - "*Quan trọng* giao Phòng Nội vụ rà soát"',
    en: 'The value of "decisions" starts with "*", which YAML reads as a special sign: put the whole value in quotes: - "*Quan trọng* giao Phòng Nội vụ rà soát"',
  },
  {
    fixture: 'vietnamese-key',
    line: 2,
    column: 1,
    rule: 'unknown-key',
    vi: 'Mục "tiêu đề" trong biên bản không phải là một mục hợp lệ: tên mục phải viết bằng tiếng Anh: hãy dùng "title".',
    en: 'Unknown key "tiêu đề" in the record: keys are written in English; use "title".',
  },
];

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'mistakes');
const CONFIG = readFileSync(path.join(EXAMPLES, 'meet.config.yaml'), 'utf8');
/** An earlier meeting assigning the task the updates of the fixtures name. */
const EARLIER =
  '---\ntitle: Họp tháng 11\ndate: 2020-11-01\nchair: Hoàng Văn Hiệp\ntasks:\n  - id: viec-truoc\n    title: Việc giao trước\n    owner: noi-vu\n---\n';

/** A repository holding the fixture (as a record of 15/12/2020, or of its own date) and the earlier meeting. */
function repositoryWith(fixture: string): { root: string; file: string } {
  const root = tempDir('meet-mistake-');
  const day = fixture === 'date-day-first' ? '2020-10-26' : '2020-12-15';
  const file = `meetings/2020/${day}-${fixture}.md`;
  writeTree(root, {
    'meet.config.yaml': CONFIG,
    'meetings/2020/2020-11-01-truoc.md': EARLIER,
    [file]: readFileSync(path.join(FIXTURES, `${fixture}.md`)),
  });
  return { root, file };
}

describe('each common mistake: one finding naming the fix, in the locale', () => {
  it.each(CASES.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    const { root, file } = repositoryWith(c.fixture);
    for (const locale of ['vi', 'en'] as const) {
      const run = await runMeet(['check', '--format', 'json', '--no-cache', '--locale', locale], { cwd: root });
      expect(run.code).toBe(1);
      const findings = JSON.parse(run.stdout) as { file: string; line: number; column: number; rule: string; message: string }[];
      expect(findings).toEqual([{ file, line: c.line, column: c.column, severity: 'error', rule: c.rule, message: c[locale] }]);
    }
  });

  it('every fixture in test/mistakes/ has a case', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(FIXTURES).map((f) => f.replace(/\.md$/, ''));
    expect(files.sort()).toEqual(CASES.map((c) => c.fixture).sort());
  });

  it('a repository in Vietnamese reports them in Vietnamese without --locale', async () => {
    const { root } = repositoryWith('decimal-comma');
    const run = await runMeet(['check', '--no-cache'], { cwd: root });
    expect(run.stdout).toContain('hãy viết thu-ngan-sach: 21.4');
    expect(run.stdout).toContain('✖ 1 lỗi, 0 cảnh báo trong 1 tệp (đã kiểm tra 2 biên bản)');
  });

  it('a key named in other English words gets "did you mean" with the format\'s key, not "keys are written in English"', async () => {
    const { root, file } = repositoryWith('decimal-comma');
    const record = readFileSync(path.join(FIXTURES, 'decimal-comma.md'), 'utf8')
      .replace('thu-ngan-sach: 21,4', 'thu-ngan-sach: 21.4')
      .replace('chair: Hoàng Văn Hiệp', 'chairman: Hoàng Văn Hiệp\nvenue: Hội trường')
      .replace('---\n\nNội', 'actions:\n  - { id: viec-a, title: Việc A, assignee: van-phong, deadline: 2021-01-15 }\n---\n\nNội');
    writeTree(root, { [file]: record });
    const run = await runMeet(['check', '--format', 'json', '--no-cache', '--locale', 'en'], { cwd: root });
    const messages = (JSON.parse(run.stdout) as { message: string }[]).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Unknown key "chairman" in the record. Did you mean "chair"?',
        'Unknown key "venue" in the record. Did you mean "location"?',
        'Unknown key "actions" in the record. Did you mean "tasks"?',
      ]),
    );
    expect(messages.join('\n')).not.toContain('keys are written in English');
    writeTree(root, { [file]: record.replace('chairman:', 'chair:').replace('actions:', 'tasks:') });
    const task = await runMeet(['check', '--format', 'json', '--no-cache', '--locale', 'en'], { cwd: root });
    expect((JSON.parse(task.stdout) as { message: string }[]).map((f) => f.message)).toEqual(
      expect.arrayContaining(['Unknown key "assignee" in task #1. Did you mean "owner"?', 'Unknown key "deadline" in task #1. Did you mean "due"?']),
    );
  });

  it('"1,500" is fifteen hundred in an English repository and 1.5 in a Vietnamese one, whatever --locale the run speaks', async () => {
    const { root, file } = repositoryWith('decimal-comma');
    const fixes = async (locale: 'vi' | 'en') => {
      const run = await runMeet(['check', '--format', 'json', '--no-cache', '--locale', locale], { cwd: root });
      return (JSON.parse(run.stdout) as { message: string }[]).map((f) => f.message);
    };
    const record = readFileSync(path.join(FIXTURES, 'decimal-comma.md'), 'utf8');
    const written = (figures: string) => writeTree(root, { [file]: record.replace('thu-ngan-sach: 21,4', figures) });
    written('thu-ngan-sach: 1,500');
    expect((await fixes('vi'))[0]).toContain('hãy viết thu-ngan-sach: 1.5 (dùng dấu chấm cho phần thập phân');
    expect(await fixes('en')).toEqual(['"thu-ngan-sach" is "1,500"; write thu-ngan-sach: 1.5 (a dot for decimals, no thousands separator)']);

    writeTree(root, { 'meet.config.yaml': CONFIG.replace(/^locale: vi$/m, 'locale: en') });
    expect(await fixes('en')).toEqual(['"thu-ngan-sach" is "1,500"; write thu-ngan-sach: 1500 (a dot for decimals, no thousands separator)']);
    expect((await fixes('vi'))[0]).toContain('hãy viết thu-ngan-sach: 1500 (');
    written('{ thu-ngan-sach: 12,000 }');
    expect(await fixes('en')).toEqual(['"thu-ngan-sach" is "12,000"; write thu-ngan-sach: 12000 (a dot for decimals, no thousands separator)']);
    // Beside another number the digits' own figure is not known: the advice says what the comma did, never "write 1.073".
    written('{ thu-ngan-sach: { value: 1,073, ytd: 5 } }');
    expect((await fixes('en'))[0]).toMatch(/^"073" in .* write the number without commas \(1073, not 1,073\)$/);
    written('{ thu-ngan-sach: { value: 12,000, ytd: 48,000 } }');
    expect(await fixes('en')).toEqual([expect.stringMatching(/^"000" in the same \{ \} .* write the number without commas \(1073, not 1,073\)$/)]);
  });
});

describe('07/05/2024 in English: either day, asked, never guessed', () => {
  it('in English records the advice names both days, or the month-first one; Vietnamese ones stay day first', async () => {
    const { root, file } = repositoryWith('decimal-comma');
    const record = readFileSync(path.join(FIXTURES, 'decimal-comma.md'), 'utf8').replace('thu-ngan-sach: 21,4', 'thu-ngan-sach: 21.4');
    const advice = async (due: string) => {
      writeTree(root, { [file]: record.replace('---\n\nNội', `tasks:\n  - { id: t1, title: T, owner: van-phong, due: ${due} }\n---\n\nNội`) });
      const run = await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: root });
      return (JSON.parse(run.stdout) as { message: string }[]).map((f) => f.message);
    };
    expect(await advice('07/01/2021')).toEqual(['"due" là "07/01/2021"; ngày viết dạng YYYY-MM-DD: due: 2021-01-07']);
    writeTree(root, { 'meet.config.yaml': CONFIG.replace(/^locale: vi$/m, 'locale: en') });
    expect(await advice('07/01/2021')).toEqual([
      '"due" is "07/01/2021", which may be either day, the day or the month first; write dates as YYYY-MM-DD: due: 2021-01-07 or due: 2021-07-01',
    ]);
    expect(await advice('12/25/2020')).toEqual(['"due" is "12/25/2020"; write dates as YYYY-MM-DD: due: 2020-12-25']);
  });

  it('on the command line in English: refused with both days; one only month first is said so', async () => {
    const { root } = repositoryWith('decimal-comma');
    const either = await runMeet(['new', '--date', '07/05/2021', '--chair', 'A', '--dry-run', '--locale', 'en'], { cwd: root });
    expect(either.code).toBe(2);
    expect(either.stderr).toContain('"07/05/2021" could be 7 May 2021 or 5 Jul 2021: write the date as YYYY-MM-DD, 2021-05-07 or 2021-07-05.');
    const us = await runMeet(['new', '--date', '12/25/2020', '--chair', 'A', '--dry-run', '--locale', 'en'], { cwd: root });
    expect(us.stderr).toContain('"12/25/2020" is written month first: write the date as YYYY-MM-DD, 2020-12-25 (25 Dec 2020).');
    // In Vietnamese the day comes first, as clerks write it, with a slash, a dash or a dot.
    for (const date of ['07/05/2021', '07-05-2021', '7.5.2021']) {
      expect((await runMeet(['new', '--date', date, '--chair', 'A', '--dry-run'], { cwd: root })).stdout).toContain('date: 2021-05-07');
    }
    // One reading only, day first: the date, with dots as with slashes (it was said to be "month first").
    expect((await runMeet(['new', '--date', '25.11.2020', '--chair', 'A', '--dry-run', '--locale', 'en'], { cwd: root })).stdout).toContain('date: 2020-11-25');
    // In English a dash is no less ambiguous than a slash.
    expect((await runMeet(['new', '--date', '07-05-2021', '--chair', 'A', '--dry-run', '--locale', 'en'], { cwd: root })).stderr).toContain(
      '"07-05-2021" could be 7 May 2021 or 5 Jul 2021',
    );
  });

  it('a date without its year, or with two digits of it, is told how to write it; a month may be 10-2020', async () => {
    const { root } = repositoryWith('decimal-comma');
    const said = async (...args: string[]) => {
      const run = await runMeet([...args, '--dry-run'], { cwd: root });
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await said('new', '--date', '4/11', '--chair', 'A')).toContain('"4/11" thiếu năm: hãy viết đủ ngày/tháng/năm, ví dụ 4/11/2020.');
    expect(await said('new', '--date', '4.11', '--chair', 'A')).toContain('ví dụ 4.11.2020.');
    expect(await said('new', '--date', '04/11/20', '--chair', 'A')).toContain('"04/11/20": hãy viết năm đủ bốn chữ số, ví dụ 04/11/2020.');
    expect(await said('new', '--date', '4/11', '--chair', 'A', '--locale', 'en')).toContain('"4/11" has no year: write the date as YYYY-MM-DD');
    // A due's day and month without the year, in a Vietnamese record: the meeting's year, or the next when past.
    const dues = tempDir();
    const task = (due: string) => `  - { id: t-${due.replace(/\D/g, '')}, title: Việc, owner: van-phong, due: "${due}" }`;
    writeTree(dues, {
      'meet.config.yaml': readFileSync(path.join(EXAMPLES, 'meet.config.yaml'), 'utf8'),
      'meetings/2020/2020-10-05-hop.md': `---\ntitle: Họp\ndate: 2020-10-05\nchair: A\ntasks:\n${task('31/12')}\n${task('1/10')}\n---\n`,
    });
    const advice = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: dues })).stdout).map((f: { message: string }) => f.message);
    expect(advice).toEqual([
      '"due" là "31/12", chưa có năm; tính theo ngày họp, hãy viết due: 2020-12-31',
      '"due" là "1/10", chưa có năm; tính theo ngày họp, hãy viết due: 2021-10-01',
    ]);
    // Records written in English (locale: en) may put the month first: 1/10 is not guessed.
    writeFileSync(path.join(dues, 'meet.config.yaml'), readFileSync(path.join(dues, 'meet.config.yaml'), 'utf8').replace('locale: vi', 'locale: en'));
    const english = JSON.parse((await runMeet(['check', '--format', 'json', '--no-cache'], { cwd: dues })).stdout).map((f: { message: string }) => f.message);
    expect(english).toHaveLength(2);
    for (const message of english) expect(message).not.toContain('without a year');
    const examples = copyExamples();
    for (const month of ['10-2020', '10.2020']) {
      const run = await runMeet(['report', '--month', month, '--format', 'json'], { cwd: examples });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).month).toBe('2020-10');
    }
  });
});

describe('a day that does not exist, on the command line', () => {
  it.each([
    ['vi', '"31/09/2020" không phải là ngày có thật: tháng 9/2020 chỉ có 30 ngày.'],
    ['en', '"31/09/2020" is not a real day: September 2020 has 30 days.'],
  ])('%s: says the month has 30 days', async (locale, message) => {
    const { root } = repositoryWith('decimal-comma');
    const run = await runMeet(['new', '--date', '31/09/2020', '--chair', 'Hoàng Văn Hiệp', '--dry-run', '--locale', locale], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('a typo in --kind gets a "did you mean", and a kind written in Vietnamese is understood', async () => {
    const { root } = repositoryWith('decimal-comma');
    const typo = await runMeet(['new', '--kind', 'regulr', '--chair', 'Hoàng Văn Hiệp', '--dry-run'], { cwd: root });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"regulr" không thuộc các giá trị regular, extraordinary, thematic. Có phải ý bạn là "regular"?');
    const words = await runMeet(['new', '--kind', 'chuyên đề', '--date', '2020-12-20', '--chair', 'Hoàng Văn Hiệp', '--dry-run'], { cwd: root });
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('kind: thematic');
  });
});
