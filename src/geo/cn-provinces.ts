/**
 * China's province-level divisions keyed by ISO 3166-2 (alpha codes, e.g. CN-XJ), with display
 * names (en/ru/zh), the GB/T 2260 two-digit prefix (statistics sometimes key provinces as
 * 65 or CN-65) and the English names the National Bureau of Statistics uses in its annual
 * "by province" tables, so imports can map a table row to a code and maps can label it.
 * zh and ru names from Natural Earth admin-1 (public domain). Hong Kong, Macao and Taiwan
 * have ISO codes but are not in NBS provincial tables; they are listed so a lookup of their
 * code gives a name rather than nothing.
 */
import type { RegionNameEntry } from './ru-regions.js';

/** [code, GB/T 2260 prefix, en, ru, zh, other names] */
type Row = [string, string, string, string, string, string[]];

const ROWS: Row[] = [
  ['CN-BJ', '11', 'Beijing', 'Пекин', '北京市', ['Beijing Shi', '北京']],
  ['CN-TJ', '12', 'Tianjin', 'Тяньцзинь', '天津市', ['Tianjin Shi', '天津']],
  ['CN-HE', '13', 'Hebei', 'Хэбэй', '河北省', ['Hebei Sheng', '河北']],
  ['CN-SX', '14', 'Shanxi', 'Шаньси', '山西省', ['Shanxi Sheng', '山西']],
  ['CN-NM', '15', 'Inner Mongolia', 'Внутренняя Монголия', '内蒙古自治区', ['Nei Mongol Zizhiqu', 'Nei Mongol', 'Inner Mongolia Autonomous Region', '内蒙古']],
  ['CN-LN', '21', 'Liaoning', 'Ляонин', '辽宁省', ['Liaoning Sheng', '辽宁']],
  ['CN-JL', '22', 'Jilin', 'Гирин', '吉林省', ['Jilin Sheng', '吉林']],
  ['CN-HL', '23', 'Heilongjiang', 'Хэйлунцзян', '黑龙江省', ['Heilongjiang Sheng', '黑龙江']],
  ['CN-SH', '31', 'Shanghai', 'Шанхай', '上海市', ['Shanghai Shi', '上海']],
  ['CN-JS', '32', 'Jiangsu', 'Цзянсу', '江苏省', ['Jiangsu Sheng', '江苏']],
  ['CN-ZJ', '33', 'Zhejiang', 'Чжэцзян', '浙江省', ['Zhejiang Sheng', '浙江']],
  ['CN-AH', '34', 'Anhui', 'Аньхой', '安徽省', ['Anhui Sheng', '安徽']],
  ['CN-FJ', '35', 'Fujian', 'Фуцзянь', '福建省', ['Fujian Sheng', '福建']],
  ['CN-JX', '36', 'Jiangxi', 'Цзянси', '江西省', ['Jiangxi Sheng', '江西']],
  ['CN-SD', '37', 'Shandong', 'Шаньдун', '山东省', ['Shandong Sheng', '山东']],
  ['CN-HA', '41', 'Henan', 'Хэнань', '河南省', ['Henan Sheng', '河南']],
  ['CN-HB', '42', 'Hubei', 'Хубэй', '湖北省', ['Hubei Sheng', '湖北']],
  ['CN-HN', '43', 'Hunan', 'Хунань', '湖南省', ['Hunan Sheng', '湖南']],
  ['CN-GD', '44', 'Guangdong', 'Гуандун', '广东省', ['Guangdong Sheng', '广东']],
  ['CN-GX', '45', 'Guangxi', 'Гуанси-Чжуанский автономный район', '广西壮族自治区', ['Guangxi Zhuangzu Zizhiqu', 'Guangxi Zhuang Autonomous Region', '广西']],
  ['CN-HI', '46', 'Hainan', 'Хайнань', '海南省', ['Hainan Sheng', '海南']],
  ['CN-CQ', '50', 'Chongqing', 'Чунцин', '重庆市', ['Chongqing Shi', '重庆']],
  ['CN-SC', '51', 'Sichuan', 'Сычуань', '四川省', ['Sichuan Sheng', '四川']],
  ['CN-GZ', '52', 'Guizhou', 'Гуйчжоу', '贵州省', ['Guizhou Sheng', '贵州']],
  ['CN-YN', '53', 'Yunnan', 'Юньнань', '云南省', ['Yunnan Sheng', '云南']],
  ['CN-XZ', '54', 'Tibet', 'Тибетский автономный район', '西藏自治区', ['Xizang', 'Xizang Zizhiqu', 'Tibet Autonomous Region', '西藏']],
  ['CN-SN', '61', 'Shaanxi', 'Шэньси', '陕西省', ['Shaanxi Sheng', '陕西']],
  ['CN-GS', '62', 'Gansu', 'Ганьсу', '甘肃省', ['Gansu Sheng', '甘肃']],
  ['CN-QH', '63', 'Qinghai', 'Цинхай', '青海省', ['Qinghai Sheng', '青海']],
  ['CN-NX', '64', 'Ningxia', 'Нинся-Хуэйский автономный район', '宁夏回族自治区', ['Ningxia Huizu Zizhiqu', 'Ningxia Hui Autonomous Region', '宁夏']],
  [
    'CN-XJ',
    '65',
    'Xinjiang',
    'Синьцзян-Уйгурский автономный район',
    '新疆维吾尔自治区',
    ['Xinjiang Uygur Zizhiqu', 'Xinjiang Uygur Autonomous Region', '新疆'],
  ],
  ['CN-TW', '71', 'Taiwan', 'Тайвань', '台湾', ['Taiwan Sheng']],
  ['CN-HK', '81', 'Hong Kong', 'Гонконг', '香港', ['Hong Kong SAR', 'Xianggang']],
  ['CN-MO', '82', 'Macao', 'Макао', '澳门', ['Macao SAR', 'Macau', 'Aomen']],
];

export interface CnProvince extends RegionNameEntry {
  /** GB/T 2260 two-digit province prefix. */
  gb2260: string;
  /** True for the 31 mainland divisions the NBS provincial tables cover. */
  nbs: boolean;
}

export const CN_PROVINCES: readonly CnProvince[] = ROWS.map(([code, gb2260, en, ru, zh, aliases]) => ({
  code,
  country: 'CN',
  en,
  ru,
  zh,
  aliases: [...aliases, gb2260, `CN-${gb2260}`],
  gb2260,
  nbs: !['CN-TW', 'CN-HK', 'CN-MO'].includes(code),
}));

/** NBS rows that are totals, not provinces. */
export const CN_AGGREGATE_RE = /^(national|total|china|全国|national total)$/i;
