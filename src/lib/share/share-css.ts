/**
 * The stylesheet of the shared HTML report: system fonts only (no download), one column up to a readable width,
 * tables that scroll sideways on a phone, and a print stylesheet for A4 ("print to PDF").
 */
export const SHARE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#f5f5f7}
main{max-width:920px;margin:0 auto;padding:16px;background:#fff}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.2rem;margin:1.4em 0 .5em}
.owner{font-size:1.15rem;font-weight:600;margin:.2em 0}
.meta{color:#555;margin:.4em 0;font-size:.92rem}
.note{padding:.5em .75em;border-radius:6px;font-size:.92rem}
.note.ok{background:#e8f4ec;color:#14532d}
.note.warn{background:#fdecea;color:#7f1d1d;font-weight:600}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0}
.kpi{border:1px solid #ddd;border-radius:8px;padding:10px 12px}
.kpi .value{font-size:1.45rem;font-weight:650;white-space:nowrap}
.kpi .label{color:#555;font-size:.85rem}
figure.chart{margin:18px 0;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:600;margin-bottom:6px}
svg{display:block;width:100%;max-width:600px;height:auto;font-family:inherit}
.legend{list-style:none;padding:0;margin:4px 0 8px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.88rem}
.legend li{display:flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px}
details{margin-top:6px}
summary{cursor:pointer;color:#0b57d0;font-size:.92rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;font-size:.88rem;min-width:100%}
th,td{padding:5px 8px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:600}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.texts td:first-child{min-width:220px;max-width:560px}
.sub{color:#666;font-size:.8rem;margin-top:3px}
.example{border-left:4px solid #E69F00;padding:4px 12px;margin:10px 0;background:#fffaf0;overflow-wrap:anywhere}
.example p{margin:.3em 0}
.example .dept{font-weight:600;color:#555;font-size:.88rem}
footer{margin-top:28px;color:#777;font-size:.85rem}
@media (max-width:600px){main{padding:12px}h1{font-size:1.3rem}.kpi .value{font-size:1.2rem}.kpis{grid-template-columns:repeat(2,1fr)}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
.scroll{overflow:visible}
table{font-size:7pt;width:100%}
th,td{padding:3px 4px}
td.n,th.n{white-space:normal}
table.texts td:first-child{min-width:0}
.kpis{grid-template-columns:repeat(5,1fr)}
.kpi .value{font-size:1.05rem;white-space:normal}
summary{display:none}
h2{break-after:avoid;page-break-after:avoid}
tr,.example,.kpis{break-inside:avoid;page-break-inside:avoid}
svg{max-width:16cm}
.kpi{border-color:#999}
}
`.replace(/\n/g, '');
