// The report's one stylesheet, inlined so the file stands alone (no network, no fonts).
import { filterCss } from './table.js';

const ACTION_COLOURS = `
.a-create{--fg:#1b5e20;--bg:#e3f4e4;--edge:#43a047}
.a-update{--fg:#7a4b00;--bg:#fff1d6;--edge:#f0a020}
.a-unchanged{--fg:#4b5563;--bg:#f1f3f5;--edge:#b8c0c8}
.a-delete{--fg:#8e1b1b;--bg:#fde8e8;--edge:#e05252}
.a-invalid{--fg:#5b1a78;--bg:#f3e6fa;--edge:#9c4dcc}
.a-conflict{--fg:#8a3000;--bg:#ffe6d9;--edge:#f4511e}
`;

const BASE = `
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem 3rem;overflow-wrap:anywhere;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid #e5e7eb}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
.muted{color:#6b7280;font-weight:normal}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.25rem 0 0;color:#4b5563}
.meta b{color:#1f2937;font-weight:600}
.dry-run{display:inline-block;margin-left:.5rem;padding:.05rem .5rem;border-radius:999px;background:#fff1d6;color:#7a4b00;font-size:.8rem;vertical-align:middle}
.warnings{margin:.75rem 0 0;padding:.5rem .75rem .5rem 2rem;background:#fffbeb;border:1px solid #fde68a;border-radius:6px}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr));gap:.5rem;margin:1rem 0 0}
.count{border:1px solid #e5e7eb;border-left:4px solid var(--edge,#9ca3af);border-radius:6px;padding:.4rem .6rem;background:var(--bg,#fff)}
.count .n{display:block;font-size:1.5rem;font-weight:650;line-height:1.1;color:var(--fg,#1f2937)}
.count .label{font-size:.8rem;color:#4b5563}
.count.zero{opacity:.55}
.planned{margin:.6rem 0 0;color:#4b5563}
.planned .chip{font-size:.85rem;padding:.05rem .5rem}
.legend{display:inline-flex;flex-wrap:wrap;gap:.3rem;margin-left:.5rem}
.chip.o-failed{--fg:#b91c1c;--bg:#fff;--edge:#c62828;outline:2px dashed #c62828;outline-offset:-2px}
.count.o-failed{--fg:#b91c1c;--edge:#c62828;border-left-style:dashed}
.chip{display:inline-block;padding:0 .45rem;border-radius:4px;border-left:3px solid var(--edge);background:var(--bg);color:var(--fg);font-size:.78rem;margin:0 .3rem .3rem 0}
.chip-room{color:#6b7280}
.all-day{margin:.25rem 0 .5rem}
.all-day-label{font-size:.78rem;color:#6b7280;margin-right:.5rem}
.grid-scroll{overflow-x:auto}
.grid{display:grid;border:1px solid #e5e7eb;border-radius:6px;min-width:min-content}
.corner,.room-name{position:sticky;top:0;background:#f9fafb;border-bottom:1px solid #e5e7eb;padding:.3rem .4rem;font-size:.8rem;font-weight:600}
.room-name{border-left:1px solid #e5e7eb;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.axis{position:relative}
.hour{position:absolute;right:.4rem;transform:translateY(-.1rem);font-size:.7rem;color:#6b7280;white-space:nowrap}
.lane{position:relative;border-left:1px solid #e5e7eb;background-image:linear-gradient(to bottom,#e5e7eb 0 1px,transparent 1px)}
.s{position:absolute;padding:1px 4px;overflow:hidden;border:1px solid #fff;border-left:3px solid var(--edge);border-radius:3px;background:var(--bg);color:var(--fg);font-size:.72rem;line-height:1.2;break-inside:avoid}
.s-time{display:block;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.s.a-delete .s-name,.chip.a-delete{text-decoration:line-through}
.s.o-failed{outline:2px dashed #c62828;outline-offset:-2px}
.s.o-not_attempted{opacity:.5;border-left-style:dotted}
.chip.o-not_attempted{--fg:#4b5563;--bg:#fff;--edge:#9ca3af;opacity:.7;border-left-style:dotted}
.filter-radio{position:absolute;opacity:0;pointer-events:none}
.filters{display:flex;flex-wrap:wrap;gap:.35rem;margin:.25rem 0 .6rem}
.filters label{cursor:pointer;user-select:none;padding:.2rem .65rem;border:1px solid #d1d5db;border-radius:999px;font-size:.82rem;background:#fff}
.filters label .n{color:inherit;opacity:.7}
.filters label.none{opacity:.45}
.filter-radio:focus-visible + *{outline:2px solid #2563eb}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th{text-align:left;font-weight:600;background:#f9fafb;border-bottom:2px solid #e5e7eb;padding:.35rem .5rem;white-space:nowrap}
td{border-bottom:1px solid #eef0f2;padding:.35rem .5rem;vertical-align:top}
td.when{white-space:nowrap}
/* A file name as sheet, a speaker's e-mail id: they wrap in a column of their own width, not widen the table. */
td.where,td.id{min-width:7.5rem}
td.room{min-width:6rem}
td.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem}
td.name{min-width:12rem;font-weight:500}
.badge{display:inline-block;padding:0 .45rem;border-radius:4px;background:var(--bg);color:var(--fg);border:1px solid var(--edge);font-size:.75rem;font-weight:600;white-space:nowrap}
.outcome{font-size:.72rem;color:#6b7280}
.outcome.o-failed{color:#b91c1c;font-weight:600}
.changes,.issues{margin:0;padding-left:1rem}
.changes li+li,.issues li+li{margin-top:.15rem}
.message{color:#6b7280;font-size:.8rem}
.message.o-failed{color:#b91c1c;font-size:inherit}
.changes .old,.changes .new{white-space:pre-line}
.changes .field,.cell .field{font-weight:600}
.changes .old{color:#8e1b1b;text-decoration:line-through;text-decoration-color:#e0525288}
.changes .new{color:#1b5e20}
.arrow{color:#6b7280}
.issue.error{color:#8e1b1b}
.issue.warning{color:#7a4b00}
.cell{color:#4b5563;font-size:.8rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:0 .2rem;border-radius:3px;white-space:pre-wrap}
.full{white-space:pre-wrap}
details summary{cursor:pointer}
.empty{color:#9ca3af;font-style:italic}
footer{margin-top:2rem;color:#9ca3af;font-size:.75rem}
@media (max-width:640px){
  body{padding:1rem .75rem 2rem}
  .legend{display:flex;margin:.3rem 0 0}
  td.name{min-width:9rem}
  .summary{grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr))}
}
@media print{
  body{padding:0;font-size:11px}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .filters{display:none}
  .table-wrap tr.r{display:table-row!important}
  .grid-scroll,.table-wrap{overflow:visible}
  .day{break-inside:avoid-page}
  tr{break-inside:avoid}
}
`;

export function reportCss(): string {
  return `${BASE}${ACTION_COLOURS}${filterCss()}\n`;
}
