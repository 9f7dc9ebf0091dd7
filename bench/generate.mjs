#!/usr/bin/env node
// A deterministic generator of realistic records repositories for the
// benchmark: one province's config, many districts, communes and wards
// meeting monthly over 2015–2025, records of about 5–10 KB in Vietnamese.
//
//   node bench/generate.mjs --records 10000 --out DIR [--seed 1] [--force]
//
// The same records count and seed always give byte-identical files: every
// choice comes from one seeded PRNG (mulberry32), dates are computed in UTC.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2025;
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
// At most this many meetings per organisation: monthly ones plus a few thematic.
const PER_ORGANIZATION = 140;

/** mulberry32: small, fast, and the same on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- vocabulary

const PROVINCE = 'UBND tỉnh Mẫu Sơn';

const SECTORS = {
  'kinh-te': 'Kinh tế',
  'nong-nghiep': 'Nông nghiệp và phát triển nông thôn',
  'tai-chinh-ngan-sach': 'Tài chính – Ngân sách',
  'dat-dai-xay-dung': 'Đất đai, xây dựng và môi trường',
  'van-hoa-xa-hoi': 'Văn hóa – Xã hội',
  'giao-duc-y-te': 'Giáo dục và y tế',
  'quoc-phong-an-ninh': 'Quốc phòng – An ninh',
  'thanh-tra': 'Thanh tra, giải quyết khiếu nại, tố cáo',
  'noi-chinh': 'Nội chính, xây dựng chính quyền',
};

const OWNERS = {
  'van-phong': 'Văn phòng HĐND và UBND',
  'noi-vu': 'Phòng Nội vụ',
  'tu-phap': 'Phòng Tư pháp',
  'tai-chinh-ke-hoach': 'Phòng Tài chính – Kế hoạch',
  'kinh-te-ha-tang': 'Phòng Kinh tế và Hạ tầng',
  'quan-ly-do-thi': 'Phòng Quản lý đô thị',
  'nong-nghiep': 'Phòng Nông nghiệp và Phát triển nông thôn',
  'tai-nguyen-moi-truong': 'Phòng Tài nguyên và Môi trường',
  'lao-dong-tbxh': 'Phòng Lao động – Thương binh và Xã hội',
  'van-hoa-thong-tin': 'Phòng Văn hóa và Thông tin',
  'giao-duc-dao-tao': 'Phòng Giáo dục và Đào tạo',
  'y-te': 'Phòng Y tế',
  'trung-tam-y-te': 'Trung tâm Y tế',
  'thanh-tra': 'Thanh tra',
  'cong-an': 'Công an',
  'quan-su': 'Ban Chỉ huy Quân sự',
  'ban-qlda': 'Ban Quản lý dự án đầu tư xây dựng',
  'trung-tam-phat-trien-quy-dat': 'Trung tâm Phát triển quỹ đất',
  'kho-bac': 'Kho bạc Nhà nước',
  'chi-cuc-thue': 'Chi cục Thuế',
  'dia-chinh-xay-dung': 'Công chức Địa chính – Xây dựng',
  'tu-phap-ho-tich': 'Công chức Tư pháp – Hộ tịch',
  'van-hoa-xa-hoi': 'Công chức Văn hóa – Xã hội',
  'ke-toan-ngan-sach': 'Công chức Tài chính – Kế toán',
  'mat-tran': 'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'hoi-nong-dan': 'Hội Nông dân',
  'hoi-phu-nu': 'Hội Liên hiệp Phụ nữ',
  'doan-thanh-nien': 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'hoi-cuu-chien-binh': 'Hội Cựu chiến binh',
  'hoi-chu-thap-do': 'Hội Chữ thập đỏ',
};

// id: [label, unit, sector, aggregate, low, high, decimals]
const METRICS = {
  'thu-ngan-sach': ['Thu ngân sách trên địa bàn', 'tỷ đồng', 'tai-chinh-ngan-sach', 'sum', 0.5, 60, 1],
  'chi-ngan-sach': ['Chi ngân sách địa phương', 'tỷ đồng', 'tai-chinh-ngan-sach', 'sum', 0.5, 55, 1],
  'ty-le-giai-ngan-dau-tu-cong': ['Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch năm', '%', 'tai-chinh-ngan-sach', 'last', 5, 98, 1],
  'doanh-nghiep-thanh-lap-moi': ['Doanh nghiệp thành lập mới', 'doanh nghiệp', 'kinh-te', 'sum', 0, 40, 0],
  'gia-tri-san-xuat-cong-nghiep': ['Giá trị sản xuất công nghiệp', 'tỷ đồng', 'kinh-te', 'sum', 10, 900, 1],
  'xa-dat-chuan-ntm': ['Xã công bố đạt chuẩn nông thôn mới', 'xã', 'nong-nghiep', 'sum', 0, 5, 0],
  'dien-tich-gieo-cay': ['Diện tích gieo cấy lúa', 'ha', 'nong-nghiep', 'sum', 20, 4000, 0],
  'ty-le-thu-hoach-lua': ['Tỷ lệ diện tích lúa đã thu hoạch', '%', 'nong-nghiep', 'last', 0, 100, 0],
  'ho-dan-so-tan': ['Hộ dân được sơ tán khỏi vùng nguy hiểm do mưa lũ', 'hộ', 'nong-nghiep', 'sum', 0, 300, 0],
  'dien-tich-gpmb': ['Diện tích đất đã giải phóng mặt bằng', 'ha', 'dat-dai-xay-dung', 'sum', 0, 80, 2],
  'giay-chung-nhan-qsdd': ['Giấy chứng nhận quyền sử dụng đất đã cấp', 'giấy', 'dat-dai-xay-dung', 'sum', 0, 600, 0],
  'vi-pham-trat-tu-xay-dung': ['Vụ vi phạm trật tự xây dựng được xử lý', 'vụ', 'dat-dai-xay-dung', 'sum', 0, 30, 0],
  'don-vi-mau': ['Máu tiếp nhận', 'đơn vị', 'van-hoa-xa-hoi', 'sum', 0, 900, 0],
  'lao-dong-viec-lam-moi': ['Lao động được giải quyết việc làm mới', 'người', 'van-hoa-xa-hoi', 'sum', 0, 500, 0],
  'ho-ngheo-giam': ['Hộ nghèo giảm trong kỳ', 'hộ', 'van-hoa-xa-hoi', 'sum', 0, 120, 0],
  'ty-le-bhyt': ['Tỷ lệ dân số tham gia bảo hiểm y tế', '%', 'giao-duc-y-te', 'last', 80, 99.9, 1],
  'tre-tiem-chung': ['Trẻ em được tiêm chủng đầy đủ', 'trẻ', 'giao-duc-y-te', 'sum', 0, 700, 0],
  'truong-dat-chuan': ['Trường học đạt chuẩn quốc gia', 'trường', 'giao-duc-y-te', 'last', 0, 60, 0],
  'cong-dan-kham-tuyen': ['Công dân được khám tuyển nghĩa vụ quân sự', 'người', 'quoc-phong-an-ninh', 'sum', 0, 400, 0],
  'vu-pham-phap-hinh-su': ['Vụ phạm pháp hình sự', 'vụ', 'quoc-phong-an-ninh', 'sum', 0, 25, 0],
  'tai-nan-giao-thong': ['Vụ tai nạn giao thông', 'vụ', 'quoc-phong-an-ninh', 'sum', 0, 15, 0],
  'don-thu-giai-quyet': ['Đơn thư đã giải quyết', 'đơn', 'thanh-tra', 'sum', 0, 90, 0],
  'cuoc-thanh-tra': ['Cuộc thanh tra hành chính đã kết thúc', 'cuộc', 'thanh-tra', 'sum', 0, 8, 0],
  'thu-tuc-hanh-chinh-dung-han': ['Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', '%', 'noi-chinh', 'last', 85, 100, 1],
};

// Per sector: what was achieved (results) and what is assigned (tasks).
const RESULT_TEXT = {
  'kinh-te': [
    'Hoạt động thương mại, dịch vụ trên địa bàn ổn định, hàng hóa lưu thông thông suốt',
    'Tiếp tục hỗ trợ doanh nghiệp, hợp tác xã tháo gỡ khó khăn trong sản xuất, kinh doanh',
    'Sản xuất tiểu thủ công nghiệp duy trì mức tăng trưởng khá so với cùng kỳ',
    'Công tác quản lý thị trường, chống buôn lậu và gian lận thương mại được tăng cường',
  ],
  'nong-nghiep': [
    'Chỉ đạo gieo cấy đúng khung lịch thời vụ, cơ cấu giống lúa chất lượng cao được mở rộng',
    'Công tác phòng chống dịch bệnh trên đàn gia súc, gia cầm được triển khai quyết liệt',
    'Tiếp tục thực hiện các tiêu chí xây dựng nông thôn mới, nông thôn mới nâng cao',
    'Nạo vét kênh mương nội đồng, chuẩn bị nước tưới cho vụ sản xuất',
    'Triển khai phương án phòng chống thiên tai và tìm kiếm cứu nạn trong mùa mưa bão',
  ],
  'tai-chinh-ngan-sach': [
    'Công tác thu ngân sách được tập trung chỉ đạo, nhiều khoản thu đạt khá so với dự toán',
    'Điều hành chi ngân sách chặt chẽ, tiết kiệm, đúng dự toán được giao',
    'Đẩy nhanh tiến độ giải ngân vốn đầu tư công, tháo gỡ vướng mắc ở các dự án chậm tiến độ',
  ],
  'dat-dai-xay-dung': [
    'Tập trung giải phóng mặt bằng các dự án trọng điểm, bàn giao mặt bằng cho nhà đầu tư',
    'Đẩy mạnh cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân',
    'Kiểm tra, xử lý các trường hợp vi phạm trật tự xây dựng và lấn chiếm đất công',
    'Thu gom, xử lý rác thải sinh hoạt ở các khu dân cư được duy trì thường xuyên',
  ],
  'van-hoa-xa-hoi': [
    'Tổ chức chu đáo các hoạt động văn hóa, văn nghệ, thể dục thể thao chào mừng các ngày lễ lớn',
    'Thực hiện đầy đủ, kịp thời chế độ chính sách cho người có công và đối tượng bảo trợ xã hội',
    'Tổ chức thành công ngày hội hiến máu tình nguyện',
    'Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tiếp tục được duy trì',
    'Công tác giảm nghèo, giải quyết việc làm và đào tạo nghề cho lao động nông thôn đạt kết quả',
  ],
  'giao-duc-y-te': [
    'Các trường hoàn thành chương trình năm học, chuẩn bị cơ sở vật chất cho năm học mới',
    'Công tác khám chữa bệnh và y tế dự phòng được duy trì; không để dịch bệnh lớn xảy ra',
    'Triển khai tiêm chủng mở rộng cho trẻ em trong độ tuổi đúng kế hoạch',
    'Vận động người dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện',
  ],
  'quoc-phong-an-ninh': [
    'Tình hình an ninh chính trị, trật tự an toàn xã hội cơ bản ổn định',
    'Duy trì nghiêm chế độ trực sẵn sàng chiến đấu; hoàn thành khám tuyển nghĩa vụ quân sự',
    'Tăng cường tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông',
  ],
  'thanh-tra': [
    'Tiếp công dân định kỳ và đột xuất theo quy định; giải quyết dứt điểm nhiều vụ việc tồn đọng',
    'Triển khai các cuộc thanh tra hành chính theo kế hoạch năm',
    'Rà soát các vụ việc khiếu nại, tố cáo phức tạp, kéo dài để có hướng giải quyết',
  ],
  'noi-chinh': [
    'Công tác cải cách hành chính được chú trọng; hồ sơ được tiếp nhận và trả kết quả qua bộ phận một cửa',
    'Kiện toàn tổ chức bộ máy, sắp xếp cán bộ, công chức theo vị trí việc làm',
    'Chuẩn bị chu đáo nội dung kỳ họp Hội đồng nhân dân',
  ],
};

// [short id, title]
const TASK_TEXT = {
  'kinh-te': [
    ['ho-tro-doanh-nghiep', 'Tổ chức hội nghị đối thoại, tháo gỡ khó khăn cho doanh nghiệp và hợp tác xã'],
    ['quan-ly-thi-truong', 'Tăng cường kiểm tra, kiểm soát thị trường, nhất là các mặt hàng thiết yếu dịp lễ, Tết'],
    ['cum-cong-nghiep', 'Hoàn thiện hồ sơ đề nghị mở rộng cụm công nghiệp'],
  ],
  'nong-nghiep': [
    ['giao-thong-thuy-loi', 'Tập trung làm tốt công tác giao thông, thủy lợi nội đồng'],
    ['phong-chong-bao-lut', 'Rà soát phương án phòng chống bão lụt, sơ tán dân ở vùng trũng, ven sông'],
    ['san-xuat-vu-dong', 'Chỉ đạo sản xuất vụ đông và chuẩn bị các điều kiện cho vụ xuân'],
    ['nong-thon-moi', 'Hoàn thiện hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới'],
    ['dich-benh-gia-suc', 'Tổ chức tiêm phòng đợt 2 cho đàn gia súc, gia cầm'],
  ],
  'tai-chinh-ngan-sach': [
    ['thu-ngan-sach', 'Đôn đốc thu ngân sách, phấn đấu hoàn thành vượt dự toán năm'],
    ['giai-ngan-dau-tu-cong', 'Đẩy nhanh tiến độ giải ngân vốn đầu tư công; báo cáo các dự án chậm giải ngân'],
    ['quyet-toan-du-an', 'Hoàn thành quyết toán các dự án đã hoàn thành, bàn giao đưa vào sử dụng'],
  ],
  'dat-dai-xay-dung': [
    ['giai-phong-mat-bang', 'Tham mưu, tổ chức thực hiện giải phóng mặt bằng để thực hiện các dự án'],
    ['cap-giay-chung-nhan', 'Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân'],
    ['trat-tu-xay-dung', 'Kiểm tra, xử lý dứt điểm các vi phạm trật tự xây dựng'],
    ['rac-thai-sinh-hoat', 'Xây dựng phương án thu gom, xử lý rác thải sinh hoạt ở khu dân cư'],
  ],
  'van-hoa-xa-hoi': [
    ['chinh-sach-nguoi-co-cong', 'Chi trả kịp thời, đầy đủ chế độ cho người có công và đối tượng bảo trợ xã hội'],
    ['hien-mau', 'Tổ chức ngày hội hiến máu tình nguyện đợt tiếp theo'],
    ['giam-ngheo', 'Rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều'],
    ['le-hoi', 'Xây dựng kế hoạch tổ chức lễ hội truyền thống bảo đảm an toàn, tiết kiệm'],
  ],
  'giao-duc-y-te': [
    ['co-so-vat-chat-truong-hoc', 'Chuẩn bị cơ sở vật chất, trang thiết bị cho năm học mới'],
    ['tiem-chung', 'Tổ chức tiêm chủng mở rộng cho trẻ em trong độ tuổi'],
    ['bao-hiem-y-te', 'Vận động người dân tham gia bảo hiểm y tế hộ gia đình'],
    ['an-toan-thuc-pham', 'Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể và cơ sở kinh doanh'],
  ],
  'quoc-phong-an-ninh': [
    ['tuyen-quan', 'Triển khai kế hoạch tuyển chọn, gọi công dân nhập ngũ'],
    ['te-nan-toi-pham', 'Đẩy mạnh công tác phòng chống tệ nạn xã hội và các loại tội phạm'],
    ['an-toan-giao-thong', 'Tăng cường tuần tra, kiểm soát, bảo đảm trật tự an toàn giao thông'],
  ],
  'thanh-tra': [
    ['don-thu-ton-dong', 'Giải quyết dứt điểm các đơn thư khiếu nại, tố cáo tồn đọng'],
    ['tiep-cong-dan', 'Bố trí lịch tiếp công dân định kỳ của lãnh đạo UBND'],
    ['ket-luan-thanh-tra', 'Đôn đốc thực hiện các kết luận thanh tra đã ban hành'],
  ],
  'noi-chinh': [
    ['cai-cach-hanh-chinh', 'Rà soát quy trình giải quyết thủ tục hành chính, giảm thời gian trả kết quả'],
    ['van-de-cu-tri', 'Rà soát và trả lời các kiến nghị của cử tri trước kỳ họp'],
    ['ky-hop-hdnd', 'Chuẩn bị nội dung, tài liệu trình kỳ họp Hội đồng nhân dân'],
    ['sap-xep-bo-may', 'Hoàn thiện đề án sắp xếp tổ chức bộ máy, vị trí việc làm'],
  ],
};

const SECTOR_OWNERS = {
  'kinh-te': ['kinh-te-ha-tang', 'tai-chinh-ke-hoach', 'chi-cuc-thue'],
  'nong-nghiep': ['nong-nghiep', 'kinh-te-ha-tang', 'quan-su', 'hoi-nong-dan'],
  'tai-chinh-ngan-sach': ['tai-chinh-ke-hoach', 'kho-bac', 'chi-cuc-thue', 'ke-toan-ngan-sach', 'ban-qlda'],
  'dat-dai-xay-dung': ['tai-nguyen-moi-truong', 'trung-tam-phat-trien-quy-dat', 'quan-ly-do-thi', 'dia-chinh-xay-dung', 'ban-qlda'],
  'van-hoa-xa-hoi': ['lao-dong-tbxh', 'van-hoa-thong-tin', 'van-hoa-xa-hoi', 'hoi-chu-thap-do', 'hoi-phu-nu', 'doan-thanh-nien', 'mat-tran'],
  'giao-duc-y-te': ['giao-duc-dao-tao', 'y-te', 'trung-tam-y-te'],
  'quoc-phong-an-ninh': ['cong-an', 'quan-su', 'hoi-cuu-chien-binh'],
  'thanh-tra': ['thanh-tra', 'van-phong', 'tu-phap', 'tu-phap-ho-tich'],
  'noi-chinh': ['van-phong', 'noi-vu', 'tu-phap'],
};

// Plans figures are measured against ("đạt X% dự toán tỉnh giao").
const PLANS = {
  'du-toan-tinh': 'Dự toán tỉnh giao',
  'du-toan-huyen': 'Dự toán huyện giao',
  'nghi-quyet-hdnd': 'Nghị quyết HĐND',
};

const THEMES = [
  ['phong-chong-thien-tai', 'công tác phòng chống thiên tai', 'nong-nghiep'],
  ['giai-phong-mat-bang', 'công tác giải phóng mặt bằng các dự án trọng điểm', 'dat-dai-xay-dung'],
  ['thu-ngan-sach', 'công tác thu ngân sách và giải ngân vốn đầu tư công', 'tai-chinh-ngan-sach'],
  ['cai-cach-hanh-chinh', 'công tác cải cách hành chính', 'noi-chinh'],
  ['nong-thon-moi', 'chương trình xây dựng nông thôn mới', 'nong-nghiep'],
  ['tiep-cong-dan', 'công tác tiếp công dân, giải quyết khiếu nại, tố cáo', 'thanh-tra'],
  ['chuyen-doi-so', 'chuyển đổi số trong cơ quan nhà nước', 'noi-chinh'],
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Mai'];
const GIVEN_M = ['Hiệp', 'Thành', 'Dũng', 'Hùng', 'Tuấn', 'Hải', 'Bình', 'Nam', 'Long', 'Sơn', 'Cường', 'Quyết', 'Thắng', 'Toàn', 'Khánh'];
const GIVEN_F = ['Mai', 'Hương', 'Lan', 'Phương', 'Hoa', 'Trang', 'Hằng', 'Yến', 'Thảo', 'Nhung', 'Huyền', 'Loan'];

const PLACE_A = [
  'Tân',
  'Hòa',
  'Bình',
  'An',
  'Phú',
  'Thạnh',
  'Long',
  'Vĩnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Hưng',
  'Quang',
  'Minh',
  'Thuận',
  'Phước',
  'Lộc',
  'Thái',
  'Hồng',
  'Kim',
  'Ngọc',
  'Xuân',
  'Hương',
  'Trung',
  'Đại',
  'Mỹ',
  'Yên',
  'Cẩm',
  'Sơn',
  'Thanh',
  'Đức',
  'Gia',
  'Hải',
  'Lâm',
  'Quỳnh',
  'Văn',
  'Tiên',
  'Hiệp',
  'Định',
];
const PLACE_B = [
  'Lập',
  'Bình',
  'Phú',
  'Hòa',
  'Thành',
  'Tiến',
  'Lợi',
  'Hưng',
  'Sơn',
  'Thịnh',
  'Khánh',
  'Phong',
  'Mỹ',
  'An',
  'Xuân',
  'Lộc',
  'Long',
  'Hải',
  'Trung',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Lạc',
  'Thủy',
  'Quang',
  'Tân',
  'Nghĩa',
  'Thọ',
  'Đức',
  'Hà',
  'Lĩnh',
  'Cường',
  'Kiên',
  'Vinh',
  'Hồng',
  'Yên',
  'Điền',
  'Châu',
  'Giang',
];
// [weight, unit word, slug prefix]
const UNIT_KINDS = [
  [10, 'huyện', 'huyen'],
  [70, 'xã', 'xa'],
  [15, 'phường', 'phuong'],
  [5, 'thị trấn', 'thi-tran'],
];

const FILLER = [
  'Hội nghị thống nhất đánh giá trong tháng các cấp, các ngành đã bám sát chương trình công tác, triển khai nhiệm vụ với tinh thần trách nhiệm cao.',
  'Bên cạnh những kết quả đạt được, vẫn còn một số tồn tại, hạn chế như tiến độ một số dự án còn chậm, công tác phối hợp giữa các ngành có lúc chưa chặt chẽ.',
  'Thời tiết diễn biến phức tạp, mưa lớn kéo dài ảnh hưởng đến sản xuất nông nghiệp và tiến độ thi công các công trình.',
  'Các đại biểu đề nghị tăng cường kỷ luật, kỷ cương hành chính, nâng cao chất lượng tham mưu của các cơ quan chuyên môn.',
  'Công tác thông tin, tuyên truyền được đẩy mạnh trên hệ thống truyền thanh cơ sở và trang thông tin điện tử.',
  'Việc ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết thủ tục hành chính tiếp tục được quan tâm.',
  'Nhiều vướng mắc về đất đai, nguồn gốc sử dụng đất cần được các ngành phối hợp giải quyết dứt điểm.',
  'Các đơn vị cần chủ động rà soát những nhiệm vụ còn chậm, làm rõ nguyên nhân và trách nhiệm của từng tập thể, cá nhân.',
  'Lãnh đạo các phòng, ban, ngành đã phát biểu làm rõ thêm những nội dung thuộc lĩnh vực phụ trách và đề xuất giải pháp trong thời gian tới.',
  'Hội nghị ghi nhận sự vào cuộc tích cực của Mặt trận Tổ quốc và các đoàn thể trong vận động nhân dân.',
];

const NOTES = {
  done: [
    'Đã hoàn thành, báo cáo kết quả về Văn phòng',
    'Hoàn thành đúng tiến độ',
    'Đã triển khai xong, đạt yêu cầu đề ra',
    'Hoàn thành; kết quả được hội nghị ghi nhận',
  ],
  'in-progress': [
    'Đang triển khai, đạt khoảng {p}% khối lượng',
    'Chậm tiến độ do vướng mắc về mặt bằng',
    'Đang chờ đối chiếu số liệu với Kho bạc Nhà nước',
    'Đã xây dựng kế hoạch, đang tổ chức thực hiện',
  ],
  dropped: ['Không tiếp tục thực hiện do điều chỉnh kế hoạch', 'Dừng thực hiện; nội dung được lồng ghép vào nhiệm vụ khác'],
};

// ------------------------------------------------------------------- helpers

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** `count` distinct items of `list`, in list order. */
  const sample = (list, count) => {
    const indexes = list.map((_, i) => i);
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
    }
    return indexes
      .slice(0, Math.min(count, list.length))
      .sort((a, b) => a - b)
      .map((i) => list[i]);
  };
  return { next, int, pick, chance, sample };
}

