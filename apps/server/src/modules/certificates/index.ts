export { CertificateService, verifyPathOf, type NewCertificate } from './certificates.service.ts';
export { CertificateRepository, type CertificateRow } from './certificates.repository.ts';
export { CertificateSigner, canonicalJson } from './signer.ts';
export { certificateMigrations } from './migrations/index.ts';
export { certificateBindings } from './certificates.routes.ts';
export { certificateCommands } from './certificates.cli.ts';
export { renderCertificatePdf } from './pdf.ts';
