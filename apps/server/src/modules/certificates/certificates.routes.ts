import { certificateRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { CertificateService } from './certificates.service.ts';
import { renderCertificatePdf } from './pdf.ts';

/**
 * `baseUrl` gives the public origin for the QR code: the configured public URL,
 * else the origin the request came to.
 */
export function certificateBindings(s: CertificateService, baseUrl: (host: string | undefined) => string, timeZone: string): RouteBinding[] {
  return [
    bind(r.wallet, async ({ caller, query }) => ({ items: await s.wallet(caller, query.type) })),
    bind(r.get, ({ caller, params }) => s.get(caller, params.id)),
    bind(r.document, ({ caller, params }) => s.document(caller, params.id)),
    bind(r.pdf, async (ctx) => {
      const row = await s.load(ctx.caller, ctx.params.id);
      const host = typeof ctx.headers.host === 'string' ? ctx.headers.host : undefined;
      const pdf = await renderCertificatePdf(row, baseUrl(host) + s.view(row).verifyPath, timeZone);
      ctx.header('content-type', 'application/pdf');
      ctx.header('content-disposition', `attachment; filename="certificate-${row.number}.pdf"`);
      ctx.header('cache-control', 'private, no-store');
      return pdf;
    }),
    bind(r.verify, ({ params, query }) => s.verifyById(params.id, query.s)),
    bind(r.verifyDocument, ({ body }) => s.verifyDocument(body)),
    bind(r.revoke, ({ caller, params, body }) => s.revoke(caller, params.id, body.reason)),
  ];
}
