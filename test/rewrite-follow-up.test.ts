import { describe, expect, it } from 'vitest';
import { isFollowUp, rewriteFollowUp } from '../src/answer/rewrite-follow-up.js';

const PREVIOUS = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
const turn = (question: string) => rewriteFollowUp([{ role: 'user', content: PREVIOUS }, { role: 'assistant', content: 'Không quá 05 năm [1].' }, { role: 'user', content: question }]);

describe('follow-up detection on Vietnamese words', () => {
  it('sees `đó`, `này` and a leading `thế`, which an ASCII \\b never matched', () => {
    expect(isFollowUp('Trường hợp đó có được bổ nhiệm lại không?')).toBe(true);
    expect(isFollowUp('Thời hạn đó tính từ khi nào?')).toBe(true);
    expect(isFollowUp('Thế còn công chức?')).toBe(true);
    expect(isFollowUp('Thế thì ai có thẩm quyền bổ nhiệm?')).toBe(true);
    expect(isFollowUp('Quy định này áp dụng cho ai?')).toBe(true);
    expect(isFollowUp('Còn đối với viên chức thì sao?')).toBe(true);
    expect(isFollowUp('Nếu là công chức thì sao?')).toBe(true);
    expect(isFollowUp('Đối với công chức?')).toBe(true);
  });

  it('leaves standalone questions alone, including short ones that start with `Nếu`', () => {
    expect(isFollowUp('Nếu người lao động nghỉ việc không báo trước thì bị xử lý thế nào?')).toBe(false);
    expect(isFollowUp('Nếu vợ chồng ly hôn thì con dưới 36 tháng tuổi do ai nuôi?')).toBe(false);
    expect(isFollowUp('Với người chưa thành niên, độ tuổi chịu trách nhiệm hình sự là bao nhiêu?')).toBe(false);
    expect(isFollowUp('Thủ tục đăng ký kết hôn như thế nào?')).toBe(false);
    expect(isFollowUp('Người trên 18 tuổi có được kết hôn không?')).toBe(false); // `trên` as "over", not "above-mentioned"
    expect(isFollowUp('Thế chấp quyền sử dụng đất cần giấy tờ gì?')).toBe(false); // `Thế chấp` is not `Thế …`
  });

  it('glues the previous question only onto a follow-up', () => {
    expect(turn('Nếu người lao động nghỉ việc không báo trước thì bị xử lý thế nào?')).toEqual({ question: 'Nếu người lao động nghỉ việc không báo trước thì bị xử lý thế nào?', rewritten: false });
    expect(turn('Thế còn công chức?')).toEqual({ question: `công chức? — ${PREVIOUS}`, rewritten: true });
    expect(turn('Trường hợp đó có được bổ nhiệm lại không?').question).toBe(`Trường hợp đó có được bổ nhiệm lại không? — ${PREVIOUS}`);
    expect(turn('Nếu là công chức thì sao?').question).toBe(`Nếu là công chức — ${PREVIOUS}`);
  });
});
