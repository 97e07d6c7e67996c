import { cjkFonts } from '../../platform/pdf-fonts.ts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateRow } from './certificates.repository.ts';

/** Field labels of the certificate data the PDF prints (form keys → Chinese). */
const LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '公民身份号码',
  address: '住址',
  registeredSince: '居住登记日期',
  businessName: '名称',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人（负责人）',
  premises: '经营场所',
  tradeName: '字号',
  scope: '经营范围',
  gender: '性别',
  nation: '民族',
  birthDate: '出生日期',
  type: '类型',
};

/** `2026-11-28T…Z` → `2026年11月28日` in the city's time zone. */
function chineseDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

/**
 * The certificate as an A4 PDF: title, holder, every data field, the issuing
 * unit and dates, and a QR code of the public verification URL.
 */
export async function renderCertificatePdf(r: CertificateRow, verifyUrl: string, timeZone: string): Promise<Buffer> {
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' }).modules;
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: r.title, Author: r.issuer_name, Subject: `电子证照 ${r.number}`, Creator: 'Jing 京通' } });
  const fonts = cjkFonts();
  doc.registerFont('cjk', fonts.regular);
  doc.registerFont('cjk-bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  doc.rect(40, 40, doc.page.width - 80, doc.page.height - 80).lineWidth(2).strokeColor('#b71c1c').stroke();
  doc.font('cjk-bold').fontSize(26).fillColor('#b71c1c').text(r.title, 56, 80, { width, align: 'center' });
  doc.font('cjk').fontSize(11).fillColor('#555').text(`电子证照 · 编号 ${r.number}`, { width, align: 'center' });
  doc.moveDown(2);

  const rows: [string, string][] = [
    [r.holder_kind === 'business' ? '持证主体' : '持证人', r.holder_name],
    [r.holder_kind === 'business' ? '统一社会信用代码' : '证件号码', r.holder_identifier],
  ];
  const data = JSON.parse(r.data_json) as Record<string, string>;
  for (const [k, v] of Object.entries(data)) {
    if (k === 'name' || k === 'idNumber' || k === 'businessName' || k === 'creditCode' || !v) continue;
    rows.push([LABELS[k] ?? k, v]);
  }
  rows.push(['发证机关', r.issuer_name]);
  rows.push(['发证日期', chineseDate(r.issued_at, timeZone)]);
  rows.push(['有效期', r.valid_until ? `${chineseDate(r.valid_from, timeZone)} 至 ${chineseDate(r.valid_until, timeZone)}` : '长期']);

  doc.fillColor('#222');
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('cjk-bold').fontSize(13).text(label, 72, y, { width: 150 });
    doc.font('cjk').fontSize(13).text(value, 230, y, { width: width - 174 });
    doc.moveDown(0.6);
  }

  const qrSize = 130;
  const qrY = doc.page.height - 96 - qrSize;
  // The QR code drawn as vector squares (one rectangle per run of dark modules): sharp at any zoom, no image to encode.
  const cell = qrSize / (qr.size + 2);
  doc.rect(72, qrY, qrSize, qrSize).fill('#fff');
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.get(y, x)) continue;
      let run = 1;
      while (x + run < qr.size && qr.get(y, x + run)) run++;
      doc.rect(72 + (x + 1) * cell, qrY + (y + 1) * cell, run * cell, cell);
      x += run - 1;
    }
  }
  doc.fill('#000');
  doc.font('cjk').fontSize(10).fillColor('#555');
  doc.text('扫码验证真伪', 72, qrY + qrSize + 4, { width: qrSize, align: 'center' });
  doc.text(`本证照由 ${r.issuer_name} 签发，经京通平台电子签名（Ed25519，密钥 ${r.key_id}）。任何改动都会使验证结果为“无效”。`, 230, qrY + 10, { width: width - 174 });
  doc.text(`验证地址：${verifyUrl.split('?')[0]}`, 230, doc.y + 6, { width: width - 174 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
