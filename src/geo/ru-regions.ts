/**
 * The 85 regions Russia reports statistics for, keyed by ISO 3166-2, with display names
 * (en/ru/zh) and the names Rosstat prints in its yearbook tables (Russian and English), so
 * that imports can map a table row to a code and maps can label a code.
 *
 * Why a hand-checked table: Rosstat keys rows by name only, and its tables list the autonomous
 * okrugs twice (inside Tyumen and Arkhangelsk oblasts, and on their own). The row "Тюменская
 * область" therefore includes RU-KHM and RU-YAN, and "Архангельская область" includes RU-NEN;
 * the subject rows are "... без автономных округов/округа". RU-TYU and RU-ARK here mean the
 * oblasts WITHOUT their okrugs (as in ISO 3166-2, where the okrugs are separate subdivisions),
 * and the inclusive rows are listed in RU_AGGREGATE_ROWS so an import skips them: summing
 * all 85 codes then counts every rouble once (tested against the Russian Federation row).
 *
 * Crimea and Sevastopol carry ISO's Ukrainian codes UA-43 and UA-40 (Russian statistics list
 * them as subjects; src/geo/codes.ts accepts RU-CR / RU-SEV as equivalents).
 * Names: zh from Natural Earth admin-1 (public domain) with its RU-ALT label fixed (NE calls
 * Altai Krai "Altai Republic"); en are conventional names; Rosstat names as printed in the
 * Russian Statistical Yearbooks 2022/2023 (table 12.19 / 12.22), including their typos.
 */

/** [code, en, ru, zh, other names seen in Rosstat tables] */
type Row = [string, string, string, string, string[]];

