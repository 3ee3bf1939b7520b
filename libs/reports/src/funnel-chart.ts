import { DateTime } from 'luxon';
import type { Funnel, FunnelStage } from './funnel.service';

const LABELS: Record<FunnelStage, string> = {
  entrepreneurs: 'Pelaku usaha binaan',
  booked: 'Memesan konsultasi',
  consulted: 'Konsultasi selesai',
  caseOpened: 'Kasus dibuka (modal, izin, halal)',
  caseApproved: 'Kasus disetujui',
  workshopRegistered: 'Terdaftar di workshop',
  certified: 'Hadir workshop (bersertifikat)',
};

const WIDTH = 760;
const LABEL_WIDTH = 250;
const BAR_MAX = 380;
const ROW = 34;
const TOP = 70;

const escape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (d: Date) => DateTime.fromJSDate(d, { zone: 'Asia/Jakarta' }).setLocale('id').toFormat('d LLLL yyyy');

/**
 * The funnel as an SVG bar chart in Indonesian: one bar per stage, its count and its share of the
 * entrepreneurs assisted. Plain SVG, so it shows in a browser, a report or an email without a chart library.
 */
export function funnelSvg(funnel: Funnel, regionName: string | null): string {
  const base = funnel.stages[0]?.count ?? 0;
  const max = Math.max(1, ...funnel.stages.map((s) => s.count));
  // The period's last day is the day before the exclusive end.
  const period = `${day(funnel.from)} – ${day(new Date(funnel.to.getTime() - 1))}`;
  const title = regionName ? `Corong program: ${regionName}` : 'Corong program Jakpreneur';
  const rows = funnel.stages.map((s, i) => {
    const y = TOP + i * ROW;
    const width = Math.round((s.count / max) * BAR_MAX);
    const share = base > 0 ? ` (${Math.round((s.count / base) * 100)}%)` : '';
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + 18}" text-anchor="end">${escape(LABELS[s.stage])}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${Math.max(width, 1)}" height="${ROW - 10}" rx="3" fill="${i < 5 ? '#1f6f8b' : '#c0752a'}"><title>${escape(LABELS[s.stage])}: ${s.count}</title></rect>`,
      `<text x="${LABEL_WIDTH + Math.max(width, 1) + 8}" y="${y + 18}">${s.count.toLocaleString('id-ID')}${share}</text>`,
    ].join('');
  });
  const height = TOP + funnel.stages.length * ROW + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="14" role="img" aria-label="${escape(title)}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="30" font-size="20" font-weight="bold">${escape(title)}</text>`,
    `<text x="20" y="52" fill="#555">${escape(period)}</text>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
