// The dashboard's style sheet, served as /dashboard/dashboard.css (see index-html.ts for why a string module).
export const DASHBOARD_CSS = String.raw`
:root {
  --ink: #1f2328;
  --ink-soft: #57606a;
  --paper: #f6f4ef;
  --card: #ffffff;
  --line: #e3ded3;
  --red: #a61b1b;
  --red-deep: #7f1414;
  --gold: #f3c553;
  --green: #1a7f37;
  --amber: #9a6700;
  --danger: #b42318;
  --focus: #0b5cd5;
  --radius: 12px;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
  color: var(--ink);
  background: var(--paper);
  line-height: 1.6;
}

* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
main { flex: 1; width: 100%; max-width: 1280px; margin: 0 auto; padding: 24px 20px 32px; }
main:focus { outline: none; }
[hidden] { display: none !important; }
h1, h2, h3, p { margin: 0; }

.skip-link { position: absolute; left: -9999px; top: 0; background: var(--card); color: var(--ink); padding: 8px 12px; z-index: 10; }
.skip-link:focus { left: 8px; top: 8px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

.masthead { background: linear-gradient(120deg, var(--red-deep), var(--red)); color: #fff; border-bottom: 4px solid var(--gold); }
.masthead-inner { max-width: 1280px; margin: 0 auto; padding: 14px 20px; display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px 24px; }
.brand { display: flex; align-items: center; gap: 14px; }
.seal { display: inline-grid; place-items: center; width: 52px; height: 52px; border: 2px solid var(--gold); border-radius: 50%; color: var(--gold); font-weight: 700; font-size: 15px; letter-spacing: 1px; }
.product { font-size: 14px; opacity: 0.9; letter-spacing: 2px; }
.township { font-size: 26px; font-weight: 700; letter-spacing: 4px; }
.session-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; font-size: 15px; }
.who { opacity: 0.95; }

.connection { display: inline-flex; align-items: center; gap: 8px; padding: 4px 12px; border-radius: 999px; background: rgba(255, 255, 255, 0.14); font-weight: 600; }
.connection .dot { width: 10px; height: 10px; border-radius: 50%; background: #c9c9c9; }
.connection[data-state="open"] .dot { background: #4ade80; box-shadow: 0 0 0 3px rgba(74, 222, 128, 0.3); }
.connection[data-state="reconnecting"] .dot, .connection[data-state="connecting"] .dot { background: var(--gold); animation: pulse 1.2s ease-in-out infinite; }
@keyframes pulse { 50% { opacity: 0.3; } }

button { font: inherit; cursor: pointer; border-radius: 8px; }
.button-quiet { background: transparent; color: #fff; border: 1px solid rgba(255, 255, 255, 0.6); padding: 4px 14px; }
.button-quiet:hover { background: rgba(255, 255, 255, 0.12); }

.sign-in { max-width: 460px; margin: 48px auto; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 32px; box-shadow: 0 4px 18px rgba(0, 0, 0, 0.06); }
.sign-in h1 { font-size: 24px; margin-bottom: 8px; }
.lead { color: var(--ink-soft); margin-bottom: 20px; }
.sign-in label { display: block; font-weight: 600; margin-bottom: 6px; }
.sign-in input { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid #b9b3a6; border-radius: 8px; margin-bottom: 16px; }
.sign-in button { width: 100%; padding: 10px; border: 0; background: var(--red); color: #fff; font-weight: 700; font-size: 17px; letter-spacing: 4px; }
.sign-in button:hover { background: var(--red-deep); }
.sign-in button:disabled { opacity: 0.6; cursor: progress; }
.form-error { color: var(--danger); min-height: 1.6em; margin-top: 10px; }

.term { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 8px 24px; margin-bottom: 20px; }
.eyebrow { color: var(--red); font-weight: 700; font-size: 14px; letter-spacing: 2px; }
.term h1 { font-size: 30px; letter-spacing: 2px; }
.term-dates { color: var(--ink-soft); font-size: 16px; }
.as-of { color: var(--ink-soft); font-size: 14px; }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 18px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px 20px 20px; border-top: 4px solid var(--red); }
.card h2 { font-size: 19px; margin-bottom: 12px; letter-spacing: 1px; }
.subhead { font-size: 15px; color: var(--ink-soft); margin: 14px 0 6px; font-weight: 600; }

.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px 16px; margin: 0; }
.figure dt { color: var(--ink-soft); font-size: 15px; }
.figure dd { margin: 0; }
.num, .money-line .amount { font-size: 34px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; letter-spacing: -0.5px; }
.unit { font-size: 15px; color: var(--ink-soft); margin-left: 4px; font-weight: 600; }
.money-line { display: block; white-space: nowrap; }
.money-line + .money-line .amount { font-size: 22px; }
.figure.warn .num { color: var(--danger); }
.note { color: var(--ink-soft); font-size: 14px; margin-top: 12px; }
.note:empty { display: none; }
.changed { animation: changed 1.6s ease-out; border-radius: 6px; }
@keyframes changed { from { background: #fff1b8; } to { background: transparent; } }

.statuses { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.statuses li { display: grid; grid-template-columns: 5.5em 1fr 3em; align-items: center; gap: 10px; font-size: 15px; }
.statuses .bar { height: 10px; background: #efe9dd; border-radius: 5px; overflow: hidden; }
.statuses .bar span { display: block; height: 100%; background: var(--red); border-radius: 5px; min-width: 0; transition: width 0.4s; }
.statuses .count { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }

.indicators { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
.indicators li { border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.indicators li:last-child { border-bottom: 0; padding-bottom: 0; }
.indicators li.empty { color: var(--ink-soft); }
.indicators .name { display: block; color: var(--ink-soft); font-size: 15px; }
.indicators .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.indicators .period { color: var(--ink-soft); font-size: 14px; margin-left: 6px; }
.indicators .detail { display: block; color: var(--ink-soft); font-size: 14px; }

.activity { grid-column: 1 / -1; }
.activity-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
.activity-list li { display: grid; grid-template-columns: 9.5em 11em 1fr auto; gap: 4px 16px; align-items: baseline; padding: 9px 4px; border-bottom: 1px solid var(--line); }
.activity-list li:last-child { border-bottom: 0; }
.activity-list li.empty { display: block; color: var(--ink-soft); }
.activity-list time { color: var(--ink-soft); font-variant-numeric: tabular-nums; }
.activity-list .what { font-weight: 700; }
.activity-list .where { color: var(--ink); overflow-wrap: anywhere; }
.activity-list .meta { color: var(--ink-soft); font-size: 14px; text-align: right; }
.activity-list li.fresh { animation: changed 2s ease-out; }

.footer { text-align: center; color: var(--ink-soft); font-size: 13px; padding: 16px 20px 24px; }

@media (max-width: 720px) {
  .township { font-size: 21px; }
  .term h1 { font-size: 24px; }
  .cards { grid-template-columns: 1fr; }
  .num, .money-line .amount { font-size: 28px; }
  .activity-list li { grid-template-columns: 1fr; gap: 0; }
  .activity-list .meta { text-align: left; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}

@media print {
  @page { size: A4; margin: 14mm; }
  :root { background: #fff; }
  body { display: block; }
  .masthead { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
  .seal { color: var(--ink); border-color: var(--ink); }
  .session-bar, .skip-link, .sign-in { display: none !important; }
  main { padding: 12px 0; max-width: none; }
  .cards { grid-template-columns: 1fr 1fr; gap: 10px; }
  .card { break-inside: avoid; border: 1px solid #999; border-top: 3px solid #000; }
  .indicators { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
.indicators li { border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.indicators li:last-child { border-bottom: 0; padding-bottom: 0; }
.indicators li.empty { color: var(--ink-soft); }
.indicators .name { display: block; color: var(--ink-soft); font-size: 15px; }
.indicators .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.indicators .period { color: var(--ink-soft); font-size: 14px; margin-left: 6px; }
.indicators .detail { display: block; color: var(--ink-soft); font-size: 14px; }

.activity { grid-column: 1 / -1; }
  .num, .money-line .amount { font-size: 24px; }
  .statuses .bar span { background: #333; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .changed, .fresh { animation: none; }
}
`;
