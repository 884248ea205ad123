// The Drills tab of the clinic admin page: how the clinic's practice emergencies went. A chart of
// the last 12 months (drills per month as bars, the median seconds until a director accepted as a
// line), the same numbers as a table, each drill in a table, and the CSV for a spreadsheet. The
// chart is SVG built with DOM calls: no library, no markup from data.
import { api } from './api.js';
import { $, el, dateTime, COMPLICATIONS, STATUSES, humanize } from './shell.js';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes; children may be nodes or strings. */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  children.flat().forEach((c) => c !== null && c !== undefined && node.append(c));
  return node;
}

/** "38 s", "2 min 5 s", or a dash when the drill did not get that far. */
export function seconds(value) {
  if (value === null || value === undefined) return '—';
  if (value < 60) return `${value} s`;
  const m = Math.floor(value / 60);
  const s = value % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

const share = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);

/** "2026-11" as "November 2026" (long) or "Nov" (short); a month, not a moment: no zone shift. */
function monthName(ym, style = 'long') {
  const [y, m] = ym.split('-').map(Number);
  const options = style === 'long' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString([], options);
}

/**
 * An axis from 0 to a round top in at most four round steps (1, 2, 5, 10, 15, 30, 60 … ), so that
 * every tick is a number people read at a glance; minStep 1 keeps counts whole.
 */
function scale(max, steps) {
  const step = steps.find((s) => s * 4 >= max) || Math.ceil(max / 4);
  return { step, top: Math.max(step, step * Math.ceil(max / step)) };
}
const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
const SECOND_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * The tab; ctx is the page's helpers (clinic, stillOn, report, zone), and ctx.reported(report), if
 * given, hears each report read (a page that cannot read the clinic takes its zone from it).
 */
