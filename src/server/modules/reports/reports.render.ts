import type { ReportContent } from '../../../shared/contracts.js';

const AUDIENCE: Record<string, string> = { executive: 'Executive', team: 'Product team', company: 'Company-wide', customer: 'Customer' };

function subtitle(c: ReportContent): string {
  const range = c.from || c.to ? ` · ${c.from ?? '…'} to ${c.to ?? '…'}` : '';
  return `${c.productName} · ${AUDIENCE[c.audience] ?? c.audience} report${range}`;
}

/** Markdown: the title, a subtitle, then each section's heading, paragraphs and lists. */
export function toMarkdown(c: ReportContent): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>#])/g, '\\$1');
  const out = [`# ${esc(c.title)}`, '', `_${esc(subtitle(c))}_`, ''];
  for (const s of c.sections) {
    out.push(`## ${esc(s.heading)}`, '');
    for (const b of s.blocks) {
      if (b.type === 'paragraph') out.push(esc(b.text), '');
      else out.push(...b.items.map((i) => `- ${esc(i)}`), '');
    }
  }
  return out.join('\n');
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A self-contained HTML page: inline styles, every text escaped, no scripts. */
export function toHtml(c: ReportContent): string {
  const body = c.sections
    .map(
      (s) =>
        `<section><h2>${html(s.heading)}</h2>${s.blocks
          .map((b) => (b.type === 'paragraph' ? `<p>${html(b.text)}</p>` : `<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`))
          .join('')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(c.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}h1{margin-bottom:.25rem}.sub{color:#5c5f66;margin-top:0}h2{border-bottom:1px solid #dee2e6;padding-bottom:.25rem;margin-top:2rem}@media (prefers-color-scheme:dark){body{background:#1a1b1e;color:#e9ecef}.sub{color:#adb5bd}h2{border-color:#373a40}}</style>
</head><body><main><h1>${html(c.title)}</h1><p class="sub">${html(subtitle(c))}</p>
${body}
</main></body></html>`;
}

/** A PDF made with pdfkit: headings, paragraphs and bulleted lists (standard fonts, so text stays extractable). */
export async function toPdf(c: ReportContent, options: { compress?: boolean } = {}): Promise<Buffer> {
  // Loaded on the first export, not at start: pdfkit and its fonts cost a server's cold start ~0.2 s.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: options.compress ?? true, info: { Title: c.title, Subject: subtitle(c) } });
    const chunks: Buffer[] = [];
    doc.on('data', (d: Buffer) => chunks.push(d));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // The standard fonts know WinAnsi only: replace what they cannot draw.
    const safe = (s: string) => s.replace(/[→]/g, '->').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[…]/g, '...').replace(/[^ -~\xa0-\xff–—·•\t\n\r]/g, '?');
    doc.font('Helvetica-Bold').fontSize(20).text(safe(c.title));
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(safe(subtitle(c))).fillColor('#000000');
    for (const s of c.sections) {
      doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text(safe(s.heading));
      doc.moveDown(0.3).font('Helvetica').fontSize(11);
      for (const b of s.blocks) {
        if (b.type === 'paragraph') doc.text(safe(b.text)).moveDown(0.3);
        else doc.list(b.items.map(safe), { bulletRadius: 2, textIndent: 12 }).moveDown(0.3);
      }
    }
    doc.end();
  });
}
