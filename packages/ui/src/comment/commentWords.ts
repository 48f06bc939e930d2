// Words a citizen writes in a 好差评 comment, offered whole by the pinyin keyboard ("taidu" → 态度)
// before single characters: the national reasons' own labels (and, through the keyboard's word
// matching, the words inside them) plus what comments in a service hall are about. The pad and the
// kiosk's rating point offer the same words.
import { BAD_REVIEW_REASONS } from '@hallkit/core';

const HALL_WORDS = [
  '工作人员', '窗口', '服务', '态度', '耐心', '热情', '排队', '等候', '等了很久', '时间太长', '叫号', '预约', '取号',
  '材料', '证明', '复印件', '身份证', '营业执照', '户口本', '流程', '手续', '复杂', '麻烦', '效率', '太慢', '办不了',
  '跑了好几次', '没有说清楚', '解释', '告知', '一次性告知', '系统', '网络', '故障', '打印', '签字', '盖章', '环境',
  '卫生', '座位', '空调', '停车', '建议', '希望', '改进', '投诉', '不满意', '谢谢',
];

export const COMMENT_WORDS: readonly string[] = [...Object.values(BAD_REVIEW_REASONS), ...HALL_WORDS];