export function drillsTab(ctx) {
  async function load() {
    const id = ctx.clinic().id;
    $('drills-error').hidden = true;
    $('drills-csv').href = `/api/clinics/${id}/drills/report?format=csv`;
    let report;
    try {
      report = await api('GET', `/api/clinics/${id}/drills/report`);
    } catch (e) {
      if (ctx.stillOn(id)) ctx.report('drills-error', e);
      return;
    }
    if (!ctx.stillOn(id)) return;
    ctx.reported?.(report);
    render(report);
  }

  function render(report) {
    const empty = report.drills.length === 0;
    $('drills-empty').hidden = !empty;
    $('drills-report').hidden = empty;
    $('drills-csv').hidden = empty;
    $('drills-period').textContent = `Drills launched from ${dateTime(report.from, ctx.zone())} to ${dateTime(report.to, ctx.zone())}, `
      + 'months on the clinic\'s calendar.';
    if (empty) {
      $('drills-chart').replaceChildren();
      return;
    }
    $('drills-chart').replaceChildren(chart(report.months));
    $('drills-months').querySelector('tbody').replaceChildren(...report.months.map((m) => el('tr', { 'data-month': m.month },
      el('th', { scope: 'row', text: monthName(m.month) }),
      el('td', { 'data-label': 'Drills', text: String(m.drills) }),
      el('td', { 'data-label': 'Median to accept', text: seconds(m.medianAcceptSeconds) }),
      el('td', { 'data-label': 'Median to join the call', text: seconds(m.medianConnectSeconds) }),
      el('td', { 'data-label': 'Checklist steps done', text: share(m.checklistCompletion) }),
      el('td', { 'data-label': 'Orders read back', text: share(m.ordersConfirmed) }))));
    const newestFirst = [...report.drills].sort((a, b) => b.launchedAt.localeCompare(a.launchedAt));
    $('drills-table').querySelector('tbody').replaceChildren(...newestFirst.map((d) => el('tr', { 'data-emergency': d.emergencyId },
      el('td', { 'data-label': 'Launched', text: dateTime(d.launchedAt, ctx.zone()) }),
      el('td', { 'data-label': 'Complication', text: COMPLICATIONS[d.complication] || humanize(d.complication) }),
      el('td', { 'data-label': 'Status', text: STATUSES[d.status] || humanize(d.status) }),
      el('td', { 'data-label': 'Accepted after', text: seconds(d.acceptSeconds) }),
      el('td', { 'data-label': 'Joined the call after', text: seconds(d.connectSeconds) }),
      el('td', { 'data-label': 'Checklist', text: d.checklistTotal ? `${d.checklistDone}/${d.checklistTotal}` : 'no protocol' }),
      el('td', { 'data-label': 'Orders read back', text: d.ordersTotal ? `${d.ordersGiven}/${d.ordersTotal}` : 'none ordered' }))));
  }

  /** Bars for drills per month (left scale), a line for the median seconds to accept (right scale). */
  function chart(months) {
    const W = 760;
    const H = 280;
    const left = 48;
    const right = 64;
    const top = 24;
    const bottom = 44;
    const plotW = W - left - right;
    const plotH = H - top - bottom;
    const step = plotW / months.length;
    const barW = Math.min(36, step * 0.6);
    const counts = scale(Math.max(...months.map((m) => m.drills)), COUNT_STEPS);
    const accepts = months.map((m) => m.medianAcceptSeconds).filter((v) => v !== null && v !== undefined);
    const secondsScale = scale(Math.max(0, ...accepts), SECOND_STEPS);
    const countTop = counts.top;
    const secondsTop = secondsScale.top;
    const yCount = (v) => top + plotH - (v / countTop) * plotH;
    const ySeconds = (v) => top + plotH - (v / secondsTop) * plotH;
    const xMid = (i) => left + step * i + step / 2;

    const total = months.reduce((sum, m) => sum + m.drills, 0);
    const first = monthName(months[0].month);
    const last = monthName(months[months.length - 1].month);
    const titleId = 'drills-chart-title';
    const descId = 'drills-chart-desc';
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, class: 'drills-svg', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
      preserveAspectRatio: 'xMidYMid meet',
    },
    svg('title', { id: titleId }, `Drills per month and median seconds to accept, ${first} to ${last}`),
    svg('desc', { id: descId }, `${total} ${total === 1 ? 'drill' : 'drills'} in all. `
      + months.filter((m) => m.drills).map((m) => `${monthName(m.month)}: ${m.drills} `
        + `${m.drills === 1 ? 'drill' : 'drills'}, median ${seconds(m.medianAcceptSeconds)} to accept.`).join(' ')
      + ' The table below gives every month.'));

    // Grid lines at the drills' steps; each scale's ticks at its own steps.
    const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
    for (let v = 0; v <= countTop; v += counts.step) {
      const y = yCount(v);
      grid.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: v === 0 ? 'axis' : 'gridline' }),
        svg('text', { x: left - 8, y: y + 4, class: 'axis-tick count-tick', 'text-anchor': 'end' }, String(v)));
    }
    for (let v = 0; v <= secondsTop; v += secondsScale.step) {
      const y = ySeconds(v);
      grid.append(svg('line', { x1: W - right, x2: W - right + 4, y1: y, y2: y, class: 'axis' }),
        svg('text', { x: W - right + 8, y: y + 4, class: 'axis-tick seconds-tick', 'text-anchor': 'start' },
          v === 0 ? '0 s' : seconds(v)));
    }
    grid.append(
      svg('text', { x: left - 8, y: top - 10, class: 'axis-name count-tick', 'text-anchor': 'end' }, 'Drills'),
      svg('text', { x: W - right + 8, y: top - 10, class: 'axis-name seconds-tick', 'text-anchor': 'start' }, 'To accept'));
    root.append(grid);

    // One bar per month (a zero month keeps its label), each with its own tooltip.
    const bars = svg('g', { class: 'bars' });
    months.forEach((m, i) => {
      const y = yCount(m.drills);
      bars.append(svg('rect', {
        class: 'month-bar', 'data-month': m.month, 'data-drills': m.drills,
        x: xMid(i) - barW / 2, y, width: barW, height: Math.max(0, top + plotH - y),
      }, svg('title', {}, `${monthName(m.month)}: ${m.drills} ${m.drills === 1 ? 'drill' : 'drills'}`
        + `${m.medianAcceptSeconds !== null && m.medianAcceptSeconds !== undefined ? `, median ${seconds(m.medianAcceptSeconds)} to accept` : ''}`)));
      if (m.drills) {
        bars.append(svg('text', { x: xMid(i), y: y - 5, class: 'bar-value', 'text-anchor': 'middle', 'aria-hidden': 'true' }, String(m.drills)));
      }
      // The month under its bar; the year under the first month and under each January.
      const [year, mm] = m.month.split('-');
      bars.append(svg('text', { x: xMid(i), y: H - bottom + 18, class: 'month-label', 'text-anchor': 'middle', 'aria-hidden': 'true' },
        monthName(m.month, 'short')));
      if (i === 0 || mm === '01') {
        bars.append(svg('text', { x: xMid(i), y: H - bottom + 34, class: 'month-label year-label', 'text-anchor': 'middle', 'aria-hidden': 'true' }, year));
      }
    });
    root.append(bars);

    // The line: months without an accepted drill break it; a lone month is a dot.
    const line = svg('g', { class: 'accept-line', 'aria-hidden': 'true' });
    const dots = svg('g', {});
    let run = [];
    const flush = () => {
      if (run.length > 1) line.append(svg('polyline', { points: run.map(([x, y]) => `${x},${y}`).join(' ') }));
      run = [];
    };
    months.forEach((m, i) => {
      const v = m.medianAcceptSeconds;
      if (v === null || v === undefined) {
        flush();
        return;
      }
      const point = [xMid(i), ySeconds(v)];
      run.push(point);
      dots.append(svg('circle', { cx: point[0], cy: point[1], r: 5, 'data-month': m.month }));
    });
    flush();
    line.append(dots);
    root.append(line);
    return root;
  }

  return { load };
}
