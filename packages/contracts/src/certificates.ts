/**
 * 电子证照: e-certificates and licences issued by Jing, signed with the
 * platform's Ed25519 key, kept in the holder's wallet (我的证照), reusable as
 * held materials (免提交), and verifiable by anyone through the QR code's URL.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

export const CertificateStatus = z.enum(['valid', 'revoked', 'expired']);

export const Certificate = z
  .object({
    id: z.string(),
    number: z.string().describe('证照编号'),
    type: z.string().describe('Certificate type, e.g. residence_permit, business_licence, id_card'),
    title: z.string().describe('证照名称'),
    holder: z.object({ id: z.string(), kind: z.string(), name: z.string(), identifier: z.string().describe('Masked ID number or the credit code') }),
    issuer: z.object({ code: z.string(), name: z.string() }),
    data: z.record(z.string(), z.string()).describe('The certificate’s fields (from the application form)'),
    issuedAt: Instant,
    validFrom: Instant,
    validUntil: Instant.nullable().describe('Null: valid without a time limit'),
    status: CertificateStatus,
    applicationId: z.string().nullable(),
    keyId: z.string(),
    verifyPath: z.string().describe('Path of the public verification page the QR code points to'),
  })
  .meta({ id: 'Certificate' });

/** The signed document: the canonical payload text and its Ed25519 signature (base64url). */
export const SignedCertificate = z
  .object({
    payload: z.string().min(2).max(20000).describe('Canonical JSON of the certificate, exactly as signed'),
    signature: z.string().min(10).max(200).describe('Ed25519 signature of the payload’s UTF-8 bytes, base64url'),
    keyId: z.string().min(1).max(64),
  })
  .meta({ id: 'SignedCertificate' });

export const Verdict = z
  .object({
    verdict: z.enum(['valid', 'invalid']),
    reason: z.enum(['unknown', 'signature', 'tampered', 'revoked', 'expired']).nullable().describe('Why it is invalid'),
    certificate: z
      .object({ number: z.string(), type: z.string(), title: z.string(), holderName: z.string(), holderIdentifier: z.string(), issuer: z.string(), issuedAt: Instant, validUntil: Instant.nullable() })
      .nullable()
      .describe('What the certificate says (masked), when it is known'),
    checkedAt: Instant,
  })
  .meta({ id: 'CertificateVerdict' });

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const certificateRoutes = {
  wallet: defineRoute({
    id: 'certificates.wallet',
    method: 'GET',
    path: '/api/v1/certificates',
    summary: '我的证照: certificates held by the signed-in person or the business they act for',
    tag: 'certificates',
    access: 'session',
    query: z.strictObject({ type: z.string().regex(/^[a-z_]{2,40}$/).optional() }),
    response: z.object({ items: z.array(Certificate) }),
  }),
  get: defineRoute({ id: 'certificates.get', method: 'GET', path: '/api/v1/certificates/:id', summary: 'One certificate of the holder', tag: 'certificates', access: 'session', params: IdParams, response: Certificate }),
  document: defineRoute({
    id: 'certificates.document',
    method: 'GET',
    path: '/api/v1/certificates/:id/document',
    summary: 'The signed document (payload and signature) for offline checks',
    tag: 'certificates',
    access: 'session',
    params: IdParams,
    response: SignedCertificate,
  }),
  pdf: defineRoute({
    id: 'certificates.pdf',
    method: 'GET',
    path: '/api/v1/certificates/:id/pdf',
    summary: 'The certificate as a PDF with its data, issuing unit and a QR code of the verification URL',
    tag: 'certificates',
    access: 'session',
    params: IdParams,
    response: null,
    produces: 'application/pdf',
  }),
  verify: defineRoute({
    id: 'certificates.verify',
    method: 'GET',
    path: '/api/v1/verify/:id',
    summary: '验证: is this certificate genuine, unaltered, unrevoked and in date? (what the QR code opens)',
    tag: 'certificates',
    access: 'public',
    params: IdParams,
    query: z.strictObject({ s: z.string().max(200).optional().describe('The signature printed in the QR code') }),
    response: Verdict,
  }),
  verifyDocument: defineRoute({
    id: 'certificates.verifyDocument',
    method: 'POST',
    path: '/api/v1/verify',
    summary: '验证: check a signed certificate document (an altered payload or signature is invalid)',
    tag: 'certificates',
    access: 'public',
    body: SignedCertificate,
    response: Verdict,
  }),
  revoke: defineRoute({
    id: 'certificates.revoke',
    method: 'POST',
    path: '/api/v1/certificates/:id/revoke',
    summary: '注销: the issuing unit revokes a certificate',
    tag: 'certificates',
    access: { permission: 'applications.process' },
    params: IdParams,
    body: z.strictObject({ reason: z.string().min(1).max(2000) }),
    response: Certificate,
  }),
} as const;
