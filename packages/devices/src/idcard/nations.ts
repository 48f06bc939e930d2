/** GB/T 3304 ethnic group codes as printed on the resident ID card (民族). */
const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔',
  '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克',
  '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

export function nationName(code: string): string {
  const n = Number.parseInt(code, 10);
  if (n >= 1 && n <= NATIONS.length) return NATIONS[n - 1] as string;
  if (n === 97) return '其他';
  if (n === 98) return '外国血统中国籍人士';
  return code;
}

export function nationCode(name: string): string {
  const i = NATIONS.indexOf(name as (typeof NATIONS)[number]);
  if (i >= 0) return String(i + 1).padStart(2, '0');
  return name === '其他' ? '97' : name === '外国血统中国籍人士' ? '98' : '97';
}