export function slugify(text) {
  return text
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (year, month, day) => Date.UTC(year, month - 1, day);
const DAY = 86_400_000;

// YAML: plain when unambiguous under both the failsafe and core schemas, else a JSON (= YAML double-quoted) string.
function scalar(text) {
  const plain =
    /^[\p{L}\p{N}“(]/u.test(text) &&
    !/: |:$| #|[\n\t]|\s$/.test(text) &&
    !/^[-+.\d]/.test(text.replace(/^\d{4}-\d{2}-\d{2}$/, 'x')) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

// Inside a flow collection ("{ name: …, role: … }") a plain value may not hold
// the collection's own punctuation either.
function flowScalar(text) {
  const plain = scalar(text);
  return plain === text && !/[,[\]{}#:]/.test(text) ? text : JSON.stringify(text);
}

// Written as a clerk might: quoted in single quotes when it is a title.
function quoted(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A note or summary as a block scalar ("|" keeps the lines, ">" folds them). */
function blockScalar(key, text, indent, random) {
  const words = text.split(' ');
  const cut = Math.max(1, Math.floor(words.length / 2));
  const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')].filter(Boolean);
  const header = random.pick(['|', '>', '>-', '|-']);
  return [`${' '.repeat(indent)}${key}: ${header}`, ...lines.map((l) => `${' '.repeat(indent + 2)}${l}`)];
}

// --------------------------------------------------------- FORMAT v2 forms

/**
 * A v2 figure as clerks write it ("ước đạt 12,5 tỷ đồng, lũy kế 98,1 tỷ
 * đồng, đạt 76,4% dự toán tỉnh giao, tăng 4,2% so với cùng kỳ"): its keys in
 * the order written, values as YAML text. `raw` is the period's value in the
 * metric's unit, `month` the last month of the period.
 */
function makeFigure(metric, raw, month, district, random) {
  const [, unit, , aggregate, , , decimals] = metric;
  const sum = aggregate === 'sum';
  // "thu 350 triệu đồng" for a metric in tỷ đồng: both numbers in the unit written.
  const millions = unit === 'tỷ đồng' && random.chance(0.15);
  const places = millions ? Math.max(0, decimals - 3) : decimals;
  const written = (x) => formatNumber(millions ? x * 1000 : x, places);
  const f = { unit: millions ? 'triệu đồng' : unit, entries: [] };
  // The year so far: the period's value and what came before it in the year.
  const ytd = sum && random.chance(0.7) ? (month === 1 ? raw : raw * (1 + (month - 1) * (0.7 + random.next() * 0.6))) : undefined;
  if (ytd === undefined || random.chance(0.88)) f.entries.push(['value', written(raw)]);
  if (millions) f.entries.push(['unit', 'triệu đồng']);
  if (ytd !== undefined) f.entries.push(['ytd', written(ytd)]);
  if (random.chance(sum ? 0.5 : 0.3)) {
    const share = (sum ? (month / 12) * 100 : 100) * (0.75 + random.next() * 0.45);
    if (unit === 'tỷ đồng' && random.chance(0.5)) {
      const second = share * (0.9 + random.next() * 0.2);
      f.entries.push([
        'plan_pct',
        [
          [district ? 'du-toan-tinh' : 'du-toan-huyen', formatNumber(share, 1)],
          ['nghi-quyet-hdnd', formatNumber(second, 1)],
        ],
      ]);
    } else {
      f.entries.push(['plan_pct', formatNumber(share, 1)]);
    }
  }
  // About one in four a fall, written with its "-" as clerks write it.
  if (random.chance(sum ? 0.4 : 0.25)) {
    const change = formatNumber(-10 + random.next() * 40, random.pick([1, 2]));
    f.entries.push(['yoy_pct', /^-0?$/.test(change) ? '0' : change]);
  }
  if (random.chance(0.3) || f.entries.length === 1) f.entries.push(['estimate', 'true']);
  if (random.chance(0.08)) f.entries.push(['qualifier', random.pick(['about', 'about', 'at-least', 'at-most'])]);
  return f;
}

const QUALIFIER_WORDS = { about: 'khoảng ', 'at-least': 'trên ', 'at-most': 'dưới ' };

/** The summary's words for a figure: "ước đạt khoảng 12,5 tỷ đồng, lũy kế …". */
function figureClause({ figure }) {
  const get = (key) => figure.entries.find((e) => e[0] === key)?.[1];
  const words = [];
  const lead = `${get('estimate') ? 'ước ' : ''}đạt ${QUALIFIER_WORDS[get('qualifier')] ?? ''}`;
  if (get('value') !== undefined) words.push(`${lead}${amount(get('value'), figure.unit)}`);
  if (get('ytd') !== undefined) words.push(`${words.length ? 'lũy kế' : `lũy kế từ đầu năm ${lead.trimEnd()}`} ${amount(get('ytd'), figure.unit)}`);
  const plan = get('plan_pct');
  if (typeof plan === 'string') words.push(`đạt ${viNumber(plan)}% kế hoạch`);
  else if (plan) words.push(`đạt ${plan.map(([id, pct]) => `${viNumber(pct)}% ${PLANS[id].charAt(0).toLowerCase()}${PLANS[id].slice(1)}`).join(', ')}`);
  const yoy = get('yoy_pct');
  if (yoy !== undefined) words.push(`${yoy.startsWith('-') ? 'giảm' : 'tăng'} ${viNumber(yoy.replace(/^-/, ''))}% so với cùng kỳ`);
  return words.join(', ');
}

function flowFigure(figure) {
  const text = (v) => (Array.isArray(v) ? `{ ${v.map(([k, x]) => `${k}: ${x}`).join(', ')} }` : v);
  return `{ ${figure.entries.map(([key, v]) => `${key}: ${text(v)}`).join(', ')} }`;
}

function blockFigure(figure, indent, random) {
  const lead = ' '.repeat(indent);
  const lines = [];
  for (const [key, v] of figure.entries) {
    if (!Array.isArray(v)) lines.push(`${lead}${key}: ${v}`);
    else if (random.chance(0.5)) lines.push(`${lead}${key}: { ${v.map(([k, x]) => `${k}: ${x}`).join(', ')} }`);
    else lines.push(`${lead}${key}:`, ...v.map(([k, x]) => `${lead}  ${k}: ${x}`));
  }
  return lines;
}

/**
 * A v2 due other than a day, counted from the meeting's own date: a month
 * ("trong tháng 9"), a quarter, a year, or `[key, N]` for `{working_days: N}`
 * ("trong 10 ngày làm việc") and `{days: N}`. Never before the meeting.
 */
function dueForm(ms, random) {
  const day = new Date(ms);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  const roll = random.next();
  if (roll < 0.35) {
    const m = month - 1 + random.pick([0, 1, 1, 2]);
    return `${year + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
  }
  if (roll < 0.55) {
    const q = Math.floor((month - 1) / 3) + random.int(0, 1);
    return `${year + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  }
  if (roll < 0.6) return String(month >= 11 ? year + 1 : year);
  if (roll < 0.85) return ['working_days', random.pick([5, 7, 10, 10, 15, 20, 30])];
  return ['days', random.pick([7, 10, 15, 15, 30, 45, 60])];
}

function amount(text, unit) {
  return `${viNumber(text)}${unit === '%' ? '%' : ` ${unit}`}`;
}

function formatNumber(value, decimals) {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals).replace(/\.?0+$/, '');
}

function viNumber(text) {
  return text.replace('.', ',');
}

// ------------------------------------------------------------- organisations

function makeOrganizations(count, random) {
  const seen = new Set();
  const organizations = [];
  const totalWeight = UNIT_KINDS.reduce((s, k) => s + k[0], 0);
  while (organizations.length < count) {
    let roll = random.int(1, totalWeight);
    const kind = UNIT_KINDS.find((k) => (roll -= k[0]) <= 0);
    const a = random.pick(PLACE_A);
    const b = random.pick(PLACE_B);
    if (a === b) continue;
    const place = `${a} ${b}`;
    const slug = `${kind[2]}-${slugify(place)}`;
    if (seen.has(slug)) {
      if (seen.size >= PLACE_A.length * PLACE_B.length * UNIT_KINDS.length * 0.9) throw new Error('Too many organisations for the place-name lists');
      continue;
    }
    seen.add(slug);
    const person = (female) => `${random.pick(FAMILY)} ${random.pick(female ? MIDDLE_F : MIDDLE_M)} ${random.pick(female ? GIVEN_F : GIVEN_M)}`;
    // A new chair and deputies after the 2021 elections.
    const term = () => ({
      chair: person(random.chance(0.25)),
      deputies: [person(random.chance(0.4)), person(random.chance(0.4))],
      recorder: person(random.chance(0.6)),
    });
    organizations.push({ name: `UBND ${kind[1]} ${place}`, unit: kind[1], place, slug, district: kind[2] === 'huyen', terms: [term(), term()] });
  }
  return organizations;
}

// ------------------------------------------------------------------ meetings

/** The dates and kinds of one organisation's `count` meetings, oldest first. */
function scheduleMeetings(count, random) {
  const regular = Math.min(count, MONTHS);
  const meetings = [];
  for (let m = 0; m < regular; m++) {
    const year = FIRST_YEAR + Math.floor(m / 12);
    const month = (m % 12) + 1;
    // FORMAT v2: a month is often reviewed early in the next one (on the 2nd–5th).
    if (random.chance(0.12)) meetings.push({ ms: dayMs(year, month + 1, random.int(2, 5)), kind: 'regular', reviews: `${year}-${pad(month)}` });
    else meetings.push({ ms: dayMs(year, month, random.int(20, 28)), kind: 'regular' });
  }
  const taken = new Set(meetings.map((m) => m.ms));
  while (meetings.length < count) {
    const m = random.int(0, regular - 1);
    const ms = dayMs(FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, random.int(6, 16));
    if (taken.has(ms)) continue;
    taken.add(ms);
    meetings.push({ ms, kind: random.chance(0.8) ? 'thematic' : 'extraordinary' });
  }
  return meetings.sort((a, b) => a.ms - b.ms);
}

function writeRecord(org, meeting, state, random) {
  const date = isoDay(meeting.ms);
  // The month reviewed: the meeting's own, or (held early in the next month) the one before.
  const [year, month] = (meeting.reviews ?? date).split('-').map(Number);
  const fileYear = date.slice(0, 4);
  const term = org.terms[year >= 2021 ? 1 : 0];
  const level = org.unit;
  const theme = meeting.kind === 'regular' ? undefined : random.pick(THEMES);
  const title =
    meeting.kind === 'regular'
      ? `Hội nghị thường kỳ tháng ${month} năm ${year}`
      : meeting.kind === 'thematic'
        ? `Hội nghị chuyên đề ${theme[1]}`
        : `Phiên họp bất thường về ${theme[1]}`;
  const slug = `${org.slug}-${slugify(meeting.kind === 'regular' ? `hoi nghi thuong ky thang ${month}` : title)}`.slice(0, 80).replace(/-+$/, '');
  const file = `meetings/${fileYear}/${date}-${slug}.md`;
  const nextMonth = month === 12 ? 1 : month + 1;

  // Clerks write YAML in different styles; the corpus mixes them like the
  // README and real repositories do (BENCHMARKS.md): more than half in flow
  // style for chair, metrics and owners, some titles in quotes, some notes
  // as block scalars, comments, a few files saved with CRLF or a BOM.
  const style = {
    flow: random.chance(0.55),
    quotedTitle: random.chance(0.3),
    blockNotes: random.chance(0.3),
    comments: random.chance(0.4),
    crlf: random.chance(0.06),
    bom: random.chance(0.03),
    // FORMAT v2, as examples-xa/ uses it: figures as mappings, dues as months,
    // quarters or day counts, groups as owners, standing tasks, decisions with
    // their document, shortcomings, conclusions, approval and its notice.
    v2: random.chance(0.6),
  };
  // Of the v2 records, 62% write some figures as mappings: a third of all records.
  style.figures = style.v2 && random.chance(0.62);
  const y = [];
  y.push('---');
  if (style.comments) y.push(`# Biên bản ${title.charAt(0).toLowerCase()}${title.slice(1)}`);
  y.push(`title: ${style.quotedTitle ? quoted(title) : scalar(title)}`);
  y.push(`date: ${date}`);
  y.push(`kind: ${meeting.kind}`);
  const quarterly = style.v2 && meeting.kind === 'regular' && month % 3 === 0 && random.chance(0.25);
  y.push(`period: ${quarterly ? `${year}-Q${month / 3}` : `${year}-${pad(month)}`}`);
  if (style.v2 && meeting.kind === 'thematic' && random.chance(0.15)) y.push(`end_date: ${isoDay(meeting.ms + DAY)}`);
  y.push(`organization: ${scalar(org.name)}`);
  const hour = random.pick([7, 8, 8, 14, 14, 15]);
  y.push(`time: ${pad(hour)}:${random.pick(['00', '00', '30'])}`);
  if (style.v2 && random.chance(0.3)) y.push(`session: ${hour < 12 ? 'morning' : 'afternoon'}`);
  if (style.v2 && random.chance(0.15)) y.push(`mode: ${random.pick(['online', 'hybrid'])}`);
  y.push(
    `location: ${scalar(random.pick([`Hội trường UBND ${level} ${org.place}`, `Phòng họp trực tuyến UBND ${level}`, `Phòng họp tầng 2, trụ sở UBND ${level}`]))}`,
  );
  const chairedByDeputy = random.chance(0.2);
  const chair = chairedByDeputy ? `${term.deputies[0]}, Phó Chủ tịch UBND ${level}` : `${term.chair}, Chủ tịch UBND ${level}`;
  if (!chairedByDeputy && style.flow) {
    y.push(`chair: { name: ${flowScalar(term.chair)}, role: ${flowScalar(`Chủ tịch UBND ${level}`)} }`);
  } else if (!chairedByDeputy) {
    y.push('chair:');
    y.push(`  name: ${scalar(term.chair)}`);
    y.push(`  role: ${scalar(`Chủ tịch UBND ${level}`)}`);
  } else {
    y.push(`chair: ${scalar(chair)}`);
  }
  y.push('attendees:');
  for (const deputy of term.deputies) y.push(`  - ${scalar(`${deputy}, Phó Chủ tịch UBND ${level}`)}`);
  y.push(`  - ${scalar(`Các đồng chí Ủy viên UBND ${level}`)}`);
  y.push(`  - ${scalar(org.district ? 'Thủ trưởng các phòng, ban, ngành, đơn vị thuộc UBND huyện' : 'Trưởng các thôn, tổ dân phố')}`);
  if (random.chance(0.5)) y.push(`  - ${scalar('Đại diện Ủy ban Mặt trận Tổ quốc và các đoàn thể')}`);
  y.push(`recorder: ${scalar(`${term.recorder}, công chức Văn phòng`)}`);

  // Results: 4–8, a third of them with 1–2 metrics of their own sector.
  const resultCount = random.int(4, 8);
  const resultSectors = [];
  y.push('results:');
  for (let i = 0; i < resultCount; i++) {
    const sector = i === 0 && theme ? theme[2] : random.pick(Object.keys(SECTORS));
    resultSectors.push(sector);
    const metricIds = Object.keys(METRICS).filter((id) => METRICS[id][2] === sector);
    const chosen = random.chance(0.55) ? random.sample(metricIds, random.int(1, 2)) : [];
    const values = chosen.map((id) => {
      const [label, unit, , , low, high, decimals] = METRICS[id];
      const raw = low + random.next() * (high - low);
      const value = formatNumber(raw, decimals);
      const figure = style.figures && random.chance(0.6) ? makeFigure(METRICS[id], raw, month, org.district, random) : undefined;
      return { id, label, unit, value, figure };
    });
    const clauses = values.map((v) => `${v.label.charAt(0).toLowerCase()}${v.label.slice(1)} ${v.figure ? figureClause(v) : `đạt ${amount(v.value, v.unit)}`}`);
    const summary = `${random.pick(RESULT_TEXT[sector])}${clauses.length ? `; ${clauses.join(', ')}` : ''}.`;
    y.push(`  - sector: ${sector}`);
    if (style.blockNotes && random.chance(0.5)) y.push(...blockScalar('summary', summary, 4, random));
    else y.push(`    summary: ${scalar(summary)}`);
    if (values.length && style.flow) {
      y.push(`    metrics: { ${values.map((v) => `${v.id}: ${v.figure ? flowFigure(v.figure) : v.value}`).join(', ')} }`);
    } else if (values.length) {
      y.push('    metrics:');
      for (const v of values) {
        const comment = style.comments && random.chance(0.3) ? ` # ${v.label}` : '';
        if (!v.figure) y.push(`      ${v.id}: ${v.value}${comment}`);
        else if (random.chance(0.3)) y.push(`      ${v.id}: ${flowFigure(v.figure)}${comment}`);
        else y.push(`      ${v.id}:${comment}`, ...blockFigure(v.figure, 8, random));
      }
    }
  }

  const decisions = random.sample(
    [
      `Thông qua báo cáo kết quả thực hiện nhiệm vụ tháng ${month} và chương trình công tác tháng ${nextMonth}`,
      `Thông qua kế hoạch tổ chức các hoạt động chào mừng ngày lễ lớn năm ${year}`,
      'Thông qua chủ trương đầu tư các công trình hạ tầng giao thông nông thôn',
      'Thống nhất phương án bố trí vốn đối ứng cho các dự án đầu tư công',
      `Giao cơ quan chuyên môn hoàn thiện dự thảo báo cáo trình kỳ họp Hội đồng nhân dân ${level}`,
    ],
    random.int(1, 3),
  );
  y.push('decisions:');
  for (const d of decisions) y.push(`  - ${scalar(d)}`);
  if (random.chance(0.7)) {
    y.push('discussion:');
    for (let i = random.int(1, 3); i > 0; i--) {
      const sector = random.pick(resultSectors);
      y.push(`  - speaker: ${scalar(`Lãnh đạo ${OWNERS[random.pick(SECTOR_OWNERS[sector])]}`)}`);
      y.push(`    topic: ${scalar(`Những khó khăn, vướng mắc trong lĩnh vực ${SECTORS[sector].toLowerCase()} và đề xuất giải pháp`)}`);
    }
  }

  // Tasks: 5–15, ids unique in the repository (organisation, date, index).
  const taskCount = random.int(5, 15);
  const tasks = [];
  y.push('tasks:');
  y.push(`  # Nhiệm vụ tháng ${nextMonth}`);
  for (let i = 0; i < taskCount; i++) {
    const sector = i === 0 && theme ? theme[2] : random.pick(Object.keys(SECTORS));
    const [short, text] = random.pick(TASK_TEXT[sector]);
    const id = `${org.slug}-${date.replaceAll('-', '')}-${pad(i + 1)}-${short}`;
    const owners = random.sample(SECTOR_OWNERS[sector], random.chance(0.5) ? 1 : random.int(2, 3));
    // FORMAT v2: of the v2 records' tasks, 5% are standing work ("thường
    // xuyên", no due) and 44% of the others have a month, a quarter, a year
    // or a count of days as their due: about 3% and 25% of all tasks.
    const recurring = style.v2 && random.chance(0.05);
    const due = recurring ? undefined : style.v2 && random.chance(0.44) ? dueForm(meeting.ms, random) : isoDay(meeting.ms + random.int(0, 75) * DAY);
    const status = random.chance(0.12) ? 'in-progress' : undefined;
    y.push(`  - id: ${id}`);
    y.push(`    title: ${scalar(`${text} trên địa bàn ${level}`)}`);
    y.push(`    owner: ${owners.length === 1 && !style.flow ? owners[0] : `[${owners.join(', ')}]`}`);
    if (recurring) y.push('    recurring: true');
    else if (typeof due === 'string') y.push(`    due: ${due}`);
    else if (style.flow) y.push(`    due: { ${due[0]}: ${due[1]} }`);
    else y.push('    due:', `      ${due[0]}: ${due[1]}`);
    if (random.chance(0.85)) y.push(`    sector: ${sector}`);
    if (status) y.push(`    status: ${status}`);
    tasks.push({ id, text, recurring });
  }

  // Updates: 3–10 of the tasks still open from this organisation's earlier meetings.
  const updates = random.sample(state.open, Math.min(state.open.length, random.int(3, 10)));
  if (updates.length) {
    y.push('updates:');
    const closed = new Set();
    for (const task of updates) {
      const roll = random.next();
      const status = roll < 0.62 ? 'done' : roll < 0.95 ? 'in-progress' : 'dropped';
      y.push(`  - task: ${task.id}`);
      y.push(`    status: ${status}`);
      if (random.chance(0.75)) {
        const note = random.pick(NOTES[status]).replace('{p}', String(random.int(3, 9) * 10));
        if (style.blockNotes && random.chance(0.5)) y.push(...blockScalar('note', note, 4, random));
        else y.push(`    note: ${scalar(note)}`);
      }
      if (status !== 'in-progress') closed.add(task.id);
    }
    state.open = state.open.filter((t) => !closed.has(t.id));
  }
  // Old tasks nobody reports on any more stay open (and overdue) for ever.
  // Standing work is reported on in the narrative, not in updates.
  state.open = [...state.open.slice(-60), ...tasks.filter((t) => !t.recurring)];

  const tags = random.sample(
    ['thuong-ky', 'nong-thon-moi', 'dau-tu-cong', 'ngan-sach', 'cai-cach-hanh-chinh', 'an-ninh-trat-tu', 'thien-tai', 'chuyen-doi-so'],
    random.int(1, 4),
  );
  y.push(`tags: [${tags.join(', ')}]`);
  if (random.chance(0.3)) {
    y.push('extra:');
    y.push(`  so-van-ban: ${scalar(`${random.int(10, 999)}/TB-UBND`)}`);
    y.push(`  nguoi-ky: ${scalar(term.chair)}`);
  }
  y.push('---');

  // The body: 1.5–3 KB of Markdown narrative.
  const target = random.int(1500, 3000);
  const paragraphs = [];
  paragraphs.push(`# ${title}`);
  paragraphs.push(
    `Ngày ${pad(Number(date.slice(8)))}/${pad(month)}/${year}, UBND ${level} ${org.place} tổ chức ${title.charAt(0).toLowerCase()}${title.slice(1)}. Đồng chí ${chair} chủ trì hội nghị.`,
  );
  paragraphs.push(`*Toàn cảnh hội nghị. Ảnh: ${term.recorder}*`);
  paragraphs.push(meeting.kind === 'regular' ? `## Kết quả tháng ${month}` : '## Tình hình và kết quả');
  let bytes = paragraphs.reduce((s, p) => s + Buffer.byteLength(p) + 2, 0);
  const sections = [`## Nhiệm vụ tháng ${nextMonth}`, '## Thảo luận', '## Kết luận'];
  let sentences = [];
  while (bytes < target) {
    const sentence = random.pick(FILLER);
    sentences.push(sentence);
    bytes += Buffer.byteLength(sentence) + 1;
    if (sentences.length >= 3) {
      paragraphs.push(sentences.join(' '));
      sentences = [];
      bytes += 1;
      if (sections.length && random.chance(0.5)) {
        const heading = sections.shift();
        paragraphs.push(heading);
        bytes += Buffer.byteLength(heading) + 2;
        if (heading.startsWith('## Nhiệm vụ')) {
          const items = tasks.slice(0, 4).map((t) => `- ${t.text}.`);
          paragraphs.push(items.join('\n'));
          bytes += Buffer.byteLength(items.join('\n')) + 2;
        }
      }
    }
  }
  if (sentences.length) paragraphs.push(sentences.join(' '));
  // Never end on a heading with nothing under it.
  if (paragraphs[paragraphs.length - 1].startsWith('#')) paragraphs.push(random.pick(FILLER));
  paragraphs.push(
    `Kết luận hội nghị, đồng chí ${chair.split(',')[0]} yêu cầu các cơ quan, đơn vị tập trung thực hiện tốt các nhiệm vụ được giao trong tháng ${nextMonth}.`,
  );
  let text = `${y.join('\n')}\n\n${paragraphs.join('\n\n')}\n`;
  if (style.crlf) text = text.replaceAll('\n', '\r\n');
  if (style.bom) text = `\uFEFF${text}`;
  return { file, text, tasks: taskCount, updates: updates.length };
}

function configText() {
  const lines = [
    '# Benchmark repository: every district, commune and ward of a fictional province.',
    `organization: ${PROVINCE}`,
    'locale: vi',
    'timezone: Asia/Ho_Chi_Minh',
    'paths: { meetings: meetings, reports: reports, templates: templates }',
    '',
    'sectors:',
    ...Object.entries(SECTORS).map(([id, label]) => `  ${id}: ${scalar(label)}`),
    '',
    'owners:',
    ...Object.entries(OWNERS).map(([id, label]) => `  ${id}: ${scalar(label)}`),
    '',
    'plans:',
    ...Object.entries(PLANS).map(([id, label]) => `  ${id}: ${scalar(label)}`),
    '',
    'metrics:',
  ];
  for (const [id, [label, unit, sector, aggregate]] of Object.entries(METRICS)) {
    lines.push(
      `  ${id}:`,
      `    label: ${scalar(label)}`,
      `    unit: ${unit === '%' ? "'%'" : scalar(unit)}`,
      `    sector: ${sector}`,
      `    aggregate: ${aggregate}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a repository of `records` meetings into `out`. Returns statistics.
 * The organisations are interleaved by date, like a real province's archive.
 */
export function generate({ records, out, seed = 1 }) {
  const random = makeRandom(seed);
  const orgCount = Math.max(1, Math.ceil(records / PER_ORGANIZATION));
  const organizations = makeOrganizations(orgCount, random);
  mkdirSync(path.join(out, 'meetings'), { recursive: true });
  writeFileSync(path.join(out, 'meet.config.yaml'), configText());
  const sizes = [];
  let tasks = 0;
  let updates = 0;
  const years = new Set();
  organizations.forEach((org, k) => {
    const count = Math.floor(records / orgCount) + (k < records % orgCount ? 1 : 0);
    const state = { open: [] };
    for (const meeting of scheduleMeetings(count, random)) {
      const record = writeRecord(org, meeting, state, random);
      const year = record.file.split('/')[1];
      if (!years.has(year)) {
        mkdirSync(path.join(out, 'meetings', year), { recursive: true });
        years.add(year);
      }
      writeFileSync(path.join(out, record.file), record.text);
      sizes.push(Buffer.byteLength(record.text));
      tasks += record.tasks;
      updates += record.updates;
    }
  });
  sizes.sort((a, b) => a - b);
  return {
    records: sizes.length,
    organizations: orgCount,
    tasks,
    updates,
    bytes: sizes.reduce((s, n) => s + n, 0),
    sizeMin: sizes[0] ?? 0,
    sizeMedian: sizes[Math.floor(sizes.length / 2)] ?? 0,
    sizeMax: sizes[sizes.length - 1] ?? 0,
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      records: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const usage = 'usage: node bench/generate.mjs --records N --out DIR [--seed S] [--force]';
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const records = Number(values.records);
  const seed = Number(values.seed);
  if (!Number.isInteger(records) || records < 1 || !values.out || !Number.isInteger(seed)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const out = path.resolve(values.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!values.force) {
      process.stderr.write(`generate: ${out} is not empty; pass --force to replace its meetings/ and meet.config.yaml\n`);
      return 2;
    }
    rmSync(path.join(out, 'meetings'), { recursive: true, force: true });
    rmSync(path.join(out, 'meet.config.yaml'), { force: true });
  }
  const started = process.hrtime.bigint();
  const stats = generate({ records, out, seed });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `generated ${stats.records} records of ${stats.organizations} organisations (${stats.tasks} tasks, ${stats.updates} updates) in ${out}: ` +
      `${(stats.bytes / 1048576).toFixed(1)} MiB, files ${stats.sizeMin}–${stats.sizeMax} bytes (median ${stats.sizeMedian}), ${seconds.toFixed(1)} s\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