const ROWS: Row[] = [
  ['RU-BEL', 'Belgorod Oblast', 'Белгородская область', '别尔哥罗德州', ['Belgorod Region']],
  ['RU-BRY', 'Bryansk Oblast', 'Брянская область', '布良斯克州', ['Bryansk Region']],
  ['RU-VLA', 'Vladimir Oblast', 'Владимирская область', '弗拉基米尔州', ['Vladimir Region']],
  ['RU-VOR', 'Voronezh Oblast', 'Воронежская область', '沃罗涅日州', ['Voronezh Region']],
  ['RU-IVA', 'Ivanovo Oblast', 'Ивановская область', '伊万诺沃州', ['Ivanovo Region']],
  ['RU-KLU', 'Kaluga Oblast', 'Калужская область', '卡卢加州', ['Kaluga Region']],
  ['RU-KOS', 'Kostroma Oblast', 'Костромская область', '科斯特罗马州', ['Kostroma Region']],
  ['RU-KRS', 'Kursk Oblast', 'Курская область', '库尔斯克州', ['Kursk Region']],
  ['RU-LIP', 'Lipetsk Oblast', 'Липецкая область', '利佩茨克州', ['Lipetsk Region']],
  ['RU-MOS', 'Moscow Oblast', 'Московская область', '莫斯科州', ['Moscow Region']],
  ['RU-ORL', 'Oryol Oblast', 'Орловская область', '奥廖尔州', ['Orel Region']],
  ['RU-RYA', 'Ryazan Oblast', 'Рязанская область', '梁赞州', ['Ryazan Region']],
  ['RU-SMO', 'Smolensk Oblast', 'Смоленская область', '斯摩棱斯克州', ['Smolensk Region']],
  ['RU-TAM', 'Tambov Oblast', 'Тамбовская область', '坦波夫州', ['Tambov Region']],
  ['RU-TVE', 'Tver Oblast', 'Тверская область', '特维尔州', ['Tver Region']],
  ['RU-TUL', 'Tula Oblast', 'Тульская область', '图拉州', ['Tula Region']],
  ['RU-YAR', 'Yaroslavl Oblast', 'Ярославская область', '雅罗斯拉夫尔州', ['Yaroslavl Region']],
  ['RU-MOW', 'Moscow', 'Москва', '莫斯科', ['г. Москва', 'Moscow city']],
  ['RU-KR', 'Karelia', 'Республика Карелия', '卡累利阿共和国', ['Republic of Karelia']],
  ['RU-KO', 'Komi Republic', 'Республика Коми', '科米共和国', ['Komi Republic']],
  ['RU-NEN', 'Nenets Autonomous Okrug', 'Ненецкий автономный округ', '涅涅茨自治区', ['Nenets Autonomous Area']],
  [
    'RU-ARK',
    'Arkhangelsk Oblast',
    'Архангельская область',
    '阿尔汉格尔斯克州',
    ['Архангельская область без автономного округа', 'Arkhangelsk Region less autonomous area'],
  ],
  ['RU-VLG', 'Vologda Oblast', 'Вологодская область', '沃洛格达州', ['Vologda Region']],
  ['RU-KGD', 'Kaliningrad Oblast', 'Калининградская область', '加里宁格勒州', ['Kaliningrad Region']],
  ['RU-LEN', 'Leningrad Oblast', 'Ленинградская область', '列宁格勒州', ['Leningrad Region']],
  ['RU-MUR', 'Murmansk Oblast', 'Мурманская область', '摩尔曼斯克州', ['Murmansk Region']],
  ['RU-NGR', 'Novgorod Oblast', 'Новгородская область', '诺夫哥罗德州', ['Novgorod Region']],
  ['RU-PSK', 'Pskov Oblast', 'Псковская область', '普斯科夫州', ['Pskov Region']],
  ['RU-SPE', 'Saint Petersburg', 'Санкт-Петербург', '圣彼得堡', ['г. Санкт-Петербург', 'St. Petersburg city']],
  ['RU-AD', 'Republic of Adygea', 'Республика Адыгея', '阿迪格共和国', ['Republic of Adygea']],
  ['RU-KL', 'Republic of Kalmykia', 'Республика Калмыкия', '卡尔梅克共和国', ['Republic of Kalmykia']],
  ['UA-43', 'Crimea', 'Крым', '克里米亚', ['Республика Крым', 'Republic of Crimea']],
  ['RU-KDA', 'Krasnodar Krai', 'Краснодарский край', '克拉斯诺达尔边疆区', ['Krasnodar Territory']],
  ['RU-AST', 'Astrakhan Oblast', 'Астраханская область', '阿斯特拉罕州', ['Astrakhan Region']],
  ['RU-VGG', 'Volgograd Oblast', 'Волгоградская область', '伏尔加格勒州', ['Volgograd Region']],
  ['RU-ROS', 'Rostov Oblast', 'Ростовская область', '罗斯托夫州', ['Rostov Region']],
  ['UA-40', 'Sevastopol', 'Севастополь', '塞瓦斯托波尔', ['г. Севастополь', 'Sevastopol city']],
  ['RU-DA', 'Republic of Dagestan', 'Республика Дагестан', '达吉斯坦共和国', ['Republic of Daghestan']],
  ['RU-IN', 'Republic of Ingushetia', 'Республика Ингушетия', '印古什共和国', ['Republic of Ingushetia']],
  ['RU-KB', 'Kabardino-Balkaria', 'Кабардино-Балкарская Республика', '卡巴尔达-巴尔卡尔共和国', ['Kabardino-Balkarian Republic']],
  ['RU-KC', 'Karachay-Cherkess Republic', 'Карачаево-Черкесская Республика', '卡拉恰伊-切尔克斯共和国', ['Karachajevo-Chircassian Republic']],
  ['RU-SE', 'North Ossetia–Alania', 'Республика Северная Осетия – Алания', '北奥塞梯-阿兰共和国', ['Republic of North Ossetia – Alania']],
  ['RU-CE', 'Chechen Republic', 'Чеченская Республика', '车臣共和国', ['Chechen Republic']],
  ['RU-STA', 'Stavropol Krai', 'Ставропольский край', '斯塔夫罗波尔边疆区', ['Stavropol Territory']],
  ['RU-BA', 'Bashkortostan', 'Республика Башкортостан', '巴什科尔托斯坦共和国', ['Republic of Bashkortostan']],
  ['RU-ME', 'Mari El Republic', 'Республика Марий Эл', '马里埃尔共和国', ['Republic of Mari El']],
  ['RU-MO', 'Republic of Mordovia', 'Республика Мордовия', '莫尔多瓦共和国', ['Republic of Mordovia']],
  ['RU-TA', 'Republic of Tatarstan', 'Республика Татарстан', '鞑靼斯坦共和国', ['Republic of Tatarstan']],
  ['RU-UD', 'Udmurt Republic', 'Удмуртская Республика', '乌德穆尔特共和国', ['Udmurtian Republic']],
  ['RU-CU', 'Chuvash Republic', 'Чувашская Республика', '楚瓦什共和国', ['Chuvash Republic']],
  ['RU-PER', 'Perm Krai', 'Пермский край', '彼尔姆边疆区', ['Perm Territory']],
  ['RU-KIR', 'Kirov Oblast', 'Кировская область', '基洛夫州', ['Kirov Region']],
  ['RU-NIZ', 'Nizhny Novgorod Oblast', 'Нижегородская область', '下诺夫哥罗德州', ['Nizhny Novgorod Region']],
  ['RU-ORE', 'Orenburg Oblast', 'Оренбургская область', '奥伦堡州', ['Orenburg Region']],
  ['RU-PNZ', 'Penza Oblast', 'Пензенская область', '奔萨州', ['Penza Region']],
  ['RU-SAM', 'Samara Oblast', 'Самарская область', '萨马拉州', ['Samara Region']],
  ['RU-SAR', 'Saratov Oblast', 'Саратовская область', '萨拉托夫州', ['Saratov Region']],
  ['RU-ULY', 'Ulyanovsk Oblast', 'Ульяновская область', '乌里扬诺夫斯克州', ['Ulyanovsk Region']],
  ['RU-KGN', 'Kurgan Oblast', 'Курганская область', '库尔干州', ['Kurgan Region']],
  ['RU-SVE', 'Sverdlovsk Oblast', 'Свердловская область', '斯维尔德洛夫斯克州', ['Sverdlovsk Region']],
  ['RU-KHM', 'Khanty-Mansi Autonomous Okrug', 'Ханты-Мансийский автономный округ – Югра', '汉特-曼西自治区', ['Khanty-Mansi Autonomous Area – Yugra']],
  ['RU-YAN', 'Yamalo-Nenets Autonomous Okrug', 'Ямало-Ненецкий автономный округ', '亚马尔-涅涅茨自治区', ['Yamal-Nenets Autonomous Area']],
  ['RU-TYU', 'Tyumen Oblast', 'Тюменская область', '秋明州', ['Тюменская область без автономных округов', 'Tyumen Region less autonomous areas']],
  ['RU-CHE', 'Chelyabinsk Oblast', 'Челябинская область', '车里雅宾斯克州', ['Chelyabinsk Region']],
  ['RU-AL', 'Altai Republic', 'Республика Алтай', '阿尔泰共和国', ['Republic of Altay']],
  ['RU-TY', 'Tuva Republic', 'Республика Тыва', '图瓦共和国', ['Republic of Tuva']],
  ['RU-KK', 'Republic of Khakassia', 'Республика Хакасия', '哈卡斯共和国', ['Republic of Khakassia']],
  ['RU-ALT', 'Altai Krai', 'Алтайский край', '阿尔泰边疆区', ['Altay Territory']],
  ['RU-KYA', 'Krasnoyarsk Krai', 'Красноярский край', '克拉斯诺亚尔斯克边疆区', ['Krasnoyarsk Territory']],
  ['RU-IRK', 'Irkutsk Oblast', 'Иркутская область', '伊爾庫茨克州', ['Irkutsk Region']],
  ['RU-KEM', 'Kemerovo Oblast', 'Кемеровская область', '科麦罗沃州', ['Kemerovo Region']],
  ['RU-NVS', 'Novosibirsk Oblast', 'Новосибирская область', '新西伯利亚州', ['Novosibirsk Region']],
  ['RU-OMS', 'Omsk Oblast', 'Омская область', '鄂木斯克州', ['Omsk Region']],
  ['RU-TOM', 'Tomsk Oblast', 'Томская область', '托木斯克州', ['Tomsk Region']],
  ['RU-BU', 'Republic of Buryatia', 'Республика Бурятия', '布里亚特共和国', ['Republic of Buryatia']],
  ['RU-SA', 'Sakha Republic', 'Республика Саха (Якутия)', '萨哈共和国', ['Republic of Sakha (Yakutia)']],
  ['RU-ZAB', 'Zabaykalsky Krai', 'Забайкальский край', '外贝加尔边疆区', ['Trans-Baikal Territory']],
  ['RU-KAM', 'Kamchatka Krai', 'Камчатский край', '堪察加邊疆區', ['Kamchatka Territory']],
  ['RU-PRI', 'Primorsky Krai', 'Приморский край', '滨海边疆区', ['Primorye Territory']],
  ['RU-KHA', 'Khabarovsk Krai', 'Хабаровский край', '哈巴罗夫斯克边疆区', ['Khabarovsk Territory']],
  ['RU-AMU', 'Amur Oblast', 'Амурская область', '阿穆尔州', ['Amur Region']],
  ['RU-MAG', 'Magadan Oblast', 'Магаданская область', '马加丹州', ['Magadan Region']],
  ['RU-SAK', 'Sakhalin Oblast', 'Сахалинская область', '萨哈林州', ['Sakhalin Region']],
  ['RU-YEV', 'Jewish Autonomous Oblast', 'Еврейская автономная область', '犹太自治州', ['Jewish Autonomous Region']],
  ['RU-CHU', 'Chukotka Autonomous Okrug', 'Чукотский автономный округ', '楚科奇自治区', ['Chukotka Autonomous Area']],
];

