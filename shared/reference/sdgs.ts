// The 17 Sustainable Development Goals (持続可能な開発目標) by number, with their short names as the UN and the
// Japanese government print them.

export const SDG_GOALS: readonly { goal: number; ja: string; en: string }[] = [
  { goal: 1, ja: '貧困をなくそう', en: 'No poverty' },
  { goal: 2, ja: '飢餓をゼロに', en: 'Zero hunger' },
  { goal: 3, ja: 'すべての人に健康と福祉を', en: 'Good health and well-being' },
  { goal: 4, ja: '質の高い教育をみんなに', en: 'Quality education' },
  { goal: 5, ja: 'ジェンダー平等を実現しよう', en: 'Gender equality' },
  { goal: 6, ja: '安全な水とトイレを世界中に', en: 'Clean water and sanitation' },
  { goal: 7, ja: 'エネルギーをみんなに そしてクリーンに', en: 'Affordable and clean energy' },
  { goal: 8, ja: '働きがいも経済成長も', en: 'Decent work and economic growth' },
  { goal: 9, ja: '産業と技術革新の基盤をつくろう', en: 'Industry, innovation and infrastructure' },
  { goal: 10, ja: '人や国の不平等をなくそう', en: 'Reduced inequalities' },
  { goal: 11, ja: '住み続けられるまちづくりを', en: 'Sustainable cities and communities' },
  { goal: 12, ja: 'つくる責任 つかう責任', en: 'Responsible consumption and production' },
  { goal: 13, ja: '気候変動に具体的な対策を', en: 'Climate action' },
  { goal: 14, ja: '海の豊かさを守ろう', en: 'Life below water' },
  { goal: 15, ja: '陸の豊かさも守ろう', en: 'Life on land' },
  { goal: 16, ja: '平和と公正をすべての人に', en: 'Peace, justice and strong institutions' },
  { goal: 17, ja: 'パートナーシップで目標を達成しよう', en: 'Partnerships for the goals' },
];

/** 'SDG 9: Industry, innovation and infrastructure' / 'SDG 9: 産業と技術革新の基盤をつくろう'. */
export function sdgGoalLabel(goal: number, lang: 'ja' | 'en'): string {
  const found = SDG_GOALS.find((g) => g.goal === goal);
  return found ? `SDG ${goal}: ${found[lang]}` : `SDG ${goal}`;
}