export interface RegionNameEntry {
  code: string;
  country: string;
  en: string;
  ru: string;
  zh: string;
  /** Every other spelling we accept when matching a statistics table row. */
  aliases: string[];
}

export const RU_REGIONS: readonly RegionNameEntry[] = ROWS.map(([code, en, ru, zh, aliases]) => ({ code, country: 'RU', en, ru, zh, aliases }));

/**
 * Rosstat rows that are sums of other rows: the country, the federal districts, and the two
 * oblasts printed including their autonomous okrugs. `includes` names the codes they cover.
 */
export const RU_AGGREGATE_ROWS: readonly { names: string[]; kind: 'country' | 'federal_district' | 'oblast_with_okrugs'; includes?: string[] }[] = [
  { names: ['Российская Федерация', 'Russian Federation'], kind: 'country' },
  { names: ['Тюменская область', 'Tyumen Region'], kind: 'oblast_with_okrugs', includes: ['RU-TYU', 'RU-KHM', 'RU-YAN'] },
  { names: ['Архангельская область', 'Arkhangelsk Region'], kind: 'oblast_with_okrugs', includes: ['RU-ARK', 'RU-NEN'] },
];

/** Federal districts are recognised by pattern (eight of them, names vary across yearbooks). */
export const RU_FEDERAL_DISTRICT_RE = /федеральный\s*округ|federal\s*district/i;
